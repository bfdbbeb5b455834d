package app

import (
	"strconv"
	"strings"

	"zonewise/model"
	"zonewise/risk"
)

// cellHeading is the heading of one level in the levels explanation: an
// unknown SL-C reads "unknown", never 0, and an SL-T set by an override or
// a not-applicable declaration keeps the derived value beside it
// (docs/METHOD.md, lowering needs a reason). plain is the heading otherwise.
func cellHeading(title string, c *risk.Cell, plain string) string {
	data := map[string]string{"Title": title, "SL": strconv.Itoa(c.SL), "Derived": strconv.Itoa(c.Derived)}
	switch {
	case c.Unknown:
		return tr("levels.cell.unknown", data)
	case c.NotApplicable:
		return tr("levels.cell.notApplicable", data)
	case c.Overridden:
		return tr("levels.cell.overridden", data)
	}
	return plain
}

// slcCellsText writes a zone's SL-C for FR1..FR7 with "unknown" where no
// one knows it, so that an unknown capability never reads as 0.
func slcCellsText(c *risk.Cells) string {
	parts := make([]string, len(c))
	for i := range c {
		if c[i].Unknown {
			parts[i] = tr("levels.unknown")
		} else {
			parts[i] = strconv.Itoa(c[i].SL)
		}
	}
	return strings.Join(parts, ",")
}

// statusesOf is the per-requirement state of the picked zone or conduit.
func (v *levelsView) statusesOf(pk levelPick) []risk.RequirementStatus {
	switch pk.kind {
	case model.TargetZone:
		if z := v.sess.zoneResult(pk.id); z != nil {
			return z.RequirementStatus
		}
	case model.TargetConduit:
		if c := v.sess.conduitResult(pk.id); c != nil {
			return c.RequirementStatus
		}
	}
	return nil
}

// requirementLines lists the requirements of one FR selected by SL-T, each
// with its state: met (and by what), a gap (closable by a library measure
// or needing a project-specific compensating countermeasure), or not
// applicable, always with the engine's reason (docs/METHOD.md step 6).
func requirementLines(sts []risk.RequirementStatus, fr model.FR) []string {
	var out []string
	for _, st := range sts {
		if st.FR != fr {
			continue
		}
		data := map[string]string{"ID": st.ID, "Level": strconv.Itoa(st.Level), "Reason": st.Reason,
			"Measures": strings.Join(st.Measures, ", ")}
		key := "levels.req.gapOpen"
		switch {
		case st.State == risk.StateMet && st.MetBy == risk.MetByCapability:
			key = "levels.req.metCapability"
		case st.State == risk.StateMet && st.MetBy == risk.MetByCountermeasure:
			key = "levels.req.metCountermeasure"
		case st.State == risk.StateMet:
			key = "levels.req.metCompensating"
		case st.State == risk.StateNotApplicable:
			key = "levels.req.notApplicable"
		case st.Closable:
			key = "levels.req.gapClosable"
		}
		out = append(out, tr(key, data))
	}
	if len(out) == 0 {
		out = append(out, tr("levels.req.none"))
	}
	return out
}

// warningLines are the result's warnings on the picked zone or conduit and
// FR: an SL-T set below the derived one, naming the intolerable scenarios
// the lowering sets aside.
func (v *levelsView) warningLines(pk levelPick) []string {
	r := v.sess.result
	if r == nil {
		return nil
	}
	p := v.sess.doc.Project
	var out []string
	for _, w := range r.Warnings {
		if w.ObjectID != pk.id || w.FR != pk.fr {
			continue
		}
		out = append(out, warningText(p, w))
	}
	return out
}

// warningText is one lowering warning with the scenarios it sets aside.
func warningText(p *model.Project, w risk.Warning) string {
	var names []string
	for _, id := range w.Scenarios {
		if s := p.Scenario(id); s != nil {
			names = append(names, "“"+orUntitled(s.Name)+"”")
		}
	}
	data := map[string]string{"SL": strconv.Itoa(w.SL), "Derived": strconv.Itoa(w.Derived), "FR": w.FR.String(),
		"Scenarios": strings.Join(names, ", "), "Text": w.Text}
	if len(names) == 0 {
		return tr("levels.warning.noScenarios", data)
	}
	return tr("levels.warning", data)
}

// loweringProblems lists the result's lowering warnings as warnings of the
// problems panel, so that an SL-T set below the derived one is seen without
// opening its cell; selecting one selects the zone or conduit.
func loweringProblems(p *model.Project, r *risk.Result) []model.Problem {
	if r == nil {
		return nil
	}
	var out []model.Problem
	for _, w := range r.Warnings {
		pr := model.Problem{Severity: model.SeverityWarning, Rule: w.Rule, ObjectID: w.ObjectID, Message: warningText(p, w)}
		if z := p.Zone(w.ObjectID); z != nil {
			pr.Kind, pr.Object = tr("problems.kind.zone"), z.Name
		} else if c := p.Conduit(w.ObjectID); c != nil {
			pr.Kind, pr.Object = tr("problems.kind.conduit"), c.Name
		}
		out = append(out, pr)
	}
	return out
}
