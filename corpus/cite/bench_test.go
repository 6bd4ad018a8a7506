package cite

import (
	"testing"

	"policyreader/corpus"
)

// BenchmarkNewResolver indexes the 164 laws and rules of the test data.
func BenchmarkNewResolver(b *testing.B) {
	c := loadCorpus(b, lawFolders...)
	b.ResetTimer()
	for b.Loop() {
		NewResolver(c)
	}
}

// BenchmarkLinks finds and resolves the citations of every node of the
// 164 laws and rules, as a reader scrolling through all of them would.
func BenchmarkLinks(b *testing.B) {
	c := loadCorpus(b, lawFolders...)
	r := NewResolver(c)
	var nodes []*corpus.Node
	c.Nodes(func(n *corpus.Node) bool { nodes = append(nodes, n); return true })
	b.ResetTimer()
	for b.Loop() {
		for _, n := range nodes {
			r.Links(n)
		}
	}
}
