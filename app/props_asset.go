package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/risk"
)

func (pp *propertiesPanel) buildAsset(id model.ID) fyne.CanvasObject {
	sess, f := pp.sess, pp.f
	a := func() *model.Asset {
		if a := sess.doc.Project.Asset(id); a != nil {
			return a
		}
		return &model.Asset{}
	}
	ed := func(field string, mut func(*model.Asset)) { edit(sess, id, field, mut) }
	str := func(field string, p func(*model.Asset) *string) *keyEntry {
		return f.entry(func() string { return *p(a()) }, func(s string) { ed(field, func(a *model.Asset) { *p(a) = s }) })
	}
	exp := func(label string, p func(*model.Asset) *bool) *widget.Check {
		return f.check(label, func() bool { return *p(a()) }, func(b bool) { ed("exposure", func(a *model.Asset) { *p(a) = b }) })
	}
	box := container.NewVBox(form(
		item(tr("prop.name"), str("name", func(a *model.Asset) *string { return &a.Name })),
		item(tr("prop.description"), f.multiline(func() string { return a().Description }, func(s string) { ed("description", func(a *model.Asset) { a.Description = s }) })),
		item(tr("prop.class"), enumChoice(f, model.AssetClasses(), uiLabel[model.AssetClass], func() model.AssetClass { return a().Class }, func(c model.AssetClass) {
			ed("class", func(a *model.Asset) { a.Class = c; a.FocusPoints = mergeFocusPoints(c, a.FocusPoints) })
		})),
		item(tr("prop.function"), enumChoice(f, model.AssetFunctions(), uiLabel[model.AssetFunction], func() model.AssetFunction { return a().Function }, func(v model.AssetFunction) {
			ed("function", func(a *model.Asset) { a.Function = v })
		})),
		item(tr("prop.zone"), f.idChoice(func() ([]string, []model.ID) { return zoneOptions(sess.doc.Project, "", nil) }, func() model.ID { return a().ZoneID }, func(z model.ID) {
			ed("zone", func(a *model.Asset) { a.ZoneID = z; a.Position = model.Point{} })
		})),
		item(tr("prop.vendor"), str("vendor", func(a *model.Asset) *string { return &a.Vendor })),
		item(tr("prop.model"), str("model", func(a *model.Asset) *string { return &a.Model })),
		item(tr("prop.firmware"), str("firmware", func(a *model.Asset) *string { return &a.Firmware })),
		item(tr("prop.criticality"), enumChoice(f, model.Criticalities(), uiLabel[model.Criticality], func() model.Criticality { return a().Criticality }, func(v model.Criticality) {
			ed("criticality", func(a *model.Asset) { a.Criticality = v })
		})),
		item(tr("prop.exposure"), container.NewVBox(
			exp(tr("prop.remoteAccess"), func(a *model.Asset) *bool { return &a.Exposure.RemoteAccess }),
			exp(tr("prop.wireless"), func(a *model.Asset) *bool { return &a.Exposure.Wireless }),
			exp(tr("prop.removableMedia"), func(a *model.Asset) *bool { return &a.Exposure.RemovableMedia }),
			exp(tr("prop.externallyReachable"), func(a *model.Asset) *bool { return &a.Exposure.ExternallyReachable }),
		)),
		item("", f.check(tr("prop.transient"), func() bool { return a().Transient }, func(b bool) { ed("transient", func(a *model.Asset) { a.Transient = b }) })),
	))
	box.Add(heading(tr("prop.slcHeading")))
	box.Add(f.slVector(func() model.SLVector { return a().SLC }, func(fr model.FR, sl int) {
		ed("SL-C", func(a *model.Asset) { a.SLC.Set(fr, sl) })
	}))
	box.Add(form(
		item(tr("prop.slcSource"), enumChoice(f, model.SLCSources(), uiLabel[model.SLCSource], func() model.SLCSource { return a().SLCSource }, func(v model.SLCSource) {
			ed("SL-C source", func(a *model.Asset) { a.SLCSource = v })
		})),
		item(tr("prop.supplierSDL"), enumChoice(f, model.SupplierSDLs(), uiLabel[model.SupplierSDL], func() model.SupplierSDL { return a().SupplierSDL }, func(v model.SupplierSDL) {
			ed("supplier SDL", func(a *model.Asset) { a.SupplierSDL = v })
		})),
	))
	box.Add(f.readOnly(func() string {
		ar := sess.assetResult(id)
		if ar == nil {
			return ""
		}
		if ar.SLCUnknown {
			return tr("asset.assessmentUnknownSLC", map[string]string{"SLT": ar.SLT.String(), "N": strconv.Itoa(len(ar.Requirements))})
		}
		return tr("asset.assessment", map[string]any{"SLT": ar.SLT.String(), "Gap": ar.Gap.String(), "N": len(ar.Requirements)})
	}))

	box.Add(heading(tr("prop.focusPoints")))
	for _, def := range model.FocusPointDefs(a().Class) {
		fp := func() model.FocusPoint {
			for _, p := range a().FocusPoints {
				if p.Key == def.Key {
					return p
				}
			}
			return model.FocusPoint{Key: def.Key, Status: model.FocusOpen}
		}
		fEd := func(field string, mut func(*model.FocusPoint)) {
			ed("focus point "+def.Key+" "+field, func(a *model.Asset) {
				i := slices.IndexFunc(a.FocusPoints, func(p model.FocusPoint) bool { return p.Key == def.Key })
				if i < 0 {
					a.FocusPoints = append(a.FocusPoints, model.FocusPoint{Key: def.Key, Status: model.FocusOpen})
					i = len(a.FocusPoints) - 1
				}
				mut(&a.FocusPoints[i])
			})
		}
		evidence := f.entry(func() string { return fp().Evidence }, func(s string) { fEd("evidence", func(p *model.FocusPoint) { p.Evidence = s }) })
		evidence.SetPlaceHolder(tr("prop.evidence"))
		title := widget.NewLabel(def.Title)
		title.Wrapping = fyne.TextWrapWord
		box.Add(title)
		box.Add(narrow(container.NewGridWithColumns(2,
			enumChoice(f, model.FocusStatuses(), uiLabel[model.FocusStatus], func() model.FocusStatus { return fp().Status }, func(s model.FocusStatus) {
				fEd("status", func(p *model.FocusPoint) { p.Status = s })
			}),
			evidence,
		), fieldWidth))
	}
	return box
}

// mergeFocusPoints returns the checklist of class c, keeping what was
// recorded for keys the new class shares with the old one.
func mergeFocusPoints(c model.AssetClass, old []model.FocusPoint) []model.FocusPoint {
	out := model.DefaultFocusPoints(c)
	for i := range out {
		for _, o := range old {
			if o.Key == out[i].Key {
				out[i] = o
			}
		}
	}
	return out
}

// capabilityName names a threat actor capability level (IEC 62443-3-3's
// wording of SL 1..4).
func capabilityName(n int) string { return tr("actor.capability." + strconv.Itoa(n)) }

// actorLabel names a threat actor with its capability for a picker: the
// standard profiles of a new project already carry "(SL n)" in their
// names, which is then not repeated ("… (SL 3) (SL 3)").
func actorLabel(a *model.ThreatActor) string {
	if strings.Contains(a.Name, "(SL "+strconv.Itoa(a.Capability)+")") {
		return a.Name
	}
	return tr("room.lib.actor", map[string]any{"Name": orUntitled(a.Name), "SL": a.Capability})
}

func (pp *propertiesPanel) buildActor(id model.ID) fyne.CanvasObject {
	sess, f := pp.sess, pp.f
	a := func() *model.ThreatActor {
		if a := sess.doc.Project.Actor(id); a != nil {
			return a
		}
		return &model.ThreatActor{}
	}
	ed := func(field string, mut func(*model.ThreatActor)) { edit(sess, id, field, mut) }
	return form(
		item(tr("prop.name"), f.entry(func() string { return a().Name }, func(s string) { ed("name", func(a *model.ThreatActor) { a.Name = s }) })),
		item(tr("prop.description"), f.multiline(func() string { return a().Description }, func(s string) { ed("description", func(a *model.ThreatActor) { a.Description = s }) })),
		item(tr("prop.capability"), f.intChoice(1, 4, capabilityName, func() int { return a().Capability }, func(n int) {
			ed("capability", func(a *model.ThreatActor) { a.Capability = n })
		})),
		item(tr("prop.motivation"), f.entry(func() string { return a().Motivation }, func(s string) { ed("motivation", func(a *model.ThreatActor) { a.Motivation = s }) })),
	)
}

// targetOptions lists the possible targets of a scenario of kind k.
func targetOptions(p *model.Project, k model.TargetKind) ([]string, []model.ID) {
	switch k {
	case model.TargetConduit:
		var ls []string
		var is []model.ID
		for _, c := range sortedByName(p.Conduits, func(c *model.Conduit) string { return c.Name }) {
			ls, is = append(ls, orUntitled(c.Name)), append(is, c.ID)
		}
		return ls, is
	case model.TargetAsset:
		var ls []string
		var is []model.ID
		for _, a := range sortedByName(p.Assets, func(a *model.Asset) string { return a.Name }) {
			ls, is = append(ls, orUntitled(a.Name)), append(is, a.ID)
		}
		return ls, is
	}
	return zoneOptions(p, "", nil)
}

func (pp *propertiesPanel) buildScenario(id model.ID) fyne.CanvasObject {
	sess, f := pp.sess, pp.f
	s := func() *model.ThreatScenario {
		if s := sess.doc.Project.Scenario(id); s != nil {
			return s
		}
		return &model.ThreatScenario{}
	}
	ed := func(field string, mut func(*model.ThreatScenario)) { edit(sess, id, field, mut) }
	m := &sess.doc.Project.Matrix
	likelihoodName := func(n int) string {
		if n >= 1 && n <= len(m.Likelihoods) {
			return m.Likelihoods[n-1].Name
		}
		return ""
	}
	actors := func() ([]string, []model.ID) {
		var ls []string
		var is []model.ID
		for _, a := range sortedByName(sess.doc.Project.Actors, func(a *model.ThreatActor) string { return a.Name }) {
			ls, is = append(ls, actorLabel(a)), append(is, a.ID)
		}
		return ls, is
	}
	box := container.NewVBox(form(
		item(tr("prop.name"), f.entry(func() string { return s().Name }, func(v string) { ed("name", func(s *model.ThreatScenario) { s.Name = v }) })),
		item(tr("prop.description"), f.multiline(func() string { return s().Description }, func(v string) { ed("description", func(s *model.ThreatScenario) { s.Description = v }) })),
		item(tr("prop.actor"), f.idChoice(actors, func() model.ID { return s().ActorID }, func(v model.ID) { ed("actor", func(s *model.ThreatScenario) { s.ActorID = v }) })),
		item(tr("prop.entryPoint"), f.entry(func() string { return s().EntryPoint }, func(v string) { ed("entry point", func(s *model.ThreatScenario) { s.EntryPoint = v }) })),
		item(tr("prop.targetKind"), enumChoice(f, model.TargetKinds(), uiLabel[model.TargetKind], func() model.TargetKind { return s().TargetKind }, func(k model.TargetKind) {
			ed("target", func(s *model.ThreatScenario) { s.TargetKind = k; s.TargetID = "" })
		})),
		item(tr("prop.target"), f.idChoice(func() ([]string, []model.ID) { return targetOptions(sess.doc.Project, s().TargetKind) }, func() model.ID { return s().TargetID }, func(v model.ID) {
			ed("target", func(s *model.ThreatScenario) { s.TargetID = v })
		})),
		item(tr("prop.affectedFRs"), f.frChecks(func() []model.FR { return s().FRs }, func(v []model.FR) { ed("FRs", func(s *model.ThreatScenario) { s.FRs = v }) })),
		item(tr("prop.likelihood"), f.intChoice(1, max(1, len(m.Likelihoods)), likelihoodName, func() int { return s().Likelihood }, func(n int) {
			ed("likelihood", func(s *model.ThreatScenario) { s.Likelihood = n })
		})),
	))
	box.Add(heading(tr("prop.consequences")))
	cons := form()
	for _, cat := range m.Categories {
		var labels []string
		labels = append(labels, tr("prop.notAffected"))
		for _, c := range m.Consequences {
			labels = append(labels, fmt.Sprintf("%d %s", c.Level, c.Name))
		}
		cons.AppendItem(item(uiLabel(cat), f.choice(func() []string { return labels }, func() string {
			for _, c := range s().Consequences {
				if c.Category == cat && c.Level >= 1 && c.Level < len(labels) {
					return labels[c.Level]
				}
			}
			return labels[0]
		}, func(l string) {
			level := slices.Index(labels, l)
			ed("consequence "+string(cat), func(s *model.ThreatScenario) {
				i := slices.IndexFunc(s.Consequences, func(c model.Consequence) bool { return c.Category == cat })
				switch {
				case level <= 0 && i >= 0:
					s.Consequences = slices.Delete(s.Consequences, i, i+1)
				case level > 0 && i >= 0:
					s.Consequences[i].Level = level
				case level > 0:
					s.Consequences = append(s.Consequences, model.Consequence{Category: cat, Level: level})
				}
			})
		})))
	}
	box.Add(cons)
	treatments := append([]model.Treatment{""}, model.Treatments()...)
	box.Add(form(
		item(tr("prop.attack"), f.entry(func() string { return strings.Join(s().Techniques, ", ") }, func(v string) {
			var out []string
			for _, t := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
				out = append(out, strings.ToUpper(strings.TrimSpace(t)))
			}
			ed("techniques", func(s *model.ThreatScenario) { s.Techniques = out })
		})),
		item(tr("prop.treatment"), enumChoice(f, treatments, func(t model.Treatment) string {
			if t == "" {
				return tr("prop.notDecided")
			}
			return uiLabel(t)
		}, func() model.Treatment { return s().Treatment }, func(t model.Treatment) { ed("treatment", func(s *model.ThreatScenario) { s.Treatment = t }) })),
		item(tr("prop.treatmentNote"), f.multiline(func() string { return s().TreatmentNote }, func(v string) { ed("treatment note", func(s *model.ThreatScenario) { s.TreatmentNote = v }) })),
	))
	box.Add(f.readOnly(func() string {
		var parts []string
		for _, cid := range s().Countermeasures {
			if c := sess.doc.Project.Countermeasure(cid); c != nil {
				parts = append(parts, sess.measureName(c.MeasureID)+" ("+uiLabel(c.Status)+")")
			}
		}
		txt := tr("scenario.measuresNone")
		if len(parts) > 0 {
			txt = tr("scenario.measures", map[string]string{"Measures": strings.Join(parts, "; ")})
		}
		if sr := sess.scenarioResult(id); sr != nil {
			txt = tr("scenario.unmitigated", map[string]any{"Level": uiLabel(sr.Unmitigated), "L": sr.Likelihood, "C": sr.Consequence}) + "\n" +
				vulnerabilityText(sr) + residualText(sr) + "\n" + txt
		}
		return txt
	}))
	return box
}

// residualText explains the scenario's residual risk twice: current
// (implemented measures only) and target (implemented and accepted), each
// with the engine's reason, then the strength rule both follow
// (docs/METHOD.md step 8).
func residualText(sr *risk.ScenarioResult) string {
	line := func(key string, r risk.Residual) string {
		var why []string
		for _, x := range r.Reasons {
			why = append(why, x.Text)
		}
		return tr(key, map[string]string{
			"Level":      uiLabel(r.Level),
			"Likelihood": strconv.Itoa(r.Likelihood),
			"Measures":   strconv.Itoa(len(r.Mitigations)),
			"Defeated":   strconv.Itoa(len(r.Defeated)),
			"Reason":     strings.Join(why, "; "),
		})
	}
	return line("threats.residual.current", sr.Current) + "\n" +
		line("threats.residual.target", sr.Target) + "\n" +
		tr("threats.residual.rule")
}

// vulnerabilityText is the engine's sentence on the register entries the
// scenario's likelihood rests on, or "" when none is linked (IEC 62443-3-2
// ZCR 5.2).
func vulnerabilityText(sr *risk.ScenarioResult) string {
	for _, r := range sr.Reasons {
		if r.Rule == risk.RuleVulnerability {
			return tr("threats.vulnerabilities", map[string]string{"Reason": r.Text}) + "\n"
		}
	}
	return ""
}
