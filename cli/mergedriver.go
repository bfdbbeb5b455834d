package cli

import (
	"fmt"

	"zonewise/changes"
	"zonewise/model"
	"zonewise/vault"
)

// runMergeDriver implements `zonewise merge-driver BASE OURS THEIRS`, git's
// merge driver for project files (%O %A %B). It merges by object ID and
// field and writes the result over OURS, as git expects: always a valid
// project (never conflict markers). Conflicts are recorded in the project,
// listed on stderr, and make the exit code 1 so that git reports the file as
// conflicted; the GUI lists them for resolution.
func runMergeDriver(e *env, args []string) int {
	fs := e.newFlags()
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 3 {
		return e.usagef("want BASE OURS THEIRS (git's %%O %%A %%B), got %d arguments", len(pos))
	}
	ours := pos[1]
	var ps [3]*model.Project
	for i, path := range pos {
		p, err := loadProject(path)
		if err != nil {
			return e.errorf("%v", err)
		}
		ps[i] = p
	}
	merged, conflicts, err := changes.Merge(ps[0], ps[1], ps[2])
	if err != nil {
		return e.errorf("merge %s: %v", ours, err)
	}
	// The result replaces OURS, encrypted as OURS was.
	data, err := vault.Marshal(merged, keys[ours])
	if err != nil {
		return e.errorf("merge %s: %v", ours, err)
	}
	if err := model.WriteFileAtomic(ours, data, false); err != nil {
		return e.errorf("%v", err)
	}
	if len(conflicts) == 0 {
		return ExitOK
	}
	for _, c := range conflicts {
		fmt.Fprintf(e.stderr, "zonewise merge-driver: conflict: %s\n", conflictText(c))
	}
	return e.errorf("%d conflict(s) recorded in the project; open it in Zonewise to choose (View ▸ Problems), then commit", len(conflicts))
}

func conflictText(c model.MergeConflict) string {
	ref := refText(changes.Ref{Kind: c.Kind, ID: c.ObjectID, Name: c.Object})
	switch c.Reason {
	case model.ConflictDeletedByOurs:
		return ref + ": deleted by ours, edited by theirs (kept)"
	case model.ConflictDeletedByTheirs:
		return ref + ": deleted by theirs, edited by ours (kept)"
	}
	return fmt.Sprintf("%s: %s: ours %s, theirs %s (ours kept)", ref, c.Field, changes.Show(c.Ours), changes.Show(c.Theirs))
}
