package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

const (
	centralDoc      = "central-2019-social-mobility-opinions"
	centralRegional = centralDoc + "/pt2/c2" // 二、… (二)推动区域协调发展促进流动均衡
	centralLast     = centralDoc + "/pt6/c16"
)

// runBookmarksCLI runs the command line on the seeds with the given
// environment and returns the exit status, stdout and stderr.
func runBookmarksCLI(env map[string]string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(args, Env{
		Seeds:  os.DirFS("../../seeds"),
		Stdout: &out,
		Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
	})
	return code, out.String(), errb.String()
}

// bm runs `bookmarks ARGS --data-dir dir` and fails the test on a non-zero
// status or any stderr output.
func bm(t *testing.T, dir string, args ...string) string {
	t.Helper()
	code, out, errs := runBookmarksCLI(nil, append(append([]string{"bookmarks"}, args...), "--data-dir", dir)...)
	if code != 0 || errs != "" {
		t.Fatalf("bookmarks %v: status %d, stderr %q", args, code, errs)
	}
	return out
}

func TestBookmarksAddListNoteExportRemove(t *testing.T) {
	dir := t.TempDir()
	if out := bm(t, dir, "list"); !strings.Contains(out, "no bookmarks") {
		t.Errorf("empty list = %q", out)
	}
	out := bm(t, dir, "add", centralLast, "--note", "宣传：对照广东第六部分")
	if out != "bookmarked "+centralLast+"  (十六)营造良好氛围\n" {
		t.Errorf("add output = %q", out)
	}
	bm(t, dir, "add", centralRegional)
	// Re-adding with a note updates the bookmark, does not duplicate it.
	if out := bm(t, dir, "add", centralRegional, "--note", "区域流动\n第二行"); !strings.HasPrefix(out, "updated bookmark "+centralRegional) {
		t.Errorf("re-add output = %q", out)
	}
	// Re-adding without a note keeps the note.
	bm(t, dir, "add", centralRegional)

	list := bm(t, dir, "list")
	wantLines := []string{
		"关于促进劳动力和人才社会性流动体制机制改革的意见 · 中央",
		"  (二)推动区域协调发展促进流动均衡  " + centralRegional + "  ",
		"    note: 区域流动",
		"          第二行",
		"  (十六)营造良好氛围  " + centralLast + "  ",
		"    note: 宣传：对照广东第六部分",
	}
	lines := strings.Split(strings.TrimRight(list, "\n"), "\n")
	if len(lines) != len(wantLines) {
		t.Fatalf("list:\n%s", list)
	}
	for i, w := range wantLines {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("list line %d = %q, want prefix %q", i, lines[i], w)
		}
	}

	var entries []bookmarkJSON
	if err := json.Unmarshal([]byte(bm(t, dir, "list", "--json")), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].ID != centralRegional || entries[0].Note != "区域流动\n第二行" ||
		!strings.HasPrefix(entries[0].Text, "建立健全城乡融合发展体制机制") || entries[0].Orphan ||
		len(entries[0].Path) != 1 || entries[0].Path[0] != "二、推动经济高质量发展，筑牢社会性流动基础" {
		t.Errorf("list --json = %+v", entries)
	}
	var exported []bookmarkJSON
	if err := json.Unmarshal([]byte(bm(t, dir, "export", "--format", "json")), &exported); err != nil {
		t.Fatal(err)
	}
	if len(exported) != 2 || exported[1].ID != centralLast {
		t.Errorf("export json = %+v", exported)
	}

	md := bm(t, dir, "export", "--format", "md")
	for _, s := range []string{
		"# Bookmarks\n\n## 关于促进劳动力和人才社会性流动体制机制改革的意见 · 中央\n",
		"### (二)推动区域协调发展促进流动均衡\n",
		"\n> 建立健全城乡融合发展体制机制和政策体系",
		"**Note:** 区域流动  \n第二行\n",
		"### (十六)营造良好氛围\n",
	} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown lacks %q:\n%s", s, md)
		}
	}
	if md != bm(t, dir, "export") {
		t.Error("export without --format is not Markdown")
	}

	if out := bm(t, dir, "rm", centralRegional); !strings.HasPrefix(out, "removed bookmark "+centralRegional) {
		t.Errorf("rm output = %q", out)
	}
	if got := bm(t, dir, "list"); strings.Contains(got, centralRegional) || !strings.Contains(got, centralLast) {
		t.Errorf("after rm:\n%s", got)
	}
	if code, _, errs := runBookmarksCLI(nil, "bookmarks", "rm", centralRegional, "--data-dir", dir); code != 1 || !strings.Contains(errs, "no bookmark for") {
		t.Errorf("rm twice: %d %q", code, errs)
	}
}

func TestBookmarksDataDirFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"POLICYREADER_DATA": dir}
	if code, _, errs := runBookmarksCLI(env, "bookmarks", "add", centralLast); code != 0 {
		t.Fatalf("add: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "bookmarks.json")); err != nil {
		t.Errorf("POLICYREADER_DATA not used: %v", err)
	}
	// --data-dir wins over the environment.
	other := t.TempDir()
	if code, out, _ := runBookmarksCLI(env, "--data-dir", other, "bookmarks", "list"); code != 0 || !strings.Contains(out, "no bookmarks") {
		t.Errorf("--data-dir did not override: %d %q", code, out)
	}
}

func TestBookmarksBadUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"frob"},
		{"add"},
		{"add", "a", "b"},
		{"rm"},
		{"list", "extra"},
		{"list", "--note", "x"},
		{"rm", centralLast, "--format", "md"},
		{"export", "--format", "pdf"},
		{"add", centralLast, "--bogus"},
	} {
		code, out, errs := runBookmarksCLI(nil, append(append([]string{"bookmarks"}, args...), "--data-dir", dir)...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("bookmarks %v: status %d, stdout %q, stderr %q; want 2 and one line", args, code, out, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bookmarks.json")); err == nil {
		t.Error("a bad invocation wrote the file")
	}
}

func TestBookmarksAddUnknownID(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runBookmarksCLI(nil, "bookmarks", "add", centralDoc+"/pt9/c99", "--data-dir", dir)
	if code != 1 || !strings.Contains(errs, `no node with ID "`+centralDoc+`/pt9/c99"`) {
		t.Errorf("status %d, stderr %q", code, errs)
	}
}

func TestBookmarksUnwritableDataDir(t *testing.T) {
	// Tests run as root, so permission bits stop nothing: the data
	// directory's parent is a regular file instead.
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runBookmarksCLI(nil, "bookmarks", "add", centralLast, "--data-dir", filepath.Join(file, "data"))
	lines := strings.Split(strings.TrimRight(errs, "\n"), "\n")
	last := lines[len(lines)-1]
	if code != 1 || !strings.HasPrefix(last, "policyreader: save bookmarks: cannot create data directory "+filepath.Join(file, "data")) {
		t.Errorf("status %d, stderr %q", code, errs)
	}
}

func TestBookmarksCorruptFileWarns(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bookmarks.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runBookmarksCLI(nil, "bookmarks", "list", "--data-dir", dir)
	if code != 0 || !strings.Contains(out, "no bookmarks") {
		t.Errorf("list over a corrupt file: %d %q", code, out)
	}
	if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "policyreader: warning: bookmarks: ") || !strings.Contains(errs, "is corrupt") {
		t.Errorf("stderr = %q", errs)
	}
	// list only reads: the user's file stays; the first add keeps it aside.
	if aside, _ := filepath.Glob(filepath.Join(dir, "bookmarks.json.corrupt-*")); len(aside) != 0 {
		t.Errorf("list moved the file: %v", aside)
	}
	if code, _, errs := runBookmarksCLI(nil, "bookmarks", "add", centralRegional, "--data-dir", dir); code != 0 || !strings.Contains(errs, "moved it to bookmarks.json.corrupt-") {
		t.Errorf("add over a corrupt file: %d %q", code, errs)
	}
	if aside, _ := filepath.Glob(filepath.Join(dir, "bookmarks.json.corrupt-*")); len(aside) != 1 {
		t.Errorf("corrupt copies after add: %v", aside)
	}
}

// TestBookmarksFollowEditedDocument bookmarks (二) in the seed, then opens
// a copy of the seed with a clause inserted before it: the bookmark is
// listed under the clause's new ID and can be removed by it.
func TestBookmarksFollowEditedDocument(t *testing.T) {
	dir := t.TempDir()
	bm(t, dir, "add", centralRegional, "--note", "跟随")

	data, err := os.ReadFile("../../seeds/" + centralDoc + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	at := strings.Index(text, "\n(二)推动区域协调发展")
	if at < 0 {
		t.Fatal("test premise: clause (二) not found")
	}
	nums := []string{"二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七"}
	tail := text[at:]
	for i := len(nums) - 2; i >= 0; i-- {
		tail = strings.ReplaceAll(tail, "\n("+nums[i]+")", "\n("+nums[i+1]+")")
	}
	edited := text[:at] + "\n(二)新设测试条款。插入的一条新条款。\n" + tail
	corpusDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(corpusDir, centralDoc+".txt"), []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	newID := centralDoc + "/pt2/c3"
	list := bm(t, dir, "list", "--corpus", corpusDir)
	if !strings.Contains(list, "  (三)推动区域协调发展促进流动均衡  "+newID+"  ") || !strings.Contains(list, "(saved as "+centralRegional+")") {
		t.Errorf("list on the edited copy:\n%s", list)
	}
	// The old ID now names the inserted clause; it is not bookmarked.
	if code, _, _ := runBookmarksCLI(nil, "bookmarks", "rm", centralRegional, "--corpus", corpusDir, "--data-dir", dir); code != 1 {
		t.Error("rm of the old ID removed something on the edited copy")
	}
	if out := bm(t, dir, "rm", newID, "--corpus", corpusDir); !strings.HasPrefix(out, "removed bookmark "+newID) {
		t.Errorf("rm by the new ID: %q", out)
	}
	if out := bm(t, dir, "list"); !strings.Contains(out, "no bookmarks") {
		t.Errorf("after rm:\n%s", out)
	}
}

// TestBookmarksWaitsForLock: a write that finds another policyreader
// holding the bookmarks says it waits, and goes through once the lock is
// free (the store gives up after bookmark.LockTimeout; see its tests).
func TestBookmarksWaitsForLock(t *testing.T) {
	dir := t.TempDir()
	other := flock.New(filepath.Join(dir, "bookmarks.json.lock"))
	if err := other.Lock(); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(300 * time.Millisecond)
		other.Unlock()
	}()
	code, _, errs := runBookmarksCLI(nil, "bookmarks", "add", centralRegional, "--data-dir", dir)
	if code != 0 || !strings.Contains(errs, "waiting for another policyreader") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
