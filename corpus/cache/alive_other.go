//go:build !unix

package cache

// processAlive cannot tell here, so every process counts as alive and no
// scratch directory is removed but by its own reader.
func processAlive(int) bool { return true }
