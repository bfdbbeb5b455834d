package pdf

import (
	"slices"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// cell is one table cell: its text and, optionally, its own background.
type cell struct {
	frags []frag
	fill  *rgb
	align align
	// signature draws a line to sign on near the bottom of the cell
	signature bool
}

// grid is a table ready for layout. Tables, heat maps and the approval
// block all use it.
type grid struct {
	header []cell
	rows   [][]cell
	// widths, when set, are the column widths as fractions of the text
	// width; otherwise they come from the content.
	widths []float64
	zebra  bool
	// minRowH is the least height of a body row (for signatures).
	minRowH float64
	// headFill is the header background (default navy).
	headFill rgb
	// vcenter centres cell text vertically (heat maps, matrices).
	vcenter bool
}

const (
	cellPadX = 1.8
	cellPadY = 1.5
)

// table lays out a GFM table.
func (r *renderer) table(t *east.Table) {
	r.drawGrid(r.tableGrid(t))
}

// tableGrid converts a GFM table. A header row whose cells are all empty
// is dropped (Markdown needs one; key-value tables leave it blank).
func (r *renderer) tableGrid(t *east.Table) grid {
	var g grid
	g.zebra = true
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			tc, ok := c.(*east.TableCell)
			if !ok {
				continue
			}
			var cl cell
			switch tc.Alignment {
			case east.AlignRight:
				cl.align = alignRight
			case east.AlignCenter:
				cl.align = alignCenter
			}
			if _, head := row.(*east.TableHeader); head {
				cl.frags = r.frags(r.collectSpans(tc, stBold, "", nil), sizeTable, colWhite, 0)
			} else {
				cl.frags = r.frags(r.collectSpans(tc, 0, "", nil), sizeTable, colText, 0)
			}
			cells = append(cells, cl)
		}
		if _, head := row.(*east.TableHeader); head {
			g.header = cells
		} else {
			g.rows = append(g.rows, cells)
		}
	}
	empty := true
	for _, c := range g.header {
		if len(c.frags) > 0 {
			empty = false
		}
	}
	if empty && len(g.rows) > 0 {
		g.header = nil
	}
	return g
}

// gridLayout is a grid laid out at the current width.
type gridLayout struct {
	lh     float64 // line height, smaller when the font was shrunk
	widths []float64
	head   [][]line
	headH  float64
	rows   [][][]line
	rowH   []float64
	n      int
}

func (gl *gridLayout) height() float64 {
	h := gl.headH
	for _, rh := range gl.rowH {
		h += rh
	}
	return h
}

// tableSizes are the font sizes, largest first, a table may be set in so
// that every column is as wide as its longest word.
var tableSizes = []float64{sizeTable, 8.5, 8, 7.5}

// layoutGrid sizes the columns and breaks every cell into lines. When the
// longest words of the columns do not fit side by side, the font shrinks
// a step at a time (down to 7.5 pt) until they do.
func (r *renderer) layoutGrid(g grid) *gridLayout {
	n := len(g.header)
	for _, row := range g.rows {
		n = max(n, len(row))
	}
	gl := &gridLayout{n: n, lh: lineTable}
	if n == 0 {
		return gl
	}
	if len(g.widths) != n {
		base := sizeTable
		for _, size := range tableSizes {
			if size != base {
				g = scaleGrid(g, size/base)
				gl.lh = lineTable * size / sizeTable
				base = size
			}
			if minW, _ := r.columnNeeds(g, n, r.w); sum(minW) <= r.w {
				break
			}
		}
	}
	gl.widths = r.columnWidths(g, n, r.w)
	layoutRow := func(cells []cell) [][]line {
		out := make([][]line, n)
		for i := range n {
			if i < len(cells) {
				out[i] = r.layout(cells[i].frags, gl.widths[i]-2*cellPadX)
			} else {
				out[i] = []line{{}}
			}
		}
		return out
	}
	if len(g.header) > 0 {
		gl.head = layoutRow(g.header)
		for i := range gl.head {
			gl.head[i] = firstLines(gl.head[i], 6) // it repeats on every page
		}
		gl.headH = float64(rowLines(gl.head))*gl.lh + 2*cellPadY
	}
	for _, row := range g.rows {
		ls := layoutRow(row)
		gl.rows = append(gl.rows, ls)
		gl.rowH = append(gl.rowH, max(float64(rowLines(ls))*gl.lh+2*cellPadY, g.minRowH))
	}
	return gl
}

// scaleGrid returns g with every text fragment k times its size. Text
// width grows linearly with the font size, so widths scale the same.
func scaleGrid(g grid, k float64) grid {
	scale := func(cells []cell) []cell {
		out := make([]cell, len(cells))
		for i, c := range cells {
			c.frags = append([]frag(nil), c.frags...)
			for j := range c.frags {
				c.frags[j].size *= k
				c.frags[j].w *= k
			}
			out[i] = c
		}
		return out
	}
	g.header = scale(g.header)
	rows := make([][]cell, len(g.rows))
	for i, row := range g.rows {
		rows[i] = scale(row)
	}
	g.rows = rows
	return g
}

// rowLines is the number of lines of the tallest cell.
func rowLines(ls [][]line) int {
	m := 1
	for _, l := range ls {
		m = max(m, len(l))
	}
	return m
}

// keepTogether is the height up to which a table is moved to the next
// page whole rather than split.
func keepTogether() float64 { return (pageH - marginTop - marginBottom) / 3 }

// columnNeeds measures each column: minW is its longest word (capped at
// 30 % of avail: only such a word is ever broken) and maxW its longest
// text on one line, both with the cell padding.
func (r *renderer) columnNeeds(g grid, n int, avail float64) (minW, maxW []float64) {
	minW = make([]float64, n)
	maxW = make([]float64, n)
	measure := func(cells []cell) {
		for i := 0; i < n && i < len(cells); i++ {
			fr := cells[i].frags
			word, total := 0.0, 0.0
			longest := 0.0
			for j, f := range fr {
				if j > 0 && !f.glue {
					r.setFont(f.st.face(), f.size)
					total += r.f.GetStringWidth(" ")
					word = 0
				}
				if f.brk {
					total = 0
				}
				word += f.w
				total += f.w
				longest = max(longest, word)
				maxW[i] = max(maxW[i], total)
			}
			minW[i] = max(minW[i], min(longest, avail*0.3))
		}
	}
	measure(g.header)
	for _, row := range g.rows {
		measure(row)
	}
	// A column with a header but no text below is there to be filled in
	// by hand (status, evidence, signature): give it room to write.
	for i := range n {
		blank := len(g.rows) > 0
		for _, row := range g.rows {
			if i < len(row) && len(row[i].frags) > 0 {
				blank = false
			}
		}
		if blank && i < len(g.header) && len(g.header[i].frags) > 0 {
			maxW[i] = max(maxW[i], avail*0.2)
		}
	}
	pad := 2*cellPadX + 0.5
	for i := range n {
		minW[i] += pad
		maxW[i] = max(maxW[i]+pad, minW[i])
	}
	return minW, maxW
}

// columnWidths sizes columns from their content: every column gets at
// least its longest word, and the rest of the width goes to the columns
// with the most text. When even the longest words do not fit side by side,
// the columns with the longest words give up the excess (water filling),
// so that only words longer than a column can ever be are broken.
func (r *renderer) columnWidths(g grid, n int, avail float64) []float64 {
	out := make([]float64, n)
	if len(g.widths) == n {
		for i, f := range g.widths {
			out[i] = f * avail
		}
		return out
	}
	minW, maxW := r.columnNeeds(g, n, avail)
	sumMin, sumMax := sum(minW), sum(maxW)
	if sumMin > avail {
		return waterFill(minW, avail)
	}
	if sumMax <= avail {
		// everything fits on one line: spread the slack by content
		for i := range n {
			out[i] = maxW[i] + (avail-sumMax)*maxW[i]/sumMax
		}
		return out
	}
	// Columns whose whole text fits in a fair share of what is left get
	// it, so that short columns (numbers, codes) do not wrap; the rest
	// share the remainder in proportion to their text beyond their
	// longest word.
	done := make([]bool, n)
	left, cols := avail, n
	for changed := true; changed && cols > 0; {
		changed = false
		share := left / float64(cols)
		for i := range n {
			if !done[i] && maxW[i] <= share {
				out[i], done[i] = maxW[i], true
				left -= maxW[i]
				cols--
				changed = true
			}
		}
	}
	restMin, restMax := 0.0, 0.0
	for i := range n {
		if !done[i] {
			restMin += minW[i]
			restMax += maxW[i]
		}
	}
	if restMin > left {
		// the short columns would squeeze the others below their longest
		// word: share out by content instead
		for i := range n {
			out[i] = minW[i] + (avail-sumMin)*(maxW[i]-minW[i])/(sumMax-sumMin)
		}
		return out
	}
	for i := range n {
		if done[i] {
			continue
		}
		if restMax > restMin {
			out[i] = minW[i] + (left-restMin)*(maxW[i]-minW[i])/(restMax-restMin)
		} else {
			out[i] = left / float64(cols)
		}
	}
	return out
}

// drawGrid lays out a table at the cursor. Rows that do not fit move to
// the next page under a repeated header; a row taller than a page is split.
func (r *renderer) drawGrid(g grid) {
	if g.headFill == (rgb{}) {
		g.headFill = colTableHead
	}
	gl := r.layoutGrid(g)
	if gl.n == 0 {
		return
	}
	widths, head, headH, lh := gl.widths, gl.head, gl.headH, gl.lh
	drawHead := func() {
		if head == nil {
			return
		}
		r.drawRow(&g, g.header, head, widths, 0, rowLines(head), headH, lh, &g.headFill)
		r.y += headH
	}
	r.space(1)
	if total := gl.height(); total <= keepTogether() && r.y+total > r.bottom() {
		r.newPage()
	}
	first := true
	for ri, row := range g.rows {
		ls := gl.rows[ri]
		lines := rowLines(ls)
		h := gl.rowH[ri]
		var fill *rgb
		if g.zebra && ri%2 == 1 {
			fill = &colZebra
		}
		if n := len(g.rows); ri == n-2 && ri >= 2 && !first && r.y+h <= r.bottom() && r.y+h+gl.rowH[n-1] > r.bottom() &&
			gl.rowH[n-1] < r.bottom()-marginTop-headH {
			// the last row would go alone to the next page: take this one along
			r.newPage()
			drawHead()
		}
		if first {
			// keep the header with the first row
			if r.y+headH+min(h, 3*lh+2*cellPadY) > r.bottom() && !r.atTop() {
				r.newPage()
			}
			drawHead()
			first = false
		}
		fresh := false // just started a page: never start another before drawing
		for from := 0; from < lines; {
			avail := r.bottom() - r.y
			fits := int((avail - 2*cellPadY) / lh)
			if from == 0 && h <= avail {
				fits = lines
			}
			if !fresh && (fits <= 0 || (from == 0 && fits < lines && (fits < 3 || h <= r.bottom()-marginTop-headH))) {
				// move the row (or the rest of it) to the next page
				r.newPage()
				drawHead()
				fresh = true
				continue
			}
			fits = max(fits, 1)
			to := min(lines, from+fits)
			rh := float64(to-from)*lh + 2*cellPadY
			if from == 0 && to == lines {
				rh = h
			}
			r.drawRow(&g, row, ls, widths, from, to, rh, lh, fill)
			r.y += rh
			from = to
			fresh = false
			if from < lines {
				r.newPage()
				drawHead()
				fresh = true
			}
		}
	}
	if first {
		r.ensure(headH)
		drawHead()
	}
	r.drawColor(colHeading)
	r.f.SetLineWidth(0.3)
	r.f.Line(r.x, r.y, r.x+sum(widths), r.y)
	r.space(paraSpacing + 1.5)
}

// drawRow draws lines [from, to) of each cell of a row with its top at
// the cursor, rh high, with lines lh apart.
func (r *renderer) drawRow(g *grid, cells []cell, ls [][]line, widths []float64, from, to int, rh, lh float64, fill *rgb) {
	x := r.x
	total := sum(widths)
	if fill != nil {
		r.fillColor(*fill)
		r.f.Rect(x, r.y, total, rh, "F")
	}
	for i, w := range widths {
		if i < len(cells) && cells[i].fill != nil {
			r.fillColor(*cells[i].fill)
			r.f.Rect(x+0.25, r.y+0.25, w-0.5, rh-0.5, "F")
		}
		if i < len(cells) && cells[i].signature && to == len(ls[i]) || (i < len(cells) && cells[i].signature && len(ls[i]) <= 1) {
			r.drawColor(colMuted)
			r.f.SetLineWidth(0.2)
			r.f.Line(x+cellPadX, r.y+rh-3.5, x+w-cellPadX, r.y+rh-3.5)
		}
		a := alignLeft
		if i < len(cells) {
			a = cells[i].align
		}
		y := r.y + cellPadY
		if g.vcenter && from == 0 && to >= len(ls[i]) {
			y += (rh - 2*cellPadY - float64(len(ls[i]))*lh) / 2
		}
		for k := from; k < to && k < len(ls[i]); k++ {
			l := ls[i][k]
			lx := x + cellPadX
			switch a {
			case alignRight:
				lx = x + w - cellPadX - l.w
			case alignCenter:
				lx = x + (w-l.w)/2
			}
			r.drawLine(l, lx, y, lh)
			y += lh
		}
		x += w
	}
	r.drawColor(colRule)
	r.f.SetLineWidth(0.15)
	r.f.Line(r.x, r.y+rh, r.x+total, r.y+rh)
}

// waterFill gives every column its need up to a common cap chosen so that
// the widths add up to avail: narrow columns keep their need, the widest
// ones are cut to the cap.
func waterFill(need []float64, avail float64) []float64 {
	sorted := append([]float64(nil), need...)
	slices.Sort(sorted)
	limit, left := 0.0, avail
	for i, v := range sorted {
		rest := float64(len(sorted) - i)
		if v*rest >= left {
			limit = left / rest
			break
		}
		left -= v
		limit = v
	}
	out := make([]float64, len(need))
	for i, v := range need {
		out[i] = min(v, limit)
	}
	return out
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

var _ ast.Node = (*east.Table)(nil)
