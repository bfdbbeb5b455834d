package app

import (
	"math"

	"fyne.io/fyne/v2"
)

// obstacles are what a conduit label must not cover, in screen
// coordinates: the chips and zone headers in view and the labels placed so
// far. They are kept in buckets of a coarse grid so that a label is checked
// against its neighbours only (hundreds of conduits on a redraw).
type obstacles struct {
	buckets map[[2]int32][]rectF
}

const obstacleCell = 96

func (o *obstacles) reset() {
	if o.buckets == nil {
		o.buckets = map[[2]int32][]rectF{}
	}
	for k, v := range o.buckets {
		o.buckets[k] = v[:0]
	}
}

func (o *obstacles) span(r rectF) (x0, y0, x1, y1 int32) {
	f := func(v float32) int32 { return int32(math.Floor(float64(v / obstacleCell))) }
	return f(r.x), f(r.y), f(r.x + r.w), f(r.y + r.h)
}

func (o *obstacles) add(r rectF) {
	x0, y0, x1, y1 := o.span(r)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			o.buckets[[2]int32{x, y}] = append(o.buckets[[2]int32{x, y}], r)
		}
	}
}

func (o *obstacles) hits(r rectF) bool {
	x0, y0, x1, y1 := o.span(r)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, b := range o.buckets[[2]int32{x, y}] {
				if r.x < b.x+b.w && b.x < r.x+r.w && r.y < b.y+b.h && b.y < r.y+r.h {
					return true
				}
			}
		}
	}
	return false
}

// collectObstacles fills c.obs from the chips, "+N more" cells, zone
// headers and summaries of the last placeAssets and drawZones.
func (c *zoneCanvas) collectObstacles() {
	c.obs.reset()
	for _, r := range c.assetRects {
		c.obs.add(rectF{r[0].X, r[0].Y, r[1].X - r[0].X, r[1].Y - r[0].Y})
	}
	for id, s := range c.zones {
		if s.more.Visible() { // the "+N more" cell is a chip's
			tl, size := c.screenRect(c.plan.moreAt[id])
			c.obs.add(rectF{tl.X, tl.Y, size.Width, size.Height})
		}
		if s.rect.Visible() && s.name.Visible() {
			c.obs.add(rectF{s.tl.X, s.tl.Y, s.size.Width, s.headerTo - s.tl.Y})
		}
		for i, t := range s.summary {
			if t.Visible() {
				w := min(s.summaryFit[i].unit*t.TextSize, s.size.Width)
				c.obs.add(rectF{t.Position().X, t.Position().Y, w, t.TextSize * 1.3})
			}
		}
	}
}

// labelAlong is where a label of size m goes on the path pts: the first of
// a few points along it, from the middle outwards, where the label covers
// no chip, zone header or summary or other label, else beside its middle;
// the middle and false when nothing near the line is clear.
func labelAlong(pts []fyne.Position, m fyne.Size, obs *obstacles) (fyne.Position, bool) {
	total := float32(0)
	for i := 1; i < len(pts); i++ {
		total += dist(pts[i-1], pts[i])
	}
	at := func(f float32) fyne.Position {
		d := total * f
		for i := 1; i < len(pts); i++ {
			l := dist(pts[i-1], pts[i])
			if d <= l || i == len(pts)-1 {
				t := float32(0)
				if l > 0 {
					t = min(d/l, 1)
				}
				return fyne.NewPos(pts[i-1].X+(pts[i].X-pts[i-1].X)*t, pts[i-1].Y+(pts[i].Y-pts[i-1].Y)*t)
			}
			d -= l
		}
		return pts[0]
	}
	box := func(p fyne.Position) rectF {
		return rectF{p.X - m.Width/2 - 4, p.Y - m.Height/2 - 2, m.Width + 8, m.Height + 4}
	}
	for _, f := range []float32{0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8} {
		if p := at(f); !obs.hits(box(p)) {
			obs.add(box(p))
			return p, true
		}
	}
	// Nothing clear along the line: beside its middle, above, below, left
	// or right, where that is clear.
	p := at(0.5)
	for _, d := range []fyne.Position{{X: 0, Y: -(m.Height + 6)}, {X: 0, Y: m.Height + 6}, {X: -(m.Width + 10), Y: 0}, {X: m.Width + 10, Y: 0}} {
		if q := p.Add(d); !obs.hits(box(q)) {
			obs.add(box(q))
			return q, true
		}
	}
	obs.add(box(p))
	return p, false
}

func dist(a, b fyne.Position) float32 {
	return float32(math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y)))
}
