package app

import (
	"fmt"
	"slices"
	"strings"

	"zonewise/model"
)

// deleteSelection removes the selected objects as one undo step.
func (u *ui) deleteSelection() {
	if len(u.sel.items) == 0 {
		return
	}
	cmds, blocked := deleteCommands(u.doc.Project, u.sel.items)
	if len(blocked) > 0 {
		u.showInfo("Cannot delete", "These objects are still used:\n\n"+strings.Join(blocked, "\n"))
		return
	}
	if len(cmds) == 0 {
		return
	}
	name := "Delete"
	if len(u.sel.items) == 1 {
		name = cmds[len(cmds)-1].Label()
	} else {
		name = fmt.Sprintf("Delete %d objects", len(u.sel.items))
	}
	if u.do(&model.Batch{Name: name, Commands: cmds}) {
		u.sel.clear()
		u.onSelectionChanged()
	}
}

// deleteCommands returns the commands that delete refs, dependents first,
// or the objects that still have dependents outside the selection.
func deleteCommands(p *model.Project, refs []ref) ([]model.Command, []string) {
	gone := map[model.ID]bool{}
	for _, r := range refs {
		gone[r.ID] = true
	}
	var blocked []string
	users := func(r ref) []string {
		var out []string
		use := func(kind, name string, id model.ID) {
			if !gone[id] {
				out = append(out, kind+" "+orUntitled(name))
			}
		}
		for _, s := range p.Scenarios {
			if s.TargetID == r.ID || s.ActorID == r.ID || slices.Contains(s.Countermeasures, r.ID) {
				use("threat scenario", s.Name, s.ID)
			}
		}
		for _, c := range p.Countermeasures {
			if c.TargetID == r.ID {
				use("countermeasure", c.MeasureID, c.ID)
			}
		}
		if r.Kind == kindZone {
			for _, z := range p.Zones {
				if z.ParentID == r.ID {
					use("zone", z.Name, z.ID)
				}
			}
			for _, a := range p.Assets {
				if a.ZoneID == r.ID {
					use("asset", a.Name, a.ID)
				}
			}
			for _, c := range p.Conduits {
				if slices.Contains(c.ZoneIDs, r.ID) {
					use("conduit", c.Name, c.ID)
				}
			}
		}
		return out
	}
	rank := map[kind]int{kindDecision: 0, kindScenario: 1, kindCountermeasure: 2, kindAsset: 3, kindConduit: 4, kindZone: 5, kindActor: 6}
	sorted := slices.Clone(refs)
	slices.SortStableFunc(sorted, func(a, b ref) int {
		if rank[a.Kind] != rank[b.Kind] {
			return rank[a.Kind] - rank[b.Kind]
		}
		if a.Kind == kindZone { // children before parents
			return zoneDepthOf(p, b.ID) - zoneDepthOf(p, a.ID)
		}
		return 0
	})
	var cmds []model.Command
	for _, r := range sorted {
		if us := users(r); len(us) > 0 {
			blocked = append(blocked, fmt.Sprintf("%s: used by %s", orUntitled(r.name(p)), strings.Join(us, ", ")))
			continue
		}
		switch r.Kind {
		case kindZone:
			cmds = append(cmds, &model.Remove[model.Zone]{ID: r.ID})
		case kindConduit:
			cmds = append(cmds, &model.Remove[model.Conduit]{ID: r.ID})
		case kindAsset:
			cmds = append(cmds, &model.Remove[model.Asset]{ID: r.ID})
		case kindActor:
			cmds = append(cmds, &model.Remove[model.ThreatActor]{ID: r.ID})
		case kindScenario:
			cmds = append(cmds, &model.Remove[model.ThreatScenario]{ID: r.ID})
		case kindDecision:
			cmds = append(cmds, &model.Remove[model.Decision]{ID: r.ID})
		case kindCountermeasure:
			cmds = append(cmds, &model.Remove[model.CountermeasureInstance]{ID: r.ID})
		}
	}
	return cmds, blocked
}

func zoneDepthOf(p *model.Project, id model.ID) int {
	d := 0
	for z := p.Zone(id); z != nil && z.ParentID != "" && d <= len(p.Zones); d++ {
		z = p.Zone(z.ParentID)
	}
	return d
}

// autoLayout is wired to render.Layout when the diagram package lands.
func (u *ui) autoLayout() {
	u.showInfo("Auto-layout", "Auto-layout through Graphviz is not in this build yet.")
}
