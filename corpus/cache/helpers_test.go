package cache

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"testing"

	"policyreader/corpus"
	"policyreader/corpus/related"
)

// seedDir holds the embedded documents, the tests' real data.
const seedDir = "../../seeds"

// inTwoProcesses runs the test named test again in two processes at once,
// with env added to their environment, and fails unless both succeed: the
// test, seeing env, plays one process.
func inTwoProcesses(t *testing.T, test string, env ...string) {
	t.Helper()
	var procs []*exec.Cmd
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$")
		cmd.Env = append(os.Environ(), env...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, cmd)
	}
	for i, p := range procs {
		if err := p.Wait(); err != nil {
			t.Fatalf("process %d: %v", i, err)
		}
	}
}

// lazyLibrary packs a copy of the seeds and laws as a reader's first read
// does (without annotations) and opens it on demand through a new store.
func lazyLibrary(t *testing.T) (dir string, s *Store, c *corpus.Corpus) {
	t.Helper()
	dir = copyLibrary(t)
	s = Open(t.TempDir())
	if _, err := s.BuildLibrary(context.Background(), []string{dir}, corpus.LoadOptions{LazyAnnotations: true}); err != nil {
		t.Fatal(err)
	}
	s, _, c = onDemand(t, dir, s.Dir())
	return dir, s, c
}

// sameEncoded fails unless got's documents are want's, in order, field for
// field with their annotations (read on demand, or not).
func sameEncoded(t *testing.T, what string, got []*corpus.Document, want *corpus.Corpus) {
	t.Helper()
	if len(got) != len(want.Docs) {
		t.Fatalf("%s: %d documents, want %d", what, len(got), len(want.Docs))
	}
	for i, d := range got {
		w := want.Docs[i]
		if d.ID != w.ID || d.Label() != w.Label() || !bytes.Equal(encoded(d), encoded(w)) {
			t.Errorf("%s: document %d, %s %q, is not %s %q", what, i, d.ID, d.Label(), w.ID, w.Label())
		}
	}
}

// sameRelated fails unless got, the clauses related to id, are want: the
// same IDs with the same scores, in order; it returns how many there are.
func sameRelated(t *testing.T, id string, got, want []related.Match) int {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d related, want %d", id, len(got), len(want))
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].Score != want[i].Score {
			t.Errorf("%s related %d: %s %.3f, want %s %.3f", id, i, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
		}
	}
	return len(got)
}
