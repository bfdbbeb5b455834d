package render

import (
	"context"
	"strings"
	"testing"

	"zonewise/model"
)

func TestSampleDiagram(t *testing.T) {
	p := model.Sample()
	ctx := context.Background()
	t.Run("the sample plant matches its golden DOT", func(t *testing.T) {
		golden(t, "sample.dot", DOT(p, nil, View{}))
	})
	svg, err := SVG(ctx, p, nil, View{})
	if err != nil {
		t.Fatal(err)
	}
	texts, tips := svgText(t, svg)
	drawn := strings.Join(texts, "\n")
	t.Run("every zone, conduit and asset name is in the SVG", func(t *testing.T) {
		var names []string
		for _, z := range p.Zones {
			names = append(names, z.Name)
		}
		for _, c := range p.Conduits {
			names = append(names, c.Name)
		}
		for _, a := range p.Assets {
			names = append(names, a.Name)
		}
		for _, n := range names {
			if !strings.Contains(drawn, n) && !strings.Contains(tips, n) {
				t.Errorf("%q neither drawn nor in a tooltip", n)
			}
		}
	})
	t.Run("every zone and conduit has its element", func(t *testing.T) {
		ids, err := svgIDs(svg)
		if err != nil {
			t.Fatal(err)
		}
		for _, z := range p.Zones {
			if !ids[zoneIDPrefix+string(z.ID)] {
				t.Errorf("zone %q missing", z.Name)
			}
		}
		for _, c := range p.Conduits {
			if !ids[conduitIDPrefix+string(c.ID)] {
				t.Errorf("conduit %q missing", c.Name)
			}
		}
	})
}

func TestGeneratedPlant(t *testing.T) {
	if testing.Short() {
		t.Skip("large plant in -short mode")
	}
	p := model.Generate(100, 1000, 1)
	svg, err := SVG(context.Background(), p, nil, View{})
	if err != nil {
		t.Fatal(err)
	}
	ids, err := svgIDs(svg)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("every conduit of the 100-zone generated plant is in the SVG", func(t *testing.T) {
		for _, c := range p.Conduits {
			if !ids[conduitIDPrefix+string(c.ID)] {
				t.Errorf("conduit %q missing", c.Name)
			}
		}
	})
	t.Run("every zone of it is in the SVG", func(t *testing.T) {
		for _, z := range p.Zones {
			if !ids[zoneIDPrefix+string(z.ID)] {
				t.Errorf("zone %q missing", z.Name)
			}
		}
	})
}
