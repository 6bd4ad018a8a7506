package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTmuxEndToEnd builds the real binary and drives it in tmux at 100×30:
// / 落户 Enter shows the clause about 城区常住人口 300 万 … 落户, and q exits 0.
func TestTmuxEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed; install it to run the end-to-end test (CI does)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "policyreader")
	build := exec.Command("go", "build", "-o", bin, "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	status := filepath.Join(dir, "status")
	script := filepath.Join(dir, "run.sh")
	body := "#!/bin/sh\nTERM=xterm-256color \"$1\"\necho $? > \"$2\"\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	session := "policyreader-test-" + filepath.Base(dir)
	sock := filepath.Join(dir, "tmux.sock")
	tm := func(args ...string) (string, error) {
		out, err := exec.Command(tmux, append([]string{"-S", sock}, args...)...).CombinedOutput()
		return string(out), err
	}
	if out, err := tm("new-session", "-d", "-s", session, "-x", "100", "-y", "30", script, bin, status); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { tm("kill-server") })

	capture := func() string {
		out, _ := tm("capture-pane", "-p", "-t", session)
		return out
	}
	waitScreen := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			s := capture()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	keys := func(k ...string) {
		t.Helper()
		if out, err := tm(append([]string{"send-keys", "-t", session}, k...)...); err != nil {
			t.Fatalf("send-keys %q: %v\n%s", k, err, out)
		}
	}

	waitScreen("the tree", func(s string) bool { return strings.Contains(s, "Documents") })
	keys("/")
	waitScreen("the search pane", func(s string) bool { return strings.Contains(s, "SEARCH") })
	keys("-l", "落户")
	waitScreen("results for 落户", func(s string) bool { return strings.Contains(s, "results") })
	keys("Enter")
	screen := waitScreen("the clause in the detail pane", func(s string) bool { return strings.Contains(s, "TEXT") })
	// The detail pane is right of the separator at 100 columns.
	var detail strings.Builder
	for _, line := range strings.Split(screen, "\n") {
		if i := strings.Index(line, "│"); i >= 0 {
			detail.WriteString(line[i+len("│"):])
		}
	}
	d := strings.ReplaceAll(detail.String(), " ", "")
	for _, want := range []string{"城区常住人口300万", "落户"} {
		if !strings.Contains(d, want) {
			t.Errorf("detail pane lacks %q; screen:\n%s", want, screen)
		}
	}
	keys("q")
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, err := os.ReadFile(status)
		if err == nil && len(strings.TrimSpace(string(b))) > 0 {
			if got := strings.TrimSpace(string(b)); got != "0" {
				t.Errorf("exit status %s, want 0", got)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("q did not exit within 10s; screen:\n%s", capture())
		}
		time.Sleep(100 * time.Millisecond)
	}
}
