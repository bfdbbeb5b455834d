package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"zonewise/changes"
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
	data, err := changes.GitShow(rev, file)
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
