package render

import (
	"context"
	"fmt"
	"math"

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
	s.allAssets = true
	_, g, err := s.board(ctx, p, View{})
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
		node := byID[zoneIDPrefix+sid]
		if node == nil {
			return nil, fmt.Errorf("lay out %q: zone %q (%s) missing from the layout", p.Name, z.Name, z.ID.Short())
		}
		cx, cy, _, _, err := nodeBox(node)
		if err != nil {
			return nil, fmt.Errorf("lay out %q: zone %q (%s): %w", p.Name, z.Name, z.ID.Short(), err)
		}
		c := s.boxes.zones[z.ID]
		card := toRect(cx-c.w/2, cy-c.h/2, cx+c.w/2, cy+c.h/2)
		bounds := card
		if grp := byID[zoneGroupIDPrefix+sid]; grp != nil {
			if bb, err := parseFloats(grp.BB, 4); err == nil {
				bounds = toRect(bb[0], bb[1], bb[2], bb[3])
			}
		}
		l.Zones = append(l.Zones, ZoneBounds{ID: z.ID, Bounds: bounds})
		for _, a := range c.assets {
			a.Position = model.Point{X: round2(a.Position.X + card.X - bounds.X), Y: round2(a.Position.Y + card.Y - bounds.Y)}
			l.Assets = append(l.Assets, a)
		}
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
