package corpus

import "testing"

// TestNodeAt: NodeAt(i) is the i-th node Walk visits, in every document of
// the seeds and the laws (nested chapters, sections, articles and items),
// and nil past the last or before the first.
func TestNodeAt(t *testing.T) {
	c, _ := LoadPaths([]string{"../seeds", "testdata/laws"})
	if len(c.Docs) < 6 {
		t.Fatalf("%d documents", len(c.Docs))
	}
	for _, d := range c.Docs {
		var walked []*Node
		d.Walk(func(n *Node) bool {
			walked = append(walked, n)
			return true
		})
		for i, n := range walked {
			if got := d.NodeAt(i); got != n {
				t.Fatalf("%s: NodeAt(%d) is %v, want %s", d.ID, i, got, n.ID)
			}
		}
		if d.NodeAt(len(walked)) != nil || d.NodeAt(-1) != nil {
			t.Errorf("%s: a node outside the %d", d.ID, len(walked))
		}
	}
}
