package pdf

import (
	"codeberg.org/go-pdf/fpdf"
)

// boxFigure is a test Figure: a framed box with a label, 0.5 × w high.
type boxFigure struct{ label string }

func (b boxFigure) Draw(f *fpdf.Fpdf, x, y, w float64) float64 {
	h := w * 0.5
	f.SetDrawColor(31, 95, 168)
	f.SetLineWidth(0.5)
	f.Rect(x, y, w, h, "D")
	f.SetFont(FontSans, "B", 14)
	f.Text(x+10, y+h/2, b.label)
	return h
}

func (b boxFigure) Height(w float64) float64 { return w * 0.5 }
