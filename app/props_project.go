package app

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// buildProject edits the project information, the SUC, the approval
// block, the SL-T method and the risk matrix.
func (pp *propertiesPanel) buildProject() fyne.CanvasObject {
	sess, f := pp.sess, pp.f
	in := func() *model.Info { return &sess.doc.Project.Info }
	str := func(field string, p func(*model.Info) *string) *keyEntry {
		return f.entry(func() string { return *p(in()) }, func(s string) { editInfo(sess, field, func(i *model.Info) { *p(i) = s }) })
	}
	box := container.NewVBox(form(
		item("Name", str("name", func(i *model.Info) *string { return &i.Name })),
		item("Client", str("client", func(i *model.Info) *string { return &i.Client })),
		item("Site", str("site", func(i *model.Info) *string { return &i.Site })),
		item("Author", str("author", func(i *model.Info) *string { return &i.Author })),
		item("Revision", str("revision", func(i *model.Info) *string { return &i.Revision })),
		item("Date", str("date", func(i *model.Info) *string { return &i.Date })),
		item("Classification", str("classification", func(i *model.Info) *string { return &i.Classification })),
	))
	box.Add(heading("System under consideration (ZCR 1)"))
	box.Add(form(
		item("Description", f.multiline(func() string { return in().SUC.Description }, func(s string) { editInfo(sess, "SUC description", func(i *model.Info) { i.SUC.Description = s }) })),
		item("Scope", f.multiline(func() string { return in().SUC.Scope }, func(s string) { editInfo(sess, "SUC scope", func(i *model.Info) { i.SUC.Scope = s }) })),
		item("Assumptions", f.lines(func() []string { return in().SUC.Assumptions }, func(v []string) { editInfo(sess, "SUC assumptions", func(i *model.Info) { i.SUC.Assumptions = v }) })),
		item("External interfaces", f.lines(func() []string { return in().SUC.ExternalInterfaces }, func(v []string) {
			editInfo(sess, "SUC interfaces", func(i *model.Info) { i.SUC.ExternalInterfaces = v })
		})),
	))

	box.Add(heading("Approvals"))
	for i := range in().Approvals {
		ap := func() *model.Approval {
			if i < len(in().Approvals) {
				return &in().Approvals[i]
			}
			return &model.Approval{}
		}
		aStr := func(field string, p func(*model.Approval) *string) *keyEntry {
			return f.entry(func() string { return *p(ap()) }, func(s string) {
				editInfo(sess, fmt.Sprintf("approval %d %s", i+1, field), func(in *model.Info) { *p(&in.Approvals[i]) = s })
			})
		}
		box.Add(narrow(container.NewGridWithColumns(5,
			aStr("role", func(a *model.Approval) *string { return &a.Role }),
			aStr("name", func(a *model.Approval) *string { return &a.Name }),
			aStr("title", func(a *model.Approval) *string { return &a.Title }),
			aStr("date", func(a *model.Approval) *string { return &a.Date }),
			smallButton("", theme.DeleteIcon(), func() {
				editInfo(sess, "approvals", func(in *model.Info) { in.Approvals = slices.Delete(in.Approvals, i, i+1) })
			}),
		), 300))
	}
	box.Add(smallButton("Add approval", theme.ContentAddIcon(), func() {
		editInfo(sess, "approvals", func(in *model.Info) { in.Approvals = append(in.Approvals, model.Approval{Role: "Reviewed"}) })
	}))

	box.Add(heading("Method"))
	box.Add(form(
		item("SL-T from", enumChoice(f, model.SLTMethods(), model.SLTMethod.Label, func() model.SLTMethod { return in().Method }, func(m model.SLTMethod) {
			editInfo(sess, "SL-T method", func(i *model.Info) { i.Method = m })
		})),
		item("FRs not applicable", f.frChecks(func() []model.FR { return in().NotApplicable }, func(v []model.FR) {
			editInfo(sess, "FRs not applicable", func(i *model.Info) { i.NotApplicable = v })
		})),
	))

	box.Add(heading("Risk matrix"))
	m := func() *model.RiskMatrix { return &in().Matrix }
	box.Add(form(
		item("Tolerable up to", enumChoice(f, model.RiskLevels(), model.RiskLevel.Label, func() model.RiskLevel { return m().Tolerable }, func(l model.RiskLevel) {
			editInfo(sess, "tolerable risk", func(i *model.Info) { i.Matrix.Tolerable = l })
		})),
	))
	scale := func(title string, get func(*model.RiskMatrix) *[]model.ScaleLevel) {
		fm := form()
		for i := range *get(m()) {
			lvl := func() *model.ScaleLevel {
				if s := *get(m()); i < len(s) {
					return &s[i]
				}
				return &model.ScaleLevel{}
			}
			fm.Append(fmt.Sprintf("%s %d", title, i+1), f.entry(func() string { return lvl().Name }, func(s string) {
				editInfo(sess, fmt.Sprintf("%s %d name", title, i+1), func(in *model.Info) { (*get(&in.Matrix))[i].Name = s })
			}))
			desc := f.entry(func() string { return lvl().Description }, func(s string) {
				editInfo(sess, fmt.Sprintf("%s %d description", title, i+1), func(in *model.Info) { (*get(&in.Matrix))[i].Description = s })
			})
			desc.SetPlaceHolder("what this level means")
			fm.Append("", desc)
		}
		box.Add(fm)
	}
	cats := container.NewVBox()
	for _, c := range model.ConsequenceCategories() {
		cats.Add(f.check(c.Label(), func() bool { return slices.Contains(m().Categories, c) }, func(on bool) {
			editInfo(sess, "consequence categories", func(in *model.Info) {
				in.Matrix.Categories = toggled(in.Matrix.Categories, c, on, model.ConsequenceCategories())
			})
		}))
	}
	box.Add(form(item("Consequence categories", cats)))
	scale("Likelihood", func(m *model.RiskMatrix) *[]model.ScaleLevel { return &m.Likelihoods })
	scale("Consequence", func(m *model.RiskMatrix) *[]model.ScaleLevel { return &m.Consequences })

	cellHelp := widget.NewLabel("Risk level per cell; rows: likelihood (highest first), columns: consequence. L low, M medium, H high, C critical; click a cell to change it.")
	cellHelp.Wrapping = fyne.TextWrapWord
	box.Add(cellHelp)
	nC := len(m().Consequences)
	grid := container.NewGridWithColumns(nC + 1)
	grid.Add(widget.NewLabel(""))
	for c := 1; c <= nC; c++ {
		grid.Add(widget.NewLabelWithStyle(fmt.Sprintf("C%d", c), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	for l := len(m().Likelihoods); l >= 1; l-- {
		grid.Add(widget.NewLabelWithStyle(fmt.Sprintf("L%d", l), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
		for c := 1; c <= nC; c++ {
			grid.Add(f.riskCell(func() model.RiskLevel { return m().Level(l, c) }, func(r model.RiskLevel) {
				editInfo(sess, fmt.Sprintf("risk cell L%d C%d", l, c), func(in *model.Info) { setRiskCell(&in.Matrix, l, c, r) })
			}))
		}
	}
	box.Add(grid)
	return box
}

func setRiskCell(m *model.RiskMatrix, l, c int, r model.RiskLevel) {
	for i := range m.Cells {
		if m.Cells[i].Likelihood == l && m.Cells[i].Consequence == c {
			if r == "" {
				m.Cells = slices.Delete(m.Cells, i, i+1)
			} else {
				m.Cells[i].Level = r
			}
			return
		}
	}
	if r != "" {
		m.Cells = append(m.Cells, model.RiskCell{Likelihood: l, Consequence: c, Level: r})
	}
}

func (pp *propertiesPanel) buildDecision(id model.ID) fyne.CanvasObject {
	sess, f := pp.sess, pp.f
	d := func() *model.Decision {
		if d, _ := model.Find[model.Decision](sess.doc.Project, id); d != nil {
			return d
		}
		return &model.Decision{}
	}
	ed := func(field string, mut func(*model.Decision)) { edit(sess, id, field, mut) }
	str := func(field string, p func(*model.Decision) *string) *keyEntry {
		return f.entry(func() string { return *p(d()) }, func(s string) { ed(field, func(d *model.Decision) { *p(d) = s }) })
	}
	linked := f.readOnly(func() string {
		if d().ObjectID == "" {
			return "(none)"
		}
		r := refByID(sess.doc.Project, d().ObjectID)
		return orUntitled(r.name(sess.doc.Project))
	})
	goTo := smallButton("Select", theme.NavigateNextIcon(), func() {
		if r := refByID(sess.doc.Project, d().ObjectID); r.Kind != kindNone {
			sess.goTo(r)
		}
	})
	return form(
		item("When", str("time", func(d *model.Decision) *string { return &d.At })),
		item("By", str("by", func(d *model.Decision) *string { return &d.By })),
		item("Subject", str("subject", func(d *model.Decision) *string { return &d.Subject })),
		item("Decision", f.multiline(func() string { return d().Decision }, func(s string) { ed("decision", func(d *model.Decision) { d.Decision = s }) })),
		item("Rationale", f.multiline(func() string { return d().Rationale }, func(s string) { ed("rationale", func(d *model.Decision) { d.Rationale = s }) })),
		item("Concerns", container.NewBorder(nil, nil, nil, goTo, linked)),
	)
}

func (pp *propertiesPanel) buildCountermeasure(id model.ID) fyne.CanvasObject {
	sess, f := pp.sess, pp.f
	c := func() *model.CountermeasureInstance {
		if c := sess.doc.Project.Countermeasure(id); c != nil {
			return c
		}
		return &model.CountermeasureInstance{}
	}
	ed := func(field string, mut func(*model.CountermeasureInstance)) { edit(sess, id, field, mut) }
	str := func(field string, p func(*model.CountermeasureInstance) *string) *keyEntry {
		return f.entry(func() string { return *p(c()) }, func(s string) { ed(field, func(c *model.CountermeasureInstance) { *p(c) = s }) })
	}
	return form(
		item("Measure", f.readOnly(func() string { return sess.measureName(c().MeasureID) })),
		item("Applied to", f.readOnly(func() string {
			return c().TargetKind.Label() + " " + orUntitled(refByID(sess.doc.Project, c().TargetID).name(sess.doc.Project))
		})),
		item("Status", enumChoice(f, model.MeasureStatuses(), model.MeasureStatus.Label, func() model.MeasureStatus { return c().Status }, func(s model.MeasureStatus) {
			ed("status", func(c *model.CountermeasureInstance) { c.Status = s })
		})),
		item("Reason", str("reason", func(c *model.CountermeasureInstance) *string { return &c.Reason })),
		item("Owner", str("owner", func(c *model.CountermeasureInstance) *string { return &c.Owner })),
		item("Due", str("due", func(c *model.CountermeasureInstance) *string { return &c.Due })),
		item("Notes", f.multiline(func() string { return c().Notes }, func(s string) { ed("notes", func(c *model.CountermeasureInstance) { c.Notes = s }) })),
	)
}

// riskCell is a compact matrix cell: a button showing the level in its
// colour; each click moves to the next level.
func (f *fieldSet) riskCell(get func() model.RiskLevel, set func(model.RiskLevel)) fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = 4
	b := widget.NewButton("", func() {
		levels := model.RiskLevels()
		i := slices.Index(levels, get())
		set(levels[(i+1)%len(levels)])
	})
	b.Importance = widget.LowImportance
	f.loaders = append(f.loaders, func() {
		l := get()
		text := "—"
		if l != "" {
			text = l.Label()[:1] // L, M, H, C: the colour says the rest
		}
		if b.Text != text {
			b.SetText(text)
		}
		bg.FillColor = withAlpha(riskColour(l), 170) // the heat maps' colours, translucent under the theme's text
		bg.Refresh()
	})
	return container.NewStack(bg, b)
}
