package risk

import (
	"fmt"
	"slices"

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

	order := model.ConsequenceCategories()
	rank := func(c model.ConsequenceCategory) int {
		if i := slices.Index(order, c); i >= 0 {
			return i
		}
		return len(order)
	}
	for _, c := range s.Consequences {
		if c.Level > e.consequence || (c.Level == e.consequence && rank(c.Category) < rank(e.category)) {
			e.consequence, e.category = c.Level, c.Category
		}
	}
	var notes []string
	if mx.fallback {
		notes = append(notes, "the project has no risk matrix cells, so the default 5 × 5 matrix is used")
	}
	if len(s.Consequences) == 0 {
		notes = append(notes, "no consequence recorded: the lowest consequence level is assumed")
	}
	e.likelihood = min(max(s.Likelihood, 1), max(mx.maxL, 1))
	if e.likelihood != s.Likelihood {
		notes = append(notes, fmt.Sprintf("likelihood %d is outside the matrix and counted as %d", s.Likelihood, e.likelihood))
	}
	c := min(max(e.consequence, 1), max(mx.maxC, 1))
	if c != e.consequence && len(s.Consequences) > 0 {
		notes = append(notes, fmt.Sprintf("consequence %d is outside the matrix and counted as %d", e.consequence, c))
	}
	e.consequence = c
	e.level = mx.level(e.likelihood, e.consequence)
	e.tolerable = mx.tolerable(e.level)

	cat := ""
	if e.category != "" {
		cat = ", worst category " + e.category.Label()
	}
	verdict := "intolerable"
	if e.tolerable {
		verdict = "tolerable"
	}
	levelText := string(e.level)
	if e.level == "" {
		levelText = "undefined in the matrix (treated as intolerable)"
	}
	text := fmt.Sprintf("unmitigated: likelihood %s × consequence %s%s gives %s risk, %s against the tolerable line (%s)",
		mx.likelihoodName(e.likelihood), mx.consequenceName(e.consequence), cat, levelText, verdict, mx.m.Tolerable)
	e.reasons = append(e.reasons, Reason{Rule: RuleMatrix, ScenarioID: s.ID, ActorID: s.ActorID, ObjectID: s.TargetID, Text: text})
	for _, n := range notes {
		e.reasons = append(e.reasons, Reason{Rule: RuleMatrix, ScenarioID: s.ID, Text: n})
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
	target := "its target"
	switch {
	case e.conduit != nil:
		target = "conduit " + label(e.conduit.Name, e.conduit.ID)
	case s.TargetKind == model.TargetAsset:
		if a := ix.assets[s.TargetID]; a != nil {
			target = "asset " + label(a.Name, a.ID)
		}
	case e.zone != nil:
		target = "the zone itself"
	}
	var text string
	if rule == RuleRiskLevel {
		text = fmt.Sprintf("scenario %s on %s has unmitigated %s risk and affects %s: SL %d (low 1, medium 2, high 3, critical 4)",
			label(s.Name, s.ID), target, e.level, f, sl)
	} else {
		actor := "an unknown actor"
		if e.actor != nil {
			actor = "actor " + label(e.actor.Name, e.actor.ID)
		}
		text = fmt.Sprintf("intolerable scenario %s (%s risk) on %s by %s of capability SL %d affects %s",
			label(s.Name, s.ID), e.level, target, actor, e.capability, f)
	}
	return Reason{Rule: rule, ScenarioID: s.ID, ActorID: s.ActorID, ObjectID: s.TargetID, Text: text}
}
