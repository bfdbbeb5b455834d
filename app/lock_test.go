package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"zonewise/model"
)

func TestProjectLock(t *testing.T) {
	t.Run("opening a project takes its lock and closing releases it", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
		if err := model.Save(path, testPlant()); err != nil {
			t.Fatal(err)
		}
		u := newBareUI(t)
		u.openStartup(path)
		if _, err := os.Stat(path + model.LockExt); err != nil {
			t.Fatalf("no lock file while the project is open: %v", err)
		}
		u.unlockDocument()
		if _, err := os.Stat(path + model.LockExt); !os.IsNotExist(err) {
			t.Fatalf("lock file left after closing: %v", err)
		}
	})

	t.Run("a project held by another live Zonewise opens with a warning that can take the lock over", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
		if err := model.Save(path, testPlant()); err != nil {
			t.Fatal(err)
		}
		host, _ := os.Hostname()
		// pid 1 always runs: the lock looks held by a live process.
		held, _ := json.Marshal(model.LockInfo{PID: 1, Host: host, User: "other", Time: time.Now().UTC().Format(time.RFC3339)})
		if err := os.WriteFile(path+model.LockExt, held, 0o644); err != nil {
			t.Fatal(err)
		}
		u := newBareUI(t)
		u.openStartup(path)
		if u.doc.Path != path {
			t.Fatalf("the project did not open: path %q", u.doc.Path)
		}
		if u.lock != nil {
			t.Fatal("took a lock that another process holds")
		}
		top := u.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no warning shown")
		}
		yes := findButton(top, "Yes")
		if yes == nil {
			t.Fatal("the warning offers no way to take the lock over")
		}
		yes.OnTapped()
		if u.lock == nil {
			t.Fatal("taking the lock over did not take it")
		}
		data, _ := os.ReadFile(path + model.LockExt)
		var info model.LockInfo
		if err := json.Unmarshal(data, &info); err != nil || info.PID != os.Getpid() {
			t.Fatalf("lock file after take-over = %s, want this process", data)
		}
	})
}

// heldByOther writes a lock file for path as another live Zonewise would.
func heldByOther(t *testing.T, path string) {
	t.Helper()
	host, _ := os.Hostname()
	// pid 1 always runs: the lock looks held by a live process.
	held, _ := json.Marshal(model.LockInfo{PID: 1, Host: host, User: "other", Time: time.Now().UTC().Format(time.RFC3339)})
	if err := os.WriteFile(path+model.LockExt, held, 0o644); err != nil {
		t.Fatal(err)
	}
}

func lockPID(t *testing.T, path string) int {
	t.Helper()
	info, ok, err := model.ReadLock(path)
	if err != nil || !ok {
		return 0
	}
	return info.PID
}

func TestSavingMovesAndRespectsTheLock(t *testing.T) {
	t.Run("save as moves the lock to the new file", func(t *testing.T) {
		u := newTestUI(t)
		first := savedPath(t, u)
		second := filepath.Join(t.TempDir(), "copy"+model.FileExt)
		u.saveTo(second, nil)
		if _, err := os.Stat(first + model.LockExt); !os.IsNotExist(err) {
			t.Errorf("the first file's lock is still there: %v", err)
		}
		if pid := lockPID(t, second); pid != os.Getpid() {
			t.Errorf("the new file's lock holder is pid %d, want this process", pid)
		}
	})

	for _, tc := range []struct {
		button    string
		wantSaved bool
	}{{"Cancel", false}, {"Save anyway", true}} {
		t.Run("saving onto a file another Zonewise holds asks first: "+tc.button, func(t *testing.T) {
			u := newTestUI(t)
			savedPath(t, u)
			other := filepath.Join(t.TempDir(), "theirs"+model.FileExt)
			theirs := testPlant()
			theirs.Name = "Their plant"
			if err := model.Save(other, theirs); err != nil {
				t.Fatal(err)
			}
			heldByOther(t, other)
			u.saveTo(other, nil)
			if p, _ := model.Load(other); p.Name != "Their plant" {
				t.Fatal("the file was overwritten before the question")
			}
			top := u.win.Canvas().Overlays().Top()
			if top == nil || findButton(top, tc.button) == nil {
				t.Fatalf("no question with a %q button", tc.button)
			}
			test.Tap(findButton(top, tc.button))
			p, _ := model.Load(other)
			if saved := p.Name != "Their plant"; saved != tc.wantSaved {
				t.Errorf("file overwritten %v, want %v", saved, tc.wantSaved)
			}
			wantPID := 1
			if tc.wantSaved {
				wantPID = os.Getpid()
			}
			if pid := lockPID(t, other); pid != wantPID {
				t.Errorf("lock holder pid %d, want %d", pid, wantPID)
			}
		})
	}

	t.Run("save of a project opened while held elsewhere asks too", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
		if err := model.Save(path, testPlant()); err != nil {
			t.Fatal(err)
		}
		heldByOther(t, path)
		u := newBareUI(t)
		u.openPath(path)
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			top.Hide() // the open warning: decline the take-over
			u.win.Canvas().Overlays().Remove(top)
		}
		renameCell(u, "Mine")
		u.save(nil)
		if p, _ := model.Load(path); p.Zone(cell).Name != "Cell 1" {
			t.Error("Save overwrote a file another Zonewise holds without asking")
		}
		if top := u.win.Canvas().Overlays().Top(); top == nil || findButton(top, "Save anyway") == nil {
			t.Error("no question before saving")
		}
	})
}
