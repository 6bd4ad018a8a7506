package corpus

import "strings"

// normalizeNewlines turns CRLF and lone CR line ends into LF.
func normalizeNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// cleanLine normalises one physical line: form feeds, NBSP, ideographic and
// other exotic spaces become plain spaces, markdown emphasis (**), heading
// marks (# …) and list bullets (- ) are dropped, runs of spaces collapse to
// one and the ends are trimmed. Tabs are kept: they mark table cells.
func cleanLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff', '\f', '\v':
			r = ' '
		}
		if r == ' ' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	line := strings.ReplaceAll(b.String(), "**", "")
	line = strings.Trim(line, " ")
	if strings.HasPrefix(line, "#") {
		trimmed := strings.TrimLeft(line, "#")
		if trimmed == "" || trimmed[0] == ' ' {
			line = strings.TrimLeft(trimmed, " ")
		}
	}
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "+ ") {
		line = strings.TrimLeft(line[2:], " ")
	}
	return line
}

// splitLines splits normalised text into physical lines.
func splitLines(text string) []string { return strings.Split(text, "\n") }
