package corpus

import (
	"context"
	"os"
	"sync/atomic"
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
		docs, _, fileErrs := readFiles(ctx, files[start:end], opt, progress)
		kept := make([]*Document, 0, len(docs))
		for i, d := range docs {
			if fileErrs[i] != nil {
				errs = append(errs, fileErrs[i])
				continue
			}
			ids.assign(d)
			kept = append(kept, d)
		}
		if err := ctx.Err(); err != nil {
			return errs, err
		}
		if err := fn(kept); err != nil {
			return errs, err
		}
		start = end
	}
	return errs, nil
}
