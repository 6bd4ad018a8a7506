package cli

import (
	"policyreader/corpus"
)

// nodeJSON is the JSON shape of a node in `tree --json` and `show --json`.
type nodeJSON struct {
	ID          string      `json:"id"`
	Kind        string      `json:"kind"`
	Number      string      `json:"number"`
	Heading     string      `json:"heading"`
	Text        string      `json:"text"`
	Rows        [][]string  `json:"rows,omitempty"`
	Responsible []string    `json:"responsible,omitempty"`
	Children    []*nodeJSON `json:"children"`
}

// docJSON is the JSON shape of a document in `tree --json`.
type docJSON struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	Short     string      `json:"short"`
	Issuer    []string    `json:"issuer"`
	DocNumber string      `json:"doc_number"`
	Date      string      `json:"date"`
	Truncated bool        `json:"truncated"`
	Kind      string      `json:"kind"`
	History   []string    `json:"history"`
	Children  []*nodeJSON `json:"children"`
}

// spanJSON is one highlight span with rune offsets into the text it marks.
type spanJSON struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

func toNodeJSON(n *corpus.Node, deep bool) *nodeJSON {
	j := &nodeJSON{ID: n.ID, Kind: n.Kind.String(), Number: n.Number, Heading: n.Heading, Text: n.Text, Rows: n.Rows, Responsible: n.Responsible, Children: []*nodeJSON{}}
	if deep {
		for _, c := range n.Children {
			j.Children = append(j.Children, toNodeJSON(c, true))
		}
	}
	return j
}

func toDocJSON(d *corpus.Document) *docJSON {
	j := &docJSON{ID: d.ID, Title: d.Title, Short: d.Short, Issuer: d.Issuers, DocNumber: d.DocNumber, Date: d.Date, Truncated: d.Truncated, Kind: d.Grammar, History: d.History, Children: []*nodeJSON{}}
	if j.Issuer == nil {
		j.Issuer = []string{}
	}
	if j.History == nil {
		j.History = []string{}
	}
	for _, c := range d.TopLevel() {
		j.Children = append(j.Children, toNodeJSON(c, true))
	}
	return j
}

// spansJSON converts spans over text to their JSON form, text included.
func spansJSON(text string, spans []corpus.Span) []spanJSON {
	out := make([]spanJSON, 0, len(spans))
	runes := []rune(text)
	for _, s := range spans {
		if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
			continue
		}
		out = append(out, spanJSON{Kind: s.Kind.String(), Start: s.Start, End: s.End, Text: string(runes[s.Start:s.End])})
	}
	return out
}
