package risk

import (
	"cmp"
	"slices"
	"strings"

	"zonewise/model"
)

// index holds the lookups one assessment needs, built once so that every rule
// is linear in the size of the project. Maps are internal only: every slice
// that reaches a Result is sorted.
type index struct {
	p   *model.Project
	cat *Catalog

	zones     map[model.ID]*model.Zone
	conduits  map[model.ID]*model.Conduit
	assets    map[model.ID]*model.Asset
	actors    map[model.ID]*model.ThreatActor
	instances map[model.ID]*model.CountermeasureInstance
	measures  map[string]*Measure

	// zoneOrder, conduitOrder, assetOrder and scenarioOrder are the result
	// orders: by name, then ID.
	zoneOrder     []*model.Zone
	conduitOrder  []*model.Conduit
	assetOrder    []*model.Asset
	scenarioOrder []*model.ThreatScenario

	zoneAssets   map[model.ID][]*model.Asset   // by name, then ID
	zoneConduits map[model.ID][]*model.Conduit // by name, then ID
	// onTarget lists the countermeasure instances applied to each zone,
	// conduit or asset, by ID.
	onTarget map[model.ID][]*model.CountermeasureInstance
	// compensating lists the compensating-countermeasure records per zone
	// or conduit, by ID.
	compensating map[model.ID][]*model.CompensatingCountermeasure
	compNames    map[model.ID]string
	vulns        map[model.ID]*model.Vulnerability
	// answers are the self-assessment answers that count, by target and
	// requirement ID (nil when the project has none).
	answers map[answerKey]*model.RequirementAnswer

	notApplicable [7]bool
	matrix        *matrix
}

func newIndex(p *model.Project, cat *Catalog) *index {
	ix := &index{
		p:            p,
		cat:          cat,
		zones:        make(map[model.ID]*model.Zone, len(p.Zones)),
		conduits:     make(map[model.ID]*model.Conduit, len(p.Conduits)),
		assets:       make(map[model.ID]*model.Asset, len(p.Assets)),
		actors:       make(map[model.ID]*model.ThreatActor, len(p.Actors)),
		instances:    make(map[model.ID]*model.CountermeasureInstance, len(p.Countermeasures)),
		measures:     make(map[string]*Measure, len(cat.Measures)),
		zoneAssets:   make(map[model.ID][]*model.Asset, len(p.Zones)),
		zoneConduits: make(map[model.ID][]*model.Conduit, len(p.Zones)),
		onTarget:     make(map[model.ID][]*model.CountermeasureInstance),
		matrix:       newMatrix(&p.Matrix),
	}
	for i := range p.Zones {
		z := &p.Zones[i]
		ix.zones[z.ID] = z
		ix.zoneOrder = append(ix.zoneOrder, z)
	}
	for i := range p.Conduits {
		c := &p.Conduits[i]
		ix.conduits[c.ID] = c
		ix.conduitOrder = append(ix.conduitOrder, c)
	}
	for i := range p.Assets {
		a := &p.Assets[i]
		ix.assets[a.ID] = a
		ix.assetOrder = append(ix.assetOrder, a)
	}
	for i := range p.Actors {
		ix.actors[p.Actors[i].ID] = &p.Actors[i]
	}
	for i := range p.Scenarios {
		ix.scenarioOrder = append(ix.scenarioOrder, &p.Scenarios[i])
	}
	for i := range p.Countermeasures {
		ci := &p.Countermeasures[i]
		ix.instances[ci.ID] = ci
		ix.onTarget[ci.TargetID] = append(ix.onTarget[ci.TargetID], ci)
	}
	ix.compensating = make(map[model.ID][]*model.CompensatingCountermeasure, len(p.Compensating))
	ix.compNames = make(map[model.ID]string, len(p.Compensating))
	for i := range p.Compensating {
		cc := &p.Compensating[i]
		ix.compensating[cc.TargetID] = append(ix.compensating[cc.TargetID], cc)
		ix.compNames[cc.ID] = label(cc.Name, cc.ID)
	}
	for i := range p.Answers {
		an := &p.Answers[i]
		if !an.Counts() {
			continue
		}
		if ix.answers == nil {
			ix.answers = make(map[answerKey]*model.RequirementAnswer, len(p.Answers))
		}
		ix.answers[answerKey{an.TargetID, strings.TrimSpace(an.Requirement)}] = an
	}
	ix.vulns = make(map[model.ID]*model.Vulnerability, len(p.Vulnerabilities))
	for i := range p.Vulnerabilities {
		ix.vulns[p.Vulnerabilities[i].ID] = &p.Vulnerabilities[i]
	}
	for i := range cat.Measures {
		m := &cat.Measures[i]
		if _, dup := ix.measures[m.ID]; !dup {
			ix.measures[m.ID] = m
		}
	}
	for _, f := range p.NotApplicable {
		if f.Valid() {
			ix.notApplicable[f-1] = true
		}
	}

	sortByName(ix.zoneOrder, func(z *model.Zone) (string, model.ID) { return z.Name, z.ID })
	sortByName(ix.conduitOrder, func(c *model.Conduit) (string, model.ID) { return c.Name, c.ID })
	sortByName(ix.assetOrder, func(a *model.Asset) (string, model.ID) { return a.Name, a.ID })
	sortByName(ix.scenarioOrder, func(s *model.ThreatScenario) (string, model.ID) { return s.Name, s.ID })

	// Filled from the sorted orders, so the per-zone lists are sorted too.
	for _, a := range ix.assetOrder {
		ix.zoneAssets[a.ZoneID] = append(ix.zoneAssets[a.ZoneID], a)
	}
	for _, c := range ix.conduitOrder {
		for j, zid := range c.ZoneIDs {
			if slices.Contains(c.ZoneIDs[:j], zid) {
				continue // a zone listed twice is a validation problem, not two links
			}
			ix.zoneConduits[zid] = append(ix.zoneConduits[zid], c)
		}
	}
	for _, list := range ix.onTarget {
		slices.SortFunc(list, func(a, b *model.CountermeasureInstance) int { return strings.Compare(string(a.ID), string(b.ID)) })
	}
	for _, list := range ix.compensating {
		slices.SortFunc(list, func(a, b *model.CompensatingCountermeasure) int { return strings.Compare(string(a.ID), string(b.ID)) })
	}
	return ix
}

// sortByName sorts objects by name, then ID, the order of every Result slice.
func sortByName[T any](s []*T, key func(*T) (string, model.ID)) {
	slices.SortFunc(s, func(a, b *T) int {
		an, aid := key(a)
		bn, bid := key(b)
		return cmp.Or(strings.Compare(an, bn), strings.Compare(string(aid), string(bid)))
	})
}

// label names an object for reason texts, falling back to the short ID
// when the name is empty.
func label(name string, id model.ID) string {
	if name != "" {
		return "'" + name + "'"
	}
	return id.Short()
}

// compensatingName labels a compensating-countermeasure record.
func (ix *index) compensatingName(id model.ID) string { return ix.compNames[id] }

// measure returns the library measure of an instance, or nil when the
// catalogue does not know it (such instances are never credited).
func (ix *index) measure(ci *model.CountermeasureInstance) *Measure {
	return ix.measures[ci.MeasureID]
}

// zoneOf returns the zone a scenario or countermeasure target belongs to:
// the zone itself, or the zone of an asset. Conduits belong to no zone.
func (ix *index) zoneOf(kind model.TargetKind, id model.ID) *model.Zone {
	switch kind {
	case model.TargetZone:
		return ix.zones[id]
	case model.TargetAsset:
		if a := ix.assets[id]; a != nil {
			return ix.zones[a.ZoneID]
		}
	}
	return nil
}

// clampSL keeps a level within 0..4.
func clampSL(sl int) int { return min(max(sl, 0), model.MaxSL) }

// answerKey finds a self-assessment answer: target and requirement ID.
type answerKey struct {
	target model.ID
	req    string
}
