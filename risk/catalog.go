package risk

import (
	"fmt"
	"sync"

	"zonewise/i18n"

	"zonewise/model"
)

// Catalog is everything the engine knows besides the project: the IEC 62443
// requirement catalogues and the countermeasure and threat libraries.
type Catalog struct {
	// System holds the IEC 62443-3-3 SRs and REs in the standard's order.
	System []Requirement
	// Component holds the IEC 62443-4-2 CRs, SAR/EDR/HDR/NDR and their REs
	// in the standard's order.
	Component []Requirement
	Measures  []Measure
	Threats   []ThreatTemplate

	// local caches the catalogue in other languages (see Localized).
	localMu sync.Mutex
	local   map[i18n.Lang]*Catalog
	base    *Catalog // the English catalogue of a localized one
}

var builtin = sync.OnceValues(func() (*Catalog, error) {
	sys, comp, err := loadStandards()
	if err != nil {
		return nil, fmt.Errorf("built-in IEC 62443 catalogue: %w", err)
	}
	measures, threats, err := loadLibraries()
	if err != nil {
		return nil, fmt.Errorf("built-in libraries: %w", err)
	}
	return &Catalog{System: sys, Component: comp, Measures: measures, Threats: threats}, nil
})

// Builtin returns the catalogue shipped with Zonewise (decoded once).
// Callers must not modify it.
func Builtin() (*Catalog, error) { return builtin() }

// SelectSystem returns the IEC 62443-3-3 SRs and REs that the SL vector v
// selects: per FR, every requirement with MinSL ≤ v[FR] (cumulative).
func (c *Catalog) SelectSystem(v model.SLVector) []Requirement {
	return selectBySL(c.System, v, func(r *Requirement) bool { return true })
}

// SelectComponent returns the IEC 62443-4-2 requirements that the SL vector v
// selects for a component of the given class: the common CRs and REs, plus the
// component-specific requirements (SAR, EDR, HDR or NDR) of that class.
func (c *Catalog) SelectComponent(v model.SLVector, class model.AssetClass) []Requirement {
	return selectBySL(c.Component, v, func(r *Requirement) bool { return r.Class == "" || r.Class == class })
}

func selectBySL(all []Requirement, v model.SLVector, keep func(*Requirement) bool) []Requirement {
	var out []Requirement
	for i := range all {
		r := &all[i]
		if r.FR.Valid() && r.MinSL >= 1 && r.MinSL <= v.Get(r.FR) && keep(r) {
			out = append(out, *r)
		}
	}
	return out
}

// Requirement returns the requirement (3-3 or 4-2) with the given ID.
func (c *Catalog) Requirement(id string) (Requirement, bool) {
	for _, list := range [][]Requirement{c.System, c.Component} {
		for _, r := range list {
			if r.ID == id {
				return r, true
			}
		}
	}
	return Requirement{}, false
}

// Measure returns the library countermeasure with the given ID.
func (c *Catalog) Measure(id string) (Measure, bool) {
	for _, m := range c.Measures {
		if m.ID == id {
			return m, true
		}
	}
	return Measure{}, false
}

// Threat returns the threat-library template with the given ID.
func (c *Catalog) Threat(id string) (ThreatTemplate, bool) {
	for _, t := range c.Threats {
		if t.ID == id {
			return t, true
		}
	}
	return ThreatTemplate{}, false
}
