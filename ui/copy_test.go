package ui

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// osc52Payload decodes the clipboard text of the OSC 52 sequence in s.
func osc52Payload(t *testing.T, s string) string {
	t.Helper()
	i := strings.Index(s, "]52;c;")
	if i < 0 {
		t.Fatalf("no OSC 52 sequence in %q", s)
	}
	rest := s[i+len("]52;c;"):]
	end := strings.IndexAny(rest, "\a\x1b")
	if end < 0 {
		t.Fatalf("unterminated OSC 52 in %q", s)
	}
	b, err := base64.StdEncoding.DecodeString(rest[:end])
	if err != nil {
		t.Fatalf("payload: %v", err)
	}
	return string(b)
}

// TestCopyClauseAndCitation: y puts the clause's number, heading and text
// on the clipboard through OSC 52, Y its citation; inside tmux the
// sequence is wrapped for tmux to pass on; the status bar says so.
func TestCopyClauseAndCitation(t *testing.T) {
	for _, inTmux := range []bool{false, true} {
		var clip bytes.Buffer
		env := map[string]string{}
		if inTmux {
			env["TMUX"] = "/tmp/tmux-0/default,1,0"
		}
		m := New(loadSeeds(t), Options{Clipboard: &clip, Getenv: func(k string) string { return env[k] }})
		m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
		m = update(m, m.Init()())
		m = openCentralFour(t, m)
		m = update(m, keyRunes("y"))
		got := osc52Payload(t, clip.String())
		if !strings.HasPrefix(got, "(四)以户籍制度和公共服务牵引区域流动\n全面取消城区常住人口 300 万以下") || !strings.HasSuffix(got, "较多的城镇倾斜。") {
			t.Errorf("tmux=%v: y copied %q", inTmux, got)
		}
		if inTmux != strings.HasPrefix(clip.String(), "\x1bPtmux;") {
			t.Errorf("tmux=%v: sequence %q", inTmux, clip.String()[:min(12, clip.Len())])
		}
		if !strings.Contains(ansi.Strip(m.View()), "copied the clause") {
			t.Errorf("tmux=%v: no status message", inTmux)
		}
		clip.Reset()
		m = update(m, keyRunes("Y"))
		want := "关于促进劳动力和人才社会性流动体制机制改革的意见 › 三、畅通有序流动渠道，激发社会性流动活力 › (四)以户籍制度和公共服务牵引区域流动 [central-2019-social-mobility-opinions/pt3/c4]"
		if got := osc52Payload(t, clip.String()); got != want {
			t.Errorf("tmux=%v: Y copied %q", inTmux, got)
		}
	}
}

// TestCopyIncludesItems: a law article copies with its items.
func TestCopyIncludesItems(t *testing.T) {
	c := loadCitingLaw(t)
	n := mustNode(t, c, "027-guang-dong-di-fang-fa-gui-shen-zhen-jing-ji-te-qu-zhong-yi-yao-tiao-li-2023-01-06/ch3/s2/a43")
	got := clauseText(n)
	if !strings.HasPrefix(got, "第四十三条 符合下列条件的医疗机构") || !strings.Contains(got, "（一）") || !strings.Contains(got, "医疗机构不得炮制") {
		t.Errorf("article copied as %q", got)
	}
}

// TestExportTargetsCSV: ctrl+e in the targets view writes the rows shown
// (filtered) to a CSV file and says where.
func TestExportTargetsCSV(t *testing.T) {
	dir := t.TempDir()
	m := New(loadSeeds(t), Options{ExportDir: dir})
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = update(m, m.Init()())
	m = update(m, keyRunes("t"))
	m = update(m, keyRunes("2025"))
	shown := len(targetsOf(m).shown)
	m = update(m, tea.KeyMsg{Type: tea.KeyCtrlE})
	files, _ := filepath.Glob(filepath.Join(dir, "policyreader-targets-*.csv"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	f, err := os.Open(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs)-1 != shown || shown == 0 {
		t.Fatalf("%d rows for %d shown targets (%v)", len(recs)-1, shown, err)
	}
	for _, r := range recs[1:] {
		if !strings.Contains(strings.Join(r, " "), "2025") {
			t.Errorf("row %q is not among the filtered targets", r)
		}
	}
	if !strings.Contains(ansi.Strip(m.View()), "wrote") {
		t.Errorf("no status message:\n%s", ansi.Strip(m.View()))
	}
	// An unwritable folder is a one-line error, not a crash.
	tp := targetsOf(m)
	tp.exportDir = filepath.Join(dir, "missing", "deeper")
	m.pane = tp
	m = update(m, tea.KeyMsg{Type: tea.KeyCtrlE})
	if !strings.Contains(ansi.Strip(m.View()), "export targets") {
		t.Errorf("no error message:\n%s", ansi.Strip(m.View()))
	}
}
