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
)

// ref names one selectable object. The project itself is {kindProject, ""}.
type ref struct {
	Kind kind
	ID   model.ID
}

// exists reports whether the object is still in p.
func (r ref) exists(p *model.Project) bool {
	switch r.Kind {
	case kindProject:
		return true
	case kindZone:
		return p.Zone(r.ID) != nil
	case kindConduit:
		return p.Conduit(r.ID) != nil
	case kindAsset:
		return p.Asset(r.ID) != nil
	case kindActor:
		return p.Actor(r.ID) != nil
	case kindScenario:
		return p.Scenario(r.ID) != nil
	case kindDecision:
		d, _ := model.Find[model.Decision](p, r.ID)
		return d != nil
	case kindCountermeasure:
		return p.Countermeasure(r.ID) != nil
	}
	return false
}

// name is the display name of the object, or "".
func (r ref) name(p *model.Project) string {
	switch r.Kind {
	case kindProject:
		return p.Name
	case kindZone:
		if z := p.Zone(r.ID); z != nil {
			return z.Name
		}
	case kindConduit:
		if c := p.Conduit(r.ID); c != nil {
			return c.Name
		}
	case kindAsset:
		if a := p.Asset(r.ID); a != nil {
			return a.Name
		}
	case kindActor:
		if a := p.Actor(r.ID); a != nil {
			return a.Name
		}
	case kindScenario:
		if s := p.Scenario(r.ID); s != nil {
			return s.Name
		}
	case kindDecision:
		if d, _ := model.Find[model.Decision](p, r.ID); d != nil {
			return d.Subject
		}
	case kindCountermeasure:
		if c := p.Countermeasure(r.ID); c != nil {
			return c.MeasureID
		}
	}
	return ""
}

// refByID finds which kind of object id is; the zero ref when none.
func refByID(p *model.Project, id model.ID) ref {
	for _, k := range []kind{kindZone, kindConduit, kindAsset, kindScenario, kindActor, kindDecision, kindCountermeasure} {
		if r := (ref{k, id}); r.exists(p) {
			return r
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
