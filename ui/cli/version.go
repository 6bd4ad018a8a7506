package cli

import (
	"fmt"
	"io"
	"runtime/debug"
)

// printVersion prints the version, and the module version, commit and
// Go version the binary was built with when the build recorded them.
func printVersion(w io.Writer) {
	fmt.Fprintln(w, "policyreader", Version)
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		fmt.Fprintln(w, "module", info.Main.Path, v)
	}
	var rev, at, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = " (modified)"
			}
		}
	}
	if rev != "" {
		fmt.Fprintf(w, "commit %s %s%s\n", rev[:min(12, len(rev))], at, dirty)
	}
	fmt.Fprintln(w, "built with", info.GoVersion)
}
