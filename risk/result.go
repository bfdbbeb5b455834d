package risk

import (
	"zonewise/i18n"
	"zonewise/model"
)

// Rule names say which step of the method produced a number.
const (
	RuleActorCapability = "actor-capability" // SL-T from actor capability of an intolerable scenario
	RuleRiskLevel       = "risk-level"       // SL-T from the unmitigated risk level
	RuleInScopeMinimum  = "in-scope-minimum" // SL 1 floor for a zone in scope
	RuleNotApplicable   = "not-applicable"   // the project declares the FR not applicable
	RuleOverride        = "override"         // user override with justification
	RuleConduitZones    = "conduit-zones"    // conduit SL-T from the zones it connects
	RuleConduitScenario = "conduit-scenario" // conduit SL-T raised by a scenario on the conduit
	RuleWeakestAsset    = "weakest-asset"    // zone SL-C from its weakest asset
	RuleNoAssets        = "no-assets"        // zone without assets: SL-C 0
	RuleCountermeasure  = "countermeasure"   // SL-A credit from an implemented countermeasure
	RuleCapability      = "capability"       // SL-A from SL-C
	RuleOutOfScope      = "out-of-scope"     // zone outside the SUC
	RuleParentZone      = "parent-zone"      // SL-T inherited from the enclosing zone
	RuleSafetyZone      = "safety-zone"      // safety zone not below the control zones for FR3, FR7
	RulePlanned         = "planned"          // accepted countermeasure not yet credited
	RuleMatrix          = "risk-matrix"      // unmitigated risk from the risk matrix
	RuleResidual        = "residual"         // residual risk after countermeasures
	RuleUnknownSLC      = "unknown-slc"      // zone SL-C unknown: an asset has no known SL-C
	RuleRequirements    = "requirements"     // SL-A from the per-requirement statuses
	RuleLowered         = "lowered"          // an override or not-applicable FR below the derived SL-T
	RuleInitial         = "initial-risk"     // initial risk of a zone from its worst case
	RuleVulnerability   = "vulnerability"    // likelihood resting on linked vulnerabilities
)

// Reason explains one number: which rule, and the objects behind it.
// Text is a plain sentence for people; it holds no markup.
type Reason struct {
	Rule       string   `json:"rule"`
	ScenarioID model.ID `json:"scenarioId,omitempty"`
	ActorID    model.ID `json:"actorId,omitempty"`
	ObjectID   model.ID `json:"objectId,omitempty"`
	Text       string   `json:"text"`
	// Msg is Text as catalogue key and parameters (Localize writes it in
	// another language); not part of the JSON.
	Msg Msg `json:"-"`
}

// Cell is one security level with the reasons for it.
type Cell struct {
	SL         int  `json:"sl"`
	Overridden bool `json:"overridden,omitempty"`
	// Unknown marks an SL-C nobody knows (an asset without a known SL-C):
	// SL is then 0 but means "unknown", and outputs show "unknown".
	Unknown bool `json:"unknown,omitempty"`
	// NotApplicable marks an SL-T set to 0 because the project declares the
	// FR not applicable.
	NotApplicable bool `json:"notApplicable,omitempty"`
	// Derived is the SL-T the method derives before an override or a
	// not-applicable declaration; set only when Overridden or NotApplicable,
	// so the derived value stays visible beside the one that replaced it.
	Derived int      `json:"derived,omitempty"`
	Reasons []Reason `json:"reasons"`
}

// Cells is one Cell per FR, FR1..FR7.
type Cells [7]Cell

// Vector returns the levels alone.
func (c *Cells) Vector() model.SLVector {
	var v model.SLVector
	for i := range c {
		v[i] = c[i].SL
	}
	return v
}

// ZoneResult is the assessment of one zone.
type ZoneResult struct {
	ZoneID model.ID `json:"zoneId"`
	Name   string   `json:"name"`
	SLT    Cells    `json:"slT"`
	SLC    Cells    `json:"slC"`
	SLA    Cells    `json:"slA"`
	// Gap is SL-T − SL-A per FR where positive.
	Gap model.SLVector `json:"gap"`
	// Requirements are the IEC 62443-3-3 SR/RE IDs selected by SL-T, in
	// catalogue order (the CRS content).
	Requirements []string `json:"requirements"`
	// RequirementStatus is the state of each selected requirement, in the
	// order of Requirements (docs/METHOD.md step 6).
	RequirementStatus []RequirementStatus `json:"requirementStatus"`
	// Initial is the zone's initial risk (docs/METHOD.md step 0).
	Initial InitialRisk `json:"initial"`
	// Findings are least-privilege findings, e.g. a shared account.
	Findings []string `json:"findings"`
	// FindingMsgs are the findings as catalogue messages, in the same order.
	FindingMsgs []Msg `json:"-"`
}

// ConduitResult is the assessment of one conduit.
type ConduitResult struct {
	ConduitID    model.ID       `json:"conduitId"`
	Name         string         `json:"name"`
	SLT          Cells          `json:"slT"`
	SLA          Cells          `json:"slA"`
	Gap          model.SLVector `json:"gap"`
	Requirements []string       `json:"requirements"`
	// RequirementStatus is the state of each selected requirement, in the
	// order of Requirements (docs/METHOD.md step 6).
	RequirementStatus []RequirementStatus `json:"requirementStatus"`
	// Findings are least-privilege findings, e.g. a flow with port "any".
	Findings []string `json:"findings"`
	// FindingMsgs are the findings as catalogue messages, in the same order.
	FindingMsgs []Msg `json:"-"`
}

// AssetResult is the component view of one asset.
type AssetResult struct {
	AssetID model.ID       `json:"assetId"`
	Name    string         `json:"name"`
	ZoneID  model.ID       `json:"zoneId"`
	SLT     model.SLVector `json:"slT"` // the zone's SL-T
	SLC     model.SLVector `json:"slC"`
	// SLCUnknown marks an asset whose SL-C is not known (source unknown):
	// its slC vector is then not a capability of 0.
	SLCUnknown bool           `json:"slCUnknown,omitempty"`
	Gap        model.SLVector `json:"gap"` // SL-T − SL-C where positive
	// Requirements are the IEC 62443-4-2 CR/SAR/EDR/HDR/NDR IDs selected for
	// the asset's class by its zone's SL-T.
	Requirements []string `json:"requirements"`
}

// ScenarioResult is the risk of one threat scenario before and after
// countermeasures.
type ScenarioResult struct {
	ScenarioID  model.ID                  `json:"scenarioId"`
	Name        string                    `json:"name"`
	Likelihood  int                       `json:"likelihood"`
	Consequence int                       `json:"consequence"` // worst category
	Category    model.ConsequenceCategory `json:"category"`
	Unmitigated model.RiskLevel           `json:"unmitigated"`
	// Tolerable reports whether the unmitigated risk is at or below the line.
	Tolerable bool `json:"tolerable"`
	// Treatment is the scenario's treatment ("" while undecided).
	Treatment           model.Treatment `json:"treatment"`
	ResidualLikelihood  int             `json:"residualLikelihood"`
	ResidualConsequence int             `json:"residualConsequence"`
	Residual            model.RiskLevel `json:"residual"`
	ResidualTolerable   bool            `json:"residualTolerable"`
	// Mitigations are the countermeasure instances credited for the target
	// residual (the same as Target.Mitigations).
	Mitigations []model.ID `json:"mitigations"`
	Reasons     []Reason   `json:"reasons"`
	// Current is the residual risk with implemented measures only; Target
	// with implemented and accepted ones. The flat residual fields above
	// equal Target.
	Current Residual `json:"current"`
	Target  Residual `json:"target"`
	// Vulnerabilities are the linked register entries.
	Vulnerabilities []VulnRef `json:"vulnerabilities"`
}

// GapClose is one FR gap a proposal closes: the target needs SL Need.
type GapClose struct {
	FR   model.FR `json:"fr"`
	Need int      `json:"need"`
}

// Proposal is a compensating countermeasure proposed for a gap.
type Proposal struct {
	// ID is stable: "MEASURE@targetID".
	ID         string           `json:"id"`
	MeasureID  string           `json:"measureId"`
	TargetKind model.TargetKind `json:"targetKind"`
	TargetID   model.ID         `json:"targetId"`
	Closes     []GapClose       `json:"closes"`
	// Requirements are the unmet IEC 62443-3-3 requirements of the target
	// the measure closes, in catalogue order.
	Requirements []string `json:"requirements"`
	Effort       Effort   `json:"effort"`
	Score        float64  `json:"score"`
	Rank         int      `json:"rank"` // 1 is best, across the plant
	// Cover marks the proposals of the greedy cover: together they close
	// every unmet requirement the library can close (see Result.OpenGaps for
	// the others). The others are alternatives.
	Cover bool `json:"cover"`
	// InstanceID and Status are set when the project already holds an
	// instance of this measure on this target.
	InstanceID model.ID            `json:"instanceId,omitempty"`
	Status     model.MeasureStatus `json:"status"`
}

// Exclusion records a measure that would close a gap but conflicts with an
// essential function of the target zone, and so is never proposed.
type Exclusion struct {
	MeasureID         string           `json:"measureId"`
	TargetKind        model.TargetKind `json:"targetKind"`
	TargetID          model.ID         `json:"targetId"`
	EssentialFunction string           `json:"essentialFunction"`
	Impact            model.Impact     `json:"impact"`
	Reason            string           `json:"reason"`
	ReasonMsg         Msg              `json:"-"`
}

// Warning is something an assessor must look at before signing: today an
// SL-T set below the level the method derives.
type Warning struct {
	Rule     string   `json:"rule"`
	ObjectID model.ID `json:"objectId"`
	FR       model.FR `json:"fr"`
	SL       int      `json:"sl"`
	Derived  int      `json:"derived"`
	// Scenarios are the intolerable scenarios the lowering sets aside.
	Scenarios []model.ID `json:"scenarios"`
	Text      string     `json:"text"`
	Msg       Msg        `json:"-"`
}

// Result is the whole assessment of a project. All slices are in a stable
// order (zones, conduits, assets and scenarios by name then ID; proposals by rank).
type Result struct {
	// Method is the SL-T method applied (an unset project method counts as
	// actor-capability).
	Method model.SLTMethod `json:"method"`
	// Tolerable is the tolerable-risk line the scenarios were judged by.
	Tolerable  model.RiskLevel  `json:"tolerable"`
	Zones      []ZoneResult     `json:"zones"`
	Conduits   []ConduitResult  `json:"conduits"`
	Assets     []AssetResult    `json:"assets"`
	Scenarios  []ScenarioResult `json:"scenarios"`
	Proposals  []Proposal       `json:"proposals"`
	Exclusions []Exclusion      `json:"exclusions"`
	// OpenGaps are the FR gaps no library measure can close, per zone and
	// conduit in result order, then FR.
	OpenGaps []OpenGap `json:"openGaps"`
	// Paths are the attack paths of scenarios with a recorded entry point.
	Paths []Path `json:"paths"`
	// Warnings list SL-T values set below the derived ones, in zone then
	// conduit order.
	Warnings []Warning `json:"warnings"`

	// lang is the language of the sentences ("" is English, as Assess
	// writes them); see Localize.
	lang i18n.Lang
}
