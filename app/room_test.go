package app

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

func TestWindowSize(t *testing.T) {
	share := func(h float32) float32 { return h * screenShare }
	cases := []struct {
		name          string
		screen, saved fyne.Size
		want          fyne.Size
	}{
		{"a first start on a 1366×768 laptop takes its width and most of its height", fyne.NewSize(1366, 768), fyne.Size{}, fyne.NewSize(1366, share(768))},
		{"a first start on a 1920×1080 projector takes its width and most of its height", fyne.NewSize(1920, 1080), fyne.Size{}, fyne.NewSize(1920, share(1080))},
		{"a size saved on this machine is used again", fyne.NewSize(1920, 1080), fyne.NewSize(1400, 900), fyne.NewSize(1400, 900)},
		{"a size saved on a larger screen is cut to this screen", fyne.NewSize(1280, 720), fyne.NewSize(1500, 920), fyne.NewSize(1280, 720)},
		{"without a screen to measure the window opens at 1280×720", fyne.Size{}, fyne.Size{}, defaultWindow},
		{"a tiny saved size grows to what the content needs", fyne.NewSize(1920, 1080), fyne.NewSize(200, 100), contentMinCap},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := windowSize(c.screen, c.saved); got != c.want {
				t.Errorf("windowSize(%v, %v) = %v, want %v", c.screen, c.saved, got, c.want)
			}
		})
	}
}

func TestTheWindowFitsSmallScreens(t *testing.T) {
	u := newViewsTestUI(t, "canvas")
	for _, pres := range []bool{false, true} {
		u.setPresentation(pres)
		for _, v := range u.views {
			u.selectView(v.key())
			u.selectOnly(ref{kindScenario, u.doc.Project.Scenarios[0].ID}) // a long name in the properties
			if m := u.win.Content().MinSize(); m.Width > 1280 || m.Height > 720-30 {
				t.Errorf("view %s (presentation %v) needs %v, more than a 1280×720 screen leaves", v.key(), pres, m)
			}
		}
	}
}

func TestPresentationModeKeepsTheWindowSize(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	size := fyne.NewSize(1366, 768)
	u.win.Resize(size)
	press(t, u, fyne.KeyF5, 0)
	if !u.themeState.presentation {
		t.Fatal("F5 did not switch presentation mode on")
	}
	if got := u.win.Canvas().Size(); got != size {
		t.Errorf("presentation mode resized the window to %v, want %v", got, size)
	}
	if u.panelObject(panelTree).Visible() || u.panelObject(panelProblems).Visible() || u.status.Visible() {
		t.Error("presentation mode still shows the tree, the problems or the status line")
	}
	press(t, u, fyne.KeyF5, 0)
	if got := u.win.Canvas().Size(); got != size || !u.panelObject(panelTree).Visible() || !u.status.Visible() {
		t.Errorf("leaving presentation mode: window %v (want %v), tree shown %v, status shown %v", got, size, u.panelObject(panelTree).Visible(), u.status.Visible())
	}
}

func TestPanelToggles(t *testing.T) {
	u := newViewsTestUI(t, "canvas")
	u.win.Resize(fyne.NewSize(1366, 768))
	for p, key := range panelKeys {
		t.Run("Ctrl+"+string(key)+" folds a panel away and brings it back", func(t *testing.T) {
			press(t, u, key, fyne.KeyModifierControl)
			if u.panelObject(panel(p)).Visible() {
				t.Fatal("the panel still shows")
			}
			press(t, u, key, fyne.KeyModifierControl)
			if !u.panelObject(panel(p)).Visible() {
				t.Fatal("the panel did not come back")
			}
		})
	}
	t.Run("a panel folded before presentation mode stays folded after it", func(t *testing.T) {
		u.togglePanel(panelProps)
		u.setPresentation(true)
		u.setPresentation(false)
		if u.panelObject(panelProps).Visible() || !u.panelObject(panelTree).Visible() {
			t.Errorf("after presentation mode: properties shown %v (want false), tree shown %v (want true)",
				u.panelObject(panelProps).Visible(), u.panelObject(panelTree).Visible())
		}
		u.togglePanel(panelProps)
	})
	t.Run("a long name does not widen the properties panel", func(t *testing.T) {
		before := u.panelObject(panelProps).MinSize().Width
		renameCell(u, strings.Repeat("Desinfektion & Reinwasser ", 8))
		u.selectOnly(ref{kindZone, cell})
		if after := u.panelObject(panelProps).MinSize().Width; after > before {
			t.Errorf("the properties panel asks for %v px with a long name, %v before", after, before)
		}
	})
}

func TestTheProblemsPaneShrinksWhenEmpty(t *testing.T) {
	u := newTestUI(t)
	u.setDocument(newUnsavedDocument(model.New("Empty")))
	if len(u.problems) != 0 {
		t.Fatalf("an empty project has %d problems", len(u.problems))
	}
	if u.problemL.list.Visible() || u.splits.body.Offset != 1 {
		t.Errorf("empty problems pane: list shown %v, divider at %v, want hidden and 1", u.problemL.list.Visible(), u.splits.body.Offset)
	}
	u.setDocument(newUnsavedDocument(model.Sample()))
	if len(u.problems) == 0 {
		t.Skip("the sample plant has no problems to show")
	}
	if !u.problemL.list.Visible() || u.splits.body.Offset >= 1 {
		t.Errorf("problems pane with problems: list shown %v, divider at %v", u.problemL.list.Visible(), u.splits.body.Offset)
	}
}

func TestThreatTableHeadersFitInPresentationMode(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	u.win.Resize(fyne.NewSize(1366, 768))
	u.setPresentation(true)
	v := viewOf[*threatsView](t, u)
	v.columns.box.Refresh()
	ts := v.columns.forText
	for c := range scenarioColumns {
		need := fyne.MeasureText(scenarioHeader(c), ts, fyne.TextStyle{Bold: true}).Width
		if got := v.columns.widths[c]; got < need {
			t.Errorf("column %q is %v px wide, its header needs %v", scenarioHeader(c), got, need)
		}
	}
}

func TestColumnWidths(t *testing.T) {
	cols := []column{{0, 3}, {0, 1}, {0, 0}}
	least := []float32{100, 50, 40}
	t.Run("spare width goes to the growing columns in proportion", func(t *testing.T) {
		got := columnWidths(cols, least, 390)
		if want := []float32{250, 100, 40}; !slices.Equal(got, want) {
			t.Errorf("widths %v, want %v", got, want)
		}
	})
	t.Run("too little width leaves every column at its least width", func(t *testing.T) {
		got := columnWidths(cols, least, 100)
		if !slices.Equal(got, least) {
			t.Errorf("widths %v, want %v", got, least)
		}
	})
	t.Run("a table that scrolls anyway gives its name column 42 % of the view", func(t *testing.T) {
		got := columnWidths(cols, []float32{100, 150, 140}, 300)
		if want := []float32{126, 150, 140}; math.Abs(float64(got[0]-want[0])) > 0.01 || !slices.Equal(got[1:], want[1:]) {
			t.Errorf("widths %v, want %v", got, want)
		}
	})
}

func TestANewProjectHasTheFourStandardActors(t *testing.T) {
	u := newTestUI(t)
	u.newProject()
	var caps []int
	for _, a := range u.doc.Project.Actors {
		if a.Name == "" || a.Description == "" {
			t.Errorf("actor %+v has no name or description", a)
		}
		caps = append(caps, a.Capability)
	}
	if !slices.Equal(caps, []int{1, 2, 3, 4}) {
		t.Errorf("actor capabilities %v, want 1 2 3 4", caps)
	}
	if ps := model.Validate(u.doc.Project); len(ps) != 0 {
		t.Errorf("the new project does not validate: %+v", ps)
	}
}

func TestThreatLibraryLetsTheUserChooseActorAndTarget(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	v := viewOf[*threatsView](t, u)
	p := u.doc.Project
	lp := v.newLibraryPick()
	best, most := "", 0
	for _, z := range lp.zones {
		if n := len(zoneCandidates(p, u.cat, z.ID)); n > most {
			best, most = z.Name, n
		}
	}
	lp.zone.SetSelected(best)
	for i := range lp.checks {
		if lp.checks[i].Checked {
			t.Fatalf("candidate %d is ticked before the user ticks it", i)
		}
		if lp.actors[i].Selected == "" || lp.targets[i].Selected == "" {
			t.Fatalf("candidate %d shows no actor (%q) or no target (%q)", i, lp.actors[i].Selected, lp.targets[i].Selected)
		}
	}
	// Another actor and the last target for the first candidate: choosing
	// them ticks it.
	actor := (lp.actors[0].SelectedIndex() + 1) % len(lp.actorIDs)
	target := len(lp.targetRefs) - 1
	lp.actors[0].SetSelectedIndex(actor)
	lp.targets[0].SetSelectedIndex(target)
	if !lp.checks[0].Checked {
		t.Fatal("changing the actor and target did not tick the candidate")
	}
	n := len(p.Scenarios)
	lp.add()
	if len(p.Scenarios) != n+1 {
		t.Fatalf("%d scenarios added, want 1", len(p.Scenarios)-n)
	}
	s := p.Scenarios[len(p.Scenarios)-1]
	if s.ActorID != lp.actorIDs[actor] || s.TargetID != lp.targetRefs[target].id || s.TargetKind != lp.targetRefs[target].kind {
		t.Errorf("added scenario has actor %s and target %s %s, want %s and %s %s", s.ActorID, s.TargetKind, s.TargetID,
			lp.actorIDs[actor], lp.targetRefs[target].kind, lp.targetRefs[target].id)
	}
}

func TestUndoLabelsSayWhatTheyUndo(t *testing.T) {
	u := newViewsTestUI(t, "countermeasures")
	needEngine(t, u)
	v := viewOf[*measuresView](t, u)
	v.propShow.SetSelected(showAllTargets)
	if len(v.propRows) < 2 {
		t.Fatalf("%d proposals, want at least 2", len(v.propRows))
	}
	first, second := v.propRows[0], v.propRows[1]
	v.propPick = first.ID
	v.onProposal(model.StatusImplemented)
	want := "Mark “" + u.measureName(first.MeasureID) + "” implemented"
	if got := u.doc.History().UndoLabel(); got != want {
		t.Errorf("undo label after implementing %q, want %q", got, want)
	}
	if !v.handled.Visible() || !strings.Contains(v.handledText.Text, u.measureName(first.MeasureID)) {
		t.Errorf("no visible note that the proposal was handled: %q", v.handledText.Text)
	}
	v.propPick = second.ID
	v.onProposal(model.StatusRejected)
	reason := dialogEntries(t, u)
	if len(reason) != 1 {
		t.Fatalf("the reject dialog has %d entries, want 1", len(reason))
	}
	if u.win.Canvas().Focused() != reason[0] {
		t.Error("the reject dialog does not focus its reason field")
	}
	test.Type(reason[0], "no vendor support")
	test.Tap(dialogButton(t, u, "Reject"))
	want = "Reject “" + u.measureName(second.MeasureID) + "”"
	if got := u.doc.History().UndoLabel(); got != want {
		t.Errorf("undo label after rejecting %q, want %q", got, want)
	}
	t.Run("Undo beside the note undoes the handling", func(t *testing.T) {
		n := len(u.doc.Project.Countermeasures)
		test.Tap(findButton(v.handled, tr("room.measures.undo")))
		if len(u.doc.Project.Countermeasures) != n-1 || v.handled.Visible() {
			t.Errorf("after Undo: %d countermeasures (want %d), note shown %v", len(u.doc.Project.Countermeasures), n-1, v.handled.Visible())
		}
	})
}

func TestKeysReachTheWindowFromAFocusedField(t *testing.T) {
	u := newTestUI(t)
	u.selectOnly(ref{kindZone, cell})
	e, ok := asEntry(formField(u.props.scroll, "Name"))
	if !ok {
		t.Fatal("no Name entry in the zone's properties")
	}
	var ke fyne.Focusable
	walk(u.props.object(), func(o fyne.CanvasObject) bool {
		if k, ok := o.(*keyEntry); ok && &k.Entry == e {
			ke = k
			return true
		}
		return false
	})
	if ke == nil {
		t.Fatal("the Name field does not hand keys on")
	}
	u.win.Canvas().Focus(ke)
	t.Run("Escape returns to the Select tool", func(t *testing.T) {
		u.canvas.setTool(toolConnect)
		press(t, u, fyne.KeyEscape, 0)
		if u.canvas.tool != toolSelect {
			t.Errorf("tool %v after Escape in the properties, want select", u.canvas.tool)
		}
	})
	t.Run("F5 switches presentation mode", func(t *testing.T) {
		press(t, u, fyne.KeyF5, 0)
		if !u.themeState.presentation {
			t.Error("F5 in the properties did not switch presentation mode on")
		}
		u.setPresentation(false)
	})
	t.Run("other keys still edit the field", func(t *testing.T) {
		u.win.Canvas().Focus(ke)
		test.Type(ke.(fyne.Focusable), "X")
		if !strings.Contains(e.Text, "X") {
			t.Errorf("typing in the field gave %q", e.Text)
		}
	})
}

func TestEnterpriseZoneTypeSetsPurdueLevel4(t *testing.T) {
	u := newTestUI(t)
	u.selectOnly(ref{kindZone, cell})
	sel, ok := formField(u.props.scroll, "Type").(*widget.Select)
	if !ok {
		t.Fatal("no Type select in the zone's properties")
	}
	sel.SetSelected(model.ZoneEnterprise.Label())
	if z := u.doc.Project.Zone(cell); z.Type != model.ZoneEnterprise || z.PurdueLevel != 4 {
		t.Errorf("zone type %q level %g, want enterprise at level 4", z.Type, z.PurdueLevel)
	}
}

func TestPropertiesAndProblemsAgree(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	c := model.Conduit{ID: model.NewID(), Name: "No flows", ZoneIDs: []model.ID{p.Zones[0].ID, p.Zones[1].ID}, Type: model.ConduitFirewall}
	u.do(&model.Add[model.Conduit]{Item: c})
	cr := u.conduitResult(c.ID)
	if cr == nil || len(cr.Findings) == 0 {
		t.Skip("the engine reports no finding for a conduit without flows")
	}
	for _, f := range cr.Findings {
		found := false
		for _, pr := range u.problems {
			found = found || (pr.ObjectID == c.ID && pr.Message == f)
		}
		if !found {
			t.Errorf("the properties show %q, the problems list does not", f)
		}
	}
}

func TestTheGuideFollowsTheViewAndOpensIt(t *testing.T) {
	u := newViewsTestUI(t, "canvas")
	u.guide.show()
	u.selectView("countermeasures")
	if guideSteps[u.guide.current].view != "countermeasures" {
		t.Errorf("guide on step %d after opening Countermeasures", u.guide.current+1)
	}
	test.Tap(u.guide.steps[3]) // Threats
	if i := u.tabs.SelectedIndex(); u.views[i].key() != "threats" {
		t.Errorf("tapping the Threats step opened %s", u.views[i].key())
	}
	t.Run("the seven steps fit a 1280 px window", func(t *testing.T) {
		if w := u.guide.object().MinSize().Width; w > 1280-2*em(8) {
			t.Errorf("the guide needs %v px", w)
		}
	})
}

func TestPresentationModeHidesTheChromeARoomDoesNotNeed(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	u.win.Resize(fyne.NewSize(1366, 768))
	u.togglePanel(panelTree) // the user's own choice before presenting
	press(t, u, fyne.KeyF5, 0)
	for name, o := range map[string]fyne.CanvasObject{
		"toolbar": u.bar.row, "tree": u.panelObject(panelTree), "properties": u.panelObject(panelProps),
		"problems": u.panelObject(panelProblems), "status line": u.status,
	} {
		if o.Visible() {
			t.Errorf("presentation mode still shows the %s", name)
		}
	}
	// the properties can be brought back while presenting (explaining a cell)
	press(t, u, panelKeys[panelProps], fyne.KeyModifierControl)
	if !u.panelObject(panelProps).Visible() {
		t.Error("Ctrl+2 did not bring the properties back in presentation mode")
	}
	press(t, u, fyne.KeyF5, 0)
	if !u.bar.row.Visible() || !u.panelObject(panelProps).Visible() || !u.panelObject(panelProblems).Visible() {
		t.Errorf("leaving presentation mode: toolbar %v, properties %v, problems %v, want all shown",
			u.bar.row.Visible(), u.panelObject(panelProps).Visible(), u.panelObject(panelProblems).Visible())
	}
	if u.panelObject(panelTree).Visible() {
		t.Error("the tree the user had folded away came back after presentation mode")
	}
}

func TestTheSLGridNamesTakeTheSpareWidth(t *testing.T) {
	u := newViewsTestUI(t, "levels")
	u.win.Resize(fyne.NewSize(1366, 768))
	u.setPresentation(true)
	v := viewOf[*levelsView](t, u)
	v.columns.box.Refresh()
	w := v.columns.widths
	if len(w) != 8 {
		t.Fatalf("%d column widths, want 8", len(w))
	}
	var frs float32
	for _, x := range w[1:] {
		frs += x
	}
	// the seven FR columns at their width, the names get the rest
	if spare := v.columns.forSize.Width - frs - em(11); spare > em(2) && w[0] < em(11)+spare/2 {
		t.Errorf("the names column is %v px with %v px spare beside the grid", w[0], spare)
	}
}
