package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"zonewise/model"
	"zonewise/render/palette"
)

// heatStops is the default heat map scale, lowest value first: green,
// yellow-green, yellow, orange, red, light enough for dark text on top.
var heatStops = []rgb{
	{0xa9, 0xd8, 0xa6}, {0xd8, 0xea, 0x9e}, {0xff, 0xe3, 0x8c}, {0xff, 0xbb, 0x7c}, {0xf0, 0x8c, 0x84},
}

// wordColor is the fill of a cell whose text names a risk level.
type wordColor struct {
	word string
	c    rgb
}

// levelColors colour risk levels in zw-matrix, with palette's fills (the
// GUI's and the diagram's), most severe word first.
var levelColors = func() []wordColor {
	levels := model.RiskLevels()
	out := make([]wordColor, 0, len(levels))
	for i := len(levels) - 1; i >= 0; i-- {
		c, _ := palette.Risk(levels[i])
		out = append(out, wordColor{string(levels[i]), rgb{int(c.R), int(c.G), int(c.B)}})
	}
	return out
}()

// heatColor interpolates the scale at t in 0..1.
func heatColor(stops []rgb, t float64) rgb {
	if math.IsNaN(t) {
		t = 0
	}
	t = min(max(t, 0), 1)
	if len(stops) == 1 {
		return stops[0]
	}
	pos := t * float64(len(stops)-1)
	i := min(int(pos), len(stops)-2)
	f := pos - float64(i)
	a, b := stops[i], stops[i+1]
	mix := func(x, y int) int { return int(math.Round(float64(x) + (float64(y)-float64(x))*f)) }
	return rgb{mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)}
}

func parseColor(s string) (rgb, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil || len(s) != 6 {
		return rgb{}, fmt.Errorf("colour %q: want #RRGGBB", s)
	}
	return rgb{int(v >> 16), int(v >> 8 & 0xff), int(v & 0xff)}, nil
}

func optFloat(opts map[string]string, key string, def float64) (float64, error) {
	s, ok := opts[key]
	if !ok {
		return def, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("option %s=%q: want a number", key, s)
	}
	return v, nil
}

// heatmap lays out a zw-heatmap block.
func (r *renderer) heatmap(rows [][]string, opts map[string]string) error {
	scale, err := NewHeatScale(opts)
	if err != nil {
		return err
	}
	var g grid
	for i, row := range rows {
		var cells []cell
		for j, txt := range row {
			if i == 0 {
				c := cell{frags: r.textFrags(txt, stBold, sizeTable, colWhite)}
				if j > 0 {
					c.align = alignCenter
				}
				cells = append(cells, c)
				continue
			}
			if j == 0 {
				cells = append(cells, cell{frags: r.textFrags(txt, stBold, sizeTable, colText)})
				continue
			}
			col, show, ok := scale.cell(txt)
			c := cell{frags: r.textFrags(show, 0, sizeTable, colText), align: alignCenter}
			if ok {
				c.fill = &col
			}
			cells = append(cells, c)
		}
		if i == 0 {
			g.header = cells
		} else {
			g.rows = append(g.rows, cells)
		}
	}
	g.widths = r.labelledWidths(g)
	g.vcenter = true
	r.drawGrid(g)
	return nil
}

// labelledWidths gives the first column the width of its longest label
// (between 18 % and 35 % of the text width) and splits the rest evenly.
func (r *renderer) labelledWidths(g grid) []float64 {
	n := len(g.header)
	for _, row := range g.rows {
		n = max(n, len(row))
	}
	if n < 2 {
		return nil
	}
	longest := 0.0
	for _, row := range append([][]cell{g.header}, g.rows...) {
		if len(row) == 0 {
			continue
		}
		w := 0.0
		for i, f := range row[0].frags {
			if i > 0 && !f.glue {
				w += 2
			}
			w += f.w
		}
		longest = max(longest, w)
	}
	first := min(max((longest+2*cellPadX+1)/r.w, 0.18), 0.35)
	out := make([]float64, n)
	out[0] = first
	for i := 1; i < n; i++ {
		out[i] = (1 - first) / float64(n-1)
	}
	return out
}

// fitHeader shrinks the font of header cells whose longest word is wider
// than their column, so that "Catastrophic" is not cut.
func (r *renderer) fitHeader(cells []cell, widths []float64) {
	for i := range cells {
		if i >= len(widths) {
			return
		}
		avail := widths[i]*r.w - 2*cellPadX - 0.5
		widest := 0.0
		for _, f := range cells[i].frags {
			widest = max(widest, f.w)
		}
		if widest <= avail || widest == 0 {
			continue
		}
		scale := max(avail/widest, 0.7)
		for j := range cells[i].frags {
			f := &cells[i].frags[j]
			f.size *= scale
			f.w *= scale
		}
	}
}

// bars lays out a zw-bars block.
func (r *renderer) bars(rows [][]string, opts map[string]string) error {
	unit := opts["unit"]
	bs, err := ParseBars(rows, opts)
	if err != nil {
		return err
	}
	labelW := r.w * 0.38
	valueW := 30.0
	trackX := r.x + labelW + 3
	trackW := r.w - labelW - 3 - valueW - 3
	const barH = 4.2
	labels := make([][]line, len(bs))
	heights := make([]float64, len(bs))
	total := 0.0
	for i, b := range bs {
		labels[i] = firstLines(r.layout(r.textFrags(b.Label, 0, sizeTable, colText), labelW), 3)
		heights[i] = max(float64(len(labels[i]))*lineTable, barH) + 2.6
		total += heights[i]
	}
	r.space(1)
	if total <= keepTogether() {
		r.ensure(total)
	}
	for i, b := range bs {
		ls, h := labels[i], heights[i]
		r.ensure(h)
		ty := r.y + (h-float64(len(ls))*lineTable)/2
		for _, l := range ls {
			r.drawLine(l, r.x, ty, lineTable)
			ty += lineTable
		}
		by := r.y + (h-barH)/2
		r.fillColor(colCodeBg)
		r.f.Rect(trackX, by, trackW, barH, "F")
		ratio := min(max(b.Val/b.Max, 0), 1)
		if ratio > 0 {
			r.fillColor(barColor(ratio))
			r.f.Rect(trackX, by, trackW*ratio, barH, "F")
		}
		txt := BarText(b.Val, b.Max, unit)
		vl := firstLines(r.layout(r.textFrags(txt, 0, sizeSmall, colMuted), valueW+3), 1)
		r.drawLine(vl[0], r.x+r.w-vl[0].w, r.y+(h-lineTable)/2, lineTable)
		r.y += h
	}
	r.space(paraSpacing + 1)
	return nil
}

// num prints a number without a needless fraction.
func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// matrix lays out a zw-matrix block.
func (r *renderer) matrix(rows [][]string, opts map[string]string) error {
	if len(rows) < 2 || len(rows[0]) < 2 {
		return fmt.Errorf("want a header row of consequences and at least one likelihood row")
	}
	n := len(rows[0])
	var g grid
	for i, row := range rows {
		var cells []cell
		for j := 0; j < n; j++ {
			txt := ""
			if j < len(row) {
				txt = row[j]
			}
			switch {
			case i == 0:
				c := cell{frags: r.textFrags(txt, stBold, sizeTable, colWhite)}
				if j > 0 {
					c.align = alignCenter
				}
				cells = append(cells, c)
			case j == 0:
				cells = append(cells, cell{frags: r.textFrags(txt, stBold, sizeTable, colText)})
			default:
				c := cell{frags: r.textFrags(txt, stBold, sizeTable, colText), align: alignCenter}
				if col, ok := levelColor(txt); ok {
					c.fill = &col
				}
				cells = append(cells, c)
			}
		}
		if i == 0 {
			g.header = cells
		} else {
			g.rows = append(g.rows, cells)
		}
	}
	g.widths = r.labelledWidths(g)
	g.minRowH = 9
	g.vcenter = true
	first := g.widths[0]
	r.fitHeader(g.header, g.widths)
	x := opts["x"]
	if x != "" {
		// the axis title goes with the matrix: keep both on one page
		if h := r.layoutGrid(g).height() + lineTable + 3; h <= r.bottom()-marginTop {
			r.ensure(h)
		}
		r.space(1)
		l := firstLines(r.layout(r.textFrags(x, stBold, sizeSmall, colMuted), r.w*(1-first)), 1)[0]
		r.drawLine(l, r.x+r.w*first+(r.w*(1-first)-l.w)/2, r.y, lineTable)
		r.y += lineTable
	}
	r.drawGrid(g)
	if y := opts["y"]; y != "" {
		r.y -= paraSpacing + 1.5
		l := firstLines(r.layout(r.textFrags(r.c.T("doc.matrix.rows", map[string]string{"Rows": y}), stItalic, sizeSmall, colMuted), r.w), 1)[0]
		r.drawLines([]line{l}, lineSmall)
		r.space(paraSpacing + 1.5)
	}
	return nil
}

// levelColor is the colour of the first risk level word in s.
func levelColor(s string) (rgb, bool) {
	words := strings.FieldsFunc(strings.ToLower(s), func(c rune) bool {
		return !(c >= 'a' && c <= 'z')
	})
	for _, w := range words {
		for _, lc := range levelColors {
			if w == lc.word {
				return lc.c, true
			}
		}
	}
	return rgb{}, false
}
