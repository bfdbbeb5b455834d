package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"zonewise/templates"
)

// In tests, callbacks of the views' background work are dropped unless a
// test pumps them (pumpUI): Fyne's test driver would run them on the worker
// goroutine, racing the test and any test that runs after it.
func init() { uiDo = func(func()) {} }

// pumpUI makes the test goroutine the UI goroutine for the views'
// background work: callbacks queue up and run only inside the returned
// wait, which pumps them until cond holds. Install it before the window.
func pumpUI(t *testing.T) (wait func(what string, cond func() bool)) {
	t.Helper()
	q := make(chan func(), 256)
	uiDo = func(f func()) {
		select {
		case q <- f:
		default: // nobody pumps any more: drop it
		}
	}
	t.Cleanup(func() { uiDo = func(func()) {} })
	return func(what string, cond func() bool) {
		t.Helper()
		deadline := time.After(2 * time.Minute)
		for !cond() {
			select {
			case f := <-q:
				f()
			case <-deadline:
				t.Fatalf("timed out waiting for %s", what)
			}
		}
	}
}

// only ticks the given kinds and no other.
func (v *documentsView) only(kinds ...string) {
	for i, c := range v.checks {
		c.SetChecked(slices.Contains(kinds, templates.Deliverables()[i].Kind))
	}
}

// export runs exportTo and pumps the UI until it has finished.
func (v *documentsView) export(t *testing.T, wait func(string, func() bool), dir string) ([]string, error) {
	t.Helper()
	finished := false
	var files []string
	var err error
	v.exportTo(dir, func(f []string, e error) { files, err, finished = f, e, true })
	wait("the export", func() bool { return finished })
	return files, err
}

func TestDocumentsViewExportsAPDFIntoAFolder(t *testing.T) {
	wait := pumpUI(t)
	u := newViewsTestUI(t, "documents")
	v := viewOf[*documentsView](t, u)
	dir := t.TempDir()
	v.only("crs")
	if v.exportB.Disabled() {
		t.Fatal("export is disabled with a document ticked")
	}
	files, err := v.export(t, wait, dir)
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
		files, err := v.export(t, wait, dir)
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
		_, err := v.export(t, wait, blocker)
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
	wait := pumpUI(t)
	u := newViewsTestUI(t, "documents")
	v := viewOf[*documentsView](t, u)
	wait("the first page image", func() bool { return v.pageImg.Image != nil || !v.pageMsg.Hidden && v.pdf != nil && pdfPages.Failed() })
	if v.pageImg.Image == nil {
		t.Fatalf("no page image; message %q", v.pageMsg.Text)
	}
	if v.pages < 2 || v.pageNo.Text != fmt.Sprintf("Page 1 of %d", v.pages) {
		t.Errorf("pages %d, label %q", v.pages, v.pageNo.Text)
	}
	if !strings.Contains(v.outline.Text, "chapters") {
		t.Errorf("outline %q", v.outline.Text)
	}
	first := v.pageImg.Image
	test.Tap(v.nextB)
	wait("the second page image", func() bool { return v.pageImg.Image != first })
	if v.page != 1 || v.pageNo.Text != fmt.Sprintf("Page 2 of %d", v.pages) {
		t.Errorf("after Next: page %d, label %q", v.page, v.pageNo.Text)
	}
	if v.prevB.Disabled() {
		t.Error("Previous is disabled on page 2")
	}
}
