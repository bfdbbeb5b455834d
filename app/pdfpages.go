package app

import (
	"os"
	"path/filepath"

	"zonewise/render/pdfpages"
)

// pdfPages rasterises the pages of the document preview; it starts (compiles
// PDFium) on first use.
var pdfPages = pdfpages.New(pdfiumCacheDir)

// pdfiumCacheDir is where the compiled PDFium module is kept; "" for none.
// ZONEWISE_CACHE_DIR moves it (tests keep it between runs).
func pdfiumCacheDir() string {
	if d := os.Getenv("ZONEWISE_CACHE_DIR"); d != "" {
		return filepath.Join(d, "pdfium")
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "zonewise", "pdfium")
}
