package lazyre

import (
	"sync"
	"testing"
)

// TestLazy: the expression behaves as regexp's, compiled once however
// many goroutines use it first, and a bad one panics only when used.
func TestLazy(t *testing.T) {
	re := New(`第([一二三四五六七八九十]+)条`)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if m := re.FindStringSubmatch("依照本法第十二条规定"); len(m) != 2 || m[1] != "十二" {
				t.Errorf("submatch %q", m)
			}
		}()
	}
	wg.Wait()
	if !re.MatchString("第三条") || re.MatchString("第3条") || re.ReplaceAllString("第三条", "X") != "X" {
		t.Error("methods disagree with regexp")
	}
	bad := New(`(`)
	defer func() {
		if recover() == nil {
			t.Error("a bad expression did not panic on use")
		}
	}()
	bad.MatchString("x")
}
