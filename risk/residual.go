package risk

import (
	"fmt"
	"slices"
	"strings"

	"zonewise/model"
)

// credited reports whether an instance counts against scenario risk:
// accepted (decided, budgeted) or implemented.
func credited(ci *model.CountermeasureInstance) bool {
	return ci.Status == model.StatusAccepted || ci.Status == model.StatusImplemented
}

// residual computes the risk of a scenario after countermeasures
// (DESIGN.md §2 step 8).
//
// Credited mitigations are the accepted or implemented instances linked in
// the scenario's Countermeasures, plus those on its target (and, for an
// asset, on the asset's zone) whose measure supports at least one of the
// scenario's FRs. Each distinct library measure among them lowers the
// likelihood by one step, never below the lowest level; two instances of the
// same measure count once. Countermeasures lower likelihood, not
// consequence: the residual consequence is the unmitigated one.
//
// Treatment: avoid removes the exposure, so the residual likelihood is the
// lowest level whatever is credited; accept and transfer keep the computed
// residual (the plant still bears it) and say so. Tolerability is always the
// honest comparison with the tolerable line.
func (a *assessor) residual(e *scenarioEval) ScenarioResult {
	s := e.s
	r := ScenarioResult{
		ScenarioID:  s.ID,
		Name:        s.Name,
		Likelihood:  e.likelihood,
		Consequence: e.consequence,
		Category:    e.category,
		Unmitigated: e.level,
		Tolerable:   e.tolerable,
		Treatment:   s.Treatment,
		Mitigations: []model.ID{},
		Reasons:     slices.Clone(e.reasons),
	}

	// Few instances touch one scenario: slices beat maps here.
	var names []string
	take := func(ci *model.CountermeasureInstance) {
		if !credited(ci) || slices.Contains(r.Mitigations, ci.ID) {
			return
		}
		r.Mitigations = append(r.Mitigations, ci.ID)
		if !slices.Contains(names, ci.MeasureID) {
			names = append(names, ci.MeasureID)
		}
	}
	for _, id := range s.Countermeasures {
		if ci := a.ix.instances[id]; ci != nil {
			take(ci)
		}
	}
	onScenarioFR := func(ci *model.CountermeasureInstance) bool {
		m := a.ix.measure(ci)
		if m == nil {
			return false
		}
		for i, sl := range m.Max {
			if sl > 0 && e.frs[i] {
				return true
			}
		}
		return false
	}
	targets := []model.ID{s.TargetID}
	if s.TargetKind == model.TargetAsset && e.zone != nil {
		targets = append(targets, e.zone.ID)
	}
	for _, id := range targets {
		for _, ci := range a.ix.onTarget[id] {
			if onScenarioFR(ci) {
				take(ci)
			}
		}
	}
	slices.Sort(r.Mitigations)
	slices.Sort(names)

	steps := len(names)
	r.ResidualLikelihood = max(e.likelihood-steps, 1)
	r.ResidualConsequence = e.consequence
	var text string
	switch {
	case s.Treatment == model.TreatmentAvoid:
		r.ResidualLikelihood = 1
		text = "treatment avoid: the exposure is removed, so the residual likelihood is the lowest level"
	case steps == 0:
		text = "no accepted or implemented countermeasure is credited: residual risk equals unmitigated risk"
	default:
		text = fmt.Sprintf("%d credited measure(s) (%s) each lower the likelihood one step: %s → %s",
			steps, strings.Join(names, ", "), a.ix.matrix.likelihoodName(e.likelihood), a.ix.matrix.likelihoodName(r.ResidualLikelihood))
	}
	r.Residual = a.ix.matrix.level(r.ResidualLikelihood, r.ResidualConsequence)
	r.ResidualTolerable = a.ix.matrix.tolerable(r.Residual)
	verdict := "intolerable"
	if r.ResidualTolerable {
		verdict = "tolerable"
	}
	r.Reasons = append(r.Reasons, Reason{Rule: RuleResidual, ScenarioID: s.ID,
		Text: fmt.Sprintf("residual: %s; %s risk, %s", text, r.Residual, verdict)})
	note := s.TreatmentNote
	if note == "" {
		note = "no note recorded"
	}
	switch s.Treatment {
	case model.TreatmentAccept:
		r.Reasons = append(r.Reasons, Reason{Rule: RuleResidual, ScenarioID: s.ID,
			Text: "treatment accept: the owner accepts the residual risk as computed: " + note})
	case model.TreatmentTransfer:
		r.Reasons = append(r.Reasons, Reason{Rule: RuleResidual, ScenarioID: s.ID,
			Text: "treatment transfer: the risk is transferred, but the plant still bears it, so the residual is shown as computed: " + note})
	case model.TreatmentAvoid:
		r.Reasons = append(r.Reasons, Reason{Rule: RuleResidual, ScenarioID: s.ID, Text: "avoided: " + note})
	}
	return r
}
