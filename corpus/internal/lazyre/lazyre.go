// Package lazyre holds regular expressions compiled on first use, so a
// run that parses nothing — documents read back from the cache — never
// pays to compile the parser's expressions at start-up (about 4 ms, a
// sixth of the time to the reader's first frame).
package lazyre

import (
	"regexp"
	"sync"
)

// RE is a regular expression compiled the first time it is used. Its
// methods are those of regexp.Regexp and safe for concurrent use.
type RE struct {
	expr string
	re   func() *regexp.Regexp
}

// New returns expr, to be compiled on first use. expr must be valid: as
// with regexp.MustCompile, a bad one panics, at its first use.
func New(expr string) *RE {
	return &RE{expr: expr, re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
}

// Regexp returns the compiled expression.
func (l *RE) Regexp() *regexp.Regexp { return l.re() }

// String returns the source text.
func (l *RE) String() string { return l.expr }

// MatchString is regexp.Regexp.MatchString.
func (l *RE) MatchString(s string) bool { return l.re().MatchString(s) }

// FindString is regexp.Regexp.FindString.
func (l *RE) FindString(s string) string { return l.re().FindString(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (l *RE) FindStringSubmatch(s string) []string { return l.re().FindStringSubmatch(s) }

// FindAllString is regexp.Regexp.FindAllString.
func (l *RE) FindAllString(s string, n int) []string { return l.re().FindAllString(s, n) }

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (l *RE) FindAllStringSubmatch(s string, n int) [][]string {
	return l.re().FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (l *RE) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.re().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (l *RE) ReplaceAllString(src, repl string) string { return l.re().ReplaceAllString(src, repl) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (l *RE) FindStringIndex(s string) []int { return l.re().FindStringIndex(s) }
