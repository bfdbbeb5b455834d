package document

import (
	"context"

	"codeberg.org/go-pdf/fpdf"

	"zonewise/model"
	"zonewise/render"
	"zonewise/render/pdf"
	"zonewise/risk"
)

// diagramFigure places a zone/conduit drawing in a PDF as vectors, and in
// a Word file as a PNG (docx.go).
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

// Diagram lays out the whole-plant zone/conduit diagram of p (with the
// SL-T and gaps of r) as a PDF figure. Its cards count the assets instead
// of listing them (render.View.Compact), so that the plant prints at a
// readable size on a landscape page; the asset inventory lists them.
func Diagram(ctx context.Context, p *model.Project, r *risk.Result) (pdf.Figure, error) {
	d, err := render.Draw(ctx, p, r, render.View{Compact: true})
	if err != nil {
		return nil, err
	}
	return diagramFigure{d: d, pngs: &pngCache{}}, nil
}
