package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// TestAComparisonMarksChangesOnTheCanvasUntilItsWindowCloses: File ▸
// Compare with… frames added and changed zones, assets and conduits on the
// canvas in told-apart colours and tags, lists removed ones only, and the
// marks go when the comparison window is closed.
func TestAComparisonMarksChangesOnTheCanvasUntilItsWindowCloses(t *testing.T) {
	u := newTestUI(t)
	old := model.CloneProject(u.doc.Project)
	now := model.CloneProject(u.doc.Project)
	added := model.Zone{ID: model.StableID("z-pack"), Name: "Packaging", Type: model.ZoneControl, PurdueLevel: 1, Bounds: model.Rect{X: 620, Y: 40, W: 240, H: 160}}
	now.Zones = append(now.Zones, added)
	hist := model.StableID("a-hist")
	for i := range now.Assets {
		if now.Assets[i].ID == hist {
			now.Assets[i].Name = "Historian (new)"
		}
	}
	diode := model.StableID("c-2")
	now.Conduits = []model.Conduit{now.Conduits[0], {ID: model.StableID("c-3"), Name: "C3", Type: model.ConduitFirewall, ZoneIDs: []model.ID{model.StableID("z-ent"), added.ID}}}
	u.do(&replaceProject{after: now, label: "edit"})
	u.compareWith("revision 1.1", old)

	if u.compareWin == nil || u.marks == nil {
		t.Fatal("the comparison opened no window or set no marks")
	}
	if got := u.marks.of(added.ID); got != markAdded {
		t.Errorf("added zone marked %d, want added", got)
	}
	if got := u.marks.of(hist); got != markChanged {
		t.Errorf("renamed asset marked %d, want changed", got)
	}
	if got := u.marks.of(model.StableID("c-3")); got != markAdded {
		t.Errorf("added conduit marked %d, want added", got)
	}
	if got := u.marks.of(model.StableID("a-erp")); got != markNone {
		t.Errorf("unchanged asset marked %d", got)
	}

	zm := u.canvas.zones[added.ID].mark
	if !zm.frame.Visible() || !sameColor(zm.frame.StrokeColor, markColor(markAdded)) || zm.tag.Text != "added" {
		t.Errorf("added zone: frame visible %v colour %v tag %q", zm.frame.Visible(), zm.frame.StrokeColor, zm.tag.Text)
	}
	if m := u.canvas.zones[model.StableID("z-cell")].mark; m.frame.Visible() {
		t.Error("the unchanged zone Cell 1 is framed")
	}
	am := u.canvas.assets[hist].mark
	if !am.Visible() || !sameColor(am.StrokeColor, markColor(markChanged)) {
		t.Errorf("changed asset: frame visible %v colour %v", am.Visible(), am.StrokeColor)
	}
	if am := u.canvas.assets[model.StableID("a-erp")].mark; am.Visible() {
		t.Error("the unchanged asset ERP server is framed")
	}
	cs := u.canvas.conduits[model.StableID("c-3")]
	if cs.used == 0 || cs.lines[0].StrokeWidth <= haloWidth {
		t.Error("the added conduit has no halo under its line")
	}

	// The list beside the canvas names the removed conduit (it cannot be
	// marked on the canvas) with a grey swatch and no link.
	lines := comparisonTexts(t, u.compareWin)
	found := false
	for _, l := range lines {
		if strings.Contains(l, "C2") && strings.Contains(l, "removed") {
			found = true
		}
	}
	if !found {
		t.Errorf("the removed conduit C2 is not listed: %q", lines)
	}
	if u.doc.Project.Conduit(diode) != nil {
		t.Fatal("test set-up: C2 was not removed")
	}

	u.compareWin.Close()
	if u.marks != nil || u.compareWin != nil {
		t.Fatal("closing the comparison window left its marks")
	}
	if zm.frame.Visible() || zm.tag.Visible() || am.Visible() {
		t.Error("marks still drawn after the comparison window closed")
	}
	if cs := u.canvas.conduits[model.StableID("c-3")]; cs.lines[0].StrokeWidth > haloWidth {
		t.Error("the conduit's halo is still drawn after the comparison window closed")
	}
}

// TestZoomedOutAZoneCountsItsChangedAssets: when chips are not drawn, the
// zone says how many of its assets changed.
func TestZoomedOutAZoneCountsItsChangedAssets(t *testing.T) {
	u := newTestUI(t)
	old := model.CloneProject(u.doc.Project)
	now := model.CloneProject(u.doc.Project)
	for i := range now.Assets {
		if now.Assets[i].ZoneID == model.StableID("z-cell") {
			now.Assets[i].Vendor = "Siemens"
		}
	}
	u.do(&replaceProject{after: now, label: "edit"})
	u.compareWith("revision 1.1", old)
	u.canvas.zoom = detailZoom * 0.9
	u.canvas.redraw()
	m := u.canvas.zones[model.StableID("z-cell")].mark
	if m.frame.Visible() {
		t.Error("Cell 1 itself did not change but is framed")
	}
	// 170 pixels wide: the short form
	if !m.tag.Visible() || m.tag.Text != "Δ 2" {
		t.Errorf("Cell 1 zoomed out: tag visible %v %q, want “Δ 2”", m.tag.Visible(), m.tag.Text)
	}
	u.closeComparison()
}

// comparisonTexts returns the lines of the comparison window's list.
func comparisonTexts(t *testing.T, w fyne.Window) []string {
	t.Helper()
	var list *widget.List
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.List:
			list = v
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(w.Content())
	if list == nil {
		t.Fatal("no list in the comparison window")
	}
	var out []string
	for i := 0; i < list.Length(); i++ {
		o := list.CreateItem()
		list.UpdateItem(i, o)
		out = append(out, o.(*fyne.Container).Objects[0].(*widget.Label).Text)
	}
	return out
}
