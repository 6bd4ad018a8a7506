package search

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"unsafe"

	"policyreader/corpus"
)

// aligned copies b into an 8-byte-aligned buffer, as a mapped file is.
func aligned(b []byte) []byte {
	words := make([]uint64, (len(b)+7)/8)
	if len(words) == 0 {
		return []byte{}
	}
	out := unsafe.Slice((*byte)(unsafe.Pointer(&words[0])), len(words)*8)[:len(b)]
	copy(out, b)
	return out
}

// persistQueries cover every path of the matcher: Han runs and single
// runes (postings), full pinyin, initials and mixed terms (skeleton, letter
// and pair masks), Latin, digits, numbers, context terms and a query with
// stop runes only.
var persistQueries = []string{
	"落户", "业", "就业优先", "luohu", "lh", "jyyx", "lu", "jiu ye", "2025", "第三条",
	"广东 落户", "户籍 jy", "的", "，", "zxc", "GDP", "dang'an", "社会性流动",
}

// TestPersistRoundTrip: an index stored and loaded back answers every query
// exactly as the index built from the text, on the seeds and on the laws.
func TestPersistRoundTrip(t *testing.T) {
	for _, paths := range [][]string{{"../../seeds"}, {"../testdata"}} {
		c, _ := corpus.LoadPaths(paths)
		if len(c.Docs) == 0 {
			t.Fatalf("%v: nothing loaded", paths)
		}
		built := New(c)
		data := aligned(built.AppendBinary(nil))
		loaded, err := Load(c, data)
		if err != nil {
			t.Fatalf("%v: Load: %v", paths, err)
		}
		for _, q := range persistQueries {
			want, err1 := built.Search(context.Background(), q, 50)
			got, err2 := loaded.Search(context.Background(), q, 50)
			if err1 != nil || err2 != nil {
				t.Fatalf("%q: %v %v", q, err1, err2)
			}
			if !reflect.DeepEqual(ids(got), ids(want)) || !reflect.DeepEqual(scores(got), scores(want)) {
				t.Errorf("%v %q: loaded index gives %v, built %v", paths, q, ids(got), ids(want))
			}
		}
		if !reflect.DeepEqual(loaded.prefixes, built.prefixes) {
			t.Errorf("%v: reading prefixes differ after loading", paths)
		}
		if len(ids(search(t, loaded, "落户", 5))) == 0 && paths[0] == "../../seeds" {
			t.Errorf("落户 finds nothing on the seeds")
		}
	}
}

func scores(rs []Result) []int {
	out := make([]int, len(rs))
	for i, r := range rs {
		out[i] = r.Score
	}
	return out
}

// TestPersistRefusesDamage: a stored index cut short anywhere, of another
// version, over other documents or misaligned is refused with ErrStored,
// never a panic.
func TestPersistRefusesDamage(t *testing.T) {
	c, _ := corpus.LoadPaths([]string{"../../seeds"})
	data := New(c).AppendBinary(nil)
	for _, cut := range []int{0, 7, 8, 16, 40, 64, 65, len(data) / 3, len(data) / 2, len(data) - 1} {
		if _, err := Load(c, aligned(data[:cut])); !errors.Is(err, ErrStored) {
			t.Errorf("cut at %d of %d: err %v, want ErrStored", cut, len(data), err)
		}
	}
	bad := aligned(data)
	bad[8]++ // version
	if _, err := Load(c, bad); !errors.Is(err, ErrStored) {
		t.Errorf("other version: %v", err)
	}
	other := corpus.NewCorpus(c.Docs[:2])
	if _, err := Load(other, aligned(data)); !errors.Is(err, ErrStored) {
		t.Errorf("other documents: %v", err)
	}
	buf := aligned(append([]byte{0}, data...))
	if _, err := Load(c, buf[1:]); !errors.Is(err, ErrStored) {
		t.Errorf("misaligned: %v", err)
	}
}

// FuzzLoad: whatever the bytes, Load returns an index or an error, and an
// index it returns searches without panicking.
func FuzzLoad(f *testing.F) {
	c := buildCorpus([]nodeSpec{{"推进户籍制度改革", "放开城区常住人口300万以下城市落户限制"}, {"就业优先", "luohu 2025"}})
	f.Add(New(c).AppendBinary(nil))
	f.Add([]byte("PRINDEX\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := Load(c, aligned(data))
		if err != nil {
			return
		}
		for _, q := range []string{"落户", "lh", "luohu", "2", "就业 hj"} {
			ix.Search(context.Background(), q, 10)
		}
	})
}

// TestPersistRefusesBadReadingCount: a stored index claiming no reading
// table at all (or more ids than 16 bits hold) is refused, not a panic.
func TestPersistRefusesBadReadingCount(t *testing.T) {
	c := buildCorpus([]nodeSpec{{"abc", "plain ascii text"}})
	data := New(c).AppendBinary(nil)
	const offNpy = 8 + 4 + 4 + 4*8
	for _, npy := range []uint64{0, 1 << 16, 1 << 40} {
		bad := aligned(data)
		binary.NativeEndian.PutUint64(bad[offNpy:], npy)
		if _, err := Load(c, bad); !errors.Is(err, ErrStored) {
			t.Errorf("npy %d: %v", npy, err)
		}
	}
}

// TestStoredListsCheckedOnUse: a loaded index checks each posting list
// when a search first reads it; a list with an entry out of range or out
// of order fails the search with ErrStored — no panic, no short answer —
// and tells OnDamage's function, once.
func TestStoredListsCheckedOnUse(t *testing.T) {
	c, _ := corpus.LoadPaths([]string{"../../seeds"})
	ix, err := Load(c, aligned(New(c).AppendBinary(nil)))
	if err != nil {
		t.Fatal(err)
	}
	if rs := search(t, ix, "户", 5); len(rs) == 0 || ix.post.lazy.bad.Load() {
		t.Fatalf("户 finds %d results on a sound index", len(rs))
	}
	for _, damage := range []func(l []int32){
		func(l []int32) { l[len(l)-1] = int32(len(ix.entries)) }, // past the last entry
		func(l []int32) { l[0], l[1] = l[1], l[0] },              // out of order
	} {
		ix, _ := Load(c, aligned(New(c).AppendBinary(nil)))
		l := append([]int32(nil), ix.post.dense['落']...)
		damage(l)
		ix.post.dense['落'] = l
		told := 0
		ix.OnDamage(func() { told++ })
		for range 2 {
			rs, err := ix.Search(context.Background(), "落户", 5)
			if !errors.Is(err, ErrStored) || len(rs) != 0 {
				t.Errorf("a damaged list gave %d results, err %v", len(rs), err)
			}
		}
		if told != 1 {
			t.Errorf("OnDamage's function called %d times, want once", told)
		}
	}
}

// TestWriteBinaryAsAppend: the streamed stored form is AppendBinary's,
// byte for byte, through writes of any size.
func TestWriteBinaryAsAppend(t *testing.T) {
	laws, _ := filepath.Glob("../testdata/laws/*.md")
	c, _ := corpus.LoadPaths(append(laws, "../../seeds"))
	ix := New(c)
	want := ix.AppendBinary(nil)
	var got bytes.Buffer
	if err := ix.WriteBinary(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("streamed %d bytes, appended %d, or they differ", got.Len(), len(want))
	}
	if _, err := Load(c, aligned(got.Bytes())); err != nil {
		t.Fatal(err)
	}
	if err := ix.WriteBinary(&failingWriter{err: errors.New("disk full")}); err == nil {
		t.Error("a failing writer's error is lost")
	}
}

// TestDamagedSkeletonStaysInside: skeleton codes that do not describe
// their text (a stored index with two entries' rune counts swapped) never
// give matched positions outside the field, nor a panic.
func TestDamagedSkeletonStaysInside(t *testing.T) {
	c := buildCorpus([]nodeSpec{{"你就", "业好的就业"}, {"就业优先", "坚持就业优先"}})
	ix, err := Load(c, aligned(New(c).AppendBinary(nil)))
	if err != nil {
		t.Fatal(err)
	}
	// Heading 你就 (2 runes) gets 3 codes, the text after it one fewer,
	// and its pair bits allow 就业 (j then y) across the boundary.
	ix.entries[0].runes++
	ix.entries[1].runes--
	ix.skel.start[1]++
	k := int('j'-'a')*26 + int('y'-'a')
	ix.pairs[k*pairStride(len(ix.entries))] |= 1
	for _, q := range []string{"jy", "jiuye", "就业", "ni", "jyyx"} {
		rs, err := ix.Search(context.Background(), q, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			checkResult(t, q, r)
		}
	}
}
