package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"zonewise/model"
)

// routeFixture builds zone boxes from rectangles (screen = model here).
func routeFixture(rs map[string]rectF, parents map[string]string) (map[model.ID]*model.Zone, *zoneBoxes) {
	zs := map[model.ID]*model.Zone{}
	b := &zoneBoxes{}
	for name, r := range rs {
		id := model.ID(name)
		zs[id] = &model.Zone{ID: id, Name: name, ParentID: model.ID(parents[name])}
		b.ids = append(b.ids, id)
		b.rects = append(b.rects, r)
	}
	return zs, b
}

func onBorder(p fyne.Position, r rectF) bool {
	near := func(a, b float32) bool { return a-b < 0.01 && b-a < 0.01 }
	inX, inY := p.X >= r.x-0.01 && p.X <= r.x+r.w+0.01, p.Y >= r.y-0.01 && p.Y <= r.y+r.h+0.01
	return (inY && (near(p.X, r.x) || near(p.X, r.x+r.w))) || (inX && (near(p.Y, r.y) || near(p.Y, r.y+r.h)))
}

func TestAConduitRunsStraightWhenNothingIsInTheWay(t *testing.T) {
	a, b := rectF{0, 0, 100, 100}, rectF{300, 0, 100, 100}
	zs, boxes := routeFixture(map[string]rectF{"a": a, "b": b, "far": {0, 400, 100, 100}}, nil)
	got := route(zs, boxes, "a", "b", a, b)
	want := []fyne.Position{{X: 100, Y: 50}, {X: 300, Y: 50}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("route = %v, want %v", got, want)
	}
}

func TestAConduitGoesAroundABoxInTheWay(t *testing.T) {
	a, b, c := rectF{0, 0, 100, 100}, rectF{300, 0, 100, 100}, rectF{150, -20, 100, 140}
	zs, boxes := routeFixture(map[string]rectF{"a": a, "b": b, "c": c}, nil)
	got := route(zs, boxes, "a", "b", a, b)
	if n := crossings(got, []rectF{c}); n != 0 {
		t.Errorf("route %v crosses the box between the zones", got)
	}
	if !onBorder(got[0], a) || !onBorder(got[len(got)-1], b) {
		t.Errorf("route %v does not start and end on the zones' borders", got)
	}
	if crossesAgain(got, a, b) {
		t.Errorf("route %v runs back over its own zones", got)
	}
}

func TestAConduitCrossesTheParentOfItsZone(t *testing.T) {
	a, b, p := rectF{20, 20, 100, 100}, rectF{300, 20, 100, 100}, rectF{0, 0, 160, 160}
	zs, boxes := routeFixture(map[string]rectF{"a": a, "b": b, "p": p}, map[string]string{"a": "p"})
	got := route(zs, boxes, "a", "b", a, b)
	if len(got) != 2 {
		t.Errorf("route %v bends around the parent zone it has to leave", got)
	}
}

func TestAHubIsPlacedWhereNoBoxIs(t *testing.T) {
	a, b, c, mid := rectF{0, 0, 100, 100}, rectF{400, 0, 100, 100}, rectF{200, 400, 100, 100}, rectF{170, 80, 160, 160}
	zs, boxes := routeFixture(map[string]rectF{"a": a, "b": b, "c": c, "mid": mid}, nil)
	hub, spokes := routeHub(zs, boxes, []model.ID{"a", "b", "c"}, []rectF{a, b, c})
	for _, r := range boxes.rects {
		if r.contains(hub) {
			t.Fatalf("hub %v lies in the box %v", hub, r)
		}
	}
	for i, sp := range spokes {
		if crossings(sp, []rectF{mid}) != 0 {
			t.Errorf("spoke %d %v crosses the box in the middle", i, sp)
		}
	}
}
