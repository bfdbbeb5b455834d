package templates

import (
	"cmp"
	"slices"
	"strings"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/risk"
)

// The policies and procedures write a rule for a conduit only where the
// model says the plant can carry it out: a one-way transfer only where every
// flow runs one way, multi-factor authentication and the remote access
// procedure only where a person logs on, nothing that contradicts a recorded
// exception. What a generic rule book would have demanded but the model
// rules out is reported as an Adjustment, so that the author sees every rule
// the documents left out or softened (docs/METHOD.md, "Documents").

// Document check rules: the stable Rule of an Adjustment.
const (
	// CheckOneWay: the one-way transfer rule at high FR5 SL-T.
	CheckOneWay = "doc-one-way"
	// CheckMFA: multi-factor authentication at a zone boundary.
	CheckMFA = "doc-mfa"
	// CheckRemoteAccess: the secure remote access procedure.
	CheckRemoteAccess = "doc-remote-access"
	// CheckSupplierLaptops: the ban on supplier laptops.
	CheckSupplierLaptops = "doc-supplier-laptops"
	// CheckHostProfile: a component profile at the zone's SL-T for a host
	// on a general-purpose operating system (HostProfileSL).
	CheckHostProfile = "doc-host-profile"
)

// Adjustment is one rule a document left out or softened because the model
// rules it out, with the reason. It is a warning for the author, not an
// error: the documents are right, a generic rule book would not have been.
type Adjustment struct {
	// Document is the document kind, "policies" or "procedures".
	Document string `json:"document"`
	// Rule is one of the Check… constants.
	Rule string `json:"rule"`
	// Action is "left out" or "softened".
	Action   string   `json:"action"`
	ObjectID model.ID `json:"objectId,omitempty"`
	// Kind is "zone", "conduit" or "asset"; Object its name.
	Kind   string `json:"kind"`
	Object string `json:"object"`
	// Reason says, in English, why; Message gives it in another language.
	Reason string `json:"reason"`
	key    string
	data   map[string]any
}

// Why is the reason without the object named in front of it, for a table
// that has a column for the object.
func (a Adjustment) Why() string { return why(a.Reason) }

// why drops the object named in front of a reason ("conduit K02: …") and,
// where the reason first restates the rule ("no one-way rule although …:
// …"), that too: the table's other columns say both.
func why(reason string) string {
	_, rest, ok := strings.Cut(reason, ": ")
	if !ok {
		return reason
	}
	if _, because, ok := strings.Cut(rest, ": "); ok {
		return because
	}
	return rest
}

// RuleName is the rule in a few words, for a document table.
func (a Adjustment) RuleName() string { return a.RuleNameIn("en") }

// RuleNameIn is RuleName in a document language ("en" or "de").
func (a Adjustment) RuleNameIn(lang string) string {
	key := "doccheck.rule." + strings.TrimPrefix(a.Rule, "doc-")
	if c := catalog(lang); c.Has(key) {
		return c.T(key)
	}
	return a.Rule
}

// WhyIn is Why in a document language ("en" or "de").
func (a Adjustment) WhyIn(lang string) string { return why(a.Message(catalog(lang))) }

// ActionIn is Action in a document language ("en" or "de").
func (a Adjustment) ActionIn(lang string) string {
	return catalog(lang).T("doccheck.action." + strings.ReplaceAll(a.Action, " ", ""))
}

// Message is the adjustment in the catalogue's language.
func (a Adjustment) Message(c *i18n.Catalog) string {
	if a.key == "" || c == nil {
		return a.Reason
	}
	return c.T(a.key, a.data)
}

func adjust(doc, rule, action string, kind model.TargetKind, id model.ID, object, key string, data map[string]any) Adjustment {
	data["Object"] = object
	return Adjustment{Document: doc, Rule: rule, Action: action, Kind: string(kind), ObjectID: id, Object: object,
		Reason: i18n.For(i18n.EN).T(key, data), key: key, data: data}
}

// ConduitRules is what the policies and procedures may demand of one
// conduit, derived from its flows, medium, zones and SL-T.
type ConduitRules struct {
	Profile risk.FlowProfile
	// External: the conduit connects a remote-access zone or is a VPN tunnel.
	External bool
	// Sessions: a person logs on across the conduit, by an interactive flow
	// of its own or, for a tunnel into a remote-access zone, by the
	// interactive flows that leave that zone.
	Sessions bool
	// MFA: interactive logons across the conduit need a second factor;
	// MFABasis says why (the SR that requires it, or the plant rule).
	MFA      bool
	MFABasis string
	mfaKey   string
	fr1      int
	// OneWay: a network conduit whose flows all run one way; the policy keeps
	// it one way. Diode: at FR5 SL-T ≥ 3 a unidirectional gateway (or an
	// equivalently verified control) enforces it; Enforced: the conduit is
	// already a unidirectional gateway.
	OneWay, Diode, Enforced bool
}

// MFABasisIn is MFABasis in a document language ("en" or "de").
func (r ConduitRules) MFABasisIn(lang string) string {
	if r.mfaKey == "" {
		return ""
	}
	return catalog(lang).T(r.mfaKey, map[string]any{"FR1": r.fr1})
}

func catalog(lang string) *i18n.Catalog {
	l, err := i18n.Parse(lang)
	if err != nil {
		l = i18n.EN
	}
	return i18n.For(l)
}

// untrusted reports whether a zone is a network the OT does not control.
func untrusted(z *model.Zone) bool {
	return z != nil && (z.OutOfScope || z.Type == model.ZoneEnterprise || z.Type == model.ZoneRemoteAccess)
}

// RulesFor derives the rules of conduit c with SL-T slt in project p.
func RulesFor(p *model.Project, c *model.Conduit, slt model.SLVector) ConduitRules {
	r := ConduitRules{Profile: risk.ConduitFlowProfile(c)}
	r.External = c.Type == model.ConduitVPN
	anyUntrusted := false
	for _, zid := range c.ZoneIDs {
		z := p.Zone(zid)
		if z != nil && z.Type == model.ZoneRemoteAccess {
			r.External = true
		}
		anyUntrusted = anyUntrusted || untrusted(z)
	}
	r.Sessions = r.Profile.HumanSessions || (c.Type == model.ConduitVPN && tunnelsSessions(p, c))
	fr1 := slt.Get(model.FR1)
	r.fr1 = fr1
	switch {
	case !r.Sessions:
	case fr1 >= 4:
		r.MFA, r.mfaKey = true, "doccheck.mfaBasis.allNetworks"
	case fr1 >= 3 && (r.External || anyUntrusted):
		r.MFA, r.mfaKey = true, "doccheck.mfaBasis.untrusted"
	case r.External:
		r.MFA, r.mfaKey = true, "doccheck.mfaBasis.remote"
	case fr1 >= 2:
		r.MFA, r.mfaKey = true, "doccheck.mfaBasis.plant"
	}
	r.MFABasis = r.MFABasisIn("en")
	r.Enforced = c.Type == model.ConduitUnidirectional
	// A tunnel carries whatever enters it both ways, a serial line's
	// direction is set by its protocol master, and media carried by hand
	// have no gateway: only the other media can be held to one way.
	switch r.Profile.Medium {
	case risk.MediumRemovable, risk.MediumSerial, risk.MediumVPNPublic:
	default:
		r.OneWay = r.Profile.OneWay && !r.Sessions
	}
	r.Diode = r.OneWay && !r.Enforced && slt.Get(model.FR5) >= 3
	return r
}

// tunnelsSessions reports whether a VPN conduit leads into a remote-access
// zone from which an interactive flow continues: the tunnel then carries
// the sessions even though its own flows are only key exchange and tunnel.
func tunnelsSessions(p *model.Project, c *model.Conduit) bool {
	for _, zid := range c.ZoneIDs {
		z := p.Zone(zid)
		if z == nil || z.Type != model.ZoneRemoteAccess {
			continue
		}
		for i := range p.Conduits {
			o := &p.Conduits[i]
			if o.ID == c.ID {
				continue
			}
			for j := range o.Flows {
				if o.Flows[j].From == zid && o.Flows[j].EffectiveKind() == model.FlowInteractive {
					return true
				}
			}
		}
	}
	return false
}

// supplierWords mark a transient device that a supplier owns.
var supplierWords = []string{"integrator", "supplier", "vendor", "contractor", "service provider",
	"dienstleister", "lieferant", "hersteller", "fremdfirma", "errichter"}

// SupplierOwned reports whether an asset's name or description says a
// supplier or integrator owns it.
func SupplierOwned(a *model.Asset) bool {
	s := strings.ToLower(a.Name + " " + a.Description)
	for _, w := range supplierWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// CheckDocuments lists every rule the policies and procedures leave out or
// soften for project p with assessment r, and why. The GUI shows them in
// the problems list, the command line as warnings of export.
func CheckDocuments(p *model.Project, r *risk.Result) []Adjustment {
	slt := map[model.ID]model.SLVector{}
	if r != nil {
		for i := range r.Conduits {
			slt[r.Conduits[i].ConduitID] = r.Conduits[i].SLT.Vector()
		}
	}
	var out []Adjustment
	for i := range p.Conduits {
		c := &p.Conduits[i]
		v := slt[c.ID]
		cr := RulesFor(p, c, v)
		kinds := kindWords(cr.Profile)
		if v.Get(model.FR5) >= 3 && !cr.OneWay && !cr.Enforced {
			why := cr.Profile.TwoWay
			key := "doccheck.oneWay.twoWay"
			switch {
			case cr.Profile.Flows == 0:
				key = "doccheck.oneWay.noFlows"
			case cr.Profile.Medium == risk.MediumRemovable:
				key = "doccheck.oneWay.media"
			case cr.Profile.Medium == risk.MediumSerial:
				key = "doccheck.oneWay.serial"
			case cr.Profile.Medium == risk.MediumVPNPublic:
				key = "doccheck.oneWay.tunnel"
			}
			out = append(out, adjust("policies", CheckOneWay, "left out", model.TargetConduit, c.ID, c.Name, key,
				map[string]any{"FR5": v.Get(model.FR5), "Why": why}))
		}
		if !cr.Sessions && v.Get(model.FR1) >= 2 {
			key, why := "doccheck.mfa.machine", kinds
			switch {
			case cr.Profile.Medium == risk.MediumRemovable:
				key = "doccheck.mfa.media"
			case cr.Profile.Flows == 0:
				key = "doccheck.mfa.noFlows"
			}
			out = append(out, adjust("policies", CheckMFA, "left out", model.TargetConduit, c.ID, c.Name, key,
				map[string]any{"FR1": v.Get(model.FR1), "Kinds": why}))
		}
		if cr.External && !cr.Sessions {
			out = append(out, adjust("procedures", CheckRemoteAccess, "softened", model.TargetConduit, c.ID, c.Name,
				"doccheck.remoteAccess.telemetry", map[string]any{"Kinds": kinds}))
		}
	}
	for i := range p.Assets {
		a := &p.Assets[i]
		if a.Transient && SupplierOwned(a) {
			out = append(out, adjust("policies", CheckSupplierLaptops, "softened", model.TargetAsset, a.ID, a.Name,
				"doccheck.supplierLaptops", map[string]any{}))
		}
	}
	out = append(out, hostProfileChecks(p, r)...)
	slices.SortStableFunc(out, func(x, y Adjustment) int {
		return cmp.Or(strings.Compare(x.Document, y.Document), strings.Compare(x.Kind, y.Kind),
			strings.Compare(x.Object, y.Object), strings.Compare(x.Rule, y.Rule))
	})
	return out
}

// kindWords names a profile's flow kinds in words ("machine polling / data
// exchange, file transfer"), or "no flows recorded".
func kindWords(p risk.FlowProfile) string {
	if len(p.Kinds) == 0 {
		return "no flows recorded"
	}
	out := make([]string, len(p.Kinds))
	for i, k := range p.Kinds {
		out[i] = strings.ToLower(k.Label())
	}
	return strings.Join(out, ", ")
}

// hostProfileChecks reports, per zone, the hosts on a general-purpose
// operating system whose component profile the CRS holds below the zone's
// SL-T (HostProfileSL).
func hostProfileChecks(p *model.Project, r *risk.Result) []Adjustment {
	if r == nil {
		return nil
	}
	type zoneHosts struct {
		names, platforms []string
		slt, profile     model.SLVector
	}
	byZone := map[model.ID]*zoneHosts{}
	var order []model.ID
	assets := make(map[model.ID]*model.Asset, len(p.Assets))
	for i := range p.Assets {
		assets[p.Assets[i].ID] = &p.Assets[i]
	}
	for i := range r.Assets {
		ar := &r.Assets[i]
		a := assets[ar.AssetID]
		if a == nil {
			continue
		}
		v, capped := HostProfileSL(a, ar.SLT)
		if !capped {
			continue
		}
		zh := byZone[a.ZoneID]
		if zh == nil {
			zh = &zoneHosts{slt: ar.SLT}
			byZone[a.ZoneID] = zh
			order = append(order, a.ZoneID)
		}
		zh.names = append(zh.names, a.Name)
		zh.profile = zh.profile.Max(v)
		if pl := CommodityPlatform(a); !slices.Contains(zh.platforms, pl) {
			zh.platforms = append(zh.platforms, pl)
		}
	}
	var out []Adjustment
	for _, id := range order {
		zh, z := byZone[id], p.Zone(id)
		if z == nil {
			continue
		}
		key, data := "doccheck.hostProfile.one", map[string]any{"Host": zh.names[0]}
		if len(zh.names) > 1 {
			key, data = "doccheck.hostProfile.many", map[string]any{"N": len(zh.names)}
		}
		data["Platforms"], data["SLT"], data["Profile"], data["SL"] = strings.Join(zh.platforms, ", "), zh.slt.String(), zh.profile.String(), CommodityHostSL
		out = append(out, adjust("crs", CheckHostProfile, "softened", model.TargetZone, z.ID, z.Name, key, data))
	}
	return out
}
