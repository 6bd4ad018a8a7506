package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"policyreader/corpus/extract"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// LoadError reports one source that could not be loaded; the rest still open.
type LoadError struct {
	// Source is the file that failed.
	Source string
	// Err is the reason.
	Err error
}

// Error returns a one-line message naming the file.
func (e *LoadError) Error() string { return e.Source + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *LoadError) Unwrap() error { return e.Err }

// ParseBytes reads raw file content in the format its name and leading
// bytes say (text, markdown, HTML, Word, PDF) and parses it into a Document
// whose ID is derived from name.
func ParseBytes(name string, data []byte) (*Document, error) {
	return parseBytes(name, data, true)
}

func parseBytes(name string, data []byte, annotate bool) (*Document, error) {
	res, err := extract.Extract(name, data)
	if err != nil {
		return nil, err
	}
	return parseExtracted(name, res, annotate)
}

// LoadFS loads every document file at the top of fsys (the embedded
// seeds), sorted by name.
func LoadFS(fsys fs.FS) (*Corpus, []error) { return LoadFSWith(fsys, LoadOptions{}) }

// LoadFSWith is LoadFS with options (NoAnnotations; the others are for
// folders).
func LoadFSWith(fsys fs.FS, opt LoadOptions) (*Corpus, []error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return NewCorpus(nil), []error{fmt.Errorf("read embedded documents: %w", err)}
	}
	var docs []*Document
	var errs []error
	for _, e := range entries {
		if e.IsDir() || !isDocName(e.Name()) {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			errs = append(errs, &LoadError{e.Name(), err})
			continue
		}
		src := Source{Name: e.Name()}
		how := opt.annotation()
		if opt.Cache != nil {
			if info, err := e.Info(); err == nil {
				src.Key, src.Info, src.Content = "embedded:"+e.Name(), info, data
				src.NeedAnnotations = how == annotateNow
			}
		}
		d, err := parseCached(src, data, how, opt.Cache)
		if err != nil {
			errs = append(errs, &LoadError{e.Name(), err})
			continue
		}
		docs = append(docs, d)
	}
	return NewCorpus(uniqueIDs(docs)), errs
}

// isDocName reports a file name of a format the reader knows, including
// the legacy formats it refuses with a message on how to convert them.
func isDocName(name string) bool { return extract.Known(name) }

// MaxFileSize is the largest file LoadPaths opens: the one input limit,
// extract.MaxInputSize (64 MiB).
const MaxFileSize = extract.MaxInputSize

// LoadOptions tune LoadPathsContext.
type LoadOptions struct {
	// Progress, when set, is called after each file with the number done
	// and the total; it may be called from several goroutines.
	Progress func(done, total int)
	// Workers bounds parallel parsing; 0 means GOMAXPROCS.
	Workers int
	// NoAnnotations skips the annotation pass — highlight spans and
	// responsibility annotations stay empty — which is about half the
	// cost of reading: for commands that show no span (search, tree).
	NoAnnotations bool
	// LazyAnnotations reads documents without the annotation pass and
	// annotates each on first use (Document.EnsureAnnotations): the
	// reader shows its tree sooner and annotates the documents it opens,
	// and the rest in the background. NoAnnotations wins over it.
	LazyAnnotations bool
	// Cache, when set, is asked for each source before it is read, and
	// given each document parsed.
	Cache DocCache
}

// PackCache is a DocCache that also keeps whole libraries, so one opened
// again is read in one piece (package cache's packs).
type PackCache interface {
	DocCache
	// GetPack returns one entry per source of srcs, in order, when one
	// stored pack holds exactly these sources as they are now; ok is false
	// otherwise.
	GetPack(srcs []Source) (entries []PackEntry, ok bool)
	// Listed tells the cache what reading srcs one by one gave, entry i
	// for source i, so a pack written later holds the sources that failed
	// too (and is found for the same files next time).
	Listed(srcs []Source, entries []PackEntry)
}

// PackEntry is what one source of a library gave: its document, or the
// reason it could not be read.
type PackEntry struct {
	// Doc is the document, nil when the source failed.
	Doc *Document
	// Annotated says Doc carries its annotations (from GetPack; Listed
	// leaves it unset, the cache knows).
	Annotated bool
	// Failure is why the source could not be read, when Doc is nil.
	Failure string
}

// sourceOf returns the Source of the file name whose state is info; ok is
// false for one the loader does not read (not a regular file, too large)
// or whose absolute path is unknown.
func sourceOf(name string, info fs.FileInfo, how annotation) (Source, bool) {
	if info == nil || !info.Mode().IsRegular() || info.Size() > MaxFileSize {
		return Source{}, false
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return Source{}, false
	}
	return Source{Name: name, Key: abs, Info: info, NeedAnnotations: how == annotateNow}, true
}

// statSources returns the Sources of files as they are now; ok is false
// when one cannot be stated or is not a file the loader reads (reading
// it one by one reports it).
func statSources(files []string, how annotation) ([]Source, bool) {
	srcs := make([]Source, len(files))
	for i, name := range files {
		info, err := os.Stat(name)
		if err != nil {
			return nil, false
		}
		src, ok := sourceOf(name, info, how)
		if !ok {
			return nil, false
		}
		srcs[i] = src
	}
	return srcs, true
}

// loadPack reads files from cache's pack of them, if it has one that
// fits: the documents, and the failures as LoadErrors; ok is false when
// the files must be read one by one.
func loadPack(cache PackCache, files []string, how annotation) ([]*Document, []error, bool) {
	srcs, ok := statSources(files, how)
	if !ok {
		return nil, nil, false
	}
	entries, ok := cache.GetPack(srcs)
	if !ok || len(entries) != len(files) {
		return nil, nil, false
	}
	var docs []*Document
	var errs []error
	for i, e := range entries {
		if e.Doc == nil {
			errs = append(errs, &LoadError{files[i], errors.New(e.Failure)})
			continue
		}
		docs = append(docs, finishLoad(e.Doc, e.Annotated, how, cache))
	}
	return docs, errs, true
}

// listLoad tells cache what the files gave, read one by one — infos are
// their states as they were read — when every failure is one the file's
// content decides (empty, binary, a legacy format — not an open or read
// error, which may pass) and every failed file was last changed before
// the load began (started), so its state is what was read.
func listLoad(cache PackCache, files []string, infos []fs.FileInfo, docs []*Document, fileErrs []error, how annotation, started time.Time) {
	srcs := make([]Source, len(files))
	for i, name := range files {
		src, ok := sourceOf(name, infos[i], how)
		if !ok {
			return
		}
		srcs[i] = src
	}
	entries := make([]PackEntry, len(files))
	for i := range files {
		entry, ok := listEntry(docs[i], fileErrs[i], srcs[i].Info, started)
		if !ok {
			return
		}
		entries[i] = entry
	}
	cache.Listed(srcs, entries)
}

// changedBefore reports whether the file's last change (its mtime, and its
// ctime where the system keeps one) was before t.
func changedBefore(info fs.FileInfo, t time.Time) bool {
	if !info.ModTime().Before(t) {
		return false
	}
	if c, ok := changeTime(info); ok && !c.Before(t) {
		return false
	}
	return true
}

// annotation says how documents get their annotations.
type annotation int

const (
	annotateNow  annotation = iota // in the load
	annotateLazy                   // on first use
	annotateNone                   // never
)

func (o LoadOptions) annotation() annotation {
	switch {
	case o.NoAnnotations:
		return annotateNone
	case o.LazyAnnotations:
		return annotateLazy
	}
	return annotateNow
}

// finishLoad marks a document read without annotations as lazy when they
// are wanted on first use, telling cache (if any) once they are computed.
func finishLoad(d *Document, annotated bool, how annotation, cache DocCache) *Document {
	if how == annotateLazy && !annotated {
		d.lazy = true
		if cache != nil {
			d.annotated = cache.Annotated
		}
	}
	return d
}

// Source identifies one source file for a DocCache.
type Source struct {
	// Name is the name the source was given by (it becomes
	// Document.Source).
	Name string
	// Key is what the cache files the source under: its absolute path,
	// or "embedded:" and its name for a document built into the program.
	Key string
	// Info is the source's state now.
	Info fs.FileInfo
	// Content, when the bytes are already in memory (embedded documents),
	// is checked against the cached copy's content hash.
	Content []byte
	// NeedAnnotations asks for a document with its annotations: one
	// cached without them does not do.
	NeedAnnotations bool
}

// DocCache stores parsed documents between runs (package cache).
type DocCache interface {
	// Get returns the cached document of src, and whether it was stored
	// with its annotations; ok is false when there is none to trust (or
	// src needs annotations it lacks).
	Get(src Source) (d *Document, annotated, ok bool)
	// Put stores the document parsed from content, read at readAt.
	Put(src Source, readAt time.Time, content []byte, d *Document, annotated bool)
	// Annotated is told that d, which the cache gave or was given without
	// its annotations, has them now (LoadOptions.LazyAnnotations); it may
	// store them. It may be called from any goroutine.
	Annotated(d *Document)
}

// LoadPaths loads files and folders (recursively, every format package
// extract knows, sorted by path). Sources that fail are returned as
// *LoadError; the rest load.
func LoadPaths(paths []string) (*Corpus, []error) {
	return LoadPathsContext(context.Background(), paths, LoadOptions{})
}

// LoadPathsContext is LoadPaths with cancellation, progress reports and
// parallel parsing. Document order is the sorted path order whatever the
// scheduling.
func LoadPathsContext(ctx context.Context, paths []string, opt LoadOptions) (*Corpus, []error) {
	started := time.Now()
	files, errs := collectFiles(paths)
	pc, packs := opt.Cache.(PackCache)
	if packs && len(files) > 0 && ctx.Err() == nil {
		if docs, failed, ok := loadPack(pc, files, opt.annotation()); ok {
			if opt.Progress != nil {
				opt.Progress(len(files), len(files))
			}
			return NewCorpus(uniqueIDs(docs, fileIDs(files)...)), append(errs, failed...)
		}
	}
	var done atomic.Int64
	docs, infos, fileErrs := readFiles(ctx, files, opt, func() {
		if opt.Progress != nil {
			opt.Progress(int(done.Add(1)), len(files))
		}
	})
	if packs && ctx.Err() == nil {
		listLoad(pc, files, infos, docs, fileErrs, opt.annotation(), started)
	}
	kept := make([]*Document, 0, len(docs))
	for i, d := range docs {
		if fileErrs[i] != nil {
			errs = append(errs, fileErrs[i])
			continue
		}
		kept = append(kept, d)
	}
	return NewCorpus(uniqueIDs(kept, fileIDs(files)...)), errs
}

// readFiles reads files on opt.Workers goroutines through opt.Cache, each
// result at its file's index; progress is called after each file.
func readFiles(ctx context.Context, files []string, opt LoadOptions, progress func()) ([]*Document, []fs.FileInfo, []error) {
	docs := make([]*Document, len(files))
	infos := make([]fs.FileInfo, len(files))
	fileErrs := make([]error, len(files))
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				if err := ctx.Err(); err != nil {
					fileErrs[i] = &LoadError{files[i], err}
					continue
				}
				docs[i], infos[i], fileErrs[i] = loadFile(files[i], opt.annotation(), opt.Cache)
				progress()
			}
		}()
	}
	wg.Wait()
	return docs, infos, fileErrs
}

// loadFile reads one file through cache (if any); info is its state as
// stated before the read (nil when it could not be stated).
func loadFile(name string, how annotation, cache DocCache) (d *Document, info fs.FileInfo, err error) {
	// A reader bug on one hostile file must cost that file, not the
	// session: report it as that file's error.
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, &LoadError{name, fmt.Errorf("internal error reading the file (please report it): %v", r)}
		}
	}()
	info, err = os.Stat(name)
	if err != nil {
		return nil, nil, &LoadError{name, err}
	}
	if !info.Mode().IsRegular() {
		return nil, info, &LoadError{name, errors.New("not a regular file")}
	}
	if info.Size() > MaxFileSize {
		return nil, info, &LoadError{name, extract.TooLarge("file", info.Size(), MaxFileSize)}
	}
	var src Source
	if cache != nil {
		if s, ok := sourceOf(name, info, how); ok {
			src = s
			if d, annotated, ok := cache.Get(src); ok {
				return finishLoad(d, annotated, how, cache), info, nil
			}
		}
	}
	readAt := time.Now()
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, info, &LoadError{name, err}
	}
	annotate := how == annotateNow
	d, err = parseBytes(name, data, annotate)
	if err != nil {
		return nil, info, &LoadError{name, err}
	}
	if src.Key == "" {
		return finishLoad(d, annotate, how, nil), info, nil
	}
	cache.Put(src, readAt, data, d, annotate)
	return finishLoad(d, annotate, how, cache), info, nil
}

// parseCached parses data, the content of src, through cache when both are
// set (embedded documents).
func parseCached(src Source, data []byte, how annotation, cache DocCache) (*Document, error) {
	annotate := how == annotateNow
	if cache == nil || src.Key == "" {
		d, err := parseBytes(src.Name, data, annotate)
		if err != nil {
			return nil, err
		}
		return finishLoad(d, annotate, how, nil), nil
	}
	if d, annotated, ok := cache.Get(src); ok {
		return finishLoad(d, annotated, how, cache), nil
	}
	readAt := time.Now()
	d, err := parseBytes(src.Name, data, annotate)
	if err != nil {
		return nil, err
	}
	cache.Put(src, readAt, data, d, annotate)
	return finishLoad(d, annotate, how, cache), nil
}

func collectFiles(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &LoadError{p, err})
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		// filepath.WalkDir does not follow symlinked directories, so a
		// symlink loop cannot make it spin.
		err = filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &LoadError{fp, err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !isDocName(fp) || seen[fp] {
				return nil
			}
			seen[fp] = true
			files = append(files, fp)
			return nil
		})
		if err != nil {
			errs = append(errs, &LoadError{p, err})
		}
	}
	sort.Strings(files)
	return files, errs
}

// ErrEmpty reports a document with no text at all.
var ErrEmpty = errors.New("empty document")
