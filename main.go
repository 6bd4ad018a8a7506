// Command policyreader is a terminal reader for Chinese government policy
// documents: a tree of documents and clauses, fuzzy search by characters or
// pinyin, highlighted targets and responsible bodies, and bookmarks.
package main

import (
	"embed"
	"io/fs"
	"os"

	"github.com/charmbracelet/x/term"

	"policyreader/ui/cli"
)

//go:embed seeds/*.txt
var seedFiles embed.FS

func main() {
	seeds, err := fs.Sub(seedFiles, "seeds")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder exists
	}
	env := cli.Env{
		Seeds:  seeds,
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
		RunTUI: cli.TUI(seeds, os.Getenv),
	}
	if term.IsTerminal(os.Stderr.Fd()) {
		env.Progress = os.Stderr
	}
	os.Exit(cli.Run(os.Args[1:], env))
}
