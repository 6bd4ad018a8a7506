package cli

import "errors"

// errPending is returned by commands whose implementation has not landed.
var errPending = errors.New("not implemented yet")
