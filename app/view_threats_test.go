package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/risk"
)

// rowOf returns the table row of a scenario.
func (v *threatsView) rowOf(t *testing.T, id model.ID) int {
	t.Helper()
	for i, r := range v.rows {
		if r == id {
			return i
		}
	}
	t.Fatalf("scenario %s is not in the table", id)
	return -1
}

// cell builds a table cell the way the table does and fills it for a row.
func (v *threatsView) cell(row, col int) scenarioCell {
	o := v.table.CreateCell()
	v.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return cellParts(o)
}

func TestThreatsViewConsequencePickerMovesTheScenarioInTheHeatMap(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	v := viewOf[*threatsView](t, u)
	p := u.doc.Project
	s := p.Scenarios[0]
	worst, _ := risk.WorstConsequence(s.Consequences)
	from := v.unmitigatedCell(&s)
	newLevel := 1
	if worst == 1 {
		newLevel = 5
	}
	to := heatCell{from.L, newLevel}
	before := saved(t, p)
	nFrom, nTo := v.unmitigated.count(from), v.unmitigated.count(to)
	if nFrom == 0 {
		t.Fatalf("heat map shows no scenario in the scenario's cell %+v", from)
	}

	c := v.cell(v.rowOf(t, s.ID), colScenarioConsequence)
	if c.pick.Hidden || c.pick.Selected != scaleName(p.Matrix.Consequences, worst) {
		t.Fatalf("consequence picker shows %q (hidden %v), want %q", c.pick.Selected, c.pick.Hidden, scaleName(p.Matrix.Consequences, worst))
	}
	c.pick.SetSelected(scaleName(p.Matrix.Consequences, newLevel))

	t.Run("the scenario's worst consequence is the level picked", func(t *testing.T) {
		got, _ := risk.WorstConsequence(p.Scenario(s.ID).Consequences)
		if got != newLevel {
			t.Errorf("worst consequence %d, want %d", got, newLevel)
		}
	})
	t.Run("the heat map counts move at once", func(t *testing.T) {
		if got := v.unmitigated.count(from); got != nFrom-1 {
			t.Errorf("cell %+v shows %d, want %d", from, got, nFrom-1)
		}
		if got := v.unmitigated.count(to); got != nTo+1 {
			t.Errorf("cell %+v shows %d, want %d", to, got, nTo+1)
		}
	})
	t.Run("the edit is one undo step with the field named", func(t *testing.T) {
		if l := u.doc.History().UndoLabel(); l != "Edit threat scenario consequence" {
			t.Errorf("undo label %q", l)
		}
		if err := u.doc.Undo(); err != nil {
			t.Fatal(err)
		}
		if string(saved(t, p)) != string(before) {
			t.Error("undo did not restore the project")
		}
		if got := v.unmitigated.count(from); got != nFrom {
			t.Errorf("after undo cell %+v shows %d, want %d", from, got, nFrom)
		}
	})
}

func TestThreatsViewLikelihoodPickerEditsTheScenario(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	v := viewOf[*threatsView](t, u)
	p := u.doc.Project
	s := p.Scenarios[0]
	want := 1
	if s.Likelihood == 1 {
		want = 2
	}
	v.cell(v.rowOf(t, s.ID), colScenarioLikelihood).pick.SetSelected(scaleName(p.Matrix.Likelihoods, want))
	if got := p.Scenario(s.ID).Likelihood; got != want {
		t.Errorf("likelihood %d, want %d", got, want)
	}
}

func TestThreatsViewHeatMapCountsEveryScenario(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	v := viewOf[*threatsView](t, u)
	total := 0
	for _, n := range v.unmitigated.counts {
		total += n
	}
	if total != len(u.doc.Project.Scenarios) {
		t.Errorf("unmitigated heat map counts %d scenarios, want %d", total, len(u.doc.Project.Scenarios))
	}
	if len(v.rows) != len(u.doc.Project.Scenarios) {
		t.Errorf("table has %d rows, want %d", len(v.rows), len(u.doc.Project.Scenarios))
	}
	t.Run("tapping a cell limits the table to it, tapping again shows all", func(t *testing.T) {
		s := &u.doc.Project.Scenarios[0]
		c := v.unmitigatedCell(s)
		v.onHeatCellTapped(c)
		if len(v.rows) != v.unmitigated.count(c) {
			t.Errorf("filtered table has %d rows, want %d", len(v.rows), v.unmitigated.count(c))
		}
		v.onHeatCellTapped(c)
		if len(v.rows) != len(u.doc.Project.Scenarios) {
			t.Errorf("table has %d rows after clearing the filter", len(v.rows))
		}
	})
}

func TestThreatsViewAddsAndDeletesWithConfirmation(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	v := viewOf[*threatsView](t, u)
	n := len(u.doc.Project.Scenarios)
	v.onAdd()
	if len(u.doc.Project.Scenarios) != n+1 {
		t.Fatalf("scenarios after add: %d, want %d", len(u.doc.Project.Scenarios), n+1)
	}
	if u.sel.primary().Kind != kindScenario || v.selected == "" {
		t.Fatal("the new scenario is not selected")
	}
	v.onDelete()
	test.Tap(dialogButton(t, u, "Yes"))
	if len(u.doc.Project.Scenarios) != n {
		t.Errorf("scenarios after delete: %d, want %d", len(u.doc.Project.Scenarios), n)
	}
}

func TestThreatsViewAddsFromTheLibraryAsOneUndoStep(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	v := viewOf[*threatsView](t, u)
	p := u.doc.Project
	lp := v.newLibraryPick()
	// The zone with the most candidates makes the test meaningful.
	best, most := "", 0
	for _, z := range lp.zones {
		if n := len(zoneCandidates(p, u.cat, z.ID)); n > most {
			best, most = z.Name, n
		}
	}
	if most < 2 {
		t.Fatalf("the library proposes at most %d scenarios for any sample zone", most)
	}
	lp.zone.SetSelected(best)
	if len(lp.checks) != most {
		t.Fatalf("checklist has %d entries, want %d", len(lp.checks), most)
	}
	for i, c := range lp.checks {
		if c.Checked {
			t.Fatalf("candidate %d is ticked before the user ticks it", i)
		}
	}
	lp.tickAll(true)
	lp.checks[0].SetChecked(false)
	n := len(p.Scenarios)
	lp.add()
	if got := len(p.Scenarios); got != n+most-1 {
		t.Errorf("scenarios after adding: %d, want %d (all but the unticked one)", got, n+most-1)
	}
	if err := u.doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := len(p.Scenarios); got != n {
		t.Errorf("one undo left %d scenarios, want %d", got, n)
	}
}

func TestThreatsViewTreatmentOtherThanMitigateNeedsAReason(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	v := viewOf[*threatsView](t, u)
	s := u.doc.Project.Scenarios[0]
	v.onTreatmentChanged(s.ID, model.TreatmentAccept.Label())
	ok := dialogButton(t, u, "Accept")
	entries := dialogEntries(t, u)
	if len(entries) != 1 {
		t.Fatalf("dialog has %d entries, want 1", len(entries))
	}
	entries[0].SetText("")
	if !ok.Disabled() {
		t.Error("accept without a reason is possible")
	}
	test.Type(entries[0], "Low value target; monitored by the SOC")
	if ok.Disabled() {
		t.Fatal("accept stays disabled with a reason")
	}
	test.Tap(ok)
	got := u.doc.Project.Scenario(s.ID)
	if got.Treatment != model.TreatmentAccept || got.TreatmentNote != "Low value target; monitored by the SOC" {
		t.Errorf("treatment %q note %q", got.Treatment, got.TreatmentNote)
	}
}

func TestViewsScaleWithThePresentationMode(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	v := viewOf[*threatsView](t, u)
	v.columns.box.Refresh()
	before, mapBefore := v.columns.forText, v.heatMapMin()
	u.togglePresentation()
	v.columns.box.Refresh()
	if v.columns.forText != before*presentationScale {
		t.Errorf("threat table laid out for text size %v in presentation mode, want %v", v.columns.forText, before*presentationScale)
	}
	if m := v.heatMapMin(); m.Width <= mapBefore.Width || m.Height <= mapBefore.Height {
		t.Errorf("heat map needs %v in presentation mode, %v before: want it larger", m, mapBefore)
	}
}

func (v *threatsView) heatMapMin() fyne.Size { return v.unmitigated.MinSize() }

func TestThreatsViewFollowsTheSelection(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	v := viewOf[*threatsView](t, u)
	s := u.doc.Project.Scenarios[3]
	u.selectOnly(ref{kindScenario, s.ID})
	if v.selected != s.ID || v.selectedRow != v.rowOf(t, s.ID) {
		t.Errorf("table selects %s row %d, want %s row %d", v.selected, v.selectedRow, s.ID, v.rowOf(t, s.ID))
	}
	if v.unmitigated.marked != v.unmitigatedCell(&s) {
		t.Errorf("heat map rings %+v, want the scenario's cell %+v", v.unmitigated.marked, v.unmitigatedCell(&s))
	}
	t.Run("tapping a row selects its scenario in the window", func(t *testing.T) {
		other := v.rows[0]
		if other == s.ID {
			other = v.rows[1]
		}
		v.table.Select(widget.TableCellID{Row: v.rowOf(t, other), Col: colScenarioActor})
		if u.sel.primary() != (ref{kindScenario, other}) {
			t.Errorf("window selection %+v, want scenario %s", u.sel.primary(), other)
		}
	})
}
