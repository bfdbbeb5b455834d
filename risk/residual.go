package risk

import (
	"fmt"
	"slices"
	"strings"

	"zonewise/i18n"
	"zonewise/model"
)

// Residual is the risk of a scenario after one set of countermeasures
// (docs/METHOD.md step 8).
type Residual struct {
	Likelihood  int             `json:"likelihood"`
	Consequence int             `json:"consequence"`
	Level       model.RiskLevel `json:"level"`
	Tolerable   bool            `json:"tolerable"`
	// Mitigations are the instances that lower the likelihood.
	Mitigations []model.ID `json:"mitigations"`
	// Defeated are instances that would apply but whose strength on the
	// scenario's FRs is below the actor's capability.
	Defeated []model.ID `json:"defeated"`
	Reasons  []Reason   `json:"reasons"`
}

// residual computes the risk of a scenario twice (docs/METHOD.md step 8):
// current, with implemented measures only, and target, with implemented
// and accepted ones. ScenarioResult's flat residual fields keep the target
// (the plan), as they always meant "after the decided measures".
//
// Candidates are the instances linked in the scenario's Countermeasures
// and those on its target (for an asset, also on the asset's zone) or on a
// zone or conduit of its attack path, whose measure supports at least one
// of the scenario's FRs. A linked instance elsewhere in the plant does not
// stand between the attacker and the target and is not credited.
//
// Strength rule: a measure's strength on a scenario is the highest SL it
// supports (its library Max) on the scenario's FRs. A measure lowers the
// likelihood by one step only if its strength reaches the actor's
// capability; a weaker measure is defeated by that actor and lowers
// nothing. Each distinct library measure counts once; the likelihood never
// goes below the lowest level. Countermeasures lower likelihood, not
// consequence.
//
// Treatment: avoid removes the exposure, so the residual likelihood is the
// lowest level; accept and transfer keep the computed residual and say so.
func (a *assessor) residual(e *scenarioEval) ScenarioResult {
	s := e.s
	r := ScenarioResult{
		ScenarioID:      s.ID,
		Name:            s.Name,
		Likelihood:      e.likelihood,
		Consequence:     e.consequence,
		Category:        e.category,
		Unmitigated:     e.level,
		Tolerable:       e.tolerable,
		Treatment:       s.Treatment,
		Reasons:         slices.Clone(e.reasons),
		Vulnerabilities: a.vulnRefs(e),
	}
	if len(r.Vulnerabilities) > 0 {
		r.Reasons = append(r.Reasons, a.vulnReason(e, r.Vulnerabilities))
	}
	cands := a.residualCandidates(e)
	r.Current = a.residualFor(e, cands, false)
	r.Target = a.residualFor(e, cands, true)
	r.ResidualLikelihood = r.Target.Likelihood
	r.ResidualConsequence = r.Target.Consequence
	r.Residual = r.Target.Level
	r.ResidualTolerable = r.Target.Tolerable
	r.Mitigations = r.Target.Mitigations
	r.Reasons = append(r.Reasons, r.Target.Reasons...)
	var note any = s.TreatmentNote
	if note == "" {
		note = term("risk.term.no-note")
	}
	key := ""
	switch s.Treatment {
	case model.TreatmentAccept:
		key = "risk.reason.treatment.accept"
	case model.TreatmentTransfer:
		key = "risk.reason.treatment.transfer"
	case model.TreatmentAvoid:
		key = "risk.reason.treatment.avoid"
	}
	if key != "" {
		x := reason(RuleResidual, msg(key, "Note", note))
		x.ScenarioID = s.ID
		r.Reasons = append(r.Reasons, x)
	}
	return r
}

// residualCandidates lists the instances that stand between the attacker
// and the target, by ID, each once.
func (a *assessor) residualCandidates(e *scenarioEval) []*model.CountermeasureInstance {
	s := e.s
	where := []model.ID{s.TargetID}
	if s.TargetKind == model.TargetAsset && e.zone != nil {
		where = append(where, e.zone.ID)
	}
	if e.path != nil {
		where = append(where, e.path.Zones...)
		where = append(where, e.path.Conduits...)
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
	var out []*model.CountermeasureInstance
	add := func(ci *model.CountermeasureInstance) {
		if !slices.Contains(out, ci) {
			out = append(out, ci)
		}
	}
	for _, id := range s.Countermeasures {
		if ci := a.ix.instances[id]; ci != nil && slices.Contains(where, ci.TargetID) && a.ix.measure(ci) != nil {
			add(ci)
		}
	}
	for _, id := range where {
		for _, ci := range a.ix.onTarget[id] {
			if onScenarioFR(ci) {
				add(ci)
			}
		}
	}
	slices.SortFunc(out, func(x, y *model.CountermeasureInstance) int { return strings.Compare(string(x.ID), string(y.ID)) })
	return out
}

// strength is the highest SL a measure supports on the scenario's FRs.
func strength(m *Measure, e *scenarioEval) int {
	sl := 0
	for i, v := range m.Max {
		if e.frs[i] {
			sl = max(sl, clampSL(v))
		}
	}
	return sl
}

// residualFor applies the strength rule to the implemented (and, for the
// target, accepted) candidates.
func (a *assessor) residualFor(e *scenarioEval, cands []*model.CountermeasureInstance, target bool) Residual {
	s := e.s
	res := Residual{Consequence: e.consequence, Mitigations: []model.ID{}, Defeated: []model.ID{}}
	var names, weak []string
	for _, ci := range cands {
		if ci.Status != model.StatusImplemented && (!target || ci.Status != model.StatusAccepted) {
			continue
		}
		m := a.ix.measure(ci)
		if st := strength(m, e); st < e.capability {
			res.Defeated = append(res.Defeated, ci.ID)
			w := fmt.Sprintf("%s (SL %d)", m.ID, st)
			if !slices.Contains(weak, w) {
				weak = append(weak, w)
			}
			continue
		}
		res.Mitigations = append(res.Mitigations, ci.ID)
		if !slices.Contains(names, m.ID) {
			names = append(names, m.ID)
		}
	}
	slices.Sort(names)
	slices.Sort(weak)
	which := "current"
	if target {
		which = "target"
	}
	res.Likelihood = max(e.likelihood-len(names), 1)
	var parts msgList
	switch {
	case s.Treatment == model.TreatmentAvoid:
		res.Likelihood = 1
		parts = append(parts, msg("risk.reason.residual.avoid"))
	case len(names) == 0:
		parts = append(parts, msg("risk.reason.residual.none-"+which))
	default:
		parts = append(parts, msg("risk.reason.residual.credited-"+which, "N", len(names), "Measures", strings.Join(names, ", "),
			"Capability", e.capability, "From", a.ix.matrix.likelihoodName(e.likelihood), "To", a.ix.matrix.likelihoodName(res.Likelihood)))
	}
	if len(weak) > 0 {
		parts = append(parts, msg("risk.reason.residual.weak", "Capability", e.capability, "Measures", strings.Join(weak, ", ")))
	}
	res.Level = a.ix.matrix.level(res.Likelihood, res.Consequence)
	res.Tolerable = a.ix.matrix.tolerable(res.Level)
	x := reason(RuleResidual, msg("risk.reason.residual."+which, "Text", parts, "Level", levelArg(res.Level), "Verdict", verdictTerm(res.Tolerable)))
	x.ScenarioID = s.ID
	res.Reasons = []Reason{x}
	return res
}

// VulnRef is a vulnerability linked to a scenario, as the result cites it.
type VulnRef struct {
	ID         model.ID         `json:"id"`
	Identifier string           `json:"identifier"`
	Status     model.VulnStatus `json:"status"`
	CVSSScore  float64          `json:"cvssScore,omitempty"`
}

// vulnRefs lists the scenario's linked vulnerabilities in link order.
func (a *assessor) vulnRefs(e *scenarioEval) []VulnRef {
	out := []VulnRef{}
	for _, id := range e.s.Vulnerabilities {
		if v := a.ix.vulns[id]; v != nil {
			out = append(out, VulnRef{ID: v.ID, Identifier: v.Identifier, Status: v.Status, CVSSScore: v.CVSSScore})
		}
	}
	return out
}

// vulnReason makes the likelihood explanation cite the vulnerabilities the
// scenario exploits (IEC 62443-3-2 ZCR 5.2).
func (a *assessor) vulnReason(e *scenarioEval, refs []VulnRef) Reason {
	parts := make(msgList, len(refs))
	for i, v := range refs {
		x := a.ix.vulns[v.ID]
		if x.CVSSScore > 0 {
			parts[i] = msg("risk.reason.vuln.scored", "ID", v.Identifier, "CVSS", i18n.Num{F: x.CVSSScore, Decimals: 1},
				"Exploitability", lower(enumOf(x.Exploitability)), "Status", lower(enumOf(x.Status)))
		} else {
			parts[i] = msg("risk.reason.vuln.unscored", "ID", v.Identifier,
				"Exploitability", lower(enumOf(x.Exploitability)), "Status", lower(enumOf(x.Status)))
		}
	}
	r := reason(RuleVulnerability, msg("risk.reason.vuln", "Likelihood", a.ix.matrix.likelihoodName(e.likelihood), "Vulnerabilities", parts))
	r.ScenarioID = e.s.ID
	return r
}
