// Command gen writes the list of every word of go-ego/gse's embedded
// simplified-Chinese dictionary that package words embeds (whole.list.gz):
// what words.ListFor cuts a library's dictionary from without loading the
// whole one. Run it through go generate in corpus/words after upgrading
// gse.
//
// whole.list.gz, gzip-compressed: the magic "PRWHOLE1", the longest
// word's length as gse counts it (Dictionary.MaxTokenLen, u32
// little-endian), then the words as words.(*Segmenter).List writes them:
// the dictionary's tokens in its order, each with its frequency.
package main

import (
	"compress/gzip"
	"encoding/binary"
	"log"
	"os"

	"policyreader/corpus/words"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: gen WHOLE.list.gz")
	}
	seg, err := words.Load()
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	z, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	head := binary.LittleEndian.AppendUint32([]byte("PRWHOLE1"), uint32(seg.MaxTokenLen()))
	for _, b := range [][]byte{head, seg.List()} {
		if _, err := z.Write(b); err != nil {
			log.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
