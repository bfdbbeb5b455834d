package templates

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zonewise/model"
	"zonewise/risk"
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
		for _, c := range z.Conduits {
			z.NeedsMFA = z.NeedsMFA || (c.Rules.MFA && slices.Contains(c.LogonZones, z))
			if c.Rules.Diode {
				for _, f := range c.Flows {
					z.NeedsUnidirectional = z.NeedsUnidirectional || f.From == z.Name
				}
			}
		}
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
		if c.Rules.OneWay {
			d.OneWayConduits = append(d.OneWayConduits, c)
		}
		if c.Rules.MFA {
			d.MFAConduits = append(d.MFAConduits, c)
		}
		switch {
		case c.External && c.Rules.Sessions:
			d.RemoteAccessConduits = append(d.RemoteAccessConduits, c)
		case c.External:
			d.TelemetryConduits = append(d.TelemetryConduits, c)
		}
	}
	for _, a := range d.Assets {
		if a.Transient {
			d.TransientDevices = append(d.TransientDevices, a)
			if a.SupplierOwned {
				d.SupplierDevices = append(d.SupplierDevices, a)
			}
		}
	}
	d.Adjustments = CheckDocuments(b.p, b.r)
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
	b.questions()
	b.containment()
	b.profiles()
	b.requirementMatrices()
	b.metBy()
	b.reportViews()
	b.compactViews()
	b.componentViews()
	b.residualRisks()
	b.distinctCounts()
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
			slt := a.SLT
			if a.Capped {
				slt = a.ProfileSL
			}
			pd = &ProfileData{ID: Text(fmt.Sprintf("%s-%d", prefix, count[prefix])), Class: a.Class, Prefix: a.Prefix, SLT: slt, Requirements: a.Requirements}
			byKey[key] = pd
			b.d.Profiles = append(b.d.Profiles, pd)
		}
		if a.Capped {
			pd.Capped = true
			pd.ZoneSLT = pd.ZoneSLT.Max(a.SLT)
			if !slices.Contains(pd.Platforms, a.Platform) {
				pd.Platforms = append(pd.Platforms, a.Platform)
			}
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
// conduits by their per-requirement state (docs/METHOD.md step 6): met
// today, gaps, and of the gaps those in zones whose SL-C is unknown, where
// only an answer or a measure can show more. Not-applicable requirements
// are not asked.
func (b *builder) compliance() {
	var req, met, unknown [7]int
	count := func(reqs []RequirementData, slcUnknown bool) {
		for _, r := range reqs {
			if r.FR < 1 || r.FR > 7 || r.StateKey == string(risk.StateNotApplicable) {
				continue
			}
			req[r.FR-1]++
			switch {
			case r.StateKey == string(risk.StateMet):
				met[r.FR-1]++
			case slcUnknown:
				unknown[r.FR-1]++
			}
		}
	}
	for _, z := range b.d.Zones {
		if !z.OutOfScope {
			count(z.Requirements, z.SLC.Unknown)
		}
	}
	for _, c := range b.d.Conduits {
		count(c.Requirements, false)
	}
	for i, f := range model.AllFRs {
		cd := ComplianceData{FR: b.frData(f), Required: req[i], Met: met[i], Gaps: req[i] - met[i], UnknownSLC: unknown[i]}
		if req[i] > 0 {
			cd.Percent = met[i] * 100 / req[i]
		}
		b.d.Compliance = append(b.d.Compliance, cd)
	}
}

// questions collects, in catalogue order, every requirement asked of at
// least one zone in scope or conduit, with its plain-words question and
// where it is asked.
func (b *builder) questions() {
	byID := map[Text]*QuestionData{}
	add := func(name Text, reqs []RequirementData) {
		for _, r := range reqs {
			if r.StateKey == string(risk.StateNotApplicable) {
				continue
			}
			q := byID[r.ID]
			if q == nil {
				qq, _ := QuestionFor(string(r.ID))
				q = &QuestionData{ID: r.ID, Title: r.Title, FR: r.FR, MinSL: r.MinSL, Ask: Text(qq.Ask), Evidence: Text(qq.Evidence)}
				if q.Ask == "" {
					q.Ask = r.Summary
				}
				de := questionsDE[string(r.ID)]
				q.AskDE, q.EvidenceDE = Text(de.Ask), Text(de.Evidence)
				if q.AskDE == "" {
					q.AskDE, q.EvidenceDE = q.Ask, q.Evidence
				}
				byID[r.ID] = q
			}
			q.Targets = append(q.Targets, name)
			if r.StateKey == string(risk.StateMet) {
				q.Met++
			}
		}
	}
	for _, z := range b.d.Zones {
		if !z.OutOfScope {
			add(z.Name, z.Requirements)
		}
	}
	for _, c := range b.d.Conduits {
		add(c.Name, c.Requirements)
	}
	for _, r := range b.cat.System {
		if q := byID[Text(r.ID)]; q != nil {
			b.d.Questions = append(b.d.Questions, q)
		}
	}
	for _, f := range model.AllFRs {
		g := QuestionGroup{FR: b.frData(f)}
		for _, q := range b.d.Questions {
			if q.FR == int(f) {
				g.Questions = append(g.Questions, q)
			}
		}
		if len(g.Questions) > 0 {
			b.d.QuestionGroups = append(b.d.QuestionGroups, g)
		}
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
		g := RequirementGroup{FR: b.frData(f)}
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
