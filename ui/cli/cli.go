// Package cli implements policyreader's command line: global flags, the
// non-interactive subcommands (tree, show, search, highlight, targets,
// bodies, related, compare, bookmarks) and the hand-off to the interactive reader.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"policyreader/corpus"
)

// Version is printed by --version.
const Version = "0.1.0"

// Env is everything a command may touch of the outside world, so tests run
// commands without a process.
type Env struct {
	// Seeds holds the embedded documents used when no --corpus is given.
	Seeds fs.FS
	// Stdin, Stdout and Stderr are the standard streams.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads an environment variable.
	Getenv func(string) string
	// RunTUI starts the interactive reader; nil in tests of the subcommands.
	RunTUI func(opts Options) error
}

// Options are the global flags shared by every subcommand.
type Options struct {
	// Corpus lists --corpus paths; empty means the embedded seeds.
	Corpus []string
	// DataDir overrides where bookmarks and the reading position live.
	DataDir string
	// JSON selects machine-readable output.
	JSON bool
	// ReadingWidth caps the reader's text width in cells (0: the default,
	// negative: no cap).
	ReadingWidth int
}

// usageError marks a bad invocation (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// helpRequested reports -h or --help given to a subcommand: Run prints the
// command's usage and exits 0.
type helpRequested struct{ fset *flag.FlagSet }

func (h helpRequested) Error() string { return "help requested" }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// command is one subcommand: it receives the parsed global options and its
// remaining arguments.
type command struct {
	summary string
	run     func(env Env, opts Options, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"tree":      {"print the document tree", runTree},
		"show":      {"print one node: show [--json] ID", runShow},
		"search":    {"fuzzy search: search [--json] [--limit N] QUERY", runSearch},
		"highlight": {"print the target/body spans of the text on stdin", runHighlight},
		"targets":   {"list every target in the corpus", runTargets},
		"bodies":    {"every responsible body with the clauses it leads, takes part in and is named in: bodies [--json | --format csv]", runBodies},
		"related":   {"clauses in other documents similar to one: related [--json] [--limit N] ID", runRelated},
		"compare":   {"a clause beside its counterpart, aligned: compare [--json] ID [OTHER-ID]", runCompare},
		"bookmarks": {"bookmarks [list|add ID [--note TEXT]|rm ID|export --format md|json]", runBookmarks},
	}
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// newFlagSet returns a flag set carrying the global flags, bound to opts.
func newFlagSet(name string, env Env, opts *Options) *flag.FlagSet {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	fset.Var((*stringList)(&opts.Corpus), "corpus", "`PATH`: a file or folder of .txt, .md, .html, .docx, .pdf documents (repeatable)")
	fset.StringVar(&opts.DataDir, "data-dir", opts.DataDir, "`DIR`: where bookmarks and the reading position live")
	fset.BoolVar(&opts.JSON, "json", opts.JSON, "print JSON")
	fset.IntVar(&opts.ReadingWidth, "reading-width", opts.ReadingWidth, "the reader's widest line of text in `CELLS` (default 80, 40 Han characters; -1 for the terminal's width)")
	return fset
}

// parseInterspersed parses flags anywhere among the positional arguments.
func parseInterspersed(fset *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fset.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, helpRequested{fset}
			}
			return nil, usagef("%s: %v", fset.Name(), asTyped(err, args))
		}
		args = fset.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// Run executes the command line args (without the program name) and returns
// the process exit status: 0 success, 1 failed operation, 2 bad usage.
func Run(args []string, env Env) int {
	// Human-readable output passes through the terminal sanitiser; JSON
	// goes beneath it (writeJSON), exact for scripts with what a terminal
	// could act on escaped. Which one a command writes follows from its
	// parsed flags, never from scanning the arguments.
	stdout, stderr := &terminalSafe{w: env.Stdout}, &terminalSafe{w: env.Stderr}
	defer stdout.Flush()
	defer stderr.Flush()
	env.Stdout, env.Stderr = stdout, stderr
	opts := Options{DataDir: env.Getenv("POLICYREADER_DATA")}
	top := newFlagSet("policyreader", env, &opts)
	help := top.Bool("help", false, "show help")
	top.BoolVar(help, "h", false, "show help")
	version := top.Bool("version", false, "print the version")
	if err := top.Parse(args); err != nil {
		fmt.Fprintf(env.Stderr, "policyreader: %v (see --help)\n", asTyped(err, args))
		return 2
	}
	rest := top.Args()
	switch {
	case *help || len(rest) > 0 && rest[0] == "help" && len(rest) == 1:
		printUsage(env.Stdout)
		return 0
	case *version || len(rest) > 0 && rest[0] == "version":
		printVersion(env.Stdout)
		return 0
	case len(rest) > 0 && rest[0] == "help":
		// help COMMAND is COMMAND --help.
		rest = []string{rest[1], "--help"}
	}
	var err error
	if len(rest) == 0 {
		if env.RunTUI == nil {
			err = errors.New("no terminal reader available")
		} else {
			err = env.RunTUI(opts)
		}
	} else {
		cmd, ok := commands()[rest[0]]
		if !ok {
			fmt.Fprintf(env.Stderr, "policyreader: unknown command %q (see --help)\n", rest[0])
			return 2
		}
		err = cmd.run(env, opts, rest[1:])
		var help helpRequested
		if errors.As(err, &help) {
			fmt.Fprintf(env.Stdout, "policyreader %s — %s\n\nFlags:\n", rest[0], cmd.summary)
			printFlags(env.Stdout, help.fset)
			return 0
		}
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "policyreader: %s\n", oneLine(err.Error()))
		var ue usageError
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	return 0
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "policyreader — a terminal reader for Chinese policy documents")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "usage: policyreader [--corpus PATH]... [--data-dir DIR] [command] [args]")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "With no command, opens the interactive reader. Commands (help COMMAND for its flags):")
	cmds := commands()
	for _, name := range []string{"tree", "show", "search", "highlight", "targets", "bodies", "related", "compare", "bookmarks"} {
		fmt.Fprintf(w, "  %-10s %s\n", name, cmds[name].summary)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintf(w, "  %-10s %s\n", "help", "this help, or a command's: help [COMMAND]")
	fmt.Fprintf(w, "  %-10s %s\n", "version", "the version and build")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Flags: --corpus PATH (repeatable), --data-dir DIR (or POLICYREADER_DATA), --json, --help, --version")
}

// LoadCorpus opens the documents opts names (or the seeds) and reports each
// source that failed to load on stderr, one line each.
func LoadCorpus(env Env, opts Options) (*corpus.Corpus, error) {
	var c *corpus.Corpus
	var errs []error
	if len(opts.Corpus) == 0 {
		c, errs = corpus.LoadFS(env.Seeds)
	} else {
		c, errs = corpus.LoadPaths(opts.Corpus)
	}
	if len(c.Docs) == 0 {
		// One line: why nothing loaded, not a warning per file and then
		// an error.
		reasons := make([]string, 0, len(errs))
		for _, e := range errs {
			reasons = append(reasons, oneLine(e.Error()))
		}
		if len(reasons) == 0 {
			return nil, errors.New("no documents could be loaded")
		}
		return nil, fmt.Errorf("no documents could be loaded (%s)", strings.Join(reasons, "; "))
	}
	for _, e := range errs {
		fmt.Fprintf(env.Stderr, "policyreader: warning: %s\n", oneLine(e.Error()))
	}
	return c, nil
}
