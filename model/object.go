package model

import "encoding/json"

// Object is any of the project's identified collections' element types.
type Object interface {
	ThreatActor | Zone | Conduit | Asset | ThreatScenario | CountermeasureInstance | Decision
}

// ObjectID returns the ID of an object.
func ObjectID[T Object](x *T) ID {
	switch v := any(x).(type) {
	case *ThreatActor:
		return v.ID
	case *Zone:
		return v.ID
	case *Conduit:
		return v.ID
	case *Asset:
		return v.ID
	case *ThreatScenario:
		return v.ID
	case *CountermeasureInstance:
		return v.ID
	case *Decision:
		return v.ID
	}
	panic("unreachable")
}

// Collection returns a pointer to the project's slice of T.
func Collection[T Object](p *Project) *[]T {
	var v any
	switch any((*T)(nil)).(type) {
	case *ThreatActor:
		v = &p.Actors
	case *Zone:
		v = &p.Zones
	case *Conduit:
		v = &p.Conduits
	case *Asset:
		v = &p.Assets
	case *ThreatScenario:
		v = &p.Scenarios
	case *CountermeasureInstance:
		v = &p.Countermeasures
	case *Decision:
		v = &p.Decisions
	}
	return v.(*[]T)
}

// KindName is the lower-case noun for T, for messages ("zone", "threat scenario").
func KindName[T Object]() string {
	switch any((*T)(nil)).(type) {
	case *ThreatActor:
		return "threat actor"
	case *Zone:
		return "zone"
	case *Conduit:
		return "conduit"
	case *Asset:
		return "asset"
	case *ThreatScenario:
		return "threat scenario"
	case *CountermeasureInstance:
		return "countermeasure"
	case *Decision:
		return "decision"
	}
	return "object"
}

// Find returns a pointer to the object of type T with the given ID and its
// index, or nil and -1. The pointer is valid until the collection changes.
func Find[T Object](p *Project, id ID) (*T, int) {
	s := *Collection[T](p)
	for i := range s {
		if ObjectID(&s[i]) == id {
			return &s[i], i
		}
	}
	return nil, -1
}

// Zone returns the zone with the given ID, or nil.
func (p *Project) Zone(id ID) *Zone { z, _ := Find[Zone](p, id); return z }

// Conduit returns the conduit with the given ID, or nil.
func (p *Project) Conduit(id ID) *Conduit { c, _ := Find[Conduit](p, id); return c }

// Asset returns the asset with the given ID, or nil.
func (p *Project) Asset(id ID) *Asset { a, _ := Find[Asset](p, id); return a }

// Actor returns the threat actor with the given ID, or nil.
func (p *Project) Actor(id ID) *ThreatActor { a, _ := Find[ThreatActor](p, id); return a }

// Scenario returns the threat scenario with the given ID, or nil.
func (p *Project) Scenario(id ID) *ThreatScenario { s, _ := Find[ThreatScenario](p, id); return s }

// Countermeasure returns the countermeasure instance with the given ID, or nil.
func (p *Project) Countermeasure(id ID) *CountermeasureInstance {
	c, _ := Find[CountermeasureInstance](p, id)
	return c
}

// Clone returns a deep copy of v, so that an edit of the copy's slices never
// reaches the original (commands keep before and after values).
func Clone[T any](v T) T {
	data, err := json.Marshal(v)
	if err != nil {
		panic("model.Clone: " + err.Error()) // model types always encode
	}
	var out T
	if err := json.Unmarshal(data, &out); err != nil {
		panic("model.Clone: " + err.Error())
	}
	return out
}

// CloneProject returns a deep copy of p.
func CloneProject(p *Project) *Project {
	q := Clone(*p)
	return &q
}

// New returns an empty project with the default risk matrix and method.
func New(name string) *Project {
	return &Project{
		SchemaVersion: SchemaVersion,
		ID:            NewID(),
		Info: Info{
			Name:           name,
			Revision:       "0.1",
			Classification: "Confidential",
			Method:         MethodActorCapability,
			Matrix:         DefaultRiskMatrix(),
			Approvals: []Approval{
				{Role: "Prepared"}, {Role: "Reviewed"}, {Role: "Approved"},
			},
		},
	}
}
