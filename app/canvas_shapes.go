package app

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"zonewise/model"
)

// The set* helpers change a primitive only when a value differs, and then
// refresh just that primitive: a refresh after one edit touches only what
// the edit changed.

func setRect(r *canvas.Rectangle, pos fyne.Position, size fyne.Size, fill, stroke color.Color, width, radius float32) {
	changed := false
	if r.Position() != pos {
		r.Move(pos)
	}
	if r.Size() != size {
		r.Resize(size)
	}
	if !sameColor(r.FillColor, fill) {
		r.FillColor, changed = fill, true
	}
	if !sameColor(r.StrokeColor, stroke) {
		r.StrokeColor, changed = stroke, true
	}
	if r.StrokeWidth != width {
		r.StrokeWidth, changed = width, true
	}
	if r.CornerRadius != radius {
		r.CornerRadius, changed = radius, true
	}
	if !r.Visible() {
		r.Show()
	}
	if changed {
		r.Refresh()
	}
}

func setText(t *canvas.Text, s string, pos fyne.Position, size float32, col color.Color, bold bool) {
	changed := false
	if t.Text != s {
		t.Text, changed = s, true
	}
	if t.TextSize != size {
		t.TextSize, changed = size, true
	}
	if !sameColor(t.Color, col) {
		t.Color, changed = col, true
	}
	if t.TextStyle.Bold != bold {
		t.TextStyle.Bold, changed = bold, true
	}
	if t.Position() != pos {
		t.Move(pos)
	}
	if !t.Visible() {
		t.Show()
	}
	if changed {
		t.Refresh()
	}
}

func setLine(l *canvas.Line, a, b fyne.Position, col color.Color, width float32) {
	changed := false
	if l.Position1 != a || l.Position2 != b {
		l.Position1, l.Position2, changed = a, b, true
	}
	if !sameColor(l.StrokeColor, col) {
		l.StrokeColor, changed = col, true
	}
	if l.StrokeWidth != width {
		l.StrokeWidth, changed = width, true
	}
	if !l.Visible() {
		l.Show()
	}
	if changed {
		l.Refresh()
	}
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// zoneShape draws one zone: a rounded rectangle, its name, type and Purdue
// level, an SL-T badge and (when selected) a resize handle.
type zoneShape struct {
	rect, stripe, badgeBg, handle *canvas.Rectangle
	name, kind, badge             *canvas.Text
	more                          *canvas.Text
	// summary is what the zone says about its assets when zoomed out
	summary          [3]*canvas.Text
	summaryFit       [3]fitted
	nameFit, kindFit fitted
	// compactFit fits the short summary (count only) when the long one
	// does not fit on the type line
	compactFit fitted
	badgeFor   string
	badgeTS    float32
	badgeSize  fyne.Size
	// where the last update drew the zone (screen), and the bottom of its
	// header text, for the summary below it and for conduit labels
	tl       fyne.Position
	size     fyne.Size
	headerTo float32
	// mark is the zone's mark in an open comparison
	mark *zoneMark
}

func newZoneShape() *zoneShape {
	return &zoneShape{
		rect: canvas.NewRectangle(color.Transparent), badgeBg: canvas.NewRectangle(color.Transparent),
		handle: canvas.NewRectangle(color.Transparent), stripe: canvas.NewRectangle(color.Transparent),
		name: canvas.NewText("", color.Black), kind: canvas.NewText("", color.Black), badge: canvas.NewText("", color.Black),
		more:    canvas.NewText("", color.Black),
		summary: [3]*canvas.Text{canvas.NewText("", color.Black), canvas.NewText("", color.Black), canvas.NewText("", color.Black)},
		mark:    newZoneMark(),
	}
}

// summaryTS is the text size of a zone's summary lines.
func summaryTS() float32 { return min(max(13*presentScale(), canvasMinText), 18*presentScale()) }

// showSummary writes lines below the zone's header, as many as fit, at a
// size that stays readable when zoomed out.
func (s *zoneShape) showSummary(lines []string, fg color.Color) {
	ts := summaryTS()
	y := s.headerTo + ts*0.3
	for i, t := range s.summary {
		if i >= len(lines) || y+ts*1.3 > s.tl.Y+s.size.Height || s.size.Width < 4*ts {
			if t.Visible() {
				t.Hide()
			}
			continue
		}
		s.summaryFit[i].set(lines[i], s.size.Width-ts, ts, fyne.TextStyle{Bold: i == 0})
		setText(t, s.summaryFit[i].text, fyne.NewPos(s.tl.X+ts/2, y), ts, withAlpha(fg, 230), i == 0)
		y += ts * 1.35
	}
}

func (s *zoneShape) hideSummary() {
	for _, t := range s.summary {
		if t.Visible() {
			t.Hide()
		}
	}
}

// showMore writes "+N more" in the zone's last asset cell.
func (s *zoneShape) showMore(tl fyne.Position, size fyne.Size, n int, zoom float32, fg color.Color) {
	ts := textSize(13, zoom)
	setText(s.more, tr("canvas.more", map[string]any{"N": n}), tl.Add(fyne.NewPos(6*zoom, (size.Height-ts*1.3)/2)), ts, withAlpha(fg, 210), true)
}

func (s *zoneShape) hideMore() {
	if s.more.Visible() {
		s.more.Hide()
	}
}

func (s *zoneShape) objects() []fyne.CanvasObject {
	return append([]fyne.CanvasObject{s.rect, s.stripe, s.name, s.kind, s.badgeBg, s.badge, s.more, s.summary[0], s.summary[1], s.summary[2], s.handle}, s.mark.objects()...)
}

// update draws the zone at tl, size (screen). headerRoom, when not 0, is
// the height its header (name line, type and badge line) must fit in: the
// chips start below it.
//
// compact, when given, is what the zone holds in a few words (zoomed out):
// on a box too small for the summary lines below the header it takes the
// place of the type and Purdue level on the header's second line, the
// long form when it fits, else the short one, else the bare count.
func (s *zoneShape) update(zoom float32, tl fyne.Position, size fyne.Size, z *model.Zone, fill, fg, sel color.Color, selected bool, badge string, headerRoom float32, compact [3]string) {
	stroke, width := withAlpha(fg, 190), float32(1.5)
	if z.IsSafety() {
		stroke = color.NRGBA{200, 30, 30, 220}
		width = 2.5
	}
	if selected {
		stroke, width = sel, 3.5
	}
	// The box is drawn a little inside the zone's bounds, so that two
	// zones sharing an edge show two lines with a gap between them.
	inset := min(max(1.5, 3*zoom), size.Width/8, size.Height/8)
	tl, size = tl.Add(fyne.NewPos(inset, inset)), fyne.NewSize(max(size.Width-2*inset, 1), max(size.Height-2*inset, 1))
	s.tl, s.size = tl, size
	setRect(s.rect, tl, size, fill, stroke, width, 10*zoom)
	// A stripe in the zone type's colour along the top edge, so that DMZs,
	// control and safety zones are told apart at a glance.
	sw := max(3, 5*zoom)
	setRect(s.stripe, tl.Add(fyne.NewPos(10*zoom, width/2)), fyne.NewSize(max(size.Width-20*zoom, 1), sw), zoneTypeColor(z.Type), color.Transparent, 0, sw/2)
	pad := max(8*zoom, 3)
	sc := presentScale()
	if size.Width < 36 || size.Height < 14 { // a dot on the overview: colour only
		hideAll([]fyne.CanvasObject{s.name, s.kind, s.badge, s.badgeBg, s.handle})
		s.headerTo = tl.Y + size.Height
		return
	}
	// Names and badges stay readable when zoomed out, as long as the box
	// on screen is large enough to hold them.
	ts := min(max(16*zoom*sc, min(11*sc, size.Height/3)), 48*sc)
	ks := min(max(12*zoom*sc, min(9*sc, size.Height/4)), 36*sc)
	if headerRoom > 0 {
		// presentation mode's larger text would run under the chips
		if need := pad*0.6 + ts*1.4 + ks*1.4 + zoom; need > headerRoom-inset {
			f := (headerRoom - inset - 2) / need
			ts, ks = ts*f, ks*f
		}
	}
	ts, ks = max(ts, canvasMinText), max(ks, canvasMinText)
	// A name that does not fit is set up to a fifth smaller before it is
	// cut ("Desinfektion & Reinigung" rather than "Desinfektion & Rein…").
	full, nameW, bold := orUntitled(z.Name), size.Width-2*pad, fyne.TextStyle{Bold: true}
	if s.nameFit.full != full || s.nameFit.width != nameW || s.nameFit.size != ts {
		s.nameFit.set(full, nameW, ts, bold)
		s.nameFit.shrunk = ts
		if f := nameW / (s.nameFit.unit * ts * 1.02); s.nameFit.text != full && f >= 0.8 && ts*f >= canvasMinText {
			s.nameFit.text, s.nameFit.shrunk = full, ts*f
		}
	}
	nameTS := s.nameFit.shrunk
	setText(s.name, s.nameFit.text, tl.Add(fyne.NewPos(pad, pad*0.6)), nameTS, fg, true)
	line2 := tl.Y + pad*0.6 + ts*1.4
	s.headerTo = line2 + ks*1.4

	// Line 2: type and Purdue level on the left, the SL-T badge on the right.
	kindRight := tl.X + size.Width - pad
	if badge != "" && s.badgeFor != badge || s.badgeTS != ks {
		s.badgeFor, s.badgeTS = badge, ks
		s.badgeSize = fyne.MeasureText(badge, ks, fyne.TextStyle{Bold: true})
	}
	// A narrow box sets its badge smaller to fit inside it, never sticking
	// out of the box; one too narrow for a legible badge shows none (the
	// SL grid and the properties have it).
	m, bts := s.badgeSize, ks
	if room := size.Width - 2*pad - 8*zoom; m.Width > room {
		f := max(room, 0) / m.Width
		bts = ks * f
		m = fyne.NewSize(m.Width*f, m.Height*f)
	}
	if badge == "" || size.Height < ts*1.4+ks*1.6 || bts < 6*presentScale() {
		s.badge.Hide()
		s.badgeBg.Hide()
	} else {
		bw, bh := m.Width+8*zoom, m.Height+2*zoom
		bx := tl.X + size.Width - bw - pad
		if bx < tl.X+pad { // too narrow for type and badge on one line: the badge alone
			bx = tl.X + pad
		}
		bpos := fyne.NewPos(bx, line2-zoom)
		kindRight = bpos.X - 4*zoom
		setRect(s.badgeBg, bpos, fyne.NewSize(bw, bh), withAlpha(fg, 230), color.Transparent, 0, 4*zoom)
		setText(s.badge, badge, bpos.Add(fyne.NewPos(4*zoom, zoom)), bts, invert(fg), true)
	}
	kind := fmt.Sprintf("%s · L%s", uiLabel(z.Type), trimFloat(z.PurdueLevel))
	if z.SafetyDesignation != "" {
		kind += " · " + z.SafetyDesignation
	}
	if z.OutOfScope {
		kind += " · " + tr("canvas.outOfScope")
	}
	if kindRight-tl.X-pad < ks*2 || size.Height < ts*1.4+ks*1.6 {
		s.kind.Hide()
	} else {
		text, w := kind, kindRight-tl.X-pad
		if compact[0] != "" && s.headerTo+summaryTS()*1.6 > tl.Y+size.Height {
			// no room for the summary below: the gist on this line
			s.kindFit.set(compact[0], w, ks, fyne.TextStyle{})
			text = s.kindFit.text
			if text != compact[0] {
				s.compactFit.set(compact[1], w, ks, fyne.TextStyle{})
				text = s.compactFit.text
			}
			if text != compact[1] {
				text = compact[2] // the count alone rather than "17 ass…"
			}
		} else {
			s.kindFit.set(kind, w, ks, fyne.TextStyle{})
			text = s.kindFit.text
		}
		setText(s.kind, text, fyne.NewPos(tl.X+pad, line2), ks, withAlpha(fg, 200), false)
	}
	if selected {
		hs := max(10, 12*zoom)
		setRect(s.handle, tl.Add(fyne.NewPos(size.Width-hs, size.Height-hs)), fyne.NewSize(hs, hs), sel, color.Transparent, 0, 2)
	} else if s.handle.Visible() {
		s.handle.Hide()
	}
}

// zoneTypeColor is the accent colour of a zone type.
func zoneTypeColor(t model.ZoneType) color.Color {
	switch t {
	case model.ZoneEnterprise:
		return color.NRGBA{60, 110, 200, 255}
	case model.ZoneDMZ:
		return color.NRGBA{140, 80, 200, 255}
	case model.ZoneSupervisory:
		return color.NRGBA{20, 150, 160, 255}
	case model.ZoneControl:
		return color.NRGBA{40, 160, 80, 255}
	case model.ZoneSafety:
		return color.NRGBA{210, 40, 40, 255}
	case model.ZoneField:
		return color.NRGBA{150, 110, 60, 255}
	case model.ZoneRemoteAccess:
		return color.NRGBA{230, 130, 20, 255}
	case model.ZoneWireless:
		return color.NRGBA{30, 170, 220, 255}
	}
	return color.NRGBA{130, 130, 130, 255}
}

func invert(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	if r+g+b > 3*0x8000 {
		return color.NRGBA{20, 20, 20, 255}
	}
	return color.NRGBA{250, 250, 250, 255}
}

func trimFloat(f float64) string {
	if f == math.Trunc(f) {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%g", f)
}

// assetShape draws one asset as a chip: a class glyph and the name.
type assetShape struct {
	// mark frames the chip in an open comparison
	mark          *canvas.Rectangle
	rect, glyphBg *canvas.Rectangle
	glyph, name   *canvas.Text
	// the last fitted name, to measure text only when name or size change
	fitFor   string
	fitWidth float32
	fitText  string
	glyphM   fyne.Size
	glyphTS  float32
}

func newAssetShape() *assetShape {
	return &assetShape{
		mark: canvas.NewRectangle(color.Transparent),
		rect: canvas.NewRectangle(color.Transparent), glyphBg: canvas.NewRectangle(color.Transparent),
		glyph: canvas.NewText("", color.White), name: canvas.NewText("", color.Black),
	}
}

func (s *assetShape) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{s.mark, s.rect, s.glyphBg, s.glyph, s.name}
}

func (s *assetShape) hide() { hideAll(s.objects()) }

// classGlyph is the letter and colour of an asset class.
func classGlyph(c model.AssetClass) (string, color.Color) {
	switch c {
	case model.ClassApplication:
		return "A", color.NRGBA{120, 80, 200, 255}
	case model.ClassEmbedded:
		return "E", color.NRGBA{20, 130, 90, 255}
	case model.ClassHost:
		return "H", color.NRGBA{30, 100, 200, 255}
	case model.ClassNetwork:
		return "N", color.NRGBA{200, 110, 20, 255}
	}
	return "?", color.NRGBA{120, 120, 120, 255}
}

func (s *assetShape) update(zoom float32, tl fyne.Position, size fyne.Size, a *model.Asset, fg, sel color.Color, selected, dark bool) {
	bg := color.Color(color.NRGBA{255, 255, 255, 235})
	if dark {
		bg = color.NRGBA{45, 48, 55, 235}
	}
	stroke, width := withAlpha(fg, 90), float32(1)
	if selected {
		stroke, width = sel, 3
	}
	setRect(s.rect, tl, size, bg, stroke, width, 5*zoom)
	letter, col := classGlyph(a.Class)
	g := size.Height - 6*zoom
	setRect(s.glyphBg, tl.Add(fyne.NewPos(3*zoom, 3*zoom)), fyne.NewSize(g, g), col, color.Transparent, 0, 3*zoom)
	if zoom < 0.4 { // overview: coloured chips without text, nothing to measure
		hideAll([]fyne.CanvasObject{s.glyph, s.name})
		return
	}
	ts := textSize(14, zoom)
	if s.glyphTS != ts || s.glyph.Text != letter {
		s.glyphM, s.glyphTS = fyne.MeasureText(letter, ts, fyne.TextStyle{Bold: true}), ts
	}
	gm := s.glyphM
	setText(s.glyph, letter, tl.Add(fyne.NewPos(3*zoom+(g-gm.Width)/2, 3*zoom+(g-gm.Height)/2)), ts, color.White, true)
	full, width := orUntitled(a.Name), size.Width-g-12*zoom
	if s.fitFor != full || s.fitWidth != width {
		s.fitFor, s.fitWidth, s.fitText = full, width, ellipsize(full, width, ts, fyne.TextStyle{})
	}
	setText(s.name, s.fitText, tl.Add(fyne.NewPos(g+9*zoom, (size.Height-gm.Height)/2)), ts, fg, false)
}

// fitted caches ellipsize: text is measured again only when the full
// text, the width or the size changes.
type fitted struct {
	full        string
	width, size float32
	text        string
	// shrunk is the smaller size a zone name was set in to fit whole
	shrunk float32
	// unit is the full text's width at size 1
	unit float32
}

// set fits full into width at text size size. Text width grows in
// proportion to the size, so the full text is measured once (unit) and a
// zoom step that changes width and size measures nothing while the text
// fits, and two or three prefixes when it does not.
func (f *fitted) set(full string, width, size float32, style fyne.TextStyle) {
	if f.full == full && f.width == width && f.size == size {
		return
	}
	if f.full != full || f.unit == 0 {
		f.unit = fyne.MeasureText(full, 100, style).Width / 100
	}
	f.full, f.width, f.size, f.shrunk = full, width, size, 0
	if f.unit*size*1.02 <= width {
		f.text = full
		return
	}
	r := []rune(full)
	n := min(len(r), max(0, int(float32(len(r))*width/(f.unit*size))))
	for n > 0 && fyne.MeasureText(string(r[:n])+"…", size, style).Width > width {
		n--
	}
	for n < len(r) && fyne.MeasureText(string(r[:n+1])+"…", size, style).Width <= width {
		n++
	}
	if n == 0 {
		f.text = "…"
		return
	}
	f.text = string(r[:n]) + "…"
}

// ellipsize shortens s to fit width at text size ts.
func ellipsize(s string, width, ts float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, ts, style).Width <= width {
		return s
	}
	// Binary search on the rune count: long names in small zones are common.
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", ts, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return "…"
	}
	return string(r[:lo]) + "…"
}

// overviewLabelZoom is the zoom below which conduit labels are left out.
const overviewLabelZoom = 0.2

// conduitShape draws one conduit: lines between the borders of its zones
// (a hub when it joins more than two), styled by type, and a label.
type conduitShape struct {
	labelFor  string
	labelTS   float32
	labelSize fyne.Size
	lines     []*canvas.Line
	used      int
	labelBg   *canvas.Rectangle
	label     *canvas.Text
	// mark is the conduit's mark in an open comparison
	mark changeMark
	// segments in screen coordinates, for hit tests
	segs [][2]fyne.Position
}

func (s *conduitShape) objects() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, len(s.lines)+2)
	for _, l := range s.lines {
		out = append(out, l)
	}
	return out // the label goes on top of all lines (drawConduits)
}

// line returns the next pooled line.
func (s *conduitShape) line() *canvas.Line {
	if s.used == len(s.lines) {
		s.lines = append(s.lines, canvas.NewLine(color.Black))
	}
	s.used++
	return s.lines[s.used-1]
}

// dashPattern returns dash and gap lengths (screen units) for a conduit
// type; zero dash means solid.
func dashPattern(t model.ConduitType) (dash, gap float32) {
	switch t {
	case model.ConduitVPN:
		return 12, 7
	case model.ConduitWireless:
		return 18, 5
	case model.ConduitSerial:
		return 4, 4
	case model.ConduitRemovableMedia:
		return 2, 6
	}
	return 0, 0
}

func conduitColor(t model.ConduitType) color.Color {
	switch t {
	case model.ConduitUnidirectional:
		return color.NRGBA{20, 140, 80, 255}
	case model.ConduitVPN, model.ConduitWireless:
		return color.NRGBA{120, 70, 190, 255}
	case model.ConduitRouted:
		return color.NRGBA{200, 60, 40, 255}
	case model.ConduitRemovableMedia:
		return color.NRGBA{170, 110, 30, 255}
	}
	return color.NRGBA{40, 100, 180, 255}
}

func (s *conduitShape) update(c *zoneCanvas, cd *model.Conduit, zs map[model.ID]*model.Zone, fg, sel color.Color, selected bool) {
	s.used = 0
	s.segs = s.segs[:0]
	if s.labelBg == nil {
		s.labelBg = canvas.NewRectangle(color.Transparent)
		s.label = canvas.NewText("", color.Black)
	}
	var rects []rectF
	var ids []model.ID
	for _, id := range cd.ZoneIDs {
		if z, ok := zs[id]; ok {
			tl := c.toScreen(z.Bounds.X, z.Bounds.Y)
			rects = append(rects, rectF{tl.X, tl.Y, float32(z.Bounds.W) * c.zoom, float32(z.Bounds.H) * c.zoom})
			ids = append(ids, id)
		}
	}
	col := conduitColor(cd.Type)
	width := max(2, 2.5*c.zoom)
	if cd.Type == model.ConduitFirewall || cd.Type == model.ConduitGateway {
		width = max(3, 4*c.zoom)
	}
	if selected {
		col, width = sel, width+2
	}
	var path []fyne.Position // where the label may go
	switch {
	case len(rects) == 2:
		// Through the route's bends when it has any, else straight or
		// around the boxes in the way (canvas_route.go).
		var pts []fyne.Position
		if len(cd.Route) == 0 && c.boxes != nil && c.spanInView(rects) {
			pts = route(zs, c.boxes, ids[0], ids[1], rects[0], rects[1])
		} else if len(cd.Route) == 0 {
			pts = trimEnds([]fyne.Position{rects[0].centre(), rects[1].centre()}, rects[0], rects[1])
			if pts == nil {
				pts = []fyne.Position{rects[0].centre(), rects[1].centre()}
			}
		} else {
			pts = []fyne.Position{rects[0].centre()}
			for _, r := range cd.Route {
				pts = append(pts, c.toScreen(r.X, r.Y))
			}
			pts = append(pts, rects[1].centre())
			pts[0] = rects[0].clip(pts[0], pts[1])
			n := len(pts) - 1
			pts[n] = rects[1].clip(pts[n], pts[n-1])
		}
		n := len(pts) - 1
		if s.from(cd) == ids[1] {
			slices.Reverse(pts)
		}
		s.halo(s.mark, width, pts...)
		for i := 0; i < n; i++ {
			s.stroke(pts[i], pts[i+1], cd.Type, col, width, c.zoom)
		}
		if cd.Type == model.ConduitUnidirectional {
			s.arrow(pts[n-1], pts[n], col, width, c.zoom)
		}
		path = pts
	case len(rects) > 2:
		// a hub where no box is, spokes around the boxes in the way (on
		// screen; off screen from the centre of the zones)
		var hub fyne.Position
		var spokes [][]fyne.Position
		if c.boxes != nil && c.spanInView(rects) {
			hub, spokes = routeHub(zs, c.boxes, ids, rects)
		} else {
			for _, r := range rects {
				hub = hub.Add(r.centre())
			}
			hub = fyne.NewPos(hub.X/float32(len(rects)), hub.Y/float32(len(rects)))
			for _, r := range rects {
				spokes = append(spokes, []fyne.Position{r.clip(r.centre(), hub), hub})
			}
		}
		for _, sp := range spokes {
			s.halo(s.mark, width, sp...)
		}
		for _, sp := range spokes {
			for i := 1; i < len(sp); i++ {
				s.stroke(sp[i-1], sp[i], cd.Type, col, width, c.zoom)
			}
		}
		path = append([]fyne.Position{hub}, reversed(spokes[0])...)
	}
	for _, l := range s.lines[s.used:] {
		if l.Visible() {
			l.Hide()
		}
	}
	// On the overview of a large plant the lines tell the story: labels
	// only from a zoom at which they can be placed, and on a selected conduit.
	if len(rects) < 2 || (c.zoom < overviewLabelZoom && !selected) {
		s.label.Hide()
		s.labelBg.Hide()
		return
	}
	ts := min(max(12*c.zoom, 9), 36) * presentScale()
	text := orUntitled(cd.Name)
	if c.zoom < 0.9 { // zoomed out: the first word ("K07") keeps the diagram readable
		if f := strings.Fields(text); len(f) > 0 {
			text = f[0]
		}
	}
	if short := conduitShort(cd.Type); short != "" {
		text += " · " + short
	}
	if s.labelFor != text || s.labelTS != ts {
		s.labelFor, s.labelTS, s.labelSize = text, ts, fyne.MeasureText(text, ts, fyne.TextStyle{})
	}
	m := s.labelSize
	mid, free := labelAlong(path, m, &c.obs)
	if !free && !selected {
		// nowhere near its line is free: no label rather than one on a
		// name, a badge, a chip or another label (the pointer's hint and
		// zooming in show it); a selected conduit's label always shows
		s.label.Hide()
		s.labelBg.Hide()
		return
	}
	pos := fyne.NewPos(mid.X-m.Width/2-4, mid.Y-m.Height/2-2)
	setRect(s.labelBg, pos, fyne.NewSize(m.Width+8, m.Height+4), withAlpha(invert(fg), 225), col, 1, 4)
	setText(s.label, text, pos.Add(fyne.NewPos(4, 2)), ts, fg, selected)
}

// from is the zone a conduit's flows start from (for the diode arrow).
func (s *conduitShape) from(cd *model.Conduit) model.ID {
	for _, f := range cd.Flows {
		if f.From != "" {
			return f.From
		}
	}
	if len(cd.ZoneIDs) > 0 {
		return cd.ZoneIDs[0]
	}
	return ""
}

func conduitShort(t model.ConduitType) string {
	switch t {
	case model.ConduitFirewall:
		return tr("canvas.conduit.firewall")
	case model.ConduitGateway:
		return tr("canvas.conduit.proxy")
	case model.ConduitUnidirectional:
		return tr("canvas.conduit.diode")
	case model.ConduitVPN:
		return tr("canvas.conduit.vpn")
	case model.ConduitSerial:
		return tr("canvas.conduit.serial")
	case model.ConduitWireless:
		return tr("canvas.conduit.wireless")
	case model.ConduitRemovableMedia:
		return tr("canvas.conduit.media")
	}
	return tr("canvas.conduit.routed")
}

// minDashPeriod is the shortest dash period (screen units) when zoomed
// out below 60 %.
const minDashPeriod = 16

// stroke draws a-b solid or dashed with pooled lines.
func (s *conduitShape) stroke(a, b fyne.Position, t model.ConduitType, col color.Color, width, zoom float32) {
	s.segs = append(s.segs, [2]fyne.Position{a, b})
	dash, gap := dashPattern(t)
	dx, dy := b.X-a.X, b.Y-a.Y
	length := float32(math.Hypot(float64(dx), float64(dy)))
	if dash == 0 || length < 1 {
		setLine(s.line(), a, b, col, width)
		return
	}
	// The pattern scales with the zoom down to 60 %; zoomed further out
	// it keeps its proportions at a period of at least minDashPeriod, so
	// that the overview of a large plant is not thousands of tiny dashes
	// (each a primitive to paint) and serial and media lines stay dotted
	// rather than grey.
	sc := max(zoom, 0.6)
	if zoom < 0.6 {
		sc = max(sc, minDashPeriod/(dash+gap))
	}
	dash, gap = dash*sc, gap*sc
	period := dash + gap
	if length/period > 300 { // keep the number of primitives bounded
		period = length / 300
		dash = period * 0.6
	}
	ux, uy := dx/length, dy/length
	for d := float32(0); d < length; d += period {
		e := min(d+dash, length)
		setLine(s.line(), fyne.NewPos(a.X+ux*d, a.Y+uy*d), fyne.NewPos(a.X+ux*e, a.Y+uy*e), col, width)
	}
}

// arrow draws an arrowhead at b pointing away from a.
func (s *conduitShape) arrow(a, b fyne.Position, col color.Color, width, zoom float32) {
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	ang := math.Atan2(dy, dx)
	l := float64(max(12, 16*zoom))
	for _, d := range []float64{math.Pi * 5 / 6, -math.Pi * 5 / 6} {
		p := fyne.NewPos(b.X+float32(l*math.Cos(ang+d)), b.Y+float32(l*math.Sin(ang+d)))
		setLine(s.line(), b, p, col, width)
	}
}

// rectF is a screen rectangle.
type rectF struct{ x, y, w, h float32 }

func (r rectF) centre() fyne.Position { return fyne.NewPos(r.x+r.w/2, r.y+r.h/2) }

func (r rectF) contains(p fyne.Position) bool {
	return p.X >= r.x && p.X <= r.x+r.w && p.Y >= r.y && p.Y <= r.y+r.h
}

// clip returns where the segment from (inside r) to to leaves r.
func (r rectF) clip(from, to fyne.Position) fyne.Position {
	dx, dy := to.X-from.X, to.Y-from.Y
	t := float32(1)
	if dx > 0 {
		t = min(t, (r.x+r.w-from.X)/dx)
	} else if dx < 0 {
		t = min(t, (r.x-from.X)/dx)
	}
	if dy > 0 {
		t = min(t, (r.y+r.h-from.Y)/dy)
	} else if dy < 0 {
		t = min(t, (r.y-from.Y)/dy)
	}
	t = max(t, 0)
	return fyne.NewPos(from.X+dx*t, from.Y+dy*t)
}

// distToSegment is the distance from p to the segment a-b.
func distToSegment(p, a, b fyne.Position) float32 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	t := float32(0)
	if l2 > 0 {
		t = min(max(((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2, 0), 1)
	}
	cx, cy := a.X+t*dx-p.X, a.Y+t*dy-p.Y
	return float32(math.Sqrt(float64(cx*cx + cy*cy)))
}
