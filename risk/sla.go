package risk

import (
	"fmt"

	"zonewise/model"
)

// credit is what the implemented countermeasure instances on one zone,
// conduit or asset support per FR: each instance up to its measure's Max.
type credit struct {
	sl   [7]int
	from [7][]*model.CountermeasureInstance // the instances reaching sl
}

// creditOf sums up the implemented instances on a target, memoised. Only
// implemented instances count: accepted ones are a plan, not a control.
func (a *assessor) creditOf(id model.ID) *credit {
	if c, ok := a.credits[id]; ok {
		return c
	}
	var c *credit
	for _, ci := range a.ix.onTarget[id] {
		m := a.ix.measure(ci)
		if m == nil || ci.Status != model.StatusImplemented {
			continue
		}
		if c == nil {
			c = new(credit)
		}
		for i, sl := range m.Max {
			sl = clampSL(sl)
			switch {
			case sl == 0:
			case sl > c.sl[i]:
				c.sl[i], c.from[i] = sl, []*model.CountermeasureInstance{ci}
			case sl == c.sl[i]:
				c.from[i] = append(c.from[i], ci)
			}
		}
	}
	a.credits[id] = c
	return c
}

func (c *credit) at(i int) int {
	if c == nil {
		return 0
	}
	return c.sl[i]
}

// plannedReasons says, for one FR, which accepted instances on a target are
// not credited because they are not implemented yet.
func (a *assessor) plannedReasons(id model.ID, i int) []Reason {
	var rs []Reason
	for _, ci := range a.ix.onTarget[id] {
		m := a.ix.measure(ci)
		if m == nil || ci.Status != model.StatusAccepted || m.Max[i] == 0 {
			continue
		}
		rs = append(rs, Reason{Rule: RulePlanned, ObjectID: ci.ID,
			Text: fmt.Sprintf("%s (%s) is accepted but not implemented: no SL-A credit for %s until it is", m.ID, m.Name, model.AllFRs[i])})
	}
	return rs
}

func (a *assessor) measureReasons(c *credit, i int, where string) []Reason {
	var rs []Reason
	for _, ci := range c.from[i] {
		m := a.ix.measure(ci)
		rs = append(rs, Reason{Rule: RuleCountermeasure, ObjectID: ci.ID,
			Text: fmt.Sprintf("implemented %s (%s) on %s credits %s up to SL %d", m.ID, m.Name, where, model.AllFRs[i], c.sl[i])})
	}
	return rs
}

// zoneSLCA rolls up a zone's SL-C from its weakest asset and derives its
// SL-A (DESIGN.md §2 step 6) as the highest of:
//   - SL-C, the weakest asset's capability;
//   - the weakest asset counting implemented measures on each asset;
//   - implemented measures on the zone itself;
//   - the boundary: measures implemented on every conduit of the zone, up to
//     the weakest conduit (a path left unprotected protects nothing).
func (a *assessor) zoneSLCA(z *model.Zone) (slc, sla Cells) {
	assets := a.ix.zoneAssets[z.ID]
	zc := a.creditOf(z.ID)
	conduits := a.ix.zoneConduits[z.ID]

	// One pass over the assets: the weakest per FR, with and without the
	// measures implemented on each asset.
	var weakestOf, weakestEffOf [7]*model.Asset
	var effOf [7]int
	for _, as := range assets {
		var cr *credit
		if len(a.ix.onTarget[as.ID]) > 0 {
			cr = a.creditOf(as.ID)
		}
		for i := range weakestOf {
			if w := weakestOf[i]; w == nil || as.SLC[i] < w.SLC[i] {
				weakestOf[i] = as
			}
			if e := max(clampSL(as.SLC[i]), cr.at(i)); weakestEffOf[i] == nil || e < effOf[i] {
				weakestEffOf[i], effOf[i] = as, e
			}
		}
	}
	for i := range slc {
		f := model.AllFRs[i]
		weakest, weakestEff, eff := weakestOf[i], weakestEffOf[i], effOf[i]
		if weakest == nil {
			slc[i] = Cell{SL: 0, Reasons: []Reason{{Rule: RuleNoAssets, ObjectID: z.ID,
				Text: fmt.Sprintf("zone %s has no assets: SL-C 0", label(z.Name, z.ID))}}}
		} else {
			of := fmt.Sprintf("weakest of %d assets", len(assets))
			if len(assets) == 1 {
				of = "the only asset"
			}
			slc[i] = Cell{SL: clampSL(weakest.SLC[i]), Reasons: []Reason{{Rule: RuleWeakestAsset, ObjectID: weakest.ID,
				Text: fmt.Sprintf("%s: %s has SL-C %d for %s (%s)",
					of, label(weakest.Name, weakest.ID), clampSL(weakest.SLC[i]), f, sourceLabel(weakest.SLCSource))}}}
		}

		// The boundary credit of the conduits.
		bc := 0
		var weakConduit *model.Conduit
		for j, c := range conduits {
			if cr := a.creditOf(c.ID).at(i); j == 0 || cr < bc {
				bc, weakConduit = cr, c
			}
		}

		sl := max(slc[i].SL, eff, zc.at(i), bc)
		var rs []Reason
		switch {
		case slc[i].SL == sl && weakest != nil:
			rs = append(rs, Reason{Rule: RuleCapability, ObjectID: weakest.ID,
				Text: fmt.Sprintf("SL-C %d of the weakest asset %s", sl, label(weakest.Name, weakest.ID))})
		case slc[i].SL == sl: // no assets and no credit: 0
			rs = append(rs, Reason{Rule: RuleNoAssets, ObjectID: z.ID,
				Text: fmt.Sprintf("zone %s has no assets and no implemented countermeasure supports %s", label(z.Name, z.ID), f)})
		}
		if eff > slc[i].SL && eff == sl {
			rs = append(rs, Reason{Rule: RuleCountermeasure, ObjectID: weakestEff.ID,
				Text: fmt.Sprintf("with the measures implemented on its assets, the weakest asset %s reaches SL %d for %s",
					label(weakestEff.Name, weakestEff.ID), eff, f)})
		}
		if zc.at(i) == sl && sl > 0 {
			rs = append(rs, a.measureReasons(zc, i, "the zone")...)
		}
		if bc == sl && sl > 0 && weakConduit != nil {
			rs = append(rs, Reason{Rule: RuleCountermeasure, ObjectID: weakConduit.ID,
				Text: fmt.Sprintf("every conduit of the zone carries implemented measures reaching SL %d for %s (weakest: conduit %s)",
					bc, f, label(weakConduit.Name, weakConduit.ID))})
		}
		rs = append(rs, a.plannedReasons(z.ID, i)...)
		sla[i] = Cell{SL: sl, Reasons: rs}
	}
	return slc, sla
}

// conduitSLA credits the implemented measures on the conduit itself;
// conduits have no SL-C.
func (a *assessor) conduitSLA(c *model.Conduit) (sla Cells) {
	cr := a.creditOf(c.ID)
	for i := range sla {
		sl := cr.at(i)
		var rs []Reason
		if sl > 0 {
			rs = a.measureReasons(cr, i, "the conduit")
		} else {
			rs = []Reason{{Rule: RuleCountermeasure, ObjectID: c.ID,
				Text: fmt.Sprintf("no implemented countermeasure on the conduit supports %s: SL-A 0", model.AllFRs[i])}}
		}
		rs = append(rs, a.plannedReasons(c.ID, i)...)
		sla[i] = Cell{SL: sl, Reasons: rs}
	}
	return sla
}

func sourceLabel(s model.SLCSource) string {
	if s == "" {
		return model.SLCUnknown.Label()
	}
	return s.Label()
}
