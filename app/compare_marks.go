package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"zonewise/changes"
	"zonewise/model"
)

// changeMark is how a comparison (File ▸ Compare with…) marks an object on
// the canvas: added since the earlier revision, or changed (a field of it,
// or its assessment). Removed objects are not in the model any more; the
// comparison window lists them.
type changeMark uint8

const (
	markNone changeMark = iota
	markAdded
	markChanged
)

// changeMarks are the marks of the open comparison, by object ID, and per
// zone the number of its assets that are marked (shown on the zone when the
// chips are not drawn: zoomed out, or behind "+N more").
type changeMarks struct {
	byID    map[model.ID]changeMark
	inZones map[model.ID]int
}

// of returns the mark of an object (markNone without a comparison).
func (m *changeMarks) of(id model.ID) changeMark {
	if m == nil {
		return markNone
	}
	return m.byID[id]
}

// marksFrom makes the canvas marks of a comparison report: added and
// changed zones, conduits and assets. An object whose assessment changed
// (SL-T, gap, residual risk) counts as changed.
func marksFrom(rep *changes.Report, p *model.Project) *changeMarks {
	m := &changeMarks{byID: map[model.ID]changeMark{}, inZones: map[model.ID]int{}}
	onCanvas := func(kind string) bool { return kind == "zone" || kind == "conduit" || kind == "asset" }
	exists := map[model.ID]bool{}
	for i := range p.Zones {
		exists[p.Zones[i].ID] = true
	}
	for i := range p.Conduits {
		exists[p.Conduits[i].ID] = true
	}
	for i := range p.Assets {
		exists[p.Assets[i].ID] = true
	}
	for _, a := range rep.Added {
		if onCanvas(a.Kind) && a.ID != "" {
			m.byID[a.ID] = markAdded
		}
	}
	changed := func(r changes.Ref) {
		if onCanvas(r.Kind) && exists[r.ID] && m.byID[r.ID] == markNone {
			m.byID[r.ID] = markChanged
		}
	}
	for _, c := range rep.Changed {
		changed(c.Ref)
	}
	for _, a := range rep.Assessment {
		changed(a.Ref)
	}
	for i := range p.Assets {
		if m.byID[p.Assets[i].ID] != markNone {
			m.inZones[p.Assets[i].ZoneID]++
		}
	}
	return m
}

// markColor is the colour of a mark: green for added, amber for changed
// (told apart by the tag's word too, not by colour alone).
func markColor(k changeMark) color.Color {
	if k == markAdded {
		return color.NRGBA{30, 160, 70, 255}
	}
	return color.NRGBA{235, 140, 0, 255}
}

// markTag is the tag a marked zone shows: "added", "changed", or the
// number of its marked assets; short, "+", "Δ", "Δ 3".
func markTag(k changeMark, assets int, short bool) string {
	key := "canvas.mark.assets"
	switch k {
	case markAdded:
		key = "canvas.mark.added"
	case markChanged:
		key = "canvas.mark.changed"
	}
	if short {
		key += ".short"
	}
	return tr(key, map[string]any{"N": assets})
}

// zoneMark draws a zone's comparison mark: a coloured frame around the box
// and a tag ("added", "changed") in its bottom-right corner; a zone that is
// itself unchanged but holds marked assets that are not drawn as chips
// gets the tag "N assets changed" only. It follows update (s.tl, s.size).
type zoneMark struct {
	frame, tagBg *canvas.Rectangle
	tag          *canvas.Text
	tagFor       string
	tagTS        float32
	tagSize      fyne.Size
}

func newZoneMark() *zoneMark {
	return &zoneMark{frame: canvas.NewRectangle(color.Transparent), tagBg: canvas.NewRectangle(color.Transparent), tag: canvas.NewText("", color.White)}
}

func (m *zoneMark) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{m.frame, m.tagBg, m.tag}
}

func (m *zoneMark) hide() { hideAll(m.objects()) }

// show draws the mark k of a zone drawn at tl, size (screen), with assets
// marked assets among those not drawn as chips.
func (m *zoneMark) show(k changeMark, assets int, tl fyne.Position, size fyne.Size, zoom float32) {
	if k == markNone && assets == 0 {
		m.hide()
		return
	}
	col := markColor(k)
	if k == markNone {
		m.frame.Hide()
	} else {
		w := max(3, 4*zoom) * presentScale()
		setRect(m.frame, tl.Subtract(fyne.NewPos(w, w)), size.Add(fyne.NewSize(2*w, 2*w)), color.Transparent, col, w, 12*zoom)
	}
	// The tag sits on the box's top edge at the right, like a badge, clear
	// of the name and the summary inside; a small box gets the short form
	// ("+", "Δ", "Δ 3").
	ts := max(canvasMinText, min(12*zoom, 16)) * presentScale()
	for _, short := range []bool{false, true} {
		text := markTag(k, assets, short)
		if m.tagFor != text || m.tagTS != ts {
			m.tagFor, m.tagTS, m.tagSize = text, ts, fyne.MeasureText(text, ts, fyne.TextStyle{Bold: true})
		}
		if m.tagSize.Width+8 <= size.Width*0.45 {
			break
		}
	}
	bw, bh := m.tagSize.Width+8, m.tagSize.Height+2
	if bw > size.Width-8 || bh > size.Height/2 {
		m.tagBg.Hide()
		m.tag.Hide()
		return
	}
	text := m.tagFor
	pos := tl.Add(fyne.NewPos(size.Width-bw-8*zoom-4, -bh/2))
	setRect(m.tagBg, pos, fyne.NewSize(bw, bh), col, color.Transparent, 0, 3)
	setText(m.tag, text, pos.Add(fyne.NewPos(4, 1)), ts, color.White, true)
}

// markChip frames an asset chip drawn at tl, size in the colour of its mark.
func markChip(r *canvas.Rectangle, k changeMark, tl fyne.Position, size fyne.Size) {
	if k == markNone {
		if r.Visible() {
			r.Hide()
		}
		return
	}
	w := float32(3)
	setRect(r, tl.Subtract(fyne.NewPos(w, w)), size.Add(fyne.NewSize(2*w, 2*w)), color.Transparent, markColor(k), w, 6)
}

// haloWidth is how much wider than the conduit its mark's underlay is.
const haloWidth = 8

// halo draws a broad translucent band in the mark's colour under the
// segments of a marked conduit (drawn before the conduit's own lines).
func (s *conduitShape) halo(k changeMark, width float32, pts ...fyne.Position) {
	if k == markNone {
		return
	}
	col := withAlpha(markColor(k), 150)
	for i := 1; i < len(pts); i++ {
		setLine(s.line(), pts[i-1], pts[i], col, width+haloWidth*presentScale())
	}
}

// drawZoneMarks draws the comparison marks of the zones in view, after
// placeAssets has decided which chips are drawn: a zone counts its marked
// assets that are not.
func (c *zoneCanvas) drawZoneMarks(p *model.Project) {
	m := c.sess.marks
	var hidden map[model.ID]int
	if m != nil && len(m.inZones) > 0 {
		hidden = make(map[model.ID]int, len(m.inZones))
		for i := range p.Assets {
			a := &p.Assets[i]
			if m.byID[a.ID] == markNone {
				continue
			}
			if _, drawn := c.assetRects[a.ID]; !drawn {
				hidden[a.ZoneID]++
			}
		}
	}
	for id, s := range c.zones {
		if m == nil || !s.rect.Visible() {
			s.mark.hide()
			continue
		}
		s.mark.show(m.byID[id], hidden[id], s.tl, s.size, c.zoom)
	}
}
