package extract

import (
	"html"
	"strings"

	"policyreader/corpus/internal/lazyre"
)

// Markdown reads a markdown file as Text does, first undoing what sites
// built from markdown put around a document: a front-matter block
// (--- title: … ---) whose title becomes the document's title line
// (# title) unless the text prints it as its first heading, and the
// rest is dropped; container fences (::: tip 修订信息,
// :::) and lines of in-page anchor links (a contents list: [1](#t1)
// [2](#t2)) dropped; and, in a file that writes its text as HTML
// (<p>第一条…<br>…</p>), the tags taken out — a line break for <br> and
// the end of a block — and entities (&emsp;, &lt;) decoded.
func Markdown(data []byte) (*Result, error) {
	res, err := Text(data)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(res.Text, "\n")
	var out []string
	drop := func(reason, l string) {
		if strings.TrimSpace(l) != "" {
			res.Dropped = append(res.Dropped, Dropped{Reason: reason, Text: l})
		}
	}
	if end := frontMatterEnd(lines); end > 0 {
		block := lines[1:end]
		for i := 0; i < len(block); i++ {
			l := block[i]
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "title" {
				v = strings.Trim(strings.TrimSpace(v), `"'`)
				if v == "" || strings.ContainsAny(v[:1], ">|") {
					// A folded title (title: >-) goes on over the
					// indented lines under it.
					var parts []string
					for i+1 < len(block) && strings.TrimSpace(block[i+1]) != "" && (strings.HasPrefix(block[i+1], " ") || strings.HasPrefix(block[i+1], "\t")) {
						i++
						parts = append(parts, strings.TrimSpace(block[i]))
					}
					v = strings.Join(parts, "")
				}
				if v != "" && firstTitleHeading(lines[end+1:]) != v {
					out = append(out, "# "+v)
					continue
				}
			}
			drop("metadata", l)
		}
		lines = lines[end+1:]
	}
	tagged := htmlTagged(lines)
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, ":::"):
			drop("markup", l)
			continue
		case reAnchorLinks.MatchString(t):
			drop("markup", l)
			continue
		}
		if tagged {
			l = reBreakTag.ReplaceAllString(l, "\n")
			l = html.UnescapeString(reTag.ReplaceAllString(l, ""))
		}
		out = append(out, l)
	}
	res.Text = strings.Join(out, "\n")
	return res, nil
}

// firstTitleHeading returns the text of the first level-1 heading (# …)
// among lines, or "": the document's own title, which a front matter's
// title would only repeat.
func firstTitleHeading(lines []string) string {
	for _, l := range lines {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "# ") {
			return strings.TrimSpace(t[2:])
		}
	}
	return ""
}

// maxFrontMatter bounds a front-matter block, in lines.
const maxFrontMatter = 60

// frontMatterEnd returns the index of the line closing a front-matter
// block that opens the file (--- alone on the first line, then YAML:
// key: value lines and their list items), or 0 — for a file that opens
// with a horizontal rule, too.
func frontMatterEnd(lines []string) int {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return 0
	}
	keys := 0
	for i := 1; i < len(lines) && i <= maxFrontMatter; i++ {
		l := strings.TrimSpace(lines[i])
		switch {
		case l == "---":
			if keys == 0 {
				return 0
			}
			return i
		case l == "" || strings.HasPrefix(l, "- ") || strings.HasPrefix(lines[i], " ") || strings.HasPrefix(lines[i], "\t"):
			// a blank line, a list item, a value continued on its own lines
		case reYAMLKey.MatchString(l):
			keys++
		default:
			return 0 // not YAML: a rule, then the document
		}
	}
	return 0
}

// reYAMLKey is a front-matter line: a key, a colon, maybe a value.
var reYAMLKey = lazyre.New(`^[A-Za-z_][A-Za-z0-9_-]*\s*:(\s|$)`)

// minTaggedLines is how many lines must open with an HTML block tag for a
// markdown file to count as written in HTML.
const minTaggedLines = 3

var (
	reBlockTag    = lazyre.New(`(?i)^\s*<(p|div|br|h[1-6]|li|table|tr)[\s>/]`)
	reBreakTag    = lazyre.New(`(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr)>`)
	reTag         = lazyre.New(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>`)
	reAnchorLinks = lazyre.New(`^(\[[^\]]{1,20}\]\(#[^)]*\)[\s|、,，]*(&emsp;|&nbsp;)*\s*)+$`)
)

// htmlTagged reports a markdown file whose text is written in HTML: a few
// lines open with a block tag.
func htmlTagged(lines []string) bool {
	n := 0
	for _, l := range lines {
		if reBlockTag.MatchString(l) {
			if n++; n >= minTaggedLines {
				return true
			}
		}
	}
	return false
}
