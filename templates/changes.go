package templates

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"zonewise/changes"
	"zonewise/i18n"
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

	src  *changesSource // nil for an annex not built by NewChanges
	lang i18n.Lang      // the language of the text above
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

// NewChanges builds the annex in English from a diff of old (the earlier
// revision, named by since when it has no revision label of its own) to the
// current project. SetChanges writes it again in the document's language.
func NewChanges(old *model.Project, since string, r *changes.Report) *ChangesData {
	c := &ChangesData{src: &changesSource{revision: old.Revision, date: old.Date, since: since, report: r}}
	c.fill(i18n.For(i18n.EN))
	return c
}

// changesSource is what the annex was built from, so that it can be
// written again in another language.
type changesSource struct {
	revision, date, since string
	report                *changes.Report
}

// in returns the annex written in language l (c itself when it already is,
// or when it was not built by NewChanges).
func (c *ChangesData) in(l i18n.Lang) *ChangesData {
	if c == nil || c.src == nil || c.lang == l {
		return c
	}
	out := &ChangesData{src: c.src}
	out.fill(i18n.For(l))
	return out
}

// fill writes the annex's text from its source in catalogue cat's language.
func (c *ChangesData) fill(cat *i18n.Catalog) {
	src, r := c.src, c.src.report
	c.lang = cat.Lang()
	c.Since, c.Objects, c.Assessment = Text(src.since), nil, nil
	if src.revision != "" {
		key, date := "doc.changes.revision", src.date
		if date != "" {
			key = "doc.changes.revisionOf"
			date = localDate(cat, date)
		}
		c.Since = Text(cat.T(key, map[string]string{"Revision": src.revision, "Date": date}))
	}
	kind := func(k string) Text {
		if key := "doc.changes.kind." + strings.ReplaceAll(k, " ", "-"); cat.Has(key) {
			return Text(cat.T(key))
		}
		return Text(k)
	}
	for _, a := range r.Added {
		c.Objects = append(c.Objects, ChangeRow{Kind: kind(a.Kind), Name: Text(a.Name), Change: Text(cat.T("doc.changes.added"))})
	}
	for _, a := range r.Removed {
		c.Objects = append(c.Objects, ChangeRow{Kind: kind(a.Kind), Name: Text(a.Name), Change: Text(cat.T("doc.changes.removed"))})
	}
	for _, ch := range r.Changed {
		var parts []string
		if ch.OldName != "" {
			parts = append(parts, cat.T("doc.changes.renamed", map[string]string{"Name": ch.OldName}))
		}
		var fields []string
		for _, f := range ch.Fields {
			if f.Field == "name" {
				continue
			}
			fields = append(fields, f.Field)
		}
		if len(fields) > 0 {
			parts = append(parts, cat.T("doc.changes.fields", map[string]string{"Fields": shortList(cat, fields, 6)}))
		}
		c.Objects = append(c.Objects, ChangeRow{Kind: kind(ch.Kind), Name: Text(ch.Name), Change: Text(strings.Join(parts, "; "))})
	}
	for _, a := range r.Assessment {
		var what string
		switch {
		case a.Measure == "proposal" && a.Old == "":
			what = cat.T("doc.changes.newProposal", map[string]string{"Measure": a.New})
		case a.Measure == "proposal":
			what = cat.T("doc.changes.proposalGone", map[string]string{"Measure": a.Old})
		default:
			label := a.Measure
			if id, ok := levelLabels[a.Measure]; ok {
				label = id
			} else if key := "doc.changes.measure." + a.Measure; cat.Has(key) {
				label = cat.T(key)
			}
			what = fmt.Sprintf("%s %s → %s", label, a.Old, a.New)
		}
		c.Assessment = append(c.Assessment, ChangeRow{Kind: kind(a.Kind), Name: Text(a.Name), Change: Text(what)})
	}
	c.Summary = Text(summary(cat, r))
}

// levelLabels name the security level results by their identifiers, the
// same in every language.
var levelLabels = map[string]string{"slT": "SL-T", "slA": "SL-A"}

// summary counts the changes: "2 objects added, 1 removed and 5 changed;
// 7 assessment results changed."
func summary(cat *i18n.Catalog, r *changes.Report) string {
	if r.Empty() {
		return cat.T("doc.changes.none")
	}
	return cat.T("doc.changes.summary", map[string]string{
		"Added": strconv.Itoa(len(r.Added)), "Removed": strconv.Itoa(len(r.Removed)),
		"Changed": strconv.Itoa(len(r.Changed)), "Assessment": strconv.Itoa(len(r.Assessment))})
}

func shortList(cat *i18n.Catalog, s []string, n int) string {
	if len(s) <= n {
		return strings.Join(s, ", ")
	}
	return cat.T("doc.changes.more", map[string]string{"List": strings.Join(s[:n], ", "), "N": strconv.Itoa(len(s) - n)})
}

// revisionRows is the revision history table: the project's recorded
// history, then the current revision. When the current revision has no
// recorded line and a "changes since" annex exists, its summary describes
// the current revision.
func revisionRows(cat *i18n.Catalog, p *model.Project, ch *ChangesData) []RevisionRow {
	var rows []RevisionRow
	current := false
	for _, e := range p.RevisionHistory {
		rows = append(rows, RevisionRow{Text(e.Revision), Text(e.Date), Text(e.Author), Text(e.Description)})
		current = current || (e.Revision != "" && e.Revision == p.Revision)
	}
	if !current && p.Revision != "" {
		desc := Text("")
		if ch != nil {
			desc = Text(cat.T("doc.changes.revisionLine", map[string]string{"Since": string(ch.Since), "Summary": string(ch.Summary)}))
		}
		rows = append(rows, RevisionRow{Text(p.Revision), Text(p.Date), Text(p.Author), desc})
	}
	return rows
}

// SetChanges attaches a "changes since" annex and refreshes the revision
// history table, whose current line it describes.
func (d *Data) SetChanges(p *model.Project, c *ChangesData) {
	l := cmp.Or(d.Lang, i18n.EN)
	c = c.in(l)
	d.Changes = c
	d.Revisions = revisionRows(i18n.For(l), p, c)
}
