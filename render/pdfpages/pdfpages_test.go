package pdfpages

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// tinyPDF writes a PDF of pages 200 × 100 pt, each with a black square
// from (20, 20) to (60, 60) in PDF coordinates (from the bottom left).
func tinyPDF(pages int) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(s string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), s)
	}
	b.WriteString("%PDF-1.4\n")
	kids := ""
	for i := range pages {
		kids += fmt.Sprintf("%d 0 R ", 3+2*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, pages))
	content := "0 0 0 rg 20 20 40 40 re f"
	for i := range pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents %d 0 R >>", 4+2*i))
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// testCache keeps the compiled PDFium between test runs (compiling it takes
// long on a busy machine), in the folder the GUI's tests use too.
func testCache() string { return filepath.Join(os.TempDir(), "zonewise-test-cache", "pdfium") }

func TestPageRendererRastersAPDFPage(t *testing.T) {
	r := New(testCache)
	pdf := tinyPDF(2)
	img, pages, err := r.Render(pdf, 1, 72)
	if err != nil {
		t.Fatal(err)
	}
	if pages != 2 {
		t.Errorf("%d pages, want 2", pages)
	}
	if b := img.Bounds(); b.Dx() != 200 || b.Dy() != 100 {
		t.Fatalf("page image %v, want 200 × 100 at 72 dpi", b)
	}
	// The square spans x 20..60 and, from the top, y 40..80.
	dark := func(x, y int) bool {
		r, g, bl, _ := img.At(x, y).RGBA()
		return r < 0x4000 && g < 0x4000 && bl < 0x4000
	}
	if !dark(40, 60) {
		t.Error("the inside of the square is not dark")
	}
	if dark(150, 20) || dark(40, 20) {
		t.Error("the page outside the square is dark")
	}
	t.Run("a page past the end is an error naming it", func(t *testing.T) {
		if _, _, err := r.Render(pdf, 5, 72); err == nil {
			t.Error("no error for page 6 of 2")
		}
	})
	t.Run("broken bytes are an error, not a panic", func(t *testing.T) {
		if _, _, err := r.Render([]byte("%PDF-1.4 nonsense"), 0, 72); err == nil {
			t.Error("no error for a broken PDF")
		}
	})
}
