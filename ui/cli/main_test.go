package cli

import (
	"os"
	"testing"

	"github.com/adrg/xdg"
)

// TestMain points the XDG cache directory at a temporary one, so the
// commands the tests run fill a cache of their own — and read it back on
// later runs, which the tests then check — and never the user's.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "policyreader-cli-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	xdg.Reload()
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
