package app

import (
	"fmt"
	"log/slog"

	"zonewise/model"
	"zonewise/risk"
)

// assess runs the risk engine. A panic in the engine on some odd project
// must not take the user's unsaved work with it: it becomes an error shown
// in the status line, and the last good result is dropped.
func assess(p *model.Project, cat *risk.Catalog) (res *risk.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			slog.Error("risk engine panic", "panic", r)
			res, err = nil, fmt.Errorf("the risk engine failed on this project: %v", r)
		}
	}()
	return risk.Assess(p, cat), nil
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
func (u *ui) zoneResult(id model.ID) *risk.ZoneResult { return u.zoneIndex[id] }

// indexResult maps zone IDs to their results: the canvas looks up every
// zone on every refresh.
func (u *ui) indexResult() {
	clear(u.zoneIndex)
	if u.result == nil {
		return
	}
	for i := range u.result.Zones {
		u.zoneIndex[u.result.Zones[i].ZoneID] = &u.result.Zones[i]
	}
}

// conduitResult returns the latest assessment of a conduit, or nil.
func (u *ui) conduitResult(id model.ID) *risk.ConduitResult {
	if u.result == nil {
		return nil
	}
	return u.result.Conduit(id)
}

// assetResult returns the latest assessment of an asset, or nil.
func (u *ui) assetResult(id model.ID) *risk.AssetResult {
	if u.result == nil {
		return nil
	}
	return u.result.Asset(id)
}

// scenarioResult returns the latest assessment of a scenario, or nil.
func (u *ui) scenarioResult(id model.ID) *risk.ScenarioResult {
	if u.result == nil {
		return nil
	}
	return u.result.Scenario(id)
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
