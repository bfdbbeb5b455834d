package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"zonewise/model"
	"zonewise/vault"
)

// gitPrefix marks a revision given as a git revision ("git:HEAD~1",
// "git:v1.0") of a project file in a git work tree.
const gitPrefix = "git:"

// loadRevision loads a project revision: a file path, or "git:REV" for the
// content of file (a project in a git work tree) at git revision REV.
func loadRevision(spec, file string) (*model.Project, error) {
	rev, ok := strings.CutPrefix(spec, gitPrefix)
	if !ok {
		return loadProject(spec)
	}
	if rev == "" {
		return nil, fmt.Errorf("%q: want git:REV, such as git:HEAD~1 or git:v1.0", spec)
	}
	data, err := gitShow(rev, file)
	if err != nil {
		return nil, err
	}
	label := spec + ":" + filepath.Base(file)
	known := make([]*vault.Key, 0, len(keys))
	for _, k := range keys {
		known = append(known, k)
	}
	p, k, err := vault.Read(label, data, nil, askPassphrase, known...)
	if err != nil {
		return nil, err
	}
	if k != nil {
		keys[label] = k
	}
	return p, nil
}

// gitShow returns file's content at rev, through the git command of the
// work tree file is in.
func gitShow(rev, file string) ([]byte, error) {
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

// fileExists reports whether path names an existing file.
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}
