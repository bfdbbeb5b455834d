package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/risk"
	"zonewise/templates"
)

// problemsPanel lists the validation problems, then the warnings and
// errors of the last recorded traffic observation and firewall review;
// clicking one selects the object concerned.
type problemsPanel struct {
	sess  *session
	list  *widget.List
	title *widget.Label
	// rows are the session's problems followed by the observed ones.
	rows []model.Problem
}

func newProblemsPanel(sess *session) *problemsPanel {
	pp := &problemsPanel{sess: sess, title: widget.NewLabelWithStyle(tr("room.view.problems"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	pp.list = widget.NewList(
		func() int { return len(pp.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(pp.rows) {
				return
			}
			p := pp.rows[i]
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
	if i >= len(pp.rows) {
		return
	}
	if r := refByID(pp.sess.doc.Project, pp.rows[i].ObjectID); r.Kind != kindNone {
		pp.sess.goTo(r)
	}
}

// problemsTitle counts errors and warnings in words that agree with the
// number ("1 warning", not "1 warnings").
func problemsTitle(errs, warns int) string {
	return tr("problems.title", map[string]string{"Errors": countWords(errs, "problems.errors"), "Warnings": countWords(warns, "problems.warnings")})
}

// countWords says n of something in words that agree with the number: the
// catalogue's key+".one" for 1, key+".many" with N otherwise.
func countWords(n int, key string) string {
	if n == 1 {
		return tr(key + ".one")
	}
	return tr(key+".many", map[string]int{"N": n})
}

func (pp *problemsPanel) refresh() {
	pp.rows = append(slices.Clip(pp.sess.problems), observedProblems(pp.sess.doc.Project)...)
	errs := countErrors(pp.sess.problems)
	pp.title.SetText(problemsTitle(errs, len(pp.sess.problems)-errs))
	pp.list.Refresh()
}

// documentProblems are the rules the policies and procedures leave out or
// soften for this model (templates.CheckDocuments), as warnings: the author
// sees them before exporting, next to the problems they may want to fix.
func documentProblems(p *model.Project, r *risk.Result) []model.Problem {
	var out []model.Problem
	for _, a := range templates.CheckDocuments(p, r) {
		pr := model.Problem{Severity: model.SeverityWarning, Rule: a.Rule, ObjectID: a.ObjectID, Object: a.Object, Message: a.Message(msgs)}
		switch model.TargetKind(a.Kind) {
		case model.TargetZone:
			pr.Kind = tr("problems.kind.zone")
		case model.TargetConduit:
			pr.Kind = tr("problems.kind.conduit")
		case model.TargetAsset:
			pr.Kind = tr("problems.kind.asset")
		}
		out = append(out, pr)
	}
	return out
}

// observedProblems are the errors and warnings of the project's recorded
// traffic observation and firewall review (informational findings, such
// as declared flows never seen, stay in the risk report).
func observedProblems(p *model.Project) []model.Problem {
	if p == nil || p.Observations == nil {
		return nil
	}
	var out []model.Problem
	for _, o := range []struct {
		kind string
		rec  *model.ObservationRecord
	}{{"problems.kind.traffic", p.Observations.Traffic}, {"problems.kind.firewall", p.Observations.Firewall}} {
		if o.rec == nil {
			continue
		}
		for _, f := range o.rec.Findings {
			sev := model.SeverityWarning
			switch f.Severity {
			case "error":
				sev = model.SeverityError
			case "warning":
			default:
				continue
			}
			pr := model.Problem{Severity: sev, Rule: f.Rule, Kind: tr(o.kind), Object: strings.Join(o.rec.Sources, ", "),
				ObjectID: f.ObjectID, Message: f.Message}
			if o.kind == "problems.kind.firewall" {
				pr.Field = f.Subject // the dump's FILE:LINE
			}
			out = append(out, pr)
		}
	}
	return out
}
