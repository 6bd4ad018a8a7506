package ui

import (
	"policyreader/ui/msg"

	"github.com/charmbracelet/lipgloss"
)

// Styles holds every style the reader draws with, and the language it
// writes in — the look of the reader, which every pane takes. It is the
// only place in the package that names colours.
type Styles struct {
	// tr prints the interface text in the reader's language.
	tr msg.Printer

	// Pane chrome.
	PaneTitle        lipgloss.Style
	PaneTitleFocused lipgloss.Style
	Separator        lipgloss.Style

	// Tree rows.
	TreeDoc      lipgloss.Style
	TreeNode     lipgloss.Style
	TreeSelected lipgloss.Style
	TreeMarker   lipgloss.Style
	Bookmark     lipgloss.Style

	// Detail pane.
	Breadcrumb lipgloss.Style
	Meta       lipgloss.Style
	Heading    lipgloss.Style
	Text       lipgloss.Style
	Target     lipgloss.Style
	Body       lipgloss.Style
	Figure     lipgloss.Style
	Link       lipgloss.Style // a citation that leads somewhere in the corpus
	Legend     lipgloss.Style
	Owner      lipgloss.Style
	Table      lipgloss.Style

	// Search pane.
	Prompt         lipgloss.Style
	Match          lipgloss.Style
	Result         lipgloss.Style
	ResultSelected lipgloss.Style
	Location       lipgloss.Style
	Dim            lipgloss.Style

	// Status bar.
	StatusPill lipgloss.Style
	StatusText lipgloss.Style
	Warning    lipgloss.Style

	// TargetFocus marks the target the targets view jumped to.
	TargetFocus lipgloss.Style

	// Compare pane: wording only one side has, and a target or body only
	// one side states.
	Only       lipgloss.Style
	OnlyTarget lipgloss.Style
	OnlyBody   lipgloss.Style
}

// defaultStyles returns the reader's styles built on renderer r. With
// noColor it names no colour at all and keeps highlights apart by
// attributes alone: targets bold+underline, bodies reverse, figures bold,
// matches bold+reverse.
func defaultStyles(r *lipgloss.Renderer, noColor bool) Styles {
	if noColor {
		return monoStyles(r)
	}
	var (
		accent = lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#A78BFA"}
		subtle = lipgloss.AdaptiveColor{Light: "#8A8A8A", Dark: "#7A7A7A"}
		text   = lipgloss.AdaptiveColor{Light: "#1F1F1F", Dark: "#E4E4E4"}
		target = lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF8A80"}
		body   = lipgloss.AdaptiveColor{Light: "#0B6BCB", Dark: "#7CC4FF"}
		// Figures (past quantities) are teal: apart from targets (red) and
		// bodies (blue) in hue, and plain — CJK italics rarely render.
		figure  = lipgloss.AdaptiveColor{Light: "#00796B", Dark: "#4DD0C4"}
		selBg   = lipgloss.AdaptiveColor{Light: "#DCD3FF", Dark: "#3B2F6B"}
		matchFg = lipgloss.AdaptiveColor{Light: "#B35C00", Dark: "#FFB454"}
		pillBg  = lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#7C5CE0"}
		pillFg  = lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#FFFFFF"}
		warn    = lipgloss.AdaptiveColor{Light: "#9A5B00", Dark: "#FFCC66"}
	)
	s := r.NewStyle
	return Styles{
		PaneTitle:        s().Foreground(subtle).Bold(true),
		PaneTitleFocused: s().Foreground(accent).Bold(true).Underline(true),
		Separator:        s().Foreground(subtle),

		TreeDoc:      s().Foreground(text).Bold(true),
		TreeNode:     s().Foreground(text),
		TreeSelected: s().Background(selBg).Foreground(text).Bold(true),
		TreeMarker:   s().Foreground(subtle),
		Bookmark:     s().Foreground(matchFg).Bold(true),

		Breadcrumb: s().Foreground(accent),
		Meta:       s().Foreground(subtle),
		Heading:    s().Foreground(accent).Bold(true),
		Text:       s().Foreground(text),
		Target:     s().Foreground(target).Bold(true),
		Body:       s().Foreground(body).Underline(true),
		Figure:     s().Foreground(figure),
		Link:       s().Foreground(accent).Underline(true),
		Legend:     s().Foreground(subtle),
		Owner:      s().Foreground(body),
		Table:      s().Foreground(text),

		Prompt:         s().Foreground(accent).Bold(true),
		Match:          s().Foreground(matchFg).Bold(true).Underline(true),
		Result:         s().Foreground(text),
		ResultSelected: s().Background(selBg).Foreground(text).Bold(true),
		Location:       s().Foreground(subtle),
		Dim:            s().Foreground(subtle),

		StatusPill: s().Background(pillBg).Foreground(pillFg).Bold(true).Padding(0, 1),
		StatusText: s().Foreground(subtle),
		Warning:    s().Foreground(warn).Bold(true),

		TargetFocus: s().Foreground(target).Bold(true).Reverse(true),

		Only:       s().Foreground(matchFg).Underline(true),
		OnlyTarget: s().Foreground(target).Bold(true).Reverse(true),
		OnlyBody:   s().Foreground(body).Reverse(true),
	}
}

// monoStyles is the NO_COLOR theme: attributes only.
func monoStyles(r *lipgloss.Renderer) Styles {
	s := r.NewStyle
	return Styles{
		PaneTitle:        s(),
		PaneTitleFocused: s().Bold(true).Underline(true),
		Separator:        s(),

		TreeDoc:      s().Bold(true),
		TreeNode:     s(),
		TreeSelected: s().Reverse(true),
		TreeMarker:   s(),
		Bookmark:     s().Bold(true),

		Breadcrumb: s().Bold(true),
		Meta:       s().Faint(true),
		Heading:    s().Bold(true),
		Text:       s(),
		Target:     s().Bold(true).Underline(true),
		Body:       s().Reverse(true),
		Figure:     s().Bold(true),
		Link:       s().Underline(true).Faint(true),
		Legend:     s().Faint(true),
		Owner:      s().Underline(true),
		Table:      s(),

		Prompt:         s().Bold(true),
		Match:          s().Bold(true).Reverse(true),
		Result:         s(),
		ResultSelected: s().Reverse(true),
		Location:       s().Faint(true),
		Dim:            s().Faint(true),

		StatusPill: s().Reverse(true).Bold(true).Padding(0, 1),
		StatusText: s(),
		Warning:    s().Bold(true),

		TargetFocus: s().Bold(true).Underline(true).Reverse(true),

		Only:       s().Underline(true),
		OnlyTarget: s().Bold(true).Reverse(true),
		OnlyBody:   s().Reverse(true).Underline(true),
	}
}
