package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"zonewise/model"
)

func TestAutosaveTickerWritesTheRecoveryFile(t *testing.T) {
	wait := pumpUI(t)
	u := newTestUI(t)
	path := savedPath(t, u)
	u.recovery.every = time.Millisecond // the interval is not what is tested
	u.recovery.start(u)
	renameCell(u, "Autosaved by the ticker")
	rec := u.recovery.pathFor(path)
	wait("the recovery file", func() bool {
		p, err := model.Load(rec)
		return err == nil && p.Zone(cell).Name == "Autosaved by the ticker"
	})
	if p, _ := model.Load(path); p.Zone(cell).Name != "Cell 1" {
		t.Error("the autosave wrote the project file itself")
	}
}

// crashedWith saves the test plant at a new path and leaves data as its
// recovery file, newer than the project file, as a crash would.
func crashedWith(t *testing.T, u *ui, data []byte) (path, rec string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "plant"+model.FileExt)
	if err := model.Save(path, testPlant()); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old)
	rec = u.recovery.pathFor(path)
	os.MkdirAll(filepath.Dir(rec), 0o700)
	if err := os.WriteFile(rec, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, rec
}

func TestRecoveryDialog(t *testing.T) {
	renamed := testPlant()
	renamed.Zone(cell).Name = "Renamed before the crash"
	good, err := model.Marshal(renamed)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("discarding keeps the saved project and removes the recovery file", func(t *testing.T) {
		u := newBareUI(t)
		path, rec := crashedWith(t, u, good)
		u.openPath(path)
		top := u.win.Canvas().Overlays().Top()
		if top == nil || findButton(top, "Discard them") == nil {
			t.Fatal("no restore question with a Discard button")
		}
		test.Tap(findButton(top, "Discard them"))
		if cellName(u) != "Cell 1" || u.doc.Dirty() {
			t.Errorf("after discarding: zone %q, dirty %v; want the saved Cell 1, clean", cellName(u), u.doc.Dirty())
		}
		if _, err := os.Stat(rec); !os.IsNotExist(err) {
			t.Errorf("recovery file still there after discarding: %v", err)
		}
	})

	t.Run("a recovery file of an older schema is migrated and restored", func(t *testing.T) {
		old, err := os.ReadFile(filepath.Join("..", "model", "testdata", "schema1.json"))
		if err != nil {
			t.Fatal(err)
		}
		u := newBareUI(t)
		path, _ := crashedWith(t, u, old)
		u.openPath(path)
		top := u.win.Canvas().Overlays().Top()
		if top == nil || findButton(top, "Restore") == nil {
			t.Fatal("the schema 1 recovery file is not offered")
		}
		test.Tap(findButton(top, "Restore"))
		if p := u.doc.Project; p.Name != "Kläranlage Süd (Zonewise 0.1)" || p.SchemaVersion != model.SchemaVersion {
			t.Errorf("restored %q schema %d, want the schema 1 plant at schema %d", p.Name, p.SchemaVersion, model.SchemaVersion)
		}
	})

	for _, tc := range []struct{ name, data string }{
		{"broken JSON", `{"schemaVersion": 2, "zones": [`},
		{"a newer schema", `{"schemaVersion": 99, "name": "from the future"}`},
	} {
		t.Run("a recovery file of "+tc.name+" is reported, kept, and the project opens", func(t *testing.T) {
			u := newBareUI(t)
			path, rec := crashedWith(t, u, []byte(tc.data))
			u.openPath(path)
			if u.doc.Path != path || cellName(u) != "Cell 1" {
				t.Fatalf("the project did not open as saved: %q", u.doc.Path)
			}
			if top := u.win.Canvas().Overlays().Top(); top != nil {
				t.Error("a dialog offers to restore what cannot be read")
			}
			if !strings.Contains(u.status.Text, "cannot be restored") {
				t.Errorf("status %q does not say the changes cannot be restored", u.status.Text)
			}
			if _, err := os.Stat(rec); err != nil {
				t.Errorf("the unreadable recovery file was removed: %v", err)
			}
		})
	}
}
