package bookmark

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashChildEnv names the environment variable that turns the test binary
// into the writer TestCrashMidWriteLeavesOldOrNew kills.
const crashChildEnv = "POLICYREADER_BOOKMARK_CRASH_CHILD_DIR"

// crashWindow is how many bookmarks the child keeps: each write rewrites
// about crashWindow × 60 KB (more with the JSON around it), so a kill often lands mid-write.
const crashWindow = 8

func crashID(i int) string { return fmt.Sprintf("crash/%06d", i) }

// crashText is bookmark i's large, checkable text.
func crashText(i int) string {
	return fmt.Sprintf("%06d:", i) + strings.Repeat(string(rune(0x4e00+i%2000)), 20000)
}

// runCrashChild adds bookmarks crash/N with large texts forever, removing
// the oldest beyond crashWindow, resuming after the last one on disk. It
// stops by itself after a minute so a lost parent leaves no process behind.
func runCrashChild(dir string) {
	s, warnings, err := Open(dir)
	if err != nil || len(warnings) > 0 {
		fmt.Fprintln(os.Stderr, "child open:", err, warnings)
		os.Exit(3)
	}
	next := 0
	for _, b := range s.List() {
		var i int
		if _, err := fmt.Sscanf(b.NodeID, "crash/%d", &i); err == nil && i+1 > next {
			next = i + 1
		}
	}
	// A kill between an Add and its Remove leaves one bookmark too many:
	// finish that Remove first.
	for _, b := range s.List() {
		var i int
		if _, err := fmt.Sscanf(b.NodeID, "crash/%d", &i); err == nil && i <= next-1-crashWindow {
			if err := s.Remove(b.NodeID); err != nil {
				fmt.Fprintln(os.Stderr, "child trim:", err)
				os.Exit(5)
			}
		}
	}
	deadline := time.Now().Add(time.Minute)
	for i := next; time.Now().Before(deadline); i++ {
		if err := s.Add(Bookmark{NodeID: crashID(i), DocID: "crash", Text: crashText(i), Note: "第" + fmt.Sprint(i) + "条"}); err != nil {
			fmt.Fprintln(os.Stderr, "child add:", err)
			os.Exit(4)
		}
		if i >= crashWindow {
			if err := s.Remove(crashID(i - crashWindow)); err != nil {
				fmt.Fprintln(os.Stderr, "child remove:", err)
				os.Exit(5)
			}
		}
	}
	os.Exit(0)
}

// checkCrashFile asserts the file is a complete state some write of the
// child produced: valid JSON, a contiguous run of bookmarks of the right
// length, every text intact. It returns the newest bookmark number.
func checkCrashFile(t *testing.T, dir string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatalf("after kill: %v", err)
	}
	var f fileFormat
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("after kill the file is torn (%d bytes): %v", len(data), err)
	}
	if f.Version != Version {
		t.Fatalf("after kill: version %d", f.Version)
	}
	n := len(f.Bookmarks)
	if n == 0 {
		t.Fatal("after kill: no bookmarks")
	}
	var first int
	if _, err := fmt.Sscanf(f.Bookmarks[0].NodeID, "crash/%d", &first); err != nil {
		t.Fatalf("after kill: bad ID %q", f.Bookmarks[0].NodeID)
	}
	last := first + n - 1
	if first == 0 && last < crashWindow {
		// still filling the window
	} else if n != crashWindow && n != crashWindow+1 {
		t.Fatalf("after kill: %d bookmarks (%d..%d), want %d or %d", n, first, last, crashWindow, crashWindow+1)
	}
	for k, b := range f.Bookmarks {
		if b.NodeID != crashID(first+k) || b.Text != crashText(first+k) || b.Note != "第"+fmt.Sprint(first+k)+"条" {
			t.Fatalf("after kill: bookmark %d is %q, not intact; all: %v", k, b.NodeID, ids(f.Bookmarks))
		}
	}
	return last
}

// TestCrashMidWriteLeavesOldOrNew kills a writing child process with
// SIGKILL at random moments: the file must always be the old or the new
// version, never torn, and the next run must open it without warnings.
func TestCrashMidWriteLeavesOldOrNew(t *testing.T) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		runCrashChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("spawns and kills child processes")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 6))
	progress, midWrite := -1, 0
	const rounds = 10
	for round := range rounds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashMidWriteLeavesOldOrNew$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Let it write for a while: the first round until the file
		// exists; then even rounds a random 30–300 ms, odd rounds a
		// random 30–300 ms and then the moment a temporary file shows a
		// write in progress.
		// The child ends itself only on failure; a generous deadline turns
		// a child that died before writing into a clear failure, not a
		// hang until the test binary's timeout.
		for deadline := time.Now().Add(30 * time.Second); round == 0; {
			if _, err := os.Stat(filepath.Join(dir, FileName)); err == nil {
				break
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("the writing child never created %s: %s", FileName, stderr.String())
			}
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(time.Duration(30+rng.IntN(270)) * time.Millisecond)
		for end := time.Now().Add(2 * time.Second); round%2 == 1 && time.Now().Before(end); {
			if temps, _ := filepath.Glob(filepath.Join(dir, "."+FileName+"*")); len(temps) > 0 {
				break
			}
			time.Sleep(50 * time.Microsecond)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: child was not killed (it ended first: %v, %s)", round, err, stderr.String())
		}
		temps, _ := filepath.Glob(filepath.Join(dir, "."+FileName+"*"))
		if len(temps) > 0 {
			midWrite++
		}
		last := checkCrashFile(t, dir)
		if last < progress {
			t.Fatalf("round %d: file went back from %d to %d", round, progress, last)
		}
		progress = last
	}
	t.Logf("%d kills, %d of them mid-write (temp file left behind); reached bookmark %d", rounds, midWrite, progress)
	if midWrite == 0 {
		t.Error("no kill landed mid-write; the test proved nothing")
	}
	s, warnings, err := Open(dir)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("reopen after kills: %v %q", err, warnings)
	}
	if err := s.Add(bm("crash/after", "之后")); err != nil {
		t.Fatal(err)
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, "."+FileName+"*")); len(temps) > 0 {
		t.Errorf("stale temp files not cleaned by the next write: %v", temps)
	}
}
