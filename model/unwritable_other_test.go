//go:build !linux

package model

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// unwritableProject saves the sample into a read-only folder and returns the
// project's path, its bytes and how the refused write shows in an error. The
// Linux version also covers root; here root, and Windows (where a folder's
// read-only attribute does not stop creating files), skip.
func unwritableProject(t *testing.T) (path string, old []byte, refused func(error) bool) {
	t.Helper()
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("no read-only folder for this user on " + runtime.GOOS)
	}
	path, old = savedProject(t)
	dir := filepath.Dir(path)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	return path, old, func(err error) bool { return errors.Is(err, os.ErrPermission) }
}
