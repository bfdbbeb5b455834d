package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/render/palette"
	"zonewise/risk"
)

// riskColour is the fill of a risk level (render/palette, shared with the
// diagram and the documents); palette.NoLevel when unknown.
func riskColour(l model.RiskLevel) color.Color {
	c, _ := palette.Risk(l)
	return c
}

// em is a length in multiples of the current text size, so that widths
// scale with the presentation mode.
func em(n float32) float32 { return n * theme.TextSize() }

// targetLabel names a zone, conduit or asset with its kind, e.g.
// "Zone Cell 1"; "(missing)" when it is gone.
func targetLabel(p *model.Project, k model.TargetKind, id model.ID) string {
	name := ""
	switch k {
	case model.TargetZone:
		if z := p.Zone(id); z != nil {
			name = z.Name
		}
	case model.TargetConduit:
		if c := p.Conduit(id); c != nil {
			name = c.Name
		}
	case model.TargetAsset:
		if a := p.Asset(id); a != nil {
			name = a.Name
		}
	}
	if name == "" {
		name = tr("common.missing")
	}
	return tr("common.targetLabel", map[string]string{"Kind": uiLabel(k), "Name": name})
}

// frList writes FRs as "FR1, FR3".
func frList(frs []model.FR) string {
	s := make([]string, len(frs))
	for i, f := range frs {
		s[i] = f.String()
	}
	return strings.Join(s, ", ")
}

// scaleName is "3 Possible" for a level of a matrix scale, or the number.
func scaleName(scale []model.ScaleLevel, level int) string {
	for _, l := range scale {
		if l.Level == level {
			return fmt.Sprintf("%d %s", l.Level, l.Name)
		}
	}
	if level == 0 {
		return "–"
	}
	return fmt.Sprint(level)
}

// scaleOptions lists a scale as Select options ("1 Rare", …).
func scaleOptions(scale []model.ScaleLevel) []string {
	out := make([]string, len(scale))
	for i, l := range scale {
		out[i] = scaleName(scale, l.Level)
	}
	return out
}

// scaleLevel is the level of a Select option made by scaleOptions; 0 when
// none.
func scaleLevel(scale []model.ScaleLevel, option string) int {
	for _, l := range scale {
		if scaleName(scale, l.Level) == option {
			return l.Level
		}
	}
	return 0
}

// withConsequence returns the consequences of s with the worst one set to
// level: the category that decides the consequence gets the new level and
// any category above it is lowered to it, so that the scenario's
// consequence is the level picked. A scenario without consequences gets
// one in the production category.
func withConsequence(s *model.ThreatScenario, level int) []model.Consequence {
	out := model.Clone(s.Consequences)
	if len(out) == 0 {
		return []model.Consequence{{Category: model.ConsequenceProduction, Level: level}}
	}
	_, worst := risk.WorstConsequence(s.Consequences)
	for i := range out {
		if out[i].Category == worst || out[i].Level > level {
			out[i].Level = level
		}
	}
	return out
}

// colourBox is a coloured rectangle with centred dark text, the cell of the
// heat maps and of the security level grid.
type colourBox struct {
	widget.BaseWidget
	bg    *canvas.Rectangle
	lines [2]*canvas.Text
	onTap func()
	// selected draws a frame in the primary colour.
	selected bool
}

func newColourBox() *colourBox {
	b := &colourBox{bg: canvas.NewRectangle(palette.NoLevel)}
	for i := range b.lines {
		b.lines[i] = canvas.NewText("", palette.Ink)
		b.lines[i].Alignment = fyne.TextAlignCenter
	}
	b.lines[0].TextStyle.Bold = true
	b.ExtendBaseWidget(b)
	return b
}

// set changes fill and text; a second line is optional. ink is the text
// colour, which the palette gives with each fill.
func (b *colourBox) set(fill, ink color.Color, first, second string) {
	b.bg.FillColor = fill
	for _, l := range b.lines {
		l.Color = ink
	}
	b.lines[0].Text, b.lines[1].Text = first, second
	b.Refresh()
}

// Tapped implements fyne.Tappable.
func (b *colourBox) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

func (b *colourBox) CreateRenderer() fyne.WidgetRenderer {
	return &colourBoxRenderer{b: b}
}

type colourBoxRenderer struct{ b *colourBox }

func (r *colourBoxRenderer) Layout(s fyne.Size) {
	b := r.b
	inset := max(1, theme.Padding()/2)
	b.bg.Resize(s.SubtractWidthHeight(2*inset, 2*inset))
	b.bg.Move(fyne.NewPos(inset, inset))
	b.bg.StrokeWidth = 0
	if b.selected {
		b.bg.StrokeColor, b.bg.StrokeWidth = theme.Color(theme.ColorNamePrimary), max(3, theme.Padding())
	}
	ts := theme.TextSize()
	b.lines[0].TextSize = ts * 1.15
	b.lines[1].TextSize = ts * 0.9
	h0 := b.lines[0].MinSize().Height
	if b.lines[1].Text == "" {
		b.lines[0].Resize(fyne.NewSize(s.Width, h0))
		b.lines[0].Move(fyne.NewPos(0, (s.Height-h0)/2))
		b.lines[1].Hide()
		return
	}
	b.lines[1].Show()
	h1 := b.lines[1].MinSize().Height
	top := (s.Height - h0 - h1) / 2
	b.lines[0].Resize(fyne.NewSize(s.Width, h0))
	b.lines[0].Move(fyne.NewPos(0, top))
	b.lines[1].Resize(fyne.NewSize(s.Width, h1))
	b.lines[1].Move(fyne.NewPos(0, top+h0))
}

func (r *colourBoxRenderer) MinSize() fyne.Size {
	ts := theme.TextSize()
	return fyne.NewSize(ts*3, ts*3.3)
}

func (r *colourBoxRenderer) Refresh() {
	r.Layout(r.b.Size())
	r.b.bg.Refresh()
	for _, l := range r.b.lines {
		l.Refresh()
	}
}

func (r *colourBoxRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.bg, r.b.lines[0], r.b.lines[1]}
}

func (r *colourBoxRenderer) Destroy() {}

// viewHeading is a bold label at the subheading size, for view sections.
func viewHeading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// setLabel changes a label's text only when it differs: measuring text for
// truncation is what a table refresh spends its time on.
func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// column is how a table column takes width: at least min (in multiples of
// the text size, and never less than its header needs), plus grow shares
// of the width the table has to spare. Name columns grow; levels, pickers
// and numbers keep their width.
type column struct {
	min, grow float32
}

// fitColumns is a layout for one table that sets its column widths from
// the width it gets, so that names take the spare width instead of leaving
// it empty on the right, and a header is never cut below its own width.
type fitColumns struct {
	box     *fyne.Container
	table   *widget.Table
	cols    []column
	header  func(col int) string
	widths  []float32
	forSize fyne.Size
	forText float32
}

// newFitColumns wraps t in a container (box) that fits its columns (see
// fitColumns); header gives a column's heading.
func newFitColumns(t *widget.Table, cols []column, header func(col int) string) *fitColumns {
	l := &fitColumns{table: t, cols: cols, header: header}
	l.box = container.New(l, t)
	return l
}

// columnWidths shares width among the columns: each gets its least width,
// and what is left goes to the growing columns in proportion to grow.
func columnWidths(cols []column, least []float32, width float32) []float32 {
	out := make([]float32, len(cols))
	var used, shares float32
	for i, c := range cols {
		out[i] = least[i]
		used += least[i]
		shares += c.grow
	}
	if spare := width - used; spare > 0 && shares > 0 {
		for i, c := range cols {
			out[i] += spare * c.grow / shares
		}
	} else if spare < 0 {
		// The table scrolls sideways anyway (a narrow window, presentation
		// mode's larger text): the name column, the one growing most, gets
		// up to readShare of the view, so that names can be read; the
		// other columns are a scroll away.
		first := -1
		for i, c := range cols {
			if c.grow > 0 && (first < 0 || c.grow > cols[first].grow) {
				first = i
			}
		}
		if first >= 0 {
			out[first] = max(out[first], width*readShare)
		}
	}
	return out
}

// readShare is the part of a table's width its name column takes when the
// columns do not all fit.
const readShare = 0.42

// Layout implements fyne.Layout.
func (l *fitColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	ts := theme.TextSize()
	if size == l.forSize && ts == l.forText {
		return
	}
	l.forSize, l.forText = size, ts
	least := make([]float32, len(l.cols))
	pad := 2*theme.InnerPadding() + theme.Padding()
	for i, c := range l.cols {
		least[i] = em(c.min)
		if l.header != nil {
			h := fyne.MeasureText(l.header(i), ts, fyne.TextStyle{Bold: true}).Width + pad
			least[i] = max(least[i], h)
		}
	}
	// The table draws a separator between columns and a scroll bar.
	avail := size.Width - float32(len(l.cols))*theme.Padding() - theme.ScrollBarSize()
	w := columnWidths(l.cols, least, avail)
	for i, x := range w {
		if i >= len(l.widths) || l.widths[i] != x {
			l.table.SetColumnWidth(i, x)
		}
	}
	l.widths = w
}

// MinSize implements fyne.Layout: a table scrolls, so it asks for little.
func (l *fitColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(em(8), em(6))
}
