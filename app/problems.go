package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// problemsPanel lists the validation problems; clicking one selects the
// object concerned.
type problemsPanel struct {
	u     *ui
	list  *widget.List
	title *widget.Label
}

func newProblemsPanel(u *ui) *problemsPanel {
	pp := &problemsPanel{u: u, title: widget.NewLabelWithStyle("Problems", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	pp.list = widget.NewList(
		func() int { return len(pp.u.problems) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(pp.u.problems) {
				return
			}
			p := pp.u.problems[i]
			c := o.(*fyne.Container)
			if t := problemText(p); c.Objects[0].(*widget.Label).Text != t {
				c.Objects[0].(*widget.Label).SetText(t)
			}
			if p.Severity == model.SeverityError {
				c.Objects[1].(*widget.Icon).SetResource(theme.ErrorIcon())
			} else {
				c.Objects[1].(*widget.Icon).SetResource(theme.WarningIcon())
			}
		},
	)
	pp.list.OnSelected = pp.onProblemSelected
	return pp
}

func (pp *problemsPanel) object() fyne.CanvasObject {
	return container.NewBorder(pp.title, nil, nil, nil, pp.list)
}

func (pp *problemsPanel) onProblemSelected(i widget.ListItemID) {
	pp.list.UnselectAll()
	if i >= len(pp.u.problems) {
		return
	}
	if r := refByID(pp.u.doc.Project, pp.u.problems[i].ObjectID); r.Kind != kindNone {
		pp.u.selectOnly(r)
		pp.u.canvas.reveal(r)
	}
}

func (pp *problemsPanel) refresh() {
	errs := countErrors(pp.u.problems)
	pp.title.SetText(fmt.Sprintf("Problems: %d errors, %d warnings", errs, len(pp.u.problems)-errs))
	pp.list.Refresh()
}
