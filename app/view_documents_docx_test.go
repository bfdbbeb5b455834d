package app

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestDocumentsViewSavesAsWord(t *testing.T) {
	wait := pumpUI(t)
	u := newViewsTestUI(t, "documents")
	v := viewOf[*documentsView](t, u)
	tests := []struct {
		choice string
		want   []string
	}{
		{tr("documents.format.docx"), []string{"crs.docx"}},
		{tr("documents.format.both"), []string{"crs.pdf", "crs.docx"}},
		{tr("documents.format.pdf"), []string{"crs.pdf"}},
	}
	for _, tc := range tests {
		t.Run("choosing "+tc.choice+" writes "+filepath.Join(tc.want...), func(t *testing.T) {
			dir := t.TempDir()
			v.only("crs")
			v.saveAs.SetSelected(tc.choice)
			files, err := v.export(t, wait, dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range files {
				got = append(got, filepath.Base(f))
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("written %v, want %v", got, tc.want)
			}
			for _, name := range got {
				b, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				magic := []byte("%PDF-")
				if filepath.Ext(name) == ".docx" {
					magic = []byte("PK\x03\x04") // a zip package
				}
				if !bytes.HasPrefix(b, magic) {
					t.Errorf("%s does not start with %q", name, magic)
				}
			}
		})
	}
	t.Run("the choice is a radio group whose first option is PDF", func(t *testing.T) {
		if len(v.saveAs.Options) != 3 || v.saveAs.Options[0] != tr("documents.format.pdf") {
			t.Errorf("options %v", v.saveAs.Options)
		}
	})
}
