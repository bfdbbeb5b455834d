package app

import (
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"zonewise/importer"
	"zonewise/model"
)

// importSource describes one item of File ▸ Import: its menu label, the
// file extensions its dialog offers, and the title of its preview.
type importSource struct {
	kind  importKind
	label string
	exts  []string
}

func importSources() []importSource {
	return []importSource{
		{importInventory, "import.menu.inventory", []string{".csv", ".txt", ".xlsx", ".xlsm"}},
		{importNmap, "import.menu.nmap", []string{".xml"}},
		{importTraffic, "import.menu.traffic", []string{".pcap", ".pcapng", ".cap", ".log", ".json", ".csv"}},
		{importCSAF, "import.menu.csaf", []string{".json"}},
		{importCSAFFolder, "import.menu.csafFolder", nil},
		{importDrawio, "import.menu.drawio", []string{".drawio", ".xml"}},
		{importFirewall, "import.menu.firewall", nil},
	}
}

// importMenu is File ▸ Import: each source opens a file dialog, then the
// preview.
func (u *ui) importMenu() *fyne.MenuItem {
	m := fyne.NewMenuItem(tr("import.menu"), nil)
	var items []*fyne.MenuItem
	for _, s := range importSources() {
		items = append(items, fyne.NewMenuItem(tr(s.label), func() { u.chooseImport(s) }))
	}
	m.ChildMenu = fyne.NewMenu("", items...)
	return m
}

// chooseImport asks for the file (or folder) to import.
func (u *ui) chooseImport(s importSource) {
	if s.kind == importCSAFFolder {
		d := newFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if l != nil {
				u.startImport(s.kind, l.Path())
			}
		}, u.win)
		if dir := u.docDir(); dir != nil {
			d.SetLocation(dir)
		}
		showFileDialog(d)
		return
	}
	d := newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.startImport(s.kind, path)
	}, u.win)
	if s.exts != nil {
		d.SetFilter(storage.NewExtensionFileFilter(s.exts))
	}
	if dir := u.docDir(); dir != nil {
		d.SetLocation(dir)
	}
	showFileDialog(d)
}

// importWizard is the preview of one import: what will be added, updated,
// skipped and why, the column mapping of an inventory and the choice per
// matched record. Import applies it as one undoable command; Cancel
// imports nothing.
type importWizard struct {
	sess *session
	base *model.Project // the copy the plan was made against
	plan *importPlan

	summary *widget.Label
	rows    []previewRow
	list    *widget.List
	dlg     *dialog.ConfirmDialog
	// done is set when the preview was answered: true for Import.
	done, confirmed bool
}

// previewRow is one line of the preview; a matched record also offers its
// choice.
type previewRow struct {
	text   string
	source string // the record, for the choice; "" for no choice
	choice importer.Decision
	// suggestion is 1 + the index of a zone suggestion the user may apply.
	suggestion int
}

// setVisible shows or hides o and reports whether that changed anything.
func setVisible(o fyne.CanvasObject, on bool) bool {
	if o.Visible() == on {
		return false
	}
	if on {
		o.Show()
	} else {
		o.Hide()
	}
	return true
}

// startImport reads and plans the import off the UI goroutine, then shows
// the preview. The returned wizard is filled in when the preview shows.
func (u *ui) startImport(kind importKind, path string) *importWizard {
	w := &importWizard{sess: u.session, base: model.CloneProject(u.doc.Project)}
	background(func() (*importPlan, error) { return readImport(w.base, kind, path) }, func(pl *importPlan, err error) {
		if err != nil {
			w.done = true
			u.showError(err)
			return
		}
		w.plan = pl
		w.show()
	})
	return w
}

func (w *importWizard) show() {
	w.summary = widget.NewLabel("")
	w.summary.Wrapping = fyne.TextWrapWord
	choices := []string{tr("import.choice.update"), tr("import.choice.keep"), tr("import.choice.add")}
	decisions := []importer.Decision{importer.DecideUpdate, importer.DecideKeep, importer.DecideAdd}
	w.list = widget.NewList(
		func() int { return len(w.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewHBox(widget.NewSelect(choices, nil), widget.NewCheck(tr("import.suggestion.apply"), nil)), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(w.rows) {
				return
			}
			r := w.rows[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(r.text)
			left := c.Objects[1].(*fyne.Container)
			sel, check := left.Objects[0].(*widget.Select), left.Objects[1].(*widget.Check)
			sel.OnChanged, check.OnChanged = nil, nil
			if setVisible(sel, r.source != "") || setVisible(check, r.suggestion > 0) {
				c.Refresh() // lay the label out where a choice was or now is
			}
			switch {
			case r.source != "":
				sel.SetSelectedIndex(slices.Index(decisions, r.choice))
				sel.OnChanged = func(string) { w.choose(r.source, decisions[sel.SelectedIndex()]) }
			case r.suggestion > 0:
				check.SetChecked(w.plan.accepted[r.suggestion-1])
				check.OnChanged = func(on bool) { w.plan.accepted[r.suggestion-1] = on }
			}
		},
	)
	top := container.NewVBox(widget.NewLabelWithStyle(filepath.Base(w.plan.path), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), w.summary)
	if w.plan.kind == importInventory {
		top.Add(w.mappingForm())
	}
	w.fill()
	content := container.NewBorder(top, nil, nil, nil, w.list)
	w.dlg = dialog.NewCustomConfirm(tr(importTitle(w.plan.kind)), tr("import.confirm"), tr("common.cancel"), content, w.answer, w.sess.win)
	// A confirm dialog (unlike a file dialog) may be sized before Show,
	// which then centres it; sized after, it grows from where its minimum
	// size was centred, off the bottom of a 1366×768 screen.
	sz := w.sess.win.Canvas().Size()
	w.dlg.Resize(fyne.NewSize(min(sz.Width-40, 1100), min(sz.Height-40, 680)))
	w.dlg.Show()
}

func importTitle(k importKind) string {
	for _, s := range importSources() {
		if s.kind == k {
			return s.label + ".title"
		}
	}
	return "import.menu"
}

// mappingForm lets the user map each inventory column to a field; a change
// re-reads the file and plans again.
func (w *importWizard) mappingForm() fyne.CanvasObject {
	fields := importer.Fields()
	opts := []string{tr("import.column.notImported")}
	for _, f := range fields {
		if f != importer.FieldIgnore {
			opts = append(opts, string(f))
		}
	}
	grid := container.NewGridWithColumns(4)
	for _, c := range w.plan.columns {
		sel := widget.NewSelect(opts, nil)
		if c.Field == "" || c.Field == importer.FieldIgnore {
			sel.SetSelectedIndex(0)
		} else {
			sel.SetSelected(string(c.Field))
		}
		header := c.Header
		sel.OnChanged = func(s string) { w.mapColumn(header, s) }
		grid.Add(container.NewBorder(nil, nil, widget.NewLabel(truncateText(header, 18)), nil, sel))
	}
	scroll := container.NewVScroll(grid)
	scroll.SetMinSize(fyne.NewSize(0, 120))
	return container.NewVBox(widget.NewLabel(tr("import.column.heading")), scroll)
}

func truncateText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// mapColumn applies a new field for a column, reads the file again and
// re-plans.
func (w *importWizard) mapColumn(header, field string) {
	f := importer.Field(field)
	if field == tr("import.column.notImported") {
		f = importer.FieldIgnore
	}
	w.plan.overrides[header] = f
	if err := w.plan.readInventory(); err != nil {
		w.sess.showError(err)
		return
	}
	w.plan.plan(w.base)
	w.fill()
}

// choose records the choice for a matched record and re-plans.
func (w *importWizard) choose(source string, d importer.Decision) {
	w.plan.decisions[source] = d
	w.plan.plan(w.base)
	w.fill()
}

// fill computes the summary and rows from the plan.
func (w *importWizard) fill() {
	pl := w.plan
	w.rows = w.rows[:0]
	add := func(text string) { w.rows = append(w.rows, previewRow{text: text}) }
	switch pl.kind {
	case importInventory, importNmap:
		n := importer.Counts(pl.steps)
		w.summary.SetText(tr("import.summary.assets", map[string]any{"Added": n[importer.ActionAdd], "Updated": n[importer.ActionUpdate],
			"Kept": n[importer.ActionKeep], "Skipped": n[importer.ActionSkip]}))
		for _, st := range pl.steps {
			r := previewRow{text: stepText(st)}
			if st.MatchedBy != "" && st.Action != importer.ActionSkip {
				r.source, r.choice = st.Source, pl.decisions[st.Source]
				if r.choice == "" {
					r.choice = importer.DecideUpdate
				}
			}
			w.rows = append(w.rows, r)
		}
	case importCSAF, importCSAFFolder:
		n := pl.csaf.Counts()
		w.summary.SetText(tr("import.summary.csaf", map[string]any{"Advisories": len(pl.csaf.Advisories), "New": n[importer.AdvisoryNew],
			"Changed": n[importer.AdvisoryChanged], "Unchanged": n[importer.AdvisoryUnchanged], "Withdrawn": n[importer.AdvisoryWithdrawn], "Notes": len(pl.csaf.Notes)}))
		for _, st := range pl.csaf.Steps {
			detail := strings.Join(st.Assets, ", ")
			if len(st.Changes) > 0 {
				detail += " (" + strings.Join(st.Changes, ", ") + ")"
			}
			if st.Reason != "" {
				detail = st.Reason
			}
			add(tr("import.row.advisory", map[string]any{"Action": tr("import.action." + string(st.Action)), "ID": st.Identifier, "Advisory": st.Advisory, "Title": st.Title, "Detail": detail}))
		}
		for _, nt := range pl.csaf.Notes {
			add(tr("import.row.note", map[string]any{"Message": nt.Message}))
		}
		for _, f := range pl.skipped {
			add(tr("import.row.notAdvisory", map[string]any{"File": filepath.Base(f)}))
		}
	case importTraffic, importFirewall:
		e, wn, in := pl.record.Counts()
		if pl.kind == importTraffic {
			w.summary.SetText(tr("import.summary.traffic", map[string]any{"Flows": pl.record.Flows, "Warnings": wn, "Infos": in, "Suggestions": len(pl.suggestions)}))
		} else {
			w.summary.SetText(tr("import.summary.firewall", map[string]any{"Format": pl.record.Format, "Rules": pl.record.Rules, "Errors": e, "Warnings": wn}))
		}
		for _, in := range pl.inputs {
			if in.Truncated {
				add(tr("import.row.note", map[string]any{"Message": in.Note}))
			}
		}
		for _, f := range pl.record.Findings {
			add(tr("import.row.finding", map[string]any{"Severity": tr("import.severity." + f.Severity), "Rule": f.Rule, "Message": f.Message}))
		}
		for i, s := range pl.suggestions {
			key := "import.row.suggestionNew"
			if s.Zone != "" {
				key = "import.row.suggestionZone"
			}
			w.rows = append(w.rows, previewRow{suggestion: i + 1,
				text: tr(key, map[string]any{"Name": s.Name, "Basis": s.Basis, "Assets": len(s.Assets)})})
		}
	case importDrawio:
		c := pl.counts
		w.summary.SetText(tr("import.summary.drawio", map[string]any{"ZonesAdded": c.ZonesAdded, "ZonesUpdated": c.ZonesUpdated,
			"AssetsAdded": c.AssetsAdded, "AssetsUpdated": c.AssetsUpdated, "ConduitsAdded": c.ConduitsAdded, "ConduitsUpdated": c.ConduitsUpdated,
			"Notes": len(pl.drawing.Notes)}))
		for _, nt := range pl.drawing.Notes {
			key := "import.row.notMapped"
			if nt.Mapped {
				key = "import.row.check"
			}
			add(tr(key, map[string]any{"Element": nt.Element, "Label": nt.Label, "Message": nt.Message}))
		}
	}
	if len(w.rows) == 0 {
		add(tr("import.row.nothing"))
	}
	if w.list != nil {
		w.list.Refresh()
	}
}

// stepText is one record's line: what happens to it and why.
func stepText(st importer.Step) string {
	detail := st.Reason
	if st.Action == importer.ActionUpdate {
		detail = tr("import.row.changes", map[string]any{"By": st.MatchedBy, "Fields": strings.Join(st.Changes, ", ")})
	}
	if len(st.Notes) > 0 {
		detail = strings.TrimPrefix(detail+"; "+strings.Join(st.Notes, "; "), "; ")
	}
	data := map[string]any{"Source": st.Source, "Action": tr("import.action." + string(st.Action)), "Name": st.Name, "Detail": detail}
	if detail == "" {
		return tr("import.row.stepPlain", data)
	}
	return tr("import.row.step", data)
}

// answer applies the plan as one undoable command, or imports nothing.
func (w *importWizard) answer(ok bool) {
	w.done, w.confirmed = true, ok
	if !ok {
		return
	}
	cmd := w.plan.command(w.sess.doc.Project)
	if cmd == nil {
		w.sess.showInfo(tr(importTitle(w.plan.kind)), tr("import.nothing"))
		return
	}
	if w.sess.do(cmd) && w.plan.kind == importDrawio {
		if errs := countErrors(validate(w.sess.doc.Project)); errs > 0 {
			w.sess.showInfo(tr(importTitle(w.plan.kind)), tr("import.drawioErrors", map[string]any{"Errors": errs}))
		}
	}
}

// String names the wizard in test failures.
func (w *importWizard) String() string {
	if w.plan == nil {
		return "importWizard/reading"
	}
	return "importWizard/" + filepath.Base(w.plan.path)
}
