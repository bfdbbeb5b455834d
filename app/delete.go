package app

import (
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
	d := dialog.NewConfirm(tr("common.delete"), tr("delete.alsoDeletes", map[string]string{"Objects": extra}),
		func(ok bool) {
			if ok {
				s.applyDelete(cmd)
			}
		}, s.win)
	d.SetConfirmText(tr("common.delete"))
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
	name := tr("common.delete")
	if len(refs) == 1 && len(cmds) == 1 {
		name = tr("delete.one", map[string]string{"Kind": kindNoun(refs[0].Kind)})
	} else if len(refs) > 1 {
		name = tr("delete.many", map[string]int{"N": len(refs)})
	}
	return &model.Batch{Name: name, Commands: cmds}, beyond(p, scratch, refs), nil
}

func removeCascade(p *model.Project, r ref) (model.Command, error) {
	if d := kindOf(r.Kind); d != nil && d.remove != nil {
		return d.remove(p, r.ID)
	}
	return nil, nil
}

func kindNoun(k kind) string {
	if d := kindOf(k); d != nil {
		return d.noun
	}
	return ""
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
			parts = append(parts, tr("kind."+noun+".one"))
		} else if n > 1 {
			parts = append(parts, tr("kind."+noun+".many", map[string]int{"N": n}))
		}
	}
	for _, d := range kindTable {
		if d.ids != nil {
			count(kindKeys[d.kind], d.ids(before), func(id model.ID) bool { _, ok := d.find(after, id); return ok })
		}
	}
	return strings.Join(parts, ", ")
}
