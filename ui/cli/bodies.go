package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/bodies"
)

// bodyJSON is one entry of `bodies --json`.
type bodyJSON struct {
	// Name is the body as the corpus writes it most often, spaces removed.
	Name string `json:"name"`
	// Aliases are the other ways the corpus writes it (人社部 for
	// 人力资源社会保障部).
	Aliases []string `json:"aliases"`
	// Place is the province a name starting with 省 belongs to, if any.
	Place string `json:"place,omitempty"`
	// Lead, Part and Named count the clauses the body leads, takes part in
	// (from responsibility annotations) and is only named in.
	Lead  int `json:"lead"`
	Part  int `json:"part"`
	Named int `json:"named"`
	// Count is how many nodes have to do with the body: Lead+Part+Named.
	Count int `json:"count"`
	// Docs are the IDs of the documents that name it, in corpus order.
	Docs []string `json:"docs"`
	// Nodes are the IDs of the nodes that name it, in corpus order.
	Nodes []string `json:"nodes"`
	// Roles are the body's role in each of Nodes: lead, part or named.
	Roles []string `json:"roles"`
}

// runBodies prints every responsible body of the corpus with how many
// clauses it leads, takes part in and is named in:
// `bodies [--json | --format table|csv|json]`.
func runBodies(env Env, opts Options, args []string) error {
	fset := newFlagSet("bodies", env, &opts)
	format := fset.String("format", "table", "output `FORMAT`: table, csv or json")
	rest, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("bodies: takes no arguments, got %q", rest[0])
	}
	f, err := tableFormat("bodies", *format, opts.JSON)
	if err != nil {
		return err
	}
	c, err := LoadCorpus(env, opts)
	if err != nil {
		return err
	}
	return printBodies(env.Stdout, c, bodies.Collect(c), f)
}

// tableFormat checks a --format value against --json: "table", "csv" or
// "json".
func tableFormat(cmd, format string, asJSON bool) (string, error) {
	switch format {
	case "table", "csv", "json":
	default:
		return "", usagef("%s: --format must be table, csv or json, not %q", cmd, format)
	}
	if asJSON {
		if format == "csv" {
			return "", usagef("%s: --json and --format csv contradict each other", cmd)
		}
		return "json", nil
	}
	return format, nil
}

func toBodyJSON(b *bodies.Body) bodyJSON {
	j := bodyJSON{Name: b.Name, Aliases: b.Aliases, Place: b.Place, Lead: b.Lead, Part: b.Part, Named: b.Named,
		Count: b.Total(), Docs: b.Docs}
	if j.Aliases == nil {
		j.Aliases = []string{}
	}
	for _, r := range b.Refs {
		j.Nodes = append(j.Nodes, r.Node.ID)
		j.Roles = append(j.Roles, r.Role.String())
	}
	return j
}

// printBodies writes the bodies as JSON, CSV or an aligned table.
func printBodies(w io.Writer, c *corpus.Corpus, bs []*bodies.Body, format string) error {
	switch format {
	case "json":
		out := make([]bodyJSON, 0, len(bs))
		for _, b := range bs {
			out = append(out, toBodyJSON(b))
		}
		if err := writeJSON(w, out); err != nil {
			return failf("write bodies: %w", err)
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"body", "aliases", "place", "lead", "part", "named", "documents"})
		for _, b := range bs {
			_ = cw.Write([]string{b.Name, strings.Join(b.Aliases, "；"), b.Place, strconv.Itoa(b.Lead), strconv.Itoa(b.Part),
				strconv.Itoa(b.Named), strings.Join(b.Docs, " ")})
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return failf("write bodies: %w", err)
		}
		return nil
	}
	if len(bs) == 0 {
		_, err := fmt.Fprintln(w, "no bodies")
		return err
	}
	rows := [][]string{{"lead", "part", "named", "body", "documents"}}
	for _, b := range bs {
		var docs []string
		for _, id := range b.Docs {
			d, ok := c.Doc(id)
			if !ok {
				docs = append(docs, id)
				continue
			}
			docs = append(docs, docShort(d))
		}
		name := b.Label()
		if len(b.Aliases) > 0 {
			name += " = " + strings.Join(b.Aliases, " = ")
		}
		rows = append(rows, []string{strconv.Itoa(b.Lead), strconv.Itoa(b.Part), strconv.Itoa(b.Named), name, strings.Join(docs, ", ")})
	}
	return writeAligned(w, rows)
}
