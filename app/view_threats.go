package app

import (
	"cmp"
	"errors"
	"image/color"
	"slices"
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

// Columns of the threat scenario table: what identifies the scenario
// (name, actor, target) first, so that it stays on screen at 1280 px with
// the side panels open, then what a workshop changes.
const (
	colScenarioName = iota
	colScenarioActor
	colScenarioTarget
	colScenarioLikelihood
	colScenarioConsequence
	colScenarioUnmitigated
	colScenarioCurrent
	colScenarioPlanned
	colScenarioTreatment
	colScenarioFRs
	scenarioColumns
)

var scenarioHeaders = [scenarioColumns]string{tr("threats.col.scenario"), tr("room.lib.by"), tr("prop.target"), tr("threats.col.likelihood"), tr("project.matrix.consequence"), tr("threats.col.unmitigated"), "", "", tr("prop.treatment"), tr("threats.col.frs")}

// scenarioHeader is the heading of a column. The two residual columns are
// looked up when shown, since the interface language is set after start-up.
func scenarioHeader(col int) string {
	switch col {
	case colScenarioCurrent:
		return tr("threats.col.current")
	case colScenarioPlanned:
		return tr("threats.col.target")
	}
	return scenarioHeaders[col]
}

// scenarioColumnsFit are the least widths (in multiples of the text size)
// and the shares of spare width of the columns: the names grow.
var scenarioColumnsFit = []column{
	{12, 3}, {7, 1}, {9, 2}, {8.5, 0}, {9, 0}, {6, 0}, {6, 0}, {6, 0}, {7.5, 0}, {5, 0},
}

// undecided is the treatment option for a scenario without a treatment.
const undecided = "—"

// threatsView is the threat scenario table beside the live risk matrix heat
// maps (unmitigated and residual).
type threatsView struct {
	sess    *session
	content fyne.CanvasObject

	table       *widget.Table
	rows        []model.ID // scenario IDs in table order
	selected    model.ID   // the scenario of the last tapped row
	selectedRow int        // the table row selected, -1 for none
	filter      heatCell   // the heat map cell the table is limited to; zero: all
	filterBar   *fyne.Container
	filterMsg   *widget.Label
	deleteB     *widget.Button

	scenarios map[model.ID]int                  // index in Project.Scenarios
	results   map[model.ID]*risk.ScenarioResult // of indexed
	indexed   *risk.Result

	unmitigated *riskHeatMap
	residual    *riskHeatMap
	// detail names the selected scenario, its actor and target in full,
	// where the table cuts them.
	detail  *widget.Label
	columns *fitColumns
}

func newThreatsView(sess *session) *threatsView {
	v := &threatsView{sess: sess, selectedRow: -1}
	v.table = widget.NewTable(v.tableSize, v.createCell, v.updateCell)
	v.table.ShowHeaderRow = true
	v.table.StickyColumnCount = 1
	v.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < scenarioColumns {
			o.(*widget.Label).SetText(scenarioHeader(id.Col))
		}
	}
	v.table.OnSelected = v.onRowSelected

	v.unmitigated = newRiskHeatMap(tr("threats.map.unmitigated"), v.onHeatCellTapped)
	v.residual = newRiskHeatMap(tr("threats.map.target"), nil)

	v.deleteB = widget.NewButtonWithIcon(tr("common.delete"), theme.DeleteIcon(), v.onDelete)
	bar := container.NewHBox(
		widget.NewButtonWithIcon(tr("threats.add"), theme.ContentAddIcon(), v.onAdd),
		widget.NewButtonWithIcon(tr("threats.addFromLibrary"), theme.ListIcon(), v.onAddFromLibrary),
		v.deleteB,
	)
	v.filterMsg = widget.NewLabel("")
	v.filterBar = container.NewHBox(v.filterMsg, widget.NewButton(tr("threats.showAll"), func() { v.filter = heatCell{}; v.refresh() }))
	v.filterBar.Hide()

	v.columns = newFitColumns(v.table, scenarioColumnsFit, scenarioHeader)
	v.detail = widget.NewLabel("")
	v.detail.Wrapping = fyne.TextWrapWord
	v.detail.Hide()
	maps := container.NewGridWithRows(2, v.unmitigated, v.residual)
	left := container.NewBorder(container.NewVBox(container.NewHScroll(bar), v.filterBar), v.detail, nil, nil, v.columns.box)
	split := container.NewHSplit(left, container.NewPadded(maps))
	split.Offset = 0.66
	v.content = split
	return v
}

func (v *threatsView) key() string               { return "threats" }
func (v *threatsView) title() string             { return tr("threats.title") }
func (v *threatsView) object() fyne.CanvasObject { return v.content }

// refresh rebuilds the row order and redraws table and heat maps.
func (v *threatsView) refresh() {
	p := v.sess.doc.Project
	v.index()
	v.rows = v.rows[:0]
	unmit, resid := map[heatCell]int{}, map[heatCell]int{}
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		cell := v.unmitigatedCell(s)
		unmit[cell]++
		if r := v.results[s.ID]; r != nil {
			resid[heatCell{r.ResidualLikelihood, r.ResidualConsequence}]++
		}
		if v.filter == (heatCell{}) || v.filter == cell {
			v.rows = append(v.rows, s.ID)
		}
	}
	slices.SortFunc(v.rows, func(a, b model.ID) int {
		return cmp.Or(strings.Compare(p.Scenarios[v.scenarios[a]].Name, p.Scenarios[v.scenarios[b]].Name), strings.Compare(string(a), string(b)))
	})
	if v.filter != (heatCell{}) {
		v.filterMsg.SetText(tr("threats.filter", map[string]any{"N": len(v.rows),
			"Likelihood": scaleName(p.Matrix.Likelihoods, v.filter.L), "Consequence": scaleName(p.Matrix.Consequences, v.filter.C)}))
		v.filterBar.Show()
	} else {
		v.filterBar.Hide()
	}
	if p.Scenario(v.selected) == nil {
		v.selected = ""
	}
	// Follow a scenario selected in the tree or the canvas.
	if r := v.sess.sel.primary(); r.Kind == kindScenario {
		v.selected = r.ID
		if row := slices.Index(v.rows, r.ID); row >= 0 && row != v.selectedRow {
			v.table.Select(widget.TableCellID{Row: row, Col: colScenarioName})
		}
	}
	setEnabled(v.deleteB, v.selected != "")
	v.showDetail()
	v.table.Refresh()
	var markU, markR heatCell
	if s := v.scenario(v.selected); s != nil {
		markU = v.unmitigatedCell(s)
		if r := v.results[s.ID]; r != nil {
			markR = heatCell{r.ResidualLikelihood, r.ResidualConsequence}
		}
	}
	v.unmitigated.set(p.Matrix, unmit, v.filter, markU)
	if v.sess.result == nil {
		v.residual.title = tr("threats.map.targetNotAssessed")
	} else {
		v.residual.title = tr("threats.map.target")
	}
	v.residual.set(p.Matrix, resid, heatCell{}, markR)
}

// index maps scenario IDs to their place in the project and to their
// assessment, so that a refresh of a large plant stays linear.
func (v *threatsView) index() {
	p := v.sess.doc.Project
	clear(v.scenarios)
	if v.scenarios == nil {
		v.scenarios = map[model.ID]int{}
	}
	for i := range p.Scenarios {
		v.scenarios[p.Scenarios[i].ID] = i
	}
	if v.indexed == v.sess.result && v.results != nil {
		return
	}
	v.indexed = v.sess.result
	v.results = map[model.ID]*risk.ScenarioResult{}
	if r := v.sess.result; r != nil {
		for i := range r.Scenarios {
			v.results[r.Scenarios[i].ScenarioID] = &r.Scenarios[i]
		}
	}
}

// scenario returns the scenario with the given ID, or nil.
func (v *threatsView) scenario(id model.ID) *model.ThreatScenario {
	p := v.sess.doc.Project
	if i, ok := v.scenarios[id]; ok && i < len(p.Scenarios) && p.Scenarios[i].ID == id {
		return &p.Scenarios[i]
	}
	return p.Scenario(id)
}

// unmitigatedCell is where a scenario sits in the risk matrix before
// countermeasures: the engine's answer when there is one, else the
// scenario's likelihood and worst consequence.
func (v *threatsView) unmitigatedCell(s *model.ThreatScenario) heatCell {
	if r := v.results[s.ID]; r != nil {
		return heatCell{r.Likelihood, r.Consequence}
	}
	c, _ := risk.WorstConsequence(s.Consequences)
	return heatCell{s.Likelihood, c}
}

func (v *threatsView) tableSize() (int, int) { return len(v.rows), scenarioColumns }

// scenarioCell is the template of every table cell: a label, a coloured
// level box or a picker, one of them visible.
type scenarioCell struct {
	label *widget.Label
	box   *canvas.Rectangle
	boxT  *canvas.Text
	pick  *widget.Select
}

func (v *threatsView) createCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	box := canvas.NewRectangle(color.Transparent)
	bt := canvas.NewText("", palette.Ink)
	bt.Alignment = fyne.TextAlignCenter
	bt.TextStyle.Bold = true
	pick := widget.NewSelect(nil, nil)
	return container.NewStack(l, container.NewPadded(box), container.NewCenter(bt), pick)
}

// cellParts takes a cell made by createCell apart.
func cellParts(o fyne.CanvasObject) scenarioCell {
	c := o.(*fyne.Container)
	return scenarioCell{
		label: c.Objects[0].(*widget.Label),
		box:   c.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle),
		boxT:  c.Objects[2].(*fyne.Container).Objects[0].(*canvas.Text),
		pick:  c.Objects[3].(*widget.Select),
	}
}

func (v *threatsView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := cellParts(o)
	// Show only the part in use; Show, Hide and SetText refresh (and measure
	// text) only when something changes, which keeps a refresh cheap.
	show := func(which fyne.CanvasObject) {
		for _, x := range []fyne.CanvasObject{c.label, c.box, c.boxT, c.pick} {
			on := x == which || (which == c.box && x == c.boxT)
			if on && !x.Visible() {
				x.Show()
			} else if !on && x.Visible() {
				x.Hide()
			}
		}
	}
	if id.Row < 0 || id.Row >= len(v.rows) {
		show(nil)
		return
	}
	p := v.sess.doc.Project
	s := v.scenario(v.rows[id.Row])
	if s == nil {
		show(nil)
		return
	}
	r := v.results[s.ID]
	text := func(t string) {
		setLabel(c.label, t)
		show(c.label)
	}
	level := func(l model.RiskLevel) {
		t := uiLabel(l)
		if l == "" {
			t = "–"
		}
		fill, ts := riskColour(l), theme.TextSize()
		if !sameColor(c.box.FillColor, fill) {
			c.box.FillColor = fill
			c.box.Refresh()
		}
		if c.boxT.Text != t || c.boxT.TextSize != ts {
			c.boxT.Text, c.boxT.TextSize = t, ts
			c.boxT.Refresh()
		}
		show(c.box)
	}
	pick := func(options []string, selected string, changed func(string)) {
		c.pick.OnChanged = nil
		if !slices.Equal(c.pick.Options, options) {
			c.pick.Options = options
			c.pick.Refresh()
		}
		if c.pick.Selected != selected {
			c.pick.SetSelected(selected)
		}
		c.pick.OnChanged = changed
		show(c.pick)
	}
	sid := s.ID
	switch id.Col {
	case colScenarioName:
		text(orUntitled(s.Name))
	case colScenarioActor:
		if a := p.Actor(s.ActorID); a != nil {
			text(a.Name)
		} else {
			text(tr("common.none"))
		}
	case colScenarioTarget:
		text(targetLabel(p, s.TargetKind, s.TargetID))
	case colScenarioFRs:
		text(frList(s.FRs))
	case colScenarioLikelihood:
		pick(scaleOptions(p.Matrix.Likelihoods), scaleName(p.Matrix.Likelihoods, s.Likelihood), func(o string) { v.onLikelihoodChanged(sid, o) })
	case colScenarioConsequence:
		worst, _ := risk.WorstConsequence(s.Consequences)
		pick(scaleOptions(p.Matrix.Consequences), scaleName(p.Matrix.Consequences, worst), func(o string) { v.onConsequenceChanged(sid, o) })
	case colScenarioUnmitigated:
		if r != nil {
			level(r.Unmitigated)
		} else {
			cell := v.unmitigatedCell(s)
			level(p.Matrix.Level(cell.L, cell.C))
		}
	case colScenarioCurrent:
		if r != nil {
			level(r.Current.Level)
		} else {
			level("")
		}
	case colScenarioPlanned:
		if r != nil {
			level(r.Target.Level)
		} else {
			level("")
		}
	case colScenarioTreatment:
		options := []string{undecided}
		for _, t := range model.Treatments() {
			options = append(options, uiLabel(t))
		}
		cur := undecided
		if s.Treatment != "" {
			cur = uiLabel(s.Treatment)
		}
		pick(options, cur, func(o string) { v.onTreatmentChanged(sid, o) })
	}
}

// onRowSelected selects the scenario of the tapped row in the whole window.
func (v *threatsView) onRowSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(v.rows) {
		return
	}
	v.selected, v.selectedRow = v.rows[id.Row], id.Row
	setEnabled(v.deleteB, true)
	v.showDetail()
	if !v.sess.refreshing {
		v.sess.selectOnly(ref{kindScenario, v.selected})
	}
}

// showDetail writes the selected scenario's name, actor and target in full
// under the table (the cells cut long names).
func (v *threatsView) showDetail() {
	p := v.sess.doc.Project
	s := v.scenario(v.selected)
	if s == nil {
		v.detail.Hide()
		return
	}
	actor := tr("room.threats.noActor")
	if a := p.Actor(s.ActorID); a != nil {
		actor = a.Name
	}
	setLabel(v.detail, tr("room.threats.detail", map[string]string{
		"Name": orUntitled(s.Name), "Actor": actor, "Target": targetLabel(p, s.TargetKind, s.TargetID),
	}))
	v.detail.Show()
}

// onHeatCellTapped limits the table to the scenarios of a matrix cell;
// tapping the same cell again shows all.
func (v *threatsView) onHeatCellTapped(c heatCell) {
	if v.filter == c {
		c = heatCell{}
	}
	v.filter = c
	v.refresh()
}

func (v *threatsView) onLikelihoodChanged(id model.ID, option string) {
	l := scaleLevel(v.sess.doc.Project.Matrix.Likelihoods, option)
	if s := v.sess.doc.Project.Scenario(id); s == nil || l == 0 || s.Likelihood == l {
		return
	}
	edit(v.sess, id, "likelihood", func(s *model.ThreatScenario) { s.Likelihood = l })
}

func (v *threatsView) onConsequenceChanged(id model.ID, option string) {
	l := scaleLevel(v.sess.doc.Project.Matrix.Consequences, option)
	s := v.sess.doc.Project.Scenario(id)
	if s == nil || l == 0 {
		return
	}
	if worst, _ := risk.WorstConsequence(s.Consequences); worst == l {
		return
	}
	edit(v.sess, id, "consequence", func(s *model.ThreatScenario) { s.Consequences = withConsequence(s, l) })
}

// onTreatmentChanged sets the treatment; accept, transfer and avoid ask
// for the reason first (the note is required for them).
func (v *threatsView) onTreatmentChanged(id model.ID, option string) {
	s := v.sess.doc.Project.Scenario(id)
	if s == nil {
		return
	}
	var t model.Treatment
	for _, x := range model.Treatments() {
		if uiLabel(x) == option {
			t = x
		}
	}
	if t == s.Treatment {
		return
	}
	if t == "" || t == model.TreatmentMitigate {
		edit(v.sess, id, "treatment", func(s *model.ThreatScenario) { s.Treatment = t })
		return
	}
	note := widget.NewMultiLineEntry()
	note.SetText(s.TreatmentNote)
	note.Wrapping = fyne.TextWrapWord
	note.SetMinRowsVisible(3)
	note.Validator = requiredText(tr("common.reasonRequired"))
	d := dialog.NewForm(tr("threats.treat.title", map[string]string{"Treatment": uiLabel(t), "Name": orUntitled(s.Name)}), uiLabel(t), tr("common.cancel"),
		[]*widget.FormItem{widget.NewFormItem(tr("threats.treat.why"), note)}, func(ok bool) {
			if !ok {
				v.table.Refresh() // put the picker back
				return
			}
			edit(v.sess, id, "treatment", func(s *model.ThreatScenario) {
				s.Treatment, s.TreatmentNote = t, strings.TrimSpace(note.Text)
			})
		}, v.sess.win)
	d.Resize(fyne.NewSize(em(36), em(16)))
	d.Show()
	v.sess.win.Canvas().Focus(note)
}

// onAdd adds a scenario as Edit ▸ Add threat scenario does (on the
// selected zone, conduit or asset) and selects it for the properties panel.
func (v *threatsView) onAdd() {
	v.sess.addScenario()
	if r := v.sess.sel.primary(); r.Kind == kindScenario {
		v.selected = r.ID
		v.refresh()
	}
}

// onDelete deletes the selected scenario after confirmation.
func (v *threatsView) onDelete() {
	s := v.sess.doc.Project.Scenario(v.selected)
	if s == nil {
		return
	}
	id := s.ID
	dialog.ShowConfirm(tr("threats.delete.title"), tr("threats.delete.message", map[string]string{"Name": orUntitled(s.Name)}), func(ok bool) {
		if ok && v.sess.do(&model.Remove[model.ThreatScenario]{ID: id}) {
			v.selected, v.selectedRow = "", -1
			v.table.UnselectAll()
		}
	}, v.sess.win)
}

// requiredText is an entry validator that refuses blank text.
func requiredText(msg string) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(msg)
		}
		return nil
	}
}
