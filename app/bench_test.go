package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zonewise/model"
)

// BenchmarkEditOn1000AssetPlant measures one property edit on a 50-zone,
// 1,000-asset plant: the command, re-assessment, validation and the
// refresh of tree, canvas, properties and problems (budget < 30 ms,
// docs/PERFORMANCE.md).
func BenchmarkEditOn1000AssetPlant(b *testing.B) {
	b.Setenv("ZONEWISE_RECOVERY_DIR", b.TempDir())
	a := test.NewTempApp(b)
	u := newUI(a)
	defer u.recovery.stop()
	u.setDocument(newUnsavedDocument(model.Generate(50, 1000, 1)))
	u.win.Resize(fyne.NewSize(1500, 920))
	id := u.doc.Project.Assets[500].ID
	u.selectOnly(ref{kindAsset, id})
	i := 0
	for b.Loop() {
		i++
		edit(u.session, id, "name", func(x *model.Asset) { x.Name = fmt.Sprintf("Asset renamed %d", i) })
	}
}

// BenchmarkCanvasRefresh1000Assets measures the canvas refresh alone.
func BenchmarkCanvasRefresh1000Assets(b *testing.B) {
	b.Setenv("ZONEWISE_RECOVERY_DIR", b.TempDir())
	a := test.NewTempApp(b)
	u := newUI(a)
	defer u.recovery.stop()
	u.setDocument(newUnsavedDocument(model.Generate(50, 1000, 1)))
	u.canvas.Resize(fyne.NewSize(900, 600))
	for b.Loop() {
		u.canvas.refresh()
	}
}

// BenchmarkReassess1000Assets measures what every edit pays for the
// assessment: validation, risk.Assess and the result index.
func BenchmarkReassess1000Assets(b *testing.B) {
	b.Setenv("ZONEWISE_RECOVERY_DIR", b.TempDir())
	u := newUI(test.NewTempApp(b))
	defer u.recovery.stop()
	u.setDocument(newUnsavedDocument(model.Generate(50, 1000, 1)))
	for b.Loop() {
		u.reassess()
	}
}

// BenchmarkOpen10000AssetPlant measures building the window and opening a
// 500-zone, 10,000-asset plant (assessment, tree, canvas, properties).
func BenchmarkOpen10000AssetPlant(b *testing.B) {
	b.Setenv("ZONEWISE_RECOVERY_DIR", b.TempDir())
	p := model.Generate(500, 10000, 1)
	a := test.NewTempApp(b)
	for b.Loop() {
		u := newUI(a)
		u.setDocument(newUnsavedDocument(model.CloneProject(p)))
		u.win.Resize(fyne.NewSize(1500, 920))
		u.recovery.stop()
		u.win.Close() // else the next theme change refreshes every earlier window
	}
}
