package app

import (
	"errors"

	"zonewise/model"
	"zonewise/risk"
)

// assess runs the risk engine. It is a variable so that tests can count calls.
var assess = func(p *model.Project, cat *risk.Catalog) (*risk.Result, error) {
	return nil, errors.New("the risk engine is not in this build yet")
}

// validate lists the project's problems (errors first).
func validate(p *model.Project) []model.Problem { return model.Validate(p) }

func countErrors(ps []model.Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == model.SeverityError {
			n++
		}
	}
	return n
}

// problemText is one line of the problems list.
func problemText(p model.Problem) string {
	s := p.Kind
	if p.Object != "" {
		s += " “" + p.Object + "”"
	}
	if p.Field != "" {
		s += ", " + p.Field
	}
	return s + ": " + p.Message
}

// zoneResult returns the latest assessment of a zone, or nil.
func (u *ui) zoneResult(id model.ID) *risk.ZoneResult {
	if u.result == nil {
		return nil
	}
	for i := range u.result.Zones {
		if u.result.Zones[i].ZoneID == id {
			return &u.result.Zones[i]
		}
	}
	return nil
}

// conduitResult returns the latest assessment of a conduit, or nil.
func (u *ui) conduitResult(id model.ID) *risk.ConduitResult {
	if u.result == nil {
		return nil
	}
	for i := range u.result.Conduits {
		if u.result.Conduits[i].ConduitID == id {
			return &u.result.Conduits[i]
		}
	}
	return nil
}

// assetResult returns the latest assessment of an asset, or nil.
func (u *ui) assetResult(id model.ID) *risk.AssetResult {
	if u.result == nil {
		return nil
	}
	for i := range u.result.Assets {
		if u.result.Assets[i].AssetID == id {
			return &u.result.Assets[i]
		}
	}
	return nil
}

// scenarioResult returns the latest assessment of a scenario, or nil.
func (u *ui) scenarioResult(id model.ID) *risk.ScenarioResult {
	if u.result == nil {
		return nil
	}
	for i := range u.result.Scenarios {
		if u.result.Scenarios[i].ScenarioID == id {
			return &u.result.Scenarios[i]
		}
	}
	return nil
}

// measureName is the library name of a countermeasure, or its ID.
func (u *ui) measureName(id string) string {
	if u.cat != nil {
		if m, ok := u.cat.Measure(id); ok {
			return m.Name
		}
	}
	return id
}
