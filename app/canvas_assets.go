package app

import (
	"math"

	"zonewise/model"
)

// Where asset chips go in their zones. An asset with a Position keeps it;
// the others fill the free cells of a grid below the zone's header, in name
// order, skipping cells a placed chip covers, so that no two chips ever
// stack on the same spot. A dropped chip snaps to the nearest free cell.

// assetGrid is a zone's grid of chip cells, in model units.
type assetGrid struct {
	z          *model.Zone
	cols, rows int
	w          float64 // cell width
}

func gridOf(z *model.Zone) assetGrid {
	inner := z.Bounds.W - 2*assetPad
	cols := max(1, int((inner+assetGap)/(minAssetW+assetGap)))
	w := max(min((inner-float64(cols-1)*assetGap)/float64(cols), assetW), 40)
	rows := max(0, int((z.Bounds.H-zoneHeader-assetPad+assetGap)/(assetH+assetGap)))
	return assetGrid{z: z, cols: cols, rows: rows, w: w}
}

// cell is the absolute model rectangle of cell i (row-major; i may lie
// below the last row).
func (g assetGrid) cell(i int) model.Rect {
	return model.Rect{
		X: g.z.Bounds.X + assetPad + float64(i%g.cols)*(g.w+assetGap),
		Y: g.z.Bounds.Y + zoneHeader + float64(i/g.cols)*(assetH+assetGap),
		W: g.w, H: assetH,
	}
}

func overlaps(a, b model.Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

func overlapsAny(r model.Rect, rs []model.Rect) bool {
	for _, o := range rs {
		if overlaps(r, o) {
			return true
		}
	}
	return false
}

// placedRect is the absolute rectangle of an asset with a Position in z.
func placedRect(z *model.Zone, a *model.Asset) model.Rect {
	w := max(min(assetW, z.Bounds.W-a.Position.X-assetPad), minAssetW/2)
	return model.Rect{X: z.Bounds.X + a.Position.X, Y: z.Bounds.Y + a.Position.Y, W: w, H: assetH}
}

// assetPlan is where every chip of a project goes, with what each zone
// cannot show.
type assetPlan struct {
	// rects are the chips' absolute model rectangles; an asset hidden
	// behind its zone's "+N more" has none.
	rects map[model.ID]model.Rect
	// more counts each zone's hidden chips, moreAt is the cell that says so.
	more   map[model.ID]int
	moreAt map[model.ID]model.Rect
	// lastShown is the last chip a zone with "+N more" shows on its grid:
	// the one that makes room when a hidden asset is selected (shownChips).
	lastShown map[model.ID]model.ID
	// classes counts each zone's assets by class (AssetClasses order), for
	// the summary a zone shows when zoomed out.
	classes map[model.ID]*[4]int
}

var assetClassOrder = model.AssetClasses()

func classIndex(c model.AssetClass) int {
	for i, x := range assetClassOrder {
		if x == c {
			return i
		}
	}
	return -1
}

// planAssets places every asset of p (zs indexes p's zones).
func planAssets(p *model.Project, zs map[model.ID]*model.Zone) assetPlan {
	pl := assetPlan{
		rects: make(map[model.ID]model.Rect, len(p.Assets)), more: map[model.ID]int{},
		moreAt: map[model.ID]model.Rect{}, classes: make(map[model.ID]*[4]int, len(zs)),
		lastShown: map[model.ID]model.ID{},
	}
	placed := map[model.ID][]model.Rect{}
	autos := map[model.ID]int{}
	var stacked map[model.ID]bool // placed on another chip: on the grid
	for _, z := range zs {        // a nested zone covers cells of its parent's grid
		if _, ok := zs[z.ParentID]; ok && z.ParentID != z.ID {
			placed[z.ParentID] = append(placed[z.ParentID], z.Bounds)
		}
	}
	for i := range p.Assets {
		a := &p.Assets[i]
		z, ok := zs[a.ZoneID]
		if !ok {
			continue
		}
		cl := pl.classes[z.ID]
		if cl == nil {
			cl = &[4]int{}
			pl.classes[z.ID] = cl
		}
		if k := classIndex(a.Class); k >= 0 {
			cl[k]++
		}
		if a.Position != (model.Point{}) {
			// a chip placed on top of another (two assets of an imported
			// or hand-edited file at the same spot) goes to the grid
			// instead: it must not hide the other
			if r := placedRect(z, a); !overlapsAny(r, placed[z.ID]) {
				pl.rects[a.ID] = r
				placed[z.ID] = append(placed[z.ID], r)
				continue
			}
			if stacked == nil {
				stacked = map[model.ID]bool{}
			}
			stacked[a.ID] = true
		}
		autos[z.ID]++
	}
	type cursor struct {
		g    assetGrid
		free []int // free cells in order
		next int
	}
	cursors := map[model.ID]*cursor{}
	for _, a := range sortedByName(p.Assets, func(a *model.Asset) string { return a.Name }) {
		z, ok := zs[a.ZoneID]
		if !ok || (a.Position != (model.Point{}) && !stacked[a.ID]) {
			continue
		}
		cu := cursors[z.ID]
		if cu == nil {
			cu = &cursor{g: gridOf(z)}
			for i := 0; i < cu.g.cols*cu.g.rows; i++ {
				if !overlapsAny(cu.g.cell(i), placed[z.ID]) {
					cu.free = append(cu.free, i)
				}
			}
			cursors[z.ID] = cu
		}
		k := cu.next
		cu.next++
		if autos[z.ID] > len(cu.free) && k >= len(cu.free)-1 {
			pl.more[z.ID]++ // the last free cell says "+N more"
			if len(cu.free) > 0 {
				pl.moreAt[z.ID] = cu.g.cell(cu.free[len(cu.free)-1])
			}
			continue
		}
		pl.rects[a.ID] = cu.g.cell(cu.free[k])
		if autos[z.ID] > len(cu.free) && k == len(cu.free)-2 {
			pl.lastShown[z.ID] = a.ID
		}
	}
	return pl
}

// shownChips brings selected assets out from behind their zone's "+N
// more": each takes the cell of the zone's last shown chip, which goes
// behind "+N more" in its stead (the count stays right), or, when the zone
// shows no chip but "+N more", that cell. One per zone (the first
// selected); the chips are drawn where they are found (Find, the tree).
type shownChips struct {
	in       map[model.ID]model.Rect // hidden asset → the cell it is drawn in
	out      map[model.ID]bool       // chips hidden to make room
	moreGone map[model.ID]bool       // zones whose "+N more" cell shows the asset instead
}

// update works out the swaps for the selected asset IDs.
func (sc *shownChips) update(pl *assetPlan, p *model.Project, selected []model.ID) {
	if sc.in == nil {
		sc.in, sc.out, sc.moreGone = map[model.ID]model.Rect{}, map[model.ID]bool{}, map[model.ID]bool{}
	}
	clear(sc.in)
	clear(sc.out)
	clear(sc.moreGone)
	if len(selected) == 0 {
		return
	}
	done := map[model.ID]bool{}
	for _, id := range selected {
		if _, drawn := pl.rects[id]; drawn {
			continue
		}
		a := p.Asset(id)
		if a == nil || pl.more[a.ZoneID] == 0 || done[a.ZoneID] {
			continue
		}
		if last, ok := pl.lastShown[a.ZoneID]; ok {
			sc.in[id], sc.out[last] = pl.rects[last], true
		} else if at, ok := pl.moreAt[a.ZoneID]; ok {
			sc.in[id], sc.moreGone[a.ZoneID] = at, true
		} else {
			continue // the zone has no cell at all: its box stands for it
		}
		done[a.ZoneID] = true
	}
}

// rect is where the chip of asset id is drawn, false when it is not.
func (sc *shownChips) rect(pl *assetPlan, id model.ID) (model.Rect, bool) {
	if r, ok := sc.in[id]; ok {
		return r, true
	}
	if sc.out[id] {
		return model.Rect{}, false
	}
	r, ok := pl.rects[id]
	return r, ok
}

// freeSlot is the Position (relative to z) of the grid cell nearest to the
// wanted position that no other chip of the zone covers; when every cell
// is taken, the first cell below the grid (the zone must grow to show it).
func freeSlot(pl assetPlan, p *model.Project, z *model.Zone, self model.ID, want model.Point) model.Point {
	var others []model.Rect
	for i := range p.Assets {
		a := &p.Assets[i]
		if a.ZoneID != z.ID || a.ID == self {
			continue
		}
		if r, ok := pl.rects[a.ID]; ok {
			others = append(others, r)
		}
	}
	wantAbs := model.Rect{X: z.Bounds.X + want.X, Y: z.Bounds.Y + want.Y, W: assetW, H: assetH}
	if wantAbs.X+assetW <= z.Bounds.X+z.Bounds.W && wantAbs.Y+assetH <= z.Bounds.Y+z.Bounds.H &&
		want.Y >= zoneHeader-assetGap && !overlapsAny(placedRect(z, &model.Asset{Position: want}), others) {
		return want // a free spot inside the zone: it stays where it was dropped
	}
	g := gridOf(z)
	best, bestD := -1, math.Inf(1)
	n := g.cols * g.rows
	for i := 0; i < n; i++ {
		c := g.cell(i)
		if overlapsAny(c, others) {
			continue
		}
		if d := math.Hypot(c.X-wantAbs.X, c.Y-wantAbs.Y); d < bestD {
			best, bestD = i, d
		}
	}
	if best < 0 {
		for best = n; overlapsAny(g.cell(best), others); best++ {
		}
	}
	c := g.cell(best)
	return model.Point{X: c.X - z.Bounds.X, Y: c.Y - z.Bounds.Y}
}
