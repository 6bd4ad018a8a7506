package ui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
)

// newFilterInput returns the one-line text input of the search pane, the
// targets filter and the bookmark note editor: prompt and placeholder in
// the theme's Prompt and Dim styles, with a cursor that does not blink.
func newFilterInput(styles *Styles, prompt, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	in.PromptStyle = styles.Prompt
	in.PlaceholderStyle = styles.Dim
	in.Cursor.SetMode(cursor.CursorStatic)
	return in
}
