package render

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"zonewise/i18n"
	"zonewise/model"
)

// Zone cards and conduit labels are laid out by this package, not by
// Graphviz: Graphviz only places fixed-size boxes (see board.go). Laying out
// an HTML-like table per zone, with a row per asset, made Graphviz's work
// grow with the number of assets; measuring the text here keeps it to the
// zones and conduits.
//
// Text sizes on a card are never below minDrawingFont points, so that a
// drawing printed at a scale of 7/minDrawingFont or more keeps every text
// at 7 pt or more.
const (
	minDrawingFont = 8.0

	cardPad      = 5.0
	titleSize    = 11.0
	infoSize     = 8.0
	assetSize    = 9.0
	assetRow     = 12.5
	slCellW      = 20.0
	minCardWidth = 130.0

	// maxDetailAssets is the most assets a detail drawing (one zone) lists
	// by name; above it the zone's assets are counted per class.
	maxDetailAssets = 80
	// assetsPerColumn is the height of an asset column: a zone with more
	// assets lists them in several columns, so its card stays near a
	// page's shape.
	assetsPerColumn = 20
)

// card is a zone card laid out at the origin (top left, y down): its size,
// its shapes, and where each listed asset's row starts.
type card struct {
	w, h   float64
	shapes []shape
	assets []AssetPosition // Position relative to the card's top left
}

// assetMode is how a card shows the zone's assets.
type assetMode int

const (
	assetsListed     assetMode = iota // one row per asset
	assetsSummarised                  // one row per class with a count
)

// cardMode decides how the card of z lists its assets: by name when they
// fit, else counted per class (the asset inventory names them).
func (s *scene) cardMode(z *model.Zone, n int) assetMode {
	switch {
	case s.allAssets:
		return assetsListed
	case s.compact:
		return assetsSummarised
	case s.stubs && s.core[z.ID]:
		if n <= maxDetailAssets {
			return assetsListed
		}
		return assetsSummarised
	case s.focus != "" && s.core[z.ID]:
		if n <= maxDetailAssets {
			return assetsListed
		}
		return assetsSummarised
	case s.focus != "":
		return assetsSummarised // a neighbour of the zone in focus
	case n <= maxAssetRows:
		return assetsListed
	}
	return assetsSummarised
}

// stub reports whether z is drawn as a neighbour box (name and type
// only): in a detail or part drawing, every zone outside its core.
func (s *scene) stub(z *model.Zone) bool {
	return s.stubs && !s.core[z.ID]
}

// cardBuilder collects a card's shapes.
type cardBuilder struct {
	shapes []shape
}

func (b *cardBuilder) rect(x, y, w, h float64, fill, pen color.NRGBA, width float64) {
	s := shape{kind: shapePolygon, pts: []pt{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, filled: fill.A > 0, fill: fill, pen: pen, width: width}
	b.shapes = append(b.shapes, s)
}

func (b *cardBuilder) line(x0, y0, x1, y1 float64, pen color.NRGBA, width float64) {
	b.shapes = append(b.shapes, shape{kind: shapePolyline, pts: []pt{{x0, y0}, {x1, y1}}, pen: pen, width: width})
}

// text adds a text whose baseline starts at (x, y) (or is centred on x for
// align 'c').
func (b *cardBuilder) text(x, y float64, s string, size float64, bold, italic bool, c color.NRGBA, align byte) {
	if strings.TrimSpace(s) == "" {
		return
	}
	b.shapes = append(b.shapes, shape{kind: shapeText, pts: []pt{{x, y}}, text: s, size: size, bold: bold, italic: italic, pen: c, align: align})
}

var (
	black = color.NRGBA{A: 255}
	white = color.NRGBA{255, 255, 255, 255}
	muted = parseColor("#555555")
	faint = parseColor("#bbbbbb")
)

// classCount is the number of a zone's assets of one class.
type classCount struct {
	class model.AssetClass
	n     int
}

// countByClass counts assets per class, in the legend's class order, with
// unknown classes last.
func countByClass(assets []*model.Asset) []classCount {
	var out []classCount
	for _, c := range model.AssetClasses() {
		n := 0
		for _, a := range assets {
			if a.Class == c {
				n++
			}
		}
		if n > 0 {
			out = append(out, classCount{c, n})
		}
	}
	other := 0
	for _, a := range assets {
		if !a.Class.Valid() {
			other++
		}
	}
	if other > 0 {
		out = append(out, classCount{"", other})
	}
	return out
}

// classRank orders asset classes as the legend does.
func classRank(c model.AssetClass) int {
	if i := slices.Index(model.AssetClasses(), c); i >= 0 {
		return i
	}
	return len(model.AssetClasses())
}

// zoneCard lays out the card of zone z.
func (s *scene) zoneCard(z *model.Zone, st gapStyle, sl *zoneSL) card {
	var b cardBuilder
	fill, border, ink := parseColor(st.fill), parseColor(st.border), parseColor(st.text)
	name := clean(z.Name, maxNameRunes)
	if name == "" {
		name = s.c.T("diagram.card.unnamedZone")
	}
	info := []string{clean(i18n.Label(s.c, z.Type), 30), levelText(s.c, z.PurdueLevel)}
	if z.SafetyDesignation != "" {
		info = append(info, clean(z.SafetyDesignation, 40))
	}
	if z.OutOfScope {
		info = append(info, s.c.T("diagram.card.outOfScope"))
	} else if sl != nil {
		info = append(info, gapLabel(s.c, st))
	}
	infoText := strings.Join(info, " · ")
	w := max(minCardWidth, textWidth(name, titleSize, true), textWidth(infoText, infoSize, false))
	stub := s.stub(z)
	showSL := sl != nil && !z.OutOfScope && !stub
	slLabelW := textWidth("SL-T ", infoSize, false)
	if showSL {
		w = max(w, slLabelW+7*slCellW)
	}

	// Assets: listed in columns sorted by class then name, or counted.
	assets := s.assets[z.ID]
	mode := s.cardMode(z, len(assets))
	type row struct {
		glyph, text string
		color       color.NRGBA
		italic      bool
		asset       *model.Asset
	}
	var rows []row
	note := ""
	var counts []classCount // the compact card's one line
	switch {
	case s.stub(z):
		// a neighbour of a detail or part drawing: name and type only
	case s.compact && len(assets) > 0:
		counts = countByClass(assets)
	case len(assets) == 0:
		rows = append(rows, row{text: s.c.T("diagram.card.noAssets"), color: parseColor("#777777"), italic: true})
	case mode == assetsListed:
		sorted := slices.Clone(assets)
		slices.SortStableFunc(sorted, func(a, b *model.Asset) int { return cmp.Compare(classRank(a.Class), classRank(b.Class)) })
		for _, a := range sorted {
			cs := styleForClass(a.Class)
			an := clean(a.Name, maxAssetRunes)
			if an == "" {
				an = s.c.T("diagram.card.unnamedAsset")
			}
			rows = append(rows, row{glyph: cs.glyph, text: an, color: parseColor(cs.color), asset: a})
		}
	default:
		for _, cc := range countByClass(assets) {
			cs := styleForClass(cc.class)
			label := s.c.T("diagram.card.otherClass")
			if cc.class != "" {
				label = i18n.Label(s.c, cc.class)
			}
			rows = append(rows, row{glyph: cs.glyph, text: fmt.Sprintf("%d × %s", cc.n, label), color: parseColor(cs.color)})
		}
		n := map[string]string{"N": strconv.Itoa(len(assets))}
		if len(assets) == 1 {
			note = s.c.T("diagram.card.oneAsset")
		} else {
			note = s.c.T("diagram.card.assetsCounted", n)
		}
		if !s.compact && s.focus == "" && !s.stubs {
			note = s.c.T("diagram.card.tooManyAssets", n)
		}
	}
	perCol := len(rows)
	if mode == assetsListed && len(rows) > assetsPerColumn && !s.allAssets {
		cols := (len(rows) + assetsPerColumn - 1) / assetsPerColumn
		if s.stubs {
			cols = 2 // a detail drawing prints on a portrait page
		}
		perCol = (len(rows) + cols - 1) / cols
	}
	glyphW := textWidth("⚙ ", assetSize, false)
	var colW []float64
	for i, r := range rows {
		c := i / max(perCol, 1)
		if c == len(colW) {
			colW = append(colW, 0)
		}
		colW[c] = max(colW[c], glyphW+textWidth(r.text, assetSize, false))
	}
	gridW := 0.0
	for i, cw := range colW {
		if i > 0 {
			gridW += 12
		}
		gridW += cw
	}
	w = max(w, gridW)
	countW := 0.0
	for _, cc := range counts {
		countW += glyphW + textWidth(fmt.Sprint(cc.n), assetSize, false) + 8
	}
	w = max(w, countW)
	if note != "" {
		w = max(w, textWidth(note, infoSize, false))
	}
	w += 2 * cardPad

	// Header: name and info on the zone's gap colour.
	y := 0.0
	headH := 4 + titleSize*1.25 + infoSize*1.35 + 3
	b.rect(0, 0, w, headH, fill, color.NRGBA{}, 0)
	b.text(cardPad, 3+titleSize, name, titleSize, true, false, ink, 'l')
	b.text(cardPad, 4+titleSize*1.25+infoSize, infoText, infoSize, false, false, ink, 'l')
	y = headH
	if showSL {
		y += 3
		x := cardPad + slLabelW
		if !s.compact { // the compact overview's legend names the cells' order
			for i, fr := range model.AllFRs {
				b.text(x+float64(i)*slCellW+slCellW/2, y+infoSize, fr.String(), infoSize, false, false, muted, 'c')
			}
			y += infoSize + 3
		}
		b.text(cardPad, y+11, "SL-T", infoSize, false, false, black, 'l')
		for i, t := range sl.slt {
			bg := white
			if g := sl.gap[i]; g > 0 {
				bg = parseColor(styleForGap(g).fill)
			}
			cx := x + float64(i)*slCellW
			b.rect(cx, y, slCellW, 15, bg, faint, 0.75)
			b.text(cx+slCellW/2, y+11.5, fmt.Sprint(t), 10, true, false, black, 'c')
		}
		y += 15 + 3
	}
	if stub {
		bg := shape{kind: shapePolygon, pts: []pt{{0, 0}, {w, 0}, {w, headH}, {0, headH}}, filled: true, fill: white}
		edge := shape{kind: shapePolygon, pts: bg.pts, pen: border, width: 1.25, dash: []float64{4, 2}}
		return card{w: w, h: headH, shapes: append(append([]shape{bg}, b.shapes...), edge)}
	}
	b.line(0, y, w, y, border, 0.75)
	y += 3

	var out card
	x := cardPad
	top := y
	for i, r := range rows {
		c := i / max(perCol, 1)
		if i > 0 && i%max(perCol, 1) == 0 {
			x += colW[c-1] + 12
			y = top
		}
		base := y + assetSize + 1
		tx := x
		if r.glyph != "" {
			b.text(x, base, r.glyph, assetSize, false, false, r.color, 'l')
			tx += glyphW
		}
		ink := black
		if r.asset == nil && r.glyph == "" {
			ink = r.color
		}
		b.text(tx, base, r.text, assetSize, false, r.italic, ink, 'l')
		if r.asset != nil {
			out.assets = append(out.assets, AssetPosition{ID: r.asset.ID, ZoneID: r.asset.ZoneID, Position: model.Point{X: round2(x), Y: round2(y)}})
		}
		y += assetRow
	}
	y = top + float64(min(len(rows), max(perCol, 1)))*assetRow
	if len(counts) > 0 {
		x := cardPad
		for _, cc := range counts {
			cs := styleForClass(cc.class)
			b.text(x, y+assetSize+1, cs.glyph, assetSize, false, false, parseColor(cs.color), 'l')
			n := fmt.Sprint(cc.n)
			b.text(x+glyphW, y+assetSize+1, n, assetSize, false, false, black, 'l')
			x += glyphW + textWidth(n, assetSize, false) + 8
		}
		y += assetRow
	}
	if note != "" {
		y += 2
		b.text(cardPad, y+infoSize, note, infoSize, false, true, muted, 'l')
		y += infoSize + 4
	}
	h := y + 4
	// The border last, so that it is drawn over the header fill.
	bw := 2.0
	if z.OutOfScope {
		bw = 1
	}
	border2 := shape{kind: shapePolygon, pts: []pt{{0, 0}, {w, 0}, {w, h}, {0, h}}, pen: border, width: bw}
	bg := shape{kind: shapePolygon, pts: border2.pts, filled: true, fill: white}
	out.shapes = append([]shape{bg}, b.shapes...)
	out.shapes = append(out.shapes, border2)
	out.w, out.h = w, h
	return out
}

// conduitCard lays out the label of conduit c: its type tag over its name,
// in a box when it joins three or more zones.
func conduitCard(cat *i18n.Catalog, c *model.Conduit, hub, short bool) card {
	st := styleForConduit(c.Type)
	const size = 9.0
	tag := conduitTag(cat, c.Type)
	name := clean(c.Name, maxNameRunes)
	if short {
		// Only the name's first word, by convention the conduit's own
		// identifier ("K05 Betriebsleitebene – SCADA"): the labels of a
		// part of a split overview sit side by side in one rank.
		name, _, _ = strings.Cut(name, " ")
	}
	w := max(textWidth(tag, size, true), textWidth(name, size, false)) + 6
	h := 2*size*1.2 + 4
	if short {
		w = textWidth(tag+" ", size, true) + textWidth(name, size, false) + 6
		h = size*1.2 + 4
	}
	var b cardBuilder
	ink := parseColor(st.color)
	if hub {
		w += 6
		b.rect(0, 0, w, h, white, ink, st.penw)
	} else {
		b.rect(0, 0, w, h, color.NRGBA{255, 255, 255, 230}, color.NRGBA{}, 0)
	}
	if short {
		b.text(3, 2+size, tag, size, true, false, ink, 'l')
		b.text(3+textWidth(tag+" ", size, true), 2+size, name, size, false, false, black, 'l')
		return card{w: w, h: h, shapes: b.shapes}
	}
	b.text(w/2, 2+size, tag, size, true, false, ink, 'c')
	b.text(w/2, 2+size*2.2, name, size, false, false, black, 'c')
	return card{w: w, h: h, shapes: b.shapes}
}
