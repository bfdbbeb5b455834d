package templates

import (
	"fmt"
	"strings"

	"zonewise/changes"
	"zonewise/model"
)

// ChangesData is the "changes since" annex of a revision: what changed in
// the model and in the assessment since an earlier (approved) revision.
type ChangesData struct {
	// Since names the earlier revision: its revision label and date, or the
	// git revision it was read from.
	Since Text
	// Summary counts the changes in one sentence.
	Summary Text
	// Objects lists added, removed and changed objects.
	Objects []ChangeRow
	// Assessment lists changed SL-T, SL-A, gaps, residual risks and
	// proposals.
	Assessment []ChangeRow
}

// ChangeRow is one line of the annex.
type ChangeRow struct {
	Kind, Name Text
	// Change says what happened: "added", "removed", "renamed from X",
	// "SL-T 2,2,1,… → 3,2,1,…", the changed fields.
	Change Text
}

// RevisionRow is one line of the revision history table.
type RevisionRow struct {
	Revision, Date, Author, Description Text
}

// NewChanges builds the annex from a diff of old (the earlier revision,
// named by since when it has no revision label of its own) to the current
// project.
func NewChanges(old *model.Project, since string, r *changes.Report) *ChangesData {
	label := since
	if old.Revision != "" {
		label = "revision " + old.Revision
		if old.Date != "" {
			label += " (" + old.Date + ")"
		}
	}
	c := &ChangesData{Since: Text(label)}
	for _, a := range r.Added {
		c.Objects = append(c.Objects, ChangeRow{Kind: Text(a.Kind), Name: Text(a.Name), Change: "added"})
	}
	for _, a := range r.Removed {
		c.Objects = append(c.Objects, ChangeRow{Kind: Text(a.Kind), Name: Text(a.Name), Change: "removed"})
	}
	for _, ch := range r.Changed {
		var parts []string
		if ch.OldName != "" {
			parts = append(parts, fmt.Sprintf("renamed from %q", ch.OldName))
		}
		var fields []string
		for _, f := range ch.Fields {
			if f.Field == "name" {
				continue
			}
			fields = append(fields, f.Field)
		}
		if len(fields) > 0 {
			parts = append(parts, "changed: "+shortList(fields, 6))
		}
		c.Objects = append(c.Objects, ChangeRow{Kind: Text(ch.Kind), Name: Text(ch.Name), Change: Text(strings.Join(parts, "; "))})
	}
	for _, a := range r.Assessment {
		var what string
		switch {
		case a.Measure == "proposal" && a.Old == "":
			what = "new proposal: " + a.New
		case a.Measure == "proposal":
			what = "proposal no longer needed: " + a.Old
		default:
			what = fmt.Sprintf("%s %s → %s", measureLabels[a.Measure], a.Old, a.New)
		}
		c.Assessment = append(c.Assessment, ChangeRow{Kind: Text(a.Kind), Name: Text(a.Name), Change: Text(what)})
	}
	c.Summary = Text(summary(r))
	return c
}

var measureLabels = map[string]string{
	"slT": "SL-T", "slA": "SL-A", "gaps": "gaps",
	"currentResidual": "current residual risk", "targetResidual": "target residual risk",
}

// summary counts the changes: "2 added, 1 removed and 5 changed objects;
// 7 changed assessment results".
func summary(r *changes.Report) string {
	if r.Empty() {
		return "No changes."
	}
	return fmt.Sprintf("%d objects added, %d removed and %d changed; %d assessment results changed.",
		len(r.Added), len(r.Removed), len(r.Changed), len(r.Assessment))
}

func shortList(s []string, n int) string {
	if len(s) <= n {
		return strings.Join(s, ", ")
	}
	return strings.Join(s[:n], ", ") + fmt.Sprintf(" and %d more", len(s)-n)
}

// revisionRows is the revision history table: the project's recorded
// history, then the current revision. When the current revision has no
// recorded line and a "changes since" annex exists, its summary describes
// the current revision.
func revisionRows(p *model.Project, ch *ChangesData) []RevisionRow {
	var rows []RevisionRow
	current := false
	for _, e := range p.RevisionHistory {
		rows = append(rows, RevisionRow{Text(e.Revision), Text(e.Date), Text(e.Author), Text(e.Description)})
		current = current || (e.Revision != "" && e.Revision == p.Revision)
	}
	if !current && p.Revision != "" {
		desc := Text("")
		if ch != nil {
			desc = Text("Changes since " + string(ch.Since) + ": " + string(ch.Summary))
		}
		rows = append(rows, RevisionRow{Text(p.Revision), Text(p.Date), Text(p.Author), desc})
	}
	return rows
}

// SetChanges attaches a "changes since" annex and refreshes the revision
// history table, whose current line it describes.
func (d *Data) SetChanges(p *model.Project, c *ChangesData) {
	d.Changes = c
	d.Revisions = revisionRows(p, c)
}
