package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zonewise/i18n"
)

// In a German interface the file dialogs are titled "Datei öffnen" and
// "Datei speichern", not Fyne's joined words "Öffnen Datei".
func TestFileDialogTitlesInGerman(t *testing.T) {
	u := newTestUI(t)
	msgs = i18n.For(i18n.DE)
	defer func() { msgs = i18n.For(i18n.EN) }()
	for _, tc := range []struct {
		show       func() fyne.CanvasObject
		want, fyne string
	}{
		{func() fyne.CanvasObject {
			d := newFileOpen(func(fyne.URIReadCloser, error) {}, u.win)
			showFileDialog(d)
			defer d.Hide()
			return u.win.Canvas().Overlays().Top()
		}, "Datei öffnen", "Öffnen Datei"},
		{func() fyne.CanvasObject {
			d := newFileSave(func(fyne.URIWriteCloser, error) {}, u.win)
			showFileDialog(d)
			defer d.Hide()
			return u.win.Canvas().Overlays().Top()
		}, "Datei speichern", "Speichern Datei"},
		{func() fyne.CanvasObject {
			d := newFolderOpen(func(fyne.ListableURI, error) {}, u.win)
			showFileDialog(d)
			defer d.Hide()
			return u.win.Canvas().Overlays().Top()
		}, "Ordner öffnen", "Öffnen Ordner"},
	} {
		top := tc.show()
		if top == nil {
			t.Fatalf("%s: no dialog shown", tc.want)
		}
		texts := map[string]bool{}
		for _, o := range test.LaidOutObjects(top) {
			switch x := o.(type) {
			case *widget.Label:
				texts[x.Text] = true
			case *canvas.Text:
				texts[x.Text] = true
			}
		}
		if !texts[tc.want] || texts[tc.fyne] {
			t.Errorf("dialog texts %v: want the title %q, not %q", dialogTexts(texts), tc.want, tc.fyne)
		}
	}
}

func dialogTexts(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
