package templates

import (
	"cmp"
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
	// Traffic and Firewall are the project's last comparisons with observed
	// traffic and with a firewall's rule set (see observed.go); nil when
	// none was recorded.
	Traffic, Firewall *ObservationData
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
	// Revisions is the revision history table: the recorded history, then
	// the current revision.
	Revisions []RevisionRow
	// Changes is the "changes since" annex, nil unless the export compares
	// with an earlier revision (export --since).
	Changes *ChangesData

	// ExternalConduits are the conduits that connect a remote-access zone or
	// are VPN tunnels: each needs a secure remote access procedure.
	ExternalConduits []*ConduitData
	// ContainmentOrder lists the conduits in the order an incident responder
	// closes them: external conduits first, then from the highest Purdue
	// level down.
	ContainmentOrder []*ConduitData
	// MFAZones are zones in scope where a person logs on across a conduit
	// that requires multi-factor authentication (see ConduitRules.MFA).
	MFAZones []*ZoneData
	// UnidirectionalZones are zones in scope that data leaves through a
	// one-way conduit at FR5 SL-T ≥ 3 (see ConduitRules.Diode).
	UnidirectionalZones []*ZoneData
	// SafetyZones are zones designated for safety functions.
	SafetyZones []*ZoneData
	// OneWayConduits are the network conduits whose flows all run one way;
	// the policies keep them one way (a diode at FR5 SL-T ≥ 3).
	OneWayConduits []*ConduitData
	// MFAConduits are the conduits across which a person logs on and a
	// second factor is required (see ConduitRules.MFA).
	MFAConduits []*ConduitData
	// RemoteAccessConduits are the external conduits that carry interactive
	// sessions: each gets a secure remote access procedure.
	RemoteAccessConduits []*ConduitData
	// TelemetryConduits are the external conduits that carry machine
	// traffic only: permanent links, no per-session approval.
	TelemetryConduits []*ConduitData
	// SupplierDevices are transient devices a supplier owns, admitted under
	// a work permit (see SupplierOwned).
	SupplierDevices []*AssetData
	// TransientDevices are all transient devices.
	TransientDevices []*AssetData
	// Adjustments are the rules the policies and procedures leave out or
	// soften, and why (CheckDocuments).
	Adjustments []Adjustment
	// AnyFlows lists flows with port or protocol "any" (least-privilege findings).
	AnyFlows []*FlowData
	// Classes holds, per asset class present, its focus points and assets.
	Classes []*ClassData
	// Compliance counts, per FR, the required SRs/REs met today and the gaps.
	Compliance []ComplianceData
	// Questions are the self-assessment questions, one per requirement asked
	// of at least one zone or conduit, in catalogue order; QuestionGroups
	// the same by FR.
	Questions      []*QuestionData
	QuestionGroups []QuestionGroup
	// PlantRequirements are, per FR, the SRs/REs required in at least one
	// zone in scope, with the highest SL-T of that FR in the plant.
	PlantRequirements []RequirementGroup
	// Profiles group assets that need the same IEC 62443-4-2 requirements
	// (same class, same zone SL-T), so each list is printed once.
	Profiles []*ProfileData
	// RequirementMatrices are the IEC 62443-3-3 requirements × zones and
	// conduits with each requirement's state, in page-wide slices.
	RequirementMatrices []RequirementMatrix
	// ComponentGroups are the assets grouped by class, SL-C and profile;
	// ComponentRequirements the profiles' requirements, common CRs first,
	// then per class.
	ComponentGroups       []*ComponentGroup
	ComponentRequirements []ComponentRequirements
	// CappedProfiles are the profiles of hosts on a general-purpose
	// operating system held below their zone's SL-T (HostProfileSL), with
	// the operating systems of their assets.
	CappedProfiles  []*ProfileData
	CappedPlatforms []Text
	// ComponentTitles are the component requirements whose title the
	// system requirement matrix does not give (see componentTitles).
	ComponentTitles []ComponentTitle
	// ResidualRisks are the scenarios above the tolerable line today or
	// after the planned countermeasures, for explicit acceptance (ZCR 7).
	ResidualRisks []*ResidualRiskItem
	// MetBy names the countermeasures behind the met requirements of the
	// requirement matrix.
	MetBy []*MetByData
	// ZoneOnly are the families of requirements on the zones only
	// (docs/METHOD.md step 5b), with why; set when a conduit column of the
	// requirement matrix marks one.
	ZoneOnly []ZoneOnlyData
	// OpenGapTargets are the OpenGaps by zone or conduit.
	OpenGapTargets []*OpenGapTarget
	// AssetZones summarises the assets per zone and ExclusionSets the
	// exclusions by reason, for big plants.
	AssetZones    []*AssetZoneSummary
	ExclusionSets []*ExclusionSet

	Stats Stats
}

// ProjectData is the project metadata and the SUC.
type ProjectData struct {
	Name, Client, Site, Author, Revision, Date, Classification Text
	Description, Scope                                         Text
	Assumptions, ExternalInterfaces                            []Text
	// Location is the site without a leading repetition of the project
	// name, so that "NAME at LOCATION" never reads "X at X, street".
	Location Text
	// ThreatEnvironment, Policies and Regulations feed the CRS sections on
	// IEC 62443-3-2 ZCR 6.6, 6.7 and 6.9.
	ThreatEnvironment Text
	Policies          []Text
	Regulations       []RegulationData
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
	// NotApplicableWhy is, for a requirement not applicable on a conduit
	// by a medium rule, only the rule's reason ("no person logs on across
	// it"), in the document language; documents group requirements by it.
	NotApplicableWhy Text
	// Closable marks a gap a library measure can close.
	Closable bool
	// ZoneOnly marks, on a conduit, a requirement that is not applicable
	// because it is one on the zones (docs/METHOD.md step 5b).
	ZoneOnly bool
}

// ZoneOnlyData is one family of requirements on the zones only: what it
// governs, its SRs and REs, and why a conduit is not held to it.
type ZoneOnlyData struct {
	Topic Text
	IDs   []Text
	Why   Text
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
// "ID (topic) does not apply to conduit NAME: why" is shortened to "why"
// (NotApplicableWhy, in any document language); a reason of another form
// is kept whole.
func (c *ConduitData) NotApplicable() []NotApplicableGroup {
	var out []NotApplicableGroup
	idx := map[Text]int{}
	marker := " does not apply to conduit " + string(c.Name) + ": "
	for _, r := range c.Requirements {
		// requirements on the zones are explained once, with the matrix
		if r.StateKey != string(risk.StateNotApplicable) || r.ZoneOnly {
			continue
		}
		why := r.StatusReason
		if r.NotApplicableWhy != "" {
			why = r.NotApplicableWhy
		} else if i := strings.Index(string(why), marker); i >= 0 {
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
	// Dependencies are the zone's external dependencies (ZCR 6.4).
	Dependencies []Text
	// Key is the short column key of the zone in the requirement matrix
	// ("Z1"); in-scope zones only.
	Key                           Text
	Roles                         []RoleData
	Assets                        []*AssetData
	Conduits                      []*ConduitData
	Neighbours                    []Text // names of zones reached through conduits
	Scenarios                     []*ScenarioData
	SLT, SLC, SLA                 SLRow
	Gap                           model.SLVector
	HasGap                        bool
	Overrides                     []OverrideData
	Requirements                  []RequirementData
	RequirementGroups             []RequirementGroup
	NeedsMFA, NeedsUnidirectional bool
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
	// Organisation, Boundary, Assumptions and Dependencies are the conduit's
	// characteristics of IEC 62443-3-2 ZCR 6.4.
	Organisation, Boundary    Text
	Assumptions, Dependencies []Text
	// Key is the short column key of the conduit in the requirement matrix ("C1").
	Key       Text
	Scenarios []*ScenarioData
	Proposals []*ProposalData
	// Rules are what the policies and procedures may demand of the conduit,
	// derived from its flows, medium and SL-T (see RulesFor).
	Rules ConduitRules
	// Medium is the conduit medium in words; FlowKinds its flow kinds.
	Medium, FlowKinds Text
	// LogonZones are the zones where a person crossing the conduit logs on
	// (the targets of its interactive flows; for a tunnel, the remote-access
	// zone it leads into).
	LogonZones []*ZoneData
	// ApprovalZones are the zones whose owners approve a remote session
	// across the conduit: the zones the session reaches.
	ApprovalZones []*ZoneData
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
	// SupplierOwned marks a transient device a supplier or integrator owns.
	SupplierOwned bool
	SLC, SLT, Gap model.SLVector
	HasGap        bool
	// SLCUnknown marks an asset whose SL-C source is unknown: SLC is then not
	// a capability of 0, and documents print "unknown" (docs/METHOD.md).
	SLCUnknown             bool
	SLCSource, SupplierSDL Text
	Requirements           []RequirementData
	FocusPoints            []FocusData
	// Profile is the ID of the asset's component requirement profile.
	Profile Text
	// ProfileSL is the SL vector its profile asks for: SLT, or for a host on
	// a general-purpose operating system (Platform) what such a host can
	// reach (HostProfileSL); the zone compensates for the rest.
	ProfileSL model.SLVector
	Platform  Text
	Capped    bool

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

// Product is vendor and model as documents print them, without the vendor
// twice when the model name starts with it ("Splunk Enterprise", not
// "Splunk Splunk Enterprise").
func (a *AssetData) Product() Text {
	v, m := strings.TrimSpace(string(a.Vendor)), strings.TrimSpace(string(a.Model))
	switch {
	case v == "":
		return Text(m)
	case m == "" || strings.HasPrefix(strings.ToLower(m), strings.ToLower(v)):
		return Text(cmp.Or(m, v))
	}
	return Text(v + " " + m)
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
	// TreatmentKey is the treatment's value ("accept", ...; "" not decided).
	TreatmentKey string
	Techniques   []Text
	Mitigations  []Text // measure names credited
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
// zones and conduits in scope, not-applicable ones left out) are met today
// by their per-requirement state, and how many are gaps.
type ComplianceData struct {
	FR       FRData
	Required int
	Met      int
	Gaps     int
	// UnknownSLC counts the gaps in zones whose SL-C is unknown: there the
	// capability could not be credited, so the count says little until the
	// questionnaire is answered.
	UnknownSLC int
	Percent    int
}

// QuestionData is one self-assessment question: a requirement asked of
// every zone and conduit whose SL-T selects it.
type QuestionData struct {
	ID, Title     Text
	FR, MinSL     int
	Ask, Evidence Text
	// AskDE and EvidenceDE are the same in German.
	AskDE, EvidenceDE Text
	// Targets names the zones and conduits it is asked of; Met counts those
	// where the model already shows it met.
	Targets []Text
	Met     int
}

// QuestionGroup is the questions of one FR.
type QuestionGroup struct {
	FR        FRData
	Questions []*QuestionData
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
	// ProposalMeasures and ProposalTargets count the distinct measures and
	// the distinct zones and conduits among the proposals; ProgrammeTargets
	// the distinct zones and conduits of the recommended set.
	ProposalMeasures, ProposalTargets, ProgrammeTargets int
	// ResidualAccepted counts the ResidualRisks whose treatment is a
	// recorded acceptance.
	ResidualAccepted int
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
	// UnknownSLC and WithGap count the profile's assets of unknown SL-C and
	// those whose known SL-C falls short of the SL-T.
	UnknownSLC, WithGap int
	// Capped marks a profile of hosts on a general-purpose operating system
	// whose zone's SL-T (ZoneSLT, the highest per FR) is above what they can
	// reach (SLT); Platforms names their operating systems.
	Capped    bool
	ZoneSLT   model.SLVector
	Platforms []Text
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
