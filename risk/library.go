package risk

import "zonewise/model"

// Effort is the rough cost class of a countermeasure: 1 low, 2 medium, 3 high.
type Effort int

// MeasureKind says whether a countermeasure is a technical control, an
// organisational one (policy, procedure, training) or a physical one.
type MeasureKind string

// Countermeasure kinds.
const (
	KindTechnical      MeasureKind = "technical"
	KindOrganisational MeasureKind = "organisational"
	KindPhysical       MeasureKind = "physical"
)

// MeasureKinds lists every countermeasure kind.
func MeasureKinds() []MeasureKind {
	return []MeasureKind{KindTechnical, KindOrganisational, KindPhysical}
}

// Valid reports whether k is a known countermeasure kind.
func (k MeasureKind) Valid() bool {
	switch k {
	case KindTechnical, KindOrganisational, KindPhysical:
		return true
	}
	return false
}

// FlowEffect is what a countermeasure does to the flows it is placed on.
type FlowEffect string

// Flow effects.
const (
	// FlowOneWay lets data pass in one direction only (a data diode).
	FlowOneWay FlowEffect = "one-way"
	// FlowCut lets nothing pass (an air gap, an isolated network).
	FlowCut FlowEffect = "cut"
	// FlowIsland cuts a zone off from the levels above it on demand while
	// the zone keeps running (island mode): the flows it cuts must be ones
	// the zone can run without, never a cell's own I/O.
	FlowIsland FlowEffect = "island"
)

// Valid reports whether e is empty or a known flow effect.
func (e FlowEffect) Valid() bool {
	return e == "" || e == FlowOneWay || e == FlowCut || e == FlowIsland
}

// Measure is one countermeasure of the library.
type Measure struct {
	ID   string `json:"id"` // e.g. "CM-FW-DENY"
	Name string `json:"name"`
	// Kind is technical, organisational or physical.
	Kind    MeasureKind `json:"kind"`
	Summary string      `json:"summary"`
	// Requirements lists the IEC 62443-3-3 SR/RE IDs the measure supports.
	Requirements []string `json:"requirements"`
	// Max is the highest SL the measure can support per FR; 0 where it does
	// not support that FR. The library sets it to the level at which the
	// measure is a principal control for the FR, never below the level of
	// the requirements it lists.
	Max model.SLVector `json:"max"`
	// Targets says what the measure is applied to: zones, conduits, assets.
	Targets      []model.TargetKind  `json:"targets"`
	ZoneTypes    []model.ZoneType    `json:"zoneTypes,omitempty"`    // empty: any
	ConduitTypes []model.ConduitType `json:"conduitTypes,omitempty"` // empty: any
	AssetClasses []model.AssetClass  `json:"assetClasses,omitempty"` // empty: any
	// Media restricts the measure to conduits on these media, and to zones
	// with a conduit on one of them (see fitMedium); empty: any.
	// An IDS needs network traffic to watch, so it lists no serial link and
	// no removable media (docs/METHOD.md, step 7).
	Media []Medium `json:"media,omitempty"`
	// FlowKinds: on a conduit, the measure needs at least one flow of one of
	// these kinds (MFA needs an interactive session); empty: any. A conduit
	// with no flows recorded yet is not held against it.
	FlowKinds []model.FlowKind `json:"flowKinds,omitempty"`
	// FlowEffect is what the measure does to the flows where it is placed:
	// "one-way" (a data diode: every required flow must run one way),
	// "cut" (an air gap: no required flow may cross) or "island" (island
	// mode: cuts the uplinks on demand, never a cell's I/O segment); empty:
	// none.
	FlowEffect FlowEffect `json:"flowEffect,omitempty"`
	// Impacts are what the measure may do to essential functions.
	Impacts []model.Impact `json:"impacts,omitempty"`
	Effort  Effort         `json:"effort"`

	// enName is the English name of a measure of a localized catalogue
	// (see Catalog.Localized): the engine's sentences name it in English.
	enName string
}

// ThreatTemplate is one entry of the threat library, from which candidate
// scenarios are generated.
type ThreatTemplate struct {
	ID          string `json:"id"` // e.g. "TH-REMOTE-VENDOR"
	Name        string `json:"name"`
	Description string `json:"description"`
	// Techniques are MITRE ATT&CK for ICS technique IDs, e.g. "T0866".
	Techniques []string `json:"techniques"`
	// Capability is the typical actor capability SL 1..4.
	Capability   int                `json:"capability"`
	FRs          []model.FR         `json:"frs"`
	EntryPoints  []string           `json:"entryPoints"`
	Targets      []model.TargetKind `json:"targets"`
	AssetClasses []model.AssetClass `json:"assetClasses,omitempty"`
	ZoneTypes    []model.ZoneType   `json:"zoneTypes,omitempty"`
	// ConduitTypes restricts conduit targets to these conduit types; empty: any.
	ConduitTypes []model.ConduitType `json:"conduitTypes,omitempty"`
	// Requires lists exposures that must all be present on the target:
	// "remote-access", "wireless", "removable-media", "external" (see
	// Exposures). An asset has its own exposure and its zone type's; a zone
	// has that of any of its assets, of its type and of its conduits' types;
	// a conduit has its type's.
	Requires     []string            `json:"requires,omitempty"`
	Likelihood   int                 `json:"likelihood"`
	Consequences []model.Consequence `json:"consequences"`
}
