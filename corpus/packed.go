package corpus

import (
	"errors"
	"fmt"
	"sync"
)

// PackedLibrary is a library found whole in a cache's pack, its documents
// not decoded: each is decoded when asked for and not kept, so a command
// that visits a library a document at a time (tree) or shows a few of its
// documents (search) holds those, not the library.
type PackedLibrary interface {
	// Len is the number of sources.
	Len() int
	// Failure is why source i could not be read, or "" when it holds a
	// document.
	Failure(i int) string
	// Document decodes the document of source i (Failure(i) == ""), and
	// says whether it carries its annotations.
	Document(i int) (d *Document, annotated bool, err error)
	// Head decodes the document of source i (Failure(i) == "") without
	// its nodes: its ID, title, labels and other facts.
	Head(i int) (*Document, error)
	// Release tells the library that d, one of its documents, will not be
	// read again soon: the memory its texts occupy may be given back.
	Release(d *Document)
	// Forget tells the library that d, one of its documents read for work
	// that is done, will not be read again: it keeps
	// nothing of it, and the memory its texts occupy may be given back.
	Forget(d *Document)
}

// LazyPackCache is a PackCache that can also open a pack without decoding
// its documents.
type LazyPackCache interface {
	PackCache
	// OpenPack returns the pack holding exactly srcs as they are now,
	// undecoded; ok is false when there is none to trust (the caller then
	// loads the library as ever).
	OpenPack(srcs []Source) (lib PackedLibrary, ok bool)
}

// Packed is a library of files read from a cache's pack a document at a
// time (OpenPacked).
type Packed struct {
	// Lib is the pack's library, one source per file.
	Lib   PackedLibrary
	files []string
	how   annotation
	docs  []int // per document, in corpus order, its source
	// Errs are what LoadPaths would report besides the documents: paths
	// that could not be listed, then the sources that failed (as
	// *LoadError), in order.
	Errs []error
}

// OpenPacked finds the files of paths (as LoadPaths lists them) whole in
// opt.Cache's pack, without decoding them; ok is false when the cache
// holds no pack of them as they are now, or cannot open one undecoded. The
// documents are those LoadPathsContext gives, in its order, with its IDs
// and labels (a pack stores them as the library had them).
func OpenPacked(paths []string, opt LoadOptions) (p *Packed, ok bool) {
	lc, lazy := opt.Cache.(LazyPackCache)
	if !lazy {
		return nil, false
	}
	files, errs := collectFiles(paths)
	if len(files) == 0 {
		return nil, false
	}
	srcs, ok := statSources(files, opt.annotation())
	if !ok {
		return nil, false
	}
	lib, ok := lc.OpenPack(srcs)
	if !ok || lib.Len() != len(files) {
		return nil, false
	}
	p = &Packed{Lib: lib, files: files, how: opt.annotation(), Errs: errs}
	for i, name := range files {
		if why := lib.Failure(i); why != "" {
			p.Errs = append(p.Errs, &LoadError{name, errors.New(why)})
			continue
		}
		p.docs = append(p.docs, i)
	}
	return p, true
}

// Len is the number of documents (the sources that did not fail).
func (p *Packed) Len() int { return len(p.docs) }

// Document returns document k (in corpus order), decoded from the pack.
// One the pack cannot give (damaged past its checksum: a defect) is read
// from its file instead, so a command never loses it; err is that read's
// failure.
func (p *Packed) Document(k int) (*Document, error) {
	i := p.docs[k]
	d, annotated, err := p.Lib.Document(i)
	if err == nil {
		return finishLoad(d, annotated, p.how, nil), nil
	}
	d, _, ferr := loadFile(p.files[i], p.how, nil)
	if ferr != nil {
		return nil, fmt.Errorf("%w (the cached copy: %w)", ferr, err)
	}
	return d, nil
}

// Corpus returns the library as a corpus whose documents are read from
// the pack a document at a time, on first use (Document.Load): the tree
// lists every document from its facts alone, and a document is decoded
// when it is opened, searched into or looked up. A document whose facts
// the pack cannot give (damaged past its checksum: a defect) is read whole
// at once, from its file if need be (see Document); err is that read's
// failure, and then no corpus is returned, so the caller reads the
// library as ever.
func (p *Packed) Corpus() (*Corpus, error) {
	docs := make([]*Document, len(p.docs))
	for k, i := range p.docs {
		d, err := p.Lib.Head(i)
		if err != nil {
			if d, err = p.Document(k); err != nil {
				for _, read := range docs[:k] {
					p.Lib.Forget(read) // nothing of a corpus not given is kept
				}
				return nil, err
			}
			docs[k] = d
			continue
		}
		d.pending = func() (*Document, error) { return p.Document(k) }
		docs[k] = d
	}
	c := NewCorpus(docs)
	c.onDemand, c.each, c.inOrder, c.release = true, p.each, p.inOrder, p.Lib.Release
	return c, nil
}

// each decodes every document apart, hands it to fn and gives its texts'
// pages back (Corpus.EachApart).
func (p *Packed) each(fn func(k int, d *Document)) error {
	var mu sync.Mutex
	var first error
	eachIndex(len(p.docs), func(k int) {
		d, err := p.Document(k)
		if err != nil {
			mu.Lock()
			if first == nil {
				first = err
			}
			mu.Unlock()
			return
		}
		fn(k, d)
		p.Lib.Release(d)
	})
	return first
}

// inOrder decodes each document apart in turn, hands it to yield and
// gives its texts' pages back (Corpus.EachApartInOrder).
func (p *Packed) inOrder(yield func(d *Document) bool) error {
	for k := range p.docs {
		d, err := p.Document(k)
		if err != nil {
			return err
		}
		more := yield(d)
		p.Lib.Release(d)
		if !more {
			break
		}
	}
	return nil
}
