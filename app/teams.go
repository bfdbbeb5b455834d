package app

import (
	"errors"
	"fmt"
	"image/color"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zonewise/changes"
	"zonewise/model"
	"zonewise/vault"
)

// crypt is the GUI's state of encrypted projects: the key of each open
// document, and the keys unlocked this session (the passphrase is never
// stored; a key unlocked once opens the same project's files again until
// the window closes).
type crypt struct {
	docs     map[*model.Document]*vault.Key
	unlocked []*vault.Key
}

// keyOf returns the key the current document is encrypted with, or nil.
func (u *ui) keyOf() *vault.Key { return u.crypt.docs[u.doc] }

// setKey makes doc encrypted with k (nil: plain): its saves, backups and
// autosave copies are then written encrypted.
func (u *ui) setKey(doc *model.Document, k *vault.Key) {
	if u.crypt.docs == nil {
		u.crypt.docs = map[*model.Document]*vault.Key{}
	}
	if k == nil {
		delete(u.crypt.docs, doc)
		doc.Write, doc.Encode = nil, nil
		return
	}
	u.crypt.docs[doc] = k
	u.crypt.unlocked = append(u.crypt.unlocked, k)
	doc.Write = func(path string, p *model.Project) error { return vault.Save(path, p, k) }
	doc.Encode = func(p *model.Project) ([]byte, error) { return vault.Marshal(p, k) }
}

// isEncryptedFile reports whether path holds an encrypted project.
func isEncryptedFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(vault.Magic)+2)
	n, _ := f.Read(head)
	return vault.IsEncrypted(head[:n])
}

// openEncrypted opens an encrypted project file: with a key unlocked this
// session, else after asking for the passphrase (again after a wrong one).
// done gets the opened document.
func (u *ui) openEncrypted(path string, done func(*model.Document)) {
	p, k, err := vault.Load(path, nil, nil, u.crypt.unlocked...)
	if err == nil {
		doc := model.NewDocument(p, path)
		u.setKey(doc, k)
		done(doc)
		return
	}
	if !errors.Is(err, model.ErrEncrypted) {
		u.showError(err)
		return
	}
	u.askPassphrase(tr("crypt.open.title"), tr("crypt.open.message", map[string]any{"File": path}), false, func(pass string) {
		u.busy(tr("crypt.busy.unlock"), func() (func(), error) {
			p, k, err := vault.Load(path, nil, func(string) (string, error) { return pass, nil })
			if err != nil {
				return nil, err
			}
			return func() {
				doc := model.NewDocument(p, path)
				u.setKey(doc, k)
				done(doc)
			}, nil
		}, func(err error) {
			if errors.Is(err, vault.ErrWrongPassphrase) {
				dialog.ShowInformation(tr("crypt.wrong.title"), tr("crypt.wrong.message"), u.win)
				return
			}
			u.showError(err)
		})
	})
}

// askPassphrase shows a passphrase dialog (with a confirmation field when
// setting one) and calls done with the passphrase on OK.
func (u *ui) askPassphrase(title, message string, confirm bool, done func(string)) {
	pass := widget.NewPasswordEntry()
	again := widget.NewPasswordEntry()
	note := widget.NewLabel(message)
	note.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", note), widget.NewFormItem(tr("crypt.field.passphrase"), pass)}
	if confirm {
		items = append(items, widget.NewFormItem(tr("crypt.field.again"), again))
		pass.Validator = vault.CheckPassphrase
		again.Validator = func(s string) error {
			if s != pass.Text {
				return errors.New(tr("crypt.mismatch"))
			}
			return nil
		}
	}
	d := dialog.NewForm(title, tr("common.ok"), tr("common.cancel"), items, func(ok bool) {
		if ok {
			done(pass.Text)
		}
	}, u.win)
	// Enter in the (last) field confirms, as OK does (Submit checks the
	// fields first).
	if confirm {
		pass.OnSubmitted = func(string) { u.win.Canvas().Focus(again) }
		again.OnSubmitted = func(string) { d.Submit() }
	} else {
		pass.OnSubmitted = func(string) { d.Submit() }
	}
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	u.win.Canvas().Focus(pass)
}

// busy runs work off the GUI goroutine (stretching a passphrase takes a
// second or two) behind a modal note, then applies its result on the GUI
// goroutine, or reports its error through fail.
func (u *ui) busy(what string, work func() (func(), error), fail func(error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(what, bar, u.win)
	d.Show()
	go func() {
		apply, err := work()
		fyne.Do(func() {
			d.Hide()
			if err != nil {
				fail(err)
				return
			}
			apply()
		})
	}()
}

// encryptionDialog is File ▸ Encryption…: set, change or remove the
// project's passphrase. The file is saved at once so that what is on disk
// matches what the dialog said (an unsaved project is encrypted from its
// first save on).
func (u *ui) encryptionDialog() {
	doc := u.doc
	state := tr("crypt.state.plain")
	if u.keyOf() != nil {
		state = tr("crypt.state.encrypted")
	}
	set := func() {
		u.askPassphrase(tr("crypt.set.title"), tr("crypt.set.message"), true, func(pass string) {
			u.busy(tr("crypt.busy.key"), func() (func(), error) {
				k, err := vault.NewKey(pass)
				if err != nil {
					return nil, err
				}
				return func() {
					u.setKey(doc, k)
					if doc == u.doc && doc.Path != "" {
						u.saveTo(doc.Path, nil)
					}
					u.updateStatus()
				}, nil
			}, u.showError)
		})
	}
	var d dialog.Dialog
	buttons := []fyne.CanvasObject{}
	if u.keyOf() == nil {
		buttons = append(buttons, widget.NewButton(tr("crypt.action.set"), func() { d.Hide(); set() }))
	} else {
		buttons = append(buttons,
			widget.NewButton(tr("crypt.action.change"), func() { d.Hide(); set() }),
			widget.NewButton(tr("crypt.action.remove"), func() {
				d.Hide()
				dialog.ShowConfirm(tr("crypt.remove.title"), tr("crypt.remove.message"), func(yes bool) {
					if !yes {
						return
					}
					u.setKey(doc, nil)
					if doc == u.doc && doc.Path != "" {
						u.saveTo(doc.Path, nil)
					}
					u.updateStatus()
				}, u.win)
			}))
	}
	text := widget.NewLabel(state + "\n\n" + tr("crypt.explain"))
	text.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustom(tr("crypt.title"), tr("common.close"), container.NewBorder(nil, container.NewHBox(buttons...), nil, nil, text), u.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// resolveConflictsDialog is Edit ▸ Resolve merge conflicts…: one row per
// conflict recorded by the git merge driver, with both values and one click
// to keep ours or take theirs. Each choice is one undoable edit.
func (u *ui) resolveConflictsDialog() {
	if len(u.doc.Project.MergeConflicts) == 0 {
		u.showInfo(tr("merge.title"), tr("merge.none"))
		return
	}
	var d dialog.Dialog
	list := container.NewVBox()
	var fill func()
	fill = func() {
		list.Objects = nil
		cs := u.doc.Project.MergeConflicts
		if len(cs) == 0 {
			list.Add(widget.NewLabel(tr("merge.done")))
		}
		for i := range cs {
			i, c := i, cs[i]
			head := widget.NewLabelWithStyle(conflictHeading(c), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			vals := widget.NewLabel(conflictValues(c))
			vals.Wrapping = fyne.TextWrapWord
			take := func(side changes.Side) func() {
				return func() {
					r, err := changes.Resolve(u.doc.Project, i, side)
					if err != nil {
						u.showError(err)
						return
					}
					label := tr("merge.undo.ours", map[string]any{"Object": c.Object})
					if side == changes.Theirs {
						label = tr("merge.undo.theirs", map[string]any{"Object": c.Object})
					}
					u.do(&replaceProject{after: r, label: label})
					u.refreshAll()
					fill()
				}
			}
			ours := widget.NewButton(oursLabel(c), take(changes.Ours))
			theirs := widget.NewButton(theirsLabel(c), take(changes.Theirs))
			list.Add(container.NewVBox(head, vals, container.NewHBox(ours, theirs), widget.NewSeparator()))
		}
		list.Refresh()
	}
	fill()
	d = dialog.NewCustom(tr("merge.title"), tr("common.close"), container.NewVScroll(list), u.win)
	d.Resize(fyne.NewSize(720, 480))
	d.Show()
}

func conflictHeading(c model.MergeConflict) string {
	what := c.Kind + " “" + c.Object + "”"
	if c.Field != "" {
		return tr("merge.heading.field", map[string]any{"Object": what, "Field": c.Field})
	}
	return tr("merge.heading.object", map[string]any{"Object": what})
}

func conflictValues(c model.MergeConflict) string {
	switch c.Reason {
	case model.ConflictDeletedByOurs:
		return tr("merge.deletedByOurs")
	case model.ConflictDeletedByTheirs:
		return tr("merge.deletedByTheirs")
	}
	return tr("merge.values", map[string]any{"Base": changes.Show(c.Base), "Ours": changes.Show(c.Ours), "Theirs": changes.Show(c.Theirs)})
}

func oursLabel(c model.MergeConflict) string {
	if c.Reason == model.ConflictDeletedByOurs {
		return tr("merge.action.delete")
	}
	return tr("merge.action.ours")
}

func theirsLabel(c model.MergeConflict) string {
	if c.Reason == model.ConflictDeletedByTheirs {
		return tr("merge.action.delete")
	}
	return tr("merge.action.theirs")
}

// compareDialog is File ▸ Compare with…: the semantic difference between
// an earlier revision — a git revision of the project's file, or another
// project file — and the open project, one line per changed object;
// choosing a line selects the object.
func (u *ui) compareDialog() {
	rev := widget.NewEntry()
	rev.SetPlaceHolder(tr("compare.revision.placeholder"))
	var d dialog.Dialog
	compareGit := func() {
		if u.doc.Path == "" {
			u.showError(errors.New(tr("compare.unsaved")))
			return
		}
		r := strings.TrimSpace(rev.Text)
		if r == "" {
			r = tr("compare.revision.placeholder")
		}
		data, err := changes.GitShow(r, u.doc.Path)
		if err != nil {
			u.showError(err)
			return
		}
		d.Hide()
		label := tr("compare.revision.label", map[string]any{"Rev": r})
		old, _, err := vault.Read(label, data, u.keyOf(), nil, u.crypt.unlocked...)
		if err != nil {
			u.showError(err)
			return
		}
		u.compareWith(label, old)
	}
	useGit := widget.NewButton(tr("compare.git"), compareGit)
	rev.OnSubmitted = func(string) { compareGit() } // Enter compares
	useFile := widget.NewButton(tr("compare.file"), func() { d.Hide(); u.compareFileDialog() })
	note := widget.NewLabel(tr("compare.choose"))
	note.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustom(tr("compare.title"), tr("common.cancel"),
		container.NewVBox(note, widget.NewForm(widget.NewFormItem(tr("compare.revision"), rev)), container.NewHBox(useGit, useFile)), u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	u.win.Canvas().Focus(rev)
}

// compareWith shows the changes from old (named label) to the open project.
func (u *ui) compareWith(label string, old *model.Project) {
	rep, err := changes.Diff(old, u.doc.Project)
	if err != nil {
		u.showError(err)
		return
	}
	changes.DiffAssessment(rep, old, u.doc.Project, u.cat)
	u.showComparison(label, rep)
}

// compareFileDialog chooses the project file to compare with.
func (u *ui) compareFileDialog() {
	fd := newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		load := func(old *model.Project) { u.compareWith(path, old) }
		if isEncryptedFile(path) {
			u.openEncrypted(path, func(d *model.Document) { load(d.Project) })
			return
		}
		old, err := model.Load(path)
		if err != nil {
			u.showError(err)
			return
		}
		load(old)
	}, u.win)
	fd.SetFilter(projectFilter())
	if dir := u.docDir(); dir != nil {
		fd.SetLocation(dir)
	}
	showFileDialog(fd)
}

// comparisonLine is one line of the comparison list.
type comparisonLine struct {
	text string
	to   ref
	// mark is how the canvas marks the object; removed lines have none
	mark    changeMark
	removed bool
}

func (u *ui) showComparison(path string, rep *changes.Report) {
	var lines []comparisonLine
	kindRef := map[string]kind{"zone": kindZone, "conduit": kindConduit, "asset": kindAsset,
		"threat actor": kindActor, "threat scenario": kindScenario, "decision": kindDecision,
		"countermeasure": kindCountermeasure, "vulnerability": kindVulnerability, "project": kindProject}
	marks := marksFrom(rep, u.doc.Project)
	add := func(r changes.Ref, text string) {
		lines = append(lines, comparisonLine{text: text, to: ref{kindRef[r.Kind], r.ID}, mark: marks.of(r.ID)})
	}
	for _, a := range rep.Added {
		add(a, tr("compare.added", map[string]any{"Kind": a.Kind, "Name": a.Name}))
	}
	for _, a := range rep.Removed {
		lines = append(lines, comparisonLine{text: tr("compare.removed", map[string]any{"Kind": a.Kind, "Name": a.Name}), removed: true})
	}
	for _, c := range rep.Changed {
		fields := make([]string, 0, len(c.Fields))
		for _, f := range c.Fields {
			fields = append(fields, f.Field)
		}
		if c.OldName != "" {
			add(c.Ref, tr("compare.renamed", map[string]any{"Kind": c.Kind, "Name": c.Name, "Old": c.OldName, "Fields": strings.Join(fields, ", ")}))
		} else {
			add(c.Ref, tr("compare.changed", map[string]any{"Kind": c.Kind, "Name": c.Name, "Fields": strings.Join(fields, ", ")}))
		}
	}
	for _, a := range rep.Assessment {
		text := assessmentLine(a)
		if r := (ref{kindRef[a.Kind], a.ID}); r.Kind != kindNone && !r.exists(u.doc.Project) {
			// the assessment of an object since removed: listed only
			lines = append(lines, comparisonLine{text: text, removed: true})
			continue
		}
		add(a.Ref, text)
	}
	if len(lines) == 0 {
		u.showInfo(tr("compare.title"), tr("compare.none"))
		return
	}
	// Each line starts with a swatch in the colour the canvas marks the
	// object with (removed objects are only listed: grey).
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			sw := canvas.NewRectangle(color.Transparent)
			sw.SetMinSize(fyne.NewSize(6, 6))
			sw.CornerRadius = 2
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, sw, nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(lines[i].text)
			sw := row.Objects[1].(*canvas.Rectangle)
			col := color.Color(color.Transparent)
			switch {
			case lines[i].removed:
				col = color.NRGBA{150, 150, 150, 255}
			case lines[i].mark != markNone:
				col = markColor(lines[i].mark)
			}
			sw.FillColor = col
			sw.Refresh()
		})
	list.OnSelected = func(i widget.ListItemID) {
		// as a Find result: the view that shows it, centred and zoomed
		if r := lines[i].to; r.Kind != kindNone && r.exists(u.doc.Project) {
			u.goToFound(findEntry{r: r})
		}
	}
	head := widget.NewLabel(tr("compare.head", map[string]any{"File": path, "Summary": fmt.Sprintf("%d / %d / %d / %d",
		len(rep.Added), len(rep.Removed), len(rep.Changed), len(rep.Assessment))}))
	head.Wrapping = fyne.TextWrapWord
	legend := widget.NewLabel(tr("compare.legend"))
	legend.Wrapping = fyne.TextWrapWord
	// One comparison at a time: its marks stay on the canvas while its
	// window is open.
	if u.compareWin != nil {
		u.compareWin.Close()
	}
	w := u.app.NewWindow(tr("compare.title"))
	u.compareWin = w
	u.marks = marks
	w.SetOnClosed(func() {
		if u.compareWin == w {
			u.compareWin = nil
			u.marks = nil
			u.canvas.refresh()
		}
	})
	w.SetContent(container.NewBorder(container.NewVBox(head, legend), nil, nil, nil, list))
	w.Resize(fyne.NewSize(640, 560))
	w.Show()
	u.canvas.refresh()
}

// closeComparison closes the comparison window and clears its marks (a
// different document is opened).
func (u *ui) closeComparison() {
	if u.compareWin != nil {
		u.compareWin.Close()
	}
}

// assessmentLine is the comparison line of a change in the assessment.
func assessmentLine(a changes.AssessmentChange) string {
	args := map[string]any{"Kind": a.Kind, "Name": a.Name, "Old": orDash(a.Old), "New": orDash(a.New)}
	switch {
	case a.Measure == "proposal" && a.New == "":
		args["Proposal"] = a.Old
		return tr("compare.assessment.proposalGone", args)
	case a.Measure == "proposal":
		args["Proposal"] = a.New
		return tr("compare.assessment.proposalNew", args)
	}
	measure := map[string]string{"slT": "SL-T", "slA": "SL-A", "gaps": tr("compare.measure.gaps"),
		"currentResidual": tr("compare.measure.currentResidual"), "targetResidual": tr("compare.measure.targetResidual")}[a.Measure]
	if measure == "" {
		measure = a.Measure
	}
	args["Measure"] = measure
	return tr("compare.assessment.changed", args)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
