// Package app is the Zonewise desktop GUI (Fyne). It is the only package that
// imports Fyne, main.go aside.
//
// The window is one ui struct (this file): the window's chrome (menus,
// toolbar, status line, title, file dialogs, recovery, lock) and one
// unexported struct per part of the screen (projectTree, propertiesPanel,
// zoneCanvas, problemsPanel and the views in views.go). A part gets only a
// session (session.go: the open model.Document, the latest assessment, the
// catalogue, the selection) and the few window hooks it needs. Parts read the
// model and change it only through commands (session.do); every change comes
// back through ui.onDocChanged, which re-assesses and refreshes every part in
// place. Each kind of object (zone, conduit, asset, …) is one descriptor in
// kindTable (kinds.go).
//
// Environment variables (for automation, not for users):
//
//	ZONEWISE_VIEW=<key>        open on a view: canvas, threats, levels,
//	                           countermeasures, requirements, documents
//	ZONEWISE_PRESENTATION=1    open in presentation mode (make screenshots)
//	ZONEWISE_NO_GUIDE=1        do not show the first-run guide
//	ZONEWISE_RECOVERY_DIR=dir  keep recovery files in dir instead of
//	                           os.UserCacheDir()/zonewise/recovery
//	ZONEWISE_AUTOSAVE=1s       autosave every 1s instead of every 30s
//	                           (make smoke)
//	ZONEWISE_STARTUP_PROBE=1   print when the first frame is painted, then
//	                           quit (start-up benchmark in .ci/bench.sh)
//
// make screenshots sets the first three.
package app

import (
	"errors"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/risk"
)

// Run opens the main window on the project at path ("" for the last project
// or the sample plant) and blocks until the window closes. A file that cannot
// be opened is reported in a dialog and the sample plant opens instead.
func Run(a fyne.App, path string) {
	setupLanguage(a.Preferences())
	// The project file is read and decoded while the window is built:
	// neither needs the other, and on a large plant each is a good part of
	// the time to the first frame.
	pending := prefetchDocument(path, &settings{p: a.Preferences()})
	u := newUI(a)
	u.prefetched = pending
	// The canvas is drawn once the window has its size on this screen.
	u.canvas.sizing = true
	startErr := u.openStartup(path)
	u.win.Show()
	if s, ok := primaryScreen(u.win); ok {
		u.fitToScreen(s)
	}
	u.canvas.sizing = false
	u.canvas.fitSoon()
	u.afterShow(startErr)
	probeStartup(a, u.win)
	a.Run()
}

// ui is the main window and everything open in it.
type ui struct {
	// session is the document, assessment and selection the parts share.
	*session
	app fyne.App
	// lock is the lock file held for doc's project file (nil: none).
	lock *model.Lock

	// assessTimer defers reassessment on large plants (reassessSoon).
	assessTimer *time.Timer

	tree     *projectTree
	props    *propertiesPanel
	canvas   *zoneCanvas
	problemL *problemsPanel
	guide    *quickGuide
	tabs     *container.AppTabs
	views    []view
	status   *widget.Label
	splits   struct{ main, right, body *container.Split }
	// folded are the side panels folded away (View menu, Ctrl+1/2/3);
	// foldedBefore is how they were before presentation mode.
	folded, foldedBefore [panelCount]bool
	// problemsEmpty is set while the problems pane is shrunk to its title
	// (fitProblems); problemsOffset is the divider's place to go back to.
	problemsEmpty, problemsFitted bool
	problemsOffset                float64
	// screen is the size of the screen the window opened on (zero when
	// unknown, as in tests).
	screen fyne.Size

	menu     menuItems
	keys     map[fyne.KeyName]func() // plainKeys
	bar      toolbar
	prefs    *settings
	recovery *recovery
	// discarded is the document whose changes the user chose to discard;
	// its recovery file is removed once another document replaces it.
	discarded  *model.Document
	themeState themeState
	// crypt holds the keys of encrypted projects; pendingEncrypted is an
	// encrypted project to open (asking its passphrase) once the window
	// shows.
	crypt            crypt
	pendingEncrypted string

	// prefetched is the start-up project being read in the background
	// (Run, openStartup), nil once taken; ahead is it once taken, until
	// setDocument takes its assessment.
	prefetched, ahead *prefetch

	// layoutRunning is set while Graphviz lays the plant out; afterLayout,
	// when set (by tests), runs when it has finished.
	layoutRunning bool
	afterLayout   func()

	// compareWin is the open comparison window (File ▸ Compare with…),
	// whose changes the canvas marks (session.marks).
	compareWin fyne.Window
}

// newUI builds the window with an empty document; call setDocument next.
func newUI(a fyne.App) *ui {
	u := &ui{session: &session{zoneIndex: map[model.ID]*risk.ZoneResult{}}, app: a, prefs: &settings{p: a.Preferences()}}
	u.afterSelect = u.onSelectionChanged
	u.onKey = u.onTypedKey
	cat, err := risk.Builtin()
	if err != nil {
		slog.Error("built-in catalogue", "err", err)
	}
	// Requirement titles and summaries, measure and threat names in the
	// interface language; the engine's sentences stay independent of it.
	u.cat = cat.Localized(msgs.Lang())
	u.win = a.NewWindow("Zonewise")
	u.doc = model.NewDocument(model.New(tr("file.untitled")), "")
	u.recovery = newRecovery()
	u.themeState.variant = u.prefs.p.String(prefTheme)
	u.themeState.apply(a)

	u.tree = newProjectTree(u.session, u.onTypedKey)
	u.props = newPropertiesPanel(u.session)
	u.canvas = newZoneCanvas(u.session, canvasWindow{
		onKey:       u.onTypedKey,
		toolChanged: u.onToolChanged,
		dragEnded:   u.onDocChanged,
		tell:        func(msg string) { u.status.SetText(msg) },
		logDecision: u.logDecision,
	})
	u.reveal = u.canvas.reveal
	u.problemL = newProblemsPanel(u.session)
	u.guide = newQuickGuide(u.prefs)
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis

	u.views = u.buildViews()
	items := make([]*container.TabItem, len(u.views))
	for i, v := range u.views {
		// A view never pushes the properties panel aside: what it cannot
		// fit scrolls inside it.
		items[i] = container.NewTabItem(v.title(), capMin(v.object(), viewMin))
	}
	u.tabs = container.NewAppTabs(items...) // at once: each Append lays out every tab again
	u.tabs.OnSelected = func(*container.TabItem) { u.onViewShown() }
	u.guide.goTo = u.onGuideStep

	// The side panels ask for a narrow column only, so that a long name
	// or presentation mode's larger text never widens them: their content
	// scrolls or is cut inside them, and the canvas keeps the width.
	centre := container.NewBorder(u.guide.object(), nil, nil, nil, u.tabs)
	right := container.NewHSplit(centre, capMin(u.props.object(), sidePanelMin))
	main := container.NewHSplit(capMin(u.tree.object(), sidePanelMin), right)
	body := container.NewVSplit(main, capMin(u.problemL.object(), sidePanelMin))
	main.Offset, right.Offset, body.Offset = 0.18, 0.74, 0.87
	u.problemsOffset = body.Offset
	u.splits.main, u.splits.right, u.splits.body = main, right, body
	toolbar := container.NewHScroll(u.buildToolbar())
	u.bar.row = toolbar
	u.layoutPanels()
	u.win.SetContent(capMin(container.NewBorder(toolbar, u.status, nil, nil, body), func() fyne.Size { return contentMinCap }))
	u.win.SetMainMenu(u.buildMenu())
	u.addShortcuts()
	u.win.SetMaster()
	u.win.SetCloseIntercept(u.onCloseRequested)
	u.win.Resize(windowSize(fyne.Size{}, fyne.Size{}))
	return u
}

// setDocument replaces the open document (New, Open, startup, restore).
func (u *ui) setDocument(doc *model.Document) {
	u.recovery.stop()
	if u.discarded != nil && u.discarded == u.doc {
		u.recovery.remove(u.doc.Path)
	}
	u.discarded = nil
	u.closeComparison()
	u.doc = doc
	u.sel = selection{}
	u.lockDocument()
	doc.OnChange(u.onDocChanged)
	u.recovery.start(u)
	u.canvas.resetView()
	// Assessed at once, whatever the plant's size: the first frame shows
	// the gaps. The engine runs beside the tree's and the canvas's indexes,
	// which need no result (all three only read the project, and nothing
	// can change it before setDocument returns); on two cores this opens a
	// large plant sooner.
	p, cat := doc.Project, u.cat
	ch := make(chan assessment, 1)
	if f := u.assessingAhead(doc); f != nil { // assessed while the window was built
		go func() {
			<-f.assessed
			if f.cat != cat {
				ch <- runAssessment(p, cat)
				return
			}
			ch <- f.a
		}()
	} else {
		go func() { ch <- runAssessment(p, cat) }()
	}
	u.tree.refresh()
	u.canvas.relayout()
	u.applyAssessment(<-ch)
	u.refreshAll()
	u.canvas.fitSoon()
}

// onDocChanged runs after every edit, undo, redo and save.
func (u *ui) onDocChanged() {
	u.sel.prune(u.doc.Project)
	if u.canvas.dragging {
		// A drag changes geometry only: the canvas follows the pointer, the
		// rest (and the assessment) catches up when the drag ends.
		u.updateTitle()
		u.canvas.refresh()
		return
	}
	u.reassessSoon()
	u.refreshAll()
}

// largePlant is the size (zones + assets + scenarios) above which edits
// are no longer assessed one by one: on a very large plant (10,000 assets
// take about 100 ms) typing a name must not wait for the engine after each
// key. The rule is by size, not by measured time, so that behaviour does
// not depend on the machine's load.
const largePlant = 3000

// assessNow makes reassessSoon assess at once on large plants too. Tests
// set it: Fyne's test driver runs fyne.Do on the calling goroutine, so a
// deferred assessment would race the test's own calls into the widgets
// (the real driver queues it on the GUI goroutine).
var assessNow bool

// reassessSoon reassesses now, or on a large plant shortly after the
// edits stop (the views show the previous result until then).
func (u *ui) reassessSoon() {
	p := u.doc.Project
	if len(p.Zones)+len(p.Assets)+len(p.Scenarios) <= largePlant || assessNow {
		u.reassess()
		return
	}
	if u.assessTimer != nil {
		u.assessTimer.Stop()
	}
	u.assessTimer = time.AfterFunc(150*time.Millisecond, func() {
		fyne.Do(func() {
			u.reassess()
			u.refreshAll()
		})
	})
}

// reassess runs the engine and the validation on the current project.
func (u *ui) reassess() { u.applyAssessment(runAssessment(u.doc.Project, u.cat)) }

// assessment is what reassess computes from the project alone.
type assessment struct {
	problems []model.Problem
	result   *risk.Result
	err      error
}

// runAssessment validates and assesses p. It only reads p and touches no
// widget, so it may run off the UI goroutine while nothing edits p.
func runAssessment(p *model.Project, cat *risk.Catalog) assessment {
	var a assessment
	a.problems = validate(p)
	a.result, a.err = assess(p, cat) // a nil catalogue still gives SL-T and gaps
	if cat == nil {
		a.err = errors.New("the built-in catalogue failed to load: no requirements or proposals")
	}
	a.problems = append(a.problems, loweringProblems(p, a.result)...)
	a.problems = append(a.problems, documentProblems(p, a.result)...)
	a.problems = append(a.problems, findingProblems(a.result)...)
	return a
}

// applyAssessment makes a the session's current assessment.
func (u *ui) applyAssessment(a assessment) {
	u.problems, u.result, u.resultErr = a.problems, a.result, a.err
	u.indexResult()
}

// refreshAll updates every part of the window from the model, in place.
func (u *ui) refreshAll() {
	u.refreshing = true
	defer func() { u.refreshing = false }()
	u.updateTitle()
	u.tree.refresh()
	u.canvas.refresh()
	u.props.refresh()
	u.problemL.refresh()
	u.fitProblems()
	u.refreshViews()
	u.refreshMenu()
	u.updateStatus()
}

// refreshViews refreshes the visible tab; hidden ones refresh when shown.
func (u *ui) refreshViews() {
	sel := u.tabs.Selected()
	for i, v := range u.views {
		if sel == nil || u.tabs.Items[i] == sel {
			v.refresh()
		}
	}
}

// windowTitle is "<project> — Zonewise", with "• " in front when dirty.
func (u *ui) windowTitle() string {
	name := u.doc.Project.Name
	if name == "" {
		name = tr("file.untitled")
	}
	t := tr("app.windowTitle", map[string]string{"Name": name})
	if u.doc.Dirty() {
		t = "• " + t
	}
	return t
}

func (u *ui) updateTitle() { u.win.SetTitle(u.windowTitle()) }

// statusCounts says how many zones, conduits, assets and threat scenarios p
// has, each in words that agree with its number ("1 conduit", "2 assets").
func statusCounts(p *model.Project) string {
	return tr("status.counts", map[string]string{"Zones": countWords(len(p.Zones), "status.zones"),
		"Conduits": countWords(len(p.Conduits), "status.conduits"), "Assets": countWords(len(p.Assets), "status.assets"),
		"Scenarios": countWords(len(p.Scenarios), "status.scenarios")})
}

func (u *ui) updateStatus() {
	p := u.doc.Project
	s := statusCounts(p)
	if n := countErrors(u.problems); n > 0 {
		s += " · " + tr("status.errors", map[string]int{"N": n})
	}
	if u.resultErr != nil {
		s += " · " + tr("status.assessment", map[string]string{"Error": u.resultErr.Error()})
	}
	if u.doc.Path != "" {
		s += " · " + u.doc.Path
	} else {
		s += " · " + tr("status.notSaved")
	}
	u.status.SetText(s)
}

// onSelectionChanged is called by every part that changes the selection.
func (u *ui) onSelectionChanged() {
	u.refreshing = true
	defer func() { u.refreshing = false }()
	u.tree.refresh()
	u.canvas.refresh()
	u.props.refresh()
	u.refreshViews()
	u.refreshToolbar()
	if u.menu.del != nil {
		u.menu.del.Disabled = len(u.sel.items) == 0
	}
}
