package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// newTestUI opens the window headless on a copy of the sample plant, with
// recovery files in a temporary folder.
func init() { assessNow = true }

func newTestUI(t *testing.T) *ui {
	t.Helper()
	t.Setenv("ZONEWISE_RECOVERY_DIR", t.TempDir())
	a := test.NewTempApp(t)
	u := newUI(a)
	u.setDocument(newUnsavedDocument(testPlant()))
	u.win.Resize(fyne.NewSize(1500, 920))
	u.canvas.Resize(fyne.NewSize(900, 600))
	u.canvas.zoom, u.canvas.offset = 1, fyne.Position{}
	u.canvas.refresh()
	t.Cleanup(u.recovery.stop)
	return u
}

// at converts model coordinates to a canvas widget position.
func (u *ui) at(x, y float64) fyne.Position { return u.canvas.toScreen(x, y) }

// drag presses at from, moves to to in steps, and releases, as the desktop
// driver does.
func drag(c *zoneCanvas, from, to fyne.Position, steps int) {
	c.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	prev := from
	for i := 1; i <= steps; i++ {
		p := fyne.NewPos(from.X+(to.X-from.X)*float32(i)/float32(steps), from.Y+(to.Y-from.Y)*float32(i)/float32(steps))
		c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)})
		prev = p
	}
	c.DragEnd()
	c.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}, Button: desktop.MouseButtonPrimary})
}

// click presses and releases at p, with optional modifiers.
func click(c *zoneCanvas, p fyne.Position, mod fyne.KeyModifier) {
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary, Modifier: mod}
	c.MouseDown(ev)
	c.MouseUp(ev)
	c.Tapped(&fyne.PointEvent{Position: p})
}

func zoneNamed(t *testing.T, p *model.Project, name string) *model.Zone {
	t.Helper()
	for i := range p.Zones {
		if p.Zones[i].Name == name {
			return &p.Zones[i]
		}
	}
	t.Fatalf("no zone %q", name)
	return nil
}

func saved(t *testing.T, p *model.Project) []byte {
	t.Helper()
	b, err := model.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCanvasDrawsAZoneWithADrag(t *testing.T) {
	u := newTestUI(t)
	before := saved(t, u.doc.Project)
	n := len(u.doc.Project.Zones)

	drag(u.canvas, u.at(800, 60), u.at(1000, 220), 5)

	if got := len(u.doc.Project.Zones); got != n+1 {
		t.Fatalf("zones after drawing: %d, want %d", got, n+1)
	}
	z := u.doc.Project.Zones[n]
	if z.Bounds != (model.Rect{X: 800, Y: 60, W: 200, H: 160}) {
		t.Errorf("new zone bounds %+v, want x 800 y 60 200×160", z.Bounds)
	}
	if u.sel.primary() != (ref{kindZone, z.ID}) {
		t.Errorf("the new zone is not selected")
	}
	t.Run("undo removes it and gives the original bytes", func(t *testing.T) {
		if err := u.doc.Undo(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(saved(t, u.doc.Project), before) {
			t.Error("project after undo differs from before the drag")
		}
	})
	t.Run("redo adds it again", func(t *testing.T) {
		if err := u.doc.Redo(); err != nil {
			t.Fatal(err)
		}
		if len(u.doc.Project.Zones) != n+1 {
			t.Error("redo did not add the zone")
		}
	})
}

func TestCanvasDrawsAZoneWithTheTestDriverDrag(t *testing.T) {
	u := newTestUI(t)
	n := len(u.doc.Project.Zones)
	w := test.NewTempWindow(t, u.canvas)
	w.Resize(fyne.NewSize(1200, 900))
	u.canvas.zoom, u.canvas.offset = 1, fyne.Position{}
	u.canvas.refresh()
	// test.Drag sends one step ending at the given position.
	test.Drag(w.Canvas(), fyne.NewPos(1000, 300), 150, 120)
	if got := len(u.doc.Project.Zones); got != n+1 {
		t.Fatalf("zones: %d, want %d", got, n+1)
	}
}

func TestCanvasSmallSlipDrawsNoZone(t *testing.T) {
	u := newTestUI(t)
	n := len(u.doc.Project.Zones)
	drag(u.canvas, u.at(800, 60), u.at(805, 63), 2)
	if len(u.doc.Project.Zones) != n {
		t.Error("a 5-point drag created a zone")
	}
}

func TestCanvasDropsAnAssetIntoAZone(t *testing.T) {
	for _, tc := range []struct {
		name  string
		place func(u *ui, p fyne.Position)
	}{
		{"by clicking into the zone", func(u *ui, p fyne.Position) { click(u.canvas, p, 0) }},
		{"by dragging from the palette into the zone", func(u *ui, p fyne.Position) { drag(u.canvas, u.at(900, 900), p, 4) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t)
			dmz := zoneNamed(t, u.doc.Project, "OT DMZ")
			n := len(u.doc.Project.Assets)
			u.canvas.assetClass = model.ClassEmbedded
			u.canvas.setTool(toolAsset)
			tc.place(u, u.at(400, 360))
			if len(u.doc.Project.Assets) != n+1 {
				t.Fatalf("assets: %d, want %d", len(u.doc.Project.Assets), n+1)
			}
			a := u.doc.Project.Assets[n]
			if a.ZoneID != dmz.ID || a.Class != model.ClassEmbedded {
				t.Errorf("new asset in zone %s class %s, want OT DMZ, embedded", a.ZoneID, a.Class)
			}
			if err := u.doc.Undo(); err != nil || len(u.doc.Project.Assets) != n {
				t.Errorf("undo did not remove the asset (err %v)", err)
			}
			if err := u.doc.Redo(); err != nil || len(u.doc.Project.Assets) != n+1 {
				t.Errorf("redo did not add the asset (err %v)", err)
			}
		})
	}
}

func TestCanvasAssetDroppedOutsideZonesIsNotCreated(t *testing.T) {
	u := newTestUI(t)
	n := len(u.doc.Project.Assets)
	u.canvas.setTool(toolAsset)
	click(u.canvas, u.at(900, 900), 0)
	if len(u.doc.Project.Assets) != n {
		t.Error("an asset was created outside every zone")
	}
}

func TestCanvasMovesAnAssetToAnotherZone(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	erp := p.Asset(model.StableID("a-erp"))
	dmz := zoneNamed(t, p, "OT DMZ")
	r := u.canvas.assetRects[erp.ID]
	from := r[0].Add(fyne.NewPos(20, 10))
	drag(u.canvas, from, u.at(300, 350), 6)
	if got := p.Asset(erp.ID).ZoneID; got != dmz.ID {
		t.Fatalf("asset zone after drop %s, want OT DMZ %s", got, dmz.ID)
	}
	if err := u.doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := p.Asset(erp.ID).ZoneID; got != zoneNamed(t, p, "Enterprise").ID {
		t.Errorf("undo left the asset in %s", got)
	}
}

func TestCanvasConnectsTwoZones(t *testing.T) {
	for _, tc := range []struct {
		name    string
		connect func(u *ui, a, b fyne.Position)
	}{
		{"by clicking one zone then the other", func(u *ui, a, b fyne.Position) { click(u.canvas, a, 0); click(u.canvas, b, 0) }},
		{"by dragging from one zone to the other", func(u *ui, a, b fyne.Position) { drag(u.canvas, a, b, 5) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t)
			p := u.doc.Project
			ent, cell := zoneNamed(t, p, "Enterprise"), zoneNamed(t, p, "Cell 1")
			n := len(p.Conduits)
			u.canvas.setTool(toolConnect)
			tc.connect(u, u.at(500, 180), u.at(600, 680))
			if len(p.Conduits) != n+1 {
				t.Fatalf("conduits: %d, want %d", len(p.Conduits), n+1)
			}
			c := p.Conduits[n]
			if len(c.ZoneIDs) != 2 || c.ZoneIDs[0] != ent.ID || c.ZoneIDs[1] != cell.ID {
				t.Errorf("conduit zones %v, want Enterprise, Cell 1", c.ZoneIDs)
			}
			u.doc.Undo()
			if len(p.Conduits) != n {
				t.Error("undo did not remove the conduit")
			}
			u.doc.Redo()
			if len(p.Conduits) != n+1 {
				t.Error("redo did not add the conduit")
			}
		})
	}
}

func TestCanvasMovesAZoneWithItsChildrenAsOneUndoStep(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	before := saved(t, p)
	ctl, cell := zoneNamed(t, p, "Control"), zoneNamed(t, p, "Cell 1")
	ctlB, cellB := ctl.Bounds, cell.Bounds

	drag(u.canvas, u.at(60, 480), u.at(160, 530), 10)

	ctl, cell = zoneNamed(t, p, "Control"), zoneNamed(t, p, "Cell 1")
	if ctl.Bounds.X != ctlB.X+100 || ctl.Bounds.Y != ctlB.Y+50 {
		t.Errorf("Control moved to %v, want +100,+50 from %v", ctl.Bounds, ctlB)
	}
	if cell.Bounds.X != cellB.X+100 || cell.Bounds.Y != cellB.Y+50 {
		t.Errorf("nested Cell 1 moved to %v, want +100,+50 from %v", cell.Bounds, cellB)
	}
	if l := u.doc.History().UndoLabel(); l != "Move zone" {
		t.Errorf("undo label %q, want Move zone", l)
	}
	if err := u.doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(saved(t, p), before) {
		t.Error("one undo did not restore the project from before the drag")
	}
	if u.doc.History().CanUndo() {
		t.Error("the drag took more than one undo step")
	}
	t.Run("a second drag is its own undo step", func(t *testing.T) {
		u.doc.Redo()
		drag(u.canvas, u.at(200, 540), u.at(220, 540), 3)
		u.doc.Undo()
		if got := zoneNamed(t, p, "Control").Bounds.X; got != ctlB.X+100 {
			t.Errorf("after undoing the second drag x = %v, want %v", got, ctlB.X+100)
		}
	})
}

func TestCanvasResizesAZoneByItsHandle(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	ent := zoneNamed(t, p, "Enterprise")
	click(u.canvas, u.at(300, 60), 0) // select: the handle appears
	b := ent.Bounds
	drag(u.canvas, u.at(b.X+b.W-4, b.Y+b.H-4), u.at(b.X+b.W+96, b.Y+b.H+36), 4)
	got := zoneNamed(t, p, "Enterprise").Bounds
	if got.W != b.W+100 || got.H != b.H+40 || got.X != b.X {
		t.Errorf("bounds after resize %+v, want %v×%v at the same place", got, b.W+100, b.H+40)
	}
}

func TestCanvasSelection(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	ent, dmz := zoneNamed(t, p, "Enterprise"), zoneNamed(t, p, "OT DMZ")
	click(u.canvas, u.at(300, 60), 0)
	if u.sel.primary() != (ref{kindZone, ent.ID}) {
		t.Fatalf("click did not select Enterprise")
	}
	if !strings.Contains(u.props.header.Text, "Enterprise") {
		t.Errorf("properties header %q does not follow the selection", u.props.header.Text)
	}
	click(u.canvas, u.at(300, 280), fyne.KeyModifierShift)
	if len(u.sel.items) != 2 || !u.sel.hasID(dmz.ID) {
		t.Errorf("shift-click did not add OT DMZ: %v", u.sel.items)
	}
	click(u.canvas, u.at(900, 900), 0)
	if len(u.sel.items) != 0 {
		t.Errorf("click on empty canvas kept the selection %v", u.sel.items)
	}
}

func TestDeleteSelection(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	c1 := model.StableID("c-1")
	u.selectOnly(ref{kindConduit, c1})
	u.deleteSelection()
	if p.Conduit(c1) != nil {
		t.Fatal("conduit not deleted")
	}
	u.doc.Undo()
	if p.Conduit(c1) == nil {
		t.Error("undo did not restore the conduit")
	}
}

func TestDeleteCascades(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	before := saved(t, p)
	ctl := model.StableID("z-ctl")
	t.Run("a zone with children asks first", func(t *testing.T) {
		u.selectOnly(ref{kindZone, ctl})
		u.deleteSelection()
		if p.Zone(ctl) == nil {
			t.Fatal("deleted without asking")
		}
		if len(u.win.Canvas().Overlays().List()) == 0 {
			t.Error("no confirmation dialog")
		}
	})
	t.Run("the cascade takes nested zones, assets and conduits in one undo step", func(t *testing.T) {
		cmd, extra, err := deleteCommand(p, []ref{{kindZone, ctl}, {kindAsset, model.StableID("a-plc")}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(extra, "1 zone") || !strings.Contains(extra, "2 assets") || !strings.Contains(extra, "1 conduit") {
			t.Errorf("extra %q, want 1 zone, 2 assets, 1 conduit", extra)
		}
		u.applyDelete(cmd)
		if p.Zone(ctl) != nil || p.Zone(model.StableID("z-cell")) != nil || p.Asset(model.StableID("a-plc")) != nil || p.Conduit(model.StableID("c-2")) != nil {
			t.Error("something survived the cascade")
		}
		u.undo()
		if !bytes.Equal(saved(t, p), before) {
			t.Error("one undo did not restore the project")
		}
	})
}

// formField finds the widget of the form item labelled label under o.
func formField(o fyne.CanvasObject, label string) fyne.CanvasObject {
	switch v := o.(type) {
	case *widget.Form:
		for _, it := range v.Items {
			if it.Text == label {
				if c, ok := it.Widget.(*fyne.Container); ok && len(c.Objects) == 1 {
					return c.Objects[0] // narrow() wrapper
				}
				return it.Widget
			}
			if w := formField(it.Widget, label); w != nil {
				return w
			}
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if w := formField(c, label); w != nil {
				return w
			}
		}
	case *container.Scroll:
		return formField(v.Content, label)
	}
	return nil
}

func TestPropertiesPanelEditsAZoneName(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	before := saved(t, p)
	ent := zoneNamed(t, p, "Enterprise")
	u.selectOnly(ref{kindZone, ent.ID})
	e, ok := asEntry(formField(u.props.scroll, "Name"))
	if !ok {
		t.Fatal("no Name entry in the zone's properties")
	}
	u.win.Canvas().Focus(e)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(e, " IT")
	if got := p.Zone(ent.ID).Name; got != "Enterprise IT" {
		t.Fatalf("name after typing %q, want %q", got, "Enterprise IT")
	}
	if !strings.HasPrefix(u.win.Title(), "• ") {
		t.Errorf("title %q has no dirty marker", u.win.Title())
	}
	t.Run("typing is one undo step", func(t *testing.T) {
		if err := u.doc.Undo(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(saved(t, p), before) {
			t.Error("one undo did not restore the bytes from before typing")
		}
		if e.Text != "Enterprise" {
			t.Errorf("entry shows %q after undo, want Enterprise", e.Text)
		}
	})
	t.Run("redo brings the typing back", func(t *testing.T) {
		u.doc.Redo()
		if got := p.Zone(ent.ID).Name; got != "Enterprise IT" {
			t.Errorf("name after redo %q", got)
		}
	})
}

func TestPropertiesPanelEditsAnAssetSLC(t *testing.T) {
	u := newTestUI(t)
	plc := model.StableID("a-plc")
	u.selectOnly(ref{kindAsset, plc})
	if formField(u.props.scroll, "SL-C source") == nil {
		t.Fatal("asset properties have no SL-C source")
	}
	edit(u.session, plc, "SL-C", func(a *model.Asset) { a.SLC.Set(model.FR3, 2) })
	if got := u.doc.Project.Asset(plc).SLC.Get(model.FR3); got != 2 {
		t.Errorf("SL-C FR3 = %d, want 2", got)
	}
}

func TestPropertiesPanelBuildsForEveryKind(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	p.Scenarios = append(p.Scenarios, model.ThreatScenario{ID: "s1", Name: "Phishing", TargetKind: model.TargetZone, Likelihood: 2})
	p.Decisions = append(p.Decisions, model.Decision{ID: "d1", Subject: "Diode"})
	p.Countermeasures = append(p.Countermeasures, model.CountermeasureInstance{ID: "m1", MeasureID: "CM-X", Status: model.StatusProposed})
	for _, r := range []ref{
		{Kind: kindProject}, {kindZone, p.Zones[0].ID}, {kindConduit, p.Conduits[0].ID}, {kindAsset, p.Assets[0].ID},
		{kindActor, p.Actors[0].ID}, {kindScenario, "s1"}, {kindDecision, "d1"}, {kindCountermeasure, "m1"},
	} {
		u.selectOnly(r)
		if u.props.built != r {
			t.Errorf("panel built for %v, want %v", u.props.built, r)
		}
	}
}

func TestSavedBytesAfterEditAndUndoEqualTheOriginal(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
	u.saveTo(path, nil)
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if u.doc.Dirty() || strings.HasPrefix(u.win.Title(), "•") {
		t.Fatalf("saved document is dirty; title %q", u.win.Title())
	}
	drag(u.canvas, u.at(800, 60), u.at(1000, 220), 3)
	edit(u.session, model.StableID("a-plc"), "name", func(a *model.Asset) { a.Name = "PLC 1 renamed" })
	if !strings.HasPrefix(u.win.Title(), "• ") {
		t.Errorf("title %q after edits has no dirty marker", u.win.Title())
	}
	u.undo()
	u.undo()
	if u.doc.Dirty() {
		t.Error("undoing every edit leaves the document dirty")
	}
	u.save(nil)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, orig) {
		t.Error("saved bytes after edit and undo differ from the original")
	}
}

func TestRecoveryFileIsWrittenAndOffered(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
	u.saveTo(path, nil)
	edit(u.session, model.StableID("a-plc"), "name", func(a *model.Asset) { a.Name = "PLC renamed before the crash" })
	u.autosave()
	rec := u.recovery.pathFor(path)
	if _, err := os.Stat(rec); err != nil {
		t.Fatalf("no recovery file after autosave: %v", err)
	}

	// "Crash": a new window opens the same file.
	a := test.NewTempApp(t)
	v := newUI(a)
	t.Cleanup(v.recovery.stop)
	doc, err := model.OpenDocument(path)
	if err != nil {
		t.Fatal(err)
	}
	v.setDocument(doc)
	if _, _, ok := v.recovery.pending(path); !ok {
		t.Fatal("the recovery file is not offered")
	}
	v.offerRecovery()
	top := v.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no restore dialog shown")
	}
	restore := findButton(top, "Restore")
	if restore == nil {
		t.Fatal("the dialog has no Restore button")
	}
	test.Tap(restore)
	if got := v.doc.Project.Asset(model.StableID("a-plc")).Name; got != "PLC renamed before the crash" {
		t.Errorf("restored name %q", got)
	}
	if !v.doc.Dirty() {
		t.Error("a restored project must be dirty until saved")
	}
	v.undo()
	if got := v.doc.Project.Asset(model.StableID("a-plc")).Name; got != "PLC 1" {
		t.Errorf("undoing the restore gives %q, want the saved PLC 1", got)
	}
	v.redo()
	v.saveTo(path, nil)
	if _, err := os.Stat(rec); !os.IsNotExist(err) {
		t.Error("a clean save left the recovery file")
	}
}

func TestUntitledDocumentAutosavesUnderUntitled(t *testing.T) {
	u := newTestUI(t)
	edit(u.session, model.StableID("a-plc"), "name", func(a *model.Asset) { a.Name = "x" })
	u.autosave()
	if filepath.Base(u.recovery.pathFor("")) != "untitled"+model.FileExt {
		t.Errorf("recovery file %s", u.recovery.pathFor(""))
	}
	if _, err := os.Stat(u.recovery.pathFor("")); err != nil {
		t.Error(err)
	}
}

func TestDecisionLogAddsAnEntryLinkedToTheSelection(t *testing.T) {
	u := newTestUI(t)
	cell := model.StableID("z-cell")
	u.selectOnly(ref{kindZone, cell})
	id := u.addDecision("Anna", "Cell 1", "Keep the PLC on its own switch", "Vendor support", u.sel.primary())
	d, _ := model.Find[model.Decision](u.doc.Project, id)
	if d == nil || d.ObjectID != cell || d.By != "Anna" || d.At == "" {
		t.Fatalf("decision %+v", d)
	}
	if u.tree.labels["d:"+string(id)] != "Cell 1" {
		t.Errorf("the decision is not in the tree")
	}
}

func TestTreeFollowsTheSelectionAndSelects(t *testing.T) {
	u := newTestUI(t)
	plc := model.StableID("a-plc")
	u.tree.onNodeSelected("a:" + string(plc))
	if u.sel.primary() != (ref{kindAsset, plc}) {
		t.Fatalf("tree selection did not select the asset")
	}
	if got := u.tree.children["z:"+string(model.StableID("z-cell"))]; len(got) != 2 {
		t.Errorf("Cell 1 has %d children in the tree, want 2 assets", len(got))
	}
}

func TestTitleShowsProjectName(t *testing.T) {
	u := newTestUI(t)
	if got := u.win.Title(); got != "Sample water works — Zonewise" {
		t.Errorf("title %q", got)
	}
}

func TestPresentationModeScalesText(t *testing.T) {
	u := newTestUI(t)
	base := fyne.CurrentApp().Settings().Theme().Size("text")
	u.togglePresentation()
	if got := fyne.CurrentApp().Settings().Theme().Size("text"); got != base*presentationScale {
		t.Errorf("text size %v in presentation mode, want %v", got, base*presentationScale)
	}
}

func TestEditMenuAdds(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	cell := model.StableID("z-cell")
	u.selectOnly(ref{kindZone, cell})
	u.addScenario()
	s := p.Scenarios[len(p.Scenarios)-1]
	if s.TargetID != cell || s.ActorID != p.Actors[0].ID {
		t.Errorf("scenario %+v: want target Cell 1 and the actor", s)
	}
	nz, na := len(p.Zones), len(p.Actors)
	u.addZone()
	u.addActor()
	if len(p.Zones) != nz+1 || len(p.Actors) != na+1 {
		t.Error("Add zone or Add threat actor added nothing")
	}
	if u.sel.primary().Kind != kindActor {
		t.Error("the new actor is not selected")
	}
}

// findButton finds a button by its text under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		if v.Text == text {
			return v
		}
	case *widget.Form:
		for _, it := range v.Items {
			if b := findButton(it.Widget, text); b != nil {
				return b
			}
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	case *container.Scroll:
		return findButton(v.Content, text)
	case *widget.PopUp:
		return findButton(v.Content, text)
	case fyne.Widget: // a dialog's private widgets: walk what they render
		for _, o := range test.WidgetRenderer(v).Objects() {
			if b := findButton(o, text); b != nil {
				return b
			}
		}
	}
	return nil
}

func TestPropertiesPanelEditsConduitFlowsAndZoneType(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	c1 := model.StableID("c-1")
	u.selectOnly(ref{kindConduit, c1})
	add := findButton(u.props.scroll, "Add data flow")
	if add == nil {
		t.Fatal("no Add data flow button")
	}
	test.Tap(add)
	if n := len(p.Conduit(c1).Flows); n != 1 {
		t.Fatalf("flows after Add: %d", n)
	}
	port, ok := asEntry(formField(u.props.scroll, "Port"))
	if !ok {
		t.Fatal("the new flow has no Port entry (panel not rebuilt?)")
	}
	port.SetText("")
	test.Type(port, "4840")
	if got := p.Conduit(c1).Flows[0].Port; got != "4840" {
		t.Errorf("port %q, want 4840", got)
	}
	u.undo()
	if got := p.Conduit(c1).Flows[0].Port; got != "443" {
		t.Errorf("port after one undo %q, want the default 443", got)
	}
	u.undo()
	if len(p.Conduit(c1).Flows) != 0 {
		t.Error("second undo did not remove the flow")
	}

	ent := model.StableID("z-ent")
	u.selectOnly(ref{kindZone, ent})
	typ, ok := formField(u.props.scroll, "Type").(*widget.Select)
	if !ok {
		t.Fatal("no Type select")
	}
	typ.SetSelected(model.ZoneDMZ.Label())
	if got := p.Zone(ent).Type; got != model.ZoneDMZ {
		t.Errorf("zone type %s, want dmz", got)
	}
	u.undo()
	if got := p.Zone(ent).Type; got != model.ZoneEnterprise {
		t.Errorf("zone type after undo %s", got)
	}
	u.redo()
	if got := p.Zone(ent).Type; got != model.ZoneDMZ {
		t.Errorf("zone type after redo %s", got)
	}
}

func TestCanvasMovesEverySelectedZone(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	ent, dmz := zoneNamed(t, p, "Enterprise").Bounds, zoneNamed(t, p, "OT DMZ").Bounds
	click(u.canvas, u.at(300, 60), 0)
	click(u.canvas, u.at(300, 280), fyne.KeyModifierShift)
	drag(u.canvas, u.at(300, 60), u.at(340, 60), 4)
	if got := zoneNamed(t, p, "Enterprise").Bounds.X; got != ent.X+40 {
		t.Errorf("Enterprise x %v, want %v", got, ent.X+40)
	}
	if got := zoneNamed(t, p, "OT DMZ").Bounds.X; got != dmz.X+40 {
		t.Errorf("OT DMZ x %v, want %v (selected zones move together)", got, dmz.X+40)
	}
	u.undo()
	if zoneNamed(t, p, "OT DMZ").Bounds != dmz || zoneNamed(t, p, "Enterprise").Bounds != ent {
		t.Error("one undo does not restore both zones")
	}
}

func TestProblemsListSelectsTheObject(t *testing.T) {
	u := newTestUI(t)
	c1 := model.StableID("c-1")
	edit(u.session, c1, "flows", func(c *model.Conduit) {
		c.Flows = append(c.Flows, model.DataFlow{Protocol: "Modbus/TCP", Port: "any", Transport: "tcp", From: c.ZoneIDs[0], To: c.ZoneIDs[1], Initiator: c.ZoneIDs[0]})
	})
	i := -1
	for j, pr := range u.problems {
		if pr.ObjectID == c1 {
			i = j
		}
	}
	if i < 0 {
		t.Fatalf("no problem about the conduit with port any: %v", u.problems)
	}
	u.problemL.onProblemSelected(i)
	if u.sel.primary() != (ref{kindConduit, c1}) {
		t.Errorf("clicking the problem selected %v", u.sel.primary())
	}
}

func TestCanvasContextMenuSelectsAndOpens(t *testing.T) {
	u := newTestUI(t)
	u.win.Show()
	u.canvas.TappedSecondary(&fyne.PointEvent{Position: u.at(300, 100)})
	if u.sel.primary() != (ref{kindZone, model.StableID("z-ent")}) {
		t.Errorf("right-click did not select the zone under it")
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no context menu")
	}
}

func TestZoneParentCycleDoesNotHang(t *testing.T) {
	u := newTestUI(t)
	a, b := model.StableID("z-ent"), model.StableID("z-dmz")
	edit(u.session, a, "parent", func(z *model.Zone) { z.ParentID = b })
	edit(u.session, b, "parent", func(z *model.Zone) { z.ParentID = a })
	u.selectOnly(ref{kindZone, a})
	if u.tree.parent["z:"+string(a)] != nodeZones {
		t.Errorf("a zone in a parent cycle is not shown at the top level")
	}
	drag(u.canvas, u.at(300, 60), u.at(320, 60), 2)
	if u.sel.primary() != (ref{kindZone, a}) {
		t.Errorf("selection lost")
	}
}

func TestCanvasHoverDescribesTheZone(t *testing.T) {
	u := newTestUI(t)
	u.canvas.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: u.at(300, 100)}})
	if !strings.HasPrefix(u.canvas.hint.Text, "Enterprise — SL-T ") {
		t.Errorf("hint %q", u.canvas.hint.Text)
	}
	u.canvas.MouseOut()
	if strings.HasPrefix(u.canvas.hint.Text, "Enterprise") {
		t.Error("the hint keeps the zone after the pointer left")
	}
}

func TestCloseWithUnsavedChangesAsks(t *testing.T) {
	for _, tc := range []struct {
		button     string
		wantClosed bool
		wantSaved  bool
	}{
		{"Cancel", false, false},
		{"Discard changes", true, false},
		{"Save", true, true},
	} {
		t.Run(tc.button, func(t *testing.T) {
			u := newTestUI(t)
			path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
			u.saveTo(path, nil)
			edit(u.session, model.StableID("a-plc"), "name", func(a *model.Asset) { a.Name = "PLC changed" })
			u.autosave()
			closed := false
			u.win.SetOnClosed(func() { closed = true })
			u.onCloseRequested()
			top := u.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no question asked")
			}
			b := findButton(top, tc.button)
			if b == nil {
				t.Fatalf("no %s button", tc.button)
			}
			test.Tap(b)
			if closed != tc.wantClosed {
				t.Errorf("closed %v, want %v", closed, tc.wantClosed)
			}
			p, err := model.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if saved := p.Asset(model.StableID("a-plc")).Name == "PLC changed"; saved != tc.wantSaved {
				t.Errorf("saved %v, want %v", saved, tc.wantSaved)
			}
			_, err = os.Stat(u.recovery.pathFor(path))
			if gone := os.IsNotExist(err); gone != tc.wantClosed {
				t.Errorf("recovery file removed %v, want %v", gone, tc.wantClosed)
			}
		})
	}
}
