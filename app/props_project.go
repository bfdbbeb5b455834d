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
		item(tr("project.name"), str("name", func(i *model.Info) *string { return &i.Name })),
		item(tr("project.client"), str("client", func(i *model.Info) *string { return &i.Client })),
		item(tr("project.site"), str("site", func(i *model.Info) *string { return &i.Site })),
		item(tr("project.author"), str("author", func(i *model.Info) *string { return &i.Author })),
		item(tr("project.revision"), str("revision", func(i *model.Info) *string { return &i.Revision })),
		item(tr("project.date"), str("date", func(i *model.Info) *string { return &i.Date })),
		item(tr("project.classification"), str("classification", func(i *model.Info) *string { return &i.Classification })),
		item(tr("project.language"), enumChoice(f, documentLanguages, documentLanguageLabel, func() string { return in().Language }, func(l string) {
			editInfo(sess, "language", func(i *model.Info) { i.Language = l })
		})),
	))
	box.Add(heading(tr("project.suc")))
	box.Add(form(
		item(tr("project.suc.description"), f.multiline(func() string { return in().SUC.Description }, func(s string) { editInfo(sess, "SUC description", func(i *model.Info) { i.SUC.Description = s }) })),
		item(tr("project.suc.scope"), f.multiline(func() string { return in().SUC.Scope }, func(s string) { editInfo(sess, "SUC scope", func(i *model.Info) { i.SUC.Scope = s }) })),
		item(tr("project.suc.assumptions"), f.lines(func() []string { return in().SUC.Assumptions }, func(v []string) { editInfo(sess, "SUC assumptions", func(i *model.Info) { i.SUC.Assumptions = v }) })),
		item(tr("project.suc.interfaces"), f.lines(func() []string { return in().SUC.ExternalInterfaces }, func(v []string) {
			editInfo(sess, "SUC interfaces", func(i *model.Info) { i.SUC.ExternalInterfaces = v })
		})),
	))

	box.Add(pp.crsProjectFields())

	box.Add(heading(tr("project.approvals")))
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
	box.Add(smallButton(tr("project.approvals.add"), theme.ContentAddIcon(), func() {
		editInfo(sess, "approvals", func(in *model.Info) { in.Approvals = append(in.Approvals, model.Approval{Role: tr("prop.reviewed")}) })
	}))

	box.Add(heading(tr("project.method")))
	box.Add(form(
		item(tr("project.method.slt"), enumChoice(f, model.SLTMethods(), uiLabel[model.SLTMethod], func() model.SLTMethod { return in().Method }, func(m model.SLTMethod) {
			editInfo(sess, "SL-T method", func(i *model.Info) { i.Method = m })
		})),
		item(tr("project.method.notApplicable"), f.frChecks(func() []model.FR { return in().NotApplicable }, func(v []model.FR) {
			editInfo(sess, "FRs not applicable", func(i *model.Info) { i.NotApplicable = v })
		})),
	))

	box.Add(heading(tr("project.matrix")))
	m := func() *model.RiskMatrix { return &in().Matrix }
	box.Add(form(
		item(tr("project.matrix.tolerable"), enumChoice(f, model.RiskLevels(), uiLabel[model.RiskLevel], func() model.RiskLevel { return m().Tolerable }, func(l model.RiskLevel) {
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
			fm.Append(tr("project.matrix.scaleLevel", map[string]any{"Scale": title, "N": i + 1}), f.entry(func() string { return lvl().Name }, func(s string) {
				editInfo(sess, fmt.Sprintf("%s %d name", title, i+1), func(in *model.Info) { (*get(&in.Matrix))[i].Name = s })
			}))
			desc := f.entry(func() string { return lvl().Description }, func(s string) {
				editInfo(sess, fmt.Sprintf("%s %d description", title, i+1), func(in *model.Info) { (*get(&in.Matrix))[i].Description = s })
			})
			desc.SetPlaceHolder(tr("project.matrix.levelHint"))
			fm.Append("", desc)
		}
		box.Add(fm)
	}
	cats := container.NewVBox()
	for _, c := range model.ConsequenceCategories() {
		cats.Add(f.check(uiLabel(c), func() bool { return slices.Contains(m().Categories, c) }, func(on bool) {
			editInfo(sess, "consequence categories", func(in *model.Info) {
				in.Matrix.Categories = toggled(in.Matrix.Categories, c, on, model.ConsequenceCategories())
			})
		}))
	}
	box.Add(form(item(tr("project.matrix.categories"), cats)))
	scale(tr("project.matrix.likelihood"), func(m *model.RiskMatrix) *[]model.ScaleLevel { return &m.Likelihoods })
	scale(tr("project.matrix.consequence"), func(m *model.RiskMatrix) *[]model.ScaleLevel { return &m.Consequences })

	cellHelp := widget.NewLabel(tr("project.matrix.cellHelp"))
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
			return tr("common.none")
		}
		r := refByID(sess.doc.Project, d().ObjectID)
		return orUntitled(r.name(sess.doc.Project))
	})
	goTo := smallButton(tr("decision.select"), theme.NavigateNextIcon(), func() {
		if r := refByID(sess.doc.Project, d().ObjectID); r.Kind != kindNone {
			sess.goTo(r)
		}
	})
	return form(
		item(tr("decision.when"), str("time", func(d *model.Decision) *string { return &d.At })),
		item(tr("decision.by"), str("by", func(d *model.Decision) *string { return &d.By })),
		item(tr("decision.subject"), str("subject", func(d *model.Decision) *string { return &d.Subject })),
		item(tr("decision.decision"), f.multiline(func() string { return d().Decision }, func(s string) { ed("decision", func(d *model.Decision) { d.Decision = s }) })),
		item(tr("decision.rationale"), f.multiline(func() string { return d().Rationale }, func(s string) { ed("rationale", func(d *model.Decision) { d.Rationale = s }) })),
		item(tr("decision.concerns"), container.NewBorder(nil, nil, nil, goTo, linked)),
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
		item(tr("measure.measure"), f.readOnly(func() string { return sess.measureName(c().MeasureID) })),
		item(tr("measure.appliedTo"), f.readOnly(func() string {
			return uiLabel(c().TargetKind) + " " + orUntitled(refByID(sess.doc.Project, c().TargetID).name(sess.doc.Project))
		})),
		item(tr("measure.status"), enumChoice(f, model.MeasureStatuses(), uiLabel[model.MeasureStatus], func() model.MeasureStatus { return c().Status }, func(s model.MeasureStatus) {
			ed("status", func(c *model.CountermeasureInstance) { c.Status = s })
		})),
		item(tr("measure.reason"), str("reason", func(c *model.CountermeasureInstance) *string { return &c.Reason })),
		item(tr("measure.owner"), str("owner", func(c *model.CountermeasureInstance) *string { return &c.Owner })),
		item(tr("measure.due"), str("due", func(c *model.CountermeasureInstance) *string { return &c.Due })),
		item(tr("measure.notes"), f.multiline(func() string { return c().Notes }, func(s string) { ed("notes", func(c *model.CountermeasureInstance) { c.Notes = s }) })),
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
			text = uiLabel(l)[:1] // L, M, H, C: the colour says the rest
		}
		if b.Text != text {
			b.SetText(text)
		}
		bg.FillColor = withAlpha(riskColour(l), 170) // the heat maps' colours, translucent under the theme's text
		bg.Refresh()
	})
	return container.NewStack(bg, b)
}
