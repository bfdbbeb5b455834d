package model

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"zonewise/internal/testtool"
)

// unwritableProject saves the sample into a folder in which no new file can
// be created, not even by root (CI runs as root, and root ignores folder
// permissions), and returns the project's path, its bytes and how the
// refused write shows in an error:
//   - not root: the folder is made read-only (mode 0555);
//   - root: the folder is made immutable (chattr +i), which binds root too;
//   - root where the file system has no immutable flag: the project is saved
//     on a small tmpfs that is then remounted read-only.
//
// Where none of these is possible the test is skipped, or fails under CI.
func unwritableProject(t *testing.T) (path string, old []byte, refused func(error) bool) {
	t.Helper()
	permission := func(err error) bool { return errors.Is(err, os.ErrPermission) }
	if os.Geteuid() != 0 {
		path, old = savedProject(t)
		dir := filepath.Dir(path)
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return path, old, permission
	}
	if chattr, err := exec.LookPath("chattr"); err == nil {
		path, old = savedProject(t)
		dir := filepath.Dir(path)
		if exec.Command(chattr, "+i", dir).Run() == nil {
			t.Cleanup(func() { exec.Command(chattr, "-i", dir).Run() })
			t.Log("root: the folder is immutable (chattr +i)")
			return path, old, permission
		}
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=4m"); err == nil {
		t.Cleanup(func() { syscall.Unmount(dir, 0) })
		path = filepath.Join(dir, "p.zonewise.json")
		if err := Save(path, Sample()); err != nil {
			t.Fatal(err)
		}
		old, _ = os.ReadFile(path)
		if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, "size=4m"); err != nil {
			t.Fatalf("remount the tmpfs read-only: %v", err)
		}
		t.Log("root: the project is on a tmpfs remounted read-only")
		return path, old, func(err error) bool { return errors.Is(err, syscall.EROFS) }
	}
	if testtool.InCI() {
		t.Fatal("running as root, and neither chattr +i nor a tmpfs mount is possible: cannot make a folder root may not write to")
	}
	t.Skip("running as root, and neither chattr +i nor a tmpfs mount is possible")
	return "", nil, nil
}
