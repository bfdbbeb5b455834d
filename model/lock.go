package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// LockExt is appended to a project's path to name its lock file.
const LockExt = ".lock"

// LockInfo is the content of a lock file: who holds the project open.
type LockInfo struct {
	PID  int    `json:"pid"`
	Host string `json:"host"`
	User string `json:"user,omitempty"`
	// Time is when the lock was taken, RFC 3339 UTC.
	Time string `json:"time"`
}

// String describes the holder for messages: "pid 4242 of kbrandt on host
// plant-laptop since 2026-11-26T14:03:00Z".
func (i LockInfo) String() string {
	who := fmt.Sprintf("pid %d", i.PID)
	if i.User != "" {
		who += " of " + i.User
	}
	return fmt.Sprintf("%s on host %s since %s", who, i.Host, i.Time)
}

// LockedError is returned by AcquireLock when another live Zonewise holds
// the project. The GUI can show Holder and offer BreakLock.
type LockedError struct {
	Path   string // the project file
	Holder LockInfo
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is already open in another Zonewise (%s); close it there, or open a copy", e.Path, e.Holder)
}

// Lock is a held project lock; Release it when the project is closed.
type Lock struct {
	path string // the lock file
	info LockInfo
}

// Path returns the lock file's path.
func (l *Lock) Path() string { return l.path }

// Info returns what the lock file says.
func (l *Lock) Info() LockInfo { return l.info }

// AcquireLock takes the lock of the project at path by creating path + ".lock"
// exclusively, holding this process's pid, host name and the time. If the
// file exists and names a live process (or one on another host, which cannot
// be checked), it returns a *LockedError naming the holder. A stale lock — a
// process on this host that no longer runs, this process itself (pids repeat
// after a crash, especially in containers), or an unreadable lock file older
// than a minute — is taken over.
func AcquireLock(path string) (*Lock, error) {
	host, _ := os.Hostname()
	info := LockInfo{PID: os.Getpid(), Host: host, User: currentUser(), Time: time.Now().UTC().Format(time.RFC3339)}
	lockPath := path + LockExt
	for attempt := 0; attempt < 3; attempt++ {
		err := createLockFile(lockPath, info)
		if err == nil {
			return &Lock{path: lockPath, info: info}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		holder, stale, err := inspectLock(lockPath, host)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if !stale {
			return nil, &LockedError{Path: path, Holder: holder}
		}
		// Take over: remove the stale file and try to create ours again. If
		// another process wins the race, the next attempt sees its live lock.
		if err := os.Remove(lockPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("lock %s: remove stale lock: %w", path, err)
		}
	}
	return nil, fmt.Errorf("lock %s: the lock file keeps changing; another Zonewise is opening the project", path)
}

func createLockFile(lockPath string, info LockInfo) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	data, _ := json.Marshal(info)
	_, err = f.Write(append(data, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(lockPath)
	}
	return err
}

// inspectLock reads a lock file and decides whether it is stale.
func inspectLock(lockPath, host string) (LockInfo, bool, error) {
	var info LockInfo
	data, err := os.ReadFile(lockPath)
	if errors.Is(err, fs.ErrNotExist) {
		return info, true, nil // released meanwhile: try again
	}
	if err != nil {
		return info, false, err
	}
	if json.Unmarshal(data, &info) != nil || info.PID <= 0 {
		// Being written right now, or garbage left by a crash.
		st, err := os.Stat(lockPath)
		if err != nil {
			return info, true, nil
		}
		info = LockInfo{Host: "unknown", Time: st.ModTime().UTC().Format(time.RFC3339)}
		return info, time.Since(st.ModTime()) > time.Minute, nil
	}
	if info.Host != host {
		return info, false, nil
	}
	if info.PID == os.Getpid() {
		return info, true, nil
	}
	return info, !processAlive(info.PID), nil
}

// Release removes the lock file if it is still ours.
func (l *Lock) Release() error {
	if l == nil {
		return nil
	}
	data, err := os.ReadFile(l.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("release lock: %w", err)
	}
	var now LockInfo
	if json.Unmarshal(data, &now) != nil || now != l.info {
		return nil // taken over by someone else: not ours to remove
	}
	if err := os.Remove(l.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("release lock: %w", err)
	}
	return nil
}

// ReadLock reports who holds the project at path, if anyone.
func ReadLock(path string) (LockInfo, bool, error) {
	data, err := os.ReadFile(path + LockExt)
	if errors.Is(err, fs.ErrNotExist) {
		return LockInfo{}, false, nil
	}
	if err != nil {
		return LockInfo{}, false, err
	}
	var info LockInfo
	if err := json.Unmarshal(data, &info); err != nil {
		return LockInfo{}, true, fmt.Errorf("%s%s: unreadable lock file: %w", path, LockExt, err)
	}
	return info, true, nil
}

// BreakLock removes the lock of the project at path, for "open anyway" after
// the user has been warned.
func BreakLock(path string) error {
	if err := os.Remove(path + LockExt); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("break lock of %s: %w", path, err)
	}
	return nil
}

func currentUser() string {
	for _, k := range []string{"USER", "USERNAME", "LOGNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}
