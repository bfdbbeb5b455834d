package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/render/palette"
)

// heatCell is one likelihood × consequence position of the risk matrix.
type heatCell struct{ L, C int }

// riskHeatMap draws the project's risk matrix coloured by its cell levels,
// with the number of scenarios in each cell and the tolerable-risk line as
// a thick border between tolerable and intolerable cells. Likelihood runs
// upwards, consequence to the right.
type riskHeatMap struct {
	widget.BaseWidget
	title  string
	matrix model.RiskMatrix
	counts map[heatCell]int
	// selected is the highlighted cell (the table's filter), if any.
	selected heatCell
	// marked is the cell of the selected scenario, ringed; zero for none.
	marked heatCell
	onTap  func(heatCell)

	// geometry of the last layout, for Tapped.
	origin       fyne.Position
	cellW, cellH float32
}

func newRiskHeatMap(title string, onTap func(heatCell)) *riskHeatMap {
	m := &riskHeatMap{title: title, counts: map[heatCell]int{}, onTap: onTap}
	m.ExtendBaseWidget(m)
	return m
}

// set replaces matrix, counts and highlights and redraws.
func (m *riskHeatMap) set(matrix model.RiskMatrix, counts map[heatCell]int, selected, marked heatCell) {
	m.matrix, m.counts, m.selected, m.marked = matrix, counts, selected, marked
	m.Refresh()
}

// count is the number shown in a cell.
func (m *riskHeatMap) count(c heatCell) int { return m.counts[c] }

// Tapped selects the cell under the pointer.
func (m *riskHeatMap) Tapped(e *fyne.PointEvent) {
	if m.onTap == nil || m.cellW <= 0 || m.cellH <= 0 {
		return
	}
	nl, nc := len(m.matrix.Likelihoods), len(m.matrix.Consequences)
	col := int((e.Position.X - m.origin.X) / m.cellW)
	row := int((e.Position.Y - m.origin.Y) / m.cellH)
	if e.Position.X < m.origin.X || e.Position.Y < m.origin.Y || col >= nc || row >= nl {
		return
	}
	m.onTap(heatCell{L: m.matrix.Likelihoods[nl-1-row].Level, C: m.matrix.Consequences[col].Level})
}

func (m *riskHeatMap) CreateRenderer() fyne.WidgetRenderer {
	r := &heatMapRenderer{m: m, title: canvas.NewText("", color.Black), axisL: canvas.NewText(tr("heatmap.axis.likelihood"), color.Black), axisC: canvas.NewText(tr("heatmap.axis.consequence"), color.Black), ring: canvas.NewCircle(color.Transparent)}
	r.title.TextStyle.Bold = true
	r.rebuild()
	return r
}

type heatMapRenderer struct {
	m            *riskHeatMap
	title        *canvas.Text
	axisL, axisC *canvas.Text
	rowLabels    []*canvas.Text
	colLabels    []*canvas.Text
	rects        []*canvas.Rectangle
	texts        []*canvas.Text
	lines        []*canvas.Line
	ring         *canvas.Circle // around the selected scenario's count
	nl, nc       int
	objects      []fyne.CanvasObject
}

// rebuild makes the shapes for the matrix dimensions.
func (r *heatMapRenderer) rebuild() {
	nl, nc := len(r.m.matrix.Likelihoods), len(r.m.matrix.Consequences)
	r.nl, r.nc = nl, nc
	r.rowLabels, r.colLabels, r.rects, r.texts = nil, nil, nil, nil
	for range nl {
		t := canvas.NewText("", color.Black)
		t.Alignment = fyne.TextAlignTrailing
		r.rowLabels = append(r.rowLabels, t)
	}
	for range nc {
		t := canvas.NewText("", color.Black)
		t.Alignment = fyne.TextAlignCenter
		r.colLabels = append(r.colLabels, t)
	}
	for range nl * nc {
		rect := canvas.NewRectangle(palette.NoLevel)
		r.rects = append(r.rects, rect)
		t := canvas.NewText("", palette.Ink)
		t.Alignment = fyne.TextAlignCenter
		t.TextStyle.Bold = true
		r.texts = append(r.texts, t)
	}
	// At most one vertical and one horizontal border segment per cell.
	r.lines = make([]*canvas.Line, 2*nl*nc)
	for i := range r.lines {
		r.lines[i] = canvas.NewLine(color.Black)
	}
	r.objects = []fyne.CanvasObject{r.title, r.axisL, r.axisC}
	for _, x := range r.rects {
		r.objects = append(r.objects, x)
	}
	for _, x := range r.texts {
		r.objects = append(r.objects, x)
	}
	for _, x := range r.rowLabels {
		r.objects = append(r.objects, x)
	}
	for _, x := range r.colLabels {
		r.objects = append(r.objects, x)
	}
	for _, x := range r.lines {
		r.objects = append(r.objects, x)
	}
	r.objects = append(r.objects, r.ring) // on top
}

func (r *heatMapRenderer) textSizes() (ts, small float32) {
	ts = theme.TextSize()
	return ts, ts * 0.85
}

// labelWidth is the width of the likelihood labels: their names, or (short)
// their numbers alone, which a narrow map falls back to.
func (r *heatMapRenderer) labelWidth(short bool) float32 {
	_, small := r.textSizes()
	w := float32(0)
	for _, l := range r.m.matrix.Likelihoods {
		s := fyne.MeasureText(r.rowLabel(l.Level, short), small, fyne.TextStyle{})
		w = max(w, s.Width)
	}
	return w + theme.Padding()*2
}

func (r *heatMapRenderer) rowLabel(level int, short bool) string {
	if short {
		return fmt.Sprint(level)
	}
	return scaleName(r.m.matrix.Likelihoods, level)
}

// minCellW is the narrowest a cell gets at text size ts (room for a count).
func minCellW(ts float32) float32 { return ts * 2.4 }

func (r *heatMapRenderer) Layout(s fyne.Size) {
	m := r.m
	if len(m.matrix.Likelihoods) != r.nl || len(m.matrix.Consequences) != r.nc {
		r.rebuild()
	}
	ts, small := r.textSizes()
	fg := theme.Color(theme.ColorNameForeground)
	pad := theme.Padding()

	r.title.Text, r.title.TextSize, r.title.Color = m.title, ts*1.1, fg
	th := r.title.MinSize().Height
	r.title.Move(fyne.NewPos(0, 0))
	r.title.Resize(fyne.NewSize(s.Width, th))

	r.axisL.TextSize, r.axisL.Color = small, fg
	r.axisC.TextSize, r.axisC.Color = small, fg
	ah := r.axisL.MinSize().Height
	r.axisL.Move(fyne.NewPos(0, th))
	r.axisL.Resize(r.axisL.MinSize())

	// Names beside the rows when the cells keep their width, else the
	// numbers alone (a narrow window, presentation mode's larger text).
	short := s.Width-r.labelWidth(false) < float32(max(r.nc, 1))*minCellW(ts)
	left := r.labelWidth(short)
	top := th + ah + pad
	bottom := 2*ah + pad
	if r.nl == 0 || r.nc == 0 {
		m.cellW, m.cellH = 0, 0
		return
	}
	cw := max(0, (s.Width-left)/float32(r.nc))
	ch := max(0, (s.Height-top-bottom)/float32(r.nl))
	m.origin, m.cellW, m.cellH = fyne.NewPos(left, top), cw, ch

	for row := range r.nl {
		l := m.matrix.Likelihoods[r.nl-1-row]
		lab := r.rowLabels[row]
		lab.Text, lab.TextSize, lab.Color = r.rowLabel(l.Level, short), small, fg
		lh := lab.MinSize().Height
		lab.Move(fyne.NewPos(0, top+float32(row)*ch+(ch-lh)/2))
		lab.Resize(fyne.NewSize(left-pad, lh))
	}
	for col := range r.nc {
		c := m.matrix.Consequences[col]
		lab := r.colLabels[col]
		lab.Text, lab.TextSize, lab.Color = scaleName(m.matrix.Consequences, c.Level), small, fg
		if lab.MinSize().Width > cw {
			lab.Text = fmt.Sprint(c.Level) // the name does not fit: the number alone
		}
		lab.Move(fyne.NewPos(left+float32(col)*cw, top+float32(r.nl)*ch+pad/2))
		lab.Resize(fyne.NewSize(cw, ah))
	}
	r.axisC.Move(fyne.NewPos(left, top+float32(r.nl)*ch+ah+pad/2))
	r.axisC.Resize(r.axisC.MinSize())

	gap := max(1, pad/2)
	for row := range r.nl {
		l := m.matrix.Likelihoods[r.nl-1-row].Level
		for col := range r.nc {
			c := m.matrix.Consequences[col].Level
			i := row*r.nc + col
			pos := fyne.NewPos(left+float32(col)*cw, top+float32(row)*ch)
			rect := r.rects[i]
			rect.FillColor = riskColour(m.matrix.Level(l, c))
			rect.StrokeWidth = 0
			if (heatCell{l, c}) == m.selected {
				rect.StrokeColor, rect.StrokeWidth = theme.Color(theme.ColorNamePrimary), 4
			}
			rect.Move(pos.AddXY(gap/2, gap/2))
			rect.Resize(fyne.NewSize(cw-gap, ch-gap))
			t := r.texts[i]
			t.Text = ""
			if n := m.count(heatCell{l, c}); n > 0 {
				t.Text = fmt.Sprint(n)
			}
			t.TextSize = min(ts*1.6, ch*0.6)
			tsz := t.MinSize()
			t.Move(pos.AddXY(0, (ch-tsz.Height)/2))
			t.Resize(fyne.NewSize(cw, tsz.Height))
		}
	}
	r.layoutLine(left, top, cw, ch, fg)
	r.layoutRing(left, top, cw, ch)
}

// layoutRing rings the count of the marked cell.
func (r *heatMapRenderer) layoutRing(left, top, cw, ch float32) {
	m := r.m
	r.ring.Hide()
	if m.marked == (heatCell{}) {
		return
	}
	for row := range r.nl {
		if m.matrix.Likelihoods[r.nl-1-row].Level != m.marked.L {
			continue
		}
		for col := range r.nc {
			if m.matrix.Consequences[col].Level != m.marked.C {
				continue
			}
			d := min(cw, ch) * 0.8
			r.ring.StrokeColor, r.ring.StrokeWidth = palette.Ink, max(2, theme.TextSize()/6)
			r.ring.Move(fyne.NewPos(left+float32(col)*cw+(cw-d)/2, top+float32(row)*ch+(ch-d)/2))
			r.ring.Resize(fyne.NewSize(d, d))
			r.ring.Show()
		}
	}
}

// layoutLine draws the tolerable line: a thick border wherever an
// intolerable cell touches a tolerable one on its left or below it.
func (r *heatMapRenderer) layoutLine(left, top, cw, ch float32, fg color.Color) {
	m := r.m
	tolerable := func(row, col int) bool {
		l := m.matrix.Likelihoods[r.nl-1-row].Level
		c := m.matrix.Consequences[col].Level
		return m.matrix.IsTolerable(m.matrix.Level(l, c))
	}
	n := 0
	w := max(3, theme.TextSize()/4)
	for row := range r.nl {
		for col := range r.nc {
			if tolerable(row, col) {
				continue
			}
			x, y := left+float32(col)*cw, top+float32(row)*ch
			if col > 0 && tolerable(row, col-1) {
				r.setLine(n, fyne.NewPos(x, y), fyne.NewPos(x, y+ch), fg, w)
				n++
			}
			if row < r.nl-1 && tolerable(row+1, col) {
				r.setLine(n, fyne.NewPos(x, y+ch), fyne.NewPos(x+cw, y+ch), fg, w)
				n++
			}
		}
	}
	for ; n < len(r.lines); n++ {
		r.lines[n].Hide()
	}
}

func (r *heatMapRenderer) setLine(i int, a, b fyne.Position, col color.Color, w float32) {
	l := r.lines[i]
	l.Position1, l.Position2, l.StrokeColor, l.StrokeWidth = a, b, col, w
	l.Show()
}

func (r *heatMapRenderer) MinSize() fyne.Size {
	ts, _ := r.textSizes()
	nl, nc := float32(len(r.m.matrix.Likelihoods)), float32(len(r.m.matrix.Consequences))
	return fyne.NewSize(max(r.labelWidth(true)+nc*minCellW(ts), r.axisWidth()), ts*5+nl*ts*2.2)
}

func (r *heatMapRenderer) Refresh() {
	r.Layout(r.m.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

func (r *heatMapRenderer) Objects() []fyne.CanvasObject {
	if len(r.m.matrix.Likelihoods) != r.nl || len(r.m.matrix.Consequences) != r.nc {
		r.rebuild()
	}
	return r.objects
}

func (r *heatMapRenderer) Destroy() {}

// axisWidth is the width the axis titles need.
func (r *heatMapRenderer) axisWidth() float32 {
	_, small := r.textSizes()
	return max(fyne.MeasureText(r.axisL.Text, small, fyne.TextStyle{}).Width, fyne.MeasureText(r.axisC.Text, small, fyne.TextStyle{}).Width)
}
