package corpus

// Parse parses decoded text into a Document; name is the file name the ID
// and fallback title derive from.
func Parse(name, text string) (*Document, error) {
	d := &Document{ID: Slug(name), Source: name, Title: name}
	n := &Node{ID: d.ID + "/p1", Kind: Paragraph, Text: text, Doc: d}
	d.Children = []*Node{n}
	return d, nil
}
