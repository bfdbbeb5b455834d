package risk

import "zonewise/model"

// RequirementState is the state of one selected IEC 62443-3-3 requirement of
// a zone or conduit (docs/METHOD.md step 6).
type RequirementState string

// Requirement states.
const (
	// StateMet: the requirement is met by capability, an implemented
	// countermeasure that lists it, or a compensating countermeasure with evidence.
	StateMet RequirementState = "met"
	// StateGap: selected by SL-T and not met.
	StateGap RequirementState = "gap"
	// StateNotApplicable: the requirement cannot apply here; Reason says why.
	StateNotApplicable RequirementState = "not-applicable"
)

// MetBy says how a met requirement is met.
type MetBy string

// Ways a requirement is met.
const (
	// MetByCapability: every asset of the zone has the SL-C for the
	// requirement's FR at its level (IEC 62443-3-3 via 4-2 components).
	MetByCapability MetBy = "capability"
	// MetByCountermeasure: an implemented countermeasure whose library entry
	// lists the requirement.
	MetByCountermeasure MetBy = "countermeasure"
	// MetByCompensating: a recorded compensating countermeasure with evidence
	// (IEC 62443-3-3 §4.3).
	MetByCompensating MetBy = "compensating"
	// MetBySelfAssessment: the zone owner answered "met" in the
	// self-assessment and named the evidence (docs/METHOD.md step 6).
	MetBySelfAssessment MetBy = "self-assessment"
)

// RequirementStatus is the state of one SR/RE selected by the SL-T of a zone
// or conduit.
type RequirementStatus struct {
	ID string   `json:"id"`
	FR model.FR `json:"fr"`
	// Level is the lowest SL that selects the requirement (its MinSL).
	Level int              `json:"level"`
	State RequirementState `json:"state"`
	// MetBy is set when State is met.
	MetBy MetBy `json:"metBy,omitempty"`
	// Measures names what meets it: library measure IDs for a countermeasure,
	// compensating-record IDs for a compensating countermeasure.
	Measures []string `json:"measures,omitempty"`
	// ZoneOnly marks, on a conduit, a requirement that is not applicable
	// because it applies to zones only (docs/METHOD.md step 5): the devices
	// of the zones the conduit joins meet it or not.
	ZoneOnly bool `json:"zoneOnly,omitempty"`
	// Reason is a plain sentence: why met, why a gap, why not applicable.
	Reason string `json:"reason"`
	// ReasonMsg is Reason as catalogue key and parameters; not in the JSON.
	ReasonMsg Msg `json:"-"`
	// Closable is set on a gap when a library measure that fits the target
	// lists the requirement; a gap that is not closable needs a
	// project-specific compensating countermeasure.
	Closable bool `json:"closable"`
}
