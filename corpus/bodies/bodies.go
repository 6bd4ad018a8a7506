// Package bodies answers "who is responsible for what": every responsible
// body a corpus names, with the clauses it leads, takes part in and merely
// names, its aliases counted as one body.
//
// Roles come from the responsibility annotations that end clauses in work
// plans and implementation opinions — （人力资源社会保障部牵头，教育部、财政部
// 按职责分工负责） — read by the highlight package: the units an annotation
// marks as leading (or, when it marks none, its first unit) lead; the rest
// take part. A body the text names without an annotation giving it the
// clause is only named. Aliases are folded by highlight.BodyKey (人社部 =
// 人力资源社会保障部, 省人社厅 = 省人力资源和社会保障厅); a body shows under the
// name it is written with most often.
package bodies

import (
	"slices"
	"sort"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/facet"
	"policyreader/corpus/highlight"
)

// Role is what a body has to do with a clause, strongest last.
type Role int

const (
	// Named: the clause names the body, no annotation gives it the clause.
	Named Role = iota
	// Part: an annotation lists the body among the units that take part.
	Part
	// Lead: an annotation makes the body lead the clause.
	Lead
)

// String names the role as the CLI and JSON spell it.
func (r Role) String() string {
	switch r {
	case Lead:
		return "lead"
	case Part:
		return "part"
	}
	return "named"
}

// Ref is one clause of a body, with the body's role in it.
type Ref struct {
	Node *corpus.Node
	Role Role
	// As is how the clause writes the body.
	As string
}

// Body is one responsible body of the corpus.
type Body struct {
	// Name is the form the corpus writes most often (spaces removed).
	Name string
	// Aliases are the other forms, most frequent first.
	Aliases []string
	// Lead, Part and Named count the clauses of each role; a clause counts
	// once, under the body's strongest role in it.
	Lead, Part, Named int
	// Refs are the clauses, in corpus order.
	Refs []Ref
	// Docs are the IDs of the documents of Refs, in corpus order.
	Docs []string
	// Place is the province a name that starts with 省 belongs to (江西
	// for 省委 in a Jiangxi document), empty otherwise.
	Place string

	key   string
	forms map[string]int
}

// Label is the name as a list shows it: with the province in brackets
// when the name leaves it out (省委、省政府（江西）).
func (b *Body) Label() string {
	if b.Place != "" && !strings.Contains(b.Name, b.Place) {
		return b.Name + "（" + b.Place + "）"
	}
	return b.Name
}

// Total is how many clauses have anything to do with the body.
func (b *Body) Total() int { return b.Lead + b.Part + b.Named }

// Collect gathers the bodies of every node of c, those that lead most
// first, then those that take part most, then those named most, then by
// name.
func Collect(c *corpus.Corpus) []*Body {
	c.EnsureAnnotations() // on every processor: most of the work
	byKey := map[string]*Body{}
	var out []*Body
	places := map[*corpus.Document]string{}
	c.Nodes(func(n *corpus.Node) bool {
		n.Doc.EnsureAnnotations()
		place, ok := places[n.Doc]
		if !ok && n.Doc != nil {
			place = provinceOf(n.Doc)
			places[n.Doc] = place
		}
		roles := map[string]Role{}
		forms := map[string][]string{}
		var order []string
		see := func(name string, r Role) {
			name = strings.Join(strings.Fields(name), "")
			if name == "" {
				return
			}
			k := key(name, place)
			old, ok := roles[k]
			if !ok {
				order = append(order, k)
			}
			if !slices.Contains(forms[k], name) {
				forms[k] = append(forms[k], name)
			}
			if !ok || r > old {
				roles[k] = r
			}
		}
		for i, u := range n.Responsible {
			if i < int(n.Leads) {
				see(u, Lead)
			} else {
				see(u, Part)
			}
		}
		runes := []rune(n.Text)
		for _, s := range n.Spans {
			if s.Kind == highlight.Body && s.Start >= 0 && s.Start < s.End && s.End <= len(runes) {
				see(string(runes[s.Start:s.End]), Named)
			}
		}
		for _, k := range order {
			b := byKey[k]
			if b == nil {
				b = &Body{key: k, forms: map[string]int{}}
				if place != "" && strings.HasPrefix(k, place) {
					b.Place = place
				}
				byKey[k] = b
				out = append(out, b)
			}
			r := roles[k]
			switch r {
			case Lead:
				b.Lead++
			case Part:
				b.Part++
			default:
				b.Named++
			}
			for _, f := range forms[k] {
				b.forms[f]++
			}
			b.Refs = append(b.Refs, Ref{Node: n, Role: r, As: forms[k][0]})
			if n.Doc != nil && (len(b.Docs) == 0 || b.Docs[len(b.Docs)-1] != n.Doc.ID) {
				b.Docs = append(b.Docs, n.Doc.ID)
			}
		}
		return true
	})
	for _, b := range out {
		b.name()
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Lead != b.Lead:
			return a.Lead > b.Lead
		case a.Part != b.Part:
			return a.Part > b.Part
		case a.Named != b.Named:
			return a.Named > b.Named
		}
		return a.Name < b.Name
	})
	return out
}

// name picks the most frequent form as the name (the longer, then the
// smaller, on a tie) and lists the others as aliases.
func (b *Body) name() {
	forms := make([]string, 0, len(b.forms))
	for f := range b.forms {
		forms = append(forms, f)
	}
	sort.Slice(forms, func(i, j int) bool {
		fi, fj := forms[i], forms[j]
		if b.forms[fi] != b.forms[fj] {
			return b.forms[fi] > b.forms[fj]
		}
		if len(fi) != len(fj) {
			return len(fi) > len(fj)
		}
		return fi < fj
	})
	b.Name, b.Aliases = forms[0], forms[1:]
}

// Find returns the body whose name or alias is name, or nil.
func Find(bodies []*Body, name string) *Body {
	name = strings.Join(strings.Fields(name), "")
	for _, b := range bodies {
		if b.forms[name] > 0 {
			return b
		}
	}
	k := highlight.BodyKey(name)
	for _, b := range bodies {
		if b.key == k {
			return b
		}
	}
	return nil
}

// key is the key of a body written name in a document of province place:
// a provincial document's 省人社厅 is its own province's, so
// 省人力资源社会保障厅 in a Guangdong plan and 广东省人力资源和社会保障厅 in a
// Guangdong letter are one body, and 省政府 in a Guangdong and in a Jiangxi
// document are two.
func key(name, place string) string {
	if place != "" && strings.HasPrefix(name, "省") && !strings.HasPrefix(name, "省级") {
		name = place + name
	}
	return highlight.BodyKey(name)
}

// provinceOf is the province a document is issued in (广东, 江西), from its
// issuers and then its title — the name before the first 省 that opens an
// issuer (中共广东省委办公厅, 广东省人民政府) — or "" for a central or local
// document that names none.
func provinceOf(d *corpus.Document) string {
	for _, s := range append(append([]string{}, d.Issuers...), d.Title) {
		s = strings.TrimPrefix(strings.Join(strings.Fields(s), ""), "中共")
		if p, ok := facet.Province(s); ok && strings.HasPrefix(s, p+"省") {
			return p
		}
	}
	return ""
}
