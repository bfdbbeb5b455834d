package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"zonewise/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update. A
// mismatch leaves the new output in testdata/failed for review.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		failed := filepath.Join("testdata", "failed", name)
		_ = os.MkdirAll(filepath.Dir(failed), 0o755)
		_ = os.WriteFile(failed, got, 0o644)
		t.Errorf("output differs from %s; new output in %s", path, failed)
	}
}

func TestDOTGolden(t *testing.T) {
	p, r := fixture()
	tests := []struct {
		name string
		dot  []byte
	}{
		{"the assessed fixture plant matches its golden DOT", DOT(p, r, View{})},
		{"the fixture without an assessment matches its golden DOT", DOT(p, nil, View{})},
		{"the neighbour view of the control area matches its golden DOT", DOT(p, r, View{Focus: model.StableID("fixture/area")})},
	}
	files := []string{"fixture.dot", "fixture-unassessed.dot", "fixture-focus.dot"}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { golden(t, files[i], tt.dot) })
	}
}

func TestDOTIsDeterministic(t *testing.T) {
	p, r := fixture()
	first := DOT(p, r, View{})
	t.Run("rendering twice gives the same bytes", func(t *testing.T) {
		if !bytes.Equal(first, DOT(p, r, View{})) {
			t.Error("second DOT differs")
		}
	})
	t.Run("the order of zones, conduits and assets in the file does not matter", func(t *testing.T) {
		q := model.CloneProject(p)
		slices.Reverse(q.Zones)
		slices.Reverse(q.Conduits)
		slices.Reverse(q.Assets)
		rr := *r
		rr.Zones = slices.Clone(r.Zones)
		slices.Reverse(rr.Zones)
		if !bytes.Equal(first, DOT(q, &rr, View{})) {
			t.Error("DOT depends on slice order")
		}
	})
}

func TestNeighbourView(t *testing.T) {
	p, r := fixture()
	id := func(k string) model.ID { return model.StableID("fixture/" + k) }
	tests := []struct {
		name  string
		focus string
		want  []string // zone keys shown
	}{
		{"a DMZ shows the zones it has conduits to", "dmz", []string{"dmz", "ent", "remote", "scada"}},
		{"a parent zone brings its nested zones and their neighbours", "area", []string{"area", "cell1", "cell2", "scada", "field", "sis"}},
		{"an unknown focus shows the whole plant", "nothing", nil},
	}
	all := []string{"ent", "remote", "dmz", "scada", "area", "cell1", "cell2", "sis", "field", "wifi", "usb"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newScene(p, r, View{Focus: id(tt.focus)})
			if tt.want == nil { // unknown focus: the whole plant
				if len(s.zones) != len(p.Zones) {
					t.Errorf("unknown focus shows %d zones, want all %d", len(s.zones), len(p.Zones))
				}
				return
			}
			for _, k := range all {
				if got, want := s.shown[id(k)], slices.Contains(tt.want, k); got != want {
					t.Errorf("zone %s shown %v, want %v", k, got, want)
				}
			}
			for _, c := range s.conduits {
				if !touches(c, map[model.ID]bool{id(tt.focus): true, id("cell1"): tt.focus == "area", id("cell2"): tt.focus == "area"}) {
					t.Errorf("conduit %q does not touch the focus", c.Name)
				}
			}
		})
	}
}
