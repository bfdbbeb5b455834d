package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// now is the clock of the decision log (a variable for tests).
var now = time.Now

// logDecision opens the decision form: by, subject, decision, rationale,
// linked to the current selection. With the toolbar button that is two
// clicks (open, Add) and the typing.
func (u *ui) logDecision() {
	sel := u.sel.primary()
	by := widget.NewEntry()
	by.SetText(u.prefs.p.StringWithFallback(prefAuthor, u.doc.Project.Author))
	subject := widget.NewEntry()
	if sel.Kind != kindNone && sel.Kind != kindProject {
		subject.SetText(sel.name(u.doc.Project))
	}
	decision := widget.NewMultiLineEntry()
	decision.SetMinRowsVisible(3)
	decision.Wrapping = fyne.TextWrapWord
	rationale := widget.NewMultiLineEntry()
	rationale.SetMinRowsVisible(3)
	rationale.Wrapping = fyne.TextWrapWord
	linked := tr("decision.nothingSelected")
	if sel.Kind != kindNone && sel.Kind != kindProject {
		linked = orUntitled(sel.name(u.doc.Project))
	}
	items := []*widget.FormItem{
		widget.NewFormItem(tr("decision.by"), by),
		widget.NewFormItem(tr("decision.subject"), subject),
		widget.NewFormItem(tr("decision.decision"), decision),
		widget.NewFormItem(tr("decision.rationale"), rationale),
		widget.NewFormItem(tr("decision.concerns"), widget.NewLabel(linked)),
	}
	d := dialog.NewForm(tr("decision.log"), tr("common.add"), tr("common.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		u.addDecision(by.Text, subject.Text, decision.Text, rationale.Text, sel)
	}, u.win)
	d.Resize(fyne.NewSize(640, 460))
	d.Show()
	u.win.Canvas().Focus(decision)
}

// addDecision records one decision log entry as an undoable edit.
func (u *ui) addDecision(by, subject, decision, rationale string, about ref) model.ID {
	d := model.Decision{
		ID: model.NewID(), At: now().Format(time.RFC3339),
		By: by, Subject: subject, Decision: decision, Rationale: rationale,
	}
	if about.Kind != kindNone && about.Kind != kindProject {
		d.ObjectID = about.ID
	}
	if by != "" {
		u.prefs.p.SetString(prefAuthor, by)
	}
	if !u.do(&model.Add[model.Decision]{Item: d}) {
		return ""
	}
	return d.ID
}
