package app

import (
	"errors"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"zonewise/model"
	"zonewise/risk"
)

// session is what a view or panel works with: the open document, its latest
// assessment, the catalogue, the selection, and the window as the parent of
// its dialogs. A part reads the model here and changes it only through do;
// it changes the selection with selectOnly, or on sel followed by
// selectionChanged. The window's chrome (menus, toolbar, status line, title,
// file dialogs) stays in ui, which owns the session and keeps it current.
type session struct {
	// win is the main window, the parent of a part's dialogs.
	win fyne.Window
	doc *model.Document
	cat *risk.Catalog

	// result is the latest assessment of doc.Project; nil when the engine
	// failed (the error is in resultErr).
	result    *risk.Result
	resultErr error
	zoneIndex map[model.ID]*risk.ZoneResult
	problems  []model.Problem

	sel selection
	// refreshing is set while the window refreshes its parts: widgets
	// updated in code (tree selection, property fields) must not feed
	// their change back as an edit or a selection.
	refreshing bool
	// afterSelect refreshes the window after a change of selection, and
	// reveal brings an object into view on the canvas; both set by the
	// window.
	afterSelect func()
	reveal      func(ref)
	// onKey handles the window's plain keys (F1, F5, Escape) that a
	// focused field hands on (keyEntry); set by the window.
	onKey func(*fyne.KeyEvent)
	// marks are the canvas marks of the open comparison (File ▸ Compare
	// with…); nil when none is open.
	marks *changeMarks
}

// do applies an edit through the document; a refused edit is shown.
func (s *session) do(c model.Command) bool {
	if err := s.doc.Do(c); err != nil {
		s.showError(err)
		return false
	}
	return true
}

func (s *session) showError(err error) {
	slog.Warn("zonewise", "err", err)
	dialog.ShowError(localError(err), s.win)
}

// localError is err in the interface language where the model has its
// sentence as a catalogue message (a malformed project file names object
// and field in German too); any other error as it is.
func localError(err error) error {
	if t := model.ErrorIn(err, msgs); t != err.Error() {
		return errors.New(t)
	}
	return err
}

// showInfo shows a message that is not an error of the program.
func (s *session) showInfo(title, msg string) { dialog.ShowInformation(title, msg, s.win) }

// selectOnly makes r the only selected object.
func (s *session) selectOnly(r ref) {
	s.sel.set(r)
	s.selectionChanged()
}

// goTo selects r and brings it into view (a tree row, a problem, a link).
func (s *session) goTo(r ref) {
	s.selectOnly(r)
	if s.reveal != nil {
		s.reveal(r)
	}
}

// selectionChanged tells the window that the selection has changed: every
// part follows it.
func (s *session) selectionChanged() {
	if s.afterSelect != nil {
		s.afterSelect()
	}
}

// zoneResult returns the latest assessment of a zone, or nil.
func (s *session) zoneResult(id model.ID) *risk.ZoneResult { return s.zoneIndex[id] }

// indexResult maps zone IDs to their results: the canvas looks up every
// zone on every refresh.
func (s *session) indexResult() {
	clear(s.zoneIndex)
	if s.result == nil {
		return
	}
	for i := range s.result.Zones {
		s.zoneIndex[s.result.Zones[i].ZoneID] = &s.result.Zones[i]
	}
}

// conduitResult returns the latest assessment of a conduit, or nil.
func (s *session) conduitResult(id model.ID) *risk.ConduitResult {
	if s.result == nil {
		return nil
	}
	return s.result.Conduit(id)
}

// assetResult returns the latest assessment of an asset, or nil.
func (s *session) assetResult(id model.ID) *risk.AssetResult {
	if s.result == nil {
		return nil
	}
	return s.result.Asset(id)
}

// scenarioResult returns the latest assessment of a scenario, or nil.
func (s *session) scenarioResult(id model.ID) *risk.ScenarioResult {
	if s.result == nil {
		return nil
	}
	return s.result.Scenario(id)
}

// measureName is the library name of a countermeasure, or its ID.
func (s *session) measureName(id string) string {
	if s.cat != nil {
		if m, ok := s.cat.Measure(id); ok {
			return m.Name
		}
	}
	return id
}
