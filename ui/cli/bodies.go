package cli

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/highlight"
)

// bodyJSON is one entry of `bodies --json`.
type bodyJSON struct {
	// Name is the body as written, spaces removed (珠三角9市政府).
	Name string `json:"name"`
	// Count is how many nodes name the body.
	Count int `json:"count"`
	// Docs are the IDs of the documents that name it, in corpus order.
	Docs []string `json:"docs"`
	// Nodes are the IDs of the nodes that name it, in corpus order.
	Nodes []string `json:"nodes"`
}

// runBodies prints every responsible body of the corpus with how many
// clauses name it and where: `bodies [--json]`.
func runBodies(env Env, opts Options, args []string) error {
	fset := newFlagSet("bodies", env, &opts)
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("bodies: takes no arguments, got %q", rest[0])
	}
	c, err := LoadCorpus(env, opts)
	if err != nil {
		return err
	}
	return printBodies(env.Stdout, c, collectBodies(c), opts.JSON)
}

// collectBodies gathers the bodies of every node: its Body spans and the
// units of its responsibility annotation. Most named first, then by name.
func collectBodies(c *corpus.Corpus) []*bodyJSON {
	byName := map[string]*bodyJSON{}
	var out []*bodyJSON
	c.Nodes(func(n *corpus.Node) bool {
		names := map[string]bool{}
		runes := []rune(n.Text)
		for _, s := range n.Spans {
			if s.Kind == highlight.Body && s.Start >= 0 && s.Start < s.End && s.End <= len(runes) {
				names[bodyName(string(runes[s.Start:s.End]))] = true
			}
		}
		for _, r := range n.Responsible {
			names[bodyName(r)] = true
		}
		sorted := make([]string, 0, len(names))
		for name := range names {
			if name != "" {
				sorted = append(sorted, name)
			}
		}
		sort.Strings(sorted)
		for _, name := range sorted {
			b := byName[name]
			if b == nil {
				b = &bodyJSON{Name: name}
				byName[name] = b
				out = append(out, b)
			}
			b.Count++
			b.Nodes = append(b.Nodes, n.ID)
			if n.Doc != nil && (len(b.Docs) == 0 || b.Docs[len(b.Docs)-1] != n.Doc.ID) {
				b.Docs = append(b.Docs, n.Doc.ID)
			}
		}
		return true
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// bodyName folds the ways one body is written in the text: 珠三角 9 市政府
// and 珠三角9市政府 are one body.
func bodyName(s string) string { return strings.Join(strings.Fields(s), "") }

// printBodies writes the bodies as a JSON array or as an aligned table.
func printBodies(w io.Writer, c *corpus.Corpus, bodies []*bodyJSON, asJSON bool) error {
	if asJSON {
		if bodies == nil {
			bodies = []*bodyJSON{}
		}
		if err := writeJSON(w, bodies); err != nil {
			return fmt.Errorf("write bodies: %w", err)
		}
		return nil
	}
	if len(bodies) == 0 {
		_, err := fmt.Fprintln(w, "no bodies")
		return err
	}
	rows := [][]string{{"count", "body", "documents"}}
	for _, b := range bodies {
		var docs []string
		for _, id := range b.Docs {
			d, ok := c.Doc(id)
			if !ok {
				docs = append(docs, id)
				continue
			}
			docs = append(docs, docShort(d))
		}
		rows = append(rows, []string{strconv.Itoa(b.Count), b.Name, strings.Join(docs, ", ")})
	}
	return writeAligned(w, rows)
}
