package document

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/render"
	"zonewise/render/docx"
	"zonewise/render/pdf"
	"zonewise/risk"
)

// MinPrintedFont is the smallest text size, in points on paper, that the
// diagrams in the documents may print at: figures are placed on a larger
// page (A3), turned to landscape or split so that no text is smaller.
const MinPrintedFont = 7.0

// Printable areas of a landscape figure page in millimetres (the PDF
// engine's margins, less a caption line), and the page sizes offered.
const (
	a4LandW, a4LandH     = 297.0, 210.0
	a3LandW, a3LandH     = 420.0, 297.0
	landMarginX          = 15.0
	landMarginsV         = 20.0 + 19.0 + 8.0
	mmPerPoint           = 25.4 / 72
	maxOverviewParts     = 64
	overviewSplitRetries = 3
)

// printScale returns the printed points per drawing point when d is fitted
// into w × h millimetres.
func printScale(d *render.Drawing, w, h float64) float64 {
	if d.Width <= 0 || d.Height <= 0 {
		return 1
	}
	return min(w/mmPerPoint/d.Width, h/mmPerPoint/d.Height)
}

// legibleAt reports whether d's smallest text prints at MinPrintedFont or
// more in w × h millimetres.
func legibleAt(d *render.Drawing, w, h float64) bool {
	return d.MinTextSize()*printScale(d, w, h) >= MinPrintedFont-1e-9
}

// diagramFigure places a zone/conduit drawing in a PDF as vectors, on an A4
// or A3 landscape page, whichever keeps its text legible, and in a Word
// file as a PNG (docx.go).
type diagramFigure struct {
	d    *render.Drawing
	pngs *pngCache
}

// Draw paints the diagram at (x, y), w wide, and returns its height.
func (f diagramFigure) Draw(p *fpdf.Fpdf, x, y, w float64) float64 { return f.d.DrawPDF(p, x, y, w) }

// Height is the height of the diagram at width w, so that the PDF engine can
// keep it on one page.
func (f diagramFigure) Height(w float64) float64 {
	if f.d.Width <= 0 {
		return 0
	}
	return f.d.Height * w / f.d.Width
}

// PageSize is landscape A4 when the drawing is legible on it, else A3.
func (f diagramFigure) PageSize() (w, h float64) {
	if legibleAt(f.d, a4LandW-2*landMarginX, a4LandH-landMarginsV) {
		return a4LandW, a4LandH
	}
	return a3LandW, a3LandH
}

// Drawing is the laid-out drawing, for tests that measure it.
func (f diagramFigure) Drawing() *render.Drawing { return f.d }

// overviewParts is the plant overview split into several pages.
type overviewParts []pdf.Figure

// Draw draws the first part; the PDF engine draws each part through Pages.
func (o overviewParts) Draw(p *fpdf.Fpdf, x, y, w float64) float64 { return o[0].Draw(p, x, y, w) }

// Pages returns the parts, one landscape page each.
func (o overviewParts) Pages() []pdf.Figure { return o }

// Diagram lays out the whole-plant zone/conduit diagram of p (with the
// SL-T and gaps of r) as a PDF figure. Its cards count the assets per class
// instead of naming them (render.View.Compact); the per-zone detail
// drawings (ZoneFigures) and the asset inventory name them. A plant too
// large for an A3 page at MinPrintedFont is split into parts of
// consecutive zones (by Purdue level, then name), each with the zones it
// has conduits to as neighbour boxes.
func Diagram(ctx context.Context, p *model.Project, r *risk.Result) (pdf.Figure, error) {
	return DiagramIn(ctx, p, r, i18n.EN)
}

// DiagramIn is Diagram with its title, band names and legend in language l.
func DiagramIn(ctx context.Context, p *model.Project, r *risk.Result, l i18n.Lang) (pdf.Figure, error) {
	d, err := render.Draw(ctx, p, r, render.View{Compact: true, Lang: l})
	if err != nil {
		return nil, err
	}
	areaW, areaH := a3LandW-2*landMarginX, a3LandH-landMarginsV
	if legibleAt(d, areaW, areaH) || len(p.Zones) < 2 {
		return diagramFigure{d: d, pngs: &pngCache{}}, nil
	}
	zones := make([]*model.Zone, len(p.Zones))
	for i := range p.Zones {
		zones[i] = &p.Zones[i]
	}
	slices.SortStableFunc(zones, func(a, b *model.Zone) int {
		switch {
		case a.PurdueLevel > b.PurdueLevel:
			return -1
		case a.PurdueLevel < b.PurdueLevel:
			return 1
		}
		return compareText(a.Name, b.Name)
	})
	// The number of parts from the area the whole plant needs, doubled
	// while a part is still too large.
	need := MinPrintedFont / (d.MinTextSize() * printScale(d, areaW, areaH))
	n := min(max(2, int(need*need+0.999)), maxOverviewParts, len(zones))
	for try := 0; ; try++ {
		var parts overviewParts
		fits := true
		for i := range n {
			chunk := zones[i*len(zones)/n : (i+1)*len(zones)/n]
			ids := make([]model.ID, len(chunk))
			for k, z := range chunk {
				ids[k] = z.ID
			}
			pd, err := render.Draw(ctx, p, r, render.View{Compact: true, Zones: ids, Lang: l})
			if err != nil {
				return nil, err
			}
			fits = fits && legibleAt(pd, areaW, areaH)
			parts = append(parts, diagramFigure{d: pd, pngs: &pngCache{}})
		}
		if fits || try == overviewSplitRetries || n >= min(maxOverviewParts, len(zones)) {
			return parts, nil
		}
		n = min(n+max(1, n/2), maxOverviewParts, len(zones))
	}
}

func compareText(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// zoneFigure is the detail drawing of one zone (render.DetailDrawing),
// laid out when the document first measures or draws it: a CRS names
// every zone, other documents none. Once drawn (PDF) or rasterised (Word)
// the layout is dropped, so that a document of 500 zones does not hold
// 500 drawings; a later use lays it out again, with the same result.
type zoneFigure struct {
	p    *model.Project
	r    *risk.Result
	id   model.ID
	lang i18n.Lang
	mu   sync.Mutex // documents are rendered in parallel
	d    *render.Drawing
}

func (f *zoneFigure) drawing() *render.Drawing {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.d == nil {
		d, err := render.DetailDrawingIn(f.p, f.r, f.id, cmp.Or(f.lang, i18n.EN))
		if err != nil { // the zone was looked up when the figure was made
			d = &render.Drawing{}
		}
		f.d = d
	}
	return f.d
}

// release drops the layout after the figure has been placed.
func (f *zoneFigure) release() {
	f.mu.Lock()
	f.d = nil
	f.mu.Unlock()
}

// Draw paints the drawing at (x, y), w wide, and returns its height.
func (f *zoneFigure) Draw(p *fpdf.Fpdf, x, y, w float64) float64 {
	defer f.release()
	ww := f.width(w)
	return f.drawing().DrawPDF(p, x+(w-ww)/2, y, ww)
}

// detailFont is the text size, in points on paper, a zone's detail drawing
// is printed at when the text column would make it larger: a small zone is
// not blown up to the column width (which costs pages and reads as a
// poster).
const detailFont = 7.5

// width is the printed width of the drawing in a column w wide.
func (f *zoneFigure) width(w float64) float64 {
	d := f.drawing()
	if d.Width <= 0 || d.MinTextSize() <= 0 {
		return w
	}
	natural := detailFont / d.MinTextSize() * d.Width * mmPerPoint
	if natural > w && f.legibleWidth() <= w+detailOverhang {
		// a drawing a little wider than the column reaches into the
		// margins rather than onto a landscape page of its own
		return min(natural, w+detailOverhang)
	}
	return min(w, natural)
}

// detailOverhang is how far, in millimetres, a detail drawing may reach
// into the side margins of a portrait page (half on each side: the page
// keeps at least 10 mm on either side).
const detailOverhang = 20.0

// legibleWidth is the printed width at which the drawing's smallest text
// is MinPrintedFont.
func (f *zoneFigure) legibleWidth() float64 {
	d := f.drawing()
	if d.Width <= 0 || d.MinTextSize() <= 0 {
		return 0
	}
	return MinPrintedFont / d.MinTextSize() * d.Width * mmPerPoint
}

// MinWidth is the narrowest column the drawing may be placed in and still
// print its smallest text at MinPrintedFont, reaching into the margins by
// up to detailOverhang (pdf.Shrinker).
func (f *zoneFigure) MinWidth() float64 {
	return max(0, f.legibleWidth()-detailOverhang)
}

// Height is the drawing's height at width w.
func (f *zoneFigure) Height(w float64) float64 {
	return diagramFigure{d: f.drawing()}.Height(f.width(w))
}

// Landscape asks for a landscape page when the drawing would print its
// smallest text below MinPrintedFont across the text width and the
// overhang into the margins.
func (f *zoneFigure) Landscape(textWidth float64) bool {
	return !legibleAt(f.drawing(), textWidth+detailOverhang, 250)
}

// PageSize is A4 landscape, or A3 when that is too small to stay legible.
func (f *zoneFigure) PageSize() (w, h float64) { return diagramFigure{d: f.drawing()}.PageSize() }

// Drawing is the laid-out drawing, for tests that measure it.
func (f *zoneFigure) Drawing() *render.Drawing { return f.drawing() }

// ZoneFigures returns the detail drawing of every zone of p as the figures
// "zone/<zone ID>", for templates: ![caption](figure:zone/{{.ID}}). Each is
// laid out only when a document places it.
func ZoneFigures(p *model.Project, r *risk.Result) map[string]pdf.Figure {
	return ZoneFiguresIn(p, r, i18n.EN)
}

// ZoneFiguresIn is ZoneFigures with the drawings' own words in language l.
func ZoneFiguresIn(p *model.Project, r *risk.Result, l i18n.Lang) map[string]pdf.Figure {
	out := make(map[string]pdf.Figure, len(p.Zones))
	for i := range p.Zones {
		id := p.Zones[i].ID
		out["zone/"+string(id)] = &zoneFigure{p: p, r: r, id: id, lang: l}
	}
	return out
}

// PNG draws the zone's detail drawing for Word.
func (f *zoneFigure) PNG(widthMM float64, dpi int) ([]byte, error) {
	defer f.release()
	return diagramFigure{d: f.drawing()}.PNG(widthMM, dpi)
}

// PNG draws the first part of a split overview; Word places every part
// through Parts.
func (o overviewParts) PNG(widthMM float64, dpi int) ([]byte, error) {
	if f, ok := o[0].(diagramFigure); ok {
		return f.PNG(widthMM, dpi)
	}
	return nil, fmt.Errorf("overview part has no image form")
}

var _ docx.Parter = overviewParts(nil)

// Parts returns the parts for Word, one landscape figure each, as the PDF
// prints them.
func (o overviewParts) Parts() []docx.Figure {
	out := make([]docx.Figure, 0, len(o))
	for _, f := range o {
		if wf, ok := f.(docx.Figure); ok {
			out = append(out, wf)
		}
	}
	return out
}
