package templates

import (
	"cmp"
	"fmt"
	"slices"
)

// OpenGapTarget is one zone or conduit with FR gaps no library measure
// closes: the FRs with their gap and how many requirements stay unmet.
type OpenGapTarget struct {
	TargetKind, Target Text
	FRs                []Text // "FR1 (2)": the FR and its gap
	Requirements       int
}

// AssetGroup counts the assets of one zone with the same class, product,
// criticality and SL-C: the compact inventory of a big plant.
type AssetGroup struct {
	Zone, Class, Product, Criticality, SLC Text
	Count                                  int
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
	groups := map[AssetGroup]int{}
	for _, a := range b.d.Assets {
		k := AssetGroup{Zone: a.Zone, Class: a.Class, Product: a.Product(), Criticality: a.Criticality, SLC: a.SLCText()}
		i, ok := groups[k]
		if !ok {
			i = len(b.d.AssetGroups)
			groups[k] = i
			b.d.AssetGroups = append(b.d.AssetGroups, k)
		}
		b.d.AssetGroups[i].Count++
	}
	// in zone order (the order of the assets), the biggest group first
	zoneAt := map[Text]int{}
	for _, g := range b.d.AssetGroups {
		if _, ok := zoneAt[g.Zone]; !ok {
			zoneAt[g.Zone] = len(zoneAt)
		}
	}
	slices.SortStableFunc(b.d.AssetGroups, func(x, y AssetGroup) int {
		return cmp.Or(cmp.Compare(zoneAt[x.Zone], zoneAt[y.Zone]), cmp.Compare(y.Count, x.Count))
	})
}
