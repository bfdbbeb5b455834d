package risk

import (
	"strings"

	"zonewise/i18n"
	"zonewise/model"
)

// Rules of the exposure and path steps (docs/METHOD.md step 3).
const (
	RulePath     = "attack-path"    // SL-T from a scenario whose path runs through the zone or conduit
	RuleExposure = "exposure-floor" // SL-T floor from an exposed asset of the zone
)

// Exposure floors (docs/METHOD.md step 3): an asset reachable from the
// internet asks SL 3, one reachable by remote access or wireless SL 2, of
// the FRs that govern who may reach it and what flows to it: FR1
// (identification and authentication), FR2 (use control) and FR5
// (restricted data flow).
const (
	floorInternet = 3
	floorRemote   = 2
	floorWireless = 2
)

var exposureFRs = [7]bool{true, true, false, false, true, false, false}

// Path is an attack path of a scenario: from its entry zone through
// conduits and zones to its target.
type Path struct {
	ScenarioID model.ID   `json:"scenarioId"`
	Entry      string     `json:"entry"` // the entry kind, or "" when none is recorded
	Zones      []model.ID `json:"zones"`
	Conduits   []model.ID `json:"conduits"`
	// Text names the path for people: "'Internet' → K04 → 'Fernwartung'".
	Text string `json:"text"`
	// entry is the entry kind's label (nil for an entry zone) and rest the
	// zones and conduits, so that Text can be written in any language.
	entry *enumArg
	rest  string
}

// text is the path in the catalogue's language.
func (p *Path) text(c *i18n.Catalog) string {
	if p.entry == nil {
		return p.rest
	}
	e := argText(c, *p.entry)
	if p.rest == "" {
		return e
	}
	return e + " → " + p.rest
}

// pathArg is a path as a Msg parameter.
type pathArg struct{ p *Path }

// entryZones returns the zones a scenario's attacker enters through.
func (ix *index) entryZones(s *model.ThreatScenario) []*model.Zone {
	if s.EntryZoneID != "" {
		if z := ix.zones[s.EntryZoneID]; z != nil {
			return []*model.Zone{z}
		}
		return nil
	}
	var has func(*model.Asset) bool
	var zt model.ZoneType
	switch s.EntryKind {
	case model.EntryInternet:
		has, zt = func(a *model.Asset) bool { return a.Exposure.ExternallyReachable }, model.ZoneRemoteAccess
	case model.EntryRemoteAccess:
		has, zt = func(a *model.Asset) bool { return a.Exposure.RemoteAccess }, model.ZoneRemoteAccess
	case model.EntryWireless:
		has, zt = func(a *model.Asset) bool { return a.Exposure.Wireless }, model.ZoneWireless
	case model.EntryRemovableMedia:
		has, zt = func(a *model.Asset) bool { return a.Exposure.RemovableMedia || a.Transient }, model.ZoneTransient
	default:
		return nil
	}
	var out []*model.Zone
	for _, z := range ix.zoneOrder {
		if z.OutOfScope {
			continue
		}
		hit := false
		for _, a := range ix.zoneAssets[z.ID] {
			if has(a) {
				hit = true
				break
			}
		}
		if hit {
			out = append(out, z)
		}
	}
	if len(out) == 0 {
		for _, z := range ix.zoneOrder {
			if z.Type == zt && !z.OutOfScope {
				out = append(out, z)
			}
		}
	}
	return out
}

// path finds the shortest path (fewest conduits) from the scenario's entry
// zones to its target, breadth first in result order so that it is
// deterministic. A conduit target is reached through either of its zones.
// Unidirectional conduits (data diodes) are not traversed: an attacker
// cannot send anything back through them.
// Nil when the scenario records no entry or no path exists.
func (ix *index) path(e *scenarioEval) *Path {
	starts := ix.entryZones(e.s)
	if len(starts) == 0 {
		return nil
	}
	goal := map[model.ID]bool{}
	switch {
	case e.conduit != nil:
		for _, id := range e.conduit.ZoneIDs {
			goal[id] = true
		}
	case e.zone != nil:
		goal[e.zone.ID] = true
	default:
		return nil
	}
	type hop struct {
		prev    model.ID
		conduit *model.Conduit
	}
	seen := map[model.ID]hop{}
	queue := make([]model.ID, 0, len(starts))
	for _, z := range starts {
		if _, ok := seen[z.ID]; !ok {
			seen[z.ID] = hop{}
			queue = append(queue, z.ID)
		}
	}
	var end model.ID
	for len(queue) > 0 && end == "" {
		id := queue[0]
		queue = queue[1:]
		if goal[id] {
			end = id
			break
		}
		for _, c := range ix.zoneConduits[id] {
			if c.Type == model.ConduitUnidirectional {
				continue // a data diode carries nothing back in: no path through it
			}
			for _, next := range c.ZoneIDs {
				if _, ok := seen[next]; ok || ix.zones[next] == nil || ix.zones[next].OutOfScope {
					continue
				}
				seen[next] = hop{prev: id, conduit: c}
				queue = append(queue, next)
			}
		}
	}
	if end == "" {
		return nil
	}
	p := &Path{ScenarioID: e.s.ID, Entry: string(e.s.EntryKind), Zones: []model.ID{}, Conduits: []model.ID{}}
	for id := end; ; {
		p.Zones = append([]model.ID{id}, p.Zones...)
		h := seen[id]
		if h.conduit == nil {
			break
		}
		p.Conduits = append([]model.ID{h.conduit.ID}, p.Conduits...)
		id = h.prev
	}
	if e.conduit != nil {
		p.Conduits = append(p.Conduits, e.conduit.ID)
	}
	var parts []string
	if e.s.EntryKind != "" && e.s.EntryKind != model.EntryZone {
		entry := enumOf(e.s.EntryKind)
		p.entry = &entry
	}
	for k, zid := range p.Zones {
		z := ix.zones[zid]
		parts = append(parts, label(z.Name, z.ID))
		if k < len(p.Conduits) {
			c := ix.conduits[p.Conduits[k]]
			parts = append(parts, label(c.Name, c.ID))
		}
	}
	p.rest = strings.Join(parts, " → ")
	p.Text = p.text(i18n.For(i18n.EN))
	return p
}

// pathReason explains an SL-T raised because a scenario's path runs
// through the zone or conduit.
func (ix *index) pathReason(e *scenarioEval, rule string, f model.FR, sl int) Reason {
	r := ix.sltReason(e, rule, f, sl)
	r.Rule = RulePath
	r.Msg = msg("risk.reason.slt.path", "Path", pathArg{e.path}, "Reason", r.Msg)
	r.Text = r.Msg.EN()
	return r
}

// exposureFloor is the floor an exposed asset puts under its zone's SL-T
// for FR i, with the asset and the exposure named.
func (ix *index) exposureFloor(z *model.Zone, i int) (int, *model.Asset, string) {
	if !exposureFRs[i] {
		return 0, nil, ""
	}
	best, what := 0, ""
	var from *model.Asset
	for _, a := range ix.zoneAssets[z.ID] {
		x := a.Exposure
		switch {
		case x.ExternallyReachable && floorInternet > best:
			best, from, what = floorInternet, a, "risk.reason.exposure.internet"
		case x.RemoteAccess && floorRemote > best:
			best, from, what = floorRemote, a, "risk.reason.exposure.remote"
		case x.Wireless && floorWireless > best:
			best, from, what = floorWireless, a, "risk.reason.exposure.wireless"
		}
	}
	return best, from, what
}
