package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// inCanvas reports whether the model rectangle r lies inside the canvas.
func inCanvas(c *zoneCanvas, r model.Rect) bool {
	tl, size := c.screenRect(r)
	s := c.Size()
	return tl.X >= -0.5 && tl.Y >= -0.5 && tl.X+size.Width <= s.Width+0.5 && tl.Y+size.Height <= s.Height+0.5
}

func TestLayoutThenFitShowsEveryZone(t *testing.T) {
	for _, tc := range []struct {
		name          string
		zones, assets int
	}{
		{"a 50-zone, 1,000-asset plant fits whole", 50, 1000},
		{"a 500-zone, 10,000-asset plant fits whole below the usual minimum zoom", 500, 10000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t)
			u.setDocument(newUnsavedDocument(model.Generate(tc.zones, tc.assets, 1)))
			u.canvas.Resize(fyne.NewSize(900, 600))
			u.canvas.zoomBy(5, fyne.Position{}) // the user had zoomed in
			u.autoLayout()
			if l := u.doc.History().UndoLabel(); l != "Auto-layout" {
				t.Fatalf("undo label %q, want Auto-layout", l)
			}
			for _, z := range u.doc.Project.Zones {
				if !inCanvas(u.canvas, z.Bounds) {
					t.Fatalf("zone %q %+v is outside the canvas after Layout (zoom %v)", z.Name, z.Bounds, u.canvas.zoom)
				}
			}
			p := u.doc.Project
			for _, a := range p.Assets {
				if _, ok := u.canvas.plan.rects[a.ID]; !ok {
					t.Fatalf("asset %q has no chip after Layout: its zone is too small", a.Name)
				}
			}
			if tc.zones == 50 {
				// the plant's shape is about the screen's: no tall strips
				minX, minY, maxX, maxY := 1e18, 1e18, -1e18, -1e18
				for _, z := range p.Zones {
					minX, minY = min(minX, z.Bounds.X), min(minY, z.Bounds.Y)
					maxX, maxY = max(maxX, z.Bounds.X+z.Bounds.W), max(maxY, z.Bounds.Y+z.Bounds.H)
				}
				if r := (maxX - minX) / (maxY - minY); r < 0.8 || r > 3.5 {
					t.Errorf("layout is %.0f×%.0f (aspect %.2f), want about a screen's shape", maxX-minX, maxY-minY, r)
				}
				for i, a := range p.Zones {
					for _, b := range p.Zones[i+1:] {
						if a.ParentID == "" && b.ParentID == "" && overlaps(a.Bounds, b.Bounds) {
							t.Errorf("zones %q and %q overlap", a.Name, b.Name)
						}
					}
				}
			}
		})
	}
}

func TestAnAssetDroppedOnAnotherSnapsToAFreeSlot(t *testing.T) {
	for _, tc := range []struct {
		name string
		put  func(u *ui, at fyne.Position)
	}{
		{"moving the HMI onto the ERP server's spot", func(u *ui, at fyne.Position) {
			from := u.canvas.assetRects[model.StableID("a-hmi")][0].Add(fyne.NewPos(20, 10))
			drag(u.canvas, from, at, 5)
		}},
		{"placing a new controller on the ERP server's spot", func(u *ui, at fyne.Position) {
			u.canvas.assetClass = model.ClassEmbedded
			u.canvas.setTool(toolAsset)
			click(u.canvas, at, 0)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t)
			erp := u.canvas.assetRects[model.StableID("a-erp")]
			tc.put(u, erp[0].Add(fyne.NewPos(30, 12)))
			u.canvas.refresh()
			p := u.doc.Project
			ent := zoneNamed(t, p, "Enterprise")
			var inEnt []model.Rect
			for _, a := range p.Assets {
				if a.ZoneID == ent.ID {
					inEnt = append(inEnt, u.canvas.plan.rects[a.ID])
				}
			}
			if len(inEnt) != 2 {
				t.Fatalf("%d assets in Enterprise, want 2", len(inEnt))
			}
			if overlaps(inEnt[0], inEnt[1]) {
				t.Errorf("the chips stack: %+v and %+v", inEnt[0], inEnt[1])
			}
			for _, r := range inEnt {
				if !(r.X >= ent.Bounds.X && r.Y >= ent.Bounds.Y && r.X+r.W <= ent.Bounds.X+ent.Bounds.W && r.Y+r.H <= ent.Bounds.Y+ent.Bounds.H) {
					t.Errorf("chip %+v is outside Enterprise %+v", r, ent.Bounds)
				}
			}
		})
	}
}

func TestSemanticZoomSwitchesBetweenSummaryAndDetail(t *testing.T) {
	u := newTestUI(t)
	cellZone := u.canvas.zones[model.StableID("z-cell")]
	plc := u.canvas.assets[model.StableID("a-plc")]
	t.Run("zoomed out, zones summarise their assets and chips are hidden", func(t *testing.T) {
		u.canvas.zoom = detailZoom * 0.8
		u.canvas.redraw()
		if plc.rect.Visible() {
			t.Error("the PLC chip is drawn although zoomed out")
		}
		if !cellZone.summary[0].Visible() || cellZone.summary[0].Text != "2 assets" {
			t.Errorf("Cell 1 summary %q (shown %v), want “2 assets”", cellZone.summary[0].Text, cellZone.summary[0].Visible())
		}
		if got := cellZone.summary[1].Text; !strings.Contains(got, "1 E") || !strings.Contains(got, "1 N") {
			t.Errorf("summary %q does not count the classes (1 E, 1 N)", got)
		}
	})
	t.Run("zoomed in, chips show their names and the summary goes", func(t *testing.T) {
		u.canvas.zoom = 1
		u.canvas.redraw()
		if !plc.rect.Visible() || plc.name.Text != "PLC 1" {
			t.Errorf("the PLC chip is not drawn with its name (%q)", plc.name.Text)
		}
		if cellZone.summary[0].Visible() {
			t.Error("the summary still shows when zoomed in")
		}
	})
}

func TestFindSelectsCentresAndZooms(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	p.Asset(model.StableID("a-plc")).IPs = []string{"10.20.30.40"}
	u.canvas.refresh()
	x := buildFindIndex(p, u.cat)
	for _, tc := range []struct {
		query string
		want  string
	}{
		{"plc", "PLC 1"},
		{"10.20.30", "PLC 1"},
		{"OT dmz", "OT DMZ"},
		{"sr 1.1", "SR 1.1"},
	} {
		t.Run("“"+tc.query+"” finds "+tc.want, func(t *testing.T) {
			got, n := x.match(tc.query, findLimit)
			if n == 0 || !strings.HasPrefix(x.entries[got[0]].display, tc.want) {
				t.Fatalf("first of %d results is %+v, want %q", n, got, tc.want)
			}
		})
	}
	t.Run("choosing an asset selects it, centres it and makes its name readable", func(t *testing.T) {
		u.canvas.zoom = minZoom
		u.canvas.redraw()
		got, _ := x.match("PLC", 1)
		u.goToFound(x.entries[got[0]])
		plc := ref{kindAsset, model.StableID("a-plc")}
		if u.sel.primary() != plc {
			t.Fatalf("selection %+v, want the PLC", u.sel.primary())
		}
		if u.canvas.zoom < detailZoom {
			t.Errorf("zoom %v, want at least %v so that chips show names", u.canvas.zoom, detailZoom)
		}
		b, _ := u.canvas.boundsOf(plc)
		tl, size := u.canvas.screenRect(b)
		mid, s := tl.Add(fyne.NewPos(size.Width/2, size.Height/2)), u.canvas.Size()
		if d := mid.Subtract(fyne.NewPos(s.Width/2, s.Height/2)); d.X*d.X+d.Y*d.Y > 4 {
			t.Errorf("the PLC is at %v, want the centre of the %v canvas", mid, s)
		}
		if u.tree.selected != "a:"+string(plc.ID) {
			t.Errorf("tree row %q is selected, want the PLC's", u.tree.selected)
		}
	})
	t.Run("choosing a zone fills the canvas with it", func(t *testing.T) {
		got, _ := x.match("Cell 1", 1)
		u.goToFound(x.entries[got[0]])
		z := zoneNamed(t, p, "Cell 1")
		if !inCanvas(u.canvas, z.Bounds) {
			t.Error("Cell 1 is not wholly in view")
		}
		if _, size := u.canvas.screenRect(z.Bounds); size.Width < u.canvas.Size().Width/2 && size.Height < u.canvas.Size().Height/2 {
			t.Errorf("Cell 1 is %v on a %v canvas: not zoomed to it", size, u.canvas.Size())
		}
	})
}

func TestFindBoxGoesToTheFirstResultOnEnter(t *testing.T) {
	u := newTestUI(t)
	u.showFind()
	e, ok := u.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("focus on %T, want the query field", u.win.Canvas().Focused())
	}
	test.Type(e, "histor")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := (ref{kindAsset, model.StableID("a-hist")}); u.sel.primary() != want {
		t.Errorf("selection %+v after Enter, want the Historian", u.sel.primary())
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the Find box is still open")
	}
}

func TestZoomKeysZoomAboutTheSelection(t *testing.T) {
	u := newTestUI(t)
	u.selectOnly(ref{kindAsset, model.StableID("a-hist")})
	b, _ := u.canvas.boundsOf(ref{kindAsset, model.StableID("a-hist")})
	before, _ := u.canvas.screenRect(b)
	u.canvas.TypedRune('+')
	after, _ := u.canvas.screenRect(b)
	_, size := u.canvas.screenRect(b)
	mid := after.Add(fyne.NewPos(size.Width/2, size.Height/2))
	if u.canvas.zoom <= 1 {
		t.Fatalf("zoom %v after +, want more than 1", u.canvas.zoom)
	}
	// the selection's centre stays where it was
	oldMid := before.Add(fyne.NewPos(float32(b.W)/2, float32(b.H)/2))
	if d := mid.Subtract(oldMid); d.X*d.X+d.Y*d.Y > 4 {
		t.Errorf("the selection moved from %v to %v while zooming", oldMid, mid)
	}
}

func TestConduitLabelsKeepClearOfChipsAndHeaders(t *testing.T) {
	path := []fyne.Position{{X: 0, Y: 100}, {X: 400, Y: 100}}
	m := fyne.NewSize(60, 16)
	for _, tc := range []struct {
		name  string
		chips []rectF
	}{
		{"nothing in the way: the middle", nil},
		{"a chip on the middle: beside it", []rectF{{170, 90, 60, 20}}},
		{"chips on the middle and the next places: further out", []rectF{{120, 90, 160, 20}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var obs obstacles
			obs.reset()
			for _, r := range tc.chips {
				obs.add(r)
			}
			p, ok := labelAlong(path, m, &obs)
			if !ok {
				t.Fatal("no clear place found on a line with room to the sides")
			}
			box := rectF{p.X - m.Width/2 - 4, p.Y - m.Height/2 - 2, m.Width + 8, m.Height + 4}
			for _, r := range tc.chips {
				if box.x < r.x+r.w && r.x < box.x+box.w && box.y < r.y+r.h && r.y < box.y+box.h {
					t.Errorf("label at %v covers chip %+v", p, r)
				}
			}
			if len(tc.chips) == 0 && p != fyne.NewPos(200, 100) {
				t.Errorf("label at %v, want the middle (200,100)", p)
			}
			var again obstacles
			again.reset()
			again.add(box)
			if q, _ := labelAlong(path, m, &again); q == p {
				t.Error("a second label went on top of the first")
			}
		})
	}
}

// hiddenAsset is an asset of the plant whose chip is behind its zone's
// "+N more", and that zone's count.
func hiddenAsset(t *testing.T, u *ui) (model.ID, int) {
	t.Helper()
	for _, a := range u.doc.Project.Assets {
		if _, drawn := u.canvas.plan.rects[a.ID]; !drawn && u.canvas.plan.more[a.ZoneID] > 0 {
			return a.ID, u.canvas.plan.more[a.ZoneID]
		}
	}
	t.Fatal("no asset of the plant is behind “+N more”")
	return "", 0
}

func TestFindAndTreeShowAnAssetHiddenBehindMore(t *testing.T) {
	for _, tc := range []struct {
		name string
		pick func(u *ui, id model.ID)
	}{
		{"chosen in Find", func(u *ui, id model.ID) {
			x := buildFindIndex(u.doc.Project, u.cat)
			i := slices.IndexFunc(x.entries, func(e findEntry) bool { return e.r.ID == id })
			u.goToFound(x.entries[i])
		}},
		{"selected in the tree", func(u *ui, id model.ID) { u.tree.onNodeSelected("a:" + string(id)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t)
			u.setDocument(newUnsavedDocument(model.Generate(50, 1000, 1)))
			u.canvas.Resize(fyne.NewSize(900, 600))
			u.canvas.fit()
			id, n := hiddenAsset(t, u)
			a := u.doc.Project.Asset(id)
			tc.pick(u, id)
			if u.sel.primary() != (ref{kindAsset, id}) {
				t.Fatalf("selection %+v, want asset %q", u.sel.primary(), a.Name)
			}
			r, drawn := u.canvas.assetRects[id]
			if !drawn || !u.canvas.assets[id].rect.Visible() {
				t.Fatalf("asset %q is still hidden behind “+%d more”", a.Name, n)
			}
			if !strings.HasPrefix(a.Name, strings.TrimSuffix(u.canvas.assets[id].name.Text, "…")) {
				t.Errorf("the chip reads %q, want %q", u.canvas.assets[id].name.Text, a.Name)
			}
			mid, s := fyne.NewPos((r[0].X+r[1].X)/2, (r[0].Y+r[1].Y)/2), u.canvas.Size()
			if d := mid.Subtract(fyne.NewPos(s.Width/2, s.Height/2)); d.X*d.X+d.Y*d.Y > 4 {
				t.Errorf("the chip is at %v, want the centre of the %v canvas", mid, s)
			}
			// the zone still says how many it does not show: one shown chip
			// made room for the found one
			more := u.canvas.zones[a.ZoneID].more
			if want := tr("canvas.more", map[string]any{"N": n}); !more.Visible() || more.Text != want {
				t.Errorf("the zone's count reads %q (shown %v), want %q", more.Text, more.Visible(), want)
			}
			for other, o := range u.canvas.assetRects {
				if other != id && o[0].X < r[1].X && r[0].X < o[1].X && o[0].Y < r[1].Y && r[0].Y < o[1].Y {
					t.Errorf("the found chip covers %q", u.doc.Project.Asset(other).Name)
				}
			}
			// selecting something else puts it back behind "+N more"
			u.selectOnly(ref{kindZone, a.ZoneID})
			if _, drawn := u.canvas.assetRects[id]; drawn {
				t.Error("the asset stays out after it is no longer selected")
			}
		})
	}
}

func TestConduitLabelsGoOnlyWhereThereIsRoom(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  func() *model.Project
		zoom float32 // times the fit
	}{
		{"the sample, fitted", model.Sample, 1},
		{"the sample, zoomed out", model.Sample, 0.5},
		{"a 1,000-asset plant, fitted", func() *model.Project { return model.Generate(50, 1000, 1) }, 1},
		{"a 1,000-asset plant, zoomed in", func() *model.Project { return model.Generate(50, 1000, 1) }, 4},
		{"a 1,000-asset plant after Layout, fitted", func() *model.Project {
			p := model.Generate(50, 1000, 1)
			if err := layoutCommand(p).Apply(p); err != nil {
				panic(err)
			}
			return p
		}, 1},
	} {
		overview := strings.Contains(tc.name, "Layout")
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t)
			u.setDocument(newUnsavedDocument(tc.doc()))
			c := u.canvas
			c.Resize(fyne.NewSize(1000, 450)) // the canvas at 1366×768
			c.fit()
			if tc.zoom != 1 {
				c.zoomBy(tc.zoom, fyne.NewPos(500, 225))
			}
			type named struct {
				what string
				r    rectF
			}
			textRect := func(o *canvas.Text) rectF {
				m := o.MinSize()
				return rectF{o.Position().X, o.Position().Y, m.Width, m.Height}
			}
			var shapes []named
			for id, s := range c.zones {
				z := u.doc.Project.Zone(id)
				if z == nil || !s.rect.Visible() {
					continue
				}
				for _, o := range append([]*canvas.Text{s.name, s.kind, s.more}, s.summary[:]...) {
					if o.Visible() {
						shapes = append(shapes, named{"“" + o.Text + "” of zone " + z.Name, textRect(o)})
					}
				}
				if s.badgeBg.Visible() {
					shapes = append(shapes, named{"the SL-T badge of zone " + z.Name, rectF{s.badgeBg.Position().X, s.badgeBg.Position().Y, s.badgeBg.Size().Width, s.badgeBg.Size().Height}})
				}
			}
			for id, r := range c.assetRects {
				shapes = append(shapes, named{"the chip of " + u.doc.Project.Asset(id).Name, rectF{r[0].X, r[0].Y, r[1].X - r[0].X, r[1].Y - r[0].Y}})
			}
			shown := 0
			var labels []named
			for id, s := range c.conduits {
				if s.labelBg == nil || !s.labelBg.Visible() {
					continue
				}
				shown++
				bg := rectF{s.labelBg.Position().X, s.labelBg.Position().Y, s.labelBg.Size().Width, s.labelBg.Size().Height}
				// a pixel of slack: the label's frame may touch a neighbour
				in := rectF{bg.x + 1, bg.y + 1, bg.w - 2, bg.h - 2}
				name := u.doc.Project.Conduit(id).Name
				for _, o := range append(shapes, labels...) {
					if in.x < o.r.x+o.r.w && o.r.x < in.x+in.w && in.y < o.r.y+o.r.h && o.r.y < in.y+in.h {
						t.Errorf("the label of conduit %s covers %s", name, o.what)
					}
				}
				labels = append(labels, named{"the label of conduit " + name, bg})
			}
			if shown == 0 && !overview {
				t.Error("no conduit label is shown at all")
			}
			if overview { // every zone says what it holds instead of unreadable chips
				for _, z := range u.doc.Project.Zones {
					s := c.zones[z.ID]
					if s == nil {
						t.Fatalf("zone %q is not drawn", z.Name)
					}
					below := s.summary[0].Visible() && strings.HasSuffix(s.summary[0].Text, " assets")
					n := 0
					for _, a := range u.doc.Project.Assets {
						if a.ZoneID == z.ID {
							n++
						}
					}
					inHeader := s.kind.Visible() && (strings.HasPrefix(s.kind.Text, fmt.Sprintf("%d assets", n)) || s.kind.Text == fmt.Sprint(n))
					// on the smallest boxes the SL-T badge keeps the line
					if !below && !inHeader && !s.badge.Visible() {
						t.Errorf("zone %q shows neither its asset count nor its SL-T on the overview (type line %q)", z.Name, s.kind.Text)
					}
				}
				if len(c.assetRects) != 0 {
					t.Errorf("%d chips drawn on the overview", len(c.assetRects))
				}
			}
		})
	}
}

func TestAssetsPlacedOnTheSameSpotInAFileDoNotStack(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	ent := zoneNamed(t, p, "Enterprise")
	spot := model.Point{X: 20, Y: 60}
	var ids []model.ID
	for i := range p.Assets {
		if p.Assets[i].ZoneID == ent.ID {
			p.Assets[i].Position = spot // as a hand-edited or imported file may have it
			ids = append(ids, p.Assets[i].ID)
		}
	}
	p.Assets = append(p.Assets, model.Asset{ID: "a-twin", Name: "ERP twin", ZoneID: ent.ID, Class: model.ClassHost, Position: spot})
	ids = append(ids, "a-twin")
	u.setDocument(newUnsavedDocument(p))
	var rs []model.Rect
	for _, id := range ids {
		r, ok := u.canvas.plan.rects[id]
		if !ok {
			t.Fatalf("asset %s has no chip", id)
		}
		if overlapsAny(r, rs) {
			t.Errorf("the chip of %s %+v lies on another of the same spot", id, r)
		}
		rs = append(rs, r)
	}
}
