package app

import (
	"fmt"
	"strings"

	"zonewise/model"
	"zonewise/risk"
)

// standardActors are the four threat actor profiles of the IEC 62443
// security levels (IEC 62443-3-3, the SL 1..4 definitions; docs/METHOD.md
// step 3), one per capability, so that a new project can take scenarios
// from the threat library at once: the library picks, for each template,
// the actor whose capability is closest to and not below its own. Names and
// descriptions are in the interface language; the user edits them freely.
func standardActors() []model.ThreatActor {
	out := make([]model.ThreatActor, 0, 4)
	for c := 1; c <= 4; c++ {
		key := fmt.Sprintf("room.actor.sl%d", c)
		out = append(out, model.ThreatActor{
			ID: model.NewID(), Name: tr(key + ".name"), Capability: c,
			Motivation: tr(key + ".motivation"), Description: tr(key + ".description"),
		})
	}
	return out
}

// findingProblems are the engine's least-privilege findings (a conduit
// without data flows, a flow open to any port, a shared account) as
// warnings of the problems list, so that the list counts what the
// properties panel shows for the object. A flow open to "any" protocol or
// port is already a warning of model.Validate (the same rule), so the
// engine's finding for it is not counted twice.
func findingProblems(r *risk.Result) []model.Problem {
	if r == nil {
		return nil
	}
	var out []model.Problem
	add := func(kind string, id model.ID, name string, findings []string) {
		for _, f := range findings {
			if strings.Contains(f, " allows any ") {
				continue
			}
			out = append(out, model.Problem{Severity: model.SeverityWarning, Rule: model.RuleLeastPrivilege,
				Kind: kind, ObjectID: id, Object: name, Message: f})
		}
	}
	for _, z := range r.Zones {
		add(tr("problems.kind.zone"), z.ZoneID, z.Name, z.Findings)
	}
	for _, c := range r.Conduits {
		add(tr("problems.kind.conduit"), c.ConduitID, c.Name, c.Findings)
	}
	return out
}
