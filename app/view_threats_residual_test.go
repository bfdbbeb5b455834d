package app

import (
	"slices"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// strongMeasureFor finds a sample scenario on a zone and a library measure
// for zones, not yet on that zone, whose strength on the scenario's FRs
// reaches the actor's capability: by the strength rule (docs/METHOD.md
// step 8) it lowers the likelihood one step once credited.
func strongMeasureFor(t *testing.T, u *ui) (model.ThreatScenario, risk.Measure) {
	t.Helper()
	p := u.doc.Project
	for _, s := range p.Scenarios {
		a := p.Actor(s.ActorID)
		sr := u.scenarioResult(s.ID)
		if s.TargetKind != model.TargetZone || a == nil || sr == nil || s.Treatment == model.TreatmentAvoid ||
			sr.Current.Likelihood < 3 || sr.Current.Likelihood != sr.Target.Likelihood {
			continue
		}
		z := p.Zone(s.TargetID)
		for _, m := range u.cat.Measures {
			if !slices.Contains(m.Targets, model.TargetZone) || len(m.Media) > 0 ||
				(len(m.ZoneTypes) > 0 && !slices.Contains(m.ZoneTypes, z.Type)) {
				continue
			}
			strength := 0
			for _, fr := range s.FRs {
				strength = max(strength, m.Max.Get(fr))
			}
			on := slices.ContainsFunc(p.Countermeasures, func(c model.CountermeasureInstance) bool { return c.MeasureID == m.ID })
			if strength >= a.Capability && !on {
				return s, m
			}
		}
	}
	t.Skip("the sample has no zone scenario a new library measure can lower")
	return model.ThreatScenario{}, risk.Measure{}
}

func TestThreatsViewShowsCurrentAndTargetResidualRisk(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	v := viewOf[*threatsView](t, u)
	needEngine(t, u)
	s, m := strongMeasureFor(t, u)
	before := *u.scenarioResult(s.ID)
	lower := func(l int) model.RiskLevel { return u.doc.Project.Matrix.Level(l-1, before.Consequence) }
	shown := func(col int) string { return v.cell(v.rowOf(t, s.ID), col).boxT.Text }

	ci := model.CountermeasureInstance{ID: model.NewID(), MeasureID: m.ID, TargetKind: model.TargetZone,
		TargetID: s.TargetID, Status: model.StatusAccepted}
	if !u.session.do(&model.Add[model.CountermeasureInstance]{Item: ci}) {
		t.Fatal("adding the accepted measure failed")
	}
	t.Run("an accepted measure lowers the target but not the current residual", func(t *testing.T) {
		sr := u.scenarioResult(s.ID)
		if sr.Current.Likelihood != before.Current.Likelihood || sr.Current.Level != before.Current.Level {
			t.Errorf("current residual %d/%s, want unchanged %d/%s", sr.Current.Likelihood, sr.Current.Level, before.Current.Likelihood, before.Current.Level)
		}
		if sr.Target.Likelihood != before.Target.Likelihood-1 || sr.Target.Level != lower(before.Target.Likelihood) {
			t.Errorf("target residual %d/%s, want %d/%s", sr.Target.Likelihood, sr.Target.Level, before.Target.Likelihood-1, lower(before.Target.Likelihood))
		}
		if got := shown(colScenarioCurrent); got != before.Current.Level.Label() {
			t.Errorf("current column shows %q, want %q", got, before.Current.Level.Label())
		}
		if got := shown(colScenarioPlanned); got != lower(before.Target.Likelihood).Label() {
			t.Errorf("target column shows %q, want %q", got, lower(before.Target.Likelihood).Label())
		}
	})

	ci.Status = model.StatusImplemented
	if !u.session.do(&model.Update[model.CountermeasureInstance]{After: ci, Field: "status"}) {
		t.Fatal("marking the measure implemented failed")
	}
	t.Run("an implemented measure lowers both", func(t *testing.T) {
		sr := u.scenarioResult(s.ID)
		want := lower(before.Current.Likelihood)
		if sr.Current.Likelihood != before.Current.Likelihood-1 || sr.Current.Level != want {
			t.Errorf("current residual %d/%s, want %d/%s", sr.Current.Likelihood, sr.Current.Level, before.Current.Likelihood-1, want)
		}
		if sr.Target.Level != want {
			t.Errorf("target residual %s, want %s", sr.Target.Level, want)
		}
		if got := shown(colScenarioCurrent); got != want.Label() {
			t.Errorf("current column shows %q, want %q", got, want.Label())
		}
	})
	t.Run("the explanation gives both residuals and the strength rule", func(t *testing.T) {
		txt := residualText(u.scenarioResult(s.ID))
		for _, want := range []string{"Current residual risk (implemented measures only)", "Target residual risk (implemented and accepted measures)", "Strength rule", m.ID} {
			if !strings.Contains(txt, want) {
				t.Errorf("explanation lacks %q:\n%s", want, txt)
			}
		}
	})
}

func TestScenarioPropertiesCiteTheLinkedVulnerabilities(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	needEngine(t, u)
	p := u.doc.Project
	for _, s := range p.Scenarios {
		sr := u.scenarioResult(s.ID)
		txt := vulnerabilityText(sr)
		if len(s.Vulnerabilities) == 0 {
			if txt != "" {
				t.Errorf("scenario %q links no vulnerability but reads %q", s.Name, txt)
			}
			continue
		}
		for _, id := range s.Vulnerabilities {
			if x := findVuln(p, id); x != nil && !strings.Contains(txt, x.Identifier) {
				t.Errorf("scenario %q: %q does not cite %s", s.Name, txt, x.Identifier)
			}
		}
	}
}
