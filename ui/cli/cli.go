// Package cli implements policyreader's command line: global flags, the
// non-interactive subcommands (tree, show, search, highlight, targets,
// bodies, related, compare, bookmarks) and the hand-off to the interactive reader.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"policyreader/corpus"
	"policyreader/corpus/cache"
	"policyreader/ui/msg"
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
	// Progress is the terminal progress bars are drawn on (the standard
	// error when it is a terminal); nil draws none.
	Progress io.Writer
	// RunTUI starts the interactive reader; nil in tests of the subcommands.
	RunTUI func(opts Options) error
	// BatchBytes is how much source the commands that read a library a
	// batch at a time (search and tree without a cache) read at once;
	// 0 means 8 MiB.
	BatchBytes int64
}

// batchBytes is env.BatchBytes or its default.
func (env Env) batchBytes() int64 {
	if env.BatchBytes > 0 {
		return env.BatchBytes
	}
	return 8 << 20
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
	// Lang is the language of messages and of the reader: --lang, else
	// LC_ALL / LC_MESSAGES / LANG.
	Lang msg.Lang
	// CacheDir is where parsed documents are cached: --cache-dir, else
	// POLICYREADER_CACHE, else the XDG cache directory.
	CacheDir string
	// NoCache reads every source and leaves the cache alone.
	NoCache bool
}

// helpRequested reports -h or --help given to a subcommand: Run prints the
// command's usage and exits 0.
type helpRequested struct{ fset *flag.FlagSet }

func (h helpRequested) Error() string { return "help requested" }

// command is one subcommand: it receives the parsed global options and its
// remaining arguments.
type command struct {
	summary string
	run     func(env Env, opts Options, args []string) error
}

// commands lists the subcommands; each summary is a message (package msg),
// typed command{…} so the message check finds it.
func commands() map[string]command {
	return map[string]command{
		"tree":      command{"print the document tree", runTree},
		"show":      command{"print one node: show [--json] ID", runShow},
		"search":    command{"fuzzy search: search [--json] [--limit N] QUERY", runSearch},
		"highlight": command{"print the target/body spans of the text on stdin", runHighlight},
		"targets":   command{"list every target in the corpus", runTargets},
		"bodies":    command{"every responsible body with the clauses it leads, takes part in and is named in: bodies [--json | --format csv]", runBodies},
		"related":   command{"clauses in other documents similar to one: related [--json] [--limit N] ID", runRelated},
		"compare":   command{"a clause beside its counterpart, aligned: compare [--json] ID [OTHER-ID]", runCompare},
		"index":     command{"build or refresh the cache of folders of documents, with their search index: index [DIR]...", runIndex},
		"bookmarks": command{"bookmarks [list|add ID [--note TEXT]|rm ID|export --format md|json]", runBookmarks},
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
	fset.Func("lang", "`LANG` of the messages and the reader: en or zh (default from LANG)", func(s string) error {
		l, err := msg.Parse(s)
		if err != nil {
			return err
		}
		opts.Lang = l
		return nil
	})
	fset.StringVar(&opts.CacheDir, "cache-dir", opts.CacheDir, "`DIR`: where parsed documents are cached (default $POLICYREADER_CACHE or ~/.cache/policyreader)")
	fset.BoolVar(&opts.NoCache, "no-cache", opts.NoCache, "read every document from its source and neither read nor write the cache")
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
	opts := Options{DataDir: env.Getenv("POLICYREADER_DATA"), CacheDir: cache.DefaultDir(env.Getenv), Lang: msg.Detect(env.Getenv)}
	top := newFlagSet("policyreader", env, &opts)
	help := top.Bool("help", false, "show help")
	top.BoolVar(help, "h", false, "show help")
	version := top.Bool("version", false, "print the version")
	if err := top.Parse(args); err != nil {
		tr := msg.New(opts.Lang)
		fmt.Fprintf(env.Stderr, "policyreader: %s\n", tr.F("%v (see --help)", asTyped(err, args)))
		return 2
	}
	tr := msg.New(opts.Lang)
	rest := top.Args()
	switch {
	case len(rest) > 2 && rest[0] == "help", len(rest) > 1 && rest[0] == "version":
		fmt.Fprintf(env.Stderr, "policyreader: %s\n", tr.F("%s: too many arguments (see --help)", rest[0]))
		return 2
	case *help || len(rest) > 0 && rest[0] == "help" && (len(rest) == 1 || rest[1] == "help" || rest[1] == "version"):
		printUsage(env.Stdout, tr)
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
			err = failf("no terminal reader available")
		} else {
			err = env.RunTUI(opts)
		}
	} else {
		cmd, ok := commands()[rest[0]]
		if !ok {
			fmt.Fprintf(env.Stderr, "policyreader: %s\n", tr.F("unknown command %q (see --help)", rest[0]))
			return 2
		}
		err = cmd.run(env, opts, rest[1:])
		var help helpRequested
		if errors.As(err, &help) {
			fmt.Fprintf(env.Stdout, "policyreader %s — %s\n\n%s\n", rest[0], tr.T(cmd.summary), tr.T("Flags:"))
			printFlags(env.Stdout, help.fset, tr)
			return 0
		}
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "policyreader: %s\n", oneLine(messageOf(err, tr)))
		var ue userError
		if errors.As(err, &ue) && ue.usage {
			return 2
		}
		return 1
	}
	return 0
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func printUsage(w io.Writer, tr msg.Printer) {
	fmt.Fprintln(w, tr.T("policyreader — a terminal reader for Chinese policy documents"))
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, tr.T("usage: policyreader [--corpus PATH]... [--data-dir DIR] [command] [args]"))
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, tr.T("With no command, opens the interactive reader. Commands (help COMMAND for its flags):"))
	cmds := commands()
	for _, name := range []string{"tree", "show", "search", "highlight", "targets", "bodies", "related", "compare", "index", "bookmarks"} {
		fmt.Fprintf(w, "  %-10s %s\n", name, tr.T(cmds[name].summary))
	}
	fmt.Fprintln(w, "")
	fmt.Fprintf(w, "  %-10s %s\n", "help", tr.T("this help, or a command's: help [COMMAND]"))
	fmt.Fprintf(w, "  %-10s %s\n", "version", tr.T("the version and build"))
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, tr.T("Flags: --corpus PATH (repeatable), --data-dir DIR (or POLICYREADER_DATA), --cache-dir DIR (or POLICYREADER_CACHE), --no-cache, --json, --lang en|zh, --reading-width CELLS, --help, --version"))
}

// LoadCorpus opens the documents opts names (or the seeds) and reports each
// source that failed to load on stderr, one line each.
func LoadCorpus(env Env, opts Options) (*corpus.Corpus, error) {
	return loadCorpus(env, opts, corpus.LoadOptions{})
}

// loadCorpus is LoadCorpus with load options (NoAnnotations for commands
// that show no span).
func loadCorpus(env Env, opts Options, lopt corpus.LoadOptions) (*corpus.Corpus, error) {
	return loadCorpusWith(env, opts, lopt, openCache(opts))
}

// loadCorpusWith is loadCorpus through the cache store (nil: none).
func loadCorpusWith(env Env, opts Options, lopt corpus.LoadOptions, store *cache.Store) (*corpus.Corpus, error) {
	var c *corpus.Corpus
	var errs []error
	if store != nil {
		lopt.Cache = store
	}
	if len(opts.Corpus) == 0 {
		c, errs = corpus.LoadFSWith(env.Seeds, lopt)
	} else {
		c, errs = corpus.LoadPathsContext(context.Background(), opts.Corpus, lopt)
	}
	if err := loadOutcome(env, len(c.Docs), errs); err != nil {
		return nil, err
	}
	printNotes(env, store)
	return c, nil
}

// loadOutcome reports a load that gave loaded documents and the errors
// errs: an error when nothing loaded — one line saying why, not a warning
// per file and then an error — else one warning line per failed source.
func loadOutcome(env Env, loaded int, errs []error) error {
	if loaded == 0 {
		reasons := make([]string, 0, len(errs))
		for _, e := range errs {
			reasons = append(reasons, oneLine(e.Error()))
		}
		if len(reasons) == 0 {
			return failf("no documents could be loaded")
		}
		return failf("no documents could be loaded (%s)", strings.Join(reasons, "; "))
	}
	for _, e := range errs {
		fmt.Fprintf(env.Stderr, "policyreader: warning: %s\n", oneLine(e.Error()))
	}
	return nil
}

// printNotes writes the cache's notes not printed yet, one line each.
func printNotes(env Env, store *cache.Store) {
	if store == nil {
		return
	}
	for _, n := range store.TakeNotes() {
		fmt.Fprintf(env.Stderr, "policyreader: %s\n", oneLine(n))
	}
}

// openCache opens the cache opts name, or returns nil for --no-cache.
func openCache(opts Options) *cache.Store {
	if opts.NoCache || opts.CacheDir == "" {
		return nil
	}
	return cache.Open(opts.CacheDir)
}
