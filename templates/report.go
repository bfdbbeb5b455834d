package templates

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"zonewise/model"
)

// OpenGapTarget is one zone or conduit with FR gaps no library measure
// closes: the FRs with their gap and how many requirements stay unmet.
type OpenGapTarget struct {
	TargetKind, Target Text
	FRs                []Text // "FR1 (2)": the FR and its gap
	Requirements       int
}

// reportViews fills the compact views of the risk assessment report.
func (b *builder) reportViews() {
	idx := map[string]*OpenGapTarget{}
	for _, g := range b.d.OpenGaps {
		key := string(g.TargetKind) + "\x00" + string(g.Target)
		t := idx[key]
		if t == nil {
			t = &OpenGapTarget{TargetKind: g.TargetKind, Target: g.Target}
			idx[key] = t
			b.d.OpenGapTargets = append(b.d.OpenGapTargets, t)
		}
		t.FRs = append(t.FRs, Text(fmt.Sprintf("FR%d (%d)", g.FR, g.Gap)))
		t.Requirements += len(g.Requirements)
	}
}

// AssetZoneSummary is one zone's assets in a big plant's inventory: how many
// of each class, how many of unknown SL-C and of high or critical
// criticality. Every asset is in the asset register.
type AssetZoneSummary struct {
	Zone                    Text
	Count                   int
	Classes                 []Text // "Embedded device: 12"
	UnknownSLC, HighOrVital int
}

// ExclusionSet is the same measures excluded for the same reason (essential
// function and impact) at several zones and conduits.
type ExclusionSet struct {
	EssentialFunction, Impact Text
	Measures                  []Text
	Targets                   []Text
}

// compactViews fills the views a big plant's report prints instead of one
// row per asset or per exclusion.
func (b *builder) compactViews() {
	byZone := map[Text]*AssetZoneSummary{}
	classCount := map[Text]map[Text]int{}
	var classOrder []Text
	for _, a := range b.d.Assets {
		s := byZone[a.Zone]
		if s == nil {
			s = &AssetZoneSummary{Zone: a.Zone}
			byZone[a.Zone] = s
			classCount[a.Zone] = map[Text]int{}
			b.d.AssetZones = append(b.d.AssetZones, s)
		}
		s.Count++
		if classCount[a.Zone][a.Class] == 0 && !slices.Contains(classOrder, a.Class) {
			classOrder = append(classOrder, a.Class)
		}
		classCount[a.Zone][a.Class]++
		if a.SLCUnknown {
			s.UnknownSLC++
		}
		if a.CriticalityKey == string(model.CriticalityHigh) || a.CriticalityKey == string(model.CriticalityVital) {
			s.HighOrVital++
		}
	}
	slices.SortFunc(classOrder, func(x, y Text) int { return cmp.Compare(x, y) })
	for _, s := range b.d.AssetZones {
		for _, c := range classOrder {
			if n := classCount[s.Zone][c]; n > 0 {
				s.Classes = append(s.Classes, Text(fmt.Sprintf("%s: %d", c, n)))
			}
		}
	}
	sets := map[string]*ExclusionSet{}
	for _, g := range b.d.ExclusionGroups {
		key := string(g.EssentialFunction) + "\x00" + string(g.Impact) + "\x00" + strings.Join(rawList(g.Measures), "\x00")
		s := sets[key]
		if s == nil {
			s = &ExclusionSet{EssentialFunction: g.EssentialFunction, Impact: g.Impact, Measures: g.Measures}
			sets[key] = s
			b.d.ExclusionSets = append(b.d.ExclusionSets, s)
		}
		if !slices.Contains(s.Targets, g.Target) {
			s.Targets = append(s.Targets, g.Target)
		}
	}
}
