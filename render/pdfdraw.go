package render

import (
	"codeberg.org/go-pdf/fpdf"

	"zonewise/render/pdf"
)

// PDFFontFamily is the font family DrawPDF uses. The caller must have added
// it with fpdf's AddUTF8FontFromBytes in the regular ("") and bold ("B")
// styles, from assets.Fonts (fonts/DejaVuSans.ttf, fonts/DejaVuSans-Bold.ttf).
// Italic text is drawn in the regular style.
const PDFFontFamily = "DejaVu"

// DrawPDF draws the diagram as vectors on the current page of f with its top
// left corner at (x, y) and width w, in f's unit, and returns the height it
// took. Colours, line widths and text match the SVG and PNG. Font, colours,
// line width and dash pattern are restored afterwards.
func (d *Drawing) DrawPDF(f *fpdf.Fpdf, x, y, w float64) (h float64) {
	if d.Width <= 0 || w <= 0 {
		return 0
	}
	k := w / d.Width // document units per point
	fam, style := f.GetFontFamily(), f.GetFontStyle()
	size, _ := f.GetFontSize()
	lw := f.GetLineWidth()
	dr, dg, db := f.GetDrawColor()
	fr, fg, fb := f.GetFillColor()
	tr, tg, tb := f.GetTextColor()
	defer func() {
		f.SetDashPattern(nil, 0)
		f.SetLineWidth(lw)
		f.SetDrawColor(dr, dg, db)
		f.SetFillColor(fr, fg, fb)
		f.SetTextColor(tr, tg, tb)
		if fam != "" {
			f.SetFont(fam, style, size)
		}
	}()
	f.SetLineCapStyle("butt")
	f.SetLineJoinStyle("miter")
	at := func(p pt) (float64, float64) { return x + p.X*k, y + p.Y*k }
	for i := range d.shapes {
		s := &d.shapes[i]
		if s.kind == shapeText {
			pdfText(f, s, k, at)
			continue
		}
		fill := s.filled && s.fill.A > 0
		stroke := s.pen.A > 0 && s.width > 0
		if !fill && !stroke {
			continue
		}
		op := ""
		if fill {
			f.SetFillColor(int(s.fill.R), int(s.fill.G), int(s.fill.B))
			op += "F"
		}
		if stroke {
			f.SetDrawColor(int(s.pen.R), int(s.pen.G), int(s.pen.B))
			f.SetLineWidth(s.width * k)
			dash := make([]float64, len(s.dash))
			for j, l := range s.dash {
				dash[j] = l * k * max(s.width, 1)
			}
			f.SetDashPattern(dash, 0)
			op += "D"
		}
		switch s.kind {
		case shapePolygon, shapePolyline:
			if len(s.pts) == 0 {
				continue
			}
			f.MoveTo(at(s.pts[0]))
			for _, p := range s.pts[1:] {
				f.LineTo(at(p))
			}
			if s.kind == shapePolygon {
				f.ClosePath()
			} else {
				op = "D"
			}
			f.DrawPath(op)
		case shapeBezier:
			if len(s.pts) == 0 {
				continue
			}
			f.MoveTo(at(s.pts[0]))
			for j := 1; j+2 < len(s.pts); j += 3 {
				x1, y1 := at(s.pts[j])
				x2, y2 := at(s.pts[j+1])
				x3, y3 := at(s.pts[j+2])
				f.CurveBezierCubicTo(x1, y1, x2, y2, x3, y3)
			}
			if s.filled {
				f.ClosePath()
			}
			f.DrawPath(op)
		case shapeEllipse:
			cx, cy := at(s.pts[0])
			f.Ellipse(cx, cy, s.pts[1].X*k, s.pts[1].Y*k, 0, op)
		}
	}
	return d.Height * k
}

// pdfText draws a text shape at its baseline, shrunk to the width Graphviz
// reserved when DejaVu would be wider. The text is cleaned as the PDF
// engine cleans its own (pdf.SafeText): fpdf panics on characters beyond
// U+FFFF such as emoji, which print as "□".
func pdfText(f *fpdf.Fpdf, s *shape, k float64, at func(pt) (float64, float64)) {
	text := pdf.SafeText(s.text)
	style := ""
	if s.bold {
		style = "B"
	}
	pts := f.UnitToPointConvert(s.size * k)
	f.SetFont(PDFFontFamily, style, pts)
	width := f.GetStringWidth(text)
	if room := s.textWidth * k; room > 0 && width > room*1.02 {
		pts *= room / width
		f.SetFont(PDFFontFamily, style, pts)
		width = f.GetStringWidth(text)
	}
	x, y := at(s.pts[0])
	switch s.align {
	case 'c':
		x -= width / 2
	case 'r':
		x -= width
	}
	f.SetTextColor(int(s.pen.R), int(s.pen.G), int(s.pen.B))
	f.Text(x, y, text)
}
