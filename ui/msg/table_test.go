package msg

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// verbRE matches a format verb, with an explicit argument index or not.
var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0-9.]*[a-zA-Z%]`)

// verbs lists the format verbs of s, argument indexes dropped, sorted: a
// translation may reorder the arguments (%[2]s … %[1]s).
func verbs(s string) []string {
	var out []string
	for _, v := range verbRE.FindAllString(s, -1) {
		out = append(out, regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, ""))
	}
	slices.Sort(out)
	return out
}

// TestTableComplete: every entry has Chinese text with the same format
// verbs as its English, and no Chinese text is just the English again.
func TestTableComplete(t *testing.T) {
	for en, zh := range table {
		if strings.TrimSpace(zh) == "" {
			t.Errorf("%q has no Chinese", en)
			continue
		}
		if !slices.Equal(verbs(en), verbs(zh)) {
			t.Errorf("%q and %q have different verbs: %v vs %v", en, zh, verbs(en), verbs(zh))
		}
		if zh == en && strings.IndexFunc(en, unicode.IsLetter) >= 0 {
			t.Errorf("%q is not translated", en)
		}
	}
}

// messages collects the messages the reader's code prints: the literal
// first argument of every .T and .F call, and the description (second
// argument) of every key binding made with a helper named b.
func messages(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				if cl, ok := n.(*ast.CompositeLit); ok {
					// command{"summary", run}: a subcommand's summary.
					if id, ok := cl.Type.(*ast.Ident); ok && id.Name == "command" && len(cl.Elts) > 0 {
						if lit, ok := cl.Elts[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							if s, err := strconv.Unquote(lit.Value); err == nil {
								out[s] = fmt.Sprintf("%s", fset.Position(lit.Pos()))
							}
						}
					}
					return true
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var args []ast.Expr
				switch fn := call.Fun.(type) {
				case *ast.SelectorExpr:
					switch fn.Sel.Name {
					case "T", "F":
						if len(call.Args) > 0 {
							args = call.Args[:1]
						}
					case "Func":
						if len(call.Args) == 3 {
							args = call.Args[1:2] // a flag's usage
						}
					case "Int", "String", "Bool", "IntVar", "StringVar", "BoolVar", "Var":
						if len(call.Args) > 0 {
							args = call.Args[len(call.Args)-1:] // a flag's usage
						}
					}
				case *ast.Ident:
					switch {
					case fn.Name == "b" && len(call.Args) > 1:
						args = call.Args[1:2]
					case (fn.Name == "usagef" || fn.Name == "failf") && len(call.Args) > 0:
						args = call.Args[:1]
					case fn.Name == "plural" && len(call.Args) == 3:
						args = call.Args[1:] // plural(n, one, many) feeds F
					}
				}
				for _, arg := range args {
					if lit, ok := arg.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if s, err := strconv.Unquote(lit.Value); err == nil {
							out[s] = fmt.Sprintf("%s", fset.Position(lit.Pos()))
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// indirect are the messages the code passes to T through a variable: the
// status bar's labels (mode, focus and pane names), what a failed store
// operation was doing, the targets view's order, and the facets' words.
var indirect = []string{
	"TREE", "TEXT", "SEARCH", "HELP", "RELATED", "TARGETS", "BOOKMARKS", "PANE", "BROWSE", "COMPARE", "BODIES", "FACETS",
	"save the bookmark", "remove the bookmark", "save the note", "save the reading position", "write bookmarks",
	"year", "document",
	"kind", "level", "issuer", "no date", "law", "regulation", "interpretation", "policy",
	"central", "provincial", "municipal", "county", "unknown level",
}

// TestEveryMessageTranslated: every message the reader and the command
// line print has its Chinese in the table.
func TestEveryMessageTranslated(t *testing.T) {
	ms := messages(t, "..", "../cli")
	for _, s := range indirect {
		ms[s] = "passed by variable"
	}
	if len(ms) < 150 {
		t.Fatalf("only %d messages found: is the scan broken?", len(ms))
	}
	var missing []string
	for s, at := range ms {
		if _, ok := table[s]; !ok {
			missing = append(missing, fmt.Sprintf("%s: %q", at, s))
		}
	}
	slices.Sort(missing)
	for _, m := range missing {
		t.Error("no Chinese for " + m)
	}
	if os.Getenv("MSG_LIST") != "" {
		for _, m := range missing {
			fmt.Println(m)
		}
	}
}

func TestDetectAndParse(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		get  func(string) string
		want Lang
	}{
		{env("LANG", "zh_CN.UTF-8"), Chinese},
		{env("LANG", "en_US.UTF-8"), English},
		{env("LC_ALL", "zh_TW.UTF-8", "LANG", "en_US.UTF-8"), Chinese},
		{env("LC_ALL", "C", "LANG", "zh_CN.UTF-8"), English},
		{env(), English},
	} {
		if got := Detect(tc.get); got != tc.want {
			t.Errorf("Detect = %v, want %v", got, tc.want)
		}
	}
	for s, want := range map[string]Lang{"en": English, "zh": Chinese, "ZH-cn": Chinese, "zh_CN.UTF-8": Chinese} {
		if got, err := Parse(s); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := Parse("fr"); err == nil {
		t.Error("fr parsed")
	}
	zh := New(Chinese)
	if got := zh.F("%d/%d docs", 2025, 3); got != "2025/3 篇" {
		t.Errorf("numbers are localised: %q", got)
	}
	if got := New(English).T("quit"); got != "quit" {
		t.Errorf("English T = %q", got)
	}
}
