package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"policyreader/ui/msg"
	"strings"
)

// asTyped rewrites the flag package's error so it names a flag the way
// the user typed it: the flag package always writes one dash
// ("flag provided but not defined: -nope"), which is wrong and confusing
// when the user typed --nope.
func asTyped(err error, args []string) error {
	msg := err.Error()
	// i is the index of the dash the flag package wrote before the name.
	i := -1
	for _, before := range []string{": -", " for -", "flag -"} {
		// "… not defined: -nope", "invalid boolean value "x" for -json",
		// "invalid value "x" for flag -limit"
		if j := strings.LastIndex(msg, before); j >= 0 {
			i = j + len(before) - 1
			break
		}
	}
	if i < 0 {
		return err
	}
	name := msg[i+1:]
	if j := strings.IndexAny(name, ": "); j >= 0 {
		name = name[:j]
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		typed, _, _ := strings.Cut(a, "=")
		if strings.TrimLeft(typed, "-") == name && strings.HasPrefix(typed, "-") {
			return errors.New(msg[:i] + typed + msg[i+1+len(name):])
		}
	}
	return err
}

// printFlags lists a command's flags as users type them (--limit N), one
// a line with its usage: the flag package prints one dash.
func printFlags(w io.Writer, fset *flag.FlagSet, tr msg.Printer) {
	fset.VisitAll(func(f *flag.Flag) {
		translated := *f
		translated.Usage = tr.T(f.Usage)
		name, usage := flag.UnquoteUsage(&translated)
		arg := "--" + f.Name
		if name != "" {
			arg += " " + strings.ToUpper(name)
		}
		fmt.Fprintf(w, "  %-22s %s\n", arg, usage)
	})
}
