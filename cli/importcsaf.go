package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"zonewise/importer"
	"zonewise/model"
)

// csafReport is the --json output of import csaf (documented in README.md).
type csafReport struct {
	Kind      string `json:"kind"`
	File      string `json:"file"`
	Project   string `json:"project"`
	DryRun    bool   `json:"dryRun"`
	Written   bool   `json:"written"`
	New       int    `json:"new"`
	Changed   int    `json:"changed"`
	Unchanged int    `json:"unchanged"`
	Withdrawn int    `json:"withdrawn"`
	importer.CSAFPlan
	SkippedFiles []string `json:"skippedFiles"`
}

// importCSAF reads a CSAF advisory or a folder of them, matches the
// affected products against the project's assets and updates the
// vulnerability register: new entries, changed ones, withdrawn ones. The
// project is saved once, atomically, unless --dry-run or nothing changes.
func importCSAF(e *env, path, into string, dry, asJSON bool) int {
	advs, skipped, err := importer.ReadCSAFPath(path)
	if err != nil {
		return e.errorf("%v", err)
	}
	if !dry {
		lock, err := model.AcquireLock(into)
		if err != nil {
			var le *model.LockedError
			if errors.As(err, &le) {
				return e.errorf("%s is open in Zonewise (%s): close it there first, so that the import is not overwritten when it saves", into, le.Holder)
			}
			return e.errorf("%v", err)
		}
		defer lock.Release()
	}
	p, err := model.Load(into)
	if err != nil {
		return e.errorf("%v", err)
	}
	pl := importer.PlanCSAF(p, advs)
	n := pl.Counts()
	rep := csafReport{Kind: "csaf", File: path, Project: into, DryRun: dry, CSAFPlan: pl, SkippedFiles: skipped,
		New: n[importer.AdvisoryNew], Changed: n[importer.AdvisoryChanged], Unchanged: n[importer.AdvisoryUnchanged], Withdrawn: n[importer.AdvisoryWithdrawn]}
	if rep.SkippedFiles == nil {
		rep.SkippedFiles = []string{}
	}
	if !dry && rep.New+rep.Changed+rep.Withdrawn > 0 {
		importer.ApplyCSAF(p, pl)
		if err := model.Save(into, p); err != nil {
			return e.errorf("%s: save: %v", into, err)
		}
		rep.Written = true
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return e.errorf("%v", err)
		}
		return ExitOK
	}
	for _, a := range rep.Advisories {
		w := ""
		if a.Withdrawn {
			w = ", withdrawn"
		}
		fmt.Fprintf(e.stdout, "%s: advisory %s version %s%s: %d products, %d vulnerabilities\n", a.File, a.ID, a.Version, w, a.Products, a.Vulnerabilities)
	}
	for _, f := range rep.SkippedFiles {
		fmt.Fprintf(e.stdout, "%s: not a CSAF advisory, skipped\n", f)
	}
	for _, s := range rep.Steps {
		line := fmt.Sprintf("%-9s %s %s %q", s.Action, s.Advisory, s.Identifier, s.Title)
		if len(s.Assets) > 0 {
			line += ": " + quoteAll(s.Assets)
		}
		if len(s.Changes) > 0 {
			line += " (" + strings.Join(s.Changes, ", ") + ")"
		}
		if s.Reason != "" {
			line += ": " + s.Reason
		}
		fmt.Fprintln(e.stdout, line)
	}
	for _, nt := range rep.Notes {
		fmt.Fprintf(e.stdout, "note: %s: %s: %s\n", nt.Kind, nt.File, nt.Message)
	}
	tail := ""
	switch {
	case rep.DryRun:
		tail = " (dry run: nothing written)"
	case !rep.Written:
		tail = " (nothing to write)"
	}
	fmt.Fprintf(e.stdout, "%s: %d new, %d changed, %d unchanged, %d withdrawn, %d note(s)%s\n",
		into, rep.New, rep.Changed, rep.Unchanged, rep.Withdrawn, len(rep.Notes), tail)
	return ExitOK
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
