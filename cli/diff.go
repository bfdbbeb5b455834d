package cli

import (
	"encoding/json"
	"fmt"
	"io"

	"zonewise/changes"
	"zonewise/risk"
)

// runDiff implements `zonewise diff OLD NEW [--json]`: the semantic
// difference of two project revisions by object ID. OLD may be git:REV for
// NEW's content at a git revision.
func runDiff(e *env, args []string) int {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print the difference as JSON")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		return e.usagef("want OLD and NEW, got %d arguments", len(pos))
	}
	oldP, err := loadRevision(pos[0], pos[1])
	if err != nil {
		return e.errorf("%v", err)
	}
	newP, err := loadProject(pos[1])
	if err != nil {
		return e.errorf("%v", err)
	}
	cat, err := risk.Builtin()
	if err != nil {
		return e.errorf("%v", err)
	}
	r, err := changes.Diff(oldP, newP)
	if err != nil {
		return e.errorf("%v", err)
	}
	changes.DiffAssessment(r, oldP, newP, cat)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return e.errorf("write: %v", err)
		}
		return ExitOK
	}
	writeDiff(e.stdout, r)
	return ExitOK
}

// writeDiff prints a report for a terminal: a summary line, then one line
// per added (+), removed (-) and changed (~) object with its changed fields
// indented, then the assessment changes.
func writeDiff(w io.Writer, r *changes.Report) {
	if r.Empty() {
		fmt.Fprintln(w, "no differences")
		return
	}
	fmt.Fprintf(w, "%d added, %d removed, %d changed; %d assessment changes\n",
		len(r.Added), len(r.Removed), len(r.Changed), len(r.Assessment))
	for _, a := range r.Added {
		fmt.Fprintf(w, "+ %s\n", refText(a))
	}
	for _, a := range r.Removed {
		fmt.Fprintf(w, "- %s\n", refText(a))
	}
	for _, c := range r.Changed {
		line := "~ " + refText(c.Ref)
		if c.OldName != "" {
			line += fmt.Sprintf(", renamed from %q", c.OldName)
		}
		fmt.Fprintln(w, line)
		for _, f := range c.Fields {
			if f.Field == "name" && c.OldName != "" {
				continue
			}
			fmt.Fprintf(w, "    %s: %s → %s\n", f.Field, changes.Show(f.Old), changes.Show(f.New))
		}
	}
	if len(r.Assessment) > 0 {
		fmt.Fprintln(w, "assessment:")
	}
	for _, a := range r.Assessment {
		switch {
		case a.Measure == "proposal" && a.Old == "":
			fmt.Fprintf(w, "  %s: proposal added: %s\n", refText(a.Ref), a.New)
		case a.Measure == "proposal":
			fmt.Fprintf(w, "  %s: proposal gone: %s\n", refText(a.Ref), a.Old)
		default:
			fmt.Fprintf(w, "  %s: %s %s → %s\n", refText(a.Ref), measureLabel[a.Measure], a.Old, a.New)
		}
	}
}

var measureLabel = map[string]string{
	"slT": "SL-T", "slA": "SL-A", "gaps": "gaps",
	"currentResidual": "current residual risk", "targetResidual": "target residual risk",
}

func refText(r changes.Ref) string {
	if r.ID == "" {
		return fmt.Sprintf("%s %q", r.Kind, r.Name)
	}
	return fmt.Sprintf("%s %q (%s)", r.Kind, r.Name, r.ID.Short())
}
