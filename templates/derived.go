package templates

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zonewise/model"
)

// derived fills the lists and counts computed from the rest.
func (b *builder) derived() {
	d := b.d
	st := &d.Stats
	st.Zones, st.Conduits, st.Assets, st.Actors, st.Scenarios = len(d.Zones), len(d.Conduits), len(d.Assets), len(d.Actors), len(d.Scenarios)
	for _, z := range d.Zones {
		if z.OutOfScope {
			continue
		}
		st.ZonesInScope++
		z.NeedsMFA = z.SLT.V.Get(model.FR1) >= 2 && len(z.Conduits) > 0
		z.NeedsUnidirectional = z.SLT.V.Get(model.FR5) >= 3
		if z.NeedsMFA {
			d.MFAZones = append(d.MFAZones, z)
		}
		if z.NeedsUnidirectional {
			d.UnidirectionalZones = append(d.UnidirectionalZones, z)
		}
		if z.IsSafety {
			d.SafetyZones = append(d.SafetyZones, z)
		}
		if z.HasGap {
			st.ZonesWithGap++
		}
		for _, g := range z.Gap {
			if g > 0 {
				st.GapFRs++
			}
		}
		for _, sl := range z.SLT.V {
			st.MaxSLT = max(st.MaxSLT, sl)
		}
	}
	for _, c := range d.Conduits {
		if c.HasGap {
			st.ConduitsWithGap++
		}
	}
	for _, s := range d.Scenarios {
		if s.UnmitigatedKey != "" && !s.Tolerable {
			st.Intolerable++
		}
		if s.ResidualKey != "" && !s.ResidualTolerable {
			st.ResidualIntolerable++
		}
	}
	st.Proposals, st.Exclusions, st.AnyFlows = len(d.Proposals), len(d.Exclusions), len(d.AnyFlows)
	for _, m := range d.Measures {
		switch model.MeasureStatus(m.StatusKey) {
		case model.StatusAccepted:
			st.Accepted++
		case model.StatusImplemented:
			st.Implemented++
		case model.StatusRejected:
			st.Rejected++
		}
	}
	for _, a := range d.Assets {
		if a.SLCUnknown {
			st.UnknownSLC++
		}
		if a.CriticalityKey == string(model.CriticalityHigh) || a.CriticalityKey == string(model.CriticalityVital) {
			st.CriticalAssets++
		}
	}
	b.programme()
	b.plantRequirements()
	b.classes()
	b.compliance()
	b.containment()
	b.profiles()
}

// profiles groups assets by class and selected component requirements.
func (b *builder) profiles() {
	byKey := map[string]*ProfileData{}
	count := map[string]int{}
	for _, a := range b.d.Assets {
		if len(a.Requirements) == 0 {
			continue
		}
		ids := make([]string, len(a.Requirements))
		for i, r := range a.Requirements {
			ids[i] = string(r.ID)
		}
		key := a.ClassKey + "\x00" + strings.Join(ids, "\x00")
		pd := byKey[key]
		if pd == nil {
			prefix := string(a.Prefix)
			if prefix == "" {
				prefix = "CR"
			}
			count[prefix]++
			pd = &ProfileData{ID: Text(fmt.Sprintf("%s-%d", prefix, count[prefix])), Class: a.Class, Prefix: a.Prefix, SLT: a.SLT, Requirements: a.Requirements}
			byKey[key] = pd
			b.d.Profiles = append(b.d.Profiles, pd)
		}
		pd.Assets = append(pd.Assets, a)
		if !slices.Contains(pd.Zones, a.Zone) {
			pd.Zones = append(pd.Zones, a.Zone)
		}
		a.Profile = pd.ID
	}
	slices.SortStableFunc(b.d.Profiles, func(x, y *ProfileData) int { return strings.Compare(string(x.Prefix), string(y.Prefix)) })
}

func (b *builder) containment() {
	top := func(c *ConduitData) float64 {
		t := -1.0
		for _, z := range c.ZoneRefs {
			if l, err := strconv.ParseFloat(string(z.Purdue), 64); err == nil {
				t = max(t, l)
			}
		}
		return t
	}
	b.d.ContainmentOrder = slices.Clone(b.d.Conduits)
	slices.SortStableFunc(b.d.ContainmentOrder, func(x, y *ConduitData) int {
		if x.External != y.External {
			if x.External {
				return -1
			}
			return 1
		}
		return cmp.Compare(top(y), top(x))
	})
}

func (b *builder) classes() {
	for _, c := range model.AssetClasses() {
		cd := &ClassData{Class: label(b.c, c), ClassKey: string(c), Prefix: Text(c.Prefix())}
		for _, a := range b.d.Assets {
			if a.ClassKey == string(c) {
				cd.Assets = append(cd.Assets, a)
			}
		}
		if len(cd.Assets) == 0 {
			continue
		}
		for _, def := range model.FocusPointDefs(c) {
			pd := FocusPointDefData{Key: def.Key, Title: Text(def.Title)}
			for _, a := range cd.Assets {
				for _, fp := range a.FocusPoints {
					if fp.Key != def.Key {
						continue
					}
					switch model.FocusStatus(fp.StatusKey) {
					case model.FocusDone:
						pd.Done++
					case model.FocusPartial:
						pd.Partial++
					case model.FocusNotApplicable:
						pd.NA++
					default:
						pd.Open++
					}
				}
			}
			cd.Points = append(cd.Points, pd)
		}
		b.d.Classes = append(b.d.Classes, cd)
	}
}

// compliance counts, per FR, the SRs/REs required of zones in scope and of
// conduits, and how many of them the achieved SL reaches.
func (b *builder) compliance() {
	var req, met [7]int
	count := func(reqs []RequirementData, sla model.SLVector) {
		for _, r := range reqs {
			if r.FR < 1 || r.FR > 7 {
				continue
			}
			req[r.FR-1]++
			if r.MinSL > 0 && sla[r.FR-1] >= r.MinSL {
				met[r.FR-1]++
			}
		}
	}
	for _, z := range b.d.Zones {
		if !z.OutOfScope {
			count(z.Requirements, z.SLA.V)
		}
	}
	for _, c := range b.d.Conduits {
		count(c.Requirements, c.SLA.V)
	}
	for i, f := range model.AllFRs {
		cd := ComplianceData{FR: frData(f), Required: req[i], Met: met[i]}
		if req[i] > 0 {
			cd.Percent = met[i] * 100 / req[i]
		}
		b.d.Compliance = append(b.d.Compliance, cd)
	}
}

// programme groups the recommended set by measure.
func (b *builder) programme() {
	byID := map[Text]*ProgrammeItem{}
	frs := map[Text]map[int]bool{}
	for _, pd := range b.d.Cover {
		it := byID[pd.MeasureID]
		if it == nil {
			it = &ProgrammeItem{Measure: pd.Measure, MeasureID: pd.MeasureID, Summary: pd.Summary, Effort: pd.Effort, BestRank: pd.Rank}
			byID[pd.MeasureID] = it
			frs[pd.MeasureID] = map[int]bool{}
			b.d.Programme = append(b.d.Programme, it)
		}
		it.BestRank = min(it.BestRank, pd.Rank)
		it.Targets = append(it.Targets, pd.Target)
		if pd.StatusKey == string(model.StatusProposed) {
			it.Open++
		}
		for _, f := range pd.ClosesFRs {
			frs[pd.MeasureID][f] = true
		}
	}
	for _, it := range b.d.Programme {
		for f := 1; f <= 7; f++ {
			if frs[it.MeasureID][f] {
				it.FRs = append(it.FRs, Text(fmt.Sprintf("FR%d", f)))
			}
		}
	}
	slices.SortStableFunc(b.d.Programme, func(x, y *ProgrammeItem) int { return cmp.Compare(x.BestRank, y.BestRank) })
}

// plantRequirements collects, per FR, the union of the zones' requirements
// in catalogue order.
func (b *builder) plantRequirements() {
	order := map[string]int{}
	for i, r := range b.cat.System {
		order[r.ID] = i
	}
	for _, f := range model.AllFRs {
		g := RequirementGroup{FR: frData(f)}
		seen := map[Text]bool{}
		for _, z := range b.d.Zones {
			if z.OutOfScope {
				continue
			}
			g.SL = max(g.SL, z.SLT.V.Get(f))
			for _, r := range z.Requirements {
				if r.FR == int(f) && !seen[r.ID] {
					seen[r.ID] = true
					g.Items = append(g.Items, r)
				}
			}
		}
		slices.SortStableFunc(g.Items, func(x, y RequirementData) int { return cmp.Compare(order[string(x.ID)], order[string(y.ID)]) })
		b.d.PlantRequirements = append(b.d.PlantRequirements, g)
	}
}
