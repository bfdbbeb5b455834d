package app

import (
	"strconv"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

func TestLevelsViewListsEveryRequirementOfTheFRWithItsState(t *testing.T) {
	u := newViewsTestUI(t, "levels")
	v := viewOf[*levelsView](t, u)
	needEngine(t, u)
	marks := map[risk.RequirementState]string{risk.StateMet: "✓ ", risk.StateGap: "✗ ", risk.StateNotApplicable: "– "}
	for _, zr := range u.result.Zones {
		for fr := model.FR1; fr <= model.FR7; fr++ {
			v.onCellTapped(levelPick{model.TargetZone, zr.ZoneID, fr})
			text := v.explanation()
			n := 0
			for _, st := range zr.RequirementStatus {
				if st.FR != fr {
					continue
				}
				n++
				want := marks[st.State] + st.ID + " (SL " + strconv.Itoa(st.Level) + "): "
				if !strings.Contains(text, want) {
					t.Errorf("%s %s: explanation lacks %q", zr.Name, fr, want)
				}
				if st.State == risk.StateGap && !st.Closable && !strings.Contains(text, st.ID+" (SL "+strconv.Itoa(st.Level)+"): gap no library measure closes") {
					t.Errorf("%s %s: open gap %s not said to need a project-specific measure", zr.Name, fr, st.ID)
				}
			}
			if n == 0 && !strings.Contains(text, "SL-T selects no requirement of this FR.") {
				t.Errorf("%s %s: no requirement and no word about it", zr.Name, fr)
			}
			if zr.SLC[fr-1].Unknown && (!strings.Contains(text, "SL-C unknown") || strings.Contains(text, "SL-C 0")) {
				t.Errorf("%s %s: unknown SL-C not shown as unknown:\n%s", zr.Name, fr, text)
			}
		}
	}
}

func TestLevelsViewWarnsOfALoweredSLTNamingTheScenariosSetAside(t *testing.T) {
	u := newViewsTestUI(t, "levels")
	v := viewOf[*levelsView](t, u)
	needEngine(t, u)
	// A zone whose FR1 SL-T comes from an intolerable scenario's actor.
	var zr *risk.ZoneResult
	var scen model.ID
	for i := range u.result.Zones {
		z := &u.result.Zones[i]
		if z.SLT[0].Overridden || z.SLT[0].SL < 2 {
			continue
		}
		for _, r := range z.SLT[0].Reasons {
			if r.Rule == risk.RuleActorCapability && r.ScenarioID != "" {
				zr, scen = z, r.ScenarioID
			}
		}
		if zr != nil {
			break
		}
	}
	if zr == nil {
		t.Skip("no sample zone has FR1 SL-T from a scenario")
	}
	derived := zr.SLT[0].SL
	pk := levelPick{model.TargetZone, zr.ZoneID, model.FR1}
	v.onCellTapped(pk)
	v.setOverride(pk, &model.SLOverride{FR: model.FR1, SL: 1, Justification: "Vendor remote access is disabled in the field."})

	text := v.explanation()
	want := "⚠ SL-T 1 is set below the derived " + strconv.Itoa(derived) + " on FR1"
	if !strings.Contains(text, want) {
		t.Errorf("explanation lacks %q:\n%s", want, text)
	}
	if name := u.doc.Project.Scenario(scen).Name; !strings.Contains(text, "“"+name+"”") {
		t.Errorf("the warning does not name the scenario set aside, %q:\n%s", name, text)
	}
	if !strings.Contains(text, "SL-T 1 (overridden; derived "+strconv.Itoa(derived)+")") {
		t.Errorf("the derived value is not shown beside the override:\n%s", text)
	}
	t.Run("the problems panel lists the warning on the zone", func(t *testing.T) {
		u.reassess()
		found := false
		for _, pr := range u.problems {
			if pr.ObjectID == zr.ZoneID && pr.Severity == model.SeverityWarning && strings.Contains(pr.Message, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no lowering warning on %s in the problems: %v", zr.Name, u.problems)
		}
	})
}
