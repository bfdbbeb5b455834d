package render

import (
	"strings"
	"testing"

	"zonewise/model"
)

func TestDetailDrawing(t *testing.T) {
	p, r := fixture()
	scada := model.StableID("fixture/scada")
	d, err := DetailDrawing(p, r, scada)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	for _, s := range d.shapes {
		if s.kind == shapeText {
			texts[s.text] = true
		}
	}
	ids := d.ids()
	t.Run("every asset of the zone is named", func(t *testing.T) {
		for _, a := range p.Assets {
			if a.ZoneID == scada && !texts[a.Name] {
				t.Errorf("asset %q not drawn", a.Name)
			}
		}
	})
	t.Run("no asset of another zone is drawn", func(t *testing.T) {
		for _, a := range p.Assets {
			if a.ZoneID != scada && texts[a.Name] {
				t.Errorf("asset %q of another zone drawn", a.Name)
			}
		}
	})
	for _, c := range p.Conduits {
		if !touches(&c, map[model.ID]bool{scada: true}) {
			continue
		}
		t.Run("conduit "+c.Name+" has its label, its lines and the zone at its other end", func(t *testing.T) {
			id := conduitIDPrefix + safeID(string(c.ID))
			if !ids[id] || !ids[id+"-1"] || !texts[c.Name] {
				t.Errorf("conduit %q: label or line missing", c.Name)
			}
			for _, zid := range c.ZoneIDs {
				if zid == scada {
					continue
				}
				if z := p.Zone(zid); z != nil && !texts[z.Name] {
					t.Errorf("neighbour %q not drawn", z.Name)
				}
			}
		})
	}
	t.Run("a zone without a conduit to the focus is not drawn", func(t *testing.T) {
		if texts["Fernwartung"] {
			t.Error("Fernwartung drawn, but it has no conduit to Leitwarte")
		}
	})
	t.Run("an unknown zone is an error naming the project", func(t *testing.T) {
		if _, err := DetailDrawing(p, r, "nothing"); err == nil || !strings.Contains(err.Error(), p.Name) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("no text is smaller than the drawing minimum", func(t *testing.T) {
		if m := d.MinTextSize(); m < minDrawingFont {
			t.Errorf("smallest text %.1f pt, want at least %.0f", m, minDrawingFont)
		}
	})
}

func TestLegendNamesEachConduitTypeOnce(t *testing.T) {
	for _, ct := range model.ConduitTypes() {
		st := styleForConduit(ct)
		t.Run(string(ct)+": the legend text does not repeat the tag", func(t *testing.T) {
			for _, word := range strings.Fields(st.tag) {
				if len([]rune(word)) > 1 && strings.Contains(strings.ToLower(st.summary), strings.ToLower(word)) {
					t.Errorf("tag %q and summary %q both say %q", st.tag, st.summary, word)
				}
			}
		})
	}
}

func TestSummarisedZoneSaysSo(t *testing.T) {
	p, r := bigPlant(4, 200)
	s := newScene(p, r, View{})
	for _, z := range s.zones {
		n := len(s.assets[z.ID])
		c := s.zoneCard(z, unassessed, nil)
		said := false
		for _, sh := range c.shapes {
			if sh.kind == shapeText && strings.Contains(sh.text, "too many to name here") {
				said = true
			}
		}
		t.Run(z.Name+" lists its assets or says they are counted", func(t *testing.T) {
			if want := n > maxAssetRows; said != want {
				t.Errorf("%d assets: note %v, want %v", n, said, want)
			}
		})
	}
}
