package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	// the recovery copy says by its name that it is encrypted
	files := []string{path, u.recovery.fileFor(path, true)}
	if !strings.HasSuffix(files[1], vault.FileExt) {
		t.Errorf("recovery copy %s, want a name ending in %s", files[1], vault.FileExt)
	}
	if _, err := os.Stat(u.recovery.pathFor(path)); !os.IsNotExist(err) {
		t.Errorf("a recovery copy named %s exists (%v); want only the encrypted name", filepath.Base(u.recovery.pathFor(path)), err)
	}
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

// A recovery copy follows the project: plain while the project is plain,
// encrypted (and so named) once it is encrypted, the plain one then gone;
// an encrypted copy an older Zonewise left under the plain name is still
// found and opened with the project's key.
func TestEncryptedRecoveryCopyNameAndOldName(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	u.recovery.dir = filepath.Join(dir, "recovery")
	path := filepath.Join(dir, "plant"+model.FileExt)
	u.saveTo(path, nil)
	u.addZone()
	u.autosave()
	plain, enc := u.recovery.fileFor(path, false), u.recovery.fileFor(path, true)
	if _, err := os.Stat(plain); err != nil {
		t.Fatalf("plain project: no plain recovery copy: %v", err)
	}
	k, err := vault.NewKey("workshop passphrase")
	if err != nil {
		t.Fatal(err)
	}
	u.setKey(u.doc, k)
	u.addZone()
	u.autosave()
	if _, err := os.Stat(enc); err != nil {
		t.Fatalf("encrypted project: no recovery copy named %s: %v", filepath.Base(enc), err)
	}
	if _, err := os.Stat(plain); !os.IsNotExist(err) {
		t.Errorf("the plain copy %s is left beside the encrypted one (%v)", filepath.Base(plain), err)
	}
	if f, _, ok := u.recovery.pending(path); !ok || f != enc {
		t.Errorf("pending = %q, %v; want %s", f, ok, enc)
	}
	// an encrypted copy under the old, plain name
	if err := os.Rename(enc, plain); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(plain, future, future); err != nil {
		t.Fatal(err)
	}
	f, _, ok := u.recovery.pending(path)
	if !ok || f != plain {
		t.Fatalf("pending = %q, %v; want the old name %s", f, ok, plain)
	}
	if _, _, err := vault.Load(f, u.keyOf(), nil); err != nil {
		t.Errorf("the encrypted copy under the old name does not open: %v", err)
	}
	u.recovery.remove(path)
	for _, f := range []string{plain, enc} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s left after remove (%v)", filepath.Base(f), err)
		}
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
