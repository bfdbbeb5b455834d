package render

import (
	"fmt"
	"math"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/risk"
)

// A detail drawing shows one zone for a document: its card with every
// asset (counted per class above maxDetailAssets), and for each of its
// conduits the conduit's label and the zone at the other end as a
// neighbour box: zones of a higher Purdue level above, lower below, the
// same level to the right. It is laid out here, without Graphviz: a star
// around one card needs no search, and a CRS of a 500-zone plant draws 500
// of them.
const (
	detailGap      = 28.0  // between the card and a row of neighbours
	detailSlotGap  = 14.0  // between neighbour slots
	detailMaxWidth = 560.0 // a row of neighbours wraps beyond this
	detailMargin   = 8.0
)

// DetailDrawing lays out the detail drawing of zone id of p (see above);
// r may be nil. It fails when p has no such zone.
func DetailDrawing(p *model.Project, r *risk.Result, id model.ID) (*Drawing, error) {
	return DetailDrawingIn(p, r, id, i18n.EN)
}

// DetailDrawingIn is DetailDrawing with the drawing's own words (title,
// card lines, conduit tags) in language l.
func DetailDrawingIn(p *model.Project, r *risk.Result, id model.ID, l i18n.Lang) (*Drawing, error) {
	z := p.Zone(id)
	if z == nil {
		return nil, fmt.Errorf("detail drawing of %q: no zone with ID %s", p.Name, id)
	}
	s := newScene(p, r, View{Zones: []model.ID{id}, Lang: l})
	s.boxes = s.measure(p)
	d := &Drawing{groups: []svgGroup{{}}}
	add := func(gid, class, tip string, c card, x, y float64) {
		g := int32(0)
		if gid != "" {
			d.groups = append(d.groups, svgGroup{id: gid, class: class, tip: tip})
			g = int32(len(d.groups) - 1)
		}
		for _, sh := range c.shapes {
			sh.pts = offset(sh.pts, x, y)
			sh.grp = g
			d.shapes = append(d.shapes, sh)
		}
	}
	focus := s.boxes.zones[id]
	w := &dotWriter{s: s}
	_, sl := w.zoneStyle(z)

	// Slots: one per (conduit, other zone).
	type slot struct {
		ci      int
		k       int // line number within the conduit, for its id
		zone    *model.Zone
		w, h    float64
		stub    card
		label   card
		placing int // -1 above, 0 beside, 1 below
	}
	var above, beside, below []*slot
	for i, c := range s.conduits {
		k := 1
		for _, oz := range s.conduitZones(c) {
			if oz.ID == id {
				continue
			}
			k++
			sl := &slot{ci: i, k: k, zone: oz, stub: s.boxes.zones[oz.ID], label: s.boxes.conduits[i]}
			switch {
			case oz.PurdueLevel > z.PurdueLevel:
				sl.placing = -1
				above = append(above, sl)
			case oz.PurdueLevel < z.PurdueLevel:
				sl.placing = 1
				below = append(below, sl)
			default:
				beside = append(beside, sl)
			}
		}
	}
	// One row above and one below, as many slots as fit
	// detailMaxWidth; the rest in columns left (and, for the same Purdue
	// level, right) of the card, so that no line crosses another
	// neighbour.
	var left []*slot
	fit := func(slots []*slot) []*slot {
		width := 0.0
		for n, sl := range slots {
			sl.w = max(sl.stub.w, sl.label.w)
			sl.h = sl.stub.h + 6 + sl.label.h
			if n > 0 && width+detailSlotGap+sl.w > max(detailMaxWidth, focus.w) {
				left = append(left, slots[n:]...)
				return slots[:n]
			}
			width += sl.w + detailSlotGap
		}
		return slots
	}
	above, below = fit(above), fit(below)
	for _, sl := range left {
		sl.placing = 2
	}
	type placed struct {
		sl          *slot
		label, stub rect
	}
	var all []placed
	cardRect := rect{0, 0, focus.w, focus.h}
	cx := focus.w / 2
	// With a right-hand column and nothing below, the column hangs from
	// the card's top edge and a row above wider than the card starts at
	// the card's left edge instead of widening the drawing on the left as
	// well: the row then lies above the column, clear of it.
	hang := len(beside) > 0 && len(left) == 0 && len(below) == 0
	row := func(slots []*slot, dir float64) {
		width, h := -detailSlotGap, 0.0
		for _, sl := range slots {
			width += sl.w + detailSlotGap
			h = max(h, sl.h)
		}
		x := cx - width/2
		if hang && dir < 0 {
			x = max(x, 0)
		}
		for _, sl := range slots {
			pl := placed{sl: sl}
			sx := x + (sl.w-sl.stub.w)/2
			lx := x + (sl.w-sl.label.w)/2
			if dir < 0 { // above: stub on top, label next to the card
				ly := -detailGap - sl.label.h
				pl.label = rect{lx, ly, sl.label.w, sl.label.h}
				pl.stub = rect{sx, ly - 6 - sl.stub.h, sl.stub.w, sl.stub.h}
			} else {
				ly := focus.h + detailGap
				pl.label = rect{lx, ly, sl.label.w, sl.label.h}
				pl.stub = rect{sx, ly + sl.label.h + 6, sl.stub.w, sl.stub.h}
			}
			all = append(all, pl)
			x += sl.w + detailSlotGap
		}
	}
	row(above, -1)
	row(below, 1)
	column := func(slots []*slot, right bool) {
		h := -detailSlotGap
		for _, sl := range slots {
			sl.h = sl.stub.h + 4 + sl.label.h
			h += sl.h + detailSlotGap
		}
		y := focus.h/2 - h/2
		if right && hang {
			y = 0
		}
		for _, sl := range slots {
			pl := placed{sl: sl}
			if right { // label over its stub, next to the card: the
				// drawing stays narrow enough for a portrait page
				pl.label = rect{focus.w + detailGap, y, sl.label.w, sl.label.h}
				pl.stub = rect{focus.w + detailGap, y + sl.label.h + 4, sl.stub.w, sl.stub.h}
			} else { // stub over its label, right-aligned towards the card
				pl.stub = rect{-detailGap - sl.stub.w, y, sl.stub.w, sl.stub.h}
				pl.label = rect{-detailGap - sl.label.w, y + sl.stub.h + 4, sl.label.w, sl.label.h}
			}
			all = append(all, pl)
			y += sl.h + detailSlotGap
		}
	}
	column(beside, true)
	column(left, false)
	// Normalise: the title on top, everything below it.
	x0, y0, x1, y1 := 0.0, 0.0, focus.w, focus.h
	for _, pl := range all {
		for _, r := range []rect{pl.label, pl.stub} {
			x0, y0, x1, y1 = min(x0, r.x), min(y0, r.y), max(x1, r.x+r.w), max(y1, r.y+r.h)
		}
	}
	const titleH = 24.0
	m := detailMargin
	dx, dy := m-x0, m+titleH-y0
	shift := func(r rect) rect { return rect{r.x + dx, r.y + dy, r.w, r.h} }
	cardRect = shift(cardRect)
	for i := range all {
		all[i].label, all[i].stub = shift(all[i].label), shift(all[i].stub)
	}
	width, height := x1-x0, y1-y0+titleH
	title := clean(z.Name, maxNameRunes)
	var tb cardBuilder
	heading := s.c.T("diagram.detail.title", map[string]string{"Zone": title})
	tb.text(0, 14, heading, 12, true, false, black, 'l')
	add("", "", "", card{shapes: tb.shapes}, m, m)
	for _, pl := range all {
		c := s.conduits[pl.sl.ci]
		cs := styleForConduit(c.Type)
		cid := conduitIDPrefix + safeID(string(c.ID))
		class := "conduit conduit-" + typeClass(string(c.Type), c.Type.Valid())
		pen := parseColor(cs.color)
		seg := func(k int, a, b pt, arrow bool) {
			d.groups = append(d.groups, svgGroup{id: cid + "-" + fmt.Sprint(k), class: class, tip: conduitTipText(c)})
			g := int32(len(d.groups) - 1)
			d.shapes = append(d.shapes, shape{kind: shapePolyline, pts: []pt{a, b}, pen: pen, width: cs.penw, dash: styleDash(cs.style), grp: g})
			if arrow {
				ah := arrowHead(a, b, pen)
				ah.grp = g
				d.shapes = append(d.shapes, ah)
			}
		}
		// card → label, label → neighbour; a one-way conduit gets its
		// arrow at the receiving end.
		up := cs.oneWay && oneWayFrom(c, pl.sl.zone, z)
		seg(1, cardRect.clip(pl.label.centre()), pl.label.clip(cardRect.centre()), false)
		seg(pl.sl.k, pl.label.clip(pl.stub.centre()), pl.stub.clip(pl.label.centre()), cs.oneWay && !up)
		if up {
			a, b := pl.label.clip(cardRect.centre()), cardRect.clip(pl.label.centre())
			ah := arrowHead(a, b, pen)
			ah.grp = int32(len(d.groups) - 1)
			d.shapes = append(d.shapes, ah)
		}
	}
	add(zoneIDPrefix+safeID(string(id)), "zone zone-"+typeClass(string(z.Type), z.Type.Valid()), zoneTip(z, sl, s.assets[id]), focus, cardRect.x, cardRect.y)
	seen := map[string]bool{}
	for _, pl := range all {
		c := s.conduits[pl.sl.ci]
		cid := conduitIDPrefix + safeID(string(c.ID))
		gid := cid
		if seen[cid] {
			gid = "" // a hub's label drawn again for its next zone
		}
		seen[cid] = true
		add(gid, "conduit conduit-"+typeClass(string(c.Type), c.Type.Valid())+" label", conduitTipText(c), pl.sl.label, pl.label.x, pl.label.y)
		oz := pl.sl.zone
		_, zsl := w.zoneStyle(oz)
		add(zoneIDPrefix+safeID(string(oz.ID))+"-stub-"+fmt.Sprint(pl.sl.ci), "zone neighbour", zoneTip(oz, zsl, nil), pl.sl.stub, pl.stub.x, pl.stub.y)
	}
	d.Width = math.Ceil(width + 2*m)
	d.Height = math.Ceil(height + 2*m)
	d.Width = max(d.Width, textWidth(heading, 12, true)+2*m)
	return d, nil
}

// oneWayFrom reports whether the one-way flow of conduit c runs from zone
// from to zone to, by its data flows; without flows, data leaves the lower
// Purdue level (as oneWayUp assumes).
func oneWayFrom(c *model.Conduit, from, to *model.Zone) bool {
	for _, f := range c.Flows {
		switch {
		case f.From == from.ID && f.To == to.ID:
			return true
		case f.From == to.ID && f.To == from.ID:
			return false
		}
	}
	return from.PurdueLevel < to.PurdueLevel
}
