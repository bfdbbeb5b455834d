package app

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/render/palette"
)

// tool is what a press on the canvas does.
type tool int

const (
	toolSelect  tool = iota // select, move, resize; drag on empty canvas draws a zone
	toolPan                 // drag pans
	toolConnect             // pick two zones to create a conduit
	toolAsset               // click or drag-drop into a zone creates an asset of assetClass
)

// Sizes in model units (points at 100 % zoom).
const (
	assetW, assetH   = 180.0, 26.0
	minAssetW        = 110.0
	assetGap         = 5.0
	assetPad         = 8.0
	zoneHeader       = 50.0
	minZoneW         = 120.0
	minZoneH         = 80.0
	minZoom, maxZoom = 0.15, 3.0
)

// zoneCanvas is the zone/conduit editor: a custom widget drawing zones,
// assets and conduits with canvas primitives that are created once per
// object and updated in place on every refresh.
type zoneCanvas struct {
	widget.BaseWidget
	sess *session
	win  canvasWindow

	zoom   float32
	offset fyne.Position // screen = model × zoom + offset
	// fitZoom is the zoom of the last fit when that was below minZoom: a
	// plant too large for minZoom can still be zoomed out to whole.
	fitZoom float32
	fitted  bool // fit to window once the widget has a size
	// sizing is set while the window opens and is sized to the screen
	// (Run): the canvas neither fits nor draws until it has its final
	// size, so that a large plant is routed and drawn once.
	sizing bool
	// userView is set once the user pans or zooms: until then the plant
	// is fitted to the window whenever the window's size changes.
	userView bool

	tool        tool
	assetClass  model.AssetClass
	connectFrom model.ID
	spaceDown   bool
	overHandle  bool
	hover       string // what the pointer is over, for the hint line

	drag dragState
	// dragging is set while a drag changes geometry: the assessment does
	// not change with it, so the window catches up when the drag ends.
	dragging bool

	bg       *canvas.Rectangle
	layer    *fyne.Container
	rubber   *canvas.Rectangle
	ghost    *canvas.Line
	hint     *widget.Label
	zones    map[model.ID]*zoneShape
	assets   map[model.ID]*assetShape
	conduits map[model.ID]*conduitShape
	order    []fyne.CanvasObject
	// zoneOrder lists zone IDs in drawing order (outermost first)
	zoneOrder []model.ID

	// the model as laid out by the last refresh: zones by ID and where
	// every chip goes
	zs    map[model.ID]*model.Zone
	stamp uint64 // projectStamp of zs and plan
	plan  assetPlan
	// shown are the selected assets drawn in place of a chip of their
	// zone's, out from behind "+N more" (chipRect)
	shown shownChips

	// geometry of the last redraw, in screen coordinates, for hit tests:
	// the chips in view
	assetRects map[model.ID][2]fyne.Position // top-left, bottom-right
	// obs is what conduit labels keep clear of (canvas_labels.go)
	obs obstacles
	// boxes are the zones' screen rectangles of the redraw under way, for
	// routing conduits around them (canvas_route.go)
	boxes *zoneBoxes
}

// canvasWindow is what the canvas asks of the window beyond the session.
type canvasWindow struct {
	// onKey passes on the keys the window handles (F5, F1, Delete).
	onKey func(*fyne.KeyEvent)
	// toolChanged lets the canvas view highlight the active tool.
	toolChanged func()
	// dragEnded lets the window catch up after a drag (dragging).
	dragEnded func()
	// tell shows a short message in the status line.
	tell func(string)
	// logDecision opens the decision form (context menu).
	logDecision func()
}

func newZoneCanvas(sess *session, win canvasWindow) *zoneCanvas {
	c := &zoneCanvas{
		sess: sess, win: win, zoom: 1, assetClass: model.ClassHost,
		bg:       canvas.NewRectangle(color.Transparent),
		layer:    container.NewWithoutLayout(),
		rubber:   canvas.NewRectangle(color.Transparent),
		ghost:    canvas.NewLine(color.Black),
		hint:     widget.NewLabel(""),
		zones:    map[model.ID]*zoneShape{},
		assets:   map[model.ID]*assetShape{},
		conduits: map[model.ID]*conduitShape{},
	}
	c.rubber.StrokeWidth = 2
	c.rubber.Hide()
	c.ghost.StrokeWidth = 2
	c.ghost.Hide()
	c.hint.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *zoneCanvas) CreateRenderer() fyne.WidgetRenderer {
	return &zoneCanvasRenderer{c: c}
}

type zoneCanvasRenderer struct{ c *zoneCanvas }

// Layout implements fyne.WidgetRenderer; it fits the plant on the first
// layout and until the user takes over the view.
func (r *zoneCanvasRenderer) Layout(s fyne.Size) {
	r.c.bg.Resize(s)
	r.c.layer.Resize(s)
	if (!r.c.fitted || !r.c.userView) && s.Width > 50 && s.Height > 50 && !r.c.sizing {
		r.c.fitted = true
		r.c.fit()
	}
}

// MinSize implements fyne.WidgetRenderer.
func (r *zoneCanvasRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 200) }

// Refresh implements fyne.WidgetRenderer (theme changes land here).
func (r *zoneCanvasRenderer) Refresh() {
	r.c.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.c.bg.Refresh()
	r.c.refresh()
}

// Objects implements fyne.WidgetRenderer.
func (r *zoneCanvasRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.bg, r.c.layer}
}

// Destroy implements fyne.WidgetRenderer.
func (r *zoneCanvasRenderer) Destroy() {}

// toScreen and toModel convert between model units and widget positions.
func (c *zoneCanvas) toScreen(x, y float64) fyne.Position {
	return fyne.NewPos(float32(x)*c.zoom+c.offset.X, float32(y)*c.zoom+c.offset.Y)
}

func (c *zoneCanvas) toModel(p fyne.Position) (float64, float64) {
	return float64((p.X - c.offset.X) / c.zoom), float64((p.Y - c.offset.Y) / c.zoom)
}

// resetView forgets pan and zoom for a new document.
func (c *zoneCanvas) resetView() {
	c.zoom, c.offset, c.connectFrom, c.userView, c.fitZoom = 1, fyne.Position{}, "", false, 0
	c.drag = dragState{}
	for id := range c.zones {
		delete(c.zones, id)
	}
	for id := range c.assets {
		delete(c.assets, id)
	}
	for id := range c.conduits {
		delete(c.conduits, id)
	}
	c.order = nil
	c.layer.Objects = nil
	c.zs = nil
}

// fitSoon fits the plant to the window now or as soon as it has a size.
func (c *zoneCanvas) fitSoon() {
	c.fitted = false
	if s := c.Size(); s.Width > 50 && s.Height > 50 && !c.sizing {
		c.fitted = true
		c.fit()
	}
}

// fit zooms and pans so that every zone is visible, however large the
// plant: the zoom may go below minZoom for that (fitZoom).
func (c *zoneCanvas) fit() {
	p := c.sess.doc.Project
	s := c.Size()
	if len(p.Zones) == 0 || s.Width < 10 || s.Height < 10 {
		c.zoom, c.offset = 1, fyne.NewPos(20, 20)
		c.redraw()
		return
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, z := range p.Zones {
		b := z.Bounds
		minX, minY = min(minX, b.X), min(minY, b.Y)
		maxX, maxY = max(maxX, b.X+b.W), max(maxY, b.Y+b.H)
	}
	all := model.Rect{X: minX, Y: minY, W: maxX - minX, H: maxY - minY}
	c.fitZoom = min(c.zoomFor(all, fitMargin), minZoom)
	c.showRect(all, fitMargin, maxZoom)
}

// fitMargin is the space left around the plant by fit, in screen points.
const fitMargin = 24

// zoomFor is the zoom at which the model rectangle r fills the canvas less
// margin screen points on every side.
func (c *zoneCanvas) zoomFor(r model.Rect, margin float32) float32 {
	s := c.Size()
	return float32(min(float64(s.Width-2*margin)/max(r.W, 1), float64(s.Height-2*margin)/max(r.H, 1)))
}

// showRect zooms and pans so that the model rectangle r fills the canvas
// less margin screen points on every side, at most at zoom top, centred.
func (c *zoneCanvas) showRect(r model.Rect, margin float32, top float32) {
	s := c.Size()
	w, h := max(r.W, 1), max(r.H, 1)
	c.zoom = min(max(c.zoomFor(r, margin), c.floorZoom()), top, maxZoom)
	c.offset = fyne.NewPos(
		s.Width/2-float32(r.X+w/2)*c.zoom,
		s.Height/2-float32(r.Y+h/2)*c.zoom,
	)
	c.redraw()
}

// floorZoom is the lowest zoom: minZoom, or lower when the last fit needed
// less to show the whole plant.
func (c *zoneCanvas) floorZoom() float32 {
	if c.fitZoom > 0 {
		return min(minZoom, c.fitZoom)
	}
	return minZoom
}

// reveal pans so that the zone, asset or conduit r is in view; an asset
// whose chip is not drawn at the current zoom (semantic zoom) is zoomed to
// as Find does, so that its name can be read.
func (c *zoneCanvas) reveal(r ref) {
	b, ok := c.boundsOf(r)
	if !ok {
		return
	}
	if r.Kind == kindAsset && !c.detailed() {
		c.zoomTo(r)
		return
	}
	s := c.Size()
	tl, br := c.toScreen(b.X, b.Y), c.toScreen(b.X+b.W, b.Y+b.H)
	if tl.X >= 0 && tl.Y >= 0 && br.X <= s.Width && br.Y <= s.Height {
		return
	}
	cx, cy := b.X+b.W/2, b.Y+b.H/2
	c.offset = fyne.NewPos(s.Width/2-float32(cx)*c.zoom, s.Height/2-float32(cy)*c.zoom)
	c.redraw()
}

// zoneDepth returns how deeply a zone is nested (0 for a top-level zone).
func zoneDepth(zs map[model.ID]*model.Zone, z *model.Zone) int {
	d := 0
	for id := z.ParentID; id != "" && d <= len(zs); d++ {
		p, ok := zs[id]
		if !ok {
			break
		}
		id = p.ParentID
	}
	return d
}

// refresh updates every shape from the model, creating shapes for new
// objects and dropping those of deleted ones; unchanged primitives are not
// touched. The window calls it after every edit and change of selection.
func (c *zoneCanvas) refresh() {
	c.relayout()
	c.redraw()
}

// relayout indexes the zones and places every chip when the project's
// geometry changed since the last call (projectStamp); it draws nothing
// and reads no assessment.
func (c *zoneCanvas) relayout() {
	p := c.sess.doc.Project
	moved := len(p.Zones) > 0 && c.zs[p.Zones[0].ID] != &p.Zones[0] // the slice was reallocated
	if st := projectStamp(p); st != c.stamp || c.zs == nil || moved {
		c.stamp = st
		if c.zs == nil {
			c.zs = map[model.ID]*model.Zone{}
		}
		clear(c.zs)
		for i := range p.Zones {
			c.zs[p.Zones[i].ID] = &p.Zones[i]
		}
		c.plan = planAssets(p, c.zs)
	}
}

// redraw draws the model as last laid out by refresh at the current pan
// and zoom: what a pan or zoom step costs. Zones come first (outermost at
// the back), then conduits, then assets, then the rubber band and the
// connect line on top.
func (c *zoneCanvas) redraw() {
	if c.sizing {
		return
	}
	p := c.sess.doc.Project
	if c.zs == nil || len(c.zs) != len(p.Zones) {
		c.refresh()
		return
	}
	zs := c.zs
	ink := c.ink()
	c.shown.update(&c.plan, p, c.selectedAssets())
	var order []fyne.CanvasObject
	order = c.drawZones(zs, ink, order)
	c.placeAssets(p, zs)
	c.drawZoneMarks(p)
	c.collectObstacles()
	order = c.drawConduits(p, zs, ink, order)
	order = c.drawAssets(p, ink, order)
	order = append(order, c.rubber, c.ghost)
	pruneShapes(c.zones, p.Zones)
	pruneShapes(c.conduits, p.Conduits)
	pruneShapes(c.assets, p.Assets)

	c.rubber.StrokeColor = ink.sel
	c.rubber.FillColor = withAlpha(ink.sel, 40)
	c.ghost.StrokeColor = ink.sel
	if h := c.hintText(); c.hint.Text != h {
		c.hint.SetText(h)
	}
	if !sameObjects(order, c.order) {
		c.order = order
		c.layer.Objects = order
		c.layer.Refresh()
	}
}

// canvasInk is the theme's colours a refresh draws with.
type canvasInk struct {
	fg, sel color.Color
	dark    bool
}

func (c *zoneCanvas) ink() canvasInk {
	return canvasInk{theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePrimary), isDark()}
}

// drawZones updates the zone shapes, parents before children and larger
// before smaller, and appends their objects to order. It records the
// drawing order in zoneOrder for hit tests.
func (c *zoneCanvas) drawZones(zs map[model.ID]*model.Zone, ink canvasInk, order []fyne.CanvasObject) []fyne.CanvasObject {
	type zd struct {
		z     *model.Zone
		depth int
	}
	ordered := make([]zd, 0, len(zs))
	for _, z := range zs {
		ordered = append(ordered, zd{z, zoneDepth(zs, z)})
	}
	slices.SortFunc(ordered, func(a, b zd) int {
		return cmp.Or(a.depth-b.depth, cmp.Compare(b.z.Bounds.W*b.z.Bounds.H, a.z.Bounds.W*a.z.Bounds.H), cmp.Compare(a.z.ID, b.z.ID))
	})
	c.zoneOrder = c.zoneOrder[:0]
	for _, o := range ordered {
		z := o.z
		c.zoneOrder = append(c.zoneOrder, z.ID)
		tl, size := c.screenRect(z.Bounds)
		s, ok := c.zones[z.ID]
		if !c.inView(tl, size) {
			// off screen: not measured, not drawn, not in the layer (the
			// window walks only what is in view); a shape is made the
			// first time its zone comes into view
			if ok {
				hideAll(s.objects())
			}
			continue
		}
		if !ok {
			s = newZoneShape()
			c.zones[z.ID] = s
		}
		order = append(order, s.objects()...)
		var gap model.SLVector
		badge := ""
		if zr := c.sess.zoneResult(z.ID); zr != nil {
			gap = zr.Gap
			badge = tr("canvas.badge", map[string]string{"SLT": zr.SLT.Vector().String()})
		}
		selected := c.sess.sel.hasID(z.ID) || c.connectFrom == z.ID
		room := float32(0)
		var compact [3]string
		if c.detailed() {
			room = zoneHeader*c.zoom - 1 // the chips' first row starts there
		} else {
			compact = c.compactSummary(z)
		}
		s.update(c.zoom, tl, size, z, gapFill(maxOf(gap), z.OutOfScope, ink.dark), ink.fg, ink.sel, selected, badge, room, compact)
	}
	return order
}

// drawConduits updates the conduit shapes, lines between zone borders.
func (c *zoneCanvas) drawConduits(p *model.Project, zs map[model.ID]*model.Zone, ink canvasInk, order []fyne.CanvasObject) []fyne.CanvasObject {
	c.boxes = c.boxesOf(zs)
	for i := range p.Conduits {
		cd := &p.Conduits[i]
		s, ok := c.conduits[cd.ID]
		if !ok {
			s = &conduitShape{}
			c.conduits[cd.ID] = s
		}
		s.mark = c.sess.marks.of(cd.ID)
		s.update(c, cd, zs, ink.fg, ink.sel, c.sess.sel.hasID(cd.ID))
		order = append(order, s.objects()...)
	}
	// the labels on top of every conduit's lines, so that no line runs
	// through a label
	for i := range p.Conduits {
		if s := c.conduits[p.Conduits[i].ID]; s != nil && s.labelBg != nil {
			order = append(order, s.labelBg, s.label)
		}
	}
	return order
}

// detailed reports whether asset chips are drawn (semantic zoom): from
// detailZoom on; below it zones summarise their assets.
func (c *zoneCanvas) detailed() bool { return c.zoom >= chipZoom() }

// chipZoom is the zoom from which chips are drawn: detailZoom, or higher
// when the zone headers (name line, type and SL-T badge line, at their
// smallest sizes times presentation mode's scale) would not fit above the
// chips' rows, which start zoneHeader below a zone's top: chips would
// cover the SL-T badges.
func chipZoom() float32 {
	need := (1.4*11 + 1.45*9) * presentScale() // see zoneShape.update
	return max(detailZoom, need/zoneHeader)
}

// placeAssets records the screen rectangles of the chips in view (the one
// being dragged follows the pointer) for hit tests and for keeping conduit
// labels off them, and shows each zone's "+N more" or, zoomed out, its
// summary.
func (c *zoneCanvas) placeAssets(p *model.Project, zs map[model.ID]*model.Zone) {
	detail := c.detailed()
	fg := c.ink().fg
	for id, s := range c.zones {
		z := zs[id]
		if z == nil || !s.rect.Visible() {
			s.hideMore()
			s.hideSummary()
			continue
		}
		if !detail {
			s.hideMore()
			s.showSummary(c.summaryLines(z), fg)
			continue
		}
		s.hideSummary()
		if n := c.plan.more[id]; n > 0 && !c.shown.moreGone[id] {
			tl, size := c.screenRect(c.plan.moreAt[id])
			s.showMore(tl, size, n, c.zoom, fg)
		} else {
			s.hideMore()
		}
	}
	if c.assetRects == nil {
		c.assetRects = make(map[model.ID][2]fyne.Position, len(p.Assets))
	}
	clear(c.assetRects)
	for i := range p.Assets {
		a := &p.Assets[i]
		r, ok := c.chipRect(a.ID)
		if !ok || !detail {
			continue // behind its zone's "+N more", or zoomed out
		}
		if c.drag.kind == dragAsset && c.drag.id == a.ID {
			r.X += c.drag.dx
			r.Y += c.drag.dy
		}
		tl, size := c.screenRect(r)
		if c.inView(tl, size) {
			c.assetRects[a.ID] = [2]fyne.Position{tl, tl.Add(fyne.NewPos(size.Width, size.Height))}
		}
	}
}

// drawAssets updates the chips placed by placeAssets, hides the others,
// and appends the objects of the chips in view to order. A chip's shape is
// made the first time it comes into view: opening a 10,000-asset plant on
// its overview makes none, and a frame walks only what is on screen.
func (c *zoneCanvas) drawAssets(p *model.Project, ink canvasInk, order []fyne.CanvasObject) []fyne.CanvasObject {
	for i := range p.Assets {
		a := &p.Assets[i]
		s, ok := c.assets[a.ID]
		r, in := c.assetRects[a.ID]
		if !in {
			if ok {
				s.hide()
			}
			continue
		}
		if !ok {
			s = newAssetShape()
			c.assets[a.ID] = s
		}
		order = append(order, s.objects()...)
		size := fyne.NewSize(r[1].X-r[0].X, r[1].Y-r[0].Y)
		s.update(c.zoom, r[0], size, a, ink.fg, ink.sel, c.sess.sel.hasID(a.ID), ink.dark)
		markChip(s.mark, c.sess.marks.of(a.ID), r[0], size)
	}
	return order
}

// summaryLines is what a zone says about its assets when zoomed out: how
// many of each class, and its largest gap.
func (c *zoneCanvas) summaryLines(z *model.Zone) []string {
	var lines []string
	if cl := c.plan.classes[z.ID]; cl != nil {
		n := cl[0] + cl[1] + cl[2] + cl[3]
		var parts []string
		for i, k := range cl {
			if k > 0 {
				letter, _ := classGlyph(assetClassOrder[i])
				parts = append(parts, fmt.Sprintf("%d %s", k, letter))
			}
		}
		lines = append(lines, tr("canvas.summary.assets", map[string]any{"N": n}), strings.Join(parts, " · "))
	}
	if zr := c.sess.zoneResult(z.ID); zr != nil {
		if g := maxOf(zr.Gap); g > 0 {
			lines = append(lines, tr("canvas.summary.gap", map[string]any{"Gap": g}))
		} else {
			lines = append(lines, tr("canvas.summary.noGap"))
		}
	}
	return lines
}

// chipRect is the model rectangle asset id's chip is drawn in; false when
// the chip is behind its zone's "+N more".
func (c *zoneCanvas) chipRect(id model.ID) (model.Rect, bool) { return c.shown.rect(&c.plan, id) }

// selectedAssets are the IDs of the selected assets.
func (c *zoneCanvas) selectedAssets() []model.ID {
	var ids []model.ID
	for _, r := range c.sess.sel.items {
		if r.Kind == kindAsset {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// compactSummary is what a zone too small for its summary lines says on
// its header's second line: its asset count and largest gap, the count,
// and the bare number; nothing for a zone without assets.
func (c *zoneCanvas) compactSummary(z *model.Zone) [3]string {
	cl := c.plan.classes[z.ID]
	if cl == nil {
		return [3]string{}
	}
	n := cl[0] + cl[1] + cl[2] + cl[3]
	short := tr("canvas.summary.assets", map[string]any{"N": n})
	long := short
	if zr := c.sess.zoneResult(z.ID); zr != nil {
		if g := maxOf(zr.Gap); g > 0 {
			long = tr("canvas.summary.compact", map[string]any{"N": n, "Gap": g})
		} else {
			long = tr("canvas.summary.compactNoGap", map[string]any{"N": n})
		}
	}
	return [3]string{long, short, strconv.Itoa(n)}
}

// screenRect is the top-left corner and size on screen of a model rectangle.
func (c *zoneCanvas) screenRect(r model.Rect) (fyne.Position, fyne.Size) {
	return c.toScreen(r.X, r.Y), fyne.NewSize(float32(r.W)*c.zoom, float32(r.H)*c.zoom)
}

// pruneShapes drops the shapes of objects no longer in objs once there are
// more shapes than objects; only then is the set of live IDs built (a
// refresh of a 10,000-asset plant should not build it each time). Shapes
// are made only for objects that came into view, so a few stale ones may
// stay until then: they are never drawn (drawZones and drawAssets go by
// the model's objects).
func pruneShapes[T model.Object, S any](shapes map[model.ID]S, objs []T) {
	if len(shapes) <= len(objs) {
		return
	}
	alive := make(map[model.ID]bool, len(objs))
	for i := range objs {
		alive[model.ObjectID(&objs[i])] = true
	}
	for id := range shapes {
		if !alive[id] {
			delete(shapes, id)
		}
	}
}

// inView reports whether a screen rectangle touches the widget.
func (c *zoneCanvas) inView(tl fyne.Position, size fyne.Size) bool {
	s := c.Size()
	return tl.X <= s.Width && tl.Y <= s.Height && tl.X+size.Width >= 0 && tl.Y+size.Height >= 0
}

func hideAll(objs []fyne.CanvasObject) {
	for _, o := range objs {
		if o.Visible() {
			o.Hide()
		}
	}
}

func sameObjects(a, b []fyne.CanvasObject) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (c *zoneCanvas) hintText() string {
	if c.hover != "" && c.tool == toolSelect {
		return c.hover
	}
	switch c.tool {
	case toolPan:
		return tr("canvas.hint.pan")
	case toolConnect:
		if c.connectFrom != "" {
			return tr("canvas.hint.connectSecond")
		}
		return tr("canvas.hint.connect")
	case toolAsset:
		return tr("canvas.hint.place", map[string]string{"Class": uiLabel(c.assetClass)})
	}
	return tr("canvas.hint.select")
}

func maxOf(v model.SLVector) int {
	m := 0
	for _, x := range v {
		m = max(m, x)
	}
	return m
}

// gapFill colours a zone by its largest gap: none neutral, 1 yellow,
// 2 orange, 3 or more red; zones out of scope grey.
func gapFill(gap int, outOfScope, dark bool) color.Color {
	a := uint8(70)
	if dark {
		a = 90
	}
	switch {
	case outOfScope:
		return color.NRGBA{128, 128, 128, 40}
	case gap >= 1: // the views' gap colours, translucent behind the zone's text
		return withAlpha(palette.Gap(gap).Fill, a)
	}
	return color.NRGBA{70, 140, 200, 28}
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), a}
}

func isDark() bool {
	r, g, b, _ := theme.Color(theme.ColorNameBackground).RGBA()
	return r+g+b < 3*0x8000
}

// canvasTextScale and canvasMinText enlarge canvas text in presentation
// mode; the drawing itself scales with the zoom.
var (
	canvasTextScale float32 = 1
	canvasMinText   float32 = 8
)

// textSize scales a model text size by zoom, within readable limits.
func textSize(base float32, zoom float32) float32 {
	return min(max(base*zoom, canvasMinText), 48*canvasTextScale)
}
