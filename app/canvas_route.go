package app

import (
	"slices"

	"fyne.io/fyne/v2"

	"zonewise/model"
)

// Conduit routing: a conduit between two zones is drawn straight from
// border to border when that line crosses no other zone's box; otherwise
// along the shortest of a few orthogonal detours (an L, or a Z through the
// gaps beside the boxes in the way) that crosses fewest boxes. Zones that
// contain either end (parents) and zones inside either end are not in the
// way: a line must cross them.

// routeGap is how far (screen units) a detour keeps from the box it avoids.
const routeGap = 12

// zoneBoxes are the zones' screen rectangles of one redraw, for routing.
type zoneBoxes struct {
	ids   []model.ID
	rects []rectF
	// grid finds the boxes near a segment (built on first use)
	grid *boxGrid
}

// boxGrid buckets the boxes by the cells of a uniform grid they overlap,
// so that a path is tested only against the boxes along it: on the
// overview of a 500-zone plant a conduit's detours pass a few dozen boxes
// of the hundreds near its ends. The marks are per box: tested (by the
// segment under test), counted (crossed by the path under test) and
// whether the box is in the way of the route under test.
type boxGrid struct {
	x0, y0, cell float32
	cols, rows   int
	cells        [][]int32
	tested       []uint32
	counted      []uint32
	wayGen       []uint32
	way          []bool
	segGen       uint32
	pathGen      uint32
	routeGen     uint32
}

// index returns the boxes' grid, building it the first time.
func (b *zoneBoxes) index() *boxGrid {
	if b.grid != nil {
		return b.grid
	}
	g := &boxGrid{cell: 1}
	n := len(b.rects)
	g.tested, g.counted, g.wayGen, g.way = make([]uint32, n), make([]uint32, n), make([]uint32, n), make([]bool, n)
	b.grid = g
	if n == 0 {
		return g
	}
	x0, y0, x1, y1 := b.rects[0].x, b.rects[0].y, b.rects[0].x, b.rects[0].y
	var sw, sh float32
	for _, r := range b.rects {
		x0, y0 = min(x0, r.x), min(y0, r.y)
		x1, y1 = max(x1, r.x+r.w), max(y1, r.y+r.h)
		sw, sh = sw+r.w, sh+r.h
	}
	// cells about the size of an average box, at most 128 a side
	g.cell = max(sw/float32(n), sh/float32(n), (x1-x0)/128, (y1-y0)/128, 1)
	g.x0, g.y0 = x0, y0
	g.cols, g.rows = int((x1-x0)/g.cell)+1, int((y1-y0)/g.cell)+1
	g.cells = make([][]int32, g.cols*g.rows)
	for i, r := range b.rects {
		c0, r0, c1, r1 := g.span(r.x, r.y, r.x+r.w, r.y+r.h)
		for y := r0; y <= r1; y++ {
			for x := c0; x <= c1; x++ {
				g.cells[y*g.cols+x] = append(g.cells[y*g.cols+x], int32(i))
			}
		}
	}
	return g
}

// span is the range of cells (columns, rows) that the rectangle x0,y0 –
// x1,y1 overlaps, clamped to the grid.
func (g *boxGrid) span(x0, y0, x1, y1 float32) (c0, r0, c1, r1 int) {
	cl := func(v float32, n int) int { return min(max(int(v/g.cell), 0), n-1) }
	return cl(x0-g.x0, g.cols), cl(y0-g.y0, g.rows), cl(x1-g.x0, g.cols), cl(y1-g.y0, g.rows)
}

// crossings is n plus the number of boxes the path crosses among those
// inWay reports, counted only until it passes limit (then limit+1; a
// negative limit counts all). hit, when not nil, is called with each box
// counted.
func (g *boxGrid) crossings(b *zoneBoxes, pts []fyne.Position, inWay func(int) bool, n, limit int, hit func(int)) int {
	if len(g.cells) == 0 {
		return n
	}
	g.pathGen++
	for j := 1; j < len(pts); j++ {
		a, e := pts[j-1], pts[j]
		g.segGen++
		c0, r0, c1, r1 := g.span(min(a.X, e.X), min(a.Y, e.Y), max(a.X, e.X), max(a.Y, e.Y))
		for y := r0; y <= r1; y++ {
			for x := c0; x <= c1; x++ {
				for _, i := range g.cells[y*g.cols+x] {
					if g.tested[i] == g.segGen || g.counted[i] == g.pathGen {
						continue
					}
					g.tested[i] = g.segGen
					if !inWay(int(i)) || !segHits(a, e, b.rects[i]) {
						continue
					}
					g.counted[i] = g.pathGen
					n++
					if hit != nil {
						hit(int(i))
					}
					if limit >= 0 && n > limit {
						return n
					}
				}
			}
		}
	}
	return n
}

// boxesOf returns the screen rectangles of all zones (built once a redraw).
func (c *zoneCanvas) boxesOf(zs map[model.ID]*model.Zone) *zoneBoxes {
	b := &zoneBoxes{ids: make([]model.ID, 0, len(zs)), rects: make([]rectF, 0, len(zs))}
	for _, id := range c.zoneOrder {
		z, ok := zs[id]
		if !ok {
			continue
		}
		tl := c.toScreen(z.Bounds.X, z.Bounds.Y)
		b.ids = append(b.ids, id)
		b.rects = append(b.rects, rectF{tl.X, tl.Y, float32(z.Bounds.W) * c.zoom, float32(z.Bounds.H) * c.zoom})
	}
	return b
}

// routeHub places the hub of a conduit joining three or more zones (ids,
// boxes rects) where no box is, near their centre and with the fewest
// boxes between it and the zones, and routes a spoke from each zone to it.
func routeHub(zs map[model.ID]*model.Zone, boxes *zoneBoxes, ids []model.ID, rects []rectF) (fyne.Position, [][]fyne.Position) {
	var cx, cy float32
	for _, r := range rects {
		cx, cy = cx+r.centre().X, cy+r.centre().Y
	}
	cx, cy = cx/float32(len(rects)), cy/float32(len(rects))
	step := float32(40)
	for _, r := range rects {
		step = min(step, max(r.w, r.h)/4)
	}
	step = max(step, 8)
	inside := func(p fyne.Position) bool {
		for _, r := range boxes.rects {
			if r.contains(p) {
				return true
			}
		}
		return false
	}
	best, bestScore := fyne.NewPos(cx, cy), float32(-1)
	for dy := -3; dy <= 3; dy++ {
		for dx := -3; dx <= 3; dx++ {
			p := fyne.NewPos(cx+float32(dx)*step, cy+float32(dy)*step)
			if inside(p) {
				continue
			}
			hub := rectF{p.X - 1, p.Y - 1, 2, 2}
			score := float32(0)
			for i, r := range rects {
				pts := route(zs, boxes, ids[i], "", r, hub)
				score += pathLen(pts) + 1e6*float32(crossingsExcept(pts, boxes, ids[i], zs))
			}
			if bestScore < 0 || score < bestScore {
				best, bestScore = p, score
			}
		}
	}
	hub := rectF{best.X - 1, best.Y - 1, 2, 2}
	spokes := make([][]fyne.Position, len(rects))
	for i, r := range rects {
		spokes[i] = route(zs, boxes, ids[i], "", r, hub)
		spokes[i][len(spokes[i])-1] = best
	}
	return best, spokes
}

// crossingsExcept counts the boxes a path crosses other than zone id's
// and those of its parents and children.
func crossingsExcept(pts []fyne.Position, boxes *zoneBoxes, id model.ID, zs map[model.ID]*model.Zone) int {
	n := 0
	for i, bid := range boxes.ids {
		if bid == id || related(zs, bid, id) {
			continue
		}
		for j := 1; j < len(pts); j++ {
			if segHits(pts[j-1], pts[j], boxes.rects[i]) {
				n++
				break
			}
		}
	}
	return n
}

// related reports whether zone a contains b or b contains a (directly or
// further up).
func related(zs map[model.ID]*model.Zone, a, b model.ID) bool {
	within := func(in, out model.ID) bool {
		for z, n := zs[in], 0; z != nil && n < 64; n++ {
			if z.ParentID == out {
				return true
			}
			z = zs[z.ParentID]
		}
		return false
	}
	return within(a, b) || within(b, a)
}

// route returns the points of a conduit's line from zone box ra (ID ia) to
// rb (ib), starting and ending on the boxes' borders.
func route(zs map[model.ID]*model.Zone, boxes *zoneBoxes, ia, ib model.ID, ra, rb rectF) []fyne.Position {
	ca, cb := ra.centre(), rb.centre()
	straight := trimEnds([]fyne.Position{ca, cb}, ra, rb)
	if straight == nil { // overlapping boxes
		return []fyne.Position{ra.clip(ca, cb), rb.clip(cb, ca)}
	}
	// The boxes that may be in the way: those near both ends (a detour
	// never goes far), leaving out the ends and their parents and children.
	x0, y0 := min(ra.x, rb.x), min(ra.y, rb.y)
	x1, y1 := max(ra.x+ra.w, rb.x+rb.w), max(ra.y+ra.h, rb.y+rb.h)
	m := max(ra.w, ra.h, rb.w, rb.h)/2 + routeGap
	near := rectF{x0 - m, y0 - m, x1 - x0 + 2*m, y1 - y0 + 2*m}
	g := boxes.index()
	g.routeGen++
	inWay := func(i int) bool {
		if g.wayGen[i] == g.routeGen {
			return g.way[i]
		}
		r, id := boxes.rects[i], boxes.ids[i]
		w := !(r.x > near.x+near.w || r.x+r.w < near.x || r.y > near.y+near.h || r.y+r.h < near.y) &&
			!(id == ia || id == ib || related(zs, id, ia) || (ib != "" && related(zs, id, ib)))
		g.wayGen[i], g.way[i] = g.routeGen, w
		return w
	}
	var crossed []int // the boxes in the way the straight line crosses
	hits := g.crossings(boxes, straight, inWay, 0, -1, func(i int) { crossed = append(crossed, i) })
	if hits == 0 {
		return straight
	}
	// Candidate bends: the two Ls and Zs through the middle and through
	// the gaps beside each box the straight line crosses (in drawing order).
	slices.Sort(crossed)
	xs := []float32{(ca.X + cb.X) / 2}
	ys := []float32{(ca.Y + cb.Y) / 2}
	for _, i := range crossed {
		r := boxes.rects[i]
		xs = append(xs, r.x-routeGap, r.x+r.w+routeGap)
		ys = append(ys, r.y-routeGap, r.y+r.h+routeGap)
	}
	// ... and the gaps beside the end boxes themselves
	xs = append(xs, ra.x-routeGap, ra.x+ra.w+routeGap, rb.x-routeGap, rb.x+rb.w+routeGap)
	ys = append(ys, ra.y-routeGap, ra.y+ra.h+routeGap, rb.y-routeGap, rb.y+rb.h+routeGap)
	cands := [][]fyne.Position{
		{ca, fyne.NewPos(ca.X, cb.Y), cb},
		{ca, fyne.NewPos(cb.X, ca.Y), cb},
	}
	for _, x := range xs {
		cands = append(cands, []fyne.Position{ca, fyne.NewPos(x, ca.Y), fyne.NewPos(x, cb.Y), cb})
	}
	for _, y := range ys {
		cands = append(cands, []fyne.Position{ca, fyne.NewPos(ca.X, y), fyne.NewPos(cb.X, y), cb})
	}
	best, bestHits, bestLen := straight, hits, pathLen(straight)
	// A detour much longer than the straight line (around a whole row of
	// boxes) confuses more than it helps: then the line crosses.
	longest := bestLen*1.8 + 4*routeGap
	for _, c := range cands {
		pts := trimEnds(c, ra, rb)
		if pts == nil {
			continue
		}
		l := pathLen(pts) + float32(len(pts)-2)*20 // a bend costs a little
		if l > longest {
			continue
		}
		// A candidate wins with fewer crossings, or as many and shorter:
		// counting stops once it cannot win (most candidates on the
		// overview of a large plant).
		limit := bestHits - 1
		if l < bestLen {
			limit = bestHits
		}
		h := 0
		// the ends' own boxes must not be crossed again either
		if crossesAgain(pts, ra, rb) {
			h++
		}
		if h > limit {
			continue
		}
		h = g.crossings(boxes, pts, inWay, h, limit, nil)
		if h <= limit {
			best, bestHits, bestLen = pts, h, l
		}
	}
	return best
}

// trimEnds cuts a path from inside ra to inside rb down to the part between
// the borders: it starts where it last leaves ra and ends where it first
// enters rb. nil when it never leaves ra or never reaches rb.
func trimEnds(pts []fyne.Position, ra, rb rectF) []fyne.Position {
	// the last point still inside ra
	first := -1
	for i, p := range pts {
		if ra.contains(p) {
			first = i
		}
	}
	if first < 0 || first == len(pts)-1 {
		return nil
	}
	last := -1
	for i := first + 1; i < len(pts); i++ {
		if rb.contains(pts[i]) {
			last = i
			break
		}
	}
	if last < 0 {
		return nil
	}
	out := make([]fyne.Position, 0, last-first+1)
	out = append(out, ra.clip(pts[first], pts[first+1]))
	out = append(out, pts[first+1:last]...)
	out = append(out, rb.clip(pts[last], pts[last-1]))
	return out
}

// crossings counts the boxes a path crosses.
func crossings(pts []fyne.Position, boxes []rectF) int {
	n := 0
	for _, r := range boxes {
		for i := 1; i < len(pts); i++ {
			if segHits(pts[i-1], pts[i], r) {
				n++
				break
			}
		}
	}
	return n
}

// crossesAgain reports whether a trimmed path runs through its own end
// boxes between its ends (an L that leaves a box and turns back over it).
func crossesAgain(pts []fyne.Position, ra, rb rectF) bool {
	shrink := func(r rectF) rectF { return rectF{r.x + 1, r.y + 1, r.w - 2, r.h - 2} }
	sa, sb := shrink(ra), shrink(rb)
	for i := 1; i < len(pts); i++ {
		if (i > 1 && segHits(pts[i-1], pts[i], sa)) || (i < len(pts)-1 && segHits(pts[i-1], pts[i], sb)) {
			return true
		}
	}
	return false
}

func pathLen(pts []fyne.Position) float32 {
	l := float32(0)
	for i := 1; i < len(pts); i++ {
		l += dist(pts[i-1], pts[i])
	}
	return l
}

// segHits reports whether the segment a-b passes through the inside of r
// (Liang–Barsky clipping).
func segHits(a, b fyne.Position, r rectF) bool {
	// outside the box's span on either axis: no hit (most boxes a path is
	// tested against)
	if max(a.X, b.X) < r.x || min(a.X, b.X) > r.x+r.w || max(a.Y, b.Y) < r.y || min(a.Y, b.Y) > r.y+r.h {
		return false
	}
	t0, t1 := float32(0), float32(1)
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, e := range [4][2]float32{{-dx, a.X - r.x}, {dx, r.x + r.w - a.X}, {-dy, a.Y - r.y}, {dy, r.y + r.h - a.Y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q <= 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 >= t1 {
			return false
		}
	}
	return true
}

// reversed returns pts in reverse order (a new slice).
func reversed(pts []fyne.Position) []fyne.Position {
	out := make([]fyne.Position, len(pts))
	for i, p := range pts {
		out[len(pts)-1-i] = p
	}
	return out
}

// spanInView reports whether the rectangle spanning rs is (partly) in view:
// conduits off screen are not routed.
func (c *zoneCanvas) spanInView(rs []rectF) bool {
	x0, y0, x1, y1 := rs[0].x, rs[0].y, rs[0].x+rs[0].w, rs[0].y+rs[0].h
	for _, r := range rs[1:] {
		x0, y0, x1, y1 = min(x0, r.x), min(y0, r.y), max(x1, r.x+r.w), max(y1, r.y+r.h)
	}
	return c.inView(fyne.NewPos(x0, y0), fyne.NewSize(x1-x0, y1-y0))
}
