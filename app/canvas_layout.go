package app

import (
	"cmp"
	"math"
	"slices"

	"fyne.io/fyne/v2"

	"zonewise/model"
)

// The canvas's own layout (the Layout button): zones in rows by Purdue
// level, the highest at the top, each zone sized to show all its asset
// chips and its nested zones, the rows wrapped to a width that gives the
// plant about the shape of a screen, so that Fit shows a 50-zone plant whole and
// readable. Chips go back to the automatic grid of their zone. It needs no
// Graphviz and takes milliseconds for 500 zones.

// Spacing of the layout, in model units: between zones of a band (room for
// a conduit label), between rows and between bands.
const (
	layoutGapX   = 70.0
	layoutGapY   = 60.0
	layoutBandY  = 90.0
	layoutMinW   = 300.0
	layoutAspect = 16.0 / 9
)

// zoneBox is a zone's size in the layout and where its content goes.
type zoneBox struct {
	z        *model.Zone
	w, h     float64
	cols     int        // asset grid columns
	gridH    float64    // height of the asset grid
	children []*zoneBox // nested zones, in a row below the grid
}

// sizeZone sizes a zone for its n automatic chips, its name and its nested
// zones (laid out first).
func sizeZone(z *model.Zone, nAssets map[model.ID]int, kids map[model.ID][]*model.Zone, depth int) *zoneBox {
	b := &zoneBox{z: z}
	n := nAssets[z.ID]
	nameW := float64(fyne.MeasureText(orUntitled(z.Name), 16, fyne.TextStyle{Bold: true}).Width) + 2*assetPad + 20
	b.w = max(layoutMinW, nameW)
	if n > 0 {
		// About twice as wide as tall: chips are wide and short.
		b.cols = max(1, int(math.Round(math.Sqrt(float64(n)/3))))
		rows := (n + b.cols - 1) / b.cols
		b.w = max(b.w, 2*assetPad+float64(b.cols)*(assetW+assetGap)-assetGap)
		b.gridH = float64(rows) * (assetH + assetGap)
	}
	b.h = zoneHeader + b.gridH + assetPad
	if depth < 8 {
		var rowW, rowH float64
		for _, k := range kids[z.ID] {
			c := sizeZone(k, nAssets, kids, depth+1)
			b.children = append(b.children, c)
			rowW += c.w + assetPad*2
			rowH = max(rowH, c.h)
		}
		if len(b.children) > 0 {
			b.w = max(b.w, rowW+assetPad*2)
			b.h += rowH + assetPad*2
		}
	}
	// Just wide enough for the grid: fill the width with columns so that no
	// chip cell is narrower than the chip.
	return b
}

// place sets the bounds of the zone at (x, y) and of its nested zones.
func (b *zoneBox) place(x, y float64, out map[model.ID]model.Rect) {
	out[b.z.ID] = model.Rect{X: x, Y: y, W: b.w, H: b.h}
	cx := x + assetPad*2
	cy := y + zoneHeader + b.gridH + assetPad
	for _, c := range b.children {
		c.place(cx, cy, out)
		cx += c.w + assetPad*2
	}
}

// planLayout computes the bounds of every zone of p.
func planLayout(p *model.Project) map[model.ID]model.Rect {
	ids := make(map[model.ID]*model.Zone, len(p.Zones))
	for i := range p.Zones {
		ids[p.Zones[i].ID] = &p.Zones[i]
	}
	nAssets := map[model.ID]int{}
	for i := range p.Assets {
		nAssets[p.Assets[i].ZoneID]++
	}
	kids := map[model.ID][]*model.Zone{}
	var tops []*model.Zone
	for i := range p.Zones {
		z := &p.Zones[i]
		if _, ok := ids[z.ParentID]; ok && !inCycle(p, z.ID) {
			kids[z.ParentID] = append(kids[z.ParentID], z)
		} else {
			tops = append(tops, z)
		}
	}
	byName := func(a, b *model.Zone) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) }
	for _, k := range kids {
		slices.SortFunc(k, byName)
	}
	// Bands by Purdue level, highest first; within a band, by name.
	slices.SortFunc(tops, func(a, b *model.Zone) int {
		return cmp.Or(-cmp.Compare(a.PurdueLevel, b.PurdueLevel), byName(a, b))
	})
	boxes := make([]*zoneBox, len(tops))
	area, widest := 0.0, 0.0
	for i, z := range tops {
		boxes[i] = sizeZone(z, nAssets, kids, 0)
		area += (boxes[i].w + layoutGapX) * (boxes[i].h + layoutGapY)
		widest = max(widest, boxes[i].w)
	}
	width := max(widest, math.Sqrt(area*layoutAspect))
	out := make(map[model.ID]model.Rect, len(p.Zones))
	// Rows in reading order, highest level first. A new Purdue level starts
	// a new row when the current row is already half full, so that large
	// plants read as bands and a small one still has a screen's shape
	// instead of a tall strip of one zone per level.
	x, y, rowH := 0.0, 0.0, 0.0
	for i, b := range boxes {
		newLevel := i > 0 && b.z.PurdueLevel != boxes[i-1].z.PurdueLevel
		if x > 0 && (x+b.w > width || (newLevel && x > width/2)) {
			gap := layoutGapY
			if newLevel {
				gap = layoutBandY
			}
			x, y, rowH = 0, y+rowH+gap, 0
		}
		b.place(x, y, out)
		x += b.w + layoutGapX
		rowH = max(rowH, b.h)
	}
	return out
}

// layoutCommand is the layout as one undoable command: every zone moved
// and sized, every chip back on its zone's automatic grid; nil when
// nothing changes.
func layoutCommand(p *model.Project) model.Command {
	bounds := planLayout(p)
	var cmds []model.Command
	for i := range p.Zones {
		z := p.Zones[i]
		if b, ok := bounds[z.ID]; ok && b != z.Bounds {
			z.Bounds = b
			cmds = append(cmds, &model.Update[model.Zone]{After: model.Clone(z), Field: "bounds"})
		}
	}
	for i := range p.Assets {
		a := p.Assets[i]
		if a.Position != (model.Point{}) {
			a.Position = model.Point{}
			cmds = append(cmds, &model.Update[model.Asset]{After: model.Clone(a), Field: "position"})
		}
	}
	if len(cmds) == 0 {
		return nil
	}
	return &model.Batch{Name: tr("canvas.layout.undo"), Commands: cmds}
}
