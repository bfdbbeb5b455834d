package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"zonewise/model"
)

// TestChipsNeverCoverTheSLTBadges: at every zoom, in normal and in
// presentation mode (larger header text), no asset chip is drawn over a
// zone's SL-T badge: chips wait until the header fits above them.
func TestChipsNeverCoverTheSLTBadges(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	for _, pres := range []bool{false, true} {
		u.setPresentation(pres)
		for _, z := range []float32{0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.5} {
			u.canvas.zoom, u.canvas.offset = z, fyne.Position{}
			u.canvas.redraw()
			for id, s := range u.canvas.zones {
				if !s.badgeBg.Visible() {
					continue
				}
				bt, bs := s.badgeBg.Position(), s.badgeBg.Size()
				for aid, r := range u.canvas.assetRects {
					if a := p.Asset(aid); a == nil || a.ZoneID != id {
						continue
					}
					if r[0].X < bt.X+bs.Width && bt.X < r[1].X && r[0].Y < bt.Y+bs.Height && bt.Y < r[1].Y {
						t.Errorf("presentation %v, zoom %.1f: a chip of zone %s covers its SL-T badge", pres, z, p.Zone(id).Name)
					}
				}
			}
		}
	}
	u.setPresentation(false)
}

// TestSLTBadgesStayInsideNarrowZones: a zone too narrow for its SL-T badge
// sets it smaller or leaves it out; it never sticks out of the box.
func TestSLTBadgesStayInsideNarrowZones(t *testing.T) {
	u := newTestUI(t)
	now := model.CloneProject(u.doc.Project)
	now.Zones = append(now.Zones, model.Zone{ID: model.StableID("z-narrow"), Name: "Narrow", Type: model.ZoneControl, PurdueLevel: 1, Bounds: model.Rect{X: 700, Y: 40, W: 90, H: 140}})
	u.do(&replaceProject{after: now, label: "narrow zone"})
	shown := 0
	for _, z := range []float32{0.2, 0.3, 0.5, 0.8, 1, 1.5, 2} {
		u.canvas.zoom, u.canvas.offset = z, fyne.Position{}
		u.canvas.redraw()
		for id, s := range u.canvas.zones {
			if !s.badgeBg.Visible() {
				continue
			}
			if id == model.StableID("z-narrow") {
				shown++
			}
			p, sz := s.badgeBg.Position(), s.badgeBg.Size()
			if p.X < s.tl.X || p.X+sz.Width > s.tl.X+s.size.Width+0.5 {
				t.Errorf("zoom %.1f: the SL-T badge of %s (x %.0f–%.0f) sticks out of its box (x %.0f–%.0f)",
					z, u.doc.Project.Zone(id).Name, p.X, p.X+sz.Width, s.tl.X, s.tl.X+s.size.Width)
			}
		}
	}
	if shown == 0 {
		t.Error("the narrow zone never shows its SL-T badge, at any zoom")
	}
}
