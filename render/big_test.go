package render

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// bigPlant is a synthetic plant of n zones and m assets: zones spread over
// the Purdue levels, every fifth nested in the zone before it, a conduit
// chain through all zones plus cross links, and every tenth conduit joining
// three zones.
func bigPlant(n, m int) (*model.Project, *risk.Result) {
	rng := rand.New(rand.NewPCG(1, 2))
	p := model.New("Großanlage")
	r := &risk.Result{}
	levels := []float64{4, 3.5, 3, 2, 1, 0}
	types := []model.ZoneType{model.ZoneEnterprise, model.ZoneDMZ, model.ZoneSupervisory, model.ZoneControl, model.ZoneControl, model.ZoneField}
	id := func(f string, a ...any) model.ID { return model.StableID(fmt.Sprintf(f, a...)) }
	for i := range n {
		l := i * len(levels) / n
		z := model.Zone{ID: id("big/z%d", i), Name: fmt.Sprintf("Zone %03d Ä", i), Type: types[l], PurdueLevel: levels[l]}
		if i%5 == 4 {
			z.ParentID = id("big/z%d", i-1)
		}
		p.Zones = append(p.Zones, z)
		var gap model.SLVector
		gap[rng.IntN(7)] = rng.IntN(4)
		r.Zones = append(r.Zones, risk.ZoneResult{ZoneID: z.ID, Gap: gap})
	}
	classes := model.AssetClasses()
	for i := range m {
		p.Assets = append(p.Assets, model.Asset{
			ID: id("big/a%d", i), Name: fmt.Sprintf("Asset %04d", i),
			Class: classes[rng.IntN(len(classes))], ZoneID: id("big/z%d", rng.IntN(n)),
		})
	}
	ctypes := model.ConduitTypes()
	add := func(k int, zones ...int) {
		c := model.Conduit{ID: id("big/c%d", k), Name: fmt.Sprintf("Conduit %03d", k), Type: ctypes[rng.IntN(len(ctypes))]}
		for _, z := range zones {
			c.ZoneIDs = append(c.ZoneIDs, id("big/z%d", z))
		}
		p.Conduits = append(p.Conduits, c)
	}
	k := 0
	for i := 1; i < n; i++ {
		add(k, i-1, i)
		k++
	}
	for i := 0; i < n/2; i++ {
		a, b := rng.IntN(n), rng.IntN(n)
		if a == b {
			continue
		}
		if k%10 == 0 {
			add(k, a, b, (b+7)%n)
		} else {
			add(k, a, b)
		}
		k++
	}
	return p, r
}

// TestRepeatedLargeRenders guards against a Graphviz (WebAssembly) failure
// mode: with newrank, clusters and ordinary edge labels, laying out a large
// plant corrupted Graphviz's memory, so that every later parse in the
// process failed. Conduit labels are xlabels because of it.
func TestRepeatedLargeRenders(t *testing.T) {
	if testing.Short() {
		t.Skip("large plants in -short mode")
	}
	ctx := context.Background()
	bp, br := bigPlant(100, 1000)
	plants := []*model.Project{bp, model.Generate(100, 1000, 7), model.Generate(40, 400, 3)}
	for round := range 2 {
		for i, p := range plants {
			r := br
			if i > 0 {
				r = nil
			}
			t.Run(fmt.Sprintf("round %d plant %d still lays out", round+1, i+1), func(t *testing.T) {
				if _, err := Draw(ctx, p, r, View{}); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	t.Run("a small plant still renders afterwards", func(t *testing.T) {
		p, r := fixture()
		if _, err := SVG(ctx, p, r, View{}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLargePlant(t *testing.T) {
	if testing.Short() {
		t.Skip("large plant in -short mode")
	}
	p, r := bigPlant(100, 1000)
	ctx := context.Background()
	s := newScene(p, r, View{})
	t.Run("the drawing holds every zone and conduit", func(t *testing.T) {
		d, err := Draw(ctx, p, r, View{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.checkIDs(d.ids()); err != nil {
			t.Error(err)
		}
	})
	t.Run("the SVG holds every zone and conduit", func(t *testing.T) {
		svg, err := SVG(ctx, p, r, View{})
		if err != nil {
			t.Fatal(err)
		}
		ids, err := svgIDs(svg)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.checkIDs(ids); err != nil {
			t.Error(err)
		}
		edges := 0
		for id := range ids {
			if strings.HasPrefix(id, conduitIDPrefix) {
				edges++
			}
		}
		if edges < len(p.Conduits) {
			t.Errorf("%d conduit elements, want at least %d", edges, len(p.Conduits))
		}
	})
	t.Run("every asset is named in the SVG", func(t *testing.T) {
		svg, err := SVG(ctx, p, r, View{})
		if err != nil {
			t.Fatal(err)
		}
		texts, tips := svgText(t, svg)
		drawn := map[string]bool{}
		for _, x := range texts {
			drawn[x] = true
		}
		for _, a := range p.Assets {
			if !drawn[" "+a.Name] && !drawn[a.Name] && !strings.Contains(tips, ": "+a.Name) {
				t.Errorf("asset %q neither drawn nor in a tooltip", a.Name)
			}
		}
	})
}
