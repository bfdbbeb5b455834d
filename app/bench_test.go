package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zonewise/internal/testtool"
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

// BenchmarkOpen10000AssetPlant measures opening a 500-zone, 10,000-asset
// plant to its first interactive frame (budget < 1 s, docs/PERFORMANCE.md),
// as "zonewise open FILE" does it (Run without showing the window): the
// file read, decoded, validated and assessed (the zones' colours are their
// gaps) while the window is built, the tree's and the canvas's indexes,
// the tree, the canvas fitted and drawn once at a 1366×768 window's size,
// the properties and problems panels, and one layout of the whole window. The
// GPU's painting of the frame is not included: .ci/bench.sh times the real
// window under Xvfb for that.
func BenchmarkOpen10000AssetPlant(b *testing.B) {
	b.Setenv("ZONEWISE_RECOVERY_DIR", b.TempDir())
	path := filepath.Join(b.TempDir(), "p10000.zonewise.json")
	if err := model.Save(path, model.Generate(500, 10000, 1)); err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	cpu := testtool.CPUTime()
	for b.Loop() {
		pending := prefetchDocument(path, &settings{p: a.Preferences()})
		u := newUI(a)
		u.prefetched = pending
		u.canvas.sizing = true // as Run: drawn once the window has its size
		if err := u.openStartup(path); err != nil {
			b.Fatal(err)
		}
		u.win.Resize(fyne.NewSize(1366, 768))
		u.canvas.sizing = false
		u.canvas.fitSoon()
		if u.doc.Path != path || u.result == nil || !u.canvas.fitted {
			b.Fatal("the plant is not opened, assessed or fitted to the window")
		}
		u.recovery.stop()
		u.unlockDocument()
		u.win.Close() // else the next theme change refreshes every earlier window
	}
	testtool.ReportCPU(b, cpu)
}
