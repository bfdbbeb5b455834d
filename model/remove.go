package model

import (
	"fmt"
	"slices"
)

// RemoveCascade builds one undoable command that deletes the object of type T
// with the given ID together with everything that would otherwise dangle:
//
//   - a zone takes its child zones (recursively), their assets, the conduits
//     left with fewer than two zones, and the flows of surviving conduits that
//     start or end in a removed zone (such conduits are updated, not removed);
//   - every removed zone, conduit or asset takes the threat scenarios and
//     countermeasure instances that target it;
//   - a threat actor takes its threat scenarios: a scenario without an actor
//     has no capability to derive SL-T from, and keeping it with a dangling
//     actor would leave the project invalid. The caller should confirm with
//     the user first; undo restores them;
//   - a removed countermeasure is unlinked from the scenarios that cite it.
//
// Decision log entries are kept (the log records history; Validate warns about
// entries whose object is gone). The command is not applied: pass it to
// Document.Do or History.Do. Its Revert restores every object where it was.
func RemoveCascade[T Object](p *Project, id ID) (Command, error) {
	if x, _ := Find[T](p, id); x == nil {
		return nil, fmt.Errorf("delete %s: no %s with ID %s", KindName[T](), KindName[T](), id)
	}
	c := cascade{p: p, zones: map[ID]bool{}, conduits: map[ID]bool{}, assets: map[ID]bool{},
		actors: map[ID]bool{}, scenarios: map[ID]bool{}, cms: map[ID]bool{}}
	var name string
	switch any((*T)(nil)).(type) {
	case *Zone:
		c.removeZone(id)
		name = p.Zone(id).Name
	case *Conduit:
		c.conduits[id] = true
		name = p.Conduit(id).Name
	case *Asset:
		c.assets[id] = true
		name = p.Asset(id).Name
	case *ThreatActor:
		c.actors[id] = true
		name = p.Actor(id).Name
	case *ThreatScenario:
		c.scenarios[id] = true
		name = p.Scenario(id).Name
	case *CountermeasureInstance:
		c.cms[id] = true
		name = p.Countermeasure(id).MeasureID
	case *Decision:
		d, _ := Find[Decision](p, id)
		return &Batch{Name: fmt.Sprintf("Delete decision %q", d.Subject), Commands: []Command{&Remove[Decision]{ID: id}}}, nil
	}
	c.dependents()
	b := c.batch()
	b.Name = fmt.Sprintf("Delete %s %q", KindName[T](), truncate(name, 40))
	if n := len(b.Commands) - 1; n > 0 {
		b.Name += fmt.Sprintf(" and %d dependent edit(s)", n)
	}
	return b, nil
}

// cascade collects the IDs to remove, per kind.
type cascade struct {
	p                                          *Project
	zones, conduits, assets, actors, scenarios map[ID]bool
	cms                                        map[ID]bool
	conduitUpdates                             []Conduit
	scenarioUpdates                            []ThreatScenario
	registerUpdate                             *UpdateRegisters
}

// removeZone marks the zone and its descendants; the visited check makes a
// parent cycle harmless.
func (c *cascade) removeZone(id ID) {
	todo := []ID{id}
	for len(todo) > 0 {
		z := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if c.zones[z] {
			continue
		}
		c.zones[z] = true
		for i := range c.p.Zones {
			if c.p.Zones[i].ParentID == z {
				todo = append(todo, c.p.Zones[i].ID)
			}
		}
	}
}

func (c *cascade) targetRemoved(kind TargetKind, id ID) bool {
	switch kind {
	case TargetZone:
		return c.zones[id]
	case TargetConduit:
		return c.conduits[id]
	case TargetAsset:
		return c.assets[id]
	}
	return false
}

// dependents extends the removal to everything that refers to removed objects.
func (c *cascade) dependents() {
	p := c.p
	if len(c.zones) > 0 {
		for i := range p.Assets {
			if c.zones[p.Assets[i].ZoneID] {
				c.assets[p.Assets[i].ID] = true
			}
		}
		for i := range p.Conduits {
			k := &p.Conduits[i]
			if c.conduits[k.ID] {
				continue
			}
			keep := slices.DeleteFunc(slices.Clone(k.ZoneIDs), func(z ID) bool { return c.zones[z] })
			if len(keep) == len(k.ZoneIDs) {
				continue
			}
			distinct := map[ID]bool{}
			for _, z := range keep {
				distinct[z] = true
			}
			if len(distinct) < 2 {
				c.conduits[k.ID] = true
				continue
			}
			u := Clone(*k)
			u.ZoneIDs = keep
			u.Flows = slices.DeleteFunc(u.Flows, func(f DataFlow) bool {
				return c.zones[f.From] || c.zones[f.To] || c.zones[f.Initiator]
			})
			c.conduitUpdates = append(c.conduitUpdates, u)
		}
	}
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		if c.actors[s.ActorID] || c.targetRemoved(s.TargetKind, s.TargetID) {
			c.scenarios[s.ID] = true
		}
	}
	for i := range p.Countermeasures {
		m := &p.Countermeasures[i]
		if c.targetRemoved(m.TargetKind, m.TargetID) {
			c.cms[m.ID] = true
		}
	}
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		lostCM := slices.ContainsFunc(s.Countermeasures, func(id ID) bool { return c.cms[id] })
		lostEntry := s.EntryZoneID != "" && c.zones[s.EntryZoneID]
		if c.scenarios[s.ID] || (!lostCM && !lostEntry) {
			continue
		}
		u := Clone(*s)
		u.Countermeasures = slices.DeleteFunc(u.Countermeasures, func(id ID) bool { return c.cms[id] })
		if lostEntry {
			u.EntryKind, u.EntryZoneID = "", ""
		}
		c.scenarioUpdates = append(c.scenarioUpdates, u)
	}
	c.registers()
}

// registers drops removed assets from the vulnerability register and
// compensating records whose zone or conduit is removed.
func (c *cascade) registers() {
	p := c.p
	changed := false
	vs := Clone(p.Vulnerabilities)
	for i := range vs {
		n := len(vs[i].AssetIDs)
		vs[i].AssetIDs = slices.DeleteFunc(vs[i].AssetIDs, func(id ID) bool { return c.assets[id] })
		changed = changed || len(vs[i].AssetIDs) != n
	}
	cs := slices.DeleteFunc(Clone(p.Compensating), func(x CompensatingCountermeasure) bool {
		return c.targetRemoved(x.TargetKind, x.TargetID)
	})
	changed = changed || len(cs) != len(p.Compensating)
	if changed {
		c.registerUpdate = &UpdateRegisters{Vulnerabilities: vs, Compensating: cs}
	}
}

// batch lists the edits in project order, so the command is deterministic.
func (c *cascade) batch() *Batch {
	p := c.p
	b := &Batch{}
	if c.registerUpdate != nil {
		b.Commands = append(b.Commands, c.registerUpdate)
	}
	removeMarked(b, p.Scenarios, c.scenarios)
	for _, u := range c.scenarioUpdates {
		b.Commands = append(b.Commands, &Update[ThreatScenario]{After: u, Field: "countermeasures"})
	}
	removeMarked(b, p.Countermeasures, c.cms)
	removeMarked(b, p.Actors, c.actors)
	for _, u := range c.conduitUpdates {
		b.Commands = append(b.Commands, &Update[Conduit]{After: u, Field: "zones"})
	}
	removeMarked(b, p.Conduits, c.conduits)
	removeMarked(b, p.Assets, c.assets)
	removeMarked(b, p.Zones, c.zones)
	return b
}

// removeMarked appends a Remove for every item whose ID is marked, in the
// collection's order.
func removeMarked[T Object](b *Batch, items []T, marked map[ID]bool) {
	for i := range items {
		if id := ObjectID(&items[i]); marked[id] {
			b.Commands = append(b.Commands, &Remove[T]{ID: id})
		}
	}
}
