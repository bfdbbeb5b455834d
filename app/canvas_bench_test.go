package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zonewise/internal/testtool"
	"zonewise/model"
)

// bigPlantUI opens the window headless on the generated 500-zone,
// 10,000-asset plant laid out by the Layout button, with the canvas at
// 1366×768-window size.
func bigPlantUI(b *testing.B) *ui {
	b.Helper()
	b.Setenv("ZONEWISE_RECOVERY_DIR", b.TempDir())
	u := newUI(test.NewTempApp(b))
	b.Cleanup(u.recovery.stop)
	u.setDocument(newUnsavedDocument(model.Generate(500, 10000, 1)))
	u.win.Resize(fyne.NewSize(1366, 768))
	u.canvas.Resize(fyne.NewSize(1000, 560))
	u.autoLayout()
	// the deferred reassessment of a large plant, now, not inside a loop
	if u.assessTimer != nil {
		u.assessTimer.Stop()
	}
	u.reassess()
	u.refreshAll()
	return u
}

// BenchmarkCanvasPanZoom10000Assets measures one frame of panning or
// zooming the canvas on the 500-zone plant (budget < 33 ms, 30 frames a
// second): the canvas's own entry points (wheel zoom about the pointer,
// drag pan) and the redraw of every shape, as the window does between two
// frames; the GPU's painting of the frame is not included. "overview" is
// the whole plant fitted (zone summaries), "detail" zoomed in on a part
// (chips with names, conduit labels placed).
func BenchmarkCanvasPanZoom10000Assets(b *testing.B) {
	u := bigPlantUI(b)
	c := u.canvas
	for _, tc := range []struct {
		name string
		view func()
	}{
		{"overview", c.fit},
		{"detail", func() { c.fit(); c.zoomBy(1/c.zoom, c.centre()) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			tc.view()
			at := fyne.NewPos(500, 280)
			i := 0
			cpu := testtool.CPUTime()
			for b.Loop() {
				i++
				switch i % 4 {
				case 0:
					c.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.NewDelta(0, 30)})
				case 1:
					c.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.NewDelta(0, -30)})
				case 2:
					c.zoomBy(1.1, at)
				case 3:
					c.zoomBy(1/1.1, at)
				}
			}
			testtool.ReportCPU(b, cpu)
		})
	}
}

// BenchmarkFindTyping10000Assets measures one keystroke in the Find box on
// the 10,000-asset plant: the query over zones, assets, conduits,
// scenarios and requirements, and the result list's refresh (budget
// < 50 ms).
func BenchmarkFindTyping10000Assets(b *testing.B) {
	u := bigPlantUI(b)
	f := u.openFind()
	queries := []string{"a", "as", "ass", "asse", "asset 1", "asset 12", "10.", "sr 1", "z01"}
	i := 0
	cpu := testtool.CPUTime()
	for b.Loop() {
		i++
		f.search(queries[i%len(queries)])
	}
	testtool.ReportCPU(b, cpu)
}

// BenchmarkFindOpen10000Assets measures opening the Find box on the
// 10,000-asset plant (building its index).
func BenchmarkFindOpen10000Assets(b *testing.B) {
	u := bigPlantUI(b)
	cpu := testtool.CPUTime()
	for b.Loop() {
		buildFindIndex(u.doc.Project, u.cat)
	}
	testtool.ReportCPU(b, cpu)
}

// BenchmarkSelectOn10000AssetPlant measures a change of selection on the
// 10,000-asset plant: the tree, the canvas, properties and the open view
// follow it.
func BenchmarkSelectOn10000AssetPlant(b *testing.B) {
	u := bigPlantUI(b)
	as := u.doc.Project.Assets
	i := 0
	cpu := testtool.CPUTime()
	for b.Loop() {
		i++
		u.selectOnly(ref{kindAsset, as[(i*7919)%len(as)].ID})
	}
	testtool.ReportCPU(b, cpu)
}

// BenchmarkCanvasFit10000Assets measures the canvas's first frame when the
// generated 500-zone, 10,000-asset plant opens as saved (zone boxes in a
// grid, no Layout): fitting it to a 1366×768 window's canvas and drawing
// every zone, its summary and every conduit routed around the boxes in its
// way. Opening the plant pays it once for every size the canvas takes
// before the window shows.
func BenchmarkCanvasFit10000Assets(b *testing.B) {
	b.Setenv("ZONEWISE_RECOVERY_DIR", b.TempDir())
	u := newUI(test.NewTempApp(b))
	b.Cleanup(u.recovery.stop)
	u.setDocument(newUnsavedDocument(model.Generate(500, 10000, 1)))
	u.canvas.Resize(fyne.NewSize(810, 390))
	cpu := testtool.CPUTime()
	for b.Loop() {
		u.canvas.fit()
	}
	testtool.ReportCPU(b, cpu)
}
