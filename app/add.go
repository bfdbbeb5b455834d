package app

import (
	"zonewise/model"
)

// addZone adds a zone in free space right of the plant (Edit ▸ Add zone);
// drawing one on the canvas is the other way.
func (u *ui) addZone() {
	p := u.doc.Project
	x, y := 40.0, 40.0
	for _, z := range p.Zones {
		x = max(x, z.Bounds.X+z.Bounds.W+40)
	}
	z := model.Zone{
		ID: model.NewID(), Name: u.canvas.nextName(tr("kind.zone.title")), Type: model.ZoneControl, PurdueLevel: 1,
		Bounds: model.Rect{X: x, Y: y, W: 300, H: 180},
	}
	if u.do(&model.Add[model.Zone]{Item: z}) {
		u.selectOnly(ref{kindZone, z.ID})
		u.canvas.reveal(ref{kindZone, z.ID})
	}
}

// addActor adds a threat actor profile.
func (s *session) addActor() {
	a := model.ThreatActor{ID: model.NewID(), Name: tr("add.actorName", map[string]int{"N": len(s.doc.Project.Actors) + 1}), Capability: 2}
	if s.do(&model.Add[model.ThreatActor]{Item: a}) {
		s.selectOnly(ref{kindActor, a.ID})
	}
}

// addScenario adds a threat scenario aimed at the selected zone, conduit or
// asset (or the first zone), by the most capable actor.
func (s *session) addScenario() {
	p := s.doc.Project
	sc := model.ThreatScenario{
		ID: model.NewID(), Name: tr("add.scenarioName", map[string]int{"N": len(p.Scenarios) + 1}),
		TargetKind: model.TargetZone, Likelihood: 3, FRs: []model.FR{model.FR1, model.FR2},
		Consequences: []model.Consequence{{Category: model.ConsequenceProduction, Level: 3}},
	}
	if r := s.sel.primary(); kindOf(r.Kind) != nil && kindOf(r.Kind).target != "" {
		sc.TargetKind, sc.TargetID = kindOf(r.Kind).target, r.ID
	} else if len(p.Zones) > 0 {
		sc.TargetID = p.Zones[0].ID
	}
	best := -1
	for _, a := range p.Actors {
		if a.Capability > best {
			best, sc.ActorID = a.Capability, a.ID
		}
	}
	if s.do(&model.Add[model.ThreatScenario]{Item: sc}) {
		s.selectOnly(ref{kindScenario, sc.ID})
	}
}
