package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

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
