package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/cli"
)

// guideSteps is the IEC 62443-3-2 workflow the quick guide walks through,
// step by step in the order of the standard's zone and conduit requirements
// (ZCR); each step names where it happens in Zonewise and opens that view
// (view is a view key, see views.go).
var guideSteps = []struct{ key, view string }{
	{"room.guide.step1", "canvas"},
	{"room.guide.step2", "canvas"},
	{"room.guide.step3", "canvas"},
	{"room.guide.step4", "threats"},
	{"room.guide.step5", "levels"},
	{"room.guide.step6", "countermeasures"},
	{"room.guide.step7", "documents"},
}

// quickGuide is the first-run panel above the views: dismissible, never
// modal, reopened from Help ▸ Quick guide (F1). It follows the view that is
// open, and a click on a step opens that step's view.
type quickGuide struct {
	prefs   *settings
	box     *fyne.Container
	detail  *widget.Label
	steps   []*widget.Button
	current int
	// open is set while the user wants the guide (presentation mode hides
	// it without changing this).
	open bool
	// goTo opens the view of a step (set by the window).
	goTo func(step int)
}

func newQuickGuide(prefs *settings) *quickGuide {
	// Step 1 is marked as the parts are made, not by showStep: refreshing
	// them would build the hidden guide while the window opens.
	g := &quickGuide{prefs: prefs}
	g.detail = widget.NewLabel(g.stepText(0))
	g.detail.Wrapping = fyne.TextWrapWord
	// The steps take their own widths in one row, which leaves a 1280 px
	// window's side panels their width; the heading, the long text of the
	// current step and the close button are below them.
	row := container.NewHBox()
	for i, s := range guideSteps {
		b := widget.NewButton(tr("room.guide.step", map[string]any{"N": i + 1, "Title": tr(s.key + ".title")}), func() { g.onStepTapped(i) })
		b.Importance = widget.LowImportance
		if i == 0 {
			b.Importance = widget.HighImportance
		}
		b.Alignment = widget.ButtonAlignLeading
		g.steps = append(g.steps, b)
		row.Add(b)
	}
	closeB := widget.NewButtonWithIcon(tr("room.guide.close"), theme.CancelIcon(), g.dismiss)
	g.box = container.NewVBox(
		row,
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(tr("room.guide.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewVBox(closeB), g.detail),
		widget.NewSeparator(),
	)
	g.box.Hide()
	return g
}

func (g *quickGuide) object() fyne.CanvasObject { return g.box }

// showStep marks step i and shows its text.
func (g *quickGuide) showStep(i int) {
	g.current = i
	g.detail.SetText(g.stepText(i))
	for j, b := range g.steps {
		imp := widget.LowImportance
		if j == i {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}

// stepText is the heading and text of step i.
func (g *quickGuide) stepText(i int) string {
	return tr("room.guide.detail", map[string]any{
		"N": i + 1, "Of": len(guideSteps), "Title": tr(guideSteps[i].key + ".title"), "Text": tr(guideSteps[i].key + ".text"),
	})
}

// onStepTapped shows a step and opens its view.
func (g *quickGuide) onStepTapped(i int) {
	g.showStep(i)
	if g.goTo != nil {
		g.goTo(i)
	}
}

// follow moves the guide to the step of the view that was opened; on a view
// with several steps (the canvas) the guide stays on the step it is on
// when that step belongs to the view, else goes to the view's first step.
func (g *quickGuide) follow(view string) {
	if guideSteps[g.current].view == view {
		return
	}
	for i, s := range guideSteps {
		if s.view == view {
			g.showStep(i)
			return
		}
	}
}

// show opens the guide (first run, Help ▸ Quick guide, F1).
func (g *quickGuide) show() {
	g.open = true
	g.box.Show()
	g.prefs.p.SetBool(prefGuideShown, true)
}

// dismiss hides the guide; it stays hidden on later starts.
func (g *quickGuide) dismiss() {
	g.open = false
	g.box.Hide()
	g.prefs.p.SetBool(prefGuideShown, true)
}

// showAbout shows the version and commit of this build.
func (u *ui) showAbout() {
	text := tr("about.text", map[string]string{"Version": cli.Version, "Commit": cli.Commit})
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(tr("menu.help.about"), tr("common.close"), l, u.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}
