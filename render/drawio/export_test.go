package drawio

import (
	"encoding/xml"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/render"
	"zonewise/risk"
)

// cellsOf returns the <object> items of an export by model ID.
func cellsOf(t *testing.T, data []byte) map[string]Item {
	t.Helper()
	var f File
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("the export is not XML: %v", err)
	}
	out := map[string]Item{}
	for _, it := range f.Diagrams[0].Model.Root.Items {
		if id := get(it.Attrs, "id"); id != "" {
			out[id] = it
		}
	}
	return out
}

func get(as []xml.Attr, name string) string {
	for _, a := range as {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func TestExportOfTheSample(t *testing.T) {
	p := model.Sample()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := risk.Assess(p, cat)
	data, err := Export(p, r)
	if err != nil {
		t.Fatal(err)
	}
	cells := cellsOf(t, data)
	t.Run("every zone is a container labelled with its name and SL-T", func(t *testing.T) {
		for _, z := range p.Zones {
			it, ok := cells[cellID(z.ID)]
			if !ok {
				t.Fatalf("zone %q missing", z.Name)
			}
			want := z.Name + "\nSL-T " + r.Zone(z.ID).SLT.Vector().String()
			if get(it.Attrs, "label") != want || !strings.Contains(get(it.Cell.Attrs, "style"), "container=1") {
				t.Errorf("zone %q: label %q style %q", z.Name, get(it.Attrs, "label"), get(it.Cell.Attrs, "style"))
			}
		}
	})
	t.Run("every asset sits in its zone's container in its class colour", func(t *testing.T) {
		for _, a := range p.Assets {
			it := cells[cellID(a.ID)]
			if it.Cell == nil || get(it.Cell.Attrs, "parent") != cellID(a.ZoneID) ||
				!strings.Contains(get(it.Cell.Attrs, "style"), "fillColor="+render.ClassColor(a.Class)+";") {
				t.Errorf("asset %q: %+v", a.Name, it.Cell)
			}
		}
	})
	t.Run("the diode conduit is one edge with an arrow from site operations to the DMZ", func(t *testing.T) {
		for _, c := range p.Conduits {
			if !strings.HasPrefix(c.Name, "K02") {
				continue
			}
			it := cells[cellID(c.ID)]
			st := get(it.Cell.Attrs, "style")
			if get(it.Cell.Attrs, "source") != cellID(c.ZoneIDs[0]) || get(it.Cell.Attrs, "target") != cellID(c.ZoneIDs[1]) || !strings.Contains(st, "endArrow=block") {
				t.Errorf("K02 edge %+v", it.Cell.Attrs)
			}
		}
	})
	t.Run("a conduit of three zones gives two edges with the same model ID", func(t *testing.T) {
		for _, c := range p.Conduits {
			if len(c.ZoneIDs) == 3 {
				if _, ok := cells[cellID(c.ID)+"-2"]; !ok {
					t.Errorf("conduit %q has no second edge", c.Name)
				}
			}
		}
	})
	t.Run("names with markup and control characters stay text", func(t *testing.T) {
		q := model.Sample()
		q.Zones[0].Name = `<b>"Zone" & </mxCell> ]]>` + "\x01"
		data, err := Export(q, nil)
		if err != nil {
			t.Fatal(err)
		}
		cells := cellsOf(t, data)
		if got := get(cells[cellID(q.Zones[0].ID)].Attrs, AttrName); !strings.HasPrefix(got, `<b>"Zone" & </mxCell> ]]>`) {
			t.Errorf("name came back as %q", got)
		}
	})
}
