package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// newViewsTestUI opens the window headless on the built-in sample plant
// (which has scenarios, countermeasures and overrides to show) and selects
// the view with the given key.
func newViewsTestUI(t *testing.T, key string) *ui {
	t.Helper()
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("ZONEWISE_RECOVERY_DIR", t.TempDir())
	a := test.NewTempApp(t)
	u := newUI(a)
	u.setDocument(newUnsavedDocument(model.Sample()))
	u.win.Resize(fyne.NewSize(1500, 920))
	t.Cleanup(u.recovery.stop)
	if !u.selectView(key) {
		t.Fatalf("no view %q", key)
	}
	return u
}

// viewOf returns the view of type V.
func viewOf[V view](t *testing.T, u *ui) V {
	t.Helper()
	for _, v := range u.views {
		if x, ok := v.(V); ok {
			return x
		}
	}
	var zero V
	t.Fatalf("no view of type %T", zero)
	return zero
}

// needEngine skips a test that needs the risk engine when this build has
// none (the views still work, showing "not assessed").
func needEngine(t *testing.T, u *ui) {
	t.Helper()
	if u.result == nil {
		t.Skipf("the risk engine is not in this build: %v", u.resultErr)
	}
}

// walk visits o and everything inside it, widgets through their renderers.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return false
	}
	if visit(o) {
		return true
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if walk(c, visit) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if walk(c, visit) {
				return true
			}
		}
	}
	return false
}

// topDialog is the content of the window's top overlay (an open dialog).
func topDialog(t *testing.T, u *ui) fyne.CanvasObject {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// dialogButton finds a visible button by its text in the open dialog.
func dialogButton(t *testing.T, u *ui, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(topDialog(t, u), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
			return true
		}
		return false
	})
	if found == nil {
		t.Fatalf("the dialog has no button %q", text)
	}
	return found
}

// dialogEntries lists the entries of the open dialog in order.
func dialogEntries(t *testing.T, u *ui) []*widget.Entry {
	t.Helper()
	var out []*widget.Entry
	walk(topDialog(t, u), func(o fyne.CanvasObject) bool {
		if e, ok := asEntry(o); ok {
			out = append(out, e)
		}
		return false
	})
	return out
}

// asEntry is o as an entry: a widget.Entry, or the entry inside a keyEntry
// (the properties panel's fields).
func asEntry(o fyne.CanvasObject) (*widget.Entry, bool) {
	switch e := o.(type) {
	case *widget.Entry:
		return e, true
	case *keyEntry:
		return &e.Entry, true
	}
	return nil, false
}

// dialogSelects lists the selects of the open dialog in order.
func dialogSelects(t *testing.T, u *ui) []*widget.Select {
	t.Helper()
	var out []*widget.Select
	walk(topDialog(t, u), func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widget.Select); ok {
			out = append(out, s)
		}
		return false
	})
	return out
}
