package extract

import "errors"

// DOCX reads a Word file.
func DOCX(data []byte) (*Result, error) { return nil, errors.New("not yet") }
