package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/risk"
	"zonewise/vault"
)

// settings wraps the Fyne preferences Zonewise keeps.
type settings struct{ p fyne.Preferences }

const (
	prefRecent     = "recentFiles"
	prefGuideShown = "guideShown"
	prefTheme      = "theme"
	prefAuthor     = "decisionAuthor"
	maxRecent      = 8
)

func (s *settings) recent() []string { return s.p.StringList(prefRecent) }

// addRecent puts path first in the recent files.
func (s *settings) addRecent(path string) {
	if path == "" {
		return
	}
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	list := slices.DeleteFunc(s.recent(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	s.p.SetStringList(prefRecent, list)
}

// openStartup opens path, else the last project, else the sample plant.
// It returns the error to show once the window is up (never fatal).
func (u *ui) openStartup(path string) error {
	var startErr error
	if path == "" {
		if r := u.prefs.recent(); len(r) > 0 && isEncryptedFile(r[0]) {
			path = r[0]
		}
	}
	if path != "" && isEncryptedFile(path) {
		// The passphrase is asked once the window is up (afterShow).
		u.pendingEncrypted = path
		u.setDocument(newUnsavedDocument(startSample()))
		return nil
	}
	if path != "" {
		doc, err := u.readStartup(path)
		if err == nil {
			u.prefs.addRecent(path)
			u.setDocument(doc)
			return nil
		}
		startErr = fmt.Errorf("%w\n\n%s", err, tr("file.sampleShownInstead"))
	} else if r := u.prefs.recent(); len(r) > 0 {
		if doc, err := u.readStartup(r[0]); err == nil {
			u.setDocument(doc)
			return nil
		}
		// the last project moved or broke: the sample opens silently
	}
	u.setDocument(newUnsavedDocument(startSample()))
	return startErr
}

// prefetch is a project file being read, decoded and then assessed off
// the UI goroutine.
type prefetch struct {
	path string
	done chan struct{}
	doc  *model.Document
	err  error
	// assessed is closed once a (doc's assessment with cat) is ready;
	// never when the file could not be read.
	assessed chan struct{}
	cat      *risk.Catalog
	a        assessment
}

// prefetchDocument starts reading the project the window will open at
// start-up (path, else the last project; not an encrypted one, whose
// passphrase is asked first), or returns nil.
func prefetchDocument(path string, s *settings) *prefetch {
	if path == "" {
		if r := s.recent(); len(r) > 0 {
			path = r[0]
		}
	}
	if path == "" || isEncryptedFile(path) {
		return nil
	}
	f := &prefetch{path: path, done: make(chan struct{}), assessed: make(chan struct{})}
	go func() {
		f.doc, f.err = model.OpenDocument(path)
		close(f.done)
		if f.err != nil {
			return
		}
		// The assessment follows while the window is still being built:
		// nothing can change the project before setDocument, which takes
		// this result (ahead) instead of assessing again.
		if cat, err := risk.Builtin(); err == nil {
			f.cat = cat.Localized(msgs.Lang())
		}
		f.a = runAssessment(f.doc.Project, f.cat)
		close(f.assessed)
	}()
	return f
}

// assessingAhead returns the start-up prefetch that assesses doc, or nil
// when there is none (another document). Its catalogue is known only once
// it has assessed: wait for assessed, then compare cat (another catalogue
// or language means assessing again).
func (u *ui) assessingAhead(doc *model.Document) *prefetch {
	f := u.ahead
	u.ahead = nil
	if f == nil || f.doc != doc {
		return nil
	}
	return f
}

// readStartup opens path for openStartup, taking the prefetched document
// when it is that file.
func (u *ui) readStartup(path string) (*model.Document, error) {
	if f := u.prefetched; f != nil && f.path == path {
		u.prefetched = nil
		<-f.done
		if f.err == nil {
			u.ahead = f
		}
		return f.doc, f.err
	}
	return model.OpenDocument(path)
}

// newUnsavedDocument opens p with no file, clean until the first edit: the
// sample plant or a new project asks to be saved only once it was changed.
func newUnsavedDocument(p *model.Project) *model.Document {
	d := model.NewDocument(p, "")
	d.History().MarkSaved()
	return d
}

// afterShow runs once the window is visible: a startup error, the offer to
// restore a recovery file, the first-run guide, the screenshot tab.
func (u *ui) afterShow(startErr error) {
	u.win.Canvas().Focus(u.canvas) // Delete, F5 and the arrows work at once
	if startErr != nil {
		dialog.ShowError(localError(startErr), u.win)
	}
	// ZONEWISE_NO_GUIDE=1 and ZONEWISE_VIEW=<view key> are for
	// make screenshots: no first-run guide, and the window on one view.
	if !u.prefs.p.Bool(prefGuideShown) && os.Getenv("ZONEWISE_NO_GUIDE") == "" {
		u.guide.show()
	}
	if v := os.Getenv("ZONEWISE_VIEW"); v != "" {
		u.selectView(v)
	}
	if os.Getenv("ZONEWISE_PRESENTATION") != "" {
		u.setPresentation(true)
	}
	if p := u.pendingEncrypted; p != "" {
		u.pendingEncrypted = ""
		u.openPath(p)
		return
	}
	u.offerRecovery()
}

// confirmDiscard runs next at once when the document is clean; otherwise
// it asks to save, discard or cancel (Cancel does not run next).
func (u *ui) confirmDiscard(next func()) {
	if !u.doc.Dirty() {
		next()
		return
	}
	var d dialog.Dialog
	save := widget.NewButton(tr("common.save"), func() {
		d.Hide()
		u.save(next)
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton(tr("file.discard"), func() {
		d.Hide()
		// The recovery copy goes only once the replacement is open (or the
		// window closes): a cancelled Open dialog must not lose the work.
		u.discarded = u.doc
		next()
	})
	discard.Importance = widget.DangerImportance
	cancel := widget.NewButton(tr("common.cancel"), func() { d.Hide() })
	msg := widget.NewLabel(tr("file.unsaved", map[string]string{"Name": orUntitled(u.doc.Project.Name)}))
	d = dialog.NewCustomWithoutButtons(tr("file.unsavedTitle"), container.NewVBox(msg, container.NewHBox(save, discard, cancel)), u.win)
	d.Show()
}

// onCloseRequested is the window's close intercept and File ▸ Quit.
func (u *ui) onCloseRequested() {
	u.confirmDiscard(func() {
		u.recovery.stop()
		if !u.doc.Dirty() || u.discarded == u.doc {
			u.recovery.remove(u.doc.Path)
		}
		u.unlockDocument()
		u.saveWindowSize()
		u.win.Close()
	})
}

func (u *ui) newProject() {
	u.confirmDiscard(func() {
		p := model.New(tr("file.newProject"))
		p.Actors = standardActors()
		u.setDocument(newUnsavedDocument(p))
		u.selectOnly(ref{Kind: kindProject})
	})
}

// fileDialogSize is the size file and folder dialogs open at (smaller on a
// smaller window: Fyne fits a dialog into its parent).
var fileDialogSize = fyne.NewSize(900, 600)

// showFileDialog shows a file or folder dialog at fileDialogSize. Fyne builds
// a file dialog's content in Show, so it can only be resized after Show:
// resizing first dereferences the content that is not there yet.
func showFileDialog(d *dialog.FileDialog) {
	d.Show()
	d.Resize(fileDialogSize)
}

func projectFilter() storage.FileFilter {
	return storage.NewExtensionFileFilter([]string{".json", ".age"})
}

func (u *ui) openDialog() {
	u.confirmDiscard(func() {
		d := newFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if r == nil {
				u.discarded = nil // cancelled: the changes stay, and so does their recovery copy
				return
			}
			path := r.URI().Path()
			r.Close()
			u.openPath(path)
		}, u.win)
		d.SetFilter(projectFilter())
		if dir := u.docDir(); dir != nil {
			d.SetLocation(dir)
		}
		showFileDialog(d)
	})
}

// openPath opens a project file, reporting failure in a dialog.
func (u *ui) openPath(path string) {
	if isEncryptedFile(path) {
		u.openEncrypted(path, u.opened)
		return
	}
	doc, err := model.OpenDocument(path)
	if err != nil {
		u.showError(err)
		return
	}
	u.opened(doc)
}

// opened makes doc, just read from its file, the open document.
func (u *ui) opened(doc *model.Document) {
	path := doc.Path
	u.prefs.addRecent(path)
	u.setDocument(doc)
	u.refreshMenu()
	u.offerRecovery()
}

func (u *ui) docDir() fyne.ListableURI {
	if u.doc.Path == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(u.doc.Path)))
	if err != nil {
		return nil
	}
	return l
}

// save writes the document to its file (Save as… when it has none) and
// runs then afterwards on success.
func (u *ui) save(then func()) {
	if u.doc.Path == "" {
		u.saveAsDialog(then)
		return
	}
	u.saveTo(u.doc.Path, then)
}

func (u *ui) saveTo(path string, then func()) {
	if !u.lockForSave(path, func() { u.saveTo(path, then) }) {
		return
	}
	old := u.doc.Path
	if err := u.doc.SaveAs(path); err != nil {
		u.showError(err)
		u.lockDocument() // back to the lock of the file still open
		return
	}
	u.recovery.remove(old)
	u.recovery.remove(path)
	u.lockDocument() // Save as… moves the lock to the new file
	u.prefs.addRecent(path)
	u.refreshMenu()
	if then != nil {
		then()
	}
}

func (u *ui) saveAsDialog(then func()) {
	d := newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if st, err := os.Stat(path); err == nil && st.Size() == 0 {
			os.Remove(path) // the dialog created it empty: no empty .bak
		}
		if !strings.HasSuffix(path, ".json") && !strings.HasSuffix(path, ".age") {
			path += model.FileExt
		}
		if strings.HasSuffix(path, vault.FileExt) && u.keyOf() == nil {
			// Saving as an encrypted project file: set its passphrase first.
			doc := u.doc
			u.askPassphrase(tr("crypt.set.title"), tr("crypt.set.message"), true, func(pass string) {
				u.busy(tr("crypt.busy.key"), func() (func(), error) {
					k, err := vault.NewKey(pass)
					if err != nil {
						return nil, err
					}
					return func() {
						u.setKey(doc, k)
						u.saveTo(path, then)
					}, nil
				}, u.showError)
			})
			return
		}
		u.saveTo(path, then)
	}, u.win)
	d.SetFilter(projectFilter())
	d.SetFileName(fileNameFor(u.doc.Project.Name))
	if dir := u.docDir(); dir != nil {
		d.SetLocation(dir)
	}
	showFileDialog(d)
}

// fileNameFor suggests a file name for a project name.
func fileNameFor(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		name = "project"
	}
	return name + model.FileExt
}

// exportSample writes the built-in sample plant to a file of the user's choice.
func (u *ui) exportSample() {
	d := newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			if err != nil {
				u.showError(err)
			}
			return
		}
		path := w.URI().Path()
		w.Close()
		os.Remove(path)
		if err := model.Save(path, startSample()); err != nil {
			u.showError(err)
			return
		}
		u.showInfo(tr("file.sampleExportedTitle"), tr("file.sampleExported", map[string]string{"Path": path}))
	}, u.win)
	d.SetFilter(projectFilter())
	d.SetFileName("sample-plant" + model.FileExt)
	showFileDialog(d)
}
