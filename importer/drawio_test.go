package importer

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/xml"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/render/drawio"
	"zonewise/risk"
)

func TestDrawioRoundTripOfTheSample(t *testing.T) {
	p := model.Sample()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	data, err := drawio.Export(p, risk.Assess(p, cat))
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadDrawio("sample.drawio", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range d.Notes {
		t.Errorf("unexpected note on the export: %+v", n)
	}
	q := model.New("imported")
	counts := ApplyDrawing(q, d)
	if counts.ZonesAdded != len(p.Zones) || counts.AssetsAdded != len(p.Assets) || counts.ConduitsAdded != len(p.Conduits) {
		t.Fatalf("added %+v, want %d zones, %d assets, %d conduits", counts, len(p.Zones), len(p.Assets), len(p.Conduits))
	}
	t.Run("zones come back with their IDs, names, parents, types and levels", func(t *testing.T) {
		for _, z := range p.Zones {
			g := q.Zone(z.ID)
			if g == nil || g.Name != z.Name || g.ParentID != z.ParentID || g.Type != z.Type || g.PurdueLevel != z.PurdueLevel || g.Description != z.Description {
				t.Errorf("zone %q came back as %+v", z.Name, g)
			}
		}
	})
	t.Run("assets come back in their zones with their classes", func(t *testing.T) {
		for _, a := range p.Assets {
			g := q.Asset(a.ID)
			if g == nil || g.Name != a.Name || g.ZoneID != a.ZoneID || g.Class != a.Class || g.Function != a.Function || g.Criticality != a.Criticality {
				t.Errorf("asset %q came back as %+v", a.Name, g)
			}
		}
	})
	t.Run("conduits come back with their zones, in order, and their flows", func(t *testing.T) {
		for _, c := range p.Conduits {
			g := q.Conduit(c.ID)
			if g == nil || g.Name != c.Name || g.Type != c.Type || !slices.Equal(g.ZoneIDs, c.ZoneIDs) || len(g.Flows) != len(c.Flows) {
				t.Errorf("conduit %q came back as %+v", c.Name, g)
				continue
			}
			for i := range c.Flows {
				if g.Flows[i] != c.Flows[i] {
					t.Errorf("conduit %q flow %d = %+v, want %+v", c.Name, i, g.Flows[i], c.Flows[i])
				}
			}
		}
	})
	t.Run("the imported project validates without errors or zoning warnings the sample lacks", func(t *testing.T) {
		before := map[string]bool{}
		for _, pr := range model.Validate(p) {
			before[pr.Rule+"@"+string(pr.ObjectID)] = true
		}
		for _, pr := range model.Validate(q) {
			if pr.Severity == model.SeverityError || (pr.Rule != "" && strings.HasPrefix(pr.Field, "zone") && !before[pr.Rule+"@"+string(pr.ObjectID)]) {
				t.Error(pr)
			}
		}
	})
	t.Run("importing the export into the sample itself updates every object and adds none", func(t *testing.T) {
		s := model.Sample()
		n := ApplyDrawing(s, d)
		if n.ZonesAdded+n.AssetsAdded+n.ConduitsAdded != 0 || n.ZonesUpdated != len(p.Zones) {
			t.Errorf("counts %+v", n)
		}
	})
}

func TestDrawioExportIsValidMxGraph(t *testing.T) {
	p := model.Sample()
	data, err := drawio.Export(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	var f drawio.File
	if err := xmlUnmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	cells, err := drawioCells("x", data)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, c := range cells {
		if c.id == "" || ids[c.id] {
			t.Errorf("cell id %q is empty or repeated", c.id)
		}
		ids[c.id] = true
	}
	for _, c := range cells {
		if c.id != "0" && !ids[c.parent] {
			t.Errorf("cell %s has parent %q, which is no cell", c.id, c.parent)
		}
		if c.edge && (!ids[c.source] || !ids[c.target]) {
			t.Errorf("edge %s joins %q and %q, not both cells", c.id, c.source, c.target)
		}
		if c.vertex == c.edge && c.id != "0" && c.id != "1" {
			t.Errorf("cell %s is neither vertex nor edge, or both", c.id)
		}
	}
	if !strings.Contains(string(data), "<mxGraphModel") || len(f.Diagrams) != 1 || f.Diagrams[0].Model == nil {
		t.Error("the diagram is not an uncompressed mxGraphModel")
	}
}

func TestHandDrawnDiagram(t *testing.T) {
	raw, err := os.ReadFile("testdata/handdrawn.drawio")
	if err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, d *Drawing) {
		var zones, assets []string
		for _, z := range d.Zones {
			zones = append(zones, z.Name+"/"+string(z.Type))
		}
		for _, a := range d.Assets {
			assets = append(assets, a.Name+"/"+string(a.Class))
		}
		slices.Sort(zones)
		slices.Sort(assets)
		if want := []string{"Control network/control", "SCADA/supervisory"}; !slices.Equal(zones, want) {
			t.Errorf("zones %v, want %v", zones, want)
		}
		// PLC 1 by its embedded-device colour, HMI server by the host colour,
		// the Cisco switch by its shape, the engineering station by name.
		if want := []string{"Eng station/host-device", "HMI server/host-device", "PLC 1/embedded-device", "Switch/network-device"}; !slices.Equal(assets, want) {
			t.Errorf("assets %v, want %v", assets, want)
		}
		if len(d.Conduits) != 1 || d.Conduits[0].Name != "Firewall FW1" || d.Conduits[0].Type != model.ConduitFirewall {
			t.Errorf("conduits %+v, want one firewall conduit Firewall FW1", d.Conduits)
		}
		var unmapped []string
		for _, n := range d.Notes {
			if !n.Mapped {
				unmapped = append(unmapped, n.Element)
			}
		}
		if want := []string{"title", "lonely", "e2", "e3"}; !slices.Equal(unmapped, want) {
			t.Errorf("unmapped %v, want %v (notes %+v)", unmapped, want, d.Notes)
		}
	}
	t.Run("containers become zones, shapes assets, the edge between them a conduit, the rest is reported", func(t *testing.T) {
		d, err := ReadDrawio("handdrawn.drawio", bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		check(t, d)
	})
	t.Run("the same diagram with its page compressed maps the same", func(t *testing.T) {
		m := regexp.MustCompile(`(?s)<mxGraphModel.*</mxGraphModel>`).Find(raw)
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, flate.BestCompression)
		w.Write([]byte(url.QueryEscape(string(m))))
		w.Close()
		comp := bytes.Replace(raw, m, []byte(base64.StdEncoding.EncodeToString(b.Bytes())), 1)
		d, err := ReadDrawio("compressed.drawio", bytes.NewReader(comp))
		if err != nil {
			t.Fatal(err)
		}
		check(t, d)
	})
}

func TestBadDiagramsNameFileAndLine(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"broken XML", "<mxfile>\n<diagram>\n<mxGraphModel><root></mxGraphModel>", "bad.drawio:3:"},
		{"not a diagram", "<html><body/></html>", "no <diagram>"},
		{"a compressed page that is not base64", "<mxfile>\n<diagram>%%%</diagram></mxfile>", "bad.drawio:2: compressed diagram: not base64"},
	} {
		t.Run(tc.name+" is an error naming the file", func(t *testing.T) {
			_, err := ReadDrawio("bad.drawio", strings.NewReader(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func FuzzReadDrawio(f *testing.F) {
	raw, err := os.ReadFile("testdata/handdrawn.drawio")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	// A small export (large seeds slow the fuzzing engine to a crawl): two
	// zones of the sample, their assets and the conduit between them.
	p := model.Sample()
	keep := map[model.ID]bool{p.Zones[0].ID: true, p.Zones[1].ID: true}
	small := model.New("small")
	small.Zones = p.Zones[:2]
	for _, a := range p.Assets {
		if keep[a.ZoneID] && len(small.Assets) < 4 {
			small.Assets = append(small.Assets, a)
		}
	}
	for _, c := range p.Conduits {
		if len(c.ZoneIDs) == 2 && keep[c.ZoneIDs[0]] && keep[c.ZoneIDs[1]] {
			small.Conduits = append(small.Conduits, c)
		}
	}
	if data, err := drawio.Export(small, nil); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadDrawio("fuzz.drawio", bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.drawio") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		ApplyDrawing(model.New("fuzz"), d)
	})
}

func xmlUnmarshal(data []byte, v any) error { return xml.Unmarshal(data, v) }
