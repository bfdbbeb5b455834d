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
	// cellIO marks a conduit that is a cell's own I/O segment (see
	// isCellIO); false for a zone.
	cellIO bool
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
	// cellIO marks the cell's own I/O segment (see isCellIO).
	cellIO bool
}

// fitRule returns why a measure cannot work on a target, or "" when it can.
// Each rule has its own file and test (docs/METHOD.md, step 7).
type fitRule func(m *Measure, t *fitTarget) string

// fitRules are checked in order; the first reason found is the one given.
var fitRules = []fitRule{fitMedium, fitFlowKinds, fitFlowEffect, fitAssetClasses, fitConduitDevices}

// isCellIO reports whether a conduit is a cell's own I/O segment: it runs
// on a fieldbus or real-time Ethernet layer, or it joins a zone of field
// devices. Such a conduit lies inside the cell, between a controller and
// its sensors and actuators: the process cannot run without its flows, and
// its devices (controllers, field devices, the switch or bridge between
// them) are assets of the cell's zones (docs/METHOD.md, step 7).
func isCellIO(c *model.Conduit, medium Medium, zones map[model.ID]*model.Zone) bool {
	if medium == MediumFieldbus {
		return true
	}
	for _, id := range c.ZoneIDs {
		if z := zones[id]; z != nil && z.Type == model.ZoneField {
			return true
		}
	}
	return false
}

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
			t.cellIO = isCellIO(c, t.conduit.medium, ix.zones)
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
			p := a.profile(c)
			t.conduits = append(t.conduits, namedProfile{name: c.Name, p: *p, cellIO: isCellIO(c, p.medium, ix.zones)})
		}
	}
	return t
}

func containsAny[T comparable](list []T, set map[T]bool) bool {
	return slices.ContainsFunc(list, func(v T) bool { return set[v] })
}
