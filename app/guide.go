package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/cli"
)

// guideSteps is the IEC 62443-3-2 workflow the quick guide walks through,
// step by step in the order of the standard's zone and conduit requirements
// (ZCR); each step names where it happens in Zonewise.
var guideSteps = []struct{ title, text string }{
	{"SUC", "Describe the system under consideration: select the project in the tree and fill in scope, assumptions and interfaces (ZCR 1)."},
	{"Zones & conduits", "Drag on the canvas to draw a zone; use Connect to join two zones with a conduit and list its data flows (ZCR 3)."},
	{"Assets", "Pick a class in the palette (Application, Embedded, Host, Network) and click into a zone; record SL-C and focus points."},
	{"Threats", "Add threat scenarios with an actor, a target, the FRs affected, likelihood and consequences (ZCR 4, 5.1–5.5)."},
	{"SL-T", "Zonewise derives SL-T per zone and FR from the intolerable scenarios; the badge on each zone shows it (ZCR 5.6)."},
	{"Countermeasures", "Zones coloured yellow, orange or red have gaps: accept compensating countermeasures until they close (ZCR 5.8–5.12)."},
	{"Documents", "Export the risk report, the CRS and the registers for the client (ZCR 6, 7)."},
}

// quickGuide is the first-run panel above the canvas: dismissible, never
// modal, reopened from Help ▸ Quick guide (F1).
type quickGuide struct {
	prefs   *settings
	box     *fyne.Container
	detail  *widget.Label
	steps   []*widget.Button
	current int
}

func newQuickGuide(prefs *settings) *quickGuide {
	g := &quickGuide{prefs: prefs, detail: widget.NewLabel("")}
	g.detail.Wrapping = fyne.TextWrapWord
	row := container.NewHBox(widget.NewLabelWithStyle("IEC 62443-3-2 workflow:", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for i, s := range guideSteps {
		if i > 0 {
			row.Add(widget.NewLabel("→"))
		}
		b := widget.NewButton(fmt.Sprintf("%d %s", i+1, s.title), func() { g.showStep(i) })
		b.Importance = widget.LowImportance
		g.steps = append(g.steps, b)
		row.Add(b)
	}
	closeB := widget.NewButtonWithIcon("Got it", theme.CancelIcon(), g.dismiss)
	g.box = container.NewVBox(
		container.NewBorder(nil, nil, nil, closeB, container.NewHScroll(row)),
		g.detail,
		widget.NewSeparator(),
	)
	g.box.Hide()
	g.showStep(0)
	return g
}

func (g *quickGuide) object() fyne.CanvasObject { return g.box }

func (g *quickGuide) showStep(i int) {
	g.current = i
	g.detail.SetText(fmt.Sprintf("Step %d of %d — %s: %s", i+1, len(guideSteps), guideSteps[i].title, guideSteps[i].text))
	for j, b := range g.steps {
		imp := widget.LowImportance
		if j == i {
			imp = widget.HighImportance
		}
		b.Importance = imp
		b.Refresh()
	}
}

// show opens the guide (first run, Help ▸ Quick guide, F1).
func (g *quickGuide) show() {
	g.box.Show()
	g.prefs.p.SetBool(prefGuideShown, true)
}

// dismiss hides the guide; it stays hidden on later starts.
func (g *quickGuide) dismiss() {
	g.box.Hide()
	g.prefs.p.SetBool(prefGuideShown, true)
}

// showAbout shows the version and commit of this build.
func (u *ui) showAbout() {
	text := fmt.Sprintf("Zonewise %s (commit %s)\n\nIEC 62443 risk assessment, zones and conduits for industrial control systems.\n\nWorks offline. The IEC 62443 standards are copyrighted: Zonewise ships requirement identifiers, short titles and its own summaries only.",
		cli.Version, cli.Commit)
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About Zonewise", "Close", l, u.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}
