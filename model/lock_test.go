package model

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeLock(t *testing.T, path string, info LockInfo) {
	t.Helper()
	data, _ := json.Marshal(info)
	if err := os.WriteFile(path+LockExt, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// deadPID returns the pid of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestLock(t *testing.T) {
	host, _ := os.Hostname()
	now := time.Now().UTC().Format(time.RFC3339)
	project := func(t *testing.T) string { return filepath.Join(t.TempDir(), "p.zonewise.json") }

	t.Run("acquiring a free project writes pid, host and time", func(t *testing.T) {
		path := project(t)
		l, err := AcquireLock(path)
		if err != nil {
			t.Fatal(err)
		}
		info, held, err := ReadLock(path)
		if err != nil || !held || info.PID != os.Getpid() || info.Host != host || info.Time == "" {
			t.Fatalf("lock file says %+v, held %v, err %v", info, held, err)
		}
		if err := l.Release(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(path + LockExt); !errors.Is(err, os.ErrNotExist) {
			t.Error("Release left the lock file")
		}
	})
	t.Run("a lock held by a live process names the holder", func(t *testing.T) {
		path := project(t)
		writeLock(t, path, LockInfo{PID: os.Getppid(), Host: host, User: "kbrandt", Time: now})
		_, err := AcquireLock(path)
		var le *LockedError
		if !errors.As(err, &le) {
			t.Fatalf("got %v, want a LockedError", err)
		}
		msg := err.Error()
		for _, want := range []string{path, "already open", "kbrandt", host} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q lacks %q", msg, want)
			}
		}
	})
	t.Run("a lock from another host is respected", func(t *testing.T) {
		path := project(t)
		writeLock(t, path, LockInfo{PID: 1, Host: "other-laptop", Time: now})
		var le *LockedError
		if _, err := AcquireLock(path); !errors.As(err, &le) || le.Holder.Host != "other-laptop" {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("a stale lock of a dead process is taken over", func(t *testing.T) {
		path := project(t)
		writeLock(t, path, LockInfo{PID: deadPID(t), Host: host, Time: now})
		l, err := AcquireLock(path)
		if err != nil {
			t.Fatal(err)
		}
		if info, _, _ := ReadLock(path); info.PID != os.Getpid() {
			t.Errorf("lock now says pid %d", info.PID)
		}
		l.Release()
	})
	t.Run("a lock with this process's own pid is taken over", func(t *testing.T) {
		path := project(t)
		writeLock(t, path, LockInfo{PID: os.Getpid(), Host: host, Time: "2020-01-01T00:00:00Z"})
		if _, err := AcquireLock(path); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("a fresh unreadable lock counts as held", func(t *testing.T) {
		path := project(t)
		os.WriteFile(path+LockExt, []byte("{garb"), 0o644)
		var le *LockedError
		if _, err := AcquireLock(path); !errors.As(err, &le) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("an old unreadable lock is taken over", func(t *testing.T) {
		path := project(t)
		os.WriteFile(path+LockExt, nil, 0o644)
		old := time.Now().Add(-2 * time.Minute)
		os.Chtimes(path+LockExt, old, old)
		if _, err := AcquireLock(path); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("release leaves a lock that someone else took over", func(t *testing.T) {
		path := project(t)
		l, err := AcquireLock(path)
		if err != nil {
			t.Fatal(err)
		}
		writeLock(t, path, LockInfo{PID: os.Getppid(), Host: host, Time: now})
		l.Release()
		if _, held, _ := ReadLock(path); !held {
			t.Error("Release removed another process's lock")
		}
		if err := BreakLock(path); err != nil {
			t.Fatal(err)
		}
		if _, held, _ := ReadLock(path); held {
			t.Error("BreakLock left the lock")
		}
	})
	t.Run("a lock in a missing folder is an error naming the project", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "gone", "p.zonewise.json")
		if _, err := AcquireLock(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("got %v", err)
		}
	})
}
