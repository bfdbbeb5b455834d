package app

import (
	"fyne.io/fyne/v2"
)

// panel is a side panel of the window that the user can fold away so that
// the canvas or the view gets its space (View menu, Ctrl+1/2/3).
type panel int

const (
	panelTree panel = iota
	panelProps
	panelProblems
	panelCount
)

// panelKeys are the keys that fold a panel away and bring it back; with
// Ctrl they work wherever the focus is (a menu shortcut).
var panelKeys = [panelCount]fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3}

// panelMenuKeys are the catalogue keys of the View menu items.
var panelMenuKeys = [panelCount]string{"room.view.tree", "room.view.props", "room.view.problems"}

// object is the panel's part of the window.
func (u *ui) panelObject(p panel) fyne.CanvasObject {
	switch p {
	case panelTree:
		return u.splits.main.Leading
	case panelProps:
		return u.splits.right.Trailing
	default:
		return u.splits.body.Trailing
	}
}

// togglePanel folds a panel away or brings it back.
func (u *ui) togglePanel(p panel) {
	u.folded[p] = !u.folded[p]
	u.layoutPanels()
	u.refreshMenu()
}

// layoutPanels shows the panels that are not folded away and, in
// presentation mode, hides the toolbar and the status line. Split positions are left as the user dragged
// them: a folded panel gives its whole side to its neighbour.
func (u *ui) layoutPanels() {
	show := func(o fyne.CanvasObject, on bool) {
		if on && !o.Visible() {
			o.Show()
		} else if !on && o.Visible() {
			o.Hide()
		}
	}
	for p := range panelCount {
		show(u.panelObject(p), !u.folded[p])
	}
	show(u.status, !u.themeState.presentation)
	if u.bar.row != nil {
		show(u.bar.row, !u.themeState.presentation)
	}
	u.splits.main.Refresh()
	u.splits.right.Refresh()
	u.splits.body.Refresh()
}

// fitProblems shrinks the problems pane to its title line while there are
// no problems, and gives it back the height it had when problems appear.
// The divider above it can still be dragged either way.
func (u *ui) fitProblems() {
	empty := len(u.problems) == 0
	if empty == u.problemsEmpty && u.problemsFitted {
		return
	}
	u.problemsFitted = true
	u.problemsEmpty = empty
	if empty {
		u.problemL.list.Hide()
		if u.splits.body.Offset < 1 {
			u.problemsOffset = u.splits.body.Offset
		}
		u.splits.body.SetOffset(1) // the split keeps the title's minimum
		return
	}
	u.problemL.list.Show()
	u.splits.body.SetOffset(u.problemsOffset)
}

// setPresentation switches presentation mode: on, it folds the tree, the
// properties and the problems away and hides the toolbar, the quick guide
// and the status line, chrome a room does not need (the menus and the
// panel keys still reach everything); off, it restores them as the user
// had them, whatever was folded or unfolded while presenting. Text and the
// canvas contents scale (themeState.apply sets canvasTextScale); the window
// keeps its size because its content never asks for more than
// contentMinCap.
func (u *ui) setPresentation(on bool) {
	if on == u.themeState.presentation {
		return
	}
	if on {
		u.foldedBefore = u.folded
		u.folded[panelTree], u.folded[panelProps], u.folded[panelProblems] = true, true, true
		u.guide.box.Hide()
	} else {
		u.folded = u.foldedBefore
		if u.guide.open {
			u.guide.box.Show()
		}
	}
	u.themeState.presentation = on
	u.themeState.apply(u.app)
	u.layoutPanels()
	u.refreshAll()
}

// onViewShown refreshes the view that was opened and moves the quick guide
// to its step.
func (u *ui) onViewShown() {
	u.refreshViews()
	if i := u.tabs.SelectedIndex(); i >= 0 && i < len(u.views) {
		u.guide.follow(u.views[i].key())
	}
}

// onGuideStep opens the view of a step of the quick guide; the first step
// (the system under consideration) also selects the project, whose
// properties hold its scope.
func (u *ui) onGuideStep(i int) {
	u.selectView(guideSteps[i].view)
	if i == 0 {
		u.selectOnly(ref{Kind: kindProject})
	}
	if u.folded[panelProps] && i == 0 {
		u.togglePanel(panelProps)
	}
}
