package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// The file and folder dialogs are Fyne's own: these tests open each one
// for real on the test driver (a dialog that crashes on Show, as one
// resized before Show does in Fyne 2.8.1, fails them) and press its
// buttons. .ci/smoke.sh does the same in a real window with the keyboard.

// fileDialogFiles is the grid of files of the open file dialog.
func fileDialogFiles(t *testing.T, u *ui) *widget.GridWrap {
	t.Helper()
	var grid *widget.GridWrap
	walk(topDialog(t, u), func(o fyne.CanvasObject) bool {
		grid, _ = o.(*widget.GridWrap)
		return grid != nil
	})
	if grid == nil {
		t.Fatal("the open dialog shows no grid of files")
	}
	return grid
}

// savedTo saves u's document to a new file in a temporary folder.
func savedTo(t *testing.T, u *ui, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	u.saveTo(path, nil)
	if u.doc.Path != path || u.doc.Dirty() {
		t.Fatalf("saving to %s failed", path)
	}
	return path
}

func TestEveryFileDialogOpensAndCancelsWithoutChangingTheProject(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(u *ui)
	}{
		{"File ▸ Open… (Ctrl+O)", func(u *ui) { u.openDialog() }},
		{"File ▸ Save as… (Ctrl+Shift+S)", func(u *ui) { u.saveAsDialog(nil) }},
		{"File ▸ Save (Ctrl+S) of a project never saved", func(u *ui) {
			u.setDocument(newUnsavedDocument(testPlant()))
			u.save(nil)
		}},
		{"File ▸ Export sample…", func(u *ui) { u.exportSample() }},
		{"Documents ▸ Export to folder…", func(u *ui) { viewOf[*documentsView](t, u).onExport() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t)
			path := savedTo(t, u, "plant"+model.FileExt)
			dir := filepath.Dir(path)
			before := saved(t, u.doc.Project)
			doc := u.doc

			tc.open(u)
			test.Tap(dialogButton(t, u, "Cancel"))

			if top := u.win.Canvas().Overlays().Top(); top != nil && top.Visible() {
				t.Error("the dialog is still open after Cancel")
			}
			if u.doc == doc && string(saved(t, u.doc.Project)) != string(before) {
				t.Error("cancelling the dialog changed the project")
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if n := e.Name(); n != "plant"+model.FileExt && n != "plant"+model.FileExt+".lock" {
					t.Errorf("cancelling the dialog left %s in the folder", n)
				}
			}
		})
	}
}

func TestSaveAsDialogWritesTheTypedName(t *testing.T) {
	u := newTestUI(t)
	path := savedTo(t, u, "plant"+model.FileExt)
	u.saveAsDialog(nil)
	entries := dialogEntries(t, u)
	if len(entries) != 1 {
		t.Fatalf("the save dialog has %d entries, want the file name only", len(entries))
	}
	entries[0].SetText("copy" + model.FileExt)
	test.Tap(dialogButton(t, u, "Save"))

	want := filepath.Join(filepath.Dir(path), "copy"+model.FileExt)
	if u.doc.Path != want {
		t.Errorf("the project is now %q, want %q (the dialog starts in the project's folder)", u.doc.Path, want)
	}
	if _, err := model.Load(want); err != nil {
		t.Errorf("the file the dialog saved does not load: %v", err)
	}
}

func TestDiscardChangesRemovesTheRecoveryCopyOnlyOnceAnotherProjectIsOpen(t *testing.T) {
	u := newTestUI(t)
	// In one folder, sorted as the dialog lists them: (Parent), other, plant.
	path := savedTo(t, u, "plant"+model.FileExt)
	other := filepath.Join(filepath.Dir(path), "other"+model.FileExt)
	if err := model.Save(other, model.New("Other plant")); err != nil {
		t.Fatal(err)
	}
	edit(u.session, model.StableID("a-plc"), "name", func(a *model.Asset) { a.Name = "PLC renamed, then discarded" })
	u.autosave()
	rec := u.recovery.pathFor(path)
	if _, err := os.Stat(rec); err != nil {
		t.Fatalf("no recovery copy after autosave: %v", err)
	}

	// Ctrl+O, Discard changes, then Cancel in the open dialog: the work
	// is still there, on screen and in the recovery copy.
	u.openDialog()
	test.Tap(dialogButton(t, u, "Discard changes"))
	test.Tap(dialogButton(t, u, "Cancel"))
	if u.doc.Path != path || !u.doc.Dirty() {
		t.Fatalf("cancelling the open dialog replaced or cleaned the project (path %q, dirty %v)", u.doc.Path, u.doc.Dirty())
	}
	if got := u.doc.Project.Asset(model.StableID("a-plc")).Name; got != "PLC renamed, then discarded" {
		t.Errorf("cancelling the open dialog lost the edit: name %q", got)
	}
	if _, err := os.Stat(rec); err != nil {
		t.Errorf("cancelling the open dialog after Discard changes removed the recovery copy: %v", err)
	}

	// Ctrl+O, Discard changes, pick other and Open: now the copy goes.
	u.openDialog()
	test.Tap(dialogButton(t, u, "Discard changes"))
	fileDialogFiles(t, u).Select(1)
	test.Tap(dialogButton(t, u, "Open"))
	if u.doc.Path != other {
		t.Fatalf("the open project is %q, want %q", u.doc.Path, other)
	}
	if _, err := os.Stat(rec); !os.IsNotExist(err) {
		t.Errorf("the discarded recovery copy is still there once another project is open (%v)", err)
	}
	p, err := model.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Asset(model.StableID("a-plc")).Name; got == "PLC renamed, then discarded" {
		t.Error("the discarded edit reached the project file")
	}
}

func TestDiscardChangesThenAFailedOpenKeepsTheRecoveryCopy(t *testing.T) {
	u := newTestUI(t)
	path := savedTo(t, u, "plant"+model.FileExt)
	broken := filepath.Join(filepath.Dir(path), "broken"+model.FileExt)
	if err := os.WriteFile(broken, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(u.session, model.StableID("a-plc"), "name", func(a *model.Asset) { a.Name = "PLC changed" })
	u.autosave()
	rec := u.recovery.pathFor(path)

	u.openDialog()
	test.Tap(dialogButton(t, u, "Discard changes"))
	fileDialogFiles(t, u).Select(1) // (Parent), broken, plant
	test.Tap(dialogButton(t, u, "Open"))

	if u.doc.Path != path {
		t.Fatalf("a file that does not open replaced the project: now %q", u.doc.Path)
	}
	if _, err := os.Stat(rec); err != nil {
		t.Errorf("a failed open after Discard changes removed the recovery copy: %v", err)
	}
}
