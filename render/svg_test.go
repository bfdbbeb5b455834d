package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// svgText returns the text content and the tooltips (xlink:title) of an SVG,
// failing the test when it is not well-formed XML.
func svgText(t *testing.T, svg []byte) (texts []string, titles string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	inText := false
	var cur strings.Builder
	var tips strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "text" {
				inText = true
				cur.Reset()
			}
			for _, a := range el.Attr {
				if a.Name.Local == "title" {
					tips.WriteString(a.Value)
					tips.WriteString("\n")
				}
			}
		case xml.CharData:
			if inText {
				cur.Write(el)
			}
		case xml.EndElement:
			if el.Name.Local == "text" {
				inText = false
				texts = append(texts, cur.String())
			}
		}
	}
	return texts, tips.String()
}

func TestSVGShowsEveryZoneAndConduit(t *testing.T) {
	p, r := fixture()
	svg, err := SVG(context.Background(), p, r, View{})
	if err != nil {
		t.Fatal(err)
	}
	ids, err := svgIDs(svg)
	if err != nil {
		t.Fatal(err)
	}
	texts, _ := svgText(t, svg)
	has := func(s string) bool {
		for _, x := range texts {
			if strings.TrimSpace(x) == s {
				return true
			}
		}
		return false
	}
	for _, z := range p.Zones {
		t.Run("zone "+z.Name+" is in the SVG by id and name", func(t *testing.T) {
			if !ids[zoneIDPrefix+string(z.ID)] {
				t.Errorf("no element with id %s", zoneIDPrefix+z.ID)
			}
			if !has(z.Name) {
				t.Errorf("name %q not drawn", z.Name)
			}
		})
	}
	for _, c := range p.Conduits {
		t.Run("conduit "+c.Name+" is in the SVG by id and name", func(t *testing.T) {
			if !ids[conduitIDPrefix+string(c.ID)] {
				t.Errorf("no element with id %s", conduitIDPrefix+c.ID)
			}
			if !has(c.Name) {
				t.Errorf("name %q not drawn", c.Name)
			}
		})
	}
	for _, a := range p.Assets {
		t.Run("asset "+a.Name+" is named in the SVG", func(t *testing.T) {
			if !has(a.Name) {
				t.Errorf("name %q not drawn", a.Name)
			}
		})
	}
	t.Run("the three-zone conduit is a hub with one line per zone", func(t *testing.T) {
		hub := conduitIDPrefix + string(model.StableID("fixture/c/ctl"))
		for _, id := range []string{hub, hub + "-1", hub + "-2", hub + "-3"} {
			if !ids[id] {
				t.Errorf("no element with id %s", id)
			}
		}
	})
	t.Run("German umlauts survive", func(t *testing.T) {
		for _, s := range []string{"Wasserwerk Süd", "Büronetz", "USB-Übergabe", "Messumformer Trübung"} {
			if !has(s) {
				t.Errorf("%q not drawn", s)
			}
		}
	})
}

func TestMissingConduitIsAnError(t *testing.T) {
	p, r := fixture()
	s := newScene(p, r, View{})
	found := map[string]bool{}
	for _, id := range s.ids() {
		found[id] = true
	}
	if err := s.checkIDs(found); err != nil {
		t.Fatalf("complete output rejected: %v", err)
	}
	delete(found, conduitIDPrefix+string(p.Conduits[0].ID))
	if err := s.checkIDs(found); err == nil || !strings.Contains(err.Error(), "1 of") {
		t.Errorf("a dropped conduit gave %v, want an error counting it", err)
	}
}

// hostile are names crafted to break DOT, HTML-like labels, XML or the page.
var hostile = []string{
	`Quote " and ""double""`,
	`Brace } ] ; digraph x { a -> b }`,
	`<B>bold</B> <TABLE> & &amp; &#0; ]]>`,
	`Angle > < >> <<`,
	`Backslash \ \\ \N \G \L \n \"`,
	"New\nline\r\nand\ttab",
	"Control \x00\x01\x07\x1b[31m\x7f chars",
	"Bidi \u202Eevil\u202C and \u2066isolate\u2069",
	"Emoji 🏭⚡🔥 and ZWJ 👩‍🔧",
	"RTL עברית العربية",
	"Invalid UTF-8 \xff\xfe here",
	`Apostrophe ' and "label=<x>"`,
	`]; node [shape=box label="pwned"]; x [label="`,
	`--> -> -- //comment /* comment`,
	strings.Repeat("Long ", 20000),
	"",
	"Umlaute ÄÖÜäöüß",
}

func hostilePlant() (*model.Project, *risk.Result) {
	p := model.New(hostile[0] + hostile[2])
	r := &risk.Result{}
	var prev model.ID
	for i, name := range hostile {
		z := model.Zone{ID: model.ID("z" + strings.Repeat("\"<>&\\", i%3) + string(rune('a'+i))), Name: name, Type: model.ZoneControl, PurdueLevel: float64(i % 4)}
		if i%5 == 4 {
			z.Type = model.ZoneType(name) // an unknown type is shown as text
		}
		p.Zones = append(p.Zones, z)
		p.Assets = append(p.Assets, model.Asset{ID: model.ID("a" + string(z.ID)), Name: name, Class: model.AssetClass(name), ZoneID: z.ID})
		if prev != "" {
			p.Conduits = append(p.Conduits, model.Conduit{ID: model.ID("c" + string(z.ID)), Name: name, Type: model.ConduitType(name), ZoneIDs: []model.ID{prev, z.ID}})
		}
		r.Zones = append(r.Zones, risk.ZoneResult{ZoneID: z.ID, Gap: model.SLVector{i % 5}})
		prev = z.ID
	}
	return p, r
}

func TestHostileNames(t *testing.T) {
	p, r := hostilePlant()
	ctx := context.Background()
	dot := DOT(p, r, View{})
	t.Run("the DOT parses back with the same nodes and edges", func(t *testing.T) {
		out, err := layoutDOT(ctx, dot, "json")
		if err != nil {
			t.Fatalf("graphviz rejects the DOT: %v", err)
		}
		g, err := parseGraph(out)
		if err != nil {
			t.Fatal(err)
		}
		s := newScene(p, r, View{})
		if err := s.checkIDs(g.ids()); err != nil {
			t.Error(err)
		}
		nodes, edges := 0, 0
		for _, o := range g.Objects {
			if o.Pos != "" {
				nodes++
			}
		}
		for _, e := range g.Edges {
			if e.Style != "invis" {
				edges++
			}
		}
		rows := len(s.bandRows())
		if want := len(p.Zones) + rows + 1 + len(p.Conduits); nodes != want {
			t.Errorf("%d nodes, want %d zones + %d band rows + legend + %d conduits: something was injected", nodes, len(p.Zones), rows, len(p.Conduits))
		}
		if want := 2 * len(p.Conduits); edges != want {
			t.Errorf("%d visible edges, want %d (two per conduit)", edges, want)
		}
	})
	t.Run("every label line stays on its own DOT line", func(t *testing.T) {
		for i, line := range strings.Split(string(dot), "\n") {
			if strings.Contains(line, "label=<") && !strings.HasSuffix(strings.TrimSpace(line), "]") {
				t.Errorf("line %d is cut: %.80q", i+1, line)
			}
		}
	})
	t.Run("the SVG is well-formed and shows every name cleaned", func(t *testing.T) {
		svg, err := SVG(ctx, p, r, View{})
		if err != nil {
			t.Fatal(err)
		}
		texts, _ := svgText(t, svg)
		joined := strings.Join(texts, "\n")
		for _, name := range hostile {
			want := clean(name, maxNameRunes)
			if want == "" {
				continue
			}
			if !strings.Contains(joined, want) {
				t.Errorf("cleaned name %q not drawn", want)
			}
		}
		if strings.Contains(joined, "pwned") && !strings.Contains(joined, `label="pwned"`) {
			t.Error("an injected label was drawn")
		}
	})
	t.Run("the drawing for PNG and PDF loses no text", func(t *testing.T) {
		svg, err := SVG(ctx, p, r, View{})
		if err != nil {
			t.Fatal(err)
		}
		texts, _ := svgText(t, svg)
		d, err := Draw(ctx, p, r, View{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, sh := range d.shapes {
			if sh.kind == shapeText {
				n++
			}
		}
		blank := 0
		for _, x := range texts {
			if strings.TrimSpace(x) == "" {
				blank++
			}
		}
		if n != len(texts)-blank {
			t.Errorf("drawing has %d texts, the SVG %d", n, len(texts)-blank)
		}
	})
	t.Run("the PNG and PDF drawings render", func(t *testing.T) {
		if _, err := PNG(ctx, p, r, View{}, 40); err != nil {
			t.Fatal(err)
		}
	})
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
		max            int
	}{
		{"plain text passes", "Leitwarte Süd", "Leitwarte Süd", 40},
		{"line breaks and tabs become single spaces", "a\n\tb\r\nc", "a b c", 40},
		{"control characters are dropped", "a\x00b\x1bc\x7f", "abc", 40},
		{"bidi overrides are dropped", "a\u202Eb\u2066c", "abc", 40},
		{"invalid UTF-8 becomes a replacement character", "a\xffb", "a\uFFFDb", 40},
		{"long text is cut with an ellipsis", "abcdefghij", "abcd…", 5},
		{"text of exactly max runes is kept", "abcde", "abcde", 5},
		{"leading and trailing space is trimmed", "  a  ", "a", 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean(tt.in, tt.max); got != tt.want {
				t.Errorf("clean(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
		})
	}
}
