// Package model is the Zonewise domain: a project of zones, conduits, assets,
// threat actors and scenarios, countermeasure instances and decisions, with
// validation, the project file and undoable edit commands. It depends on the
// standard library and google/uuid only.
package model

// SchemaVersion is the project file format this build writes.
const SchemaVersion = 3

// Project is one system under consideration (SUC) and everything known about it.
// Every slice is kept sorted by ID when saved, so files are deterministic.
type Project struct {
	SchemaVersion int `json:"schemaVersion"`
	ID            ID  `json:"id"`
	Info

	Actors          []ThreatActor            `json:"threatActors"`
	Zones           []Zone                   `json:"zones"`
	Conduits        []Conduit                `json:"conduits"`
	Assets          []Asset                  `json:"assets"`
	Scenarios       []ThreatScenario         `json:"threatScenarios"`
	Countermeasures []CountermeasureInstance `json:"countermeasures"`
	Decisions       []Decision               `json:"decisions"`
	// Vulnerabilities is the vulnerability register (IEC 62443-3-2 ZCR 5.2).
	Vulnerabilities []Vulnerability `json:"vulnerabilities"`
	// Compensating records project-specific compensating countermeasures
	// with evidence (IEC 62443-3-3 §4.3); see docs/METHOD.md step 6.
	Compensating []CompensatingCountermeasure `json:"compensatingCountermeasures"`
	// RevisionHistory lists the project's earlier revisions, oldest first
	// (the deliverables' revision table).
	RevisionHistory []RevisionEntry `json:"revisionHistory,omitempty"`
	// MergeConflicts are the unresolved conflicts of a three-way merge of
	// revisions (package changes); empty in a project nobody merged.
	MergeConflicts []MergeConflict `json:"mergeConflicts,omitempty"`
	// Answers are the self-assessment answers per requirement of a zone or
	// conduit, read from the questionnaire workbook; see docs/METHOD.md step 6.
	Answers []RequirementAnswer `json:"requirementAnswers,omitempty"`
	// Observations are the last comparisons of the model with the plant's
	// traffic and firewall (see observation.go); nil when none was made.
	Observations *Observations `json:"observations,omitempty"`
}

// Info is the project-level metadata and method settings. It is embedded in
// Project (its fields appear at the top level of the file) so that one
// UpdateInfo command can edit it as a whole.
type Info struct {
	Name     string `json:"name"`
	Client   string `json:"client"`
	Site     string `json:"site"`
	Author   string `json:"author"`
	Revision string `json:"revision"`
	// Date is the document date, "YYYY-MM-DD".
	Date           string `json:"date"`
	Classification string `json:"classification"`
	// Language is the language of the project's documents, "en" or "de";
	// empty means the interface language in the GUI and English on the
	// command line. An export's --lang overrides it.
	Language string `json:"language,omitempty"`
	// ClientLogo is an optional PNG or JPEG image for document covers.
	ClientLogo []byte `json:"clientLogo,omitempty"`

	SUC       SUC        `json:"suc"`
	Approvals []Approval `json:"approvals"`

	Method SLTMethod `json:"sltMethod"`
	// NotApplicable lists FRs the project declares out of scope: only these may
	// get SL-T 0 in a zone that is in scope.
	NotApplicable []FR `json:"notApplicableFRs"`
	// NotApplicableJustification says why the FRs in NotApplicable do not
	// apply; required when any is listed, because declaring an FR not
	// applicable lowers every SL-T of that FR to 0 (docs/METHOD.md step 3).
	NotApplicableJustification string     `json:"notApplicableJustification,omitempty"`
	Matrix                     RiskMatrix `json:"riskMatrix"`
}

// DocumentLanguages are the values Info.Language may take: none (follow the
// interface, or English on the command line), English or German. Package
// i18n holds the catalogues; the model only keeps the choice.
var DocumentLanguages = []string{"", "en", "de"}

// SUC describes the system under consideration (IEC 62443-3-2 ZCR 1).
type SUC struct {
	Description string   `json:"description"`
	Scope       string   `json:"scope"`
	Assumptions []string `json:"assumptions"`
	// ExternalInterfaces names connections that cross the SUC boundary.
	ExternalInterfaces []string `json:"externalInterfaces"`
	// ThreatEnvironment describes the threat landscape the SUC faces beyond
	// the recorded threat actors (IEC 62443-3-2 ZCR 6.6): sector threat
	// reports, known campaigns, the operator's own incident history.
	ThreatEnvironment string `json:"threatEnvironment,omitempty"`
	// Policies names the organisation's security policies and procedures
	// that apply to the SUC (ZCR 6.7), besides the documents Zonewise writes.
	Policies []string `json:"securityPolicies,omitempty"`
	// Regulations lists the laws, regulations and standards that apply to
	// the SUC (ZCR 6.9); see regulation.go.
	Regulations []Regulation `json:"regulations,omitempty"`
}

// Approval is one line of a document's approval block.
type Approval struct {
	Role  string `json:"role"` // prepared, reviewed, approved
	Name  string `json:"name"`
	Title string `json:"title"`
	Date  string `json:"date"`
}

// Rect is a canvas rectangle in model units (points at 100 % zoom).
type Rect struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// Point is a canvas position in model units.
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// SLOverride replaces the derived SL-T of one FR with a justified value.
type SLOverride struct {
	FR            FR     `json:"fr"`
	SL            int    `json:"sl"`
	Justification string `json:"justification"`
}

// EssentialFunction is a safety, protection or availability function that
// security measures must not disturb. Intolerant lists the countermeasure
// impacts it cannot accept.
type EssentialFunction struct {
	Name       string        `json:"name"`
	Kind       EssentialKind `json:"kind"`
	Intolerant []Impact      `json:"intolerant"`
	Notes      string        `json:"notes,omitempty"`
}

// Role is an account role in a zone, for the least-privilege principle.
type Role struct {
	Name       string `json:"name"`
	Privileges string `json:"privileges"`
	// Shared marks a shared or group account, itself a finding for FR1.
	Shared bool `json:"shared,omitempty"`
}

// Zone groups assets that share security requirements.
type Zone struct {
	ID          ID       `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	ParentID    ID       `json:"parentId,omitempty"`
	Type        ZoneType `json:"type"`
	// PurdueLevel is 0..5, with 3.5 for the industrial DMZ.
	PurdueLevel      float64 `json:"purdueLevel"`
	Organisation     string  `json:"organisation"`
	LogicalBoundary  string  `json:"logicalBoundary"`
	PhysicalBoundary string  `json:"physicalBoundary"`
	// SafetyDesignation is empty for non-safety zones, else e.g. "SIL 2 SIS".
	SafetyDesignation  string              `json:"safetyDesignation,omitempty"`
	OutOfScope         bool                `json:"outOfScope,omitempty"`
	EssentialFunctions []EssentialFunction `json:"essentialFunctions"`
	AccessPoints       []string            `json:"accessPoints"`
	Roles              []Role              `json:"roles"`
	Assumptions        []string            `json:"assumptions"`
	// Dependencies are the external dependencies of the zone (IEC 62443-3-2
	// ZCR 6.4): services and parties outside it that it relies on.
	Dependencies []string     `json:"externalDependencies,omitempty"`
	SLTOverrides []SLOverride `json:"sltOverrides"`
	// WorstCase is the worst consequence if the zone were compromised, for
	// the initial risk assessment (IEC 62443-3-2 ZCR 2; docs/METHOD.md
	// step 0). Level 0 means not assessed.
	WorstCase Consequence `json:"worstCase"`
	Bounds    Rect        `json:"bounds"`
	// Subnets are the zone's IPv4/IPv6 networks in CIDR form ("10.1.2.0/24"),
	// and VLANs its VLAN IDs (1..4094): what reconcile compares observed
	// traffic and asset addresses with (see network.go).
	Subnets []string `json:"subnets,omitempty"`
	VLANs   []int    `json:"vlans,omitempty"`
}

// IsSafety reports whether the zone is a safety (SIS) zone.
func (z *Zone) IsSafety() bool { return z.Type == ZoneSafety || z.SafetyDesignation != "" }

// DataFlow is one permitted communication through a conduit.
type DataFlow struct {
	Protocol  string `json:"protocol"`
	Port      string `json:"port"` // number, range, or "any" (a least-privilege finding)
	Transport string `json:"transport"`
	From      ID     `json:"from"`
	To        ID     `json:"to"`
	// Initiator is the zone that opens the connection.
	Initiator     ID     `json:"initiator"`
	Bidirectional bool   `json:"bidirectional,omitempty"`
	Purpose       string `json:"purpose,omitempty"`
	// Kind is what the flow is used for; empty in files written before flow
	// kinds existed, when EffectiveKind infers it from the protocol.
	Kind FlowKind `json:"kind,omitempty"`
	// FromAsset and ToAsset optionally narrow the flow to one asset of the
	// From and To zones (an engineering station to one PLC, say).
	FromAsset ID `json:"fromAsset,omitempty"`
	ToAsset   ID `json:"toAsset,omitempty"`
}

// Conduit is the communication channel between two or more zones.
type Conduit struct {
	ID           ID           `json:"id"`
	Name         string       `json:"name"`
	Description  string       `json:"description"`
	ZoneIDs      []ID         `json:"zoneIds"`
	Type         ConduitType  `json:"type"`
	Flows        []DataFlow   `json:"flows"`
	AccessPoints []string     `json:"accessPoints"`
	SLTOverrides []SLOverride `json:"sltOverrides"`
	Route        []Point      `json:"route"`
	// Organisation is the organisation accountable for the conduit, and
	// Boundary what it comprises, from where to where (IEC 62443-3-2
	// ZCR 6.4): a conduit without an owner is nobody's to maintain.
	Organisation string `json:"organisation,omitempty"`
	Boundary     string `json:"boundary,omitempty"`
	// Assumptions and Dependencies are the conduit's security assumptions
	// and external dependencies (ZCR 6.4).
	Assumptions  []string `json:"assumptions,omitempty"`
	Dependencies []string `json:"externalDependencies,omitempty"`
}

// Exposure records the ways an asset can be reached besides its conduits.
type Exposure struct {
	RemoteAccess        bool `json:"remoteAccess,omitempty"`
	Wireless            bool `json:"wireless,omitempty"`
	RemovableMedia      bool `json:"removableMedia,omitempty"`
	ExternallyReachable bool `json:"externallyReachable,omitempty"`
}

// FocusPoint is one checklist item of an asset class (see FocusPointKeys).
type FocusPoint struct {
	Key      string      `json:"key"`
	Status   FocusStatus `json:"status"`
	Evidence string      `json:"evidence,omitempty"`
}

// Asset is a component in exactly one zone.
type Asset struct {
	ID          ID            `json:"id"`
	Name        string        `json:"name"`
	Description string        `json:"description"`
	Class       AssetClass    `json:"class"`
	Function    AssetFunction `json:"function"`
	ZoneID      ID            `json:"zoneId"`
	Vendor      string        `json:"vendor"`
	Model       string        `json:"model"`
	Firmware    string        `json:"firmware"`
	Criticality Criticality   `json:"criticality"`
	Exposure    Exposure      `json:"exposure"`
	// Transient marks devices connected only temporarily (laptops, USB tools).
	Transient   bool         `json:"transient,omitempty"`
	SLC         SLVector     `json:"slC"`
	SLCSource   SLCSource    `json:"slCSource"`
	SupplierSDL SupplierSDL  `json:"supplierSdl"`
	FocusPoints []FocusPoint `json:"focusPoints"`
	// Position is relative to the zone's top-left corner; zero means auto.
	Position Point `json:"position"`
	// The asset's network identity, typed or imported from an inventory or
	// a scan: IP addresses (an asset may have several interfaces), MAC
	// address (canonical "00:1a:2b:3c:4d:5e"), host name, serial number,
	// installed location, and the services a scan found ("502/tcp modbus").
	IPs      []string `json:"ips,omitempty"`
	MAC      string   `json:"mac,omitempty"`
	Hostname string   `json:"hostname,omitempty"`
	Serial   string   `json:"serial,omitempty"`
	Location string   `json:"location,omitempty"`
	Services []string `json:"services,omitempty"`
}

// ThreatActor is a profile with the capability SL it can defeat.
type ThreatActor struct {
	ID          ID     `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// Capability is 1..4: casual, simple means, sophisticated IACS-specific,
	// sophisticated with extended resources.
	Capability int    `json:"capability"`
	Motivation string `json:"motivation"`
}

// Consequence is the severity of a scenario in one category.
type Consequence struct {
	Category ConsequenceCategory `json:"category"`
	Level    int                 `json:"level"` // 1..len(matrix consequences)
	Note     string              `json:"note,omitempty"`
}

// ThreatScenario is actor + entry point + target + affected FRs + consequences + likelihood.
type ThreatScenario struct {
	ID          ID     `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	ActorID     ID     `json:"actorId"`
	EntryPoint  string `json:"entryPoint"`
	// EntryKind and EntryZoneID make the entry point structured, so that
	// the assessment can follow the attack path from it to the target
	// through conduits (docs/METHOD.md step 3). Both empty: the path is the
	// target alone.
	EntryKind    EntryKind     `json:"entryKind,omitempty"`
	EntryZoneID  ID            `json:"entryZoneId,omitempty"`
	TargetKind   TargetKind    `json:"targetKind"`
	TargetID     ID            `json:"targetId"`
	FRs          []FR          `json:"frs"`
	Consequences []Consequence `json:"consequences"`
	Likelihood   int           `json:"likelihood"` // 1..len(matrix likelihoods)
	// Techniques cites MITRE ATT&CK for ICS technique IDs, e.g. "T0866".
	Techniques []string  `json:"techniques"`
	Treatment  Treatment `json:"treatment,omitempty"`
	// TreatmentNote records why (required for accept, transfer and avoid).
	TreatmentNote string `json:"treatmentNote,omitempty"`
	// Countermeasures links countermeasure instances that mitigate this scenario.
	Countermeasures []ID `json:"countermeasures"`
	// Vulnerabilities links entries of the vulnerability register that the
	// scenario exploits (IEC 62443-3-2 ZCR 5.2).
	Vulnerabilities []ID `json:"vulnerabilities"`
	// TemplateID names the threat-library template it came from, if any.
	TemplateID string `json:"templateId,omitempty"`
}

// CountermeasureInstance is a library measure applied to a zone, conduit or asset.
type CountermeasureInstance struct {
	ID         ID            `json:"id"`
	MeasureID  string        `json:"measureId"`
	TargetKind TargetKind    `json:"targetKind"`
	TargetID   ID            `json:"targetId"`
	Status     MeasureStatus `json:"status"`
	// Reason is required when rejected.
	Reason string `json:"reason,omitempty"`
	Owner  string `json:"owner,omitempty"`
	Due    string `json:"due,omitempty"`
	Notes  string `json:"notes,omitempty"`
}

// Decision is a workshop decision log entry.
type Decision struct {
	ID ID `json:"id"`
	// At is the time of the decision, RFC 3339.
	At        string `json:"at"`
	By        string `json:"by"`
	Subject   string `json:"subject"`
	Decision  string `json:"decision"`
	Rationale string `json:"rationale"`
	// ObjectID optionally links the zone, conduit, asset or scenario concerned.
	ObjectID ID `json:"objectId,omitempty"`
}
