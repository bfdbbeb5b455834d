package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"zonewise/model"
)

// holdLock writes the lock file a running GUI holds on path: this host, and
// the pid of a live process other than this one (the test runner that started
// this test binary).
func holdLock(t *testing.T, path string) model.LockInfo {
	t.Helper()
	host, _ := os.Hostname()
	info := model.LockInfo{PID: os.Getppid(), Host: host, User: "kbrandt", Time: "2026-11-26T14:03:00Z"}
	data, _ := json.Marshal(info)
	if err := os.WriteFile(path+model.LockExt, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return info
}

func TestProjectWritersRespectTheLock(t *testing.T) {
	commands := []struct {
		name string
		args []string
	}{
		{"sample -o", []string{"sample", "-o"}},
		{"generate -o", []string{"generate", "--zones", "2", "--assets", "3", "-o"}},
	}
	for _, c := range commands {
		t.Run(c.name+" refuses a project another Zonewise holds, naming the file and the holder", func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "plant.zonewise.json")
			old := []byte(`{"open": "in the GUI"}`)
			os.WriteFile(path, old, 0o644)
			holder := holdLock(t, path)
			code, _, stderr := run(t, append(c.args, path)...)
			if code != ExitInput {
				t.Errorf("exit %d, want %d", code, ExitInput)
			}
			for _, want := range []string{path, "pid " + strconv.Itoa(holder.PID), "kbrandt", holder.Host} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr %q does not name %q", stderr, want)
				}
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
				t.Error("the held project was overwritten")
			}
			if info, held, _ := model.ReadLock(path); !held || info != holder {
				t.Errorf("the holder's lock changed: %+v, held %v", info, held)
			}
		})
		t.Run(c.name+" takes over a stale lock and leaves none behind", func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "plant.zonewise.json")
			host, _ := os.Hostname()
			data, _ := json.Marshal(model.LockInfo{PID: os.Getpid(), Host: host, Time: "2026-11-26T14:03:00Z"})
			os.WriteFile(path+model.LockExt, data, 0o644) // our own pid: a crashed earlier run
			if code, _, stderr := run(t, append(c.args, path)...); code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if _, err := model.Load(path); err != nil {
				t.Errorf("the written project does not load: %v", err)
			}
			if _, err := os.Stat(path + model.LockExt); !os.IsNotExist(err) {
				t.Errorf("a lock file is left behind: %v", err)
			}
		})
		t.Run(c.name+" writes an unlocked project and leaves no lock file", func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "plant.zonewise.json")
			if code, _, stderr := run(t, append(c.args, path)...); code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if _, err := os.Stat(path + model.LockExt); !os.IsNotExist(err) {
				t.Errorf("a lock file is left behind: %v", err)
			}
		})
	}
}
