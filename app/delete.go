package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"zonewise/model"
)

// deleteSelection removes the selected objects and everything that would
// dangle without them (model.RemoveCascade) as one undo step. When the
// cascade removes more than what is selected, it asks first.
func (s *session) deleteSelection() {
	refs := s.sel.items
	if len(refs) == 0 || (len(refs) == 1 && refs[0].Kind == kindProject) {
		return
	}
	cmd, extra, err := deleteCommand(s.doc.Project, refs)
	if err != nil {
		s.showError(err)
		return
	}
	if extra == "" {
		s.applyDelete(cmd)
		return
	}
	d := dialog.NewConfirm("Delete", fmt.Sprintf("Deleting the selection also deletes %s.\n\nUndo brings everything back.", extra),
		func(ok bool) {
			if ok {
				s.applyDelete(cmd)
			}
		}, s.win)
	d.SetConfirmText("Delete")
	d.Show()
}

func (s *session) applyDelete(cmd model.Command) {
	if s.do(cmd) {
		s.sel.clear()
		s.selectionChanged()
	}
}

// deleteCommand builds one Batch of cascading removals of refs. Each
// cascade is computed on a scratch copy after the previous ones, so that
// objects reached by two cascades (a zone and its asset, both selected) are
// removed once. extra describes what goes beyond the selection ("" if
// nothing).
func deleteCommand(p *model.Project, refs []ref) (model.Command, string, error) {
	scratch := model.CloneProject(p)
	var cmds []model.Command
	for _, r := range refs {
		if !r.exists(scratch) {
			continue // already taken by an earlier cascade
		}
		c, err := removeCascade(scratch, r)
		if err != nil {
			return nil, "", err
		}
		if c == nil {
			continue
		}
		if err := c.Apply(scratch); err != nil {
			return nil, "", err
		}
		cmds = append(cmds, c)
	}
	name := "Delete"
	if len(refs) == 1 && len(cmds) == 1 {
		name = "Delete " + kindNoun(refs[0].Kind)
	} else if len(refs) > 1 {
		name = fmt.Sprintf("Delete %d objects", len(refs))
	}
	return &model.Batch{Name: name, Commands: cmds}, beyond(p, scratch, refs), nil
}

func removeCascade(p *model.Project, r ref) (model.Command, error) {
	switch r.Kind {
	case kindZone:
		return model.RemoveCascade[model.Zone](p, r.ID)
	case kindConduit:
		return model.RemoveCascade[model.Conduit](p, r.ID)
	case kindAsset:
		return model.RemoveCascade[model.Asset](p, r.ID)
	case kindActor:
		return model.RemoveCascade[model.ThreatActor](p, r.ID)
	case kindScenario:
		return model.RemoveCascade[model.ThreatScenario](p, r.ID)
	case kindDecision:
		return model.RemoveCascade[model.Decision](p, r.ID)
	case kindCountermeasure:
		return model.RemoveCascade[model.CountermeasureInstance](p, r.ID)
	}
	return nil, nil
}

func kindNoun(k kind) string {
	return map[kind]string{kindZone: "zone", kindConduit: "conduit", kindAsset: "asset", kindActor: "threat actor",
		kindScenario: "threat scenario", kindDecision: "decision", kindCountermeasure: "countermeasure"}[k]
}

// beyond lists, as "3 assets, 1 conduit", the objects removed from before to
// after that were not selected.
func beyond(before, after *model.Project, refs []ref) string {
	selected := map[model.ID]bool{}
	for _, r := range refs {
		selected[r.ID] = true
	}
	var parts []string
	count := func(noun string, ids []model.ID, still func(model.ID) bool) {
		n := 0
		for _, id := range ids {
			if !selected[id] && !still(id) {
				n++
			}
		}
		if n == 1 {
			parts = append(parts, "1 "+noun)
		} else if n > 1 {
			parts = append(parts, fmt.Sprintf("%d %ss", n, noun))
		}
	}
	ids := func(n int, id func(int) model.ID) []model.ID {
		out := make([]model.ID, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	count("zone", ids(len(before.Zones), func(i int) model.ID { return before.Zones[i].ID }), func(id model.ID) bool { return after.Zone(id) != nil })
	count("asset", ids(len(before.Assets), func(i int) model.ID { return before.Assets[i].ID }), func(id model.ID) bool { return after.Asset(id) != nil })
	count("conduit", ids(len(before.Conduits), func(i int) model.ID { return before.Conduits[i].ID }), func(id model.ID) bool { return after.Conduit(id) != nil })
	count("threat scenario", ids(len(before.Scenarios), func(i int) model.ID { return before.Scenarios[i].ID }), func(id model.ID) bool { return after.Scenario(id) != nil })
	count("countermeasure", ids(len(before.Countermeasures), func(i int) model.ID { return before.Countermeasures[i].ID }), func(id model.ID) bool { return after.Countermeasure(id) != nil })
	return strings.Join(parts, ", ")
}
