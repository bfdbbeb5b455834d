package render

import (
	"context"
	"fmt"
	"image/color"
	"math"
	"strconv"

	"github.com/goccy/go-graphviz"

	"zonewise/model"
	"zonewise/risk"
)

// A board is the diagram as drawn: Graphviz places the zones and conduits
// as fixed-size boxes (their sizes measured here, see card.go), routes the
// conduit lines and draws the bands, clusters, title and legend; this
// package then paints the zone cards and conduit labels into the boxes. So
// the cost of Graphviz grows with zones and conduits, not with assets: the
// 10,000-asset plant's diagram went from 3.6 s to well under one.
//
// Boxes are sized in points; Graphviz takes inches.
const pointsPerInch = 72.0

// boxes holds the measured cards of a scene, for the skeleton DOT.
type boxes struct {
	zones    map[model.ID]card
	conduits []card // by index in scene.conduits
}

// measure lays out every zone card and conduit label of the scene.
func (s *scene) measure(p *model.Project) *boxes {
	b := &boxes{zones: make(map[model.ID]card, len(s.zones)), conduits: make([]card, len(s.conduits))}
	w := &dotWriter{s: s}
	for _, z := range s.zones {
		st, sl := w.zoneStyle(z)
		b.zones[z.ID] = s.zoneCard(z, st, sl)
	}
	for i, c := range s.conduits {
		b.conduits[i] = conduitCard(s.c, c, len(s.conduitZones(c)) > 2, s.stubs && s.compact)
	}
	return b
}

// board lays out the scene with Graphviz (zones and conduits as boxes) and
// paints it into a Drawing.
func (s *scene) board(ctx context.Context, p *model.Project, v View) (*Drawing, *gvGraph, error) {
	s.drawing = true
	s.boxes = s.measure(p)
	// A part of a split overview is drawn direct too: its many label
	// nodes between two rows made it wider than any page.
	s.direct = len(s.zones)+len(s.conduits) > largeGraphNodes || (s.stubs && s.compact)
	out, err := layoutDOT(ctx, s.dot(p, v), graphviz.Format("json"))
	if err != nil {
		return nil, nil, fmt.Errorf("lay out diagram of %q: %w", p.Name, err)
	}
	g, err := parseGraph(out)
	if err != nil {
		return nil, nil, fmt.Errorf("lay out diagram of %q: %w", p.Name, err)
	}
	d, err := s.paint(g)
	if err != nil {
		return nil, nil, fmt.Errorf("lay out diagram of %q: %w", p.Name, err)
	}
	if err := s.checkIDs(d.ids()); err != nil {
		return nil, nil, fmt.Errorf("lay out diagram of %q: %w", p.Name, err)
	}
	return d, g, nil
}

// paint builds the drawing: clusters, zone cards, conduit lines, conduit
// labels, then bands, legend and title.
func (s *scene) paint(g *gvGraph) (*Drawing, error) {
	x0, y0, x1, y1 := g.bounds()
	d := &Drawing{Width: x1 - x0, Height: y1 - y0, groups: []svgGroup{{}}}
	tr := func(p [2]float64) pt { return pt{p[0] - x0, y1 - p[1]} }
	byID := make(map[string]*gvObject, len(g.Objects))
	for i := range g.Objects {
		if g.Objects[i].ID != "" {
			byID[g.Objects[i].ID] = &g.Objects[i]
		}
	}
	grouped := func(id, class, tip string, fn func()) {
		n := len(d.shapes)
		fn()
		k := int32(0)
		if id != "" {
			d.groups = append(d.groups, svgGroup{id: id, class: class, tip: tip})
			k = int32(len(d.groups) - 1)
		}
		for i := n; i < len(d.shapes); i++ {
			d.shapes[i].grp = k
		}
	}
	for _, o := range g.Objects {
		if o.Pos == "" { // clusters: the backgrounds of nested zones
			grouped(o.ID, o.Class, o.Tooltip, func() {
				d.add(o.Draw, tr, false)
				d.add(o.LDraw, tr, false)
			})
		}
	}
	place := func(o *gvObject, c card) error {
		cx, cy, _, _, err := nodeBox(o)
		if err != nil {
			return err
		}
		at := tr([2]float64{cx, cy})
		ox, oy := at.X-c.w/2, at.Y-c.h/2
		grouped(o.ID, o.Class, o.Tooltip, func() {
			for _, sh := range c.shapes {
				sh.pts = offset(sh.pts, ox, oy)
				d.shapes = append(d.shapes, sh)
			}
		})
		return nil
	}
	for _, z := range s.zones {
		o := byID[zoneIDPrefix+safeID(string(z.ID))]
		if o == nil {
			continue // reported by checkIDs
		}
		if err := place(o, s.boxes.zones[z.ID]); err != nil {
			return nil, fmt.Errorf("zone %q (%s): %w", z.Name, z.ID.Short(), err)
		}
	}
	for _, e := range g.Edges {
		if e.Style == "invis" {
			continue
		}
		grouped(e.ID, e.Class, e.Tooltip, func() {
			d.add(e.Draw, tr, true)
			for _, ops := range [][]xop{e.HDraw, e.TDraw, e.LDraw, e.HLDraw, e.TLDraw} {
				d.add(ops, tr, false)
			}
		})
	}
	if s.direct {
		s.drawLines(d, byID, tr, grouped)
	}
	for i, c := range s.conduits {
		o := byID[conduitIDPrefix+safeID(string(c.ID))]
		if mid, ok := s.mids[i]; ok && o == nil { // a direct line's label
			lc := s.boxes.conduits[i]
			grouped(conduitIDPrefix+safeID(string(c.ID)), "conduit conduit-"+typeClass(string(c.Type), c.Type.Valid())+" label", conduitTipText(c), func() {
				for _, sh := range lc.shapes {
					sh.pts = offset(sh.pts, mid.X-lc.w/2, mid.Y-lc.h/2)
					d.shapes = append(d.shapes, sh)
				}
			})
			continue
		}
		if o == nil {
			continue
		}
		if err := place(o, s.boxes.conduits[i]); err != nil {
			return nil, fmt.Errorf("conduit %q (%s): %w", c.Name, c.ID.Short(), err)
		}
	}
	for _, o := range g.Objects {
		if o.Pos != "" && len(o.Draw)+len(o.LDraw) > 0 { // bands and legend
			grouped(o.ID, o.Class, o.Tooltip, func() {
				d.add(o.Draw, tr, false)
				d.add(o.LDraw, tr, false)
			})
		}
	}
	d.add(g.LDraw, tr, false)
	return d, nil
}

// rect is a placed box in drawing coordinates.
type rect struct{ x, y, w, h float64 }

func (r rect) centre() pt { return pt{r.x + r.w/2, r.y + r.h/2} }

// clip returns where the segment from r's centre towards p leaves r.
func (r rect) clip(p pt) pt {
	c := r.centre()
	dx, dy := p.X-c.X, p.Y-c.Y
	if dx == 0 && dy == 0 {
		return c
	}
	t := 1.0
	if dx != 0 {
		t = min(t, r.w/2/abs(dx))
	}
	if dy != 0 {
		t = min(t, r.h/2/abs(dy))
	}
	return pt{c.X + dx*t, c.Y + dy*t}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// drawLines draws the conduit lines of a direct board as straight lines
// between the boxes Graphviz placed: zone to zone with the label in the
// middle, or from a hub box to each zone.
func (s *scene) drawLines(d *Drawing, byID map[string]*gvObject, tr func([2]float64) pt, grouped func(id, class, tip string, fn func())) {
	box := func(id string, c card) (rect, bool) {
		o := byID[id]
		if o == nil {
			return rect{}, false
		}
		cx, cy, _, _, err := nodeBox(o)
		if err != nil {
			return rect{}, false
		}
		at := tr([2]float64{cx, cy})
		return rect{at.X - c.w/2, at.Y - c.h/2, c.w, c.h}, true
	}
	s.mids = map[int]pt{}
	for i, c := range s.conduits {
		st := styleForConduit(c.Type)
		zones := s.conduitZones(c)
		id := conduitIDPrefix + safeID(string(c.ID))
		class := "conduit conduit-" + typeClass(string(c.Type), c.Type.Valid())
		tip := conduitTipText(c)
		line := func(k int, from, to pt, arrow bool) {
			grouped(id+"-"+strconv.Itoa(k), class, tip, func() {
				sh := shape{kind: shapePolyline, pts: []pt{from, to}, pen: parseColor(st.color), width: st.penw, dash: styleDash(st.style)}
				d.shapes = append(d.shapes, sh)
				if arrow {
					d.shapes = append(d.shapes, arrowHead(from, to, parseColor(st.color)))
				}
			})
		}
		rects := make([]rect, len(zones))
		ok := true
		for k, z := range zones {
			rects[k], ok = box(zoneIDPrefix+safeID(string(z.ID)), s.boxes.zones[z.ID])
			if !ok {
				break
			}
		}
		if !ok {
			continue // reported by checkIDs
		}
		if len(zones) == 2 {
			a, b := rects[0], rects[1]
			pa, pb := a.clip(b.centre()), b.clip(a.centre())
			mid := pt{(pa.X + pb.X) / 2, (pa.Y + pb.Y) / 2}
			up := st.oneWay && oneWayUp(c, zones[0], zones[1])
			line(1, mid, pa, up)
			line(2, mid, pb, st.oneWay && !up)
			s.mids[i] = mid
			continue
		}
		hub, ok := box(id, s.boxes.conduits[i])
		if !ok {
			continue
		}
		for k, r := range rects {
			line(k+1, hub.clip(r.centre()), r.clip(hub.centre()), st.oneWay)
		}
	}
}

// styleDash is the dash pattern of a Graphviz edge style.
func styleDash(style string) []float64 {
	switch style {
	case "dashed":
		return []float64{5, 2}
	case "dotted":
		return []float64{1, 5}
	}
	return nil
}

// arrowHead is a filled triangle at the end of the line from a to b.
func arrowHead(a, b pt, c color.NRGBA) shape {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		l = 1
	}
	ux, uy := dx/l, dy/l
	const size = 8.0
	base := pt{b.X - ux*size, b.Y - uy*size}
	return shape{kind: shapePolygon, filled: true, fill: c, pen: c, width: 1,
		pts: []pt{b, {base.X - uy*size/2.5, base.Y + ux*size/2.5}, {base.X + uy*size/2.5, base.Y - ux*size/2.5}}}
}

func offset(ps []pt, dx, dy float64) []pt {
	out := make([]pt, len(ps))
	for i, p := range ps {
		out[i] = pt{p.X + dx, p.Y + dy}
	}
	return out
}

// boxNode writes the attributes of a fixed-size invisible node of c's size:
// Graphviz places it and ends conduit lines at its border.
func boxNode(c card) string {
	return fmt.Sprintf(`shape=box style=invis fixedsize=true width=%.4f height=%.4f label=""`, (c.w+1)/pointsPerInch, (c.h+1)/pointsPerInch)
}

// Draw lays out the diagram of p for view v and returns its geometry for
// painting. r may be nil.
func Draw(ctx context.Context, p *model.Project, r *risk.Result, v View) (*Drawing, error) {
	d, _, err := newScene(p, r, v).board(ctx, p, v)
	return d, err
}
