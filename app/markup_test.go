package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zonewise/model"
)

// TestCanvasRendersThePlant compares the canvas drawing of the test plant
// (zones, nested zone, asset chips, a firewall and a diode conduit, a
// selected zone with its handle) with a markup master. After an intended
// change of the drawing, copy testdata/failed/canvas.xml to
// testdata/canvas.xml and review the diff.
func TestCanvasRendersThePlant(t *testing.T) {
	u := newTestUI(t)
	w := test.NewTempWindow(t, u.canvas)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(720, 760))
	u.canvas.zoom, u.canvas.offset, u.canvas.userView = 1, fyne.Position{}, true
	u.selectOnly(ref{kindZone, model.StableID("z-cell")})
	u.canvas.refresh()
	test.AssertRendersToMarkup(t, "canvas.xml", w.Canvas())
}
