package corpus

import "policyreader/corpus/extract"

// ErrBinary reports input that is not text in any supported encoding.
var ErrBinary = extract.ErrBinary

// Decode turns raw text-file bytes into UTF-8 text (see extract.Decode).
func Decode(data []byte) (string, error) { return extract.Decode(data) }
