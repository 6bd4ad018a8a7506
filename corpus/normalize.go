package corpus

import (
	"strings"
	"unicode/utf8"
)

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
	if plainLine(s) {
		return cleanMarkdown(s)
	}
	return cleanRunes(s)
}

// cleanRunes is cleanLine rune by rune, for the lines plainLine refuses.
func cleanRunes(s string) string {
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
	return cleanMarkdown(strings.Trim(line, " "))
}

// plainLine reports a line cleanLine's rune loop would leave as it is:
// valid UTF-8 with no odd space, no space at either end or twice in a row,
// and no "**" — most lines, checked on bytes.
func plainLine(s string) bool {
	n := len(s)
	if n > 0 && (s[0] == ' ' || s[n-1] == ' ') {
		return false
	}
	var high byte
	for i := 0; i < n; i++ {
		c := s[i]
		high |= c
		if !lineSpecial[c] {
			continue
		}
		switch c {
		case ' ':
			if s[i+1] == ' ' { // s[n-1] is not a space, so i+1 < n
				return false
			}
		case '*':
			if i+1 < n && s[i+1] == '*' {
				return false
			}
		case '\f', '\v':
			return false
		case 0xC2: // U+00A0
			if i+1 < n && s[i+1] == 0xA0 {
				return false
			}
		case 0xE3: // U+3000
			if i+2 < n && s[i+1] == 0x80 && s[i+2] == 0x80 {
				return false
			}
		case 0xE2: // U+2002, U+2003, U+2009, U+200B
			if i+2 < n && s[i+1] == 0x80 && (s[i+2] == 0x82 || s[i+2] == 0x83 || s[i+2] == 0x89 || s[i+2] == 0x8B) {
				return false
			}
		case 0xEF: // U+FEFF
			if i+2 < n && s[i+1] == 0xBB && s[i+2] == 0xBF {
				return false
			}
		}
	}
	return high < 0x80 || utf8.ValidString(s)
}

// lineSpecial marks the bytes plainLine looks at twice: the space, '*',
// form feed, vertical tab and the lead bytes of the odd spaces.
var lineSpecial = [256]bool{' ': true, '*': true, '\f': true, '\v': true, 0xC2: true, 0xE2: true, 0xE3: true, 0xEF: true}

// cleanMarkdown drops a blockquote's > marks, a heading's # marks and a
// list bullet. A quote mark counts only with a space after it (> 文本,
// > > 文本): a lone > is a saved page's breadcrumb separator.
func cleanMarkdown(line string) string {
	for strings.HasPrefix(line, "> ") {
		line = strings.TrimLeft(line[2:], " ")
	}
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

// halfWidthDigits returns s with full-width digits (０–９) as ASCII ones:
// a date, 文号 or history printed in them (（２０１２年１２月２８日…通过）) reads
// as any other. The nodes' texts and the title keep the digits as
// printed; the metadata passes read such lines folded (trimmedTexts).
func halfWidthDigits(s string) string {
	if !hasFullWidthDigit(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// hasFullWidthDigit reports a full-width digit in s: U+FF10–U+FF19 are
// EF BC 90–99 in UTF-8 (other full-width forms, （ and ：, share EF BC).
func hasFullWidthDigit(s string) bool {
	for {
		i := strings.Index(s, "\xef\xbc")
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if c := s[i+2]; c >= 0x90 && c <= 0x99 {
			return true
		}
		s = s[i+2:]
	}
}

// splitLines splits normalised text into physical lines.
func splitLines(text string) []string { return strings.Split(text, "\n") }
