package app

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"zonewise/changes"
	"zonewise/model"
	"zonewise/vault"
)

func TestAnEncryptedProjectSavesAndAutosavesEncrypted(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "plant"+vault.FileExt)
	k, err := vault.NewKey("workshop passphrase")
	if err != nil {
		t.Fatal(err)
	}
	u.setKey(u.doc, k)
	u.saveTo(path, nil)
	u.addZone()
	u.recovery.dir = filepath.Join(dir, "recovery")
	u.autosave()
	files := []string{path, u.recovery.pathFor(path)}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !vault.IsEncrypted(data) {
			t.Errorf("%s is not encrypted", filepath.Base(f))
		}
		for _, z := range u.doc.Project.Zones {
			if bytes.Contains(data, []byte(z.Name)) {
				t.Errorf("%s holds zone name %q in clear", filepath.Base(f), z.Name)
			}
		}
	}
	// The recovery copy opens with the session's key, without asking.
	if _, _, err := vault.Load(files[1], u.keyOf(), nil); err != nil {
		t.Errorf("recovery copy does not open with the project's key: %v", err)
	}
}

func TestResolvingAMergeConflictIsOneUndoableEditPerClick(t *testing.T) {
	u := newTestUI(t)
	p := u.doc.Project
	base := model.CloneProject(p)
	ours := model.CloneProject(p)
	theirs := model.CloneProject(p)
	ours.Zones[0].Name = "Ours"
	theirs.Zones[0].Name = "Theirs"
	merged, conflicts, err := changes.Merge(base, ours, theirs)
	if err != nil || len(conflicts) != 1 {
		t.Fatalf("merge: %v, %d conflicts", err, len(conflicts))
	}
	u.do(&replaceProject{after: merged, label: "merge"})
	u.resolveConflictsDialog()
	top := u.win.Canvas().Overlays().Top()
	b := findButton(top, "Take theirs")
	if b == nil {
		t.Fatal("no Take theirs button in the conflicts dialog")
	}
	test.Tap(b)
	id := ours.Zones[0].ID
	if u.doc.Project.Zone(id).Name != "Theirs" || len(u.doc.Project.MergeConflicts) != 0 {
		t.Fatalf("after Take theirs: name %q, %d conflicts", u.doc.Project.Zone(id).Name, len(u.doc.Project.MergeConflicts))
	}
	u.undo()
	if u.doc.Project.Zone(id).Name != "Ours" || len(u.doc.Project.MergeConflicts) != 1 {
		t.Errorf("undo did not bring the conflict back")
	}
}
