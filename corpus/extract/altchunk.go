package extract

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"path"
	"strings"
)

// Word files written by converters often carry their whole text as an
// "alternative format chunk" (w:altChunk): document.xml points at a web
// page (.mht, .html) or plain text inside the file, which Word renders in
// place. These read a chunk's text.

// docxRels maps a document's relationship IDs to the parts they name
// (word/_rels/document.xml.rels), as paths inside the archive.
func docxRels(data []byte) (map[string]string, error) {
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if len(data) == 0 {
		return nil, nil
	}
	if err := xml.Unmarshal(data, &rels); err != nil {
		return nil, fmt.Errorf("read document.xml.rels: %w", err)
	}
	out := make(map[string]string, len(rels.Rel))
	for _, r := range rels.Rel {
		if r.Mode == "External" {
			continue
		}
		if strings.HasPrefix(r.Target, "/") {
			out[r.ID] = strings.TrimPrefix(r.Target, "/")
		} else {
			out[r.ID] = path.Join("word", r.Target)
		}
	}
	return out, nil
}

// readChunk reads an alternative format chunk named name holding data: a
// web archive (.mht) or page read as a web page (its metadata table and
// what it dropped kept in the result), plain text decoded. A chunk with
// no text gives an empty result; any other kind (RTF, a nested Word file)
// is an error.
func readChunk(name string, data []byte) (*Result, error) {
	var page []byte
	switch ext := strings.ToLower(path.Ext(name)); {
	case ext == ".mht" || ext == ".mhtml" || bytes.HasPrefix(data, []byte("MIME-Version:")):
		html, err := mhtPage(data)
		if err != nil {
			return nil, err
		}
		page = html
	case ext == ".htm" || ext == ".html" || ext == ".xhtml":
		page = data
	case ext == ".txt":
		text, err := Decode(data)
		if err != nil && len(bytes.TrimSpace(data)) > 0 {
			return nil, err
		}
		return &Result{Text: text}, nil
	default:
		return nil, fmt.Errorf("an embedded %s part cannot be read", ext)
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return &Result{}, nil
	}
	r, err := HTML(page)
	if errors.Is(err, errNoPageText) {
		return &Result{}, nil
	}
	return r, err
}

// errNoPage reports a web archive with no HTML part.
var errNoPage = errors.New("web archive holds no page")

// mhtPage returns the HTML of a web archive (MIME multipart/related): its
// first text/html part, its transfer encoding undone.
func mhtPage(data []byte) ([]byte, error) {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(data)))
	header, err := tp.ReadMIMEHeader()
	if err != nil && len(header) == 0 {
		return nil, fmt.Errorf("read web archive: %w", err)
	}
	mt, params, err := mime.ParseMediaType(header.Get("Content-Type"))
	if err != nil {
		return nil, fmt.Errorf("read web archive: %w", err)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		return decodeTransfer(header.Get("Content-Transfer-Encoding"), tp.R)
	}
	return multipartPage(tp.R, params["boundary"], 0)
}

// maxArchiveDepth bounds multipart parts nested in a web archive.
const maxArchiveDepth = 4

// multipartPage returns the first text/html part of a multipart body,
// looking into nested multipart parts (multipart/alternative).
func multipartPage(r io.Reader, boundary string, depth int) ([]byte, error) {
	mr := multipart.NewReader(r, boundary)
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil, errNoPage
		}
		if err != nil {
			return nil, fmt.Errorf("read web archive: %w", err)
		}
		ct, params, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		switch {
		case ct == "text/html":
			// multipart undoes quoted-printable itself (and drops the
			// header); base64 is left to us.
			return decodeTransfer(p.Header.Get("Content-Transfer-Encoding"), p)
		case strings.HasPrefix(ct, "multipart/") && depth < maxArchiveDepth:
			if page, err := multipartPage(p, params["boundary"], depth+1); err == nil {
				return page, nil
			}
		}
	}
}

// decodeTransfer reads r undoing a base64 or quoted-printable transfer
// encoding.
func decodeTransfer(encoding string, r io.Reader) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r)
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	}
	b, err := io.ReadAll(io.LimitReader(r, maxDocxPart+1))
	if err != nil {
		return nil, fmt.Errorf("read web archive: %w", err)
	}
	if len(b) > maxDocxPart {
		return nil, ErrZipBomb
	}
	return b, nil
}
