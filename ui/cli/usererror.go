package cli

import (
	"errors"
	"fmt"
	"strings"

	"policyreader/ui/msg"
)

// userError is an error the command line reports to the user: its format
// is a message (package msg), printed in the user's language, and usage
// marks a bad invocation (exit status 2) rather than a failed operation.
type userError struct {
	format string
	args   []any
	usage  bool
}

// Error is the message in English, %w printed as %v.
func (e userError) Error() string {
	return fmt.Sprintf(strings.ReplaceAll(e.format, "%w", "%v"), e.args...)
}

// Unwrap returns the errors the message wraps with %w.
func (e userError) Unwrap() []error {
	var out []error
	for _, a := range e.args {
		if err, ok := a.(error); ok {
			out = append(out, err)
		}
	}
	return out
}

// in is the message in tr's language.
func (e userError) in(tr msg.Printer) string {
	return fmt.Sprintf(strings.ReplaceAll(tr.T(e.format), "%w", "%v"), e.args...)
}

// usagef reports a bad invocation: a message and its arguments.
func usagef(format string, a ...any) error { return userError{format: format, args: a, usage: true} }

// failf reports a failed operation: a message and its arguments, which
// may wrap an error with %w.
func failf(format string, a ...any) error { return userError{format: format, args: a} }

// messageOf is err as the user reads it: a userError in tr's language,
// any other error as it is.
func messageOf(err error, tr msg.Printer) string {
	var ue userError
	if errors.As(err, &ue) && err.Error() == ue.Error() {
		return ue.in(tr)
	}
	return err.Error()
}
