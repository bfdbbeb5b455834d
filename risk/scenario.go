package risk

import (
	"fmt"

	"zonewise/model"
)

// matrix is the project's risk matrix prepared for lookups. A project whose
// matrix has no cells is assessed on model.DefaultRiskMatrix (and its
// scenarios say so), so that an unfinished project still gets a result.
type matrix struct {
	m        *model.RiskMatrix
	cells    map[[2]int]model.RiskLevel
	maxL     int
	maxC     int
	fallback bool
}

func newMatrix(m *model.RiskMatrix) *matrix {
	mx := &matrix{m: m}
	if len(m.Cells) == 0 {
		d := model.DefaultRiskMatrix()
		mx.m, mx.fallback = &d, true
	}
	mx.cells = make(map[[2]int]model.RiskLevel, len(mx.m.Cells))
	for _, c := range mx.m.Cells {
		mx.cells[[2]int{c.Likelihood, c.Consequence}] = c.Level
		mx.maxL = max(mx.maxL, c.Likelihood)
		mx.maxC = max(mx.maxC, c.Consequence)
	}
	return mx
}

// level returns the cell value, or "" for a cell the matrix does not define.
func (mx *matrix) level(likelihood, consequence int) model.RiskLevel {
	return mx.cells[[2]int{likelihood, consequence}]
}

// tolerable reports whether level is at or below the tolerable line. An
// undefined cell is never tolerable: the engine errs on the side of treatment.
func (mx *matrix) tolerable(level model.RiskLevel) bool {
	return level.Rank() > 0 && level.Rank() <= mx.m.Tolerable.Rank()
}

func (mx *matrix) likelihoodName(l int) string { return scaleName(mx.m.Likelihoods, l) }

func (mx *matrix) consequenceName(c int) string { return scaleName(mx.m.Consequences, c) }

func scaleName(scale []model.ScaleLevel, l int) string {
	for _, s := range scale {
		if s.Level == l && s.Name != "" {
			return fmt.Sprintf("%d (%s)", l, s.Name)
		}
	}
	return fmt.Sprint(l)
}

// scenarioEval is the unmitigated risk of one scenario and where it points:
// the zone (for zone and asset targets) or the conduit it targets.
type scenarioEval struct {
	s           *model.ThreatScenario
	actor       *model.ThreatActor
	capability  int // actor capability clamped to 0..4; 0 without an actor
	likelihood  int
	consequence int
	category    model.ConsequenceCategory
	level       model.RiskLevel
	tolerable   bool
	zone        *model.Zone
	conduit     *model.Conduit
	frs         [7]bool
	reasons     []Reason
	path        *Path // from the entry point to the target; nil without one
}

// riskSL maps a risk level to an SL for the risk-level method: low 1,
// medium 2, high 3, critical 4.
func riskSL(l model.RiskLevel) int { return l.Rank() }

// evalScenario computes the unmitigated risk (docs/METHOD.md steps 1 and 2):
// matrix(likelihood, worst consequence category), ignoring countermeasures.
func (ix *index) evalScenario(s *model.ThreatScenario) *scenarioEval {
	mx := ix.matrix
	e := &scenarioEval{s: s, actor: ix.actors[s.ActorID]}
	if e.actor != nil {
		e.capability = clampSL(e.actor.Capability)
	}
	for _, f := range s.FRs {
		if f.Valid() {
			e.frs[f-1] = true
		}
	}
	switch s.TargetKind {
	case model.TargetConduit:
		e.conduit = ix.conduits[s.TargetID]
	default:
		e.zone = ix.zoneOf(s.TargetKind, s.TargetID)
	}

	e.consequence, e.category = WorstConsequence(s.Consequences)
	var notes []Msg
	if mx.fallback {
		notes = append(notes, msg("risk.reason.matrix.default"))
	}
	if len(s.Consequences) == 0 {
		notes = append(notes, msg("risk.reason.matrix.no-consequence"))
	}
	e.likelihood = min(max(s.Likelihood, 1), max(mx.maxL, 1))
	if e.likelihood != s.Likelihood {
		notes = append(notes, msg("risk.reason.matrix.likelihood-outside", "Given", s.Likelihood, "Counted", e.likelihood))
	}
	c := min(max(e.consequence, 1), max(mx.maxC, 1))
	if c != e.consequence && len(s.Consequences) > 0 {
		notes = append(notes, msg("risk.reason.matrix.consequence-outside", "Given", e.consequence, "Counted", c))
	}
	e.consequence = c
	e.level = mx.level(e.likelihood, e.consequence)
	e.tolerable = mx.tolerable(e.level)

	var level any = levelArg(e.level)
	if e.level == "" {
		level = term("risk.term.level-undefined")
	}
	key := "risk.reason.matrix.unmitigated"
	if e.category != "" {
		key = "risk.reason.matrix.unmitigated-category"
	}
	r := reason(RuleMatrix, msg(key, "Likelihood", mx.likelihoodName(e.likelihood), "Consequence", mx.consequenceName(e.consequence),
		"Category", enumOf(e.category), "Level", level, "Verdict", verdictTerm(e.tolerable), "Tolerable", levelArg(mx.m.Tolerable)))
	r.ScenarioID, r.ActorID, r.ObjectID = s.ID, s.ActorID, s.TargetID
	e.reasons = append(e.reasons, r)
	for _, n := range notes {
		r := reason(RuleMatrix, n)
		r.ScenarioID = s.ID
		e.reasons = append(e.reasons, r)
	}
	return e
}

// sltContribution is the SL a scenario asks of its zone or conduit for each
// affected FR under the project's method, and whether it asks anything.
func (e *scenarioEval) sltContribution(method model.SLTMethod) (sl int, rule string, ok bool) {
	if method == model.MethodRiskLevel {
		// Only intolerable scenarios ask for protection, as with the actor
		// method: so raising the tolerable line never raises an SL-T.
		return clampSL(riskSL(e.level)), RuleRiskLevel, e.level != "" && !e.tolerable
	}
	// Actor capability (the default): only intolerable scenarios count.
	if e.tolerable || e.capability == 0 {
		return 0, RuleActorCapability, false
	}
	return e.capability, RuleActorCapability, true
}

// sltReason explains a scenario's contribution to one FR of an SL-T cell.
func (ix *index) sltReason(e *scenarioEval, rule string, f model.FR, sl int) Reason {
	s := e.s
	target := msg("risk.reason.target.its-target")
	switch {
	case e.conduit != nil:
		target = msg("risk.reason.target.conduit", "Name", label(e.conduit.Name, e.conduit.ID))
	case s.TargetKind == model.TargetAsset:
		if a := ix.assets[s.TargetID]; a != nil {
			target = msg("risk.reason.target.asset", "Name", label(a.Name, a.ID))
		}
	case e.zone != nil:
		target = msg("risk.reason.target.zone-itself")
	}
	var m Msg
	if rule == RuleRiskLevel {
		m = msg("risk.reason.slt.risk-level", "Scenario", label(s.Name, s.ID), "Target", target, "Level", levelArg(e.level), "FR", f, "SL", sl)
	} else {
		actor := msg("risk.reason.actor.unknown")
		if e.actor != nil {
			actor = msg("risk.reason.actor.named", "Name", label(e.actor.Name, e.actor.ID))
		}
		m = msg("risk.reason.slt.actor", "Scenario", label(s.Name, s.ID), "Level", levelArg(e.level), "Target", target,
			"Actor", actor, "Capability", e.capability, "FR", f)
	}
	r := reason(rule, m)
	r.ScenarioID, r.ActorID, r.ObjectID = s.ID, s.ActorID, s.TargetID
	return r
}
