package model

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// failingFile wraps a real temporary file and fails like a full disk after
// limit bytes, or on Sync.
type failingFile struct {
	*os.File
	limit     int
	written   int
	failSync  bool
	failWrite error
}

func (f *failingFile) Write(b []byte) (int, error) {
	if f.written+len(b) > f.limit {
		n := max(f.limit-f.written, 0)
		f.File.Write(b[:n])
		f.written += n
		return n, f.failWrite
	}
	f.written += len(b)
	return f.File.Write(b)
}

func (f *failingFile) Sync() error {
	if f.failSync {
		return syscall.EIO
	}
	return f.File.Sync()
}

// withFailingTemp makes temporary files whose name contains match fail.
func withFailingTemp(t *testing.T, match string, mk func(*os.File) tempFile) {
	t.Helper()
	orig := createTemp
	t.Cleanup(func() { createTemp = orig })
	createTemp = func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil || !strings.Contains(pattern, match) {
			return f, err
		}
		return mk(f), nil
	}
}

func savedProject(t *testing.T) (path string, old []byte) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "p.zonewise.json")
	if err := Save(path, Sample()); err != nil {
		t.Fatal(err)
	}
	old, _ = os.ReadFile(path)
	return path, old
}

func changedSample() *Project {
	p := Sample()
	p.Revision = "9.9"
	return p
}

func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	if temps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*")); len(temps) > 0 {
		t.Errorf("temporary files left behind: %v", temps)
	}
}

func TestSaveFailures(t *testing.T) {
	t.Run("a full disk fails clearly and overwrites nothing", func(t *testing.T) {
		path, old := savedProject(t)
		withFailingTemp(t, "p.zonewise.json.tmp", func(f *os.File) tempFile {
			return &failingFile{File: f, limit: 4096, failWrite: syscall.ENOSPC}
		})
		err := Save(path, changedSample())
		if err == nil || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), path) {
			t.Fatalf("got %v, want ENOSPC naming %s", err, path)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
			t.Error("the project file changed")
		}
		noTempFiles(t, filepath.Dir(path))
	})
	t.Run("a failing fsync fails clearly and overwrites nothing", func(t *testing.T) {
		path, old := savedProject(t)
		withFailingTemp(t, "p.zonewise.json.tmp", func(f *os.File) tempFile {
			return &failingFile{File: f, limit: 1 << 30, failSync: true}
		})
		if err := Save(path, changedSample()); !errors.Is(err, syscall.EIO) {
			t.Fatalf("got %v", err)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
			t.Error("the project file changed")
		}
		noTempFiles(t, filepath.Dir(path))
	})
	t.Run("a backup that cannot be written stops the save", func(t *testing.T) {
		path, old := savedProject(t)
		withFailingTemp(t, ".bak.tmp", func(f *os.File) tempFile {
			return &failingFile{File: f, limit: 10, failWrite: syscall.ENOSPC}
		})
		err := Save(path, changedSample())
		if err == nil || !strings.Contains(err.Error(), "backup") {
			t.Fatalf("got %v", err)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
			t.Error("the project file changed")
		}
	})
	t.Run("a folder no one may write to fails clearly and overwrites nothing", func(t *testing.T) {
		path, old, refused := unwritableProject(t)
		err := Save(path, changedSample())
		if err == nil || !refused(err) || !strings.Contains(err.Error(), path) {
			t.Fatalf("got %v", err)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
			t.Error("the project file changed")
		}
	})
	t.Run("a folder that is a file fails clearly", func(t *testing.T) {
		dir := t.TempDir()
		blocker := filepath.Join(dir, "not-a-folder")
		os.WriteFile(blocker, []byte("x"), 0o644)
		path := filepath.Join(blocker, "p.zonewise.json")
		if err := Save(path, Sample()); err == nil || !strings.Contains(err.Error(), path) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("a file deleted while open is written again", func(t *testing.T) {
		path, _ := savedProject(t)
		d, err := OpenDocument(path)
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(path)
		os.Remove(path + ".bak")
		if err := d.Save(); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(path); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("a folder deleted while open keeps the project in memory and dirty", func(t *testing.T) {
		path, _ := savedProject(t)
		d, err := OpenDocument(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Do(moveSIS(d.Project, 77, "bounds")); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(filepath.Dir(path))
		err = d.Save()
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Fatalf("got %v", err)
		}
		if !d.Dirty() || d.Path != path || zoneX(d.Project) != 77 {
			t.Errorf("after the failed save: dirty %v, path %q, x %g", d.Dirty(), d.Path, zoneX(d.Project))
		}
	})
	t.Run("a save keeps the previous version as .bak", func(t *testing.T) {
		path, old := savedProject(t)
		if err := Save(path, changedSample()); err != nil {
			t.Fatal(err)
		}
		if bak, _ := os.ReadFile(path + ".bak"); !bytes.Equal(bak, old) {
			t.Error(".bak is not the previous version")
		}
	})
}

func TestSaveRemovesOldTemporaryFiles(t *testing.T) {
	path, _ := savedProject(t)
	dir := filepath.Dir(path)
	old := filepath.Join(dir, ".p.zonewise.json.tmp-123")
	fresh := filepath.Join(dir, ".p.zonewise.json.tmp-456")
	other := filepath.Join(dir, ".other.json.tmp-789")
	for _, f := range []string{old, fresh, other} {
		os.WriteFile(f, []byte("partial"), 0o644)
	}
	long := time.Now().Add(-2 * staleTempAge)
	os.Chtimes(old, long, long)
	os.Chtimes(other, long, long)
	if err := Save(path, Sample()); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]bool{old: false, fresh: true, other: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(f), err == nil, want)
		}
	}
}
