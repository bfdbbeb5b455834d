package risk

import "zonewise/model"

// Zone returns the result of the zone with the given ID, or nil.
func (r *Result) Zone(id model.ID) *ZoneResult {
	for i := range r.Zones {
		if r.Zones[i].ZoneID == id {
			return &r.Zones[i]
		}
	}
	return nil
}

// Conduit returns the result of the conduit with the given ID, or nil.
func (r *Result) Conduit(id model.ID) *ConduitResult {
	for i := range r.Conduits {
		if r.Conduits[i].ConduitID == id {
			return &r.Conduits[i]
		}
	}
	return nil
}

// Asset returns the result of the asset with the given ID, or nil.
func (r *Result) Asset(id model.ID) *AssetResult {
	for i := range r.Assets {
		if r.Assets[i].AssetID == id {
			return &r.Assets[i]
		}
	}
	return nil
}

// Scenario returns the result of the threat scenario with the given ID, or nil.
func (r *Result) Scenario(id model.ID) *ScenarioResult {
	for i := range r.Scenarios {
		if r.Scenarios[i].ScenarioID == id {
			return &r.Scenarios[i]
		}
	}
	return nil
}

// ProposalsFor returns the proposals for one zone or conduit, best first.
func (r *Result) ProposalsFor(target model.ID) []Proposal {
	var out []Proposal
	for _, p := range r.Proposals {
		if p.TargetID == target {
			out = append(out, p)
		}
	}
	return out
}

// ExclusionsFor returns the exclusions recorded for one zone or conduit.
func (r *Result) ExclusionsFor(target model.ID) []Exclusion {
	var out []Exclusion
	for _, e := range r.Exclusions {
		if e.TargetID == target {
			out = append(out, e)
		}
	}
	return out
}
