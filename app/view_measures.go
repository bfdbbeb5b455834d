package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/risk"
)

var (
	proposalHeaders = []string{tr("measures.col.rank"), tr("measures.col.measure"), tr("prop.target"), tr("measures.col.closes"), tr("measures.col.effort"), tr("measure.status")}
	// proposalColumns: the measure and target names take the spare width.
	proposalColumns = []column{{3, 0}, {12, 3}, {9, 2}, {8, 1}, {5, 0}, {9.5, 0}}
	instanceHeaders = []string{tr("measures.col.measure"), tr("prop.target"), tr("measure.status"), tr("measures.col.reason")}
	instanceColumns = []column{{12, 3}, {9, 2}, {9.5, 0}, {12, 2}}
)

// measuresView lists the ranked compensating countermeasures proposed for
// the gaps, the countermeasures already in the project, and the measures not
// proposed because of an essential function.
type measuresView struct {
	sess    *session
	content fyne.CanvasObject
	tabs    *container.AppTabs

	proposals *widget.Table
	propRows  []risk.Proposal
	propShow  *widget.RadioGroup
	propPick  string // proposal ID
	propInfo  *widget.Label

	instances *widget.Table
	instRows  []model.ID
	instPick  model.ID
	instInfo  *widget.Label

	exclusions *widget.List
	exclRows   []risk.Exclusion

	// handled says which proposal was handled last, with an Undo button,
	// since a handled proposal leaves the list of proposals.
	handled     *fyne.Container
	handledText *widget.Label

	acceptB, rejectB, implementB             *widget.Button
	iAcceptB, iRejectB, iImplementB, iResetB *widget.Button
	iDeleteB                                 *widget.Button
}

func newCountermeasuresView(sess *session) *measuresView {
	v := &measuresView{sess: sess}
	v.proposals = newTextTable(proposalHeaders, func() int { return len(v.propRows) }, v.proposalText)
	v.proposals.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.propRows) {
			v.propPick = v.propRows[id.Row].ID
			v.refreshProposalActions()
		}
	}
	v.instances = newTextTable(instanceHeaders, func() int { return len(v.instRows) }, v.instanceText)
	v.instances.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.instRows) {
			v.instPick = v.instRows[id.Row]
			v.refreshInstanceActions()
			if !sess.refreshing {
				sess.selectOnly(ref{kindCountermeasure, v.instPick})
			}
		}
	}
	v.exclusions = widget.NewList(func() int { return len(v.exclRows) }, func() fyne.CanvasObject {
		head := widget.NewLabel("")
		head.TextStyle.Bold = true
		head.Truncation = fyne.TextTruncateEllipsis
		why := widget.NewLabel("")
		why.Truncation = fyne.TextTruncateEllipsis
		return container.NewVBox(head, why)
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= len(v.exclRows) {
			return
		}
		head, why := v.exclusionText(&v.exclRows[i])
		c := o.(*fyne.Container)
		c.Objects[0].(*widget.Label).SetText(head)
		c.Objects[1].(*widget.Label).SetText(why)
	})

	v.acceptB = widget.NewButtonWithIcon(tr("measures.accept"), theme.ConfirmIcon(), func() { v.onProposal(model.StatusAccepted) })
	v.acceptB.Importance = widget.HighImportance
	v.rejectB = widget.NewButtonWithIcon(tr("measures.reject"), theme.CancelIcon(), func() { v.onProposal(model.StatusRejected) })
	v.implementB = widget.NewButtonWithIcon(tr("measures.implement"), theme.CheckButtonCheckedIcon(), func() { v.onProposal(model.StatusImplemented) })
	v.propInfo = wrapLabel("")
	v.propShow = widget.NewRadioGroup([]string{showCover, showAllTargets, showSelectedTarget}, nil)
	v.propShow.Horizontal = true
	v.propShow.Required = true
	v.propShow.SetSelected(showCover)
	v.propShow.OnChanged = func(string) { v.refresh() }
	v.handledText = widget.NewLabel("")
	v.handledText.Wrapping = fyne.TextWrapWord
	v.handled = container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon(tr("room.measures.undo"), theme.ContentUndoIcon(), v.undoHandled), v.handledText)
	v.handled.Hide()
	propTop := container.NewVBox(container.NewHScroll(v.propShow), container.NewHScroll(container.NewHBox(v.acceptB, v.rejectB, v.implementB)), v.handled, v.propInfo)

	v.iAcceptB = widget.NewButtonWithIcon(tr("measures.accept"), theme.ConfirmIcon(), func() { v.onInstance(model.StatusAccepted) })
	v.iRejectB = widget.NewButtonWithIcon(tr("measures.reject"), theme.CancelIcon(), func() { v.onInstance(model.StatusRejected) })
	v.iImplementB = widget.NewButtonWithIcon(tr("measures.implement"), theme.CheckButtonCheckedIcon(), func() { v.onInstance(model.StatusImplemented) })
	v.iResetB = widget.NewButtonWithIcon(tr("measures.backToProposed"), theme.ContentUndoIcon(), func() { v.onInstance(model.StatusProposed) })
	v.iDeleteB = widget.NewButtonWithIcon(tr("common.delete"), theme.DeleteIcon(), v.onDeleteInstance)
	v.instInfo = wrapLabel("")
	instTop := container.NewVBox(container.NewHScroll(container.NewHBox(v.iAcceptB, v.iRejectB, v.iImplementB, v.iResetB, v.iDeleteB)), v.instInfo)

	v.tabs = container.NewAppTabs(
		container.NewTabItem(tr("measures.tab.proposals", map[string]int{"N": 0}), container.NewBorder(propTop, nil, nil, nil, newFitColumns(v.proposals, proposalColumns, func(c int) string { return proposalHeaders[c] }).box)),
		container.NewTabItem(tr("measures.tab.inProject", map[string]int{"N": 0}), container.NewBorder(instTop, nil, nil, nil, newFitColumns(v.instances, instanceColumns, func(c int) string { return instanceHeaders[c] }).box)),
		container.NewTabItem(tr("measures.tab.notProposed", map[string]int{"N": 0}), container.NewBorder(
			wrapLabel(tr("measures.notProposed.explain")),
			nil, nil, nil, v.exclusions)),
	)
	v.tabs.OnSelected = func(*container.TabItem) { v.refresh() }
	v.content = v.tabs
	return v
}

func (v *measuresView) key() string               { return "countermeasures" }
func (v *measuresView) title() string             { return tr("measures.title") }
func (v *measuresView) object() fyne.CanvasObject { return v.content }

func (v *measuresView) refresh() {
	p := v.sess.doc.Project
	v.propRows, v.exclRows = nil, nil
	if r := v.sess.result; r != nil {
		v.propRows, v.exclRows = r.Proposals, r.Exclusions
		switch v.propShow.Selected {
		case showSelectedTarget:
			v.propRows = v.onSelectedTarget(r.Proposals)
		case showCover:
			v.propRows = nil
			for _, pr := range r.Proposals {
				if pr.Cover {
					v.propRows = append(v.propRows, pr)
				}
			}
		}
	}
	v.instRows = v.instRows[:0]
	names := map[string]string{}
	name := func(c *model.CountermeasureInstance) string {
		n, ok := names[c.MeasureID]
		if !ok {
			n = v.sess.measureName(c.MeasureID)
			names[c.MeasureID] = n
		}
		return n
	}
	for _, ci := range sortedByName(p.Countermeasures, name) {
		v.instRows = append(v.instRows, ci.ID)
	}
	titles := []string{
		tr("measures.tab.proposals", map[string]int{"N": len(v.propRows)}),
		tr("measures.tab.inProject", map[string]int{"N": len(v.instRows)}),
		tr("measures.tab.notProposed", map[string]int{"N": len(v.exclRows)}),
	}
	changed := false
	for i, t := range titles {
		if v.tabs.Items[i].Text != t {
			v.tabs.Items[i].Text, changed = t, true
		}
	}
	if changed {
		v.tabs.Refresh()
	}
	// Only the visible list pays for its cells; the others refresh when shown.
	switch v.tabs.SelectedIndex() {
	case 0:
		v.proposals.Refresh()
	case 1:
		v.instances.Refresh()
	case 2:
		v.exclusions.Refresh()
	}
	v.refreshProposalActions()
	v.refreshInstanceActions()
}

// Choices of which proposals to show (set again by localiseTexts).
var (
	showCover          = tr("measures.show.cover")
	showAllTargets     = tr("measures.show.all")
	showSelectedTarget = tr("measures.show.selection")
)

// onSelectedTarget keeps the proposals for the selected object (for an
// asset: also those for its zone).
func (v *measuresView) onSelectedTarget(all []risk.Proposal) []risk.Proposal {
	r := v.sess.sel.primary()
	ids := []model.ID{r.ID}
	if r.Kind == kindAsset {
		if a := v.sess.doc.Project.Asset(r.ID); a != nil {
			ids = append(ids, a.ZoneID)
		}
	}
	var out []risk.Proposal
	for _, pr := range all {
		if slices.Contains(ids, pr.TargetID) {
			out = append(out, pr)
		}
	}
	return out
}

// proposal returns the picked proposal, or nil.
func (v *measuresView) proposal() *risk.Proposal {
	for i := range v.propRows {
		if v.propRows[i].ID == v.propPick {
			return &v.propRows[i]
		}
	}
	return nil
}

func (v *measuresView) refreshProposalActions() {
	pr := v.proposal()
	for _, b := range []*widget.Button{v.acceptB, v.rejectB, v.implementB} {
		setEnabled(b, pr != nil)
	}
	switch {
	case v.sess.result == nil:
		msg := tr("common.notAssessed")
		if v.sess.resultErr != nil {
			msg = tr("common.notAssessedBecause", map[string]string{"Error": v.sess.resultErr.Error()})
		}
		v.propInfo.SetText(msg)
	case pr == nil && len(v.propRows) == 0 && v.propShow.Selected == showSelectedTarget:
		v.propInfo.SetText(tr("measures.info.noneForSelection"))
	case pr == nil && len(v.propRows) == 0:
		v.propInfo.SetText(tr("measures.info.noGaps"))
	case pr == nil && v.propShow.Selected == showCover:
		v.propInfo.SetText(coverInfo(len(v.propRows), len(v.sess.result.Proposals), len(v.sess.result.OpenGaps)))
	case pr == nil:
		v.propInfo.SetText(tr("measures.info.ranked"))
	default:
		v.propInfo.SetText(v.measureInfo(pr.MeasureID, pr.TargetKind, pr.TargetID))
	}
}

// measureInfo describes a library measure on a target in one paragraph.
func (v *measuresView) measureInfo(measureID string, k model.TargetKind, id model.ID) string {
	p := v.sess.doc.Project
	s := tr("measures.onTarget", map[string]string{"Measure": v.sess.measureName(measureID), "Target": targetLabel(p, k, id)}) + "."
	if v.sess.cat == nil {
		return s
	}
	m, ok := v.sess.cat.Measure(measureID)
	if !ok {
		return s
	}
	if m.Summary != "" {
		s += " " + m.Summary
	}
	if len(m.Requirements) > 0 {
		s += " " + tr("measures.supports", map[string]string{"Requirements": strings.Join(m.Requirements, ", ")})
	}
	if len(m.Impacts) > 0 {
		var im []string
		for _, i := range m.Impacts {
			im = append(im, strings.ToLower(uiLabel(i)))
		}
		s += " " + tr("measures.mayCause", map[string]string{"Impacts": strings.Join(im, ", ")})
	}
	return s
}

func (v *measuresView) proposalText(row, col int) string {
	pr := &v.propRows[row]
	switch col {
	case 0:
		return fmt.Sprint(pr.Rank)
	case 1:
		return v.sess.measureName(pr.MeasureID)
	case 2:
		return targetLabel(v.sess.doc.Project, pr.TargetKind, pr.TargetID)
	case 3:
		return closesText(pr.Closes)
	case 4:
		return effortLabel(pr.Effort)
	case 5:
		if pr.Status == "" {
			return uiLabel(model.StatusProposed)
		}
		return uiLabel(pr.Status)
	}
	return ""
}

// closesText writes the gaps a proposal closes as "FR1→2, FR5→3".
func closesText(cs []risk.GapClose) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = fmt.Sprintf("%s→%d", c.FR, c.Need)
	}
	return strings.Join(s, ", ")
}

func (v *measuresView) instanceText(row, col int) string {
	p := v.sess.doc.Project
	ci := p.Countermeasure(v.instRows[row])
	if ci == nil {
		return ""
	}
	switch col {
	case 0:
		return v.sess.measureName(ci.MeasureID)
	case 1:
		return targetLabel(p, ci.TargetKind, ci.TargetID)
	case 2:
		return uiLabel(ci.Status)
	case 3:
		return strings.TrimSpace(ci.Reason + " " + ci.Notes)
	}
	return ""
}

// exclusionText is the heading and the reason of an exclusion, in words
// of its own fields (the engine's sentence repeats the measure's ID).
func (v *measuresView) exclusionText(e *risk.Exclusion) (head, why string) {
	head = tr("measures.onTarget", map[string]string{"Measure": v.sess.measureName(e.MeasureID), "Target": targetLabel(v.sess.doc.Project, e.TargetKind, e.TargetID)})
	if e.EssentialFunction == "" {
		return head, tr("measures.notProposedBecause", map[string]string{"Reason": strings.TrimSuffix(e.Reason, ".")})
	}
	return head, tr("measures.notProposedImpact", map[string]string{"Impact": strings.ToLower(uiLabel(e.Impact)), "Function": e.EssentialFunction})
}

// onProposal accepts, rejects (asking the reason) or implements the
// picked proposal: it updates the instance the project already holds for it,
// else adds one.
func (v *measuresView) onProposal(status model.MeasureStatus) {
	pr := v.proposal()
	if pr == nil {
		return
	}
	pr2 := *pr
	apply := func(reason string) {
		name := v.sess.measureName(pr2.MeasureID)
		target := targetLabel(v.sess.doc.Project, pr2.TargetKind, pr2.TargetID)
		if pr2.InstanceID != "" && v.sess.doc.Project.Countermeasure(pr2.InstanceID) != nil {
			v.setInstanceStatus(pr2.InstanceID, status, reason)
		} else {
			ci := model.CountermeasureInstance{ID: model.NewID(), MeasureID: pr2.MeasureID, TargetKind: pr2.TargetKind, TargetID: pr2.TargetID, Status: status, Reason: reason}
			if !v.sess.do(&model.Batch{Name: measureUndoLabel(status, name), Commands: []model.Command{&model.Add[model.CountermeasureInstance]{Item: ci}}}) {
				return
			}
		}
		v.showHandled(tr("room.measures.handled", map[string]string{"Measure": name, "Target": target, "Status": uiLabel(status)}))
		// The handled row has left the list: no other row takes over its
		// highlight while the buttons are off.
		v.propPick = ""
		v.proposals.UnselectAll()
		v.refreshProposalActions()
	}
	if status == model.StatusRejected {
		v.askReason(v.sess.measureName(pr2.MeasureID), apply)
		return
	}
	apply("")
}

// askReason asks why a measure is rejected; the reason is required.
func (v *measuresView) askReason(name string, done func(reason string)) {
	reason := widget.NewMultiLineEntry()
	reason.Wrapping = fyne.TextWrapWord
	reason.SetMinRowsVisible(3)
	reason.SetPlaceHolder(tr("measures.reject.placeholder"))
	reason.Validator = requiredText(tr("common.reasonRequired"))
	d := dialog.NewForm(tr("measures.reject.title", map[string]string{"Measure": name}), tr("measures.reject.confirm"), tr("common.cancel"), []*widget.FormItem{widget.NewFormItem(tr("measure.reason"), reason)}, func(ok bool) {
		if ok {
			done(strings.TrimSpace(reason.Text))
		}
	}, v.sess.win)
	d.Resize(fyne.NewSize(em(34), em(14)))
	d.Show()
	v.sess.win.Canvas().Focus(reason)
}

// setInstanceStatus changes an instance's status (and reason) as one edit.
func (v *measuresView) setInstanceStatus(id model.ID, status model.MeasureStatus, reason string) {
	ci := v.sess.doc.Project.Countermeasure(id)
	if ci == nil {
		return
	}
	after := model.Clone(*ci)
	after.Status, after.Reason = status, ""
	if status == model.StatusRejected {
		after.Reason = reason
	}
	v.sess.do(&model.Batch{Name: measureUndoLabel(status, v.sess.measureName(ci.MeasureID)),
		Commands: []model.Command{&model.Update[model.CountermeasureInstance]{After: after}}})
}

// measureUndoLabel names a change of a countermeasure's status for Edit ▸
// Undo: "Reject “Application allow-listing”", not "Add countermeasure".
func measureUndoLabel(status model.MeasureStatus, name string) string {
	key := "room.undo.propose"
	switch status {
	case model.StatusAccepted:
		key = "room.undo.accept"
	case model.StatusRejected:
		key = "room.undo.reject"
	case model.StatusImplemented:
		key = "room.undo.implement"
	}
	return tr(key, map[string]string{"Measure": name})
}

// showHandled says what happened to the proposal just handled (it leaves
// the list of proposals), with an Undo button beside it.
func (v *measuresView) showHandled(text string) {
	v.handledText.SetText(text)
	v.handled.Show()
}

// undoHandled undoes the last edit, the handling of the proposal, and
// clears the message.
func (v *measuresView) undoHandled() {
	v.handled.Hide()
	if v.sess.doc.History().CanUndo() {
		if err := v.sess.doc.Undo(); err != nil {
			v.sess.showError(err)
		}
	}
}

func (v *measuresView) refreshInstanceActions() {
	ci := v.sess.doc.Project.Countermeasure(v.instPick)
	if ci == nil {
		v.instPick = ""
	}
	setEnabled(v.iAcceptB, ci != nil && ci.Status != model.StatusAccepted)
	setEnabled(v.iRejectB, ci != nil && ci.Status != model.StatusRejected)
	setEnabled(v.iImplementB, ci != nil && ci.Status != model.StatusImplemented)
	setEnabled(v.iResetB, ci != nil && ci.Status != model.StatusProposed)
	setEnabled(v.iDeleteB, ci != nil)
	if ci == nil {
		v.instInfo.SetText(tr("measures.info.instances"))
		return
	}
	s := v.measureInfo(ci.MeasureID, ci.TargetKind, ci.TargetID)
	if ci.Status == model.StatusRejected && ci.Reason != "" {
		s += " " + tr("measures.rejectedBecause", map[string]string{"Reason": ci.Reason})
	}
	v.instInfo.SetText(s)
}

func (v *measuresView) onInstance(status model.MeasureStatus) {
	ci := v.sess.doc.Project.Countermeasure(v.instPick)
	if ci == nil {
		return
	}
	id := ci.ID
	if status == model.StatusRejected {
		v.askReason(v.sess.measureName(ci.MeasureID), func(reason string) { v.setInstanceStatus(id, status, reason) })
		return
	}
	v.setInstanceStatus(id, status, "")
}

// onDeleteInstance removes the picked instance (and its links from
// scenarios) after confirmation.
func (v *measuresView) onDeleteInstance() {
	ci := v.sess.doc.Project.Countermeasure(v.instPick)
	if ci == nil {
		return
	}
	id := ci.ID
	dialog.ShowConfirm(tr("measures.delete.title"), tr("measures.delete.message", map[string]string{"Measure": v.sess.measureName(ci.MeasureID), "Target": targetLabel(v.sess.doc.Project, ci.TargetKind, ci.TargetID)}), func(ok bool) {
		if !ok {
			return
		}
		var cmds []model.Command
		for _, s := range v.sess.doc.Project.Scenarios {
			if slices.Contains(s.Countermeasures, id) {
				after := model.Clone(s)
				after.Countermeasures = slices.DeleteFunc(after.Countermeasures, func(x model.ID) bool { return x == id })
				cmds = append(cmds, &model.Update[model.ThreatScenario]{After: after})
			}
		}
		cmds = append(cmds, &model.Remove[model.CountermeasureInstance]{ID: id})
		if v.sess.do(&model.Batch{Name: tr("measures.delete.title"), Commands: cmds}) {
			v.instPick = ""
			v.instances.UnselectAll()
		}
	}, v.sess.win)
}

// newTextTable is a table of labels with a bold header row; text gives a
// cell's text.
func newTextTable(headers []string, rows func() int, text func(row, col int) string) *widget.Table {
	t := widget.NewTable(func() (int, int) { return rows(), len(headers) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < rows() {
			setLabel(o.(*widget.Label), text(id.Row, id.Col))
		}
	})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(headers) {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	return t
}

// coverInfo explains the recommended set, and says how many FR gaps no
// library measure closes (docs/METHOD.md step 7) so that the set is never
// read as closing everything.
func coverInfo(shown, proposals, open int) string {
	d := map[string]int{"Shown": shown, "Proposals": proposals, "Open": open}
	if open == 0 {
		return tr("measures.cover", d)
	}
	return tr("measures.coverOpen", d)
}
