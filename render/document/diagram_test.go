package document

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"zonewise/model"
	"zonewise/render"
	"zonewise/render/pdf"
	"zonewise/risk"
)

// printProbe wraps a diagram figure and records the size its smallest text
// prints at when the PDF engine draws it: the drawing's smallest text size
// times the scale the engine chose (millimetres of width over points of
// drawing).
type printProbe struct {
	fig  pdf.Figure
	d    *render.Drawing
	name string
	seen map[string]float64
}

func (p printProbe) Draw(f *fpdf.Fpdf, x, y, w float64) float64 {
	if p.d.Width > 0 {
		printed := w
		if z, ok := p.fig.(*zoneFigure); ok {
			printed = z.width(w) // its own size, or reaching into the margins
		}
		p.seen[p.name] = p.d.MinTextSize() * printed / mmPerPoint / p.d.Width
	}
	return p.fig.Draw(f, x, y, w)
}

// MinWidth passes the figure's shrinking limit on to the PDF engine.
func (p printProbe) MinWidth() float64 {
	if s, ok := p.fig.(pdf.Shrinker); ok {
		return s.MinWidth()
	}
	return 0
}

func (p printProbe) Height(w float64) float64 { return p.fig.(pdf.Sizer).Height(w) }

func (p printProbe) Landscape(textWidth float64) bool {
	l, ok := p.fig.(pdf.Landscaper)
	return ok && l.Landscape(textWidth)
}

func (p printProbe) PageSize() (float64, float64) {
	if s, ok := p.fig.(pdf.PageSizer); ok {
		return s.PageSize()
	}
	return a4LandW, a4LandH
}

// probe wraps a figure of this package, each part of a split overview on
// its own.
func probe(fig pdf.Figure, name string, seen map[string]float64) pdf.Figure {
	drawing := func(f pdf.Figure) *render.Drawing {
		switch f := f.(type) {
		case diagramFigure:
			return f.Drawing()
		case *zoneFigure:
			return f.Drawing()
		}
		return nil
	}
	if parts, ok := fig.(overviewParts); ok {
		var out probeParts
		for i, p := range parts {
			out = append(out, printProbe{p, drawing(p), fmt.Sprintf("%s part %d", name, i+1), seen})
		}
		return out
	}
	return printProbe{fig, drawing(fig), name, seen}
}

type probeParts []pdf.Figure

func (o probeParts) Draw(f *fpdf.Fpdf, x, y, w float64) float64 { return o[0].Draw(f, x, y, w) }
func (o probeParts) Pages() []pdf.Figure                        { return o }

// TestDiagramsPrintLegibly renders the overview and every zone's detail
// drawing into a PDF as the documents place them, and measures the printed
// size of each drawing's smallest text.
func TestDiagramsPrintLegibly(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out a 1,000-asset plant")
	}
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*model.Project{model.Sample(), model.Generate(10, 100, 1), model.Generate(50, 1000, 1)} {
		r := risk.Assess(p, cat)
		t.Run(p.Name+": every drawing prints its smallest text at 7 pt or more", func(t *testing.T) {
			over, err := Diagram(context.Background(), p, r)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]float64{}
			figs := map[string]pdf.Figure{"diagram": probe(over, "overview", seen)}
			md := "# Drawings\n\n![Zones and conduits](figure:diagram \"landscape\")\n\n"
			for name, f := range ZoneFigures(p, r) {
				figs[name] = probe(f, name, seen)
				md += "![" + name + "](figure:" + name + ")\n\n"
			}
			if _, err := pdf.Render(&pdf.Document{Meta: pdf.Meta{Title: "Drawings"}, Markdown: []byte(md), Figures: figs}); err != nil {
				t.Fatal(err)
			}
			want := len(p.Zones) + 1
			if parts, ok := over.(overviewParts); ok {
				want += len(parts) - 1
			}
			if len(seen) != want {
				t.Errorf("%d drawings printed, want %d", len(seen), want)
			}
			for name, pt := range seen {
				if pt < MinPrintedFont-1e-9 {
					t.Errorf("%s: smallest text prints at %.2f pt, want at least %.0f", name, pt, MinPrintedFont)
				}
			}
		})
	}
}

// TestOverviewSplitsOnlyWhenItMust checks the page choice of the overview.
func TestOverviewSplitsOnlyWhenItMust(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out a 1,000-asset plant")
	}
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		p     *model.Project
		split bool
	}{
		{"the sample plant's overview is one A3 page", model.Sample(), false},
		{"the 1,000-asset plant's overview is split into parts", model.Generate(50, 1000, 1), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fig, err := Diagram(context.Background(), tc.p, risk.Assess(tc.p, cat))
			if err != nil {
				t.Fatal(err)
			}
			parts, split := fig.(overviewParts)
			if split != tc.split {
				t.Fatalf("split %v, want %v", split, tc.split)
			}
			if !split {
				if w, h := fig.(pdf.PageSizer).PageSize(); w != a3LandW || h != a3LandH {
					t.Errorf("page %v × %v mm, want A3 landscape", w, h)
				}
				return
			}
			if len(parts) < 2 || len(parts) > len(tc.p.Zones)/3 {
				t.Errorf("%d parts for %d zones", len(parts), len(tc.p.Zones))
			}
		})
	}
}

// TestCRSPlacesZoneDrawings checks that the CRS shows each zone's detail
// drawing in its section.
func TestCRSPlacesZoneDrawings(t *testing.T) {
	p := model.Sample()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := risk.Assess(p, cat)
	md, err := Markdown(p, r, cat, "crs", Options{Diagram: pdf.FigureFunc(func(*fpdf.Fpdf, float64, float64, float64) float64 { return 0 })})
	if err != nil {
		t.Fatal(err)
	}
	for _, z := range p.Zones {
		if z.OutOfScope {
			continue
		}
		if !strings.Contains(md, "(figure:zone/"+string(z.ID)+")") {
			t.Errorf("zone %q: no detail drawing in the CRS", z.Name)
		}
	}
}
