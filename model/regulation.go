package model

import (
	"fmt"
	"strings"
)

// Regulation is one law, regulation or standard that applies to the system
// under consideration (IEC 62443-3-2 ZCR 6.9). Key names an entry of the
// pick-list KnownRegulations; a free entry leaves Key empty and gives Name.
// Note says how it applies to this plant (which obligation, which
// authority, which deadline).
type Regulation struct {
	Key  string `json:"key,omitempty"`
	Name string `json:"name,omitempty"`
	Note string `json:"note,omitempty"`
}

// RegulationDef is one entry of the pick-list: an identifier and a short
// name only, never text of the regulation itself.
type RegulationDef struct {
	Key  string
	Name string
	// Jurisdiction is where it applies ("DE", "EU", "US", "international").
	Jurisdiction string
}

// knownRegulations is the pick-list of regulations consultants meet most
// often in OT projects; anything else is a free entry.
var knownRegulations = []RegulationDef{
	{"de-kritis", "BSI-KritisV / BSIG §8a (KRITIS)", "DE"},
	{"de-b3s-water", "B3S Wasser/Abwasser", "DE"},
	{"de-itsig2", "IT-Sicherheitsgesetz 2.0", "DE"},
	{"de-nis2umsucg", "NIS2UmsuCG", "DE"},
	{"eu-nis2", "NIS2 Directive (EU) 2022/2555", "EU"},
	{"eu-cra", "Cyber Resilience Act (EU) 2024/2847", "EU"},
	{"iec-62443", "IEC 62443 series", "international"},
	{"iso-27001", "ISO/IEC 27001", "international"},
	{"us-nerc-cip", "NERC CIP", "US"},
	{"us-tsa-pipeline", "TSA Security Directive Pipeline-2021-02", "US"},
}

// KnownRegulations returns the pick-list, in a fixed order (German and EU
// law first, then standards, then US rules).
func KnownRegulations() []RegulationDef {
	return append([]RegulationDef(nil), knownRegulations...)
}

// KnownRegulation returns the pick-list entry with the key.
func KnownRegulation(key string) (RegulationDef, bool) {
	for _, r := range knownRegulations {
		if r.Key == key {
			return r, true
		}
	}
	return RegulationDef{}, false
}

// Label is the name a document prints: the entry's own Name when given
// (a user may write a more precise title), else the pick-list name.
func (r Regulation) Label() string {
	if n := strings.TrimSpace(r.Name); n != "" {
		return n
	}
	if def, ok := KnownRegulation(r.Key); ok {
		return def.Name
	}
	return r.Key
}

// regulations checks the project's list of applicable regulations: a key
// must be on the pick-list, a free entry needs a name, and nothing is
// listed twice.
func (v *validator) regulations(s subject, list []Regulation) {
	seen := map[string]bool{}
	for i, r := range list {
		f := fmt.Sprintf("suc.regulations[%d]", i)
		if r.Key != "" {
			if _, ok := KnownRegulation(r.Key); !ok {
				keys := make([]string, len(knownRegulations))
				for j, d := range knownRegulations {
					keys[j] = d.Key
				}
				v.errorf(RuleEnum, s, f+".key", "problem.unknown-regulation", quote(r.Key), strings.Join(keys, ", "))
				continue
			}
		} else if strings.TrimSpace(r.Name) == "" {
			v.errorf(RuleEmptyName, s, f+".name", "problem.empty-regulation-name")
			continue
		}
		id := strings.ToLower(r.Label())
		if seen[id] {
			v.warnf(RuleDuplicateEntry, s, f, "problem.listed-twice", quote(r.Label()))
		}
		seen[id] = true
	}
}
