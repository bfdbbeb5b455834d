package app

import (
	"slices"

	"zonewise/model"
)

// kind is the kind of a selectable object.
type kind int

const (
	kindNone kind = iota
	kindProject
	kindZone
	kindConduit
	kindAsset
	kindActor
	kindScenario
	kindDecision
	kindCountermeasure
	kindVulnerability
)

// ref names one selectable object. The project itself is {kindProject, ""}.
type ref struct {
	Kind kind
	ID   model.ID
}

// exists reports whether the object is still in p.
func (r ref) exists(p *model.Project) bool {
	if d := kindOf(r.Kind); d != nil {
		_, ok := d.find(p, r.ID)
		return ok
	}
	return false
}

// name is the display name of the object, or "".
func (r ref) name(p *model.Project) string {
	if d := kindOf(r.Kind); d != nil {
		n, _ := d.find(p, r.ID)
		return n
	}
	return ""
}

// refByID finds which kind of object id is; the zero ref when none.
func refByID(p *model.Project, id model.ID) ref {
	for _, d := range kindTable {
		if d.ids == nil {
			continue // the project
		}
		if _, ok := d.find(p, id); ok {
			return ref{d.kind, id}
		}
	}
	return ref{}
}

// selection is the ordered set of selected objects; the first is primary
// (the one the properties panel shows).
type selection struct {
	items []ref
}

func (s *selection) set(r ...ref) { s.items = slices.Clone(r) }

func (s *selection) clear() { s.items = nil }

func (s *selection) has(r ref) bool { return slices.Contains(s.items, r) }

func (s *selection) hasID(id model.ID) bool {
	for _, r := range s.items {
		if r.ID == id {
			return true
		}
	}
	return false
}

// toggle adds r, or removes it when already selected (shift/ctrl-click).
func (s *selection) toggle(r ref) {
	if i := slices.Index(s.items, r); i >= 0 {
		s.items = slices.Delete(s.items, i, i+1)
		return
	}
	s.items = append(s.items, r)
}

// primary is the first selected object or the zero ref.
func (s *selection) primary() ref {
	if len(s.items) == 0 {
		return ref{}
	}
	return s.items[0]
}

// prune drops objects that no longer exist (after delete or undo).
func (s *selection) prune(p *model.Project) {
	s.items = slices.DeleteFunc(s.items, func(r ref) bool { return !r.exists(p) })
}

// ofKind returns the selected IDs of one kind.
func (s *selection) ofKind(k kind) []model.ID {
	var out []model.ID
	for _, r := range s.items {
		if r.Kind == k {
			out = append(out, r.ID)
		}
	}
	return out
}
