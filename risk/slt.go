package risk

import (
	"strings"

	"zonewise/model"
)

// frContrib is the highest SL that scenarios ask of one FR of a zone or
// conduit, and the scenarios that ask it.
type frContrib struct {
	sl   int
	rule string
	from []*scenarioEval
}

type contribs [7]frContrib

// add records a scenario's SL for each FR it affects; ties keep every
// scenario, so each one appears among the cell's reasons.
func (c *contribs) add(e *scenarioEval, sl int, rule string) {
	for i := range c {
		if !e.frs[i] {
			continue
		}
		fc := &c[i]
		switch {
		case sl > fc.sl:
			fc.sl, fc.rule, fc.from = sl, rule, []*scenarioEval{e}
		case sl == fc.sl:
			fc.from = append(fc.from, e)
		}
	}
}

// collectContributions files every scenario's SL-T contribution under the
// zone or conduit it lands on. A scenario on an asset lands on the asset's
// zone. A scenario on a child zone lands on the child only: the child then
// inherits at least its parent's SL-T (see zoneSLT), because it lies inside
// the parent's boundary, while threats aimed inside do not raise the
// requirements of everything around them.
func (a *assessor) collectContributions() {
	a.zoneContrib = make(map[model.ID]*contribs)
	a.conduitContrib = make(map[model.ID]*contribs)
	a.pathContrib = make(map[model.ID]*contribs)
	addTo := func(m map[model.ID]*contribs, id model.ID, e *scenarioEval, sl int, rule string) {
		c := m[id]
		if c == nil {
			c = new(contribs)
			m[id] = c
		}
		c.add(e, sl, rule)
	}
	for _, e := range a.evals {
		sl, rule, ok := e.sltContribution(a.method)
		if !ok || sl == 0 {
			continue
		}
		if p := e.path; p != nil {
			for _, id := range p.Zones {
				if e.zone == nil || id != e.zone.ID {
					addTo(a.pathContrib, id, e, sl, rule)
				}
			}
			for _, id := range p.Conduits {
				if e.conduit == nil || id != e.conduit.ID {
					addTo(a.pathContrib, id, e, sl, rule)
				}
			}
		}
		var m map[model.ID]*contribs
		var id model.ID
		switch {
		case e.conduit != nil:
			m, id = a.conduitContrib, e.conduit.ID
		case e.zone != nil:
			m, id = a.zoneContrib, e.zone.ID
		default:
			continue // dangling target: a validation problem
		}
		addTo(m, id, e, sl, rule)
	}
}

// zoneSLT derives the SL-T of a zone (docs/METHOD.md step 3), memoised. The
// parent is assessed first; a parent cycle (a validation error) is cut.
func (a *assessor) zoneSLT(z *model.Zone) *Cells {
	if c, ok := a.zoneSLTs[z.ID]; ok {
		return c
	}
	a.visiting[z.ID] = true
	var parent *model.Zone
	var parentSLT *Cells
	if p := a.ix.zones[z.ParentID]; p != nil && z.ParentID != z.ID && !a.visiting[p.ID] {
		parent, parentSLT = p, a.zoneSLT(p)
	}
	// A safety zone is never below a control zone it connects to, on any
	// FR: the SIS must stay effective when the basic process control system
	// it guards has been compromised (IEC 61511 independence), and a
	// compromised control zone attacks the SIS through exactly that conduit
	// (docs/METHOD.md step 3).
	var controls []*model.Zone
	var controlSLT []*Cells
	if z.IsSafety() {
		for _, c := range a.ix.zoneOrder {
			if c.Type == model.ZoneControl && !c.IsSafety() && !c.OutOfScope && !a.visiting[c.ID] && a.connected(z, c) {
				controls, controlSLT = append(controls, c), append(controlSLT, a.zoneSLT(c))
			}
		}
	}
	delete(a.visiting, z.ID)

	cells := new(Cells)
	if z.OutOfScope {
		key := "risk.reason.slt.zone-out-of-scope"
		if len(z.SLTOverrides) > 0 {
			key = "risk.reason.slt.zone-out-of-scope-overrides"
		}
		r := reason(RuleOutOfScope, msg(key, "Zone", label(z.Name, z.ID)))
		r.ObjectID = z.ID
		for i := range cells {
			cells[i] = Cell{SL: 0, Reasons: []Reason{r}}
		}
		a.zoneSLTs[z.ID] = cells
		return cells
	}
	con := a.zoneContrib[z.ID]
	pcon := a.pathContrib[z.ID]
	for i := range cells {
		f := model.AllFRs[i]
		sl := 1
		if con != nil {
			sl = max(sl, con[i].sl)
		}
		if pcon != nil {
			sl = max(sl, pcon[i].sl)
		}
		if parentSLT != nil {
			sl = max(sl, parentSLT[i].SL)
		}
		floor, exposed, how := a.ix.exposureFloor(z, i)
		sl = max(sl, floor)
		for _, c := range controlSLT {
			sl = max(sl, c[i].SL)
		}
		var rs []Reason
		if con != nil && con[i].sl == sl {
			for _, e := range con[i].from {
				rs = append(rs, a.ix.sltReason(e, con[i].rule, f, sl))
			}
		}
		if pcon != nil && pcon[i].sl == sl {
			for _, e := range pcon[i].from {
				rs = append(rs, a.ix.pathReason(e, pcon[i].rule, f, sl))
			}
		}
		if exposed != nil && floor == sl {
			r := reason(RuleExposure, msg("risk.reason.slt.exposure", "Asset", label(exposed.Name, exposed.ID), "How", term(how), "SL", floor, "FR", f))
			r.ObjectID = exposed.ID
			rs = append(rs, r)
		}
		for j, c := range controlSLT {
			if c[i].SL == sl && sl > 1 {
				r := reason(RuleSafetyZone, msg("risk.reason.slt.safety-zone", "Zone", label(controls[j].Name, controls[j].ID), "SL", sl, "FR", f))
				r.ObjectID = controls[j].ID
				rs = append(rs, r)
			}
		}
		if parentSLT != nil && parentSLT[i].SL == sl {
			r := reason(RuleParentZone, msg("risk.reason.slt.parent", "SL", sl, "FR", f, "Zone", label(parent.Name, parent.ID)))
			r.ObjectID = parent.ID
			rs = append(rs, r)
		}
		if len(rs) == 0 {
			r := reason(RuleInScopeMinimum, msg("risk.reason.slt.zone-minimum", "FR", f))
			r.ObjectID = z.ID
			rs = []Reason{r}
		}
		cells[i] = Cell{SL: sl, Reasons: rs}
		if a.ix.notApplicable[i] {
			cells[i] = a.notApplicableCell(f, sl)
		}
	}
	a.applyOverrides(cells, z.SLTOverrides, z.ID, label(z.Name, z.ID))
	a.zoneSLTs[z.ID] = cells
	return cells
}

// conduitSLT derives the SL-T of a conduit (docs/METHOD.md step 4): per FR the
// highest SL-T of the zones it connects, raised by scenarios on the conduit.
func (a *assessor) conduitSLT(c *model.Conduit, zones []*model.Zone) *Cells {
	cells := new(Cells)
	inScope := false
	for _, z := range zones {
		inScope = inScope || !z.OutOfScope
	}
	if !inScope {
		r := reason(RuleOutOfScope, msg("risk.reason.slt.conduit-out-of-scope", "Conduit", label(c.Name, c.ID)))
		r.ObjectID = c.ID
		for i := range cells {
			cells[i] = Cell{SL: 0, Reasons: []Reason{r}}
		}
		return cells
	}
	con := a.conduitContrib[c.ID]
	pcon := a.pathContrib[c.ID]
	zoneCells := make([]*Cells, len(zones))
	for j, z := range zones {
		zoneCells[j] = a.zoneSLTs[z.ID]
	}
	for i := range cells {
		f := model.AllFRs[i]
		sl := 1
		for _, zc := range zoneCells {
			sl = max(sl, zc[i].Derived, zc[i].SL)
		}
		if con != nil {
			sl = max(sl, con[i].sl)
		}
		if pcon != nil {
			sl = max(sl, pcon[i].sl)
		}
		var rs []Reason
		for j, z := range zones {
			if max(zoneCells[j][i].Derived, zoneCells[j][i].SL) == sl {
				r := reason(RuleConduitZones, msg("risk.reason.slt.conduit-zone", "Zone", label(z.Name, z.ID), "SL", sl, "FR", f))
				r.ObjectID = z.ID
				rs = append(rs, r)
			}
		}
		if con != nil && con[i].sl == sl {
			for _, e := range con[i].from {
				r := a.ix.sltReason(e, con[i].rule, f, sl)
				r.Rule = RuleConduitScenario
				rs = append(rs, r)
			}
		}
		if pcon != nil && pcon[i].sl == sl {
			for _, e := range pcon[i].from {
				rs = append(rs, a.ix.pathReason(e, pcon[i].rule, f, sl))
			}
		}
		if len(rs) == 0 {
			r := reason(RuleInScopeMinimum, msg("risk.reason.slt.conduit-minimum", "FR", f))
			r.ObjectID = c.ID
			rs = []Reason{r}
		}
		cells[i] = Cell{SL: sl, Reasons: rs}
		if a.ix.notApplicable[i] {
			cells[i] = a.notApplicableCell(f, sl)
		}
	}
	a.applyOverrides(cells, c.SLTOverrides, c.ID, label(c.Name, c.ID))
	return cells
}

// connected reports whether two zones share a conduit.
func (a *assessor) connected(x, y *model.Zone) bool {
	for _, c := range a.ix.zoneConduits[x.ID] {
		for _, id := range c.ZoneIDs {
			if id == y.ID {
				return true
			}
		}
	}
	return false
}

// notApplicableCell sets an FR the project declares not applicable to 0,
// keeping the derived level visible beside it.
func (a *assessor) notApplicableCell(f model.FR, derived int) Cell {
	var just any = a.ix.p.NotApplicableJustification
	if just == "" {
		just = term("risk.term.no-justification")
	}
	return Cell{SL: 0, NotApplicable: true, Derived: derived, Reasons: []Reason{reason(RuleNotApplicable,
		msg("risk.reason.slt.not-applicable", "FR", f, "Title", frTitle(f), "Derived", derived, "Justification", just))}}
}

// applyOverrides replaces derived cells with the user's justified values,
// keeping the derived value visible. An override (or a not-applicable FR)
// below the derived value raises a warning naming the intolerable scenarios
// it sets aside (docs/METHOD.md step 3).
func (a *assessor) applyOverrides(cells *Cells, overrides []model.SLOverride, id model.ID, name string) {
	for _, o := range overrides {
		if !o.FR.Valid() {
			continue
		}
		c := &cells[o.FR-1]
		derived := c.SL
		if c.NotApplicable {
			derived = c.Derived
		}
		var just any = o.Justification
		if just == "" {
			just = term("risk.term.no-justification")
		}
		r := reason(RuleOverride, msg("risk.reason.slt.override", "SL", clampSL(o.SL), "FR", o.FR, "Derived", derived, "Justification", just))
		r.ObjectID = id
		*c = Cell{SL: clampSL(o.SL), Overridden: true, Derived: derived, Reasons: []Reason{r}}
	}
	for i := range cells {
		c := &cells[i]
		if (c.Overridden || c.NotApplicable) && c.SL < c.Derived {
			a.lowered(id, name, model.AllFRs[i], c)
		}
	}
}

// lowered records a warning for a cell set below its derived level.
func (a *assessor) lowered(id model.ID, name string, f model.FR, c *Cell) {
	var set []model.ID
	var names []string
	for _, e := range a.evals {
		if e.tolerable || !e.frs[f-1] {
			continue
		}
		on := (e.zone != nil && e.zone.ID == id) || (e.conduit != nil && e.conduit.ID == id)
		if !on && e.path != nil {
			on = containsID(e.path.Zones, id) || containsID(e.path.Conduits, id)
		}
		if on {
			set = append(set, e.s.ID)
			names = append(names, label(e.s.Name, e.s.ID))
		}
	}
	key := "risk.warning.lowered.override"
	if c.NotApplicable && !c.Overridden {
		key = "risk.warning.lowered.not-applicable"
	}
	if len(names) > 0 {
		key += "-scenarios"
	}
	m := msg(key, "FR", f, "Name", name, "SL", c.SL, "Derived", c.Derived, "Scenarios", strings.Join(names, ", "))
	a.warnings = append(a.warnings, Warning{Rule: RuleLowered, ObjectID: id, FR: f, SL: c.SL, Derived: c.Derived, Scenarios: set, Text: m.EN(), Msg: m})
}

func containsID(ids []model.ID, id model.ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
