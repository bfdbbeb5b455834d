package render

import (
	"image/color"
	"strconv"
	"strings"
)

// Drawing is a laid-out diagram: the shapes Graphviz placed, in paint order,
// in points with the origin at the top left and y down. PNG and DrawPDF paint
// it; it looks like the SVG of the same view.
type Drawing struct {
	// Width and Height are the size of the diagram in points (1/72 inch).
	Width, Height float64
	shapes        []shape
	// groups[shape.grp] is the zone, conduit or line a shape belongs to;
	// groups[0] is none.
	groups []svgGroup
}

type shapeKind int

const (
	shapePolygon shapeKind = iota
	shapeEllipse           // pts[0] centre, pts[1] radii
	shapePolyline
	shapeBezier // cubic B-spline control points: p0 (c1 c2 p)...
	shapeText
)

// shape is one xdot operation with its drawing state resolved.
type shape struct {
	kind   shapeKind
	pts    []pt
	filled bool
	fill   color.NRGBA
	pen    color.NRGBA
	width  float64   // line width in points
	dash   []float64 // nil for solid lines

	text      string
	size      float64 // font size in points
	bold      bool
	italic    bool
	align     byte    // 'l', 'c' or 'r' at pts[0] (the baseline)
	textWidth float64 // width Graphviz reserved for the text

	grp int32 // index in Drawing.groups
}

type pt struct{ X, Y float64 }

// ids lists the ids of the drawing's groups: its zones and conduits.
func (d *Drawing) ids() map[string]bool {
	out := make(map[string]bool, len(d.groups))
	for _, g := range d.groups {
		if g.id != "" {
			out[g.id] = true
		}
	}
	return out
}

// svgGroup is what the SVG says about a group of shapes: the id and class
// of a zone, conduit or conduit line, and its tooltip.
type svgGroup struct {
	id, class, tip string
}

// add resolves one xdot attribute (an operation list whose drawing state
// starts afresh) into shapes. Edge splines are never filled: the WebAssembly
// Graphviz marks them filled ("b"), which is the cause of go-graphviz's
// black-blob PNGs.
func (d *Drawing) add(ops []xop, tr func([2]float64) pt, edge bool) {
	pen, fill := color.NRGBA{A: 255}, color.NRGBA{A: 255}
	width := 1.0
	var dash []float64
	size, bold, italic := 14.0, false, false
	pts := func(ps [][2]float64) []pt {
		out := make([]pt, len(ps))
		for i, p := range ps {
			out[i] = tr(p)
		}
		return out
	}
	for _, op := range ops {
		base := shape{pen: pen, fill: fill, width: width, dash: dash}
		switch op.Op {
		case "c":
			pen = opColor(op)
		case "C":
			fill = opColor(op)
		case "S":
			switch {
			case op.Style == "solid":
				dash = nil
			case op.Style == "dashed":
				dash = []float64{5, 2}
			case op.Style == "dotted":
				dash = []float64{1, 5}
			case op.Style == "bold":
				width = 2
			case strings.HasPrefix(op.Style, "setlinewidth("):
				if w, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(op.Style, "setlinewidth("), ")"), 64); err == nil {
					width = w
				}
			}
		case "F":
			size = op.Size
		case "t":
			bold, italic = op.Fontchar&1 != 0, op.Fontchar&2 != 0
		case "P", "p":
			base.kind, base.pts, base.filled = shapePolygon, pts(op.Points), op.Op == "P"
			d.shapes = append(d.shapes, base)
		case "L":
			base.kind, base.pts = shapePolyline, pts(op.Points)
			d.shapes = append(d.shapes, base)
		case "B", "b":
			base.kind, base.pts, base.filled = shapeBezier, pts(op.Points), op.Op == "b" && !edge
			d.shapes = append(d.shapes, base)
		case "E", "e":
			c := tr([2]float64{op.Rect[0], op.Rect[1]})
			base.kind, base.pts, base.filled = shapeEllipse, []pt{c, {op.Rect[2], op.Rect[3]}}, op.Op == "E"
			d.shapes = append(d.shapes, base)
		case "T":
			if strings.TrimSpace(op.Text) == "" {
				continue
			}
			base.kind, base.pts = shapeText, []pt{tr(op.Pt)}
			base.text, base.size, base.bold, base.italic = op.Text, size, bold, italic
			base.align, base.textWidth = 'l', op.Width
			if op.Align != "" {
				base.align = op.Align[0]
			}
			d.shapes = append(d.shapes, base)
		}
	}
}

// opColor reads "#rrggbb" or "#rrggbbaa" (the first stop of a gradient).
func opColor(op xop) color.NRGBA {
	s := op.Color
	if op.Grad != "" && op.Grad != "none" && len(op.Stops) > 0 {
		s = op.Stops[0].Color
	}
	return parseColor(s)
}

func parseColor(s string) color.NRGBA {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 && len(s) != 8 {
		return color.NRGBA{A: 255}
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return color.NRGBA{A: 255}
	}
	if len(s) == 6 {
		return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
	}
	return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}
}

// MinTextSize returns the size in points of the smallest text of the
// drawing (0 for a drawing without text): printed at a scale k (printed
// points per drawing point), its smallest text is MinTextSize()·k points.
func (d *Drawing) MinTextSize() float64 {
	m := 0.0
	for i := range d.shapes {
		if s := &d.shapes[i]; s.kind == shapeText && (m == 0 || s.size < m) {
			m = s.size
		}
	}
	return m
}
