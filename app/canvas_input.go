package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// dragKind is what the current press-and-drag does.
type dragKind int

const (
	dragNone dragKind = iota
	dragPan
	dragDraw    // rubber band for a new zone
	dragZone    // move a zone with its children
	dragResize  // bottom-right handle
	dragAsset   // move an asset, maybe into another zone
	dragConnect // from a zone to another: new conduit
	dragPlace   // palette: drop a new asset
)

// dragState is one press-drag-release gesture.
type dragState struct {
	kind     dragKind
	pressed  bool // MouseDown seen (the headless test driver sends none)
	moved    bool
	button   desktop.MouseButton
	modifier fyne.KeyModifier
	start    fyne.Position // widget position of the press
	cur      fyne.Position
	id       model.ID
	// origin bounds of the moved zone and its descendants
	orig map[model.ID]model.Rect
	// dx, dy is the model offset of a dragged asset
	dx, dy float64
	seq    int
}

// hit is what lies under a widget position.
type hit struct {
	kind   kind
	id     model.ID
	handle bool // the resize handle of a selected zone
}

// hitTest finds the topmost object at widget position p: resize handles,
// assets, then the innermost zone, then conduits.
func (c *zoneCanvas) hitTest(p fyne.Position) hit {
	if id := c.handleAt(p); id != "" {
		return hit{kind: kindZone, id: id, handle: true}
	}
	as := c.sess.doc.Project.Assets
	for i := len(as) - 1; i >= 0; i-- { // later assets are drawn on top
		if r, ok := c.assetRects[as[i].ID]; ok && (rectF{r[0].X, r[0].Y, r[1].X - r[0].X, r[1].Y - r[0].Y}).contains(p) {
			return hit{kind: kindAsset, id: as[i].ID}
		}
	}
	if id := c.zoneAt(p, ""); id != "" {
		// a conduit line drawn over the zone wins when the press is on it
		if cid := c.conduitAt(p); cid != "" {
			return hit{kind: kindConduit, id: cid}
		}
		return hit{kind: kindZone, id: id}
	}
	if cid := c.conduitAt(p); cid != "" {
		return hit{kind: kindConduit, id: cid}
	}
	return hit{}
}

// handleAt returns the zone whose resize handle (shown when selected) is
// at p, or "".
func (c *zoneCanvas) handleAt(p fyne.Position) model.ID {
	for _, id := range c.sess.sel.ofKind(kindZone) {
		s := c.zones[id]
		if s == nil || !s.handle.Visible() {
			continue
		}
		hp, hs := s.handle.Position(), s.handle.Size()
		if p.X >= hp.X-4 && p.X <= hp.X+hs.Width+4 && p.Y >= hp.Y-4 && p.Y <= hp.Y+hs.Height+4 {
			return id
		}
	}
	return ""
}

// zoneAt returns the innermost (topmost drawn) zone at p, skipping skip
// and its descendants.
func (c *zoneCanvas) zoneAt(p fyne.Position, skip model.ID) model.ID {
	for i := len(c.zoneOrder) - 1; i >= 0; i-- { // innermost, drawn last, first
		id := c.zoneOrder[i]
		s := c.zones[id]
		if s == nil || !s.rect.Visible() || (skip != "" && isZoneWithin(c.sess.doc.Project, id, skip)) {
			continue
		}
		pos, size := s.rect.Position(), s.rect.Size()
		if (rectF{pos.X, pos.Y, size.Width, size.Height}).contains(p) {
			return id
		}
	}
	return ""
}

func (c *zoneCanvas) conduitAt(p fyne.Position) model.ID {
	for id, s := range c.conduits {
		for _, seg := range s.segs {
			if distToSegment(p, seg[0], seg[1]) <= 6 {
				return id
			}
		}
		if s.labelBg != nil && s.labelBg.Visible() {
			pos, size := s.labelBg.Position(), s.labelBg.Size()
			if (rectF{pos.X, pos.Y, size.Width, size.Height}).contains(p) {
				return id
			}
		}
	}
	return ""
}

func currentModifiers() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// MouseDown implements desktop.Mouseable: it decides what a drag will do.
func (c *zoneCanvas) MouseDown(ev *desktop.MouseEvent) {
	c.begin(ev.Position, ev.Button, ev.Modifier)
}

func (c *zoneCanvas) begin(pos fyne.Position, button desktop.MouseButton, mod fyne.KeyModifier) {
	c.userView = true // from the first touch on, the view stays where the user has it
	c.drag = dragState{pressed: true, button: button, modifier: mod, start: pos, cur: pos, seq: c.drag.seq + 1}
	h := c.hitTest(pos)
	switch {
	case button == desktop.MouseButtonTertiary || c.tool == toolPan || c.spaceDown:
		c.drag.kind = dragPan
	case button == desktop.MouseButtonSecondary:
		c.drag.kind = dragNone
	case c.tool == toolAsset:
		c.drag.kind = dragPlace
	case c.tool == toolConnect:
		if h.kind == kindZone {
			c.drag.kind, c.drag.id = dragConnect, h.id
		}
	case h.handle:
		c.drag.kind, c.drag.id = dragResize, h.id
		c.captureOrigins(h.id, false)
	case h.kind == kindAsset:
		c.drag.kind, c.drag.id = dragAsset, h.id
		c.selectForDrag(ref{kindAsset, h.id}, mod)
	case h.kind == kindZone:
		c.drag.kind, c.drag.id = dragZone, h.id
		c.captureOrigins(h.id, true)
		c.selectForDrag(ref{kindZone, h.id}, mod)
	case h.kind == kindNone:
		c.drag.kind = dragDraw
	}
}

// selectForDrag selects what a press is about to drag, unless it is
// selected already or a modifier asks for multi-selection.
func (c *zoneCanvas) selectForDrag(r ref, mod fyne.KeyModifier) {
	if c.sess.sel.has(r) || mod != 0 {
		return
	}
	c.sess.sel.set(r)
	c.sess.selectionChanged()
}

// captureOrigins remembers the bounds of what a drag moves or resizes: the
// zone, and for a move its nested zones and every other selected zone with
// theirs.
func (c *zoneCanvas) captureOrigins(id model.ID, move bool) {
	p := c.sess.doc.Project
	roots := []model.ID{id}
	if move && c.sess.sel.has(ref{kindZone, id}) {
		roots = c.sess.sel.ofKind(kindZone)
	}
	c.drag.orig = map[model.ID]model.Rect{}
	for _, z := range p.Zones {
		for _, r := range roots {
			if z.ID == r || (move && isZoneWithin(p, z.ID, r)) {
				c.drag.orig[z.ID] = z.Bounds
			}
		}
	}
}

// MouseUp implements desktop.Mouseable.
func (c *zoneCanvas) MouseUp(*desktop.MouseEvent) {}

// Dragged implements fyne.Draggable.
func (c *zoneCanvas) Dragged(ev *fyne.DragEvent) {
	if !c.drag.pressed {
		// The headless driver sends no MouseDown: the gesture started where
		// the pointer was before this first step.
		c.begin(ev.Position.Subtract(ev.Dragged), desktop.MouseButtonPrimary, currentModifiers())
	}
	c.drag.moved = true
	prev := c.drag.cur
	c.drag.cur = ev.Position
	dmx := float64((c.drag.cur.X - c.drag.start.X) / c.zoom)
	dmy := float64((c.drag.cur.Y - c.drag.start.Y) / c.zoom)
	switch c.drag.kind {
	case dragPan:
		c.userView = true
		c.offset = c.offset.Add(c.drag.cur.Subtract(prev))
		c.redraw()
	case dragDraw:
		a, b := c.drag.start, c.drag.cur
		c.rubber.Move(fyne.NewPos(min(a.X, b.X), min(a.Y, b.Y)))
		c.rubber.Resize(fyne.NewSize(abs32(b.X-a.X), abs32(b.Y-a.Y)))
		c.rubber.Show()
		c.rubber.Refresh()
	case dragZone, dragResize:
		c.dragging = true
		var cmds []model.Command
		for _, z := range c.sess.doc.Project.Zones {
			o, ok := c.drag.orig[z.ID]
			if !ok {
				continue
			}
			nz := z
			if c.drag.kind == dragZone {
				nz.Bounds.X, nz.Bounds.Y = o.X+dmx, o.Y+dmy
			} else {
				nz.Bounds.W, nz.Bounds.H = max(o.W+dmx, minZoneW), max(o.H+dmy, minZoneH)
			}
			cmds = append(cmds, &model.Update[model.Zone]{After: model.Clone(nz), Field: "bounds"})
		}
		name := tr("canvas.undo.move")
		if c.drag.kind == dragResize {
			name = tr("canvas.undo.resize")
		}
		c.sess.do(&model.Batch{Name: name, Commands: cmds, MergeKey: fmt.Sprintf("%s %s %d", name, c.drag.id, c.drag.seq)})
	case dragAsset:
		c.drag.dx, c.drag.dy = dmx, dmy
		c.redraw()
	case dragConnect:
		s := c.zones[c.drag.id]
		if s == nil {
			return
		}
		pos, size := s.rect.Position(), s.rect.Size()
		c.ghost.Position1 = pos.Add(fyne.NewPos(size.Width/2, size.Height/2))
		c.ghost.Position2 = c.drag.cur
		c.ghost.Show()
		c.ghost.Refresh()
	}
}

// DragEnd implements fyne.Draggable: the gesture's command is done here.
func (c *zoneCanvas) DragEnd() {
	d := c.drag
	c.drag = dragState{seq: d.seq}
	c.rubber.Hide()
	c.ghost.Hide()
	switch d.kind {
	case dragDraw:
		c.addZoneFromRect(d.start, d.cur)
	case dragZone, dragResize:
		c.sess.doc.History().Seal() // the next drag is a new undo step
		if c.dragging {
			c.dragging = false
			c.win.dragEnded() // tree, properties and assessment catch up
		}
	case dragAsset:
		c.dropAsset(d.id, d.cur, d.dx, d.dy)
	case dragConnect:
		if to := c.zoneAt(d.cur, ""); to != "" && to != d.id {
			c.addConduit(d.id, to)
		}
	case dragPlace:
		c.placeAsset(d.cur)
	}
	c.refresh()
}

// Tapped implements fyne.Tappable: select, place or connect.
func (c *zoneCanvas) Tapped(ev *fyne.PointEvent) {
	c.requestFocus()
	mod := c.drag.modifier
	if !c.drag.pressed {
		mod = currentModifiers()
	}
	c.drag = dragState{seq: c.drag.seq}
	switch c.tool {
	case toolAsset:
		c.placeAsset(ev.Position)
		return
	case toolConnect:
		id := c.zoneAt(ev.Position, "")
		switch {
		case id == "":
			c.connectFrom = ""
		case c.connectFrom == "" || c.connectFrom == id:
			c.connectFrom = id
		default:
			from := c.connectFrom
			c.connectFrom = ""
			c.addConduit(from, id)
			return
		}
		c.redraw()
		return
	case toolPan:
		return
	}
	h := c.hitTest(ev.Position)
	multi := mod&(fyne.KeyModifierShift|fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	switch {
	case h.kind == kindNone && !multi:
		c.sess.sel.clear()
	case h.kind == kindNone:
		return
	case multi:
		c.sess.sel.toggle(ref{h.kind, h.id})
	default:
		c.sess.sel.set(ref{h.kind, h.id})
	}
	c.sess.selectionChanged()
}

func (c *zoneCanvas) requestFocus() {
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
}

// Scrolled implements fyne.Scrollable: scroll pans, Ctrl+scroll zooms.
func (c *zoneCanvas) Scrolled(ev *fyne.ScrollEvent) {
	if currentModifiers()&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		f := float32(1.1)
		if ev.Scrolled.DY < 0 {
			f = 1 / f
		}
		c.zoomBy(f, ev.Position)
		return
	}
	c.userView = true
	c.offset = c.offset.Add(fyne.NewPos(ev.Scrolled.DX, ev.Scrolled.DY))
	c.redraw()
}

// FocusGained implements fyne.Focusable: the canvas takes keys so that
// Delete, Escape, the arrows and the tool keys work on it.
func (c *zoneCanvas) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (c *zoneCanvas) FocusLost() {}

// TypedRune implements fyne.Focusable: + and - zoom, V H C 1-4 pick tools.
func (c *zoneCanvas) TypedRune(r rune) {
	switch r {
	case '+', '=':
		c.zoomBy(1.2, c.centre())
	case '-':
		c.zoomBy(1/1.2, c.centre())
	case 'v', 'V':
		c.setTool(toolSelect)
	case 'h', 'H':
		c.setTool(toolPan)
	case 'c', 'C':
		c.setTool(toolConnect)
	case '1', '2', '3', '4': // the palette's asset classes, in order
		c.assetClass = model.AssetClasses()[r-'1']
		c.setTool(toolAsset)
	}
}

// TypedKey handles Delete, Escape, arrows (pan) and F5.
func (c *zoneCanvas) TypedKey(ev *fyne.KeyEvent) {
	const step = 60
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown:
		c.userView = true
	}
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		c.sess.deleteSelection()
	case fyne.KeyEscape:
		c.setTool(toolSelect)
	case fyne.KeyLeft:
		c.offset.X += step
	case fyne.KeyRight:
		c.offset.X -= step
	case fyne.KeyUp:
		c.offset.Y += step
	case fyne.KeyDown:
		c.offset.Y -= step
	default:
		c.win.onKey(ev)
		return
	}
	c.redraw()
}

// KeyDown and KeyUp implement desktop.Keyable: holding space pans.
func (c *zoneCanvas) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace {
		c.spaceDown = true
	}
}

// KeyUp implements desktop.Keyable.
func (c *zoneCanvas) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace {
		c.spaceDown = false
	}
}

// setTool switches the active tool (the palette follows).
func (c *zoneCanvas) setTool(t tool) {
	c.tool = t
	c.connectFrom = ""
	c.win.toolChanged()
	c.redraw()
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// addZoneFromRect adds a zone over the widget rectangle a-b, nested in the
// innermost zone that holds its top-left corner.
func (c *zoneCanvas) addZoneFromRect(a, b fyne.Position) {
	x1, y1 := c.toModel(fyne.NewPos(min(a.X, b.X), min(a.Y, b.Y)))
	x2, y2 := c.toModel(fyne.NewPos(max(a.X, b.X), max(a.Y, b.Y)))
	if x2-x1 < 30 || y2-y1 < 20 {
		return // a small slip of the mouse, not a zone
	}
	p := c.sess.doc.Project
	parent := c.zoneAt(fyne.NewPos(min(a.X, b.X), min(a.Y, b.Y)), "")
	z := model.Zone{
		ID: model.NewID(), Name: c.nextName(tr("kind.zone.title")), Type: model.ZoneControl, PurdueLevel: 1,
		ParentID: parent,
		Bounds:   model.Rect{X: x1, Y: y1, W: max(x2-x1, minZoneW), H: max(y2-y1, minZoneH)},
	}
	if pz := p.Zone(parent); pz != nil {
		z.Type, z.PurdueLevel = pz.Type, pz.PurdueLevel
	}
	if c.sess.do(&model.Add[model.Zone]{Item: z}) {
		c.sess.selectOnly(ref{kindZone, z.ID})
	}
}

// nextName returns "<base> N" not yet used by a zone, conduit or asset.
func (c *zoneCanvas) nextName(base string) string {
	p := c.sess.doc.Project
	used := map[string]bool{}
	for _, z := range p.Zones {
		used[z.Name] = true
	}
	for _, x := range p.Conduits {
		used[x.Name] = true
	}
	for _, a := range p.Assets {
		used[a.Name] = true
	}
	for i := 1; ; i++ {
		if n := base + " " + strconv.Itoa(i); !used[n] {
			return n
		}
	}
}

// placeAsset adds an asset of the palette's class at widget position p,
// in the zone under it.
func (c *zoneCanvas) placeAsset(p fyne.Position) {
	zid := c.zoneAt(p, "")
	if zid == "" {
		c.win.tell(tr("canvas.dropInZone"))
		return
	}
	z := c.sess.doc.Project.Zone(zid)
	x, y := c.toModel(p)
	name := map[model.AssetClass]string{
		model.ClassApplication: tr("canvas.newAsset.application"), model.ClassEmbedded: tr("canvas.newAsset.embedded"),
		model.ClassHost: tr("canvas.newAsset.host"), model.ClassNetwork: tr("canvas.newAsset.network"),
	}[c.assetClass]
	fn := model.FunctionControl
	if c.assetClass == model.ClassNetwork {
		fn = model.FunctionInfrastructure
	}
	if z.IsSafety() {
		fn = model.FunctionSafety
	}
	a := model.Asset{
		ID: model.NewID(), Name: c.nextName(name), Class: c.assetClass, Function: fn, ZoneID: zid,
		Criticality: model.CriticalityMedium, SLCSource: model.SLCUnknown, SupplierSDL: model.SDLUnknown,
		FocusPoints: model.DefaultFocusPoints(c.assetClass),
		Position:    model.Point{X: max(x-z.Bounds.X-assetW/2, 1), Y: max(y-z.Bounds.Y-assetH/2, 1)},
	}
	add := &model.Add[model.Asset]{Item: a}
	if c.putAsset(add, &add.Item) {
		c.sess.selectOnly(ref{kindAsset, a.ID})
	}
}

// dropAsset ends an asset drag at widget position p: into the zone under
// the pointer (its ZoneID changes) or to a new place in its own zone, on a
// free spot (freeSlot): a chip never hides another.
func (c *zoneCanvas) dropAsset(id model.ID, p fyne.Position, dx, dy float64) {
	pr := c.sess.doc.Project
	a := pr.Asset(id)
	if a == nil || (dx == 0 && dy == 0) {
		return
	}
	zid := c.zoneAt(p, "")
	if zid == "" {
		return // dropped outside every zone: it stays where it was
	}
	abs, ok := c.chipRect(id)
	if !ok {
		return
	}
	z := pr.Zone(zid)
	na := model.Clone(*a)
	na.ZoneID = zid
	na.Position = model.Point{X: max(abs.X+dx-z.Bounds.X, 1), Y: max(abs.Y+dy-z.Bounds.Y, 1)}
	field := "position"
	if zid != a.ZoneID {
		field = "zone"
	}
	upd := &model.Update[model.Asset]{After: na, Field: field}
	c.putAsset(upd, &upd.After)
	c.sess.doc.History().Seal()
}

// putAsset moves the asset a (already in cmd, an Add or Update) onto a free
// spot of its zone and applies cmd, together with growing the zone when the
// only free spot is below it.
func (c *zoneCanvas) putAsset(cmd model.Command, a *model.Asset) bool {
	pr := c.sess.doc.Project
	z := pr.Zone(a.ZoneID)
	if z == nil {
		return c.sess.do(cmd)
	}
	a.Position = freeSlot(c.plan, pr, z, a.ID, a.Position)
	if need := a.Position.Y + assetH + assetPad; need > z.Bounds.H {
		nz := model.Clone(*z)
		nz.Bounds.H = need
		return c.sess.do(&model.Batch{Name: cmd.Label(), Commands: []model.Command{
			&model.Update[model.Zone]{After: nz, Field: "bounds"}, cmd,
		}})
	}
	return c.sess.do(cmd)
}

// addConduit connects two zones with a new firewall-filtered conduit.
func (c *zoneCanvas) addConduit(from, to model.ID) {
	p := c.sess.doc.Project
	a, b := p.Zone(from), p.Zone(to)
	if a == nil || b == nil || from == to {
		return
	}
	cd := model.Conduit{
		ID: model.NewID(), Name: a.Name + " – " + b.Name, Type: model.ConduitFirewall,
		ZoneIDs: []model.ID{from, to},
	}
	if c.sess.do(&model.Add[model.Conduit]{Item: cd}) {
		c.sess.selectOnly(ref{kindConduit, cd.ID})
	}
}

// TappedSecondary implements fyne.SecondaryTappable: a context menu for
// the object under the pointer (which it selects).
func (c *zoneCanvas) TappedSecondary(ev *fyne.PointEvent) {
	h := c.hitTest(ev.Position)
	if h.kind != kindNone && !c.sess.sel.has(ref{h.kind, h.id}) {
		c.sess.selectOnly(ref{h.kind, h.id})
	}
	var items []*fyne.MenuItem
	if h.kind == kindZone {
		for _, cl := range model.AssetClasses() {
			pos := ev.Position
			items = append(items, fyne.NewMenuItem(tr("canvas.menu.addHere", map[string]string{"Class": strings.ToLower(uiLabel(cl))}), func() {
				prev := c.assetClass
				c.assetClass = cl
				c.placeAsset(pos)
				c.assetClass = prev
			}))
		}
		items = append(items, fyne.NewMenuItemSeparator())
	}
	if h.kind != kindNone {
		items = append(items,
			fyne.NewMenuItem(tr("canvas.menu.addScenario"), c.sess.addScenario),
			fyne.NewMenuItem(tr("menu.edit.logDecision"), c.win.logDecision),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(tr("canvas.menu.delete"), c.sess.deleteSelection),
		)
	} else {
		items = append(items, fyne.NewMenuItem(tr("menu.view.fit"), c.fit))
	}
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), cv, fyne.CurrentApp().Driver().AbsolutePositionForObject(c).Add(ev.Position))
}

// Cursor implements desktop.Cursorable: a crosshair while a tool places or
// connects, the pointer hand while panning.
func (c *zoneCanvas) Cursor() desktop.Cursor {
	switch {
	case c.tool == toolConnect || c.tool == toolAsset:
		return desktop.CrosshairCursor
	case c.tool == toolPan || c.spaceDown:
		return desktop.PointerCursor
	case c.overHandle:
		return desktop.NWSEResizeCursor
	}
	return desktop.DefaultCursor
}

// MouseIn implements desktop.Hoverable.
func (c *zoneCanvas) MouseIn(ev *desktop.MouseEvent) { c.MouseMoved(ev) }

// MouseMoved implements desktop.Hoverable: it notes whether the pointer is
// over a resize handle, for the cursor.
func (c *zoneCanvas) MouseMoved(ev *desktop.MouseEvent) {
	c.overHandle = c.handleAt(ev.Position) != ""
	info := c.hoverText(c.hitTest(ev.Position))
	if info != c.hover {
		c.hover = info
		c.hint.SetText(c.hintText())
	}
}

// MouseOut implements desktop.Hoverable.
func (c *zoneCanvas) MouseOut() {
	c.overHandle = false
	if c.hover != "" {
		c.hover = ""
		c.hint.SetText(c.hintText())
	}
}

// hoverText describes the object under the pointer in the hint line: what
// a room wants to know when someone points at a zone.
func (c *zoneCanvas) hoverText(h hit) string {
	if d := kindOf(h.kind); d != nil && d.describe != nil {
		return d.describe(c.sess, h.id)
	}
	return ""
}
