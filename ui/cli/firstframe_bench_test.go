package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// terminalReplies answer the queries a terminal answers, as a real one
// would: background colour (OSC 11), primary device attributes and the
// cursor position.
var terminalReplies = []struct{ query, reply string }{
	{"\x1b]11;?\x07", "\x1b]11;rgb:1c1c/1c1c/1c1c\x07"},
	{"\x1b]11;?\x1b\\", "\x1b]11;rgb:1c1c/1c1c/1c1c\x1b\\"},
	{"\x1b[c", "\x1b[?62;22c"},
	{"\x1b[6n", "\x1b[1;1R"},
}

// BenchmarkFirstFrame measures exec to first frame of the reader on the
// seeds: the real binary in a pseudo-terminal of 100×30 that answers
// terminal queries, timed until the tree's title reaches the terminal.
// It reports the milliseconds and how many queries the reader sent before
// that frame. Run with: go test ./ui/cli -run XXX -bench FirstFrame.
func BenchmarkFirstFrame(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "policyreader")
	build := exec.Command("go", "build", "-o", bin, "../..")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	var total time.Duration
	queries := 0
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "--data-dir", filepath.Join(dir, "data"), "--lang", "en")
		// The cache is filled by the first run and read by the rest, as
		// on a user's machine.
		cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor", "POLICYREADER_CACHE="+filepath.Join(dir, "cache"))
		start := time.Now()
		ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
		if err != nil {
			b.Fatal(err)
		}
		var seen bytes.Buffer
		buf := make([]byte, 64<<10)
		answered := map[int]bool{}
		deadline := time.Now().Add(10 * time.Second)
		framed := false
		for !framed && time.Now().Before(deadline) {
			_ = ptmx.SetReadDeadline(time.Now().Add(2 * time.Second))
			n, err := ptmx.Read(buf)
			if n > 0 {
				seen.Write(buf[:n])
				s := seen.String()
				for k, q := range terminalReplies {
					if c := strings.Count(s, q.query); c > 0 && !answered[k*1000+c] {
						answered[k*1000+c] = true
						queries++
						_, _ = ptmx.Write([]byte(q.reply))
					}
				}
				// The title is styled rune by rune: look at the text.
				if strings.Contains(ansi.Strip(s), "Documents (5)") {
					total += time.Since(start)
					framed = true
				}
			}
			if err != nil && !framed {
				break
			}
		}
		_, _ = ptmx.Write([]byte("q"))
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		ptmx.Close()
		if !framed {
			b.Fatalf("no first frame; the terminal got:\n%q", seen.String())
		}
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-first-frame")
	b.ReportMetric(float64(queries)/float64(b.N), "queries")
}
