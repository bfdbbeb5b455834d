//go:build !linux

package cli

// prepareHeap is a no-op outside Linux (see heap_linux.go).
func prepareHeap(n int64) {}
