package render

import (
	"bytes"
	"context"
	"testing"

	"zonewise/model"
)

func inside(inner, outer model.Rect) bool {
	const eps = 0.5
	return inner.X >= outer.X-eps && inner.Y >= outer.Y-eps &&
		inner.X+inner.W <= outer.X+outer.W+eps && inner.Y+inner.H <= outer.Y+outer.H+eps
}

func TestAutoLayout(t *testing.T) {
	p, _ := fixture()
	l, err := AutoLayout(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	bounds := map[model.ID]model.Rect{}
	for _, zb := range l.Zones {
		bounds[zb.ID] = zb.Bounds
	}
	t.Run("every zone gets bounds inside the diagram", func(t *testing.T) {
		for _, z := range p.Zones {
			b, ok := bounds[z.ID]
			if !ok {
				t.Errorf("zone %q has no bounds", z.Name)
				continue
			}
			if b.W <= 0 || b.H <= 0 || !inside(b, model.Rect{W: l.Width, H: l.Height}) {
				t.Errorf("zone %q bounds %+v not inside %gx%g", z.Name, b, l.Width, l.Height)
			}
		}
	})
	t.Run("nested zones lie inside their parent", func(t *testing.T) {
		for _, z := range p.Zones {
			if z.ParentID != "" && !inside(bounds[z.ID], bounds[z.ParentID]) {
				t.Errorf("zone %q %+v not inside its parent %+v", z.Name, bounds[z.ID], bounds[z.ParentID])
			}
		}
	})
	t.Run("higher Purdue levels are above lower ones", func(t *testing.T) {
		for _, a := range p.Zones {
			for _, b := range p.Zones {
				if a.PurdueLevel > b.PurdueLevel && a.ParentID == "" && b.ParentID == "" && len(newScene(p, nil, View{}).children[a.ID]) == 0 &&
					bounds[a.ID].Y >= bounds[b.ID].Y {
					t.Errorf("zone %q (L%g) is not above %q (L%g)", a.Name, a.PurdueLevel, b.Name, b.PurdueLevel)
				}
			}
		}
	})
	t.Run("every asset is placed inside its zone", func(t *testing.T) {
		if len(l.Assets) != len(p.Assets) {
			t.Fatalf("%d asset positions, want %d", len(l.Assets), len(p.Assets))
		}
		for _, ap := range l.Assets {
			zb := bounds[ap.ZoneID]
			if ap.Position.X < 0 || ap.Position.Y < 0 || ap.Position.X > zb.W || ap.Position.Y > zb.H {
				t.Errorf("asset %s at %+v outside its zone %gx%g", ap.ID.Short(), ap.Position, zb.W, zb.H)
			}
		}
	})
	t.Run("assets of one zone do not share a position", func(t *testing.T) {
		seen := map[model.ID]map[model.Point]bool{}
		for _, ap := range l.Assets {
			if seen[ap.ZoneID] == nil {
				seen[ap.ZoneID] = map[model.Point]bool{}
			}
			if seen[ap.ZoneID][ap.Position] {
				t.Errorf("two assets at %+v", ap.Position)
			}
			seen[ap.ZoneID][ap.Position] = true
		}
	})
	t.Run("the layout command applies and reverts to the same bytes", func(t *testing.T) {
		p.Conduits[0].Route = []model.Point{{X: 1, Y: 2}}
		before, err := model.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		cmd := LayoutCommand(p, l)
		if cmd == nil {
			t.Fatal("no command for a project never laid out")
		}
		if err := cmd.Apply(p); err != nil {
			t.Fatal(err)
		}
		if z := p.Zone(l.Zones[0].ID); z.Bounds != l.Zones[0].Bounds {
			t.Errorf("bounds %+v after apply, want %+v", z.Bounds, l.Zones[0].Bounds)
		}
		if len(p.Conduits[0].Route) != 0 {
			t.Error("conduit route kept after auto-layout")
		}
		if LayoutCommand(p, l) != nil {
			t.Error("a second auto-layout with the same result should change nothing")
		}
		cmd.Revert(p)
		after, _ := model.Marshal(p)
		if !bytes.Equal(before, after) {
			t.Error("revert does not restore the project")
		}
	})
}
