package render

import (
	"context"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/goccy/go-graphviz"

	"zonewise/model"
	"zonewise/risk"
)

// Drawing is a laid-out diagram: the shapes Graphviz placed, in paint order,
// in points with the origin at the top left and y down. PNG and DrawPDF paint
// it; it looks like the SVG of the same view.
type Drawing struct {
	// Width and Height are the size of the diagram in points (1/72 inch).
	Width, Height float64
	shapes        []shape
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
}

type pt struct{ X, Y float64 }

// Draw lays out the diagram of p for view v with Graphviz and returns its
// geometry for painting. r may be nil.
func Draw(ctx context.Context, p *model.Project, r *risk.Result, v View) (*Drawing, error) {
	g, err := layoutScene(ctx, p, r, v)
	if err != nil {
		return nil, err
	}
	return newDrawing(g), nil
}

// layoutScene runs Graphviz for the scene and checks that every zone and
// conduit came back.
func layoutScene(ctx context.Context, p *model.Project, r *risk.Result, v View) (*gvGraph, error) {
	s := newScene(p, r, v)
	s.drawing = true
	return layoutSceneJSON(ctx, p, s, v)
}

func layoutSceneJSON(ctx context.Context, p *model.Project, s *scene, v View) (*gvGraph, error) {
	out, err := layoutDOT(ctx, s.dot(p, v), graphviz.Format("json"))
	if err != nil {
		return nil, fmt.Errorf("lay out diagram of %q: %w", p.Name, err)
	}
	g, err := parseGraph(out)
	if err != nil {
		return nil, fmt.Errorf("lay out diagram of %q: %w", p.Name, err)
	}
	if err := s.checkIDs(g.ids()); err != nil {
		return nil, fmt.Errorf("lay out diagram of %q: %w", p.Name, err)
	}
	return g, nil
}

// ids lists the id attributes of the graph's objects and edges.
func (g *gvGraph) ids() map[string]bool {
	out := map[string]bool{}
	for _, o := range g.Objects {
		if o.ID != "" {
			out[o.ID] = true
		}
	}
	for _, e := range g.Edges {
		if e.ID != "" && e.Style != "invis" {
			out[e.ID] = true
		}
	}
	return out
}

func newDrawing(g *gvGraph) *Drawing {
	x0, y0, x1, y1 := g.bounds()
	d := &Drawing{Width: x1 - x0, Height: y1 - y0}
	tr := func(p [2]float64) pt { return pt{p[0] - x0, y1 - p[1]} }
	// The graph's own _draw_ is only its white background: the painters
	// start from white (PNG) or the page (PDF), so it is skipped.
	// Clusters first (they are backgrounds), then nodes, then edges, as in
	// the SVG. Graphviz lists a parent cluster before its children.
	for _, o := range g.Objects {
		if o.Pos == "" {
			d.add(o.Draw, tr, false)
			d.add(o.LDraw, tr, false)
		}
	}
	for _, o := range g.Objects {
		if o.Pos != "" {
			d.add(o.Draw, tr, false)
			d.add(o.LDraw, tr, false)
		}
	}
	for _, e := range g.Edges {
		d.add(e.Draw, tr, true)
		for _, ops := range [][]xop{e.HDraw, e.TDraw, e.LDraw, e.HLDraw, e.TLDraw} {
			d.add(ops, tr, false)
		}
	}
	d.add(g.LDraw, tr, false)
	return d
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
