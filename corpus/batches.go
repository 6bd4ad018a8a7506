package corpus

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"sync/atomic"
	"time"
)

// LoadBatches reads paths as LoadPathsContext does — the same files in the
// same order, the same document IDs and the same errors — but hands the
// documents to fn a batch at a time, each read from about batchBytes of
// source, and keeps none of them. A command that looks at each document
// once (a search keeping its best results, a printed tree) then holds one
// batch in memory, not the library. Packs are neither read nor written;
// opt.Cache, when set, still serves and stores single files. fn's error
// stops the reading and is returned as stop; errs are the sources that
// failed, as *LoadError.
func LoadBatches(ctx context.Context, paths []string, opt LoadOptions, batchBytes int64, fn func(docs []*Document) error) (errs []error, stop error) {
	files, errs := collectFiles(paths)
	return eachBatch(ctx, files, errs, opt, batchBytes, func(b batch) error {
		var kept []*Document
		for _, d := range b.docs {
			if d != nil {
				kept = append(kept, d)
			}
		}
		return fn(kept)
	})
}

// ErrNotListable stops ListBatches at a source whose failure its content
// does not decide (it could not be opened or read, or changed while the
// listing ran): a pack keeping that failure could be wrong next time.
var ErrNotListable = errors.New("a source failed in a way a pack cannot keep")

// ListBatches reads paths as LoadBatches does and hands fn each batch as
// the pack entries of its sources, in library order: a document (with its
// final ID and label), or why the source failed. It is how a cache writes
// a library's pack without holding the library: only failures that the
// file's content decides (empty, binary, a legacy format) and that were
// there before the listing began may be kept, so any other failure stops
// the listing with ErrNotListable (wrapped, naming the file). errs are the
// sources that failed, as *LoadError, as LoadBatches gives them.
func ListBatches(ctx context.Context, paths []string, opt LoadOptions, batchBytes int64, fn func(srcs []Source, entries []PackEntry) error) (errs []error, stop error) {
	started := time.Now()
	how := opt.annotation()
	files, errs := collectFiles(paths)
	// A file the listing could never keep (not a regular file, too
	// large, gone) stops it before anything is read.
	for _, name := range files {
		info, err := os.Stat(name)
		if _, ok := sourceOf(name, info, how); err != nil || !ok {
			return errs, &LoadError{name, ErrNotListable}
		}
	}
	return eachBatch(ctx, files, errs, opt, batchBytes, func(b batch) error {
		srcs := make([]Source, len(b.files))
		entries := make([]PackEntry, len(b.files))
		for i, name := range b.files {
			src, ok := sourceOf(name, b.infos[i], how)
			if !ok {
				return &LoadError{name, ErrNotListable}
			}
			srcs[i] = src
			entry, ok := listEntry(b.docs[i], b.errs[i], src.Info, started)
			if !ok {
				return &LoadError{name, ErrNotListable}
			}
			entries[i] = entry
		}
		return fn(srcs, entries)
	})
}

// listEntry is what one source read gave, as a pack keeps it; ok is false
// for a failure a pack may not keep (see listLoad).
func listEntry(d *Document, err error, info fs.FileInfo, started time.Time) (PackEntry, bool) {
	if d != nil {
		return PackEntry{Doc: d}, true
	}
	var le *LoadError
	var pe *fs.PathError
	if !errors.As(err, &le) || errors.As(le.Err, &pe) || errors.Is(le.Err, context.Canceled) || !changedBefore(info, started) {
		return PackEntry{}, false
	}
	return PackEntry{Failure: le.Err.Error()}, true
}

// batch is one batch of files read: per file its document (nil when it
// failed), its state as read and its error.
type batch struct {
	files []string
	docs  []*Document
	infos []fs.FileInfo
	errs  []error
}

// eachBatch reads files about batchBytes of source at a time, assigning
// IDs in library order, and hands fn each batch; errs, the listing's
// errors, gets the sources that failed added.
func eachBatch(ctx context.Context, files []string, errs []error, opt LoadOptions, batchBytes int64, fn func(batch) error) ([]error, error) {
	ids := newIDAssigner(fileIDs(files))
	var done atomic.Int64
	progress := func() {
		if opt.Progress != nil {
			opt.Progress(int(done.Add(1)), len(files))
		}
	}
	for start := 0; start < len(files); {
		end, size := start, int64(0)
		for end < len(files) && (end == start || size < batchBytes) {
			if info, err := os.Stat(files[end]); err == nil {
				size += info.Size()
			}
			end++
		}
		docs, infos, fileErrs := readFiles(ctx, files[start:end], opt, progress)
		for i, d := range docs {
			if fileErrs[i] != nil {
				errs = append(errs, fileErrs[i])
				docs[i] = nil
				continue
			}
			ids.assign(d)
		}
		if err := ctx.Err(); err != nil {
			return errs, err
		}
		if err := fn(batch{files[start:end], docs, infos, fileErrs}); err != nil {
			return errs, err
		}
		start = end
	}
	return errs, nil
}
