package app

import (
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

var purdueLevels = []string{"0", "1", "2", "3", "3.5", "4", "5"}

func (pp *propertiesPanel) buildZone(id model.ID) fyne.CanvasObject {
	sess, f := pp.sess, pp.f
	z := func() *model.Zone {
		if z := sess.doc.Project.Zone(id); z != nil {
			return z
		}
		return &model.Zone{}
	}
	ed := func(field string, mut func(*model.Zone)) { edit(sess, id, field, mut) }
	str := func(field string, p func(*model.Zone) *string) *keyEntry {
		return f.entry(func() string { return *p(z()) }, func(s string) { ed(field, func(z *model.Zone) { *p(z) = s }) })
	}
	main := form(
		item(tr("prop.name"), str("name", func(z *model.Zone) *string { return &z.Name })),
		item(tr("prop.description"), f.multiline(func() string { return z().Description }, func(s string) { ed("description", func(z *model.Zone) { z.Description = s }) })),
		item(tr("prop.type"), enumChoice(f, model.ZoneTypes(), uiLabel[model.ZoneType], func() model.ZoneType { return z().Type }, func(t model.ZoneType) { ed("type", func(z *model.Zone) { z.SetType(t) }) })),
		item(tr("prop.purdue"), f.choice(func() []string { return purdueLevels }, func() string {
			return strconv.FormatFloat(z().PurdueLevel, 'f', -1, 64)
		}, func(s string) {
			v, _ := strconv.ParseFloat(s, 64)
			ed("Purdue level", func(z *model.Zone) { z.PurdueLevel = v })
		})),
		item(tr("prop.parentZone"), f.idChoice(func() ([]string, []model.ID) {
			return zoneOptions(sess.doc.Project, tr("common.none"), func(c *model.Zone) bool { return isZoneWithin(sess.doc.Project, c.ID, id) })
		}, func() model.ID { return z().ParentID }, func(p model.ID) { ed("parent", func(z *model.Zone) { z.ParentID = p }) })),
		item(tr("prop.organisation"), str("organisation", func(z *model.Zone) *string { return &z.Organisation })),
		item(tr("prop.logicalBoundary"), str("logical boundary", func(z *model.Zone) *string { return &z.LogicalBoundary })),
		item(tr("prop.physicalBoundary"), str("physical boundary", func(z *model.Zone) *string { return &z.PhysicalBoundary })),
		item(tr("prop.safetyDesignation"), str("safety designation", func(z *model.Zone) *string { return &z.SafetyDesignation })),
		item("", f.check(tr("prop.outOfScope"), func() bool { return z().OutOfScope }, func(b bool) { ed("scope", func(z *model.Zone) { z.OutOfScope = b }) })),
		item(tr("prop.accessPoints"), f.lines(func() []string { return z().AccessPoints }, func(v []string) { ed("access points", func(z *model.Zone) { z.AccessPoints = v }) })),
		item(tr("prop.assumptions"), f.lines(func() []string { return z().Assumptions }, func(v []string) { ed("assumptions", func(z *model.Zone) { z.Assumptions = v }) })),
		item(tr("crs.dependencies"), f.lines(func() []string { return z().Dependencies }, func(v []string) { ed(tr("crs.dependencies"), func(z *model.Zone) { z.Dependencies = v }) })),
	)
	box := container.NewVBox(main, pp.zoneResult(id))

	// Essential functions.
	box.Add(heading(tr("prop.essentialFunctions")))
	for i := range z().EssentialFunctions {
		ef := func() *model.EssentialFunction {
			if zz := z(); i < len(zz.EssentialFunctions) {
				return &zz.EssentialFunctions[i]
			}
			return &model.EssentialFunction{}
		}
		efEd := func(field string, mut func(*model.EssentialFunction)) {
			ed(fmt.Sprintf("essential function %d %s", i+1, field), func(z *model.Zone) { mut(&z.EssentialFunctions[i]) })
		}
		impacts := container.NewVBox()
		for _, im := range model.Impacts() {
			impacts.Add(f.check(uiLabel(im), func() bool { return slices.Contains(ef().Intolerant, im) }, func(on bool) {
				efEd("impacts", func(e *model.EssentialFunction) { e.Intolerant = toggled(e.Intolerant, im, on, model.Impacts()) })
			}))
		}
		box.Add(form(
			item(tr("prop.name"), f.entry(func() string { return ef().Name }, func(s string) { efEd("name", func(e *model.EssentialFunction) { e.Name = s }) })),
			item(tr("prop.kind"), enumChoice(f, model.EssentialKinds(), uiLabel[model.EssentialKind], func() model.EssentialKind { return ef().Kind }, func(k model.EssentialKind) {
				efEd("kind", func(e *model.EssentialFunction) { e.Kind = k })
			})),
			item(tr("prop.cannotTolerate"), impacts),
			item(tr("prop.notes"), f.entry(func() string { return ef().Notes }, func(s string) { efEd("notes", func(e *model.EssentialFunction) { e.Notes = s }) })),
			item("", smallButton(tr("prop.removeEssential"), theme.DeleteIcon(), func() {
				ed("essential functions", func(z *model.Zone) { z.EssentialFunctions = slices.Delete(z.EssentialFunctions, i, i+1) })
			})),
		))
	}
	box.Add(smallButton(tr("prop.addEssential"), theme.ContentAddIcon(), func() {
		ed("essential functions", func(z *model.Zone) {
			z.EssentialFunctions = append(z.EssentialFunctions, model.EssentialFunction{Name: tr("prop.newEssential"), Kind: model.EssentialSafety})
		})
	}))

	// Roles.
	box.Add(heading(tr("prop.roles")))
	for i := range z().Roles {
		r := func() *model.Role {
			if zz := z(); i < len(zz.Roles) {
				return &zz.Roles[i]
			}
			return &model.Role{}
		}
		rEd := func(field string, mut func(*model.Role)) {
			ed(fmt.Sprintf("role %d %s", i+1, field), func(z *model.Zone) { mut(&z.Roles[i]) })
		}
		box.Add(form(
			item(tr("prop.role"), f.entry(func() string { return r().Name }, func(s string) { rEd("name", func(x *model.Role) { x.Name = s }) })),
			item(tr("prop.privileges"), f.entry(func() string { return r().Privileges }, func(s string) { rEd("privileges", func(x *model.Role) { x.Privileges = s }) })),
			item("", container.NewHBox(
				f.check(tr("prop.sharedAccount"), func() bool { return r().Shared }, func(b bool) { rEd("shared", func(x *model.Role) { x.Shared = b }) }),
				smallButton(tr("common.remove"), theme.DeleteIcon(), func() { ed("roles", func(z *model.Zone) { z.Roles = slices.Delete(z.Roles, i, i+1) }) }),
			)),
		))
	}
	box.Add(smallButton(tr("prop.addRole"), theme.ContentAddIcon(), func() {
		ed("roles", func(z *model.Zone) { z.Roles = append(z.Roles, model.Role{Name: tr("prop.newRole")}) })
	}))

	box.Add(heading(tr("prop.sltOverrides")))
	box.Add(pp.overrides(
		func() []model.SLOverride { return z().SLTOverrides },
		func(field string, mut func(*[]model.SLOverride)) {
			ed(field, func(z *model.Zone) { mut(&z.SLTOverrides) })
		},
	))

	box.Add(heading(tr("prop.position")))
	box.Add(f.readOnly(func() string {
		b := z().Bounds
		return tr("prop.positionValue", map[string]string{"X": fmt.Sprintf("%.0f", b.X), "Y": fmt.Sprintf("%.0f", b.Y), "W": fmt.Sprintf("%.0f", b.W), "H": fmt.Sprintf("%.0f", b.H)})
	}))
	return box
}

// zoneResult shows the assessment of the zone (read only).
func (pp *propertiesPanel) zoneResult(id model.ID) fyne.CanvasObject {
	return pp.f.readOnly(func() string {
		zr := pp.sess.zoneResult(id)
		if zr == nil {
			return tr("common.notAssessed")
		}
		return tr("zone.assessment", map[string]string{"SLT": zr.SLT.Vector().String(), "SLC": slcCellsText(&zr.SLC), "SLA": zr.SLA.Vector().String(), "Gap": zr.Gap.String()})
	})
}

// overrides edits a list of SL-T overrides (FR, SL, justification).
func (pp *propertiesPanel) overrides(get func() []model.SLOverride, ed func(field string, mut func(*[]model.SLOverride))) fyne.CanvasObject {
	f := pp.f
	box := container.NewVBox()
	for i := range get() {
		o := func() model.SLOverride {
			if s := get(); i < len(s) {
				return s[i]
			}
			return model.SLOverride{}
		}
		oEd := func(field string, mut func(*model.SLOverride)) {
			ed(fmt.Sprintf("override %d %s", i+1, field), func(s *[]model.SLOverride) { mut(&(*s)[i]) })
		}
		frSel := f.intChoice(1, 7, func(n int) string { return model.FR(n).Abbrev() }, func() int { return int(o().FR) }, func(n int) {
			oEd("FR", func(x *model.SLOverride) { x.FR = model.FR(n) })
		})
		slSel := f.intChoice(0, model.MaxSL, nil, func() int { return o().SL }, func(n int) { oEd("SL", func(x *model.SLOverride) { x.SL = n }) })
		box.Add(form(
			item("FR", frSel),
			item("SL-T", slSel),
			item(tr("prop.justification"), f.entry(func() string { return o().Justification }, func(s string) {
				oEd("justification", func(x *model.SLOverride) { x.Justification = s })
			})),
			item("", smallButton(tr("prop.removeOverride"), theme.DeleteIcon(), func() {
				ed("overrides", func(s *[]model.SLOverride) { *s = slices.Delete(*s, i, i+1) })
			})),
		))
	}
	box.Add(smallButton(tr("prop.addOverride"), theme.ContentAddIcon(), func() {
		ed("overrides", func(s *[]model.SLOverride) {
			fr := model.FR1
			for _, g := range model.AllFRs {
				if !slices.ContainsFunc(*s, func(o model.SLOverride) bool { return o.FR == g }) {
					fr = g
					break
				}
			}
			*s = append(*s, model.SLOverride{FR: fr, SL: 2, Justification: tr("prop.whyLevel")})
		})
	}))
	return box
}

func (pp *propertiesPanel) buildConduit(id model.ID) fyne.CanvasObject {
	sess, f := pp.sess, pp.f
	c := func() *model.Conduit {
		if c := sess.doc.Project.Conduit(id); c != nil {
			return c
		}
		return &model.Conduit{}
	}
	ed := func(field string, mut func(*model.Conduit)) { edit(sess, id, field, mut) }

	zones := container.NewVBox()
	labels, ids := zoneOptions(sess.doc.Project, "", nil)
	for i, zid := range ids {
		zones.Add(f.check(labels[i], func() bool { return slices.Contains(c().ZoneIDs, zid) }, func(on bool) {
			ed("zones", func(c *model.Conduit) {
				if on && !slices.Contains(c.ZoneIDs, zid) {
					c.ZoneIDs = append(c.ZoneIDs, zid)
				} else if !on {
					c.ZoneIDs = slices.DeleteFunc(c.ZoneIDs, func(x model.ID) bool { return x == zid })
				}
			})
		}))
	}
	box := container.NewVBox(form(
		item(tr("prop.name"), f.entry(func() string { return c().Name }, func(s string) { ed("name", func(c *model.Conduit) { c.Name = s }) })),
		item(tr("prop.description"), f.multiline(func() string { return c().Description }, func(s string) { ed("description", func(c *model.Conduit) { c.Description = s }) })),
		item(tr("prop.type"), enumChoice(f, model.ConduitTypes(), uiLabel[model.ConduitType], func() model.ConduitType { return c().Type }, func(t model.ConduitType) {
			ed("type", func(c *model.Conduit) { c.Type = t })
		})),
		item(tr("prop.zones"), zones),
		item(tr("prop.accessPoints"), f.lines(func() []string { return c().AccessPoints }, func(v []string) { ed("access points", func(c *model.Conduit) { c.AccessPoints = v }) })),
		item(tr("crs.organisation"), f.entry(func() string { return c().Organisation }, func(s string) { ed("organisation", func(c *model.Conduit) { c.Organisation = s }) })),
		item(tr("crs.boundary"), f.entry(func() string { return c().Boundary }, func(s string) { ed(tr("crs.boundary"), func(c *model.Conduit) { c.Boundary = s }) })),
		item(tr("crs.assumptions"), f.lines(func() []string { return c().Assumptions }, func(v []string) { ed("assumptions", func(c *model.Conduit) { c.Assumptions = v }) })),
		item(tr("crs.dependencies"), f.lines(func() []string { return c().Dependencies }, func(v []string) { ed(tr("crs.dependencies"), func(c *model.Conduit) { c.Dependencies = v }) })),
	))
	box.Add(f.readOnly(func() string {
		cr := sess.conduitResult(id)
		if cr == nil {
			return tr("common.notAssessed")
		}
		s := tr("conduit.assessment", map[string]string{"SLT": cr.SLT.Vector().String(), "SLA": cr.SLA.Vector().String(), "Gap": cr.Gap.String()})
		for _, fd := range cr.Findings {
			s += "\n⚠ " + fd
		}
		return s
	}))

	box.Add(heading(tr("prop.dataFlows")))
	zoneIn := func() ([]string, []model.ID) {
		ls, is := []string{tr("common.none")}, []model.ID{""}
		for _, zid := range c().ZoneIDs {
			if z := sess.doc.Project.Zone(zid); z != nil {
				ls, is = append(ls, orUntitled(z.Name)), append(is, zid)
			}
		}
		return ls, is
	}
	for i := range c().Flows {
		fl := func() *model.DataFlow {
			if cc := c(); i < len(cc.Flows) {
				return &cc.Flows[i]
			}
			return &model.DataFlow{}
		}
		fEd := func(field string, mut func(*model.DataFlow)) {
			ed(fmt.Sprintf("flow %d %s", i+1, field), func(c *model.Conduit) { mut(&c.Flows[i]) })
		}
		fstr := func(field string, p func(*model.DataFlow) *string) *keyEntry {
			return f.entry(func() string { return *p(fl()) }, func(s string) { fEd(field, func(d *model.DataFlow) { *p(d) = s }) })
		}
		fid := func(field string, p func(*model.DataFlow) *model.ID) *widget.Select {
			return f.idChoice(zoneIn, func() model.ID { return *p(fl()) }, func(v model.ID) { fEd(field, func(d *model.DataFlow) { *p(d) = v }) })
		}
		box.Add(widget.NewLabelWithStyle(tr("prop.flow", map[string]int{"N": i + 1}), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		box.Add(form(
			item(tr("prop.protocol"), fstr("protocol", func(d *model.DataFlow) *string { return &d.Protocol })),
			item(tr("prop.port"), fstr("port", func(d *model.DataFlow) *string { return &d.Port })),
			item(tr("prop.transport"), f.choice(func() []string { return []string{"tcp", "udp", "serial", "other"} }, func() string { return fl().Transport }, func(s string) {
				fEd("transport", func(d *model.DataFlow) { d.Transport = s })
			})),
			item(tr("prop.from"), fid("from", func(d *model.DataFlow) *model.ID { return &d.From })),
			item(tr("prop.to"), fid("to", func(d *model.DataFlow) *model.ID { return &d.To })),
			item(tr("prop.initiator"), fid("initiator", func(d *model.DataFlow) *model.ID { return &d.Initiator })),
			item("", f.check(tr("prop.bidirectional"), func() bool { return fl().Bidirectional }, func(b bool) { fEd("direction", func(d *model.DataFlow) { d.Bidirectional = b }) })),
			item(tr("prop.purpose"), fstr("purpose", func(d *model.DataFlow) *string { return &d.Purpose })),
			item("", smallButton(tr("prop.removeFlow"), theme.DeleteIcon(), func() { ed("flows", func(c *model.Conduit) { c.Flows = slices.Delete(c.Flows, i, i+1) }) })),
		))
	}
	box.Add(smallButton(tr("prop.addFlow"), theme.ContentAddIcon(), func() {
		ed("flows", func(c *model.Conduit) {
			fl := model.DataFlow{Protocol: "HTTPS", Port: "443", Transport: "tcp"}
			if len(c.ZoneIDs) >= 2 {
				fl.From, fl.To, fl.Initiator = c.ZoneIDs[0], c.ZoneIDs[1], c.ZoneIDs[0]
			}
			c.Flows = append(c.Flows, fl)
		})
	}))

	box.Add(heading(tr("prop.sltOverrides")))
	box.Add(pp.overrides(
		func() []model.SLOverride { return c().SLTOverrides },
		func(field string, mut func(*[]model.SLOverride)) {
			ed(field, func(c *model.Conduit) { mut(&c.SLTOverrides) })
		},
	))
	return box
}

// toggled returns s with v added or removed, in the order of all.
func toggled[T comparable](s []T, v T, on bool, all []T) []T {
	var out []T
	for _, x := range all {
		if (x == v && on) || (x != v && slices.Contains(s, x)) {
			out = append(out, x)
		}
	}
	return out
}

// isZoneWithin reports whether zone id is root or nested (at any depth) in root.
func isZoneWithin(p *model.Project, id, root model.ID) bool {
	for range len(p.Zones) + 1 { // bounded: a cycle in a bad file cannot loop forever
		if id == root {
			return true
		}
		z := p.Zone(id)
		if z == nil || z.ParentID == "" {
			return false
		}
		id = z.ParentID
	}
	return false
}
