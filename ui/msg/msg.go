// Package msg holds the reader's user interface text in English and
// Chinese: one table (table.go) maps every English message to its Chinese
// text, and a Printer picks the language — from --lang, or from
// LC_ALL / LC_MESSAGES / LANG (zh_* is Chinese).
//
// Messages are written in English where they are used, as gettext does;
// the English text is the key. A test checks that every message the code
// prints has its Chinese in the table, with the same format verbs. Numbers
// are formatted as fmt formats them in both languages (a year stays 2025,
// not 2,025).
package msg

import (
	"fmt"
	"strings"
)

// Lang is an interface language.
type Lang int

const (
	// English is the default.
	English Lang = iota
	// Chinese is simplified Chinese.
	Chinese
)

// String is the language's code: en or zh.
func (l Lang) String() string {
	if l == Chinese {
		return "zh"
	}
	return "en"
}

// Parse reads a --lang value: en or zh (zh-CN, zh_CN.UTF-8 and the like
// too).
func Parse(s string) (Lang, error) {
	switch l := strings.ToLower(s); {
	case l == "en" || strings.HasPrefix(l, "en_") || strings.HasPrefix(l, "en-"):
		return English, nil
	case l == "zh" || strings.HasPrefix(l, "zh_") || strings.HasPrefix(l, "zh-"):
		return Chinese, nil
	}
	return English, fmt.Errorf("unknown language %q (en or zh)", s)
}

// Detect picks the language the environment asks for: the first set of
// LC_ALL, LC_MESSAGES and LANG, Chinese when it starts with zh.
func Detect(getenv func(string) string) Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "zh") {
				return Chinese
			}
			return English
		}
	}
	return English
}

// Printer prints messages in one language. The zero Printer prints
// English.
type Printer struct {
	lang Lang
}

// New returns a Printer for lang.
func New(lang Lang) Printer { return Printer{lang: lang} }

// Lang is the printer's language.
func (p Printer) Lang() Lang { return p.lang }

// T returns the message s in the printer's language; a message the table
// lacks prints in English.
func (p Printer) T(s string) string {
	if p.lang == Chinese {
		if zh, ok := table[s]; ok {
			return zh
		}
	}
	return s
}

// F formats the message format with args in the printer's language.
func (p Printer) F(format string, args ...any) string {
	return fmt.Sprintf(p.T(format), args...)
}
