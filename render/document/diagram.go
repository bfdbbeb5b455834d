package document

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"zonewise/model"
	"zonewise/render"
	"zonewise/render/pdf"
	"zonewise/risk"
)

// diagramFigure places a zone/conduit drawing in a PDF as vectors.
type diagramFigure struct{ d *render.Drawing }

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
// SL-T and gaps of r) as a PDF figure.
func Diagram(ctx context.Context, p *model.Project, r *risk.Result) (pdf.Figure, error) {
	p, err := bmpOnly(p)
	if err != nil {
		return nil, err
	}
	d, err := render.Draw(ctx, p, r, render.View{})
	if err != nil {
		return nil, err
	}
	return diagramFigure{d}, nil
}

// bmpOnly returns p with every character outside the Basic Multilingual
// Plane (emoji and the like) replaced by "□". fpdf's Unicode font subsets
// index glyphs by 16-bit code and panic on such characters, and the
// diagram draws names straight into the PDF; the document text goes through
// the PDF engine, which already replaces what the font cannot show.
func bmpOnly(p *model.Project) (*model.Project, error) {
	data, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("diagram of %q: %w", p.Name, err)
	}
	if !strings.ContainsFunc(string(data), func(r rune) bool { return r > 0xFFFF }) {
		return p, nil
	}
	data = []byte(strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return '□'
		}
		return r
	}, string(data)))
	var q model.Project
	if err := json.Unmarshal(data, &q); err != nil {
		return nil, fmt.Errorf("diagram of %q: %w", p.Name, err)
	}
	return &q, nil
}
