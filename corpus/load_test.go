package corpus

import (
	"context"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestNoAnnotations: reading without the annotation pass gives the same
// documents — IDs, kinds, numbers, headings, texts, metadata — with no
// spans and no responsibility annotations, for the laws and the seeds.
func TestNoAnnotations(t *testing.T) {
	for _, dir := range []string{"testdata/laws", "../seeds"} {
		full, errs := LoadPathsContext(context.Background(), []string{dir}, LoadOptions{})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		plain, errs := LoadPathsContext(context.Background(), []string{dir}, LoadOptions{NoAnnotations: true})
		if len(errs) > 0 || len(plain.Docs) != len(full.Docs) {
			t.Fatalf("%s: %d documents, want %d (%v)", dir, len(plain.Docs), len(full.Docs), errs)
		}
		spans := 0
		for i, d := range full.Docs {
			p := plain.Docs[i]
			if p.ID != d.ID || p.Title != d.Title || p.Date != d.Date || strings.Join(p.Issuers, "|") != strings.Join(d.Issuers, "|") {
				t.Errorf("%s: metadata differs", d.ID)
			}
			var a, b []string
			d.Walk(func(n *Node) bool {
				a = append(a, n.ID+"|"+n.Number+"|"+n.Heading+"|"+n.Text)
				spans += len(n.Spans)
				return true
			})
			p.Walk(func(n *Node) bool {
				b = append(b, n.ID+"|"+n.Number+"|"+n.Heading+"|"+n.Text)
				if len(n.Spans) > 0 || len(n.Responsible) > 0 {
					t.Errorf("%s: annotated without the pass", n.ID)
				}
				return true
			})
			if strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("%s: the tree differs without annotations", d.ID)
			}
		}
		if spans == 0 {
			t.Errorf("%s: the full read has no spans: the test proves nothing", dir)
		}
	}
}

// TestLazyAnnotations: documents read with LazyAnnotations carry no
// annotations until first use, then exactly those an eager read computes,
// however many goroutines ask at once.
func TestLazyAnnotations(t *testing.T) {
	eager, _ := LoadPaths([]string{seedDir})
	lazy, errs := LoadPathsContext(context.Background(), []string{seedDir}, LoadOptions{LazyAnnotations: true})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	spans := 0
	lazy.Nodes(func(n *Node) bool { spans += len(n.Spans) + len(n.Responsible); return true })
	if spans != 0 {
		t.Fatalf("%d annotations before first use", spans)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		lazy.EnsureAnnotations() // all of them, on every processor
	}()
	for range 8 {
		for _, d := range lazy.Docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d.EnsureAnnotations()
				d.Walk(func(n *Node) bool { _ = len(n.Spans); return true })
			}()
		}
	}
	wg.Wait()
	for i, d := range lazy.Docs {
		var a, b []*Node
		d.Walk(func(n *Node) bool { a = append(a, n); return true })
		eager.Docs[i].Walk(func(n *Node) bool { b = append(b, n); return true })
		if len(a) != len(b) {
			t.Fatalf("%s: %d nodes, eager %d", d.ID, len(a), len(b))
		}
		for j := range a {
			if !reflect.DeepEqual(a[j].Spans, b[j].Spans) || !reflect.DeepEqual(a[j].Responsible, b[j].Responsible) || a[j].Leads != b[j].Leads {
				t.Errorf("%s: annotations differ from the eager read", a[j].ID)
				break
			}
		}
	}
}

// TestUniqueIDsNeverTaken: renumbering a clash never lands on another
// document's ID (file.txt twice beside file (2).txt, whose slug is
// file-2), and running it again changes nothing.
func TestUniqueIDsNeverTaken(t *testing.T) {
	mk := func(id string) *Document {
		d := &Document{ID: id}
		d.Children = []*Node{{ID: id + "/p1", Doc: d}}
		return d
	}
	docs := uniqueIDs([]*Document{mk("file"), mk("file-2"), mk("file")})
	got := []string{docs[0].ID, docs[1].ID, docs[2].ID, docs[2].Children[0].ID}
	want := []string{"file", "file-2", "file-3", "file-3/p1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("IDs %v, want %v", got, want)
	}
	again := uniqueIDs(docs)
	if again[2].ID != "file-3" || again[2].Children[0].ID != "file-3/p1" {
		t.Errorf("a second run renumbered again: %s", again[2].ID)
	}
}

// listingCache is a PackCache that records what it is told.
type listingCache struct {
	listed  bool
	entries []PackEntry
}

func (l *listingCache) Get(Source) (*Document, bool, bool)             { return nil, false, false }
func (l *listingCache) Put(Source, time.Time, []byte, *Document, bool) {}
func (l *listingCache) Annotated(*Document)                            {}
func (l *listingCache) GetPack([]Source) ([]PackEntry, bool)           { return nil, false }
func (l *listingCache) Listed(_ []Source, entries []PackEntry)         { l.listed, l.entries = true, entries }

// TestListOnlyContentFailures: a library is listed for a pack when its
// failures are decided by the files' content (an empty file), not when a
// file failed to open or read (a passing condition must not be packed).
func TestListOnlyContentFailures(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(seedDir + "/jiangxi-2020-social-mobility-implementation.txt")
	os.WriteFile(dir+"/a.txt", data, 0o644)
	os.WriteFile(dir+"/empty.txt", nil, 0o644)
	time.Sleep(10 * time.Millisecond) // changed before the load starts
	lc := &listingCache{}
	LoadPathsContext(context.Background(), []string{dir}, LoadOptions{Cache: lc})
	if !lc.listed || len(lc.entries) != 2 || lc.entries[1].Failure == "" {
		t.Fatalf("content failure: listed %v, entries %+v", lc.listed, lc.entries)
	}
	files := []string{dir + "/a.txt", dir + "/empty.txt"}
	docs := []*Document{{ID: "a"}, nil}
	osErr := &LoadError{files[1], &fs.PathError{Op: "open", Path: files[1], Err: syscall.EMFILE}}
	lc2 := &listingCache{}
	var infos []fs.FileInfo
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		infos = append(infos, info)
	}
	listLoad(lc2, files, infos, docs, []error{nil, osErr}, annotateNow, time.Now())
	if lc2.listed {
		t.Error("a library with a file that failed to open was listed for a pack")
	}
}
