package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/render/palette"
	"zonewise/risk"
)

// levelRow is one row of the security level grid: a zone, a conduit, or the
// caption above the conduits.
type levelRow struct {
	kind model.TargetKind // "" for a caption
	id   model.ID
	name string
}

// levelPick is the cell the side panel explains.
type levelPick struct {
	kind model.TargetKind
	id   model.ID
	fr   model.FR
}

// levelsView is the zone × FR (and conduit × FR) grid of SL-T, SL-A and gap,
// each cell explaining itself in the side panel.
type levelsView struct {
	sess    *session
	content fyne.CanvasObject

	table *widget.Table
	rows  []levelRow
	pick  levelPick
	// columns fits the names column into the width the FR columns leave
	columns *fitColumns
	// followed is the selected zone or conduit the grid last scrolled to,
	// at row followedRow
	followed    model.ID
	followedRow int

	explain    *fyne.Container // the side panel's text
	explainBox *container.Scroll
	split      *container.Split // the grid over the explanation
	overrideB  *widget.Button
	removeB    *widget.Button
	notAssesed *widget.Label
}

func newSecurityLevelsView(sess *session) *levelsView {
	v := &levelsView{sess: sess}
	v.table = widget.NewTable(func() (int, int) { return len(v.rows), 8 }, v.createCell, v.updateCell)
	v.table.ShowHeaderRow = true
	v.table.StickyColumnCount = 1
	v.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		l.Alignment = fyne.TextAlignCenter
		return l
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Col == 0:
			l.SetText(tr("levels.col.target"))
		case id.Col >= 1 && id.Col <= 7:
			fr := model.FR(id.Col)
			l.SetText(fr.String() + " " + fr.Abbrev())
		}
	}
	// Tapping a name explains its first FR; the coloured cells handle their own taps.
	v.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.rows) && v.rows[id.Row].kind != "" {
			fr := model.FR(max(1, id.Col))
			v.table.UnselectAll()
			v.onCellTapped(levelPick{v.rows[id.Row].kind, v.rows[id.Row].id, fr})
		}
	}
	v.notAssesed = widget.NewLabel("")
	v.notAssesed.Wrapping = fyne.TextWrapWord
	v.notAssesed.Hide()

	v.explain = container.NewVBox()
	v.overrideB = widget.NewButtonWithIcon(tr("levels.override"), theme.DocumentCreateIcon(), v.onOverride)
	v.removeB = widget.NewButtonWithIcon(tr("prop.removeOverride"), theme.ContentUndoIcon(), v.onRemoveOverride)
	// The explanation sits below the grid so that all seven FRs fit the width.
	v.explainBox = container.NewVScroll(v.explain)
	below := container.NewBorder(nil, nil, nil, container.NewVBox(v.overrideB, v.removeB), v.explainBox)

	top := container.NewVBox(levelsLegend(), v.notAssesed)
	// the zone and conduit names take the width the seven FR columns leave
	cols := []column{{11, 1}, {6, 0}, {6, 0}, {6, 0}, {6, 0}, {6, 0}, {6, 0}, {6, 0}}
	v.columns = newFitColumns(v.table, cols, nil)
	v.split = container.NewVSplit(container.NewBorder(top, nil, nil, nil, v.columns.box), below)
	v.split.Offset = 0.72
	v.content = v.split
	return v
}

// explainShare is the grid's share of the view once a cell is explained:
// the explanation of an SL-T cell (its scenarios, actors, SL-C, SL-A, gap
// and requirements) then gets room to be read out to a workshop, not four
// lines of a 1366×768 screen.
const explainShare = 0.45

// makeRoomForExplain lowers the grid to explainShare of the view (never
// raises it: a user who dragged the divider keeps it) and keeps the picked
// row in view.
func (v *levelsView) makeRoomForExplain() {
	if v.split.Offset > explainShare {
		v.split.SetOffset(explainShare)
	}
	for i, r := range v.rows {
		if r.id == v.pick.id && r.kind == v.pick.kind {
			v.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
			break
		}
	}
}

// levelsLegend explains the colours and the override mark.
func levelsLegend() fyne.CanvasObject {
	chip := func(gap int, text string) fyne.CanvasObject {
		r := canvas.NewRectangle(palette.Gap(gap).Fill)
		r.SetMinSize(fyne.NewSize(em(1.4), em(1.4)))
		return container.NewHBox(container.NewCenter(r), widget.NewLabel(text))
	}
	return container.NewHBox(
		widget.NewLabelWithStyle(tr("levels.legend"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		chip(0, "0"), chip(1, "1"), chip(2, "2"), chip(3, "≥3"),
		widget.NewLabel(tr("levels.legend.overridden")),
	)
}

func (v *levelsView) key() string               { return "levels" }
func (v *levelsView) title() string             { return tr("levels.title") }
func (v *levelsView) object() fyne.CanvasObject { return v.content }

func (v *levelsView) refresh() {
	p := v.sess.doc.Project
	v.rows = v.rows[:0]
	if r := v.sess.result; r != nil {
		for _, z := range r.Zones {
			v.rows = append(v.rows, levelRow{model.TargetZone, z.ZoneID, z.Name})
		}
		if len(r.Conduits) > 0 {
			v.rows = append(v.rows, levelRow{name: tr("kind.conduit.heading")})
		}
		for _, c := range r.Conduits {
			v.rows = append(v.rows, levelRow{model.TargetConduit, c.ConduitID, c.Name})
		}
		v.notAssesed.Hide()
	} else {
		for _, z := range sortedByName(p.Zones, func(z *model.Zone) string { return z.Name }) {
			v.rows = append(v.rows, levelRow{model.TargetZone, z.ID, z.Name})
		}
		msg := tr("common.notAssessed")
		if v.sess.resultErr != nil {
			msg = tr("common.notAssessedBecause", map[string]string{"Error": v.sess.resultErr.Error()})
		}
		v.notAssesed.SetText(msg)
		v.notAssesed.Show()
	}
	// Follow a zone or conduit selected elsewhere, and scroll to its row
	// once (then the grid stays where the user scrolls it).
	if r := v.sess.sel.primary(); r.Kind == kindZone || r.Kind == kindConduit {
		k := kindOf(r.Kind).target
		if v.pick.id != r.ID {
			v.pick = levelPick{k, r.ID, model.FR1}
		}
		if v.followed != r.ID {
			if i := slices.IndexFunc(v.rows, func(l levelRow) bool { return l.id == r.ID }); i >= 0 {
				v.followed, v.followedRow = r.ID, i
				v.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
			}
		}
	} else {
		v.followed = ""
	}
	v.table.Refresh()
	v.refreshExplain()
}

// cells returns the SL-T, SL-A and gap of a zone or conduit; ok is false
// when it was not assessed.
func (v *levelsView) cells(k model.TargetKind, id model.ID) (slt, sla *risk.Cells, slc *risk.Cells, gap model.SLVector, ok bool) {
	switch k {
	case model.TargetZone:
		if z := v.sess.zoneResult(id); z != nil {
			return &z.SLT, &z.SLA, &z.SLC, z.Gap, true
		}
	case model.TargetConduit:
		if c := v.sess.conduitResult(id); c != nil {
			return &c.SLT, &c.SLA, nil, c.Gap, true
		}
	}
	return nil, nil, nil, model.SLVector{}, false
}

func (v *levelsView) createCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewStack(l, newColourBox())
}

func (v *levelsView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	l, box := c.Objects[0].(*widget.Label), c.Objects[1].(*colourBox)
	if id.Row < 0 || id.Row >= len(v.rows) {
		l.Hide()
		box.Hide()
		return
	}
	row := v.rows[id.Row]
	if id.Col == 0 || row.kind == "" {
		box.Hide()
		l.TextStyle.Bold = row.kind == "" || v.pick.id == row.id
		l.SetText("")
		if id.Col == 0 {
			l.SetText(orUntitled(row.name))
		}
		l.Show()
		return
	}
	l.Hide()
	fr := model.FR(id.Col)
	box.onTap = func() { v.onCellTapped(levelPick{row.kind, row.id, fr}) }
	box.selected = v.pick == levelPick{row.kind, row.id, fr}
	slt, sla, _, gap, ok := v.cells(row.kind, row.id)
	if !ok {
		box.set(palette.NoLevel, palette.Ink, "–", "")
		box.Show()
		return
	}
	i := fr - 1
	mark := ""
	if slt[i].Overridden {
		mark = "*"
	}
	sw := palette.Gap(gap[i])
	box.set(sw.Fill, sw.Text, tr("levels.cell.slt", map[string]any{"SL": slt[i].SL, "Mark": mark}), tr("levels.cell.sla", map[string]int{"SL": sla[i].SL, "Gap": gap[i]}))
	box.Show()
}

// onCellTapped explains the cell and selects its zone or conduit.
func (v *levelsView) onCellTapped(p levelPick) {
	v.pick = p
	k := kindOfTarget(p.kind)
	defer v.makeRoomForExplain()
	if v.sess.sel.primary() != (ref{k, p.id}) {
		v.sess.selectOnly(ref{k, p.id}) // refreshes this view
		return
	}
	v.table.Refresh()
	v.refreshExplain()
}

// refreshExplain writes the side panel for the picked cell.
func (v *levelsView) refreshExplain() {
	v.explain.RemoveAll()
	p := v.sess.doc.Project
	name := ""
	var overrides []model.SLOverride
	switch v.pick.kind {
	case model.TargetZone:
		if z := p.Zone(v.pick.id); z != nil {
			name, overrides = z.Name, z.SLTOverrides
		}
	case model.TargetConduit:
		if c := p.Conduit(v.pick.id); c != nil {
			name, overrides = c.Name, c.SLTOverrides
		}
	}
	if name == "" && v.pick.id == "" || !v.pick.fr.Valid() {
		v.explain.Add(wrapLabel(tr("levels.tap")))
		v.overrideB.Disable()
		v.removeB.Disable()
		return
	}
	fr := v.pick.fr
	v.explain.Add(viewHeading(orUntitled(name)))
	v.explain.Add(wrapLabel(fmt.Sprintf("%s %s (%s)", fr, tr("fr.title."+fr.String()), fr.Abbrev())))
	hasOverride := slices.ContainsFunc(overrides, func(o model.SLOverride) bool { return o.FR == fr })
	setEnabled(v.overrideB, true)
	setEnabled(v.removeB, hasOverride)

	slt, sla, slc, gap, ok := v.cells(v.pick.kind, v.pick.id)
	if !ok {
		v.explain.Add(wrapLabel(tr("common.notAssessed")))
		return
	}
	i := fr - 1
	section := func(title string, c *risk.Cell) {
		t := fmt.Sprintf("%s %d", title, c.SL)
		if c.Overridden {
			t = tr("levels.overriddenHeading", map[string]string{"Heading": t})
		}
		t = cellHeading(title, c, t)
		h := widget.NewLabel(t)
		h.TextStyle.Bold = true
		v.explain.Add(h)
		if len(c.Reasons) == 0 {
			v.explain.Add(wrapLabel("  " + tr("levels.noReason")))
		}
		for _, r := range c.Reasons {
			v.explain.Add(wrapLabel("• " + reasonSentence(p, r)))
		}
	}
	section("SL-T", &slt[i])
	if slc != nil {
		section("SL-C", &slc[i])
	}
	section("SL-A", &sla[i])
	g := widget.NewLabel(tr("levels.gap", map[string]int{"Gap": gap[i]}))
	g.TextStyle.Bold = true
	v.explain.Add(g)
	if gap[i] > 0 {
		v.explain.Add(wrapLabel(tr("levels.gapExplain", map[string]int{"Gap": gap[i]})))
	}
	for _, line := range v.warningLines(v.pick) {
		v.explain.Add(wrapLabel(line))
	}
	v.explain.Add(heading(tr("levels.req.heading", map[string]string{"FR": fr.String()})))
	for _, line := range requirementLines(v.statusesOf(v.pick), fr) {
		v.explain.Add(wrapLabel(line))
	}
}

// reasonSentence is a reason's text followed by the scenario, actor and
// rule behind it, where the text does not already name them.
func reasonSentence(p *model.Project, r risk.Reason) string {
	s := strings.TrimSpace(r.Text)
	var extra []string
	if r.ScenarioID != "" {
		if sc := p.Scenario(r.ScenarioID); sc != nil && !strings.Contains(s, sc.Name) {
			extra = append(extra, tr("levels.reason.scenario", map[string]string{"Name": sc.Name}))
		}
	}
	if r.ActorID != "" {
		if a := p.Actor(r.ActorID); a != nil && !strings.Contains(s, a.Name) {
			extra = append(extra, tr("levels.reason.actor", map[string]string{"Name": a.Name}))
		}
	}
	if r.Rule != "" {
		extra = append(extra, tr("levels.reason.rule", map[string]string{"Rule": r.Rule}))
	}
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, "; ") + ")"
	}
	return s
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// onOverride asks for an SL and a justification and sets the override.
func (v *levelsView) onOverride() {
	pk := v.pick
	if !pk.fr.Valid() {
		return
	}
	cur := model.SLOverride{FR: pk.fr, SL: -1}
	for _, o := range v.overridesOf(pk) {
		if o.FR == pk.fr {
			cur = o
		}
	}
	levels := []string{"0", "1", "2", "3", "4"}
	sl := widget.NewSelect(levels, nil)
	if cur.SL >= 0 {
		sl.SetSelected(strconv.Itoa(cur.SL))
	} else if slt, _, _, _, ok := v.cells(pk.kind, pk.id); ok {
		sl.SetSelected(strconv.Itoa(slt[pk.fr-1].SL))
	}
	just := widget.NewMultiLineEntry()
	just.Wrapping = fyne.TextWrapWord
	just.SetMinRowsVisible(3)
	just.SetText(cur.Justification)
	just.Validator = requiredText(tr("common.justificationRequired"))
	d := dialog.NewForm(tr("levels.override.title", map[string]string{"FR": pk.fr.String()}), tr("levels.override.confirm"), tr("common.cancel"), []*widget.FormItem{
		widget.NewFormItem(tr("prop.slt"), sl),
		widget.NewFormItem(tr("prop.justification"), just),
	}, func(ok bool) {
		if !ok || sl.Selected == "" {
			return
		}
		n, _ := strconv.Atoi(sl.Selected)
		v.setOverride(pk, &model.SLOverride{FR: pk.fr, SL: n, Justification: strings.TrimSpace(just.Text)})
	}, v.sess.win)
	d.Resize(fyne.NewSize(em(34), em(16)))
	d.Show()
}

func (v *levelsView) onRemoveOverride() { v.setOverride(v.pick, nil) }

func (v *levelsView) overridesOf(pk levelPick) []model.SLOverride {
	p := v.sess.doc.Project
	switch pk.kind {
	case model.TargetZone:
		if z := p.Zone(pk.id); z != nil {
			return z.SLTOverrides
		}
	case model.TargetConduit:
		if c := p.Conduit(pk.id); c != nil {
			return c.SLTOverrides
		}
	}
	return nil
}

// setOverride replaces the override of the picked FR (nil removes it) with
// one Update command of the zone or conduit.
func (v *levelsView) setOverride(pk levelPick, o *model.SLOverride) {
	mut := func(list *[]model.SLOverride) {
		*list = slices.DeleteFunc(*list, func(x model.SLOverride) bool { return x.FR == pk.fr })
		if o != nil {
			*list = append(*list, *o)
			slices.SortFunc(*list, func(a, b model.SLOverride) int { return int(a.FR) - int(b.FR) })
		}
	}
	switch pk.kind {
	case model.TargetZone:
		edit(v.sess, pk.id, "", func(z *model.Zone) { mut(&z.SLTOverrides) })
	case model.TargetConduit:
		edit(v.sess, pk.id, "", func(c *model.Conduit) { mut(&c.SLTOverrides) })
	}
}
