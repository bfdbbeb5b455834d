package risk

import (
	"slices"

	"zonewise/model"
)

// fitTarget is what the fit rules know about a zone or conduit with gaps.
type fitTarget struct {
	kind model.TargetKind
	name string
	// conduit is the conduit's profile; nil for a zone.
	conduit *conduitProfile
	// assets are the zone's assets (nil for a conduit).
	assets []*model.Asset
	// conduits are the zone's conduits with their profiles (nil for a
	// conduit target).
	conduits []namedProfile
	// wireless marks a zone of type wireless or with an asset exposed to
	// wireless.
	wireless bool
}

type namedProfile struct {
	name string
	p    conduitProfile
}

// fitRule returns why a measure cannot work on a target, or "" when it can.
// Each rule has its own file and test (docs/METHOD.md, step 7).
type fitRule func(m *Measure, t *fitTarget) string

// fitRules are checked in order; the first reason found is the one given.
var fitRules = []fitRule{fitMedium, fitFlowKinds, fitFlowEffect, fitAssetClasses, fitConduitDevices}

// unfit returns why a measure cannot work on a target, or "" when it fits.
func unfit(m *Measure, t *fitTarget) string {
	for _, r := range fitRules {
		if why := r(m, t); why != "" {
			return why
		}
	}
	return ""
}

// newFitTarget describes a zone or conduit of the index for the fit rules.
func (a *assessor) newFitTarget(kind model.TargetKind, id model.ID) *fitTarget {
	ix := a.ix
	t := &fitTarget{kind: kind}
	switch kind {
	case model.TargetConduit:
		if c := ix.conduits[id]; c != nil {
			t.name, t.conduit = c.Name, a.profile(c)
		}
	case model.TargetZone:
		if z := ix.zones[id]; z != nil {
			t.name = z.Name
		}
		t.assets = ix.zoneAssets[id]
		t.wireless = ix.zones[id] != nil && ix.zones[id].Type == model.ZoneWireless
		for _, a := range t.assets {
			t.wireless = t.wireless || a.Exposure.Wireless
		}
		for _, c := range ix.zoneConduits[id] {
			t.conduits = append(t.conduits, namedProfile{name: c.Name, p: *a.profile(c)})
		}
	}
	return t
}

func containsAny[T comparable](list []T, set map[T]bool) bool {
	return slices.ContainsFunc(list, func(v T) bool { return set[v] })
}
