package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"runtime/debug"
)

// buildID identifies the build of the program, so a document parsed by
// one build is never served to another that may parse it differently
// (a new parser rule, a new go-pinyin). A release build stamped with a
// clean version-control revision is identified by it, its Go version and
// its dependencies; any other build (a development build, go run) by its
// executable's path, size and modification time — each rebuild reads its
// library afresh once.
func buildID() uint64 {
	h := sha256.New()
	clean := false
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(h, "%s %s %s\n", bi.GoVersion, bi.Main.Path, bi.Main.Version)
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		fmt.Fprintf(h, "%s %s\n", rev, modified)
		for _, d := range bi.Deps {
			fmt.Fprintf(h, "%s@%s %s\n", d.Path, d.Version, d.Sum)
		}
		clean = rev != "" && modified == "false"
	}
	if !clean {
		if exe, err := os.Executable(); err == nil {
			if fi, err := os.Stat(exe); err == nil {
				fmt.Fprintf(h, "%s %d %d\n", exe, fi.Size(), fi.ModTime().UnixNano())
			}
		}
	}
	return binary.LittleEndian.Uint64(h.Sum(nil))
}
