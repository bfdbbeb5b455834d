package render

import (
	"context"
	"fmt"
	"math"
	"strings"

	"zonewise/model"
)

// Layout is an automatic arrangement of a project's canvas computed by
// Graphviz: zones in Purdue bands, nested zones inside their parent. All
// values are model coordinates (points at 100 % zoom, origin top left, y
// down).
type Layout struct {
	// Width and Height are the extent of the whole arrangement.
	Width, Height float64
	// Zones holds the new bounds of every zone, in the diagram's zone order.
	Zones []ZoneBounds
	// Assets holds the position of every asset relative to its zone's
	// top-left corner.
	Assets []AssetPosition
}

// ZoneBounds is the laid-out rectangle of one zone. A zone with nested zones
// encloses them.
type ZoneBounds struct {
	ID     model.ID
	Bounds model.Rect
}

// AssetPosition is the laid-out position of one asset within its zone.
type AssetPosition struct {
	ID       model.ID
	ZoneID   model.ID
	Position model.Point
}

// AutoLayout asks Graphviz to arrange every zone and asset of p (without
// assessment colours, listing every asset on its zone) and returns the
// result in model coordinates, for the canvas's auto-layout.
func AutoLayout(ctx context.Context, p *model.Project) (*Layout, error) {
	s := newScene(p, nil, View{})
	s.allAssets, s.drawing = true, true
	g, err := layoutSceneJSON(ctx, p, s, View{})
	if err != nil {
		return nil, err
	}
	x0, y0, x1, y1 := g.bounds()
	l := &Layout{Width: round2(x1 - x0), Height: round2(y1 - y0)}
	toRect := func(llx, lly, urx, ury float64) model.Rect {
		return model.Rect{X: round2(llx - x0), Y: round2(y1 - ury), W: round2(urx - llx), H: round2(ury - lly)}
	}
	byID := map[string]*gvObject{}
	for i := range g.Objects {
		if g.Objects[i].ID != "" {
			byID[g.Objects[i].ID] = &g.Objects[i]
		}
	}
	for _, z := range s.zones {
		sid := safeID(string(z.ID))
		card := byID[zoneIDPrefix+sid]
		if card == nil {
			return nil, fmt.Errorf("lay out %q: zone %q (%s) missing from the layout", p.Name, z.Name, z.ID.Short())
		}
		cx, cy, w, h, err := nodeBox(card)
		if err != nil {
			return nil, fmt.Errorf("lay out %q: zone %q (%s): %w", p.Name, z.Name, z.ID.Short(), err)
		}
		bounds := toRect(cx-w/2, cy-h/2, cx+w/2, cy+h/2)
		if grp := byID[zoneGroupIDPrefix+sid]; grp != nil {
			if bb, err := parseFloats(grp.BB, 4); err == nil {
				bounds = toRect(bb[0], bb[1], bb[2], bb[3])
			}
		}
		l.Zones = append(l.Zones, ZoneBounds{ID: z.ID, Bounds: bounds})
		l.Assets = append(l.Assets, assetPositions(card, s.assets[z.ID], bounds, x0, y1)...)
	}
	return l, nil
}

// nodeBox returns a node's centre and size in points (y up).
func nodeBox(o *gvObject) (cx, cy, w, h float64, err error) {
	c, err := parseFloats(o.Pos, 2)
	if err != nil {
		return 0, 0, 0, 0, fmt.Errorf("position: %w", err)
	}
	wh, err := parseFloats(o.Width+","+o.Height, 2)
	if err != nil {
		return 0, 0, 0, 0, fmt.Errorf("size: %w", err)
	}
	return c[0], c[1], wh[0] * 72, wh[1] * 72, nil
}

// assetPositions finds each asset's row on its zone card: the text
// operations after the two header lines, matched by displayed name in
// order. A row that cannot be found is stacked below the previous one.
func assetPositions(card *gvObject, assets []*model.Asset, zone model.Rect, x0, y1 float64) []AssetPosition {
	type textOp struct{ x, top float64 }
	var texts []struct {
		text string
		op   textOp
	}
	size := 10.0
	for _, op := range card.LDraw {
		switch op.Op {
		case "F":
			size = op.Size
		case "T":
			texts = append(texts, struct {
				text string
				op   textOp
			}{strings.TrimSpace(op.Text), textOp{op.Pt[0] - x0, y1 - op.Pt[1] - size}})
		}
	}
	next := min(2, len(texts)) // skip the zone name and its info line
	var out []AssetPosition
	last := model.Point{X: 6, Y: 36}
	for i, a := range assets {
		want := drawingText(clean(a.Name, maxAssetRunes))
		if want == "" {
			want = "(unnamed asset)"
		}
		pos := model.Point{X: last.X, Y: last.Y + 18}
		if i == 0 {
			pos = last
		}
		for j := next; j < len(texts); j++ {
			if texts[j].text == want {
				x := texts[j].op.x
				if j > 0 && len([]rune(texts[j-1].text)) == 1 { // the class glyph before the name
					x = texts[j-1].op.x
				}
				pos = model.Point{X: round2(x - zone.X), Y: round2(texts[j].op.top - zone.Y)}
				next = j + 1
				break
			}
		}
		last = pos
		out = append(out, AssetPosition{ID: a.ID, ZoneID: a.ZoneID, Position: pos})
	}
	return out
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// LayoutCommand returns one undoable edit that applies l to p: new bounds
// for every zone whose bounds change and new positions for every asset whose
// position changes. Conduit routes are cleared, since hand-drawn bends no
// longer fit the new arrangement. It returns nil when nothing would change.
func LayoutCommand(p *model.Project, l *Layout) model.Command {
	var cmds []model.Command
	for _, zb := range l.Zones {
		z := p.Zone(zb.ID)
		if z == nil || z.Bounds == zb.Bounds {
			continue
		}
		after := model.Clone(*z)
		after.Bounds = zb.Bounds
		cmds = append(cmds, &model.Update[model.Zone]{After: after, Field: "bounds"})
	}
	for _, ap := range l.Assets {
		a := p.Asset(ap.ID)
		if a == nil || a.Position == ap.Position {
			continue
		}
		after := model.Clone(*a)
		after.Position = ap.Position
		cmds = append(cmds, &model.Update[model.Asset]{After: after, Field: "position"})
	}
	for i := range p.Conduits {
		c := &p.Conduits[i]
		if len(c.Route) == 0 {
			continue
		}
		after := model.Clone(*c)
		after.Route = nil
		cmds = append(cmds, &model.Update[model.Conduit]{After: after, Field: "route"})
	}
	if len(cmds) == 0 {
		return nil
	}
	return &model.Batch{Name: "Auto-layout", Commands: cmds}
}
