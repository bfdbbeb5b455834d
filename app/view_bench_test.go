package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zonewise/model"
)

// benchViews opens the window on a generated 500-zone, 10,000-asset plant.
func benchViews(b *testing.B) *ui {
	b.Helper()
	b.Setenv("ZONEWISE_RECOVERY_DIR", b.TempDir())
	a := test.NewTempApp(b)
	u := newUI(a)
	u.setDocument(newUnsavedDocument(model.Generate(500, 10000, 1)))
	u.win.Resize(fyne.NewSize(1500, 920))
	b.Cleanup(u.recovery.stop)
	return u
}

// BenchmarkViewRefreshLargePlant measures what each view costs after an
// edit while it is visible, on the large generated plant (the engine's run
// is not included).
func BenchmarkViewRefreshLargePlant(b *testing.B) {
	u := benchViews(b)
	for _, v := range u.views[1:] {
		b.Run(v.key(), func(b *testing.B) {
			u.selectView(v.key())
			for b.Loop() {
				v.refresh()
			}
		})
	}
}
