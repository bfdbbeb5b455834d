package app

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// needDocuments skips a test when render/document is not in this build.
func needDocuments(t *testing.T) {
	t.Helper()
	if docEngine.render == nil {
		t.Skip("render/document is not in this build")
	}
}

// only ticks the given kinds and no other.
func (v *documentsView) only(kinds ...string) {
	for i, c := range v.checks {
		c.SetChecked(slices.Contains(kinds, docKinds[i].kind))
	}
}

// export runs exportTo and waits for it.
func (v *documentsView) export(t *testing.T, dir string) ([]string, error) {
	t.Helper()
	type res struct {
		files []string
		err   error
	}
	ch := make(chan res, 1)
	v.exportTo(dir, func(f []string, err error) { ch <- res{f, err} })
	select {
	case r := <-ch:
		return r.files, r.err
	case <-time.After(2 * time.Minute):
		t.Fatal("the export never finished")
	}
	return nil, nil
}

func TestDocumentsViewExportsAPDFIntoAFolder(t *testing.T) {
	u := newViewsTestUI(t, "documents")
	v := viewOf[*documentsView](t, u)
	needDocuments(t)
	dir := t.TempDir()
	v.only("crs")
	if v.exportB.Disabled() {
		t.Fatal("export is disabled with a document ticked")
	}
	files, err := v.export(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "crs.pdf")
	if len(files) != 1 || files[0] != want {
		t.Fatalf("written %v, want [%s]", files, want)
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) || pdfPageCount(b) < 2 {
		t.Errorf("crs.pdf is not a PDF of several pages (%d bytes, %d pages)", len(b), pdfPageCount(b))
	}
	if !v.progress.Hidden || v.progress.Value != 1 {
		t.Errorf("progress bar hidden %v at %v after the export, want hidden at 1", v.progress.Hidden, v.progress.Value)
	}
	t.Run("registers write the workbook and the three CSV files", func(t *testing.T) {
		v.only("registers")
		files, err := v.export(t, dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"registers.xlsx", "risk-register.csv", "asset-inventory.csv", "action-plan.csv"} {
			if !slices.Contains(files, filepath.Join(dir, name)) {
				t.Errorf("%s not written (%v)", name, files)
			}
		}
	})
	t.Run("a folder that cannot be written is an error naming the file", func(t *testing.T) {
		v.only("crs")
		blocker := filepath.Join(dir, "not-a-folder")
		if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := v.export(t, blocker)
		if err == nil {
			t.Fatal("no error exporting into a file")
		}
		if !bytes.Contains([]byte(err.Error()), []byte("crs.pdf")) {
			t.Errorf("error %q does not name crs.pdf", err)
		}
	})
}

func TestDocumentsViewPreviewShowsPages(t *testing.T) {
	usePDFiumCache(t)
	u := newViewsTestUI(t, "documents")
	v := viewOf[*documentsView](t, u)
	needDocuments(t)
	deadline := time.Now().Add(2 * time.Minute)
	for v.pageImg.Image == nil && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if v.pageImg.Image == nil {
		t.Fatalf("no page image; message %q", v.pageMsg.Text)
	}
	if v.pages < 2 || v.pageNo.Text == "" {
		t.Errorf("pages %d, label %q", v.pages, v.pageNo.Text)
	}
	first := v.pageImg.Image
	v.showPage(1)
	for v.pageImg.Image == first && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if v.pageImg.Image == first || v.page != 1 {
		t.Error("next page shows no new image")
	}
}
