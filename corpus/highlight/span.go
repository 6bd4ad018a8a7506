// Package highlight finds the spans of a clause that a policy reader wants to
// see at a glance: targets (measurable commitments), responsible bodies and
// past figures. It knows nothing about documents or terminals.
package highlight

// Kind says what a Span marks.
type Kind int

const (
	// Target is a forward-looking measurable commitment: 115万人次以上, 到2025年, 不低于98%.
	Target Kind = iota
	// Body is an organisation made to act: 省人力资源社会保障厅, 各地区各有关部门.
	Body
	// Figure is a number that reports the past (截至2020年底…达730万人).
	Figure
)

// String returns the lower-case name used in JSON output: target, body or figure.
func (k Kind) String() string {
	switch k {
	case Target:
		return "target"
	case Body:
		return "body"
	case Figure:
		return "figure"
	}
	return "unknown"
}

// Span marks the runes [Start, End) of a text. Offsets count runes, not bytes.
type Span struct {
	Start int
	End   int
	Kind  Kind
}
