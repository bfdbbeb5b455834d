package model

// FocusPointDef is one checklist item that IEC 62443 practice asks to check
// for an asset class.
type FocusPointDef struct {
	Key   string
	Title string
}

var focusPointDefs = map[AssetClass][]FocusPointDef{
	ClassApplication: {
		{"app-identities", "Application identities and service accounts"},
		{"secure-configuration", "Secure configuration"},
		{"logging-audit", "Logging and audit trails"},
	},
	ClassEmbedded: {
		{"firmware-integrity", "Firmware integrity"},
		{"interface-hardening", "Interface hardening"},
		{"secure-update", "Secure update process"},
	},
	ClassHost: {
		{"patch-malware", "Patch and malware management"},
		{"account-management", "Account management"},
		{"backup-recovery", "Backup and recovery"},
	},
	ClassNetwork: {
		{"zone-segmentation", "Zone segmentation"},
		{"firewall-rules", "Firewall rules"},
		{"remote-access-control", "Remote access control"},
	},
}

// FocusPointDefs returns the checklist items for an asset class, in order.
func FocusPointDefs(c AssetClass) []FocusPointDef { return focusPointDefs[c] }

// DefaultFocusPoints returns an open checklist for the class.
func DefaultFocusPoints(c AssetClass) []FocusPoint {
	defs := focusPointDefs[c]
	out := make([]FocusPoint, len(defs))
	for i, d := range defs {
		out[i] = FocusPoint{Key: d.Key, Status: FocusOpen}
	}
	return out
}

// FocusPointTitle returns the title of a focus point key, or the key itself.
func FocusPointTitle(c AssetClass, key string) string {
	for _, d := range focusPointDefs[c] {
		if d.Key == key {
			return d.Title
		}
	}
	return key
}
