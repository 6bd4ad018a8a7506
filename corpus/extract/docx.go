package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on a Word file's parts: a policy document's document.xml is a
// few hundred kilobytes; a zip bomb expands to gigabytes.
const (
	maxDocxPart  = 32 << 20
	maxDocxTotal = 64 << 20
)

// ErrZipBomb reports a Word file whose parts expand past the limits.
var ErrZipBomb = errors.New("Word file expands to more than 64 MiB (a zip bomb?)")

// DOCX reads a Word file: paragraphs in order, tables as rows of
// tab-separated cells, Word's automatic numbering rendered as printed
// (一、 （一） 1. from numbering.xml), a Title-styled paragraph as the title.
// Headers, footers, comments, footnotes and deleted text are left out.
func DOCX(data []byte) (*Result, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a Word file (a .docx is a zip archive): %w", err)
	}
	parts := map[string]*zip.File{}
	var total uint64
	for _, f := range zr.File {
		parts[f.Name] = f
		total += f.UncompressedSize64
	}
	if total > maxDocxTotal {
		return nil, ErrZipBomb
	}
	doc, ok := parts["word/document.xml"]
	if !ok {
		return nil, errors.New("not a Word file: no word/document.xml")
	}
	read := func(f *zip.File) ([]byte, error) {
		if f == nil {
			return nil, nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", f.Name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxDocxPart+1))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f.Name, err)
		}
		if len(b) > maxDocxPart {
			return nil, ErrZipBomb
		}
		return b, nil
	}
	numXML, err := read(parts["word/numbering.xml"])
	if err != nil {
		return nil, err
	}
	styleXML, err := read(parts["word/styles.xml"])
	if err != nil {
		return nil, err
	}
	docXML, err := read(doc)
	if err != nil {
		return nil, err
	}
	num, err := parseNumbering(numXML)
	if err != nil {
		return nil, fmt.Errorf("read numbering.xml: %w", err)
	}
	styles, err := parseStyles(styleXML)
	if err != nil {
		return nil, fmt.Errorf("read styles.xml: %w", err)
	}
	// Alternative format chunks: the relationships read at the first,
	// each part read once, and the text they give, however often the
	// document repeats one, bounded as the archive is.
	var rels map[string]string
	read1 := map[string]*Result{}
	given := 0
	chunk := func(id string) (*Result, error) {
		if rels == nil {
			relsXML, err := read(parts["word/_rels/document.xml.rels"])
			if err != nil {
				return nil, err
			}
			if rels, err = docxRels(relsXML); err != nil {
				return nil, err
			}
		}
		name, ok := rels[id]
		if !ok || parts[name] == nil {
			return nil, fmt.Errorf("an embedded part %q is missing", id)
		}
		r, ok := read1[name]
		if !ok {
			data, err := read(parts[name])
			if err != nil {
				return nil, err
			}
			if r, err = readChunk(name, data); err != nil {
				return nil, err
			}
			read1[name] = r
		}
		if given += len(r.Text); given > maxDocxTotal {
			return nil, ErrZipBomb
		}
		return r, nil
	}
	return readDocument(docXML, num, styles, chunk)
}

// docxPara is one paragraph as it is being read.
type docxPara struct {
	style       string
	numID, ilvl string
	hasNum      bool
	text        strings.Builder
}

// readDocument walks document.xml; chunk reads an alternative format
// chunk (w:altChunk) by its relationship ID: its text goes in place, its
// metadata where the document states none, what it dropped with the
// document's.
func readDocument(data []byte, num *numbering, styles styleMap, chunk func(id string) (*Result, error)) (*Result, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	res := &Result{}
	var lines []string
	var para *docxPara
	var outer []*docxPara // paragraphs a text box interrupted
	runs := 0             // depth of w:r: tabs and breaks count only inside a run
	var rows [][][]string // the table being read: rows of cells of paragraphs
	var row [][]string
	var cell []string
	depth := 0      // table nesting
	skip := 0       // inside an element whose text is not the document's
	inText := false // inside w:t
	var title []string
	endPara := func() {
		if para == nil {
			return
		}
		// Tabs that only indent (a signature pushed right) are layout.
		text := strings.Trim(para.text.String(), "\t")
		numID, ilvl, has := para.numID, para.ilvl, para.hasNum
		if !has {
			numID, ilvl, has = styles.numPr(para.style)
		}
		if has {
			text = num.next(numID, ilvl) + text
		}
		if styles.isTitle(para.style) && strings.TrimSpace(text) != "" {
			title = append(title, strings.TrimSpace(text))
		}
		if depth > 0 {
			cell = append(cell, strings.Join(strings.Fields(strings.ReplaceAll(text, "\n", " ")), " "))
		} else {
			lines = append(lines, strings.Split(text, "\n")...)
		}
		para = nil
		if n := len(outer); n > 0 {
			para, outer = outer[n-1], outer[:n-1]
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read document.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "del", "delText", "instrText", "footnoteReference", "endnoteReference", "commentReference", "Fallback":
				skip = 1
			case "p":
				if para != nil {
					outer = append(outer, para) // a paragraph in a text box
				}
				para = &docxPara{}
			case "r":
				runs++
			case "pStyle":
				if para != nil {
					para.style = attrVal(t, "val")
				}
			case "numId":
				if para != nil {
					para.numID, para.hasNum = attrVal(t, "val"), true
				}
			case "ilvl":
				if para != nil {
					para.ilvl = attrVal(t, "val")
				}
			case "t":
				inText = true
			case "tab":
				if para != nil && runs > 0 { // not a tab stop in w:pPr/w:tabs
					para.text.WriteByte('\t')
				}
			case "br", "cr":
				if para != nil && runs > 0 && attrVal(t, "type") != "page" {
					para.text.WriteByte('\n')
				}
			case "altChunk":
				endPara()
				r, err := chunk(attrVal(t, "id"))
				if err != nil {
					return nil, fmt.Errorf("read the Word file's embedded text: %w", err)
				}
				if r.Text != "" {
					lines = append(lines, strings.Split(r.Text, "\n")...)
				}
				mergeMeta(&res.Meta, r.Meta)
				res.Dropped = append(res.Dropped, r.Dropped...)
				skip = 1
			case "tbl":
				depth++
				if depth == 1 {
					rows = nil
				}
			case "tr":
				if depth == 1 {
					row = nil
				}
			case "tc":
				if depth == 1 {
					cell = nil
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "r":
				runs = max(runs-1, 0)
			case "p":
				endPara()
			case "tc":
				if depth == 1 {
					row = append(row, cell)
				}
			case "tr":
				if depth == 1 {
					rows = append(rows, row)
				}
			case "tbl":
				if depth == 1 {
					lines = append(lines, tableLines(rows)...)
				}
				depth--
			}
		case xml.CharData:
			if inText && skip == 0 && para != nil {
				para.text.Write(t)
			}
		}
	}
	if len(title) > 0 {
		res.Meta.Title = strings.Join(title, "")
	}
	res.Text = strings.Join(lines, "\n")
	return res, nil
}

// tableLines renders table rows as tab-separated lines, each cell's
// paragraphs joined by a space; a row of one cell (a merged heading row)
// is a plain line. A layout table — one column, a cell of it holding
// several paragraphs, as a page saved to Word holds the whole document —
// gives its paragraphs as lines.
func tableLines(rows [][][]string) []string {
	layout := layoutTable(rows)
	var out []string
	for _, r := range rows {
		cells := make([]string, 0, len(r))
		for _, c := range r {
			if layout {
				for _, p := range c {
					if strings.TrimSpace(p) != "" {
						out = append(out, strings.ReplaceAll(p, "\t", " "))
					}
				}
				continue
			}
			cells = append(cells, strings.ReplaceAll(strings.Join(c, " "), "\t", " "))
		}
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) > 0 {
			out = append(out, strings.Join(cells, "\t"))
		}
	}
	return out
}

// minLayoutParas is how many paragraphs a cell of a one-column table
// holds for the table to be layout, not data.
const minLayoutParas = 3

// layoutTable reports a table of one column — no row fills more than
// one cell — one of whose cells holds minLayoutParas paragraphs or more.
func layoutTable(rows [][][]string) bool {
	long := false
	for _, r := range rows {
		filled := 0
		for _, c := range r {
			n := 0
			for _, p := range c {
				if strings.TrimSpace(p) != "" {
					n++
				}
			}
			if n > 0 {
				filled++
			}
			long = long || n >= minLayoutParas
		}
		if filled > 1 {
			return false
		}
	}
	return long
}

func attrVal(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxStyle is what a paragraph style contributes: its numbering, its
// base style and whether it is the Title style.
type docxStyle struct {
	basedOn, name string
	numID, ilvl   string
	hasNum        bool
}

// parseStyles reads styles.xml.
func parseStyles(data []byte) (styleMap, error) {
	out := styleMap{}
	if len(data) == 0 {
		return out, nil
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var id string
	var cur docxStyle
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, cur = attrVal(t, "styleId"), docxStyle{}
			case "basedOn":
				cur.basedOn = attrVal(t, "val")
			case "name":
				cur.name = attrVal(t, "val")
			case "numId":
				cur.numID, cur.hasNum = attrVal(t, "val"), true
			case "ilvl":
				cur.ilvl = attrVal(t, "val")
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				out[id] = cur
				id = ""
			}
		}
	}
}

// styleMap is the styles of a document by ID.
type styleMap map[string]docxStyle

// numPr follows a style and its bases to the numbering they give.
func (styles styleMap) numPr(id string) (numID, ilvl string, ok bool) {
	for range 16 { // basedOn chains are short; a cycle must not spin
		s, found := styles[id]
		if !found {
			return "", "", false
		}
		if s.hasNum {
			return s.numID, s.ilvl, true
		}
		id = s.basedOn
	}
	return "", "", false
}

// isTitle reports the Title style (by ID or name).
func (styles styleMap) isTitle(id string) bool {
	s, ok := styles[id]
	return id == "Title" || ok && strings.EqualFold(s.name, "Title")
}
