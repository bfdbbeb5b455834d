package model

// Enumerations are persisted as text. Each has one table below (value and
// display label) that is the single source of its values: Valid, Label and the
// Values lists all read that table.

type enumEntry[T ~string] struct {
	value T
	label string
}

func enumValues[T ~string](table []enumEntry[T]) []T {
	out := make([]T, len(table))
	for i, e := range table {
		out[i] = e.value
	}
	return out
}

func enumLabel[T ~string](table []enumEntry[T], v T) string {
	for _, e := range table {
		if e.value == v {
			return e.label
		}
	}
	return string(v)
}

func enumValid[T ~string](table []enumEntry[T], v T) bool {
	for _, e := range table {
		if e.value == v {
			return true
		}
	}
	return false
}

// ZoneType classifies a zone by its role in the plant architecture.
type ZoneType string

// Zone types.
const (
	ZoneEnterprise   ZoneType = "enterprise"
	ZoneDMZ          ZoneType = "dmz"
	ZoneSupervisory  ZoneType = "supervisory"
	ZoneControl      ZoneType = "control"
	ZoneSafety       ZoneType = "safety"
	ZoneField        ZoneType = "field"
	ZoneRemoteAccess ZoneType = "remote-access"
	ZoneWireless     ZoneType = "wireless"
	ZoneTransient    ZoneType = "transient"
)

var zoneTypeTable = []enumEntry[ZoneType]{
	{ZoneEnterprise, "Enterprise"},
	{ZoneDMZ, "DMZ"},
	{ZoneSupervisory, "Supervisory"},
	{ZoneControl, "Control"},
	{ZoneSafety, "Safety (SIS)"},
	{ZoneField, "Field"},
	{ZoneRemoteAccess, "Remote access"},
	{ZoneWireless, "Wireless"},
	{ZoneTransient, "Transient devices"},
}

// ZoneTypes lists every zone type.
func ZoneTypes() []ZoneType { return enumValues(zoneTypeTable) }

// Valid reports whether t is a known zone type.
func (t ZoneType) Valid() bool { return enumValid(zoneTypeTable, t) }

// Label is the display name.
func (t ZoneType) Label() string { return enumLabel(zoneTypeTable, t) }

// ConduitType classifies the technical means of a conduit.
type ConduitType string

// Conduit types.
const (
	ConduitRouted         ConduitType = "routed"
	ConduitFirewall       ConduitType = "firewall"
	ConduitGateway        ConduitType = "application-gateway"
	ConduitUnidirectional ConduitType = "unidirectional"
	ConduitVPN            ConduitType = "vpn"
	ConduitSerial         ConduitType = "serial"
	ConduitWireless       ConduitType = "wireless"
	ConduitRemovableMedia ConduitType = "removable-media"
)

var conduitTypeTable = []enumEntry[ConduitType]{
	{ConduitRouted, "Routed"},
	{ConduitFirewall, "Firewall-filtered"},
	{ConduitGateway, "Application gateway / proxy"},
	{ConduitUnidirectional, "Unidirectional gateway (diode)"},
	{ConduitVPN, "VPN tunnel"},
	{ConduitSerial, "Serial"},
	{ConduitWireless, "Wireless"},
	{ConduitRemovableMedia, "Removable media"},
}

// ConduitTypes lists every conduit type.
func ConduitTypes() []ConduitType { return enumValues(conduitTypeTable) }

// Valid reports whether t is a known conduit type.
func (t ConduitType) Valid() bool { return enumValid(conduitTypeTable, t) }

// Label is the display name.
func (t ConduitType) Label() string { return enumLabel(conduitTypeTable, t) }

// AssetClass is one of the four component classes of IEC 62443-4-2.
type AssetClass string

// Asset classes.
const (
	ClassApplication AssetClass = "software-application"
	ClassEmbedded    AssetClass = "embedded-device"
	ClassHost        AssetClass = "host-device"
	ClassNetwork     AssetClass = "network-device"
)

var assetClassTable = []enumEntry[AssetClass]{
	{ClassApplication, "Software application"},
	{ClassEmbedded, "Embedded device"},
	{ClassHost, "Host device"},
	{ClassNetwork, "Network device"},
}

// AssetClasses lists the four classes.
func AssetClasses() []AssetClass { return enumValues(assetClassTable) }

// Valid reports whether c is one of the four classes.
func (c AssetClass) Valid() bool { return enumValid(assetClassTable, c) }

// Label is the display name.
func (c AssetClass) Label() string { return enumLabel(assetClassTable, c) }

// Prefix is the IEC 62443-4-2 component-specific requirement prefix: SAR, EDR, HDR or NDR.
func (c AssetClass) Prefix() string {
	switch c {
	case ClassApplication:
		return "SAR"
	case ClassEmbedded:
		return "EDR"
	case ClassHost:
		return "HDR"
	case ClassNetwork:
		return "NDR"
	}
	return ""
}

// ParseAssetClass accepts the persisted value or the short command-line form
// (application, embedded, host, network).
func ParseAssetClass(s string) (AssetClass, bool) {
	switch s {
	case "application", "app", "software":
		return ClassApplication, true
	case "embedded":
		return ClassEmbedded, true
	case "host":
		return ClassHost, true
	case "network":
		return ClassNetwork, true
	}
	c := AssetClass(s)
	return c, c.Valid()
}

// AssetFunction says what an asset serves, for the zoning rules of
// IEC 62443-3-2 ZCR 3.2/3.3 (business and control assets apart, safety assets
// in safety zones).
type AssetFunction string

// Asset functions.
const (
	FunctionBusiness       AssetFunction = "business"
	FunctionControl        AssetFunction = "control"
	FunctionSafety         AssetFunction = "safety"
	FunctionInfrastructure AssetFunction = "infrastructure"
)

var assetFunctionTable = []enumEntry[AssetFunction]{
	{FunctionBusiness, "Business"},
	{FunctionControl, "Control"},
	{FunctionSafety, "Safety"},
	{FunctionInfrastructure, "Infrastructure"},
}

// AssetFunctions lists every asset function.
func AssetFunctions() []AssetFunction { return enumValues(assetFunctionTable) }

// Valid reports whether f is known.
func (f AssetFunction) Valid() bool { return enumValid(assetFunctionTable, f) }

// Label is the display name.
func (f AssetFunction) Label() string { return enumLabel(assetFunctionTable, f) }

// Criticality rates how much the process depends on an asset.
type Criticality string

// Criticality levels.
const (
	CriticalityLow    Criticality = "low"
	CriticalityMedium Criticality = "medium"
	CriticalityHigh   Criticality = "high"
	CriticalityVital  Criticality = "critical"
)

var criticalityTable = []enumEntry[Criticality]{
	{CriticalityLow, "Low"},
	{CriticalityMedium, "Medium"},
	{CriticalityHigh, "High"},
	{CriticalityVital, "Critical"},
}

// Criticalities lists every criticality, lowest first.
func Criticalities() []Criticality { return enumValues(criticalityTable) }

// Valid reports whether c is known.
func (c Criticality) Valid() bool { return enumValid(criticalityTable, c) }

// Label is the display name.
func (c Criticality) Label() string { return enumLabel(criticalityTable, c) }

// RiskLevel is a cell value of the risk matrix.
type RiskLevel string

// Risk levels, lowest first.
const (
	RiskLow      RiskLevel = "low"
	RiskMedium   RiskLevel = "medium"
	RiskHigh     RiskLevel = "high"
	RiskCritical RiskLevel = "critical"
)

var riskLevelTable = []enumEntry[RiskLevel]{
	{RiskLow, "Low"},
	{RiskMedium, "Medium"},
	{RiskHigh, "High"},
	{RiskCritical, "Critical"},
}

// RiskLevels lists the risk levels, lowest first.
func RiskLevels() []RiskLevel { return enumValues(riskLevelTable) }

// Valid reports whether l is known.
func (l RiskLevel) Valid() bool { return enumValid(riskLevelTable, l) }

// Label is the display name.
func (l RiskLevel) Label() string { return enumLabel(riskLevelTable, l) }

// Rank orders risk levels: low 1, medium 2, high 3, critical 4; 0 if unknown.
func (l RiskLevel) Rank() int {
	for i, e := range riskLevelTable {
		if e.value == l {
			return i + 1
		}
	}
	return 0
}

// ConsequenceCategory is a kind of harm a scenario can cause.
type ConsequenceCategory string

// Consequence categories.
const (
	ConsequenceSafety      ConsequenceCategory = "health-safety"
	ConsequenceEnvironment ConsequenceCategory = "environment"
	ConsequenceProduction  ConsequenceCategory = "production"
	ConsequenceFinancial   ConsequenceCategory = "financial"
	ConsequenceReputation  ConsequenceCategory = "reputation"
	ConsequenceRegulatory  ConsequenceCategory = "regulatory"
)

var consequenceCategoryTable = []enumEntry[ConsequenceCategory]{
	{ConsequenceSafety, "Health & safety"},
	{ConsequenceEnvironment, "Environment"},
	{ConsequenceProduction, "Production / availability"},
	{ConsequenceFinancial, "Financial"},
	{ConsequenceReputation, "Reputation"},
	{ConsequenceRegulatory, "Regulatory"},
}

// ConsequenceCategories lists every category.
func ConsequenceCategories() []ConsequenceCategory { return enumValues(consequenceCategoryTable) }

// Valid reports whether c is known.
func (c ConsequenceCategory) Valid() bool { return enumValid(consequenceCategoryTable, c) }

// Label is the display name.
func (c ConsequenceCategory) Label() string { return enumLabel(consequenceCategoryTable, c) }

// TargetKind says which kind of object a scenario or countermeasure targets.
type TargetKind string

// Target kinds.
const (
	TargetZone    TargetKind = "zone"
	TargetConduit TargetKind = "conduit"
	TargetAsset   TargetKind = "asset"
)

var targetKindTable = []enumEntry[TargetKind]{
	{TargetZone, "Zone"},
	{TargetConduit, "Conduit"},
	{TargetAsset, "Asset"},
}

// TargetKinds lists every target kind.
func TargetKinds() []TargetKind { return enumValues(targetKindTable) }

// Valid reports whether k is known.
func (k TargetKind) Valid() bool { return enumValid(targetKindTable, k) }

// Label is the display name.
func (k TargetKind) Label() string { return enumLabel(targetKindTable, k) }

// Treatment is how a scenario's risk is handled.
type Treatment string

// Treatments. Empty means not yet decided.
const (
	TreatmentMitigate Treatment = "mitigate"
	TreatmentAccept   Treatment = "accept"
	TreatmentTransfer Treatment = "transfer"
	TreatmentAvoid    Treatment = "avoid"
)

var treatmentTable = []enumEntry[Treatment]{
	{TreatmentMitigate, "Mitigate"},
	{TreatmentAccept, "Accept"},
	{TreatmentTransfer, "Transfer"},
	{TreatmentAvoid, "Avoid"},
}

// Treatments lists every treatment.
func Treatments() []Treatment { return enumValues(treatmentTable) }

// Valid reports whether t is known.
func (t Treatment) Valid() bool { return enumValid(treatmentTable, t) }

// Label is the display name.
func (t Treatment) Label() string { return enumLabel(treatmentTable, t) }

// MeasureStatus is the life cycle of a countermeasure instance.
type MeasureStatus string

// Countermeasure statuses.
const (
	StatusProposed    MeasureStatus = "proposed"
	StatusAccepted    MeasureStatus = "accepted"
	StatusRejected    MeasureStatus = "rejected"
	StatusImplemented MeasureStatus = "implemented"
)

var measureStatusTable = []enumEntry[MeasureStatus]{
	{StatusProposed, "Proposed"},
	{StatusAccepted, "Accepted"},
	{StatusRejected, "Rejected"},
	{StatusImplemented, "Implemented"},
}

// MeasureStatuses lists every status.
func MeasureStatuses() []MeasureStatus { return enumValues(measureStatusTable) }

// Valid reports whether s is known.
func (s MeasureStatus) Valid() bool { return enumValid(measureStatusTable, s) }

// Label is the display name.
func (s MeasureStatus) Label() string { return enumLabel(measureStatusTable, s) }

// Impact is something a countermeasure may do that an essential function
// cannot tolerate (IEC 62443-3-3 clause 4.2: support of essential functions).
type Impact string

// Impacts on essential functions.
const (
	ImpactLockout  Impact = "account-lockout"
	ImpactScanning Impact = "active-scanning"
	ImpactReboot   Impact = "reboot"
	ImpactLatency  Impact = "latency"
	ImpactBlocking Impact = "traffic-blocking"
	ImpactAuthWait Impact = "interactive-authentication"
	ImpactCPU      Impact = "cpu-load"
)

var impactTable = []enumEntry[Impact]{
	{ImpactLockout, "Account lock-out"},
	{ImpactScanning, "Active scanning"},
	{ImpactReboot, "Reboots / restarts"},
	{ImpactLatency, "Added latency"},
	{ImpactBlocking, "Blocks traffic on failure"},
	{ImpactAuthWait, "Interactive authentication delays operators"},
	{ImpactCPU, "CPU / memory load on the device"},
}

// Impacts lists every impact.
func Impacts() []Impact { return enumValues(impactTable) }

// Valid reports whether i is known.
func (i Impact) Valid() bool { return enumValid(impactTable, i) }

// Label is the display name.
func (i Impact) Label() string { return enumLabel(impactTable, i) }

// EssentialKind classifies an essential function.
type EssentialKind string

// Essential function kinds.
const (
	EssentialSafety       EssentialKind = "safety"
	EssentialProtection   EssentialKind = "protection"
	EssentialAvailability EssentialKind = "availability"
)

var essentialKindTable = []enumEntry[EssentialKind]{
	{EssentialSafety, "Safety"},
	{EssentialProtection, "Protection"},
	{EssentialAvailability, "Availability"},
}

// EssentialKinds lists every kind.
func EssentialKinds() []EssentialKind { return enumValues(essentialKindTable) }

// Valid reports whether k is known.
func (k EssentialKind) Valid() bool { return enumValid(essentialKindTable, k) }

// Label is the display name.
func (k EssentialKind) Label() string { return enumLabel(essentialKindTable, k) }

// FocusStatus is the state of one focus-point checklist item of an asset.
type FocusStatus string

// Focus point statuses.
const (
	FocusOpen          FocusStatus = "open"
	FocusPartial       FocusStatus = "partial"
	FocusDone          FocusStatus = "done"
	FocusNotApplicable FocusStatus = "not-applicable"
)

var focusStatusTable = []enumEntry[FocusStatus]{
	{FocusOpen, "Open"},
	{FocusPartial, "Partial"},
	{FocusDone, "Done"},
	{FocusNotApplicable, "Not applicable"},
}

// FocusStatuses lists every status.
func FocusStatuses() []FocusStatus { return enumValues(focusStatusTable) }

// Valid reports whether s is known.
func (s FocusStatus) Valid() bool { return enumValid(focusStatusTable, s) }

// Label is the display name.
func (s FocusStatus) Label() string { return enumLabel(focusStatusTable, s) }

// SLTMethod selects how SL-T is derived from scenarios (docs/METHOD.md step 3).
type SLTMethod string

// SL-T derivation methods.
const (
	MethodActorCapability SLTMethod = "actor-capability"
	MethodRiskLevel       SLTMethod = "risk-level"
)

var sltMethodTable = []enumEntry[SLTMethod]{
	{MethodActorCapability, "Threat actor capability of intolerable scenarios"},
	{MethodRiskLevel, "Unmitigated risk level (low 1, medium 2, high 3, critical 4)"},
}

// SLTMethods lists every method.
func SLTMethods() []SLTMethod { return enumValues(sltMethodTable) }

// Valid reports whether m is known.
func (m SLTMethod) Valid() bool { return enumValid(sltMethodTable, m) }

// Label is the display name.
func (m SLTMethod) Label() string { return enumLabel(sltMethodTable, m) }

// SLCSource says where an asset's SL-C vector comes from.
type SLCSource string

// SL-C sources.
const (
	SLCUnknown   SLCSource = "unknown"
	SLCCertified SLCSource = "certified"
	SLCAssessed  SLCSource = "assessed"
	SLCVendor    SLCSource = "vendor-declared"
)

var slcSourceTable = []enumEntry[SLCSource]{
	{SLCUnknown, "Unknown"},
	{SLCCertified, "Certified (IEC 62443-4-2)"},
	{SLCAssessed, "Assessed"},
	{SLCVendor, "Vendor declaration"},
}

// SLCSources lists every source.
func SLCSources() []SLCSource { return enumValues(slcSourceTable) }

// Valid reports whether s is known.
func (s SLCSource) Valid() bool { return enumValid(slcSourceTable, s) }

// Label is the display name.
func (s SLCSource) Label() string { return enumLabel(slcSourceTable, s) }

// SupplierSDL is what is known of the supplier's IEC 62443-4-1 secure
// development lifecycle.
type SupplierSDL string

// Supplier SDL statuses.
const (
	SDLUnknown   SupplierSDL = "unknown"
	SDLNone      SupplierSDL = "none"
	SDLDeclared  SupplierSDL = "declared"
	SDLCertified SupplierSDL = "certified"
)

var supplierSDLTable = []enumEntry[SupplierSDL]{
	{SDLUnknown, "Unknown"},
	{SDLNone, "No secure development process"},
	{SDLDeclared, "IEC 62443-4-1 declared by supplier"},
	{SDLCertified, "IEC 62443-4-1 certified"},
}

// SupplierSDLs lists every status.
func SupplierSDLs() []SupplierSDL { return enumValues(supplierSDLTable) }

// Valid reports whether s is known.
func (s SupplierSDL) Valid() bool { return enumValid(supplierSDLTable, s) }

// Label is the display name.
func (s SupplierSDL) Label() string { return enumLabel(supplierSDLTable, s) }
