package app

import (
	"encoding/json"
	"io/fs"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/i18n"
	"zonewise/model"
)

// TestThePropertiesFitTheirPanel: at the laptop sizes a workshop runs on,
// the properties of every kind of object fit the panel's width, so no field
// is cut at the screen's right edge (an asset's SL-C levels and checklist
// asked for 300 px in a panel of 287 at 1366×768), in English and German.
func TestThePropertiesFitTheirPanel(t *testing.T) {
	defer func() { msgs = i18n.For(i18n.EN); localiseKinds() }()
	for _, lang := range []i18n.Lang{i18n.EN, i18n.DE} {
		msgs = i18n.For(lang)
		localiseKinds()
		for _, size := range []fyne.Size{fyne.NewSize(1280, 720), fyne.NewSize(1366, 768)} {
			propertiesFit(t, lang, size, false)
		}
		propertiesFit(t, lang, fyne.NewSize(1920, 1080), true)
	}
}

func propertiesFit(t *testing.T, lang i18n.Lang, size fyne.Size, present bool) {
	t.Helper()
	{
		u := newViewsTestUI(t, "canvas")
		u.win.Resize(size)
		if present {
			u.setPresentation(true)
			defer u.setPresentation(false)
			if u.folded[panelProps] {
				u.togglePanel(panelProps) // a user who opens them in the room
			}
		}
		p := u.doc.Project
		refs := map[string]ref{"project": {Kind: kindProject}}
		refs["zone"] = ref{kindZone, p.Zones[0].ID}
		refs["conduit"] = ref{kindConduit, p.Conduits[0].ID}
		refs["asset"] = ref{kindAsset, p.Assets[0].ID}
		refs["actor"] = ref{kindActor, p.Actors[0].ID}
		refs["scenario"] = ref{kindScenario, p.Scenarios[0].ID}
		if len(p.Countermeasures) > 0 {
			refs["countermeasure"] = ref{kindCountermeasure, p.Countermeasures[0].ID}
		}
		if len(p.Decisions) > 0 {
			refs["decision"] = ref{kindDecision, p.Decisions[0].ID}
		}
		if len(p.Vulnerabilities) > 0 {
			refs["vulnerability"] = ref{kindVulnerability, p.Vulnerabilities[0].ID}
		}
		for name, r := range refs {
			u.selectOnly(r)
			// the approvals of the project: one row at least
			if r.Kind == kindProject && len(p.Approvals) == 0 {
				t.Fatal("the sample has no approval row to measure")
			}
			avail := u.props.scroll.Size().Width
			if avail <= 0 {
				t.Fatalf("%v: the properties panel has no width", size)
			}
			if need := u.props.scroll.Content.MinSize().Width; need > avail {
				t.Errorf("%s %v (presentation %v): the properties of the %s ask for %v px in a panel %v px wide", lang, size, present, name, need, avail)
			}
		}
	}
}

// TestActorChoicesNameTheCapabilityOnce: the standard profiles of a new
// project carry "(SL n)" in their names; the threat library's and the
// scenario's actor choices do not repeat it ("… (SL 3) (SL 3)").
func TestActorChoicesNameTheCapabilityOnce(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	u.newProject()
	v := viewOf[*threatsView](t, u)
	lp := v.newLibraryPick()
	if len(lp.actorNames) != 4 {
		t.Fatalf("the library offers %d actors, want the 4 standard ones", len(lp.actorNames))
	}
	for i, n := range lp.actorNames {
		a := u.doc.Project.Actor(lp.actorIDs[i])
		sl := "(SL " + strconv.Itoa(a.Capability) + ")"
		if c := strings.Count(n, sl); c != 1 {
			t.Errorf("library actor choice %q names %s %d times, want once", n, sl, c)
		}
	}
	// An actor the user named without a level still shows it.
	a := model.ThreatActor{Name: "Insider", Capability: 2}
	if got, want := actorLabel(&a), "Insider (SL 2)"; got != want {
		t.Errorf("actorLabel of a plain name = %q, want %q", got, want)
	}
}

// TestAnExplainedCellGetsRoomToBeRead: on a 1366×768 laptop the
// explanation of a tapped SL-T cell showed four lines under the grid; a
// tap gives it the lower part of the view, keeps the tapped row in view,
// and leaves a divider the user moved further down alone.
func TestAnExplainedCellGetsRoomToBeRead(t *testing.T) {
	u := newViewsTestUI(t, "levels")
	u.win.Resize(fyne.NewSize(1366, 768))
	needEngine(t, u)
	v := viewOf[*levelsView](t, u)
	view := v.content.Size().Height
	if view <= 0 {
		t.Fatal("the levels view has no height")
	}
	last := u.result.Zones[len(u.result.Zones)-1]
	v.onCellTapped(levelPick{model.TargetZone, last.ZoneID, model.FR1})
	if got := v.explainBox.Size().Height; got < view/2 {
		t.Errorf("the explanation is %v px high in a view of %v px, want at least half", got, view)
	}
	if !shown(v.table, last.Name) {
		t.Errorf("the tapped zone %q is out of view", last.Name)
	}
	v.split.SetOffset(0.2)
	v.onCellTapped(levelPick{model.TargetZone, last.ZoneID, model.FR2})
	if v.split.Offset != 0.2 {
		t.Errorf("a tap moved the divider the user set to 0.2 to %v", v.split.Offset)
	}
}

// TestGUITextsNameNoCommandLine: a workshop stays in the window; no text of
// the interface sends the user to a command or its JSON output (the
// countermeasures view pointed at "assess --json, openGaps").
func TestGUITextsNameNoCommandLine(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		raw, err := fs.ReadFile(i18n.FS(), "locales/"+lang+".json")
		if err != nil {
			t.Fatal(err)
		}
		var texts map[string]string
		if err := json.Unmarshal(raw, &texts); err != nil {
			t.Fatal(err)
		}
		if len(texts) < 100 {
			t.Fatalf("%s: only %d texts read", lang, len(texts))
		}
		for k, s := range texts {
			area, _, _ := strings.Cut(k, ".")
			switch area {
			case "cli", "usage", "doc", "register", "risk", "problem", "validate":
				continue // the command line's own texts and the documents
			}
			for _, bad := range []string{"--json", "openGaps", "assess --", "zonewise assess"} {
				if strings.Contains(s, bad) {
					t.Errorf("%s %s: %q names the command line (%q)", lang, k, s, bad)
				}
			}
		}
	}
}

// TestAHandledProposalLeavesNoHighlightBehind: after Mark implemented the
// handled row leaves the list; the row that moved into its place was shown
// highlighted while Accept, Reject and Mark implemented were disabled. The
// table now shows no selection until the user taps the next row.
func TestAHandledProposalLeavesNoHighlightBehind(t *testing.T) {
	u := newViewsTestUI(t, "countermeasures")
	needEngine(t, u)
	v := viewOf[*measuresView](t, u)
	pickProposal(t, v)
	v.onProposal(model.StatusImplemented)
	if v.acceptB.Disabled() != (v.proposal() == nil) {
		t.Errorf("Accept enabled %v with picked proposal %v", !v.acceptB.Disabled(), v.proposal() != nil)
	}
	sel := reflect.ValueOf(v.proposals).Elem().FieldByName("selectedCell")
	if !sel.IsNil() && v.proposal() == nil {
		t.Errorf("the table highlights row %v while no proposal is picked", sel.Elem().FieldByName("Row"))
	}
}

// TestTheExportSummaryShowsItsFiles: the "Export finished" dialog listed the
// files in a scroll one line high ("9 files written" and nothing else).
func TestTheExportSummaryShowsItsFiles(t *testing.T) {
	u := newViewsTestUI(t, "documents")
	u.win.Resize(fyne.NewSize(1366, 768))
	v := viewOf[*documentsView](t, u)
	var files []string
	for i := range 9 {
		files = append(files, filepath.Join("/tmp/out", "file"+strconv.Itoa(i)+".pdf"))
	}
	v.exportDone("/tmp/out", files, nil, nil)
	var sc *container.Scroll
	for _, o := range u.win.Canvas().Overlays().List() {
		walk(o, func(x fyne.CanvasObject) bool {
			if s, ok := x.(*container.Scroll); ok && sc == nil {
				sc = s
			}
			return false
		})
	}
	if sc == nil {
		t.Fatal("no dialog with the list of files")
	}
	if got, need := sc.Size().Height, sc.Content.MinSize().Height; got < need {
		t.Errorf("the list of 9 files shows %v px of its %v", got, need)
	}
}

// TestThePaletteShowsTheKeysThatPickTheClasses: the asset class buttons
// read "A App", "E Embedded", "H Host", "N Network" (the chips' letters),
// but the keys are 1–4 and H picks the hand. Each button now shows the key
// that picks its class, and the canvas hint names the keys within what a
// 1366×768 screen shows of it.
func TestThePaletteShowsTheKeysThatPickTheClasses(t *testing.T) {
	u := newViewsTestUI(t, "canvas")
	u.win.Resize(fyne.NewSize(1366, 768))
	cv := viewOf[*canvasView](t, u)
	for i, cl := range model.AssetClasses() {
		key := strconv.Itoa(i + 1)
		if label := cv.classes[cl].Text; !strings.HasPrefix(label, key+" ") {
			t.Errorf("the %s button reads %q, want it to start with its key %s", cl, label, key)
		}
		u.canvas.TypedRune(rune('1' + i))
		if u.canvas.assetClass != cl || u.canvas.tool != toolAsset {
			t.Errorf("key %s picks class %s (tool %v), want %s", key, u.canvas.assetClass, u.canvas.tool, cl)
		}
	}
	u.canvas.setTool(toolSelect)
	u.canvas.refresh()
	hint := u.canvas.hint
	if hint.Size().Width <= 0 {
		t.Fatal("the hint line has no width")
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.DE} {
		text := i18n.For(lang).T("canvas.hint.select")
		i := strings.Index(text, "1–4")
		if i < 0 {
			t.Fatalf("%s: the hint %q names no tool keys", lang, text)
		}
		shown := text[:i+len("1–4")]
		if w := fyne.MeasureText(shown, theme.TextSize(), hint.TextStyle).Width; w > hint.Size().Width-2*theme.InnerPadding() {
			t.Errorf("%s: the tool keys end %v px into a hint line %v px wide: cut off", lang, w, hint.Size().Width)
		}
	}
}

// TestTheProblemCountAgreesWithItsNumber: the problems pane read "0 errors,
// 1 warnings" after the first conduit of a new project.
func TestTheProblemCountAgreesWithItsNumber(t *testing.T) {
	u := newTestUI(t)
	for _, c := range []struct {
		errs, warns int
		want        string
	}{
		{0, 1, "Problems: 0 errors, 1 warning"},
		{1, 0, "Problems: 1 error, 0 warnings"},
		{2, 24, "Problems: 2 errors, 24 warnings"},
	} {
		u.problems = nil
		for range c.errs {
			u.problems = append(u.problems, model.Problem{Severity: model.SeverityError})
		}
		for range c.warns {
			u.problems = append(u.problems, model.Problem{Severity: model.SeverityWarning})
		}
		u.problemL.refresh()
		if got := u.problemL.title.Text; got != c.want {
			t.Errorf("%d errors, %d warnings: title %q, want %q", c.errs, c.warns, got, c.want)
		}
	}
}

// TestTheStatusLineCountsAgreeWithTheirNumbers: the status line read
// "1 conduits · 1 assets" while a new plant was being built.
func TestTheStatusLineCountsAgreeWithTheirNumbers(t *testing.T) {
	p := &model.Project{Zones: make([]model.Zone, 2), Conduits: make([]model.Conduit, 1), Assets: make([]model.Asset, 1)}
	if got, want := statusCounts(p), "2 zones · 1 conduit · 1 asset · 0 threat scenarios"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	p.Scenarios = make([]model.ThreatScenario, 1)
	p.Assets = make([]model.Asset, 3)
	if got, want := statusCounts(p), "2 zones · 1 conduit · 3 assets · 1 threat scenario"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

// TestTheExportFolderDialogSaysExport: Fyne's folder dialog said "Open
// Folder" and "Open" for the folder the documents are exported into.
func TestTheExportFolderDialogSaysExport(t *testing.T) {
	u := newViewsTestUI(t, "documents")
	viewOf[*documentsView](t, u).onExport()
	dialogButton(t, u, "Export here")
	if !walk(topDialog(t, u), func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && l.Text == "Export documents to a folder"
	}) {
		t.Error("the folder dialog's title is not 'Export documents to a folder'")
	}
	test.Tap(dialogButton(t, u, "Cancel"))
}
