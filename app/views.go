package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// view is one tab of the centre of the window.
//
// To add a view (Threats, Security levels, Countermeasures, Requirements,
// Documents): write an unexported struct in its own file with a constructor
// newXxxView(sess *session) *xxxView implementing this interface, and append
// it in buildViews below; a view that needs more than the session takes it as
// another argument. A view reads sess.doc.Project and sess.result (the latest
// risk.Result, nil when the engine failed: sess.resultErr says why), edits
// only through sess.do(command), selects with sess.selectOnly(ref{kind, id}),
// and runs long work with background(work, done). refresh is called after every model change
// and selection change while the tab is visible, and when the tab is shown.
type view interface {
	// key is a short stable name: "canvas", "threats", "levels",
	// "countermeasures", "requirements", "documents". ZONEWISE_VIEW=<key>
	// opens the window on that view (make screenshots uses it).
	key() string
	// title is the tab label.
	title() string
	// object is the view's content, built once by the constructor.
	object() fyne.CanvasObject
	// refresh updates the content from the model in place.
	refresh()
}

// buildViews lists the centre tabs in order. The canvas comes first.
func (u *ui) buildViews() []view {
	return []view{
		newCanvasView(u.canvas, u.autoLayout),
		newThreatsView(u.session),
		newSecurityLevelsView(u.session),
		newCountermeasuresView(u.session),
		newRequirementsView(u.session),
		newDocumentsView(u.session),
	}
}

// selectView shows the tab with the given key or title; false when there
// is none.
func (u *ui) selectView(name string) bool {
	for i, v := range u.views {
		if v.key() == name || v.title() == name {
			u.tabs.SelectIndex(i)
			return true
		}
	}
	return false
}

// canvasView is the zone/conduit canvas with its palette.
type canvasView struct {
	c       *zoneCanvas
	content fyne.CanvasObject
	tools   map[tool]*widget.Button
	classes map[model.AssetClass]*widget.Button
}

// newCanvasView puts the canvas c under its tool palette; autoLayout lays
// the plant out with Graphviz (the Layout button).
func newCanvasView(c *zoneCanvas, autoLayout func()) *canvasView {
	v := &canvasView{c: c, tools: map[tool]*widget.Button{}, classes: map[model.AssetClass]*widget.Button{}}
	toolButton := func(label string, icon fyne.Resource, t tool) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, func() { c.setTool(t) })
		v.tools[t] = b
		return b
	}
	palette := container.NewHBox(
		toolButton(tr("canvas.tool.select"), theme.NavigateBackIcon(), toolSelect),
		toolButton("", theme.ViewRestoreIcon(), toolPan),
		toolButton(tr("canvas.tool.connect"), theme.MoreHorizontalIcon(), toolConnect),
		widget.NewSeparator(),
	)
	for i, cl := range model.AssetClasses() {
		// The key that picks the class (the canvas's TypedRune), not the
		// chip's letter: "H Host" read as "press H", which picks the hand.
		b := widget.NewButton(tr("canvas.tool.classKey", map[string]string{"Key": strconv.Itoa(i + 1), "Class": shortClass(cl)}), func() {
			c.assetClass = cl
			c.setTool(toolAsset)
		})
		v.classes[cl] = b
		palette.Add(b)
	}
	view := container.NewHBox(
		widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { c.zoomBy(1/1.25, c.centre()) }),
		widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { c.zoomBy(1.25, c.centre()) }),
		widget.NewButtonWithIcon("", theme.ZoomFitIcon(), c.fit),
		widget.NewButtonWithIcon(tr("canvas.tool.layout"), theme.GridIcon(), autoLayout),
	)
	scroll := container.NewScroll(c) // clips the drawing to the tab
	scroll.Direction = container.ScrollNone
	top := container.NewBorder(nil, nil, nil, view, container.NewHScroll(palette))
	v.content = container.NewBorder(top, c.hint, nil, nil, scroll)
	v.refreshTools()
	return v
}

func shortClass(c model.AssetClass) string {
	switch c {
	case model.ClassApplication:
		return tr("canvas.class.application")
	case model.ClassEmbedded:
		return tr("canvas.class.embedded")
	case model.ClassHost:
		return tr("canvas.class.host")
	case model.ClassNetwork:
		return tr("canvas.class.network")
	}
	return string(c)
}

func (v *canvasView) key() string               { return "canvas" }
func (v *canvasView) title() string             { return tr("canvas.title") }
func (v *canvasView) object() fyne.CanvasObject { return v.content }
func (v *canvasView) refresh()                  { v.refreshTools() }

// refreshTools highlights the active tool and asset class.
func (v *canvasView) refreshTools() {
	c := v.c
	for t, b := range v.tools {
		imp := widget.MediumImportance
		if t == c.tool {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	for cl, b := range v.classes {
		imp := widget.MediumImportance
		if c.tool == toolAsset && cl == c.assetClass {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}

// onToolChanged is called by the canvas when its tool changes.
func (u *ui) onToolChanged() {
	for _, v := range u.views {
		if cv, ok := v.(*canvasView); ok {
			cv.refreshTools()
		}
	}
}

// uiDo hands work from a goroutine to the UI goroutine. Fyne's test
// driver runs fyne.Do on the calling goroutine, so tests replace this to
// run the callbacks on the test goroutine instead (see pumpUI).
var uiDo = fyne.Do

// background runs work off the UI goroutine and hands its result to done
// on the UI goroutine (through uiDo), for Graphviz, PDF and the like.
func background[T any](work func() (T, error), done func(T, error)) {
	do := uiDo // read here: a test may swap it while the work runs
	go func() {
		v, err := work()
		do(func() { done(v, err) })
	}()
}
