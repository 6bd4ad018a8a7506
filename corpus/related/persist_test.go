package related

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"testing"

	"policyreader/corpus"
)

// storedOf writes x and loads it back over c.
func storedOf(t *testing.T, x *Index, c *corpus.Corpus) (*Index, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := x.WriteBinary(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	y, err := Load(c, data)
	if err != nil {
		t.Fatal(err)
	}
	return y, data
}

// TestStoredAnswersAsBuilt: the index read in place from its stored form
// answers every node of the seeds and the laws — indexed or not, Han,
// words and numbers — exactly as the index it was written from.
func TestStoredAnswersAsBuilt(t *testing.T) {
	c := lawsAndSeeds(t)
	x := New(c)
	y, _ := storedOf(t, x, c)
	if y.Len() != x.Len() || y.Len() < 1000 {
		t.Fatalf("stored index has %d nodes, built %d", y.Len(), x.Len())
	}
	queried, found := 0, 0
	c.Nodes(func(n *corpus.Node) bool {
		want, got := x.Related(n.ID, 0), y.Related(n.ID, 0)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%s: built %d matches, stored %d", n.ID, len(want), len(got))
		}
		if y.Indexed(n.ID) != x.Indexed(n.ID) {
			t.Fatalf("%s: Indexed differs", n.ID)
		}
		queried++
		if len(got) > 0 {
			found++
		}
		return true
	})
	if found < 500 {
		t.Fatalf("only %d of %d nodes have related clauses: the check proves little", found, queried)
	}
}

// TestStoredRefused: another corpus, another version, a form cut short
// are refused with ErrStored, never trusted.
func TestStoredRefused(t *testing.T) {
	c := loadSeeds(t)
	x := New(c)
	_, data := storedOf(t, x, c)
	other := corpus.NewCorpus(c.Docs[1:])
	if _, err := Load(other, data); !errors.Is(err, ErrStored) {
		t.Errorf("over other documents: %v", err)
	}
	// As many documents in another order: the stored form loads (its
	// documents are read only as queries reach them) but never answers
	// with another document's clauses.
	swapped := slices.Clone(c.Docs)
	swapped[0], swapped[1] = swapped[1], swapped[0]
	sc := corpus.NewCorpus(swapped)
	y, err := Load(sc, data)
	if err != nil {
		t.Fatal(err)
	}
	told := 0
	y.OnDamage(func() { told++ })
	right := New(sc)
	answered, refused := 0, 0
	sc.Nodes(func(n *corpus.Node) bool {
		got := y.Related(n.ID, 5)
		switch {
		case got == nil:
			refused++
		case !reflect.DeepEqual(got, right.Related(n.ID, 5)):
			t.Fatalf("%s: wrong related clauses from an index of another order", n.ID)
		default:
			answered++
		}
		return true
	})
	if refused == 0 || told != 1 {
		t.Errorf("an index over documents in another order answered %d queries, refused %d, told %d times", answered, refused, told)
	}
	version := bytes.Clone(data)
	version[len(storedMagic)]++
	if _, err := Load(c, version); !errors.Is(err, ErrStored) {
		t.Errorf("other version: %v", err)
	}
	for _, cut := range []int{0, 7, 40, len(data) / 2, len(data) - 1} {
		if _, err := Load(c, data[:cut]); !errors.Is(err, ErrStored) {
			t.Errorf("cut at %d of %d: %v", cut, len(data), err)
		}
	}
	shifted := make([]byte, len(data)+1)
	copy(shifted[1:], data)
	if _, err := Load(c, shifted[1:]); !errors.Is(err, ErrStored) {
		t.Errorf("not 8-byte aligned: %v", err)
	}
	if _, err := Load(c, append(bytes.Clone(data), 0, 0, 0, 0, 0, 0, 0, 0)); !errors.Is(err, ErrStored) {
		t.Errorf("with bytes left over: %v", err)
	}
}

// TestStoredDamageNeverPanics: bytes flipped anywhere past the header —
// the arrays a checksum guards in the cache — make queries answer wrongly
// at worst, never crash.
func TestStoredDamageNeverPanics(t *testing.T) {
	c := loadSeeds(t)
	x := New(c)
	_, data := storedOf(t, x, c)
	var ids []string
	c.Nodes(func(n *corpus.Node) bool {
		if len(ids) < 200 && x.Indexed(n.ID) {
			ids = append(ids, n.ID)
		}
		return true
	})
	for k := 0; k < 64; k++ {
		bad := bytes.Clone(data)
		for j := 0; j < 16; j++ {
			i := 72 + (k*7919+j*104729)%(len(bad)-72)
			bad[i] ^= 0xA5
		}
		y, err := Load(c, bad)
		if err != nil {
			continue
		}
		for _, id := range ids {
			y.Related(id, 5)
		}
	}
}

// FuzzLoad reads arbitrary bytes as the stored index of a small corpus:
// Load refuses them or gives an index whose queries return, never panic.
func FuzzLoad(f *testing.F) {
	c := corpus.NewCorpus([]*corpus.Document{
		docOf("a", "推进户籍制度改革，放开城区常住人口300万以下城市落户限制。", "完善GDP统计。"),
		docOf("b", "放开落户限制，推进户籍制度改革。", "统计GDP和PM2.5。"),
	})
	x := New(c)
	var buf bytes.Buffer
	if err := x.WriteBinary(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(storedMagic))
	var ids []string
	c.Nodes(func(n *corpus.Node) bool {
		ids = append(ids, n.ID)
		return true
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		y, err := Load(c, data)
		if err != nil {
			if !errors.Is(err, ErrStored) {
				t.Fatalf("error not wrapping ErrStored: %v", err)
			}
			return
		}
		for _, id := range ids {
			y.Related(id, 0)
		}
	})
}

// TestIndexedWithoutCorpus: an index of no corpus indexes nothing.
func TestIndexedWithoutCorpus(t *testing.T) {
	if New(nil).Indexed("a/b") {
		t.Error("an index of no corpus holds a node")
	}
}

// TestScoredIsRelated: the clauses scored and counted are those Related
// returns, and the first few read are its first few.
func TestScoredIsRelated(t *testing.T) {
	c := loadSeeds(t)
	x := New(c)
	y, _ := storedOf(t, x, c)
	counted := 0
	c.Nodes(func(n *corpus.Node) bool {
		s := y.Score(n.ID, 10)
		all := x.Related(n.ID, 10)
		if s.Len() != len(all) || !reflect.DeepEqual(s.Matches(0), all) || !reflect.DeepEqual(s.Matches(3), x.Related(n.ID, 3)) {
			t.Fatalf("%s: %d scored, %d related", n.ID, s.Len(), len(all))
		}
		counted += s.Len()
		return true
	})
	if counted == 0 {
		t.Fatal("nothing related: the check proves little")
	}
}
