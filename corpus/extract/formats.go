package extract

import (
	"bytes"
	"fmt"
	"path"
	"strings"
)

// Format is one file format the reader opens (or knowingly refuses).
type Format struct {
	// Name names the format in messages: "HTML", "Word (.docx)".
	Name string
	// Extensions are the lower-case file extensions, with the dot.
	Extensions []string
	// Magic lists leading bytes that identify the format whatever the
	// file is called; empty for formats without a signature.
	Magic [][]byte
	// Extract reads the file's bytes.
	Extract func(data []byte) (*Result, error)
}

// Formats returns every format, in the order Lookup tries them. This is
// the one place formats are registered.
func Formats() []Format {
	return []Format{
		{Name: "PDF", Extensions: []string{".pdf"}, Magic: [][]byte{[]byte("%PDF-")}, Extract: PDF},
		{Name: "Word (.docx)", Extensions: []string{".docx"}, Extract: DOCX},
		{Name: "HTML", Extensions: []string{".html", ".htm", ".shtml", ".xhtml"}, Extract: HTML},
		{Name: "markdown", Extensions: []string{".md", ".markdown"}, Extract: Markdown},
		{Name: "text", Extensions: []string{".txt", ".text"}, Extract: Text},
		legacy("Word 97-2003 (.doc)", ".doc", "save it as .docx in Word or LibreOffice (libreoffice --headless --convert-to docx FILE)", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}),
		legacy("WPS (.wps)", ".wps", "save it as .docx in WPS Office or LibreOffice (libreoffice --headless --convert-to docx FILE)", nil),
		legacy("OFD (.ofd)", ".ofd", "export it as PDF from an OFD reader (such as the 数科 or 福昕 OFD reader)", nil),
	}
}

// legacy is a format the reader does not read: opening one says which
// format it is and how to convert it.
func legacy(name, ext, how string, magic []byte) Format {
	f := Format{Name: name, Extensions: []string{ext}, Extract: func([]byte) (*Result, error) {
		return nil, fmt.Errorf("%w: %s; %s", ErrLegacy, name, how)
	}}
	if magic != nil {
		f.Magic = [][]byte{magic}
	}
	return f
}

// Lookup returns the format of a file from its name and leading bytes:
// a known signature wins over the extension (a PDF saved as .txt is a
// PDF); ok is false for an extension no format claims.
func Lookup(name string, head []byte) (Format, bool) {
	formats := Formats()
	for _, f := range formats {
		for _, m := range f.Magic {
			if bytes.HasPrefix(head, m) {
				return f, true
			}
		}
	}
	// A Word file is a zip archive holding word/: whatever it is called.
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) && bytes.Contains(head[:min(len(head), 1<<16)], []byte("word/")) {
		for _, f := range formats {
			if f.Name == "Word (.docx)" {
				return f, true
			}
		}
	}
	ext := strings.ToLower(path.Ext(name))
	for _, f := range formats {
		for _, e := range f.Extensions {
			if e == ext {
				return f, true
			}
		}
	}
	return Format{}, false
}

// Known reports whether a file name has an extension some format claims,
// so a folder walk picks it up.
func Known(name string) bool {
	_, ok := Lookup(name, nil)
	return ok
}

// Extract reads a file with the format its name and bytes say.
func Extract(name string, data []byte) (*Result, error) {
	f, ok := Lookup(name, data)
	if !ok {
		return Text(data) // an unknown extension: read it as text if it is
	}
	return f.Extract(data)
}

// Text reads plain text and markdown: decoded from any supported
// encoding; markdown noise is left to the parser, which meets it in plain
// text files too.
func Text(data []byte) (*Result, error) {
	text, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return &Result{Text: text}, nil
}
