package templates

import (
	"strings"

	"zonewise/i18n"

	"zonewise/model"
	"zonewise/risk"
)

// Data is everything a document template needs, computed once from the
// project, its assessment and the catalogue: sorted, cross-referenced and
// with every project string as a Text (escaped when printed).
type Data struct {
	// Lang is the document language: the labels and generated sentences
	// below are in it.
	Lang i18n.Lang
	// Generated is the document date: the project's Date, never the clock.
	Generated Text
	// HasDiagram is set by the exporter when the zone/conduit diagram is
	// available as the figure "diagram".
	HasDiagram bool
	Project    ProjectData
	Matrix     MatrixData
	FRs        []FRData

	Zones     []*ZoneData    // by Purdue level (highest first), then name
	Conduits  []*ConduitData // by name
	Assets    []*AssetData   // by zone order, then name
	Actors    []*ActorData   // by capability, then name
	Scenarios []*ScenarioData
	// Vulnerabilities is the vulnerability register (ZCR 5.2), by identifier.
	Vulnerabilities []*VulnerabilityData
	// Proposals are the compensating countermeasures of the assessment, by rank.
	Proposals []*ProposalData
	// Cover are the proposals of the recommended set (by rank): together they
	// close every gap the countermeasure library can close.
	Cover []*ProposalData
	// OpenGaps are the FR gaps no library measure closes (docs/METHOD.md
	// step 7): each needs a project-specific compensating countermeasure.
	OpenGaps []*OpenGapData
	// Programme groups the recommended set by measure: one line of work per
	// countermeasure with every zone and conduit it is applied to, ordered
	// by the best rank in the group.
	Programme []*ProgrammeItem
	// Measures are the countermeasure instances recorded in the project
	// (accepted, implemented, rejected or proposed), by status then name.
	Measures   []*MeasureData
	Exclusions []*ExclusionData
	// ExclusionGroups are the exclusions grouped by target, essential
	// function and impact, for a compact list.
	ExclusionGroups []*ExclusionGroup
	Decisions       []*DecisionData // by time
	Approvals       []ApprovalData

	// ExternalConduits are the conduits that connect a remote-access zone or
	// are VPN tunnels: each needs a secure remote access procedure.
	ExternalConduits []*ConduitData
	// ContainmentOrder lists the conduits in the order an incident responder
	// closes them: external conduits first, then from the highest Purdue
	// level down.
	ContainmentOrder []*ConduitData
	// MFAZones are zones in scope with FR1 SL-T ≥ 2 that have a conduit to
	// another zone: interactive access across their boundary needs
	// multi-factor authentication.
	MFAZones []*ZoneData
	// UnidirectionalZones are zones with FR5 SL-T ≥ 3, where flows leaving
	// the zone should be unidirectional.
	UnidirectionalZones []*ZoneData
	// SafetyZones are zones designated for safety functions.
	SafetyZones []*ZoneData
	// AnyFlows lists flows with port or protocol "any" (least-privilege findings).
	AnyFlows []*FlowData
	// Classes holds, per asset class present, its focus points and assets.
	Classes []*ClassData
	// Compliance is the per-FR share of required SRs/REs met by SL-A.
	Compliance []ComplianceData
	// PlantRequirements are, per FR, the SRs/REs required in at least one
	// zone in scope, with the highest SL-T of that FR in the plant.
	PlantRequirements []RequirementGroup
	// Profiles group assets that need the same IEC 62443-4-2 requirements
	// (same class, same zone SL-T), so each list is printed once.
	Profiles []*ProfileData

	Stats Stats
}

// ProjectData is the project metadata and the SUC.
type ProjectData struct {
	Name, Client, Site, Author, Revision, Date, Classification Text
	Description, Scope                                         Text
	Assumptions, ExternalInterfaces                            []Text
	// Method is the label of the SL-T method; MethodKey its value.
	Method    Text
	MethodKey string
	// NotApplicable lists the FRs the project declares not applicable.
	NotApplicable []FRData
}

// FRData names one foundational requirement.
type FRData struct {
	N      int  // 1..7
	ID     Text // "FR1"
	Abbrev Text // "IAC"
	Title  Text
}

// ScaleData is one step of the likelihood or consequence scale.
type ScaleData struct {
	Level       int
	Name        Text
	Description Text
}

// MatrixCell is one likelihood × consequence cell with the scenarios in it.
type MatrixCell struct {
	Likelihood, Consequence int
	Level                   Text // label
	LevelKey                string
	Tolerable               bool
	// Unmitigated and Residual count the scenarios in the cell before and
	// after countermeasures.
	Unmitigated, Residual int
}

// MatrixData is the project's risk matrix.
type MatrixData struct {
	Likelihoods  []ScaleData // lowest first
	Consequences []ScaleData
	Categories   []Text
	Tolerable    Text // label of the highest tolerable level
	// Rows holds the cells, highest likelihood first, consequences ascending.
	Rows []MatrixRow
}

// MatrixRow is one likelihood level of the risk matrix.
type MatrixRow struct {
	Likelihood ScaleData
	Cells      []MatrixCell
}

// CellData is one security level with its reasons.
type CellData struct {
	FR         int
	SL         int
	Overridden bool
	Reasons    []Text
	// Floor is set when the level rests only on the in-scope minimum or the
	// project's not-applicable list; Inherited when a conduit level only
	// follows its zones. Reports list such cells in one sentence.
	Floor, Inherited bool
	// Unknown marks an SL-C nobody knows: SL is then 0 but documents print
	// "unknown" (docs/METHOD.md, "Unknown is not zero").
	Unknown bool
}

// SLRow is one SL vector with a cell per FR.
type SLRow struct {
	V     model.SLVector
	Cells [7]CellData
	// Unknown is set when any cell is unknown (an SL-C row of a zone with an
	// asset of unknown SL-C); documents then print "unknown" for the row.
	Unknown bool
}

// RequirementData is one IEC 62443 requirement selected for a zone, conduit
// or asset.
type RequirementData struct {
	ID    Text
	FR    int
	MinSL int
	Title Text
	// Summary is Zonewise's own one-line summary, if the catalogue has one.
	Summary Text
	IsRE    bool
	// The fields below carry the requirement's state for a zone or conduit
	// (docs/METHOD.md step 6); HasStatus is false for component requirements.
	HasStatus bool
	// StateKey is "met", "gap" or "not-applicable".
	StateKey string
	// Status is the state in a few words for a table cell, e.g. "met:
	// CM-IDS", "gap †" (no library measure closes it).
	Status Text
	// MetBy is "capability", "countermeasure" or "compensating" when met.
	MetBy string
	// Measures names what meets it: library measure IDs, or the names of
	// compensating countermeasure records.
	Measures []Text
	// StatusReason is the engine's sentence: why met, why a gap, why not applicable.
	StatusReason Text
	// Closable marks a gap a library measure can close.
	Closable bool
}

// RequirementGroup is the requirements of one FR.
type RequirementGroup struct {
	FR    FRData
	SL    int // the SL-T that selected them
	Items []RequirementData
}

// NotApplicableGroup is the not-applicable requirements of a conduit that
// share one reason, so that a document states each reason once.
type NotApplicableGroup struct {
	IDs    []Text
	Reason Text
}

// NotApplicable groups the conduit's not-applicable requirements by reason,
// in catalogue order of their first requirement. The engine's sentence
// "ID (topic) does not apply to conduit NAME: why" is shortened to "why";
// a reason of another form is kept whole.
func (c *ConduitData) NotApplicable() []NotApplicableGroup {
	var out []NotApplicableGroup
	idx := map[Text]int{}
	marker := " does not apply to conduit " + string(c.Name) + ": "
	for _, r := range c.Requirements {
		if r.StateKey != string(risk.StateNotApplicable) {
			continue
		}
		why := r.StatusReason
		if i := strings.Index(string(why), marker); i >= 0 {
			why = why[i+len(marker):]
		}
		if why == "" {
			why = "—"
		}
		i, ok := idx[why]
		if !ok {
			i = len(out)
			idx[why] = i
			out = append(out, NotApplicableGroup{Reason: why})
		}
		out[i].IDs = append(out[i].IDs, r.ID)
	}
	return out
}

// Text is the row as documents print it: "unknown" when any level is
// unknown, never a row of zeros, else the seven levels.
func (r SLRow) Text() Text {
	if r.Unknown {
		return "unknown"
	}
	return Text(r.V.String())
}

// EssentialFunctionData is one essential function of a zone.
type EssentialFunctionData struct {
	Name, Kind, Notes Text
	Intolerant        []Text
}

// RoleData is one account role of a zone.
type RoleData struct {
	Name, Privileges Text
	Shared           bool
}

// ZoneData is one zone with everything the documents say about it.
type ZoneData struct {
	ID                                string
	Name, Description, Type           Text
	TypeKey                           string
	Purdue                            Text
	Parent                            Text
	Organisation                      Text
	LogicalBoundary, PhysicalBoundary Text
	SafetyDesignation                 Text
	IsSafety, OutOfScope, IsRemote    bool
	EssentialFunctions                []EssentialFunctionData
	AccessPoints, Assumptions         []Text
	Roles                             []RoleData
	Assets                            []*AssetData
	Conduits                          []*ConduitData
	Neighbours                        []Text // names of zones reached through conduits
	Scenarios                         []*ScenarioData
	SLT, SLC, SLA                     SLRow
	Gap                               model.SLVector
	HasGap                            bool
	Overrides                         []OverrideData
	Requirements                      []RequirementData
	RequirementGroups                 []RequirementGroup
	NeedsMFA, NeedsUnidirectional     bool
	// Findings are least-privilege findings of the assessment (e.g. a shared account).
	Findings  []Text
	Proposals []*ProposalData
}

// OverrideData is one user override of a derived SL-T.
type OverrideData struct {
	FR            int
	SL            int
	Justification Text
}

// FlowData is one permitted data flow through a conduit.
type FlowData struct {
	Conduit                   Text
	Protocol, Port, Transport Text
	From, To, Initiator       Text
	Bidirectional             bool
	Direction                 Text // "→" or "↔"
	Purpose                   Text
	AnyPort                   bool // port or protocol "any": a least-privilege finding
}

// ConduitData is one conduit with its flows and connected zones.
type ConduitData struct {
	ID                      string
	Name, Description, Type Text
	TypeKey                 string
	Zones                   []Text
	ZoneRefs                []*ZoneData
	Flows                   []*FlowData
	AccessPoints            []Text
	SLT, SLA                SLRow
	Gap                     model.SLVector
	HasGap                  bool
	Overrides               []OverrideData
	Requirements            []RequirementData
	RequirementGroups       []RequirementGroup
	Findings                []Text
	External, IsVPN         bool
	Unidirectional          bool
	Scenarios               []*ScenarioData
	Proposals               []*ProposalData
}

// FocusData is one focus-point checklist item of an asset.
type FocusData struct {
	Key       string
	Title     Text
	Status    Text
	StatusKey string
	Evidence  Text
}

// AssetData is one asset with its component view.
type AssetData struct {
	ID                      string
	Name, Description       Text
	Class, Function         Text
	ClassKey                string
	Prefix                  Text // SAR, EDR, HDR or NDR
	Zone                    Text
	Vendor, Model, Firmware Text
	Criticality             Text
	CriticalityKey          string
	Exposure                []Text
	// RemoteAccess, Wireless, RemovableMedia and External repeat Exposure as flags.
	RemoteAccess, Wireless, RemovableMedia, External bool
	Transient                                        bool
	SLC, SLT, Gap                                    model.SLVector
	HasGap                                           bool
	// SLCUnknown marks an asset whose SL-C source is unknown: SLC is then not
	// a capability of 0, and documents print "unknown" (docs/METHOD.md).
	SLCUnknown             bool
	SLCSource, SupplierSDL Text
	Requirements           []RequirementData
	FocusPoints            []FocusData
	// Profile is the ID of the asset's component requirement profile.
	Profile Text

	c *i18n.Catalog // the document language, for SLCText and GapText
}

// SLCText is the asset's SL-C as documents print it: "unknown" when its
// source is unknown, never a row of zeros.
func (a *AssetData) SLCText() Text {
	if a.SLCUnknown {
		return Text(a.catalog().T("doc.unknown"))
	}
	return Text(a.SLC.String())
}

// GapText is the asset's capability gap as documents print it: "unknown"
// when its SL-C is unknown (a gap against an unknown capability is not
// known either), "none" without a gap, else the seven differences.
func (a *AssetData) GapText() Text {
	switch {
	case a.SLCUnknown:
		return Text(a.catalog().T("doc.unknown"))
	case !a.HasGap:
		return Text(a.catalog().T("doc.noGap"))
	}
	return Text(a.Gap.String())
}

func (a *AssetData) catalog() *i18n.Catalog {
	if a.c == nil {
		return i18n.For(i18n.EN)
	}
	return a.c
}

// ActorData is one threat actor profile.
type ActorData struct {
	Name, Description, Motivation Text
	Capability                    int
	CapabilityLabel               Text
	Scenarios                     int
}

// ConsequenceData is one consequence of a scenario.
type ConsequenceData struct {
	Category  Text
	Level     int
	LevelName Text
	Note      Text
}

// ScenarioData is one threat scenario with its risk before and after
// countermeasures.
type ScenarioData struct {
	ID                              string
	Name, Description               Text
	Actor                           Text
	Capability                      int
	EntryPoint                      Text
	TargetKind, Target              Text
	FRs                             []Text
	Consequences                    []ConsequenceData
	Category                        Text // worst category
	Likelihood, Consequence         int
	LikelihoodName, ConsequenceName Text
	Unmitigated                     Text
	UnmitigatedKey                  string
	Tolerable                       bool
	ResidualLikelihood              int
	ResidualConsequence             int
	Residual                        Text
	ResidualKey                     string
	ResidualTolerable               bool
	// Current is the residual risk with implemented measures only; the
	// Residual fields above are the target (implemented and accepted).
	CurrentLikelihood        int
	Current                  Text
	CurrentTolerable         bool
	Vulnerabilities          []Text // "CVE-… (CVSS 9.8, open)"
	Treatment, TreatmentNote Text
	Techniques               []Text
	Mitigations              []Text // measure names credited
}

// ProposalData is one ranked compensating countermeasure.
type ProposalData struct {
	Rank               int
	ID                 Text
	MeasureID          Text
	Measure, Summary   Text
	TargetKind, Target Text
	Closes             Text // "FR1 → 2, FR5 → 3"
	ClosesFRs          []int
	Effort             Text
	EffortN            int
	Score              float64
	// Cover marks a proposal of the recommended set.
	Cover              bool
	Status             Text
	StatusKey          string
	Reason, Owner, Due Text
	Requirements       []Text
}

// MeasureData is one countermeasure instance recorded in the project.
type MeasureData struct {
	MeasureID, Measure        Text
	TargetKind, Target        Text
	Status                    Text
	StatusKey                 string
	Reason, Owner, Due, Notes Text
	Scenarios                 []Text
}

// ExclusionData is a measure never proposed because it conflicts with an
// essential function.
type ExclusionData struct {
	MeasureID, Measure        Text
	TargetKind, Target        Text
	EssentialFunction, Impact Text
	Reason                    Text
}

// OpenGapData is one FR gap of a zone or conduit that no library measure
// closes, with the unmet requirements behind it.
type OpenGapData struct {
	TargetKind, Target Text
	FR                 int
	Gap                int
	Requirements       []Text
}

// DecisionData is one decision log entry.
type DecisionData struct {
	At, By, Subject, Decision, Rationale, Object Text
}

// ApprovalData is one line of the approval block.
type ApprovalData struct {
	Role, Name, Title, Date Text
}

// ClassData is one asset class with its focus points and its assets.
type ClassData struct {
	Class    Text
	ClassKey string
	Prefix   Text
	Points   []FocusPointDefData
	Assets   []*AssetData
}

// FocusPointDefData is one focus point of an asset class.
type FocusPointDefData struct {
	Key   string
	Title Text
	// Done, Partial, Open and NA count the class's assets per status.
	Done, Partial, Open, NA int
}

// ComplianceData is, for one FR, how many required SRs/REs (summed over the
// zones and conduits in scope) are met by the achieved security level.
type ComplianceData struct {
	FR       FRData
	Required int
	Met      int
	Percent  int
}

// Stats are headline counts for summaries.
type Stats struct {
	Zones, ZonesInScope, Conduits, Assets, Actors, Scenarios int
	// Intolerable counts scenarios above the tolerable line before treatment;
	// ResidualIntolerable after credited countermeasures.
	Intolerable, ResidualIntolerable int
	ZonesWithGap, ConduitsWithGap    int
	// GapFRs counts zone × FR cells with a gap.
	GapFRs                                     int
	Proposals, Accepted, Implemented, Rejected int
	Exclusions                                 int
	AnyFlows                                   int
	MaxSLT                                     int
	// UnknownSLC counts assets whose SL-C is unknown.
	UnknownSLC int
	// CriticalAssets counts assets of high or critical criticality.
	CriticalAssets int
}

// ProfileData is one component requirement profile: the IEC 62443-4-2
// requirements of an asset class at one SL-T, and the assets that need them.
type ProfileData struct {
	ID           Text // "EDR-2"
	Class        Text
	Prefix       Text
	SLT          model.SLVector
	Requirements []RequirementData
	Assets       []*AssetData
	Zones        []Text
}

// ExclusionGroup is the measures excluded on one target because of one
// impact on one essential function.
type ExclusionGroup struct {
	TargetKind, Target        Text
	EssentialFunction, Impact Text
	Measures                  []Text
}

// ProgrammeItem is one countermeasure of the recommended set with all the
// places it is applied to.
type ProgrammeItem struct {
	Measure, MeasureID, Summary Text
	Effort                      Text
	BestRank                    int
	Targets                     []Text
	// FRs lists the foundational requirements it closes gaps in ("FR1", ...).
	FRs []Text
	// Open counts the targets where it is still only proposed.
	Open int
}

// VulnerabilityData is one entry of the vulnerability register.
type VulnerabilityData struct {
	Identifier, Title Text
	Assets            Text // asset names, comma-separated
	CVSS              Text // "9.8 (CVSS:3.1/…)" or "not known"
	Exploitability    Text
	Status            Text
	Source            Text
}
