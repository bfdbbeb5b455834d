package app

import (
	"os"
	"path/filepath"
	"testing"
)

// usePDFiumCache keeps the compiled PDFium between test runs (compiling it
// takes long on a busy machine); render/pdfpages's tests use the same folder.
func usePDFiumCache(t *testing.T) {
	t.Helper()
	if os.Getenv("ZONEWISE_CACHE_DIR") == "" {
		t.Setenv("ZONEWISE_CACHE_DIR", filepath.Join(os.TempDir(), "zonewise-test-cache"))
	}
}
