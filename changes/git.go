package changes

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// GitShow returns file's content at rev, through the git command of the
// work tree file is in.
func GitShow(rev, file string) ([]byte, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(abs)
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, fmt.Errorf("git:%s: git is not installed", rev)
	}
	top, err := runGit(git, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("git:%s: %s is not in a git work tree: %w", rev, file, err)
	}
	// Resolve symlinks on both sides so the relative path is right on
	// systems where the temp or home folder is a link.
	realTop, _ := filepath.EvalSymlinks(strings.TrimSpace(string(top)))
	realAbs, _ := filepath.EvalSymlinks(abs)
	rel, err := filepath.Rel(realTop, realAbs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil, fmt.Errorf("git:%s: %s is outside the work tree %s", rev, file, realTop)
	}
	out, err := runGit(git, dir, "show", rev+":"+filepath.ToSlash(rel))
	if err != nil {
		return nil, fmt.Errorf("git:%s: %s at that revision: %w", rev, rel, err)
	}
	return out, nil
}

func runGit(git, dir string, args ...string) ([]byte, error) {
	cmd := exec.Command(git, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, errors.New(strings.TrimSpace(stderr.String()))
		}
		return nil, err
	}
	return out, nil
}
