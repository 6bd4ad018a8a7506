package cache

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReleaseKeepsData: released pages of a mapped file leave the resident
// set and read back the same when touched again, including a range that
// does not start or end on a page.
func TestReleaseKeepsData(t *testing.T) {
	want := bytes.Repeat([]byte("落户限制全面取消。"), 200_000) // about 5 MB
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
	f, fi, err := openRegular(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := mapFile(f, fi.Size())
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	defer unmapFile(data)
	base := rssFile(t)
	var sum byte
	for i := 0; i < len(data); i += 4096 {
		sum += data[i]
	}
	before := rssFile(t)
	t.Logf("RssFile %d kB before the mapping was read, %d kB after", base, before)
	if before-base < 4<<10 {
		// A tmpfs file's pages count as shared memory, not file pages.
		t.Skipf("reading the mapping did not raise RssFile (%d → %d kB): the temporary directory is not on a disk file system", base, before)
	}
	release(data[100 : len(data)-100])
	if after := rssFile(t); after > before-4<<10 {
		t.Errorf("RssFile %d kB before release, %d kB after: nothing left", before, after)
	}
	if !bytes.Equal(data, want) {
		t.Fatal("released pages read back different data")
	}
	if sum == 0 {
		t.Log("checksum of the pages read is zero")
	}
}

// rssFile returns the process's resident file-backed memory in kB.
func rssFile(t *testing.T) int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "RssFile:" {
			n := 0
			for _, c := range f[1] {
				n = n*10 + int(c-'0')
			}
			return n
		}
	}
	t.Skip("no RssFile in /proc/self/status")
	return 0
}
