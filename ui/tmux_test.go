package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// tmuxTimeout bounds every wait for the screen or the exit status.
const tmuxTimeout = 10 * time.Second

// tmuxRun is one run of the real binary in a detached tmux session.
type tmuxRun struct {
	t       *testing.T
	tmux    string
	sock    string
	session string
	status  string // file the wrapper writes the exit status to
}

// startTmux runs bin with args in a new tmux session of w×h. Runs of one
// test share a tmux server (sock), killed at the end of the test.
func startTmux(t *testing.T, tmux, dir, name string, w, h int, bin string, args ...string) *tmuxRun {
	t.Helper()
	script := filepath.Join(dir, "run.sh")
	body := "#!/bin/sh\nstatus=$1\nshift\nPOLICYREADER_CACHE=\"$status.cache\" LANG=C.UTF-8 LC_ALL= LC_MESSAGES= TERM=xterm-256color \"$@\" 2>\"$status.stderr\"\necho $? > \"$status\"\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	r := &tmuxRun{t: t, tmux: tmux, sock: filepath.Join(dir, "tmux.sock"),
		session: "policyreader-" + name + "-" + filepath.Base(dir), status: filepath.Join(dir, name+".status")}
	cmd := append([]string{"new-session", "-d", "-s", r.session, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), script, r.status, bin}, args...)
	if out, err := r.tm(cmd...); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { r.tm("kill-server") })
	return r
}

func (r *tmuxRun) tm(args ...string) (string, error) {
	out, err := exec.Command(r.tmux, append([]string{"-S", r.sock}, args...)...).CombinedOutput()
	return string(out), err
}

func (r *tmuxRun) capture() string {
	out, _ := r.tm("capture-pane", "-p", "-t", r.session)
	return out
}

// waitScreen polls the pane until ok holds, failing after tmuxTimeout.
func (r *tmuxRun) waitScreen(what string, ok func(string) bool) string {
	r.t.Helper()
	deadline := time.Now().Add(tmuxTimeout)
	for {
		s := r.capture()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// settle waits until two captures 150 ms apart agree — the screen has
// finished drawing — and returns it.
func (r *tmuxRun) settle() string {
	r.t.Helper()
	prev := r.capture()
	deadline := time.Now().Add(tmuxTimeout)
	for time.Now().Before(deadline) {
		time.Sleep(150 * time.Millisecond)
		s := r.capture()
		if s == prev {
			return s
		}
		prev = s
	}
	r.t.Fatalf("the screen never settled:\n%s", prev)
	return prev
}

// waitText waits until the pane shows every one of texts.
func (r *tmuxRun) waitText(what string, texts ...string) string {
	r.t.Helper()
	return r.waitScreen(what, func(s string) bool {
		for _, x := range texts {
			if !strings.Contains(s, x) {
				return false
			}
		}
		return true
	})
}

// keys sends tmux key names (or, after "-l", literal text). Send one key
// per call: bubbletea reads runes that arrive together as one message.
func (r *tmuxRun) keys(k ...string) {
	r.t.Helper()
	if out, err := r.tm(append([]string{"send-keys", "-t", r.session}, k...)...); err != nil {
		r.t.Fatalf("send-keys %q: %v\n%s", k, err, out)
	}
}

// waitExit waits for the program to end and checks its status is 0.
func (r *tmuxRun) waitExit() {
	r.t.Helper()
	if status, stderr := r.waitStatus(); status != "0" {
		r.t.Errorf("exit status %s, want 0; stderr: %s", status, stderr)
	}
}

// waitStatus waits for the program to end and returns its exit status and
// what it wrote to stderr.
func (r *tmuxRun) waitStatus() (string, string) {
	r.t.Helper()
	deadline := time.Now().Add(tmuxTimeout)
	for {
		b, err := os.ReadFile(r.status)
		if err == nil && len(strings.TrimSpace(string(b))) > 0 {
			stderr, _ := os.ReadFile(r.status + ".stderr")
			return strings.TrimSpace(string(b)), string(stderr)
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("the program did not exit within %v; screen:\n%s", tmuxTimeout, r.capture())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// detailText is the detail pane of a 100-column screen (right of the
// separator), spaces removed.
func detailText(screen string) string {
	var detail strings.Builder
	for _, line := range strings.Split(screen, "\n") {
		if i := strings.Index(line, "│"); i >= 0 {
			detail.WriteString(line[i+len("│"):])
		}
	}
	return strings.ReplaceAll(detail.String(), " ", "")
}

// buildForTmux skips t under -short or without tmux; otherwise it builds
// the real binary into a temporary dir and returns the path of tmux, the
// dir and the binary.
func buildForTmux(t *testing.T) (tmux, dir, bin string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed but CI is set: .ci/run must install it")
		}
		t.Skip("tmux is not installed; install it to run the end-to-end test (CI does)")
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "policyreader")
	if out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return tmux, dir, bin
}

// TestTmuxEndToEnd builds the real binary and drives it in tmux at 100×30:
// / 落户 Enter shows the clause about 城区常住人口 300 万 … 落户; b
// bookmarks it and q exits 0. Started again on the same --data-dir, the
// reader reopens on that clause and B lists the bookmark.
func TestTmuxEndToEnd(t *testing.T) {
	tmux, dir, bin := buildForTmux(t)
	data := filepath.Join(dir, "data")
	clause := []string{"城区常住人口300万", "落户"}

	r := startTmux(t, tmux, dir, "first", 100, 30, bin, "--data-dir", data)
	r.waitText("the tree", "Documents")
	r.keys("/")
	r.waitText("the search pane", "SEARCH")
	r.keys("-l", "落户")
	r.waitText("results for 落户", "results")
	r.keys("Enter")
	screen := r.waitText("the clause in the detail pane", "TEXT")
	for _, want := range clause {
		if !strings.Contains(detailText(screen), want) {
			t.Errorf("detail pane lacks %q; screen:\n%s", want, screen)
		}
	}
	r.keys("b")
	r.waitText("the bookmark confirmed", "bookmarked (四)")
	r.keys("q")
	r.waitExit()
	if _, err := os.Stat(filepath.Join(data, "bookmarks.json")); err != nil {
		t.Fatalf("no bookmarks file after the first run: %v", err)
	}

	r = startTmux(t, tmux, dir, "second", 100, 30, bin, "--data-dir", data)
	screen = r.waitScreen("the reader reopened on the clause", func(s string) bool {
		return strings.Contains(s, "TEXT") && strings.Contains(detailText(s), clause[0])
	})
	if !strings.Contains(screen, "(四)以户籍制度和公共服务牵引区域流动") || !strings.Contains(detailText(screen), clause[1]) {
		t.Errorf("second run did not reopen on clause (四); screen:\n%s", screen)
	}
	r.keys("B")
	r.waitText("the bookmark listed", "Bookmarks (1)", "(四)以户籍制度和公共服务牵引区域流动", "just now")
	r.keys("Escape")
	r.waitText("the list closed", "TEXT")
	r.keys("q")
	r.waitExit()
}

// TestTmuxCorpusFolder runs the real binary on --corpus with a folder
// holding a seed in GB18030 and a binary file: the reader opens on the
// document, the status bar warns about the skipped file, q exits 0.
func TestTmuxCorpusFolder(t *testing.T) {
	tmux, dir, bin := buildForTmux(t)
	seed, err := os.ReadFile(filepath.Join("..", "seeds", "central-2019-social-mobility-opinions.txt"))
	if err != nil {
		t.Fatal(err)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(seed)
	if err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"opinions-gb18030.txt": gb,
		"binary.txt":           {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'},
	} {
		if err := os.WriteFile(filepath.Join(docs, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := startTmux(t, tmux, dir, "corpus", 100, 30, bin, "--corpus", docs, "--data-dir", filepath.Join(dir, "data"))
	r.waitText("the document and the warning", "Documents (1)", "关于促进劳动力和人才社会性流动体制机制改革的意见",
		"1 file skipped: binary.txt: not a text file (binary data)")
	r.keys("Enter")
	screen := r.waitText("the document's text", "TEXT")
	if !strings.Contains(detailText(screen), "社会性流动") {
		t.Errorf("detail pane does not show the document; screen:\n%s", screen)
	}
	r.keys("q")
	r.waitExit()
}

// TestTmuxLaw runs the real binary on a law at 80×24: it opens to its
// chapters, / 第二十五条 Enter lands on that article with its items, and
// q exits 0.
func TestTmuxLaw(t *testing.T) {
	tmux, dir, bin := buildForTmux(t)
	laws, err := filepath.Glob(filepath.Join("..", "corpus", "testdata", "laws", "073-*.md"))
	if err != nil || len(laws) != 1 {
		t.Fatalf("law fixture: %v %v", laws, err)
	}
	r := startTmux(t, tmux, dir, "law", 80, 24, bin, "--corpus", laws[0], "--data-dir", filepath.Join(dir, "data"))
	r.waitText("the law's chapters", "Documents (1)", "第一章 总则", "第二章 政治权利")
	r.keys("/")
	r.waitText("the search pane", "SEARCH")
	r.keys("-l", "第二十五条")
	r.waitText("results for 第二十五条", "result")
	r.keys("Enter")
	screen := r.waitText("the article in the detail pane", "TEXT")
	for _, want := range []string{"第二十五条", "用人单位应当采取下列措施", "（一）"} {
		if !strings.Contains(detailText(screen), want) {
			t.Errorf("detail pane lacks %q; screen:\n%s", want, screen)
		}
	}
	r.keys("q")
	r.waitExit()
}

// TestTmuxMixedFolder runs the real binary on a folder mixing every
// format it reads — .txt, .md, .html, .docx, .pdf — and a legacy .doc: all
// five documents open, the .doc is skipped with how to convert it, and a
// search finds text that is only in the PDF's and the web page's copies.
func TestTmuxMixedFolder(t *testing.T) {
	tmux, dir, bin := buildForTmux(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed but CI is set: .ci/run must install poppler-utils")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils); CI installs it")
	}
	docs := filepath.Join(dir, "mixed")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	for dst, src := range map[string]string{
		"a-opinions.txt":  filepath.Join("..", "seeds", "central-2019-social-mobility-opinions.txt"),
		"b-law.md":        filepath.Join("..", "corpus", "testdata", "laws", "073-社会法-妇女权益保障法(2022-10-30).md"),
		"c-page.html":     filepath.Join("..", "corpus", "testdata", "govcn-html", "001.html"),
		"d-notice.docx":   filepath.Join("..", "corpus", "testdata", "office", "grid-planning.docx"),
		"e-notice.pdf":    filepath.Join("..", "corpus", "testdata", "office", "grid-planning.pdf"),
		"f-old-draft.doc": "",
	} {
		data := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}
		if src != "" {
			var err error
			if data, err = os.ReadFile(src); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(docs, dst), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := startTmux(t, tmux, dir, "mixed", 120, 30, bin, "--corpus", docs, "--data-dir", filepath.Join(dir, "data"))
	// The .docx and the .pdf are one notice: the second copy's label
	// carries its ID.
	r.waitText("five documents and the warning", "Documents (5)", "妇女权益保障法", "市场监管领域", "e-notice",
		"1 file skipped", "Word 97-2003 (.doc)")
	r.keys("/")
	r.waitText("the search pane", "SEARCH")
	r.keys("-l", "深化电网规划编制内容要求")
	r.waitText("both copies of the clause", "2 results")
	r.keys("Escape")
	r.waitScreen("the search closed", func(s string) bool { return !strings.Contains(s, "SEARCH") })
	r.keys("q")
	r.waitExit()
}

// TestTmuxLockedStore: another process holds the bookmarks lock while the
// reader bookmarks a clause. Released in time, the bookmark is saved and
// the reader exits 0; held to the end, the reader waits, says a second q
// quits without saving, and after leaving the screen reports the unsaved
// changes on stderr and exits non-zero — never a silent loss.
func TestTmuxLockedStore(t *testing.T) {
	tmux, dir, bin := buildForTmux(t)
	for _, release := range []bool{true, false} {
		data := filepath.Join(dir, fmt.Sprintf("data-%v", release))
		if err := os.MkdirAll(data, 0o700); err != nil {
			t.Fatal(err)
		}
		other := flock.New(filepath.Join(data, "bookmarks.json.lock"))
		if err := other.Lock(); err != nil {
			t.Fatal(err)
		}
		r := startTmux(t, tmux, dir, fmt.Sprintf("locked-%v", release), 100, 30, bin, "--data-dir", data)
		r.waitText("the tree", "Documents", "1/11")
		r.keys("j")
		r.waitText("the cursor on the first clause", "2/11")
		r.keys("b")
		r.waitText("the bookmark taken", "bookmarked")
		if release {
			other.Unlock()
			r.keys("q")
			r.waitExit()
			saved, err := os.ReadFile(filepath.Join(data, "bookmarks.json"))
			if err != nil || !strings.Contains(string(saved), `"node_id"`) {
				t.Errorf("released lock: the bookmark was not saved: %v\n%s", err, saved)
			}
			continue
		}
		r.waitText("the write waiting", "still trying to save the bookmark")
		r.keys("q")
		r.waitText("the quit waiting", "q again quits without saving")
		r.keys("q")
		status, stderr := r.waitStatus()
		if status == "0" || !strings.Contains(stderr, "not saved") || !strings.Contains(stderr, "another policyreader") {
			t.Errorf("held lock: exit %s, stderr %q; want a non-zero exit naming the unsaved changes and the lock", status, stderr)
		}
		other.Unlock()
	}
}

// TestTmuxFollowCitation runs the real binary on a regulation: search
// lands on a penalty article, ] selects its first citation of another
// article, Enter follows it and Esc comes back.
func TestTmuxFollowCitation(t *testing.T) {
	tmux, dir, bin := buildForTmux(t)
	law := filepath.Join("..", "corpus", "testdata", "laws", "027-广东地方法规-深圳经济特区中医药条例(2023-01-06).md")
	r := startTmux(t, tmux, dir, "cite", 80, 24, bin, "--corpus", law, "--data-dir", filepath.Join(dir, "data"))
	r.waitText("the regulation's chapters", "Documents (1)", "第一章 总则")
	r.keys("/")
	r.waitText("the search pane", "SEARCH")
	r.keys("-l", "第九十四条")
	r.waitText("results for 第九十四条", "result")
	r.keys("Enter")
	r.waitText("the citing article", "TEXT", "第九十四条")
	r.keys("]")
	r.waitText("the first citation selected", "1/3 →")
	r.keys("Enter")
	screen := r.waitText("the cited article", "esc goes back")
	if !strings.Contains(detailText(screen), "第四十三条") || !strings.Contains(detailText(screen), "符合下列条件的医疗机构") {
		t.Errorf("enter did not follow to 第四十三条; screen:\n%s", screen)
	}
	r.keys("Escape")
	screen = r.waitScreen("back on the citing article", func(s string) bool {
		return strings.Contains(detailText(s), "第九十四条") && !strings.Contains(s, "esc goes back")
	})
	if !strings.Contains(detailText(screen), "违反本条例第四十三条第一款") {
		t.Errorf("esc did not come back to 第九十四条; screen:\n%s", screen)
	}
	r.keys("q")
	r.waitExit()
}

// TestTmuxCompareAndBodies drives the compare pane and the responsible
// bodies in a real terminal: c on the central (四), ] to Guangdong's (七),
// Enter into it, Esc back; o, filter by pinyin, list a body's clauses.
func TestTmuxCompareAndBodies(t *testing.T) {
	tmux, dir, bin := buildForTmux(t)
	r := startTmux(t, tmux, dir, "compare", 100, 30, bin, "--data-dir", filepath.Join(dir, "data"))
	r.waitText("the seeds", "Documents (5)")
	r.keys("/")
	r.waitText("the search pane", "SEARCH")
	r.keys("-l", "以户籍制度和公共服务牵引")
	r.waitText("the result", "1 result")
	r.keys("Enter")
	r.waitText("the central clause", "TEXT", "(四)以户籍制度")
	r.keys("c")
	r.waitText("the compare pane", "COMPARE", "similarity")
	r.keys("]")
	screen := r.waitText("Guangdong's (七) compared", "(七)深化户籍制度改革", "2/", "similarity 0.48")
	if !strings.Contains(screen, "调整完善广州、深圳积分落户政策") || !strings.Contains(screen, "│") {
		t.Errorf("the two clauses are not side by side; screen:\n%s", screen)
	}
	r.keys("Enter")
	r.waitScreen("Guangdong's clause opened", func(s string) bool {
		return strings.Contains(s, "TEXT") && strings.Contains(detailText(s), "调整完善广州、深圳积分落户政策")
	})
	r.keys("Escape")
	// Guangdong's clause holds the central one's words too: the
	// breadcrumb tells them apart. Waiting for it also keeps Escape and
	// the next key from arriving together (read as alt+o).
	r.waitScreen("back on the central clause", func(s string) bool {
		d := detailText(s)
		return strings.Contains(d, "全面取消城区常住人口300万以下") && strings.HasPrefix(d, "中央")
	})
	r.keys("o")
	r.waitText("the bodies", "BODIES", "lead part named")
	r.keys("-l", "renshebu")
	r.waitText("the ministry", "人社部 = 人力资源社会保障部")
	r.keys("Enter")
	r.waitText("its clauses", "named in 3", "[named]")
	// One Escape at a time: ESC ESC in one read is alt+esc.
	r.keys("Escape")
	r.waitText("the list again", "body › renshebu", "1 of")
	r.keys("Escape")
	r.waitScreen("the filter cleared", func(s string) bool { return !strings.Contains(s, "renshebu") })
	r.keys("Escape")
	r.waitText("the reader", "TEXT")
	r.keys("q")
	r.waitExit()
}

// TestTmuxNavigate drives the history, find-in-document and go-to in a
// real terminal: search → jump → Esc back → alt+→ forward; n and N walk
// the query's matches in the document; : 第3条 in a law.
func TestTmuxNavigate(t *testing.T) {
	tmux, dir, bin := buildForTmux(t)
	law := filepath.Join("..", "corpus", "testdata", "laws", "027-广东地方法规-深圳经济特区中医药条例(2023-01-06).md")
	r := startTmux(t, tmux, dir, "nav", 100, 30, bin, "--corpus", law, "--data-dir", filepath.Join(dir, "data"))
	r.waitText("the regulation", "Documents (1)", "第一章 总则")
	r.keys("/")
	r.waitText("the search pane", "SEARCH")
	r.keys("-l", "中药饮片")
	r.waitText("results", "results")
	r.keys("Enter")
	first := r.waitText("the first result", "TEXT")
	r.keys("Escape")
	r.waitScreen("back at the start", func(s string) bool { return strings.Contains(s, "TREE") })
	r.keys("M-Right")
	r.waitScreen("forward to the result", func(s string) bool {
		return strings.Contains(s, "TEXT") && detailText(s) == detailText(first)
	})
	r.keys("n")
	next := r.waitText("the next match", "中药饮片 in", "n next")
	r.keys("N")
	r.waitScreen("the previous match", func(s string) bool {
		return s != next && strings.Contains(s, "中药饮片 in")
	})
	before := r.settle()
	r.keys(":")
	r.waitText("the go-to prompt", "go to ›")
	r.keys("-l", "第3条")
	r.keys("Enter")
	r.waitScreen("第三条", func(s string) bool { return strings.Contains(detailText(s), "第三条") })
	r.keys("BSpace")
	r.waitScreen("back where the go-to started", func(s string) bool { return detailText(s) == detailText(before) })
	r.keys("q")
	r.waitExit()
}

// TestTmuxWarmLibrary indexes a library of laws and the seeds with the
// index command, then runs the reader on it at 40×12: opened from the
// cache's pack without decoding it, it lists the documents, / luohu
// Enter shows a clause about 落户, t lists the targets of the whole
// library, and q exits 0 with nothing on stderr.
func TestTmuxWarmLibrary(t *testing.T) {
	tmux, dir, bin := buildForTmux(t)
	docs := filepath.Join(dir, "docs")
	for _, from := range []string{filepath.Join("..", "seeds"), filepath.Join("..", "corpus", "testdata", "laws")} {
		if err := os.CopyFS(docs, os.DirFS(from)); err != nil {
			t.Fatal(err)
		}
	}
	index := exec.Command(bin, "index", docs)
	// The cache the reader's wrapper gives a run named "warm".
	index.Env = append(os.Environ(), "POLICYREADER_CACHE="+filepath.Join(dir, "warm.status.cache"))
	out, err := index.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "related-clause index built") {
		t.Fatalf("index: %v\n%s", err, out)
	}
	r := startTmux(t, tmux, dir, "warm", 40, 12, bin, "--corpus", docs, "--data-dir", filepath.Join(dir, "data"))
	r.waitText("the library", "Documents (", "第一条")
	// Pinyin ranked by whole words, from the cached index.
	searchLuohuThenTargets(t, r)
}

// searchLuohuThenTargets searches luohu, opens the first result (a 落户
// clause), opens the targets view and goes back, quits with q and
// expects exit status 0 and nothing on stderr.
func searchLuohuThenTargets(t *testing.T, r *tmuxRun) {
	t.Helper()
	r.keys("/")
	r.keys("-l", "luohu")
	r.waitText("results", "results")
	r.keys("Enter")
	screen := r.waitText("the clause", "TEXT")
	if !strings.Contains(strings.ReplaceAll(screen, " ", ""), "落户") {
		t.Errorf("the clause does not show; screen:\n%s", screen)
	}
	r.keys("t")
	r.waitText("the targets", "targets · by document", "TARGETS")
	r.keys("Escape")
	// Not q at once: Escape and q read together are alt+q.
	r.waitText("the clause again", "TEXT")
	r.keys("q")
	if status, stderr := r.waitStatus(); status != "0" || stderr != "" {
		t.Errorf("exit status %s, stderr %q", status, stderr)
	}
}

// TestTmuxNoCache drives the real binary with --no-cache at 40×12: it
// packs the library into a scratch directory under TMPDIR (so it never
// holds the library whole), searches, shows a clause and the targets,
// and on q exits 0 leaving neither the scratch directory nor a cache.
func TestTmuxNoCache(t *testing.T) {
	tmux, dir, bin := buildForTmux(t)
	docs := filepath.Join(dir, "docs")
	if err := os.CopyFS(docs, os.DirFS(filepath.Join("..", "corpus", "testdata", "laws"))); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	r := startTmux(t, tmux, dir, "nocache", 40, 12, "env", "TMPDIR="+tmp, bin, "--no-cache", "--corpus", docs, "--data-dir", filepath.Join(dir, "data"))
	r.waitText("the library", "Documents (", "第一条")
	if entries, _ := os.ReadDir(tmp); len(entries) != 1 {
		t.Errorf("%d entries in TMPDIR while reading, want the scratch store", len(entries))
	}
	searchLuohuThenTargets(t, r)
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left in TMPDIR: %v", entries)
	}
	if _, err := os.Stat(r.status + ".cache"); !os.IsNotExist(err) {
		t.Errorf("--no-cache made a cache: %v", err)
	}
}
