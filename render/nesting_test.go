package render

import (
	"fmt"
	"testing"

	"zonewise/model"
)

func TestNestingWithCyclesIsDrawnFlat(t *testing.T) {
	zone := func(id, parent string) model.Zone {
		return model.Zone{ID: model.ID(id), Name: id, Type: model.ZoneControl, PurdueLevel: 1, ParentID: model.ID(parent)}
	}
	p := model.New("cycles")
	p.Zones = []model.Zone{
		zone("area", ""), zone("cell", "area"), zone("sub", "cell"), // a normal nest
		zone("self", "self"),                           // its own parent
		zone("a", "b"), zone("b", "c"), zone("c", "a"), // a three-zone cycle
		zone("below", "a"),     // hangs below the cycle
		zone("orphan", "gone"), // a missing parent
	}
	s := newScene(p, nil, View{})
	want := map[model.ID]model.ID{"cell": "area", "sub": "cell"}
	tests := []struct {
		name string
		id   model.ID
	}{
		{"a zone in a normal nest keeps its parent", "cell"},
		{"a zone two levels down keeps its parent", "sub"},
		{"a top-level zone has no parent", "area"},
		{"a zone that is its own parent is drawn flat", "self"},
		{"a zone on a cycle is drawn flat", "a"},
		{"every zone of the cycle is drawn flat", "c"},
		{"a zone below a cycle is drawn flat", "below"},
		{"a zone whose parent is missing is drawn flat", "orphan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.parent[tt.id]; got != want[tt.id] {
				t.Errorf("parent of %s is %q, want %q", tt.id, got, want[tt.id])
			}
		})
	}
}

// TestDeepNestingIsLinear: 20,000 zones nested one in the next (drawn
// nested down to maxNesting levels), and the same zones in one cycle. A parent walk per zone (the earlier inCycle) took
// minutes on these; the test fails by the go test timeout if that returns.
func TestDeepNestingIsLinear(t *testing.T) {
	const n = 20_000
	for _, cycle := range []bool{false, true} {
		t.Run(fmt.Sprintf("a chain of %d zones, closed into a cycle: %v", n, cycle), func(t *testing.T) {
			p := model.New("deep")
			for i := range n {
				z := model.Zone{ID: model.ID(fmt.Sprint("z", i)), Name: "z", Type: model.ZoneControl, PurdueLevel: 1}
				if i > 0 || cycle {
					z.ParentID = model.ID(fmt.Sprint("z", (i+n-1)%n))
				}
				p.Zones = append(p.Zones, z)
			}
			nested := len(newScene(p, nil, View{}).parent)
			if want := map[bool]int{false: maxNesting, true: 0}[cycle]; nested != want {
				t.Errorf("%d zones drawn nested, want %d", nested, want)
			}
		})
	}
}
