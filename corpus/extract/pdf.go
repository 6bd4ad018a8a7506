package extract

import "errors"

// PDF reads a PDF.
func PDF(data []byte) (*Result, error) { return nil, errors.New("not yet") }
