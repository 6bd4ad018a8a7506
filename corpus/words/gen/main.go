// Command gen writes the list of every word of go-ego/gse's embedded
// simplified-Chinese dictionary that package words embeds
// (whole.list.gz), sorted so that a words.Dictionary reads it in place.
// Run it through go generate in corpus/words after upgrading gse.
//
// whole.list.gz, gzip-compressed: the magic "PRWHOLE2", gse's total
// frequency of the dictionary (float64 bits, little-endian), the number of
// words (uvarint), then each word in byte order of its key as gse stores
// it (lower-cased): a uvarint length, the key, and its frequency (float64
// bits, little-endian).
package main

import (
	"compress/gzip"
	"encoding/binary"
	"log"
	"math"
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
	head := binary.LittleEndian.AppendUint64([]byte("PRWHOLE2"), math.Float64bits(seg.TotalFreq()))
	for _, b := range [][]byte{head, seg.SortedList()} {
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
