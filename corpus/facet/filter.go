package facet

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"policyreader/corpus"
)

// Name is one of the four facets.
type Name int

const (
	// ByKind filters by Kind.
	ByKind Name = iota
	// ByLevel filters by Level.
	ByLevel
	// ByYear filters by year.
	ByYear
	// ByIssuer filters by issuer.
	ByIssuer
)

// Names lists the facets in display order.
var Names = []Name{ByKind, ByLevel, ByYear, ByIssuer}

// String names the facet.
func (n Name) String() string {
	switch n {
	case ByLevel:
		return "level"
	case ByYear:
		return "year"
	case ByIssuer:
		return "issuer"
	}
	return "kind"
}

// Value is one value of a facet with how many documents have it.
type Value struct {
	Facet Name
	// Key identifies the value within its facet: the kind or level name,
	// the year's digits, the issuer; "" for a document with no year.
	Key   string
	Count int
}

// Label is the value as a list shows it.
func (v Value) Label() string {
	if v.Facet == ByYear && v.Key == "" {
		return "no date"
	}
	return v.Key
}

// keys returns the keys of x under facet n: one for kind, level and year,
// one per issuer.
func keys(x Facets, n Name) []string {
	switch n {
	case ByKind:
		return []string{x.Kind.String()}
	case ByLevel:
		return []string{x.Level.String()}
	case ByYear:
		if x.Year == 0 {
			return []string{""}
		}
		return []string{strconv.Itoa(x.Year)}
	}
	return x.Issuers
}

// Values lists every value of every facet among docs, facet by facet:
// kinds and levels in their fixed order, years newest first, issuers by
// how many documents they issued.
func Values(docs []*corpus.Document) []Value {
	counts := map[Name]map[string]int{}
	for _, n := range Names {
		counts[n] = map[string]int{}
	}
	for _, d := range docs {
		x := Of(d)
		for _, n := range Names {
			for _, k := range keys(x, n) {
				counts[n][k]++
			}
		}
	}
	var out []Value
	for _, k := range Kinds {
		if c := counts[ByKind][k.String()]; c > 0 {
			out = append(out, Value{ByKind, k.String(), c})
		}
	}
	for _, l := range Levels {
		if c := counts[ByLevel][l.String()]; c > 0 {
			out = append(out, Value{ByLevel, l.String(), c})
		}
	}
	for _, n := range []Name{ByYear, ByIssuer} {
		var vs []Value
		for k, c := range counts[n] {
			vs = append(vs, Value{n, k, c})
		}
		sort.Slice(vs, func(i, j int) bool {
			a, b := vs[i], vs[j]
			if n == ByYear {
				return a.Key > b.Key
			}
			if a.Count != b.Count {
				return a.Count > b.Count
			}
			return a.Key < b.Key
		})
		out = append(out, vs...)
	}
	return out
}

// Filter is a set of chosen values: a document passes when, for every
// facet with a value chosen, it has one of them (values of one facet
// widen, facets narrow). The zero Filter passes everything.
type Filter struct {
	chosen map[Name]map[string]bool
}

// Toggle chooses v's value or drops it.
func (f Filter) Toggle(v Value) Filter {
	next := Filter{chosen: map[Name]map[string]bool{}}
	for n, set := range f.chosen {
		next.chosen[n] = map[string]bool{}
		for k := range set {
			next.chosen[n][k] = true
		}
	}
	set := next.chosen[v.Facet]
	if set == nil {
		set = map[string]bool{}
		next.chosen[v.Facet] = set
	}
	if set[v.Key] {
		delete(set, v.Key)
	} else {
		set[v.Key] = true
	}
	if len(set) == 0 {
		delete(next.chosen, v.Facet)
	}
	return next
}

// Chosen reports whether v's value is chosen.
func (f Filter) Chosen(v Value) bool { return f.chosen[v.Facet][v.Key] }

// Active reports whether any value is chosen.
func (f Filter) Active() bool { return len(f.chosen) > 0 }

// Match reports whether d passes the filter.
func (f Filter) Match(d *corpus.Document) bool {
	if !f.Active() {
		return true
	}
	x := Of(d)
	for n, set := range f.chosen {
		ok := false
		for _, k := range keys(x, n) {
			ok = ok || set[k]
		}
		if !ok {
			return false
		}
	}
	return true
}

// Apply returns the documents of docs that pass, in order.
func (f Filter) Apply(docs []*corpus.Document) []*corpus.Document {
	if !f.Active() {
		return docs
	}
	var out []*corpus.Document
	for _, d := range docs {
		if f.Match(d) {
			out = append(out, d)
		}
	}
	return out
}

// Short lists the chosen values alone, facet by facet, for a header
// with little room: "law|regulation · 2021".
func (f Filter) Short() string { return f.ShortIn(nil) }

// ShortIn is Short with the words of the package (facet names, kinds,
// levels, "no date") put through tr, a translation; nil keeps English.
func (f Filter) ShortIn(tr func(string) string) string {
	var parts []string
	for _, n := range Names {
		if ks := f.values(n, tr); len(ks) > 0 {
			parts = append(parts, strings.Join(ks, "|"))
		}
	}
	return strings.Join(parts, " · ")
}

// values are the chosen values of facet n, sorted, "no date" for the
// empty year; kinds, levels and "no date" through tr when it is set.
func (f Filter) values(n Name, tr func(string) string) []string {
	var ks []string
	for k := range f.chosen[n] {
		if k == "" {
			k = "no date"
		}
		if tr != nil && (n == ByKind || n == ByLevel || k == "no date") {
			k = tr(k)
		}
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// String lists the chosen values facet by facet, values of one facet
// joined by "|": "kind: law|regulation · year: 2021".
func (f Filter) String() string { return f.StringIn(nil) }

// StringIn is String with the package's words put through tr.
func (f Filter) StringIn(tr func(string) string) string {
	var parts []string
	for _, n := range Names {
		if ks := f.values(n, tr); len(ks) > 0 {
			name := n.String()
			if tr != nil {
				name = tr(name)
			}
			parts = append(parts, fmt.Sprintf("%s: %s", name, strings.Join(ks, "|")))
		}
	}
	return strings.Join(parts, " · ")
}
