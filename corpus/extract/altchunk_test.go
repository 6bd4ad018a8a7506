package extract

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
)

// chunkDocx builds a Word file whose body is a paragraph and an
// alternative format chunk, as a converter writes it: the relationship
// relID names the part name holding data (the body asks for htmlChunk).
func chunkDocx(t *testing.T, relID, name string, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(n, s string) {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(s))
	}
	add("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`)
	add("word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:r><w:t>封面</w:t></w:r></w:p><w:altChunk r:id="htmlChunk"/><w:sectPr/></w:body></w:document>`)
	add("word/_rels/document.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="/word/`+name+`" Id="`+relID+`"/></Relationships>`)
	w, err := zw.Create("word/" + name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestAltChunk: a Word file that carries its text as an embedded web
// archive (quoted-printable or base64), web page or text file reads as
// Word shows it, in place; one whose chunk is missing or of a kind it
// cannot read fails with a clear error, never an empty document.
func TestAltChunk(t *testing.T) {
	page := `<html><head><meta charset="utf-8"></head><body><h1>中华人民共和国国旗法</h1><p>第一条 为了维护国旗的尊严，制定本法。</p><p>第二条 中华人民共和国国旗是五星红旗。</p></body></html>`
	qp := "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n    type=\"text/html\";\r\n    boundary=\"----=mhtDocumentPart\"\r\n\r\n\r\n------=mhtDocumentPart\r\nContent-Type: text/html;\r\n    charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: file:///C:/fake/document.html\r\n\r\n" +
		strings.ReplaceAll(page, `charset="utf-8"`, `charset=3D"utf-8"`) + "\r\n------=mhtDocumentPart--\r\n"
	b64 := "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString([]byte(page)) + "\r\n--b--\r\n"
	// A web page's text as the web page reader gives it: no space
	// between Chinese characters.
	want := "封面\n中华人民共和国国旗法\n第一条为了维护国旗的尊严，制定本法。\n第二条中华人民共和国国旗是五星红旗。"
	for _, c := range []struct{ name, part string }{
		{"afchunk.mht", qp},
		{"chunk.mht", b64},
		{"chunk.html", page},
		{"chunk.txt", "中华人民共和国国旗法\n第一条为了维护国旗的尊严，制定本法。\n第二条中华人民共和国国旗是五星红旗。"},
	} {
		r, err := DOCX(chunkDocx(t, "htmlChunk", c.name, []byte(c.part)))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if r.Text != want {
			t.Errorf("%s: text %q, want %q", c.name, r.Text, want)
		}
	}
	if _, err := DOCX(chunkDocx(t, "htmlChunk", "chunk.rtf", []byte(`{\rtf1 text}`))); err == nil || !strings.Contains(err.Error(), "embedded") {
		t.Errorf("an RTF chunk: %v, want an error naming the embedded part", err)
	}
	if _, err := DOCX(chunkDocx(t, "other", "afchunk.mht", []byte(qp))); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a chunk with no part: %v, want an error saying it is missing", err)
	}
}
