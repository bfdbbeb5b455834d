package templates

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/risk"
)

// capabilityLabels name the threat actor capability SLs 1..4.
var capabilityLabels = [5]string{
	"none",
	"casual or coincidental",
	"intentional, simple means",
	"intentional, sophisticated IACS-specific means",
	"intentional, sophisticated means with extended resources",
}

// CapabilityLabel describes a threat actor capability SL 1..4.
func CapabilityLabel(sl int) string {
	if sl < 0 || sl >= len(capabilityLabels) {
		return "unknown"
	}
	return capabilityLabels[sl]
}

// capabilityIn describes a capability SL in the catalogue's language.
func capabilityIn(c *i18n.Catalog, sl int) string {
	if sl < 0 || sl >= len(capabilityLabels) {
		return c.T("doc.unknown")
	}
	return c.T("doc.capability." + strconv.Itoa(sl))
}

// builder holds the indexes used while building Data.
type builder struct {
	p    *model.Project
	r    *risk.Result
	cat  *risk.Catalog
	c    *i18n.Catalog // the document language
	d    *Data
	reqs map[string]*risk.Requirement

	zones     map[model.ID]*ZoneData
	conduits  map[model.ID]*ConduitData
	assets    map[model.ID]*AssetData
	scenarios map[model.ID]*ScenarioData
	zoneRes   map[model.ID]*risk.ZoneResult
	condRes   map[model.ID]*risk.ConduitResult
	assetRes  map[model.ID]*risk.AssetResult

	// assetReqs shares the component requirement lists of assets: the
	// assets of one class at one SL-T have the same list, and a plant of
	// 10,000 assets would otherwise hold 10,000 copies (read only).
	assetReqs map[string][]RequirementData
}

// NewData builds the template data model from a project, its assessment and
// the catalogue. generated is the document date ("YYYY-MM-DD"); callers pass
// the project's Date so that documents do not depend on the clock. r and cat
// may be nil (no assessment yet, no catalogue): the sections they feed are
// then empty rather than wrong.
func NewData(p *model.Project, r *risk.Result, cat *risk.Catalog, generated string) *Data {
	return NewDataIn(i18n.EN, p, r, cat, generated)
}

// NewDataIn is NewData for a document in language l: labels of the model's
// values (zone types, risk levels, statuses…) and the sentences Zonewise
// generates are in l; the project's own text stays as written.
func NewDataIn(l i18n.Lang, p *model.Project, r *risk.Result, cat *risk.Catalog, generated string) *Data {
	if r == nil {
		r = &risk.Result{}
	}
	if cat == nil {
		cat = &risk.Catalog{}
	}
	// The engine's sentences, the requirements' titles and summaries and
	// the library's names in the document's language.
	r, cat = risk.Localized(r, l), cat.Localized(l)
	b := &builder{
		p: p, r: r, cat: cat, c: i18n.For(l), d: &Data{Lang: l, Generated: Text(generated)},
		reqs:      map[string]*risk.Requirement{},
		zones:     map[model.ID]*ZoneData{},
		conduits:  map[model.ID]*ConduitData{},
		assets:    map[model.ID]*AssetData{},
		scenarios: map[model.ID]*ScenarioData{},
		zoneRes:   map[model.ID]*risk.ZoneResult{},
		condRes:   map[model.ID]*risk.ConduitResult{},
		assetRes:  map[model.ID]*risk.AssetResult{},
	}
	for _, list := range [][]risk.Requirement{cat.System, cat.Component} {
		for i := range list {
			b.reqs[list[i].ID] = &list[i]
		}
	}
	for i := range r.Zones {
		b.zoneRes[r.Zones[i].ZoneID] = &r.Zones[i]
	}
	for i := range r.Conduits {
		b.condRes[r.Conduits[i].ConduitID] = &r.Conduits[i]
	}
	for i := range r.Assets {
		b.assetRes[r.Assets[i].AssetID] = &r.Assets[i]
	}
	b.project()
	b.matrixScales()
	b.buildZones()
	b.buildAssets()
	b.buildConduits()
	b.buildActors()
	b.buildScenarios()
	b.buildVulnerabilities()
	b.buildObservations()
	b.matrixCells()
	b.buildMeasures()
	b.buildProposals()
	b.buildOpenGaps()
	b.buildExclusions()
	b.buildDecisions()
	b.derived()
	return b.d
}

func texts(s []string) []Text {
	out := make([]Text, 0, len(s))
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			out = append(out, Text(x))
		}
	}
	return out
}

// frData is an FR with its title in the document's language.
func (b *builder) frData(f model.FR) FRData {
	title := f.Title()
	if f.Valid() {
		title = b.c.T("fr.title." + f.String())
	}
	return FRData{N: int(f), ID: Text(f.String()), Abbrev: Text(f.Abbrev()), Title: Text(title)}
}

func (b *builder) project() {
	p := b.p
	d := &b.d.Project
	*d = ProjectData{
		Name: name(p.Name), Client: name(p.Client), Site: name(p.Site), Author: name(p.Author),
		Revision: Text(p.Revision), Date: Text(p.Date), Classification: Text(p.Classification),
		Description: Text(p.SUC.Description), Scope: Text(p.SUC.Scope),
		Assumptions: texts(p.SUC.Assumptions), ExternalInterfaces: texts(p.SUC.ExternalInterfaces),
		Method: label(b.c, p.Method), MethodKey: string(p.Method),
		Location: Text(location(p.Name, p.Site)), ThreatEnvironment: Text(p.SUC.ThreatEnvironment),
		Policies: texts(p.SUC.Policies), Regulations: regulations(p.SUC.Regulations),
	}
	for _, f := range p.NotApplicable {
		if f.Valid() {
			d.NotApplicable = append(d.NotApplicable, b.frData(f))
		}
	}
	for _, f := range model.AllFRs {
		b.d.FRs = append(b.d.FRs, b.frData(f))
	}
	for _, a := range p.Approvals {
		b.d.Approvals = append(b.d.Approvals, ApprovalData{Role: Text(a.Role), Name: name(a.Name), Title: Text(a.Title), Date: Text(a.Date)})
	}
	b.d.Revisions = revisionRows(b.c, p, nil)
}

func (b *builder) matrixScales() {
	m := &b.p.Matrix
	md := &b.d.Matrix
	for _, s := range m.Likelihoods {
		md.Likelihoods = append(md.Likelihoods, ScaleData{s.Level, name(s.Name), Text(s.Description)})
	}
	for _, s := range m.Consequences {
		md.Consequences = append(md.Consequences, ScaleData{s.Level, name(s.Name), Text(s.Description)})
	}
	slices.SortFunc(md.Likelihoods, func(a, b ScaleData) int { return cmp.Compare(a.Level, b.Level) })
	slices.SortFunc(md.Consequences, func(a, b ScaleData) int { return cmp.Compare(a.Level, b.Level) })
	for _, c := range m.Categories {
		md.Categories = append(md.Categories, label(b.c, c))
	}
	md.Tolerable = label(b.c, m.Tolerable)
}

func (b *builder) matrixCells() {
	m := &b.p.Matrix
	md := &b.d.Matrix
	for i := len(md.Likelihoods) - 1; i >= 0; i-- {
		l := md.Likelihoods[i].Level
		row := MatrixRow{Likelihood: md.Likelihoods[i]}
		for _, c := range md.Consequences {
			lv := m.Level(l, c.Level)
			cell := MatrixCell{Likelihood: l, Consequence: c.Level, Level: label(b.c, lv), LevelKey: string(lv), Tolerable: lv != "" && m.IsTolerable(lv)}
			for _, s := range b.d.Scenarios {
				if s.Likelihood == l && s.Consequence == c.Level {
					cell.Unmitigated++
				}
				if s.ResidualLikelihood == l && s.ResidualConsequence == c.Level {
					cell.Residual++
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		md.Rows = append(md.Rows, row)
	}
}

func scaleName(levels []ScaleData, n int) Text {
	for _, s := range levels {
		if s.Level == n {
			return s.Name
		}
	}
	return Text(strconv.Itoa(n))
}

func cells(c *risk.Cells) SLRow {
	var row SLRow
	if c == nil {
		for i := range row.Cells {
			row.Cells[i].FR = i + 1
		}
		return row
	}
	row.V = c.Vector()
	for i, cell := range c {
		cd := CellData{FR: i + 1, SL: cell.SL, Overridden: cell.Overridden, Unknown: cell.Unknown}
		row.Unknown = row.Unknown || cell.Unknown
		floor, inherited := len(cell.Reasons) > 0, len(cell.Reasons) > 0
		for _, r := range cell.Reasons {
			if r.Text != "" {
				cd.Reasons = append(cd.Reasons, Text(r.Text))
			}
			floor = floor && (r.Rule == risk.RuleInScopeMinimum || r.Rule == risk.RuleNotApplicable)
			inherited = inherited && r.Rule == risk.RuleConduitZones
		}
		cd.Floor, cd.Inherited = floor && !cell.Overridden, inherited && !cell.Overridden
		row.Cells[i] = cd
	}
	return row
}

func overrides(list []model.SLOverride) []OverrideData {
	var out []OverrideData
	for _, o := range list {
		out = append(out, OverrideData{FR: int(o.FR), SL: o.SL, Justification: Text(o.Justification)})
	}
	slices.SortFunc(out, func(a, b OverrideData) int { return cmp.Compare(a.FR, b.FR) })
	return out
}

// withStatus copies each requirement's state from the engine's statuses
// (matched by ID). Compensating records are named by their name rather than
// their ID, which is a UUID nobody can read in a document.
func (b *builder) withStatus(reqs []RequirementData, statuses []risk.RequirementStatus) []RequirementData {
	byID := make(map[string]*risk.RequirementStatus, len(statuses))
	for i := range statuses {
		byID[statuses[i].ID] = &statuses[i]
	}
	for i := range reqs {
		st := byID[string(reqs[i].ID)]
		if st == nil {
			continue
		}
		measures := st.Measures
		if st.MetBy == risk.MetByCompensating {
			measures = make([]string, len(st.Measures))
			for j, id := range st.Measures {
				measures[j] = id
				for _, c := range b.p.Compensating {
					if string(c.ID) == id && strings.TrimSpace(c.Name) != "" {
						measures[j] = c.Name
					}
				}
			}
		}
		r := &reqs[i]
		r.HasStatus, r.StateKey, r.MetBy = true, string(st.State), string(st.MetBy)
		r.Measures, r.StatusReason, r.Closable, r.ZoneOnly = texts(measures), Text(st.Reason), st.Closable, st.ZoneOnly
		r.Status = statusText(b.c, st.State, st.MetBy, measures, st.Closable, st.Reason)
		if st.ReasonMsg.Key == "risk.reason.na.conduit" {
			if why, ok := st.ReasonMsg.Arg("Why"); ok {
				r.NotApplicableWhy = Text(i18n.ArgText(b.c, why))
			}
		}
	}
	return reqs
}

// statusText is a requirement's state in a few words for a table cell:
// "met (capability)", "met: CM-A, CM-B", "compensating: CC-1", "gap", "gap †"
// (no library measure closes it; the template explains the mark) or "not
// applicable: reason".
func statusText(c *i18n.Catalog, state risk.RequirementState, by risk.MetBy, measures []string, closable bool, reason string) Text {
	list := map[string]string{"Measures": strings.Join(measures, ", "), "Reason": reason}
	switch state {
	case risk.StateMet:
		switch {
		case len(measures) == 0:
			return Text(c.T("doc.req.met." + string(by)))
		case by == risk.MetByCompensating:
			return Text(c.T("doc.req.compensating", list))
		}
		return Text(c.T("doc.req.metBy", list))
	case risk.StateGap:
		if closable {
			return Text(c.T("doc.req.gap"))
		}
		return Text(c.T("doc.req.gapOpen"))
	case risk.StateNotApplicable:
		if reason != "" {
			return Text(c.T("doc.req.notApplicableBecause", list))
		}
		return Text(c.T("doc.req.notApplicable"))
	}
	return Text(state)
}

// requirements resolves requirement IDs against the catalogue, keeping the
// given order; IDs unknown to the catalogue are kept with an empty title.
func (b *builder) requirements(ids []string) []RequirementData {
	out := make([]RequirementData, 0, len(ids))
	for _, id := range ids {
		rd := RequirementData{ID: Text(id), IsRE: strings.Contains(id, " RE ")}
		if r, ok := b.reqs[id]; ok {
			rd.FR, rd.MinSL, rd.Title, rd.Summary = int(r.FR), r.MinSL, Text(r.Title), Text(r.Summary)
		}
		out = append(out, rd)
	}
	return out
}

// assetRequirements is requirements(ids), the same slice for the same ids.
func (b *builder) assetRequirements(ids []string) []RequirementData {
	key := strings.Join(ids, "\x00")
	if out, ok := b.assetReqs[key]; ok {
		return out
	}
	out := slices.Clip(b.requirements(ids))
	if b.assetReqs == nil {
		b.assetReqs = map[string][]RequirementData{}
	}
	b.assetReqs[key] = out
	return out
}

func (b *builder) groups(reqs []RequirementData, slt model.SLVector) []RequirementGroup {
	var out []RequirementGroup
	for _, f := range model.AllFRs {
		g := RequirementGroup{FR: b.frData(f), SL: slt.Get(f)}
		for _, r := range reqs {
			if r.FR == int(f) {
				g.Items = append(g.Items, r)
			}
		}
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// purdue writes a Purdue level with the document language's decimal mark:
// 3.5 in English, 3,5 in German.
func (b *builder) purdue(l float64) string {
	if l == math.Trunc(l) {
		return b.c.Number(l, 0)
	}
	return b.c.Number(l, 1)
}

func (b *builder) buildZones() {
	zones := slices.Clone(b.p.Zones)
	slices.SortStableFunc(zones, func(x, y model.Zone) int {
		return cmp.Or(cmp.Compare(y.PurdueLevel, x.PurdueLevel), strings.Compare(x.Name, y.Name), strings.Compare(string(x.ID), string(y.ID)))
	})
	for i := range zones {
		z := &zones[i]
		zd := &ZoneData{
			ID: string(z.ID), Name: name(z.Name), Description: Text(z.Description),
			Type: label(b.c, z.Type), TypeKey: string(z.Type), Purdue: Text(b.purdue(z.PurdueLevel)),
			Organisation: Text(z.Organisation), LogicalBoundary: Text(z.LogicalBoundary),
			PhysicalBoundary: Text(z.PhysicalBoundary), SafetyDesignation: Text(z.SafetyDesignation),
			IsSafety: z.IsSafety(), OutOfScope: z.OutOfScope, IsRemote: z.Type == model.ZoneRemoteAccess,
			AccessPoints: texts(z.AccessPoints), Assumptions: texts(z.Assumptions),
			Dependencies: texts(z.Dependencies), Overrides: overrides(z.SLTOverrides),
		}
		if parent := b.p.Zone(z.ParentID); parent != nil {
			zd.Parent = name(parent.Name)
		}
		for _, ef := range z.EssentialFunctions {
			e := EssentialFunctionData{Name: name(ef.Name), Kind: label(b.c, ef.Kind), Notes: Text(ef.Notes)}
			for _, im := range ef.Intolerant {
				e.Intolerant = append(e.Intolerant, label(b.c, im))
			}
			zd.EssentialFunctions = append(zd.EssentialFunctions, e)
		}
		for _, r := range z.Roles {
			zd.Roles = append(zd.Roles, RoleData{Name: name(r.Name), Privileges: Text(r.Privileges), Shared: r.Shared})
		}
		if zr := b.zoneRes[z.ID]; zr != nil {
			zd.SLT, zd.SLC, zd.SLA = cells(&zr.SLT), cells(&zr.SLC), cells(&zr.SLA)
			zd.Gap = zr.Gap
			zd.Requirements = b.withStatus(b.requirements(zr.Requirements), zr.RequirementStatus)
			zd.Findings = texts(zr.Findings)
		} else {
			zd.SLT, zd.SLC, zd.SLA = cells(nil), cells(nil), cells(nil)
		}
		zd.HasGap = !zd.Gap.IsZero()
		zd.RequirementGroups = b.groups(zd.Requirements, zd.SLT.V)
		b.zones[z.ID] = zd
		b.d.Zones = append(b.d.Zones, zd)
	}
}

func exposure(c *i18n.Catalog, e model.Exposure) []Text {
	var out []Text
	for _, x := range []struct {
		on  bool
		key string
	}{{e.RemoteAccess, "doc.exposure.remoteAccess"}, {e.Wireless, "doc.exposure.wireless"}, {e.RemovableMedia, "doc.exposure.removableMedia"}, {e.ExternallyReachable, "doc.exposure.externallyReachable"}} {
		if x.on {
			out = append(out, Text(c.T(x.key)))
		}
	}
	return out
}

// buildAssets lists the assets by zone (in the order of the zones), then
// name and ID. The zone's place is looked up once per asset, and pointers
// are sorted rather than the assets themselves: a sort of 10,000 assets
// that searched the zones on every comparison was a large part of the
// documents' data for a plant of 500 zones.
func (b *builder) buildAssets() {
	zoneAt := make(map[string]int, len(b.d.Zones))
	for i, z := range b.d.Zones {
		if _, dup := zoneAt[z.ID]; !dup {
			zoneAt[z.ID] = i
		}
	}
	type placed struct {
		a    *model.Asset
		zone int
	}
	assets := make([]placed, len(b.p.Assets))
	for i := range b.p.Assets {
		a := &b.p.Assets[i]
		zi, ok := zoneAt[string(a.ZoneID)]
		if !ok {
			zi = len(b.d.Zones)
		}
		assets[i] = placed{a, zi}
	}
	slices.SortStableFunc(assets, func(x, y placed) int {
		return cmp.Or(cmp.Compare(x.zone, y.zone), strings.Compare(x.a.Name, y.a.Name), strings.Compare(string(x.a.ID), string(y.a.ID)))
	})
	for i := range assets {
		a := assets[i].a
		ad := &AssetData{c: b.c,
			ID: string(a.ID), Name: name(a.Name), Description: Text(a.Description),
			Class: label(b.c, a.Class), ClassKey: string(a.Class), Prefix: Text(a.Class.Prefix()),
			Function: label(b.c, a.Function), Vendor: name(a.Vendor), Model: name(a.Model), Firmware: name(a.Firmware),
			Criticality: label(b.c, a.Criticality), CriticalityKey: string(a.Criticality),
			Exposure: exposure(b.c, a.Exposure), Transient: a.Transient, SLC: a.SLC,
			RemoteAccess: a.Exposure.RemoteAccess, Wireless: a.Exposure.Wireless, RemovableMedia: a.Exposure.RemovableMedia, External: a.Exposure.ExternallyReachable,
			SLCSource: label(b.c, a.SLCSource), SupplierSDL: label(b.c, a.SupplierSDL),
			SLCUnknown:    a.SLCSource == "" || a.SLCSource == model.SLCUnknown,
			SupplierOwned: a.Transient && SupplierOwned(a),
		}
		zd := b.zones[a.ZoneID]
		if zd != nil {
			ad.Zone = zd.Name
			ad.SLT = zd.SLT.V
		}
		if ar := b.assetRes[a.ID]; ar != nil {
			ad.SLT, ad.SLC, ad.Gap, ad.SLCUnknown = ar.SLT, ar.SLC, ar.Gap, ar.SLCUnknown
			ad.ProfileSL, ad.Capped = HostProfileSL(a, ar.SLT)
			if ad.Capped {
				ad.Platform = name(CommodityPlatform(a))
				var ids []string
				for _, r := range b.cat.SelectComponent(ad.ProfileSL, a.Class) {
					ids = append(ids, r.ID)
				}
				ad.Requirements = b.assetRequirements(ids)
			} else {
				ad.Requirements = b.assetRequirements(ar.Requirements)
			}
		} else {
			ad.Gap = ad.SLT.Gap(ad.SLC)
		}
		ad.HasGap = !ad.Gap.IsZero()
		ad.FocusPoints = focusPoints(b.c, a)
		b.assets[a.ID] = ad
		b.d.Assets = append(b.d.Assets, ad)
		if zd != nil {
			zd.Assets = append(zd.Assets, ad)
		}
	}
}

// focusPoints lists the class's focus points in definition order with the
// asset's recorded status (open when not recorded), then any recorded points
// the class does not define.
func focusPoints(c *i18n.Catalog, a *model.Asset) []FocusData {
	var out []FocusData
	seen := map[string]bool{}
	add := func(key string) {
		fd := FocusData{Key: key, Title: Text(model.FocusPointTitle(a.Class, key)), Status: label(c, model.FocusOpen), StatusKey: string(model.FocusOpen)}
		for _, fp := range a.FocusPoints {
			if fp.Key == key {
				fd.Status, fd.StatusKey, fd.Evidence = label(c, fp.Status), string(fp.Status), Text(fp.Evidence)
			}
		}
		seen[key] = true
		out = append(out, fd)
	}
	for _, def := range model.FocusPointDefs(a.Class) {
		add(def.Key)
	}
	for _, fp := range a.FocusPoints {
		if !seen[fp.Key] {
			add(fp.Key)
		}
	}
	return out
}

func (b *builder) buildConduits() {
	conduits := slices.Clone(b.p.Conduits)
	slices.SortStableFunc(conduits, func(x, y model.Conduit) int {
		return cmp.Or(strings.Compare(x.Name, y.Name), strings.Compare(string(x.ID), string(y.ID)))
	})
	for i := range conduits {
		c := &conduits[i]
		cd := &ConduitData{
			ID: string(c.ID), Name: name(c.Name), Description: Text(c.Description),
			Type: label(b.c, c.Type), TypeKey: string(c.Type), AccessPoints: texts(c.AccessPoints),
			Overrides: overrides(c.SLTOverrides), IsVPN: c.Type == model.ConduitVPN,
			Unidirectional: c.Type == model.ConduitUnidirectional,
			Organisation:   Text(c.Organisation), Boundary: Text(c.Boundary),
			Assumptions: texts(c.Assumptions), Dependencies: texts(c.Dependencies),
		}
		for _, zid := range c.ZoneIDs {
			zd := b.zones[zid]
			if zd == nil {
				cd.Zones = append(cd.Zones, Text("(missing zone "+string(zid)+")"))
				continue
			}
			cd.Zones = append(cd.Zones, zd.Name)
			cd.ZoneRefs = append(cd.ZoneRefs, zd)
			if zd.IsRemote {
				cd.External = true
			}
		}
		cd.External = cd.External || cd.IsVPN
		for _, f := range c.Flows {
			fd := &FlowData{
				Conduit: cd.Name, Protocol: Text(f.Protocol), Port: Text(f.Port), Transport: Text(f.Transport),
				From: b.zoneName(f.From), To: b.zoneName(f.To), Initiator: b.zoneName(f.Initiator),
				Bidirectional: f.Bidirectional, Direction: "→", Purpose: Text(f.Purpose),
				AnyPort: isAny(f.Port) || isAny(f.Protocol),
			}
			if f.Bidirectional {
				fd.Direction = "↔"
			}
			cd.Flows = append(cd.Flows, fd)
			if fd.AnyPort {
				b.d.AnyFlows = append(b.d.AnyFlows, fd)
			}
		}
		if cr := b.condRes[c.ID]; cr != nil {
			cd.SLT, cd.SLA, cd.Gap = cells(&cr.SLT), cells(&cr.SLA), cr.Gap
			cd.Requirements = b.withStatus(b.requirements(cr.Requirements), cr.RequirementStatus)
			cd.Findings = texts(cr.Findings)
		} else {
			cd.SLT, cd.SLA = cells(nil), cells(nil)
		}
		cd.HasGap = !cd.Gap.IsZero()
		cd.RequirementGroups = b.groups(cd.Requirements, cd.SLT.V)
		cd.Rules = RulesFor(b.p, c, cd.SLT.V)
		cd.Medium = Text(cd.Rules.Profile.Medium.Label())
		cd.FlowKinds = Text(kindWords(cd.Rules.Profile))
		for _, f := range c.Flows {
			if f.EffectiveKind() == model.FlowInteractive {
				if zd := b.zones[f.To]; zd != nil && !slices.Contains(cd.LogonZones, zd) {
					cd.LogonZones = append(cd.LogonZones, zd)
				}
			}
		}
		if cd.Rules.Sessions && len(cd.LogonZones) == 0 {
			for _, zd := range cd.ZoneRefs {
				if zd.IsRemote {
					cd.LogonZones = append(cd.LogonZones, zd)
				}
			}
		}
		b.approvalZones(c, cd)
		b.conduits[c.ID] = cd
		b.d.Conduits = append(b.d.Conduits, cd)
		// Link both ways, with neighbours named once per zone.
		for _, zd := range cd.ZoneRefs {
			zd.Conduits = append(zd.Conduits, cd)
			for _, other := range cd.ZoneRefs {
				if other != zd && !slices.Contains(zd.Neighbours, other.Name) {
					zd.Neighbours = append(zd.Neighbours, other.Name)
				}
			}
		}
		if cd.External {
			b.d.ExternalConduits = append(b.d.ExternalConduits, cd)
		}
	}
}

// approvalZones sets the zones whose owners approve a remote session across
// the conduit: the zones its sessions reach outside the remote-access zone.
// For a tunnel into a remote-access zone they are the targets of the
// interactive flows that leave that zone.
func (b *builder) approvalZones(c *model.Conduit, cd *ConduitData) {
	add := func(id model.ID) {
		if zd := b.zones[id]; zd != nil && !zd.IsRemote && !slices.Contains(cd.ApprovalZones, zd) {
			cd.ApprovalZones = append(cd.ApprovalZones, zd)
		}
	}
	for _, zd := range cd.LogonZones {
		add(model.ID(zd.ID))
	}
	for _, zid := range c.ZoneIDs {
		if zd := b.zones[zid]; zd == nil || !zd.IsRemote || c.Type != model.ConduitVPN {
			continue
		}
		for i := range b.p.Conduits {
			o := &b.p.Conduits[i]
			for j := range o.Flows {
				if o.ID != c.ID && o.Flows[j].From == zid && o.Flows[j].EffectiveKind() == model.FlowInteractive {
					add(o.Flows[j].To)
				}
			}
		}
	}
	if len(cd.ApprovalZones) == 0 {
		for _, zd := range cd.ZoneRefs {
			add(model.ID(zd.ID))
		}
	}
}

func isAny(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "any" || s == "*" || s == "all"
}

func (b *builder) zoneName(id model.ID) Text {
	if id == "" {
		return ""
	}
	if zd := b.zones[id]; zd != nil {
		return zd.Name
	}
	return Text("(unknown zone " + string(id) + ")")
}

func (b *builder) buildActors() {
	actors := slices.Clone(b.p.Actors)
	slices.SortStableFunc(actors, func(x, y model.ThreatActor) int {
		return cmp.Or(cmp.Compare(x.Capability, y.Capability), strings.Compare(x.Name, y.Name), strings.Compare(string(x.ID), string(y.ID)))
	})
	for _, a := range actors {
		n := 0
		for _, s := range b.p.Scenarios {
			if s.ActorID == a.ID {
				n++
			}
		}
		b.d.Actors = append(b.d.Actors, &ActorData{
			Name: name(a.Name), Description: Text(a.Description), Motivation: Text(a.Motivation),
			Capability: a.Capability, CapabilityLabel: Text(capabilityIn(b.c, a.Capability)), Scenarios: n,
		})
	}
}

// targetName names the object a scenario or countermeasure targets.
func (b *builder) targetName(kind model.TargetKind, id model.ID) Text {
	switch kind {
	case model.TargetZone:
		if z := b.zones[id]; z != nil {
			return z.Name
		}
	case model.TargetConduit:
		if c := b.conduits[id]; c != nil {
			return c.Name
		}
	case model.TargetAsset:
		if a := b.assets[id]; a != nil {
			return a.Name
		}
	}
	return Text(fmt.Sprintf("(unknown %s %s)", kind, id))
}

func (b *builder) measureName(id string) Text {
	if m, ok := b.cat.Measure(id); ok && m.Name != "" {
		return name(m.Name)
	}
	return Text(id)
}

func (b *builder) buildScenarios() {
	res := map[model.ID]*risk.ScenarioResult{}
	for i := range b.r.Scenarios {
		res[b.r.Scenarios[i].ScenarioID] = &b.r.Scenarios[i]
	}
	// Order: worst unmitigated risk first, then name.
	list := slices.Clone(b.p.Scenarios)
	rank := func(s *model.ThreatScenario) int {
		if sr := res[s.ID]; sr != nil {
			return sr.Unmitigated.Rank()
		}
		return 0
	}
	slices.SortStableFunc(list, func(x, y model.ThreatScenario) int {
		return cmp.Or(cmp.Compare(rank(&y), rank(&x)), strings.Compare(x.Name, y.Name), strings.Compare(string(x.ID), string(y.ID)))
	})
	md := &b.d.Matrix
	for i := range list {
		s := &list[i]
		sd := &ScenarioData{
			ID: string(s.ID), Name: name(s.Name), Description: Text(s.Description),
			EntryPoint: Text(s.EntryPoint), TargetKind: label(b.c, s.TargetKind),
			Target: b.targetName(s.TargetKind, s.TargetID), Likelihood: s.Likelihood,
			Treatment: label(b.c, s.Treatment), TreatmentNote: Text(s.TreatmentNote), TreatmentKey: string(s.Treatment),
			Techniques: texts(s.Techniques),
		}
		if s.Treatment == "" {
			sd.Treatment = Text(b.c.T("doc.notDecided"))
		}
		if a := b.p.Actor(s.ActorID); a != nil {
			sd.Actor, sd.Capability = name(a.Name), a.Capability
		}
		for _, f := range s.FRs {
			sd.FRs = append(sd.FRs, Text(f.String()))
		}
		for _, c := range s.Consequences {
			sd.Consequences = append(sd.Consequences, ConsequenceData{Category: label(b.c, c.Category), Level: c.Level, LevelName: scaleName(md.Consequences, c.Level), Note: Text(c.Note)})
		}
		if sr := res[s.ID]; sr != nil {
			sd.Likelihood, sd.Consequence, sd.Category = sr.Likelihood, sr.Consequence, label(b.c, sr.Category)
			sd.Unmitigated, sd.UnmitigatedKey, sd.Tolerable = label(b.c, sr.Unmitigated), string(sr.Unmitigated), sr.Tolerable
			sd.ResidualLikelihood, sd.ResidualConsequence = sr.ResidualLikelihood, sr.ResidualConsequence
			sd.Residual, sd.ResidualKey, sd.ResidualTolerable = label(b.c, sr.Residual), string(sr.Residual), sr.ResidualTolerable
			sd.CurrentLikelihood, sd.Current, sd.CurrentTolerable = sr.Current.Likelihood, label(b.c, sr.Current.Level), sr.Current.Tolerable
			for _, v := range sr.Vulnerabilities {
				status := i18n.Label(b.c, v.Status)
				if b.c.Lang() == i18n.EN {
					status = strings.ToLower(status)
				}
				key, score := "doc.scenarioVuln.noScore", ""
				if v.CVSSScore > 0 {
					key, score = "doc.scenarioVuln", b.c.Number(v.CVSSScore, 1)
				}
				sd.Vulnerabilities = append(sd.Vulnerabilities, Text(b.c.T(key, map[string]string{"ID": string(name(v.Identifier)), "Score": score, "Status": status})))
			}
			for _, id := range sr.Mitigations {
				if ci := b.p.Countermeasure(id); ci != nil {
					sd.Mitigations = append(sd.Mitigations, b.measureName(ci.MeasureID)+" ("+b.targetName(ci.TargetKind, ci.TargetID)+")")
				}
			}
		}
		sd.LikelihoodName = scaleName(md.Likelihoods, sd.Likelihood)
		sd.ConsequenceName = scaleName(md.Consequences, sd.Consequence)
		b.scenarios[s.ID] = sd
		b.d.Scenarios = append(b.d.Scenarios, sd)
		switch s.TargetKind {
		case model.TargetZone:
			if z := b.zones[s.TargetID]; z != nil {
				z.Scenarios = append(z.Scenarios, sd)
			}
		case model.TargetAsset:
			if a := b.p.Asset(s.TargetID); a != nil {
				if z := b.zones[a.ZoneID]; z != nil {
					z.Scenarios = append(z.Scenarios, sd)
				}
			}
		case model.TargetConduit:
			if c := b.conduits[s.TargetID]; c != nil {
				c.Scenarios = append(c.Scenarios, sd)
			}
		}
	}
}

var statusOrder = map[model.MeasureStatus]int{model.StatusImplemented: 0, model.StatusAccepted: 1, model.StatusProposed: 2, model.StatusRejected: 3}

func (b *builder) buildMeasures() {
	for _, ci := range b.p.Countermeasures {
		md := &MeasureData{
			MeasureID: Text(ci.MeasureID), Measure: b.measureName(ci.MeasureID),
			TargetKind: label(b.c, ci.TargetKind), Target: b.targetName(ci.TargetKind, ci.TargetID),
			Status: label(b.c, ci.Status), StatusKey: string(ci.Status),
			Reason: Text(ci.Reason), Owner: Text(ci.Owner), Due: Text(ci.Due), Notes: Text(ci.Notes),
		}
		for _, s := range b.p.Scenarios {
			if slices.Contains(s.Countermeasures, ci.ID) {
				md.Scenarios = append(md.Scenarios, name(s.Name))
			}
		}
		slices.Sort(md.Scenarios)
		b.d.Measures = append(b.d.Measures, md)
	}
	slices.SortStableFunc(b.d.Measures, func(x, y *MeasureData) int {
		return cmp.Or(cmp.Compare(statusOrder[model.MeasureStatus(x.StatusKey)], statusOrder[model.MeasureStatus(y.StatusKey)]),
			strings.Compare(string(x.Measure), string(y.Measure)), strings.Compare(string(x.Target), string(y.Target)))
	})
}

func (b *builder) buildProposals() {
	props := slices.Clone(b.r.Proposals)
	slices.SortStableFunc(props, func(x, y risk.Proposal) int {
		return cmp.Or(cmp.Compare(x.Rank, y.Rank), strings.Compare(x.ID, y.ID))
	})
	for _, pr := range props {
		pd := &ProposalData{
			Rank: pr.Rank, ID: Text(pr.ID), MeasureID: Text(pr.MeasureID), Measure: b.measureName(pr.MeasureID),
			TargetKind: label(b.c, pr.TargetKind), Target: b.targetName(pr.TargetKind, pr.TargetID),
			Effort: Text(b.c.T("doc.effort." + strconv.Itoa(effortClass(pr.Effort)))), EffortN: int(pr.Effort), Score: pr.Score, Cover: pr.Cover,
			Status: label(b.c, pr.Status), StatusKey: string(pr.Status),
		}
		if pr.Status == "" {
			pd.Status, pd.StatusKey = label(b.c, model.StatusProposed), string(model.StatusProposed)
		}
		if m, ok := b.cat.Measure(pr.MeasureID); ok {
			pd.Summary = Text(m.Summary)
			pd.Requirements = texts(m.Requirements)
		}
		for _, g := range pr.Closes {
			pd.ClosesFRs = append(pd.ClosesFRs, int(g.FR))
		}
		pd.Closes = Text(closesText(pr.Closes))
		if ci := b.p.Countermeasure(pr.InstanceID); ci != nil {
			pd.Reason, pd.Owner, pd.Due = Text(ci.Reason), Text(ci.Owner), Text(ci.Due)
		}
		b.d.Proposals = append(b.d.Proposals, pd)
		if pd.Cover {
			b.d.Cover = append(b.d.Cover, pd)
		}
		switch pr.TargetKind {
		case model.TargetZone:
			if z := b.zones[pr.TargetID]; z != nil {
				z.Proposals = append(z.Proposals, pd)
			}
		case model.TargetConduit:
			if c := b.conduits[pr.TargetID]; c != nil {
				c.Proposals = append(c.Proposals, pd)
			}
		case model.TargetAsset:
			if a := b.p.Asset(pr.TargetID); a != nil {
				if z := b.zones[a.ZoneID]; z != nil {
					z.Proposals = append(z.Proposals, pd)
				}
			}
		}
	}
}

// closesText groups the gaps a proposal closes by the SL needed:
// "FR1, FR3 → SL 2; FR5 → SL 3".
func closesText(gs []risk.GapClose) string {
	var parts []string
	for sl := 1; sl <= model.MaxSL; sl++ {
		var frs []string
		for _, g := range gs {
			if g.Need == sl {
				frs = append(frs, g.FR.String())
			}
		}
		if len(frs) > 0 {
			parts = append(parts, fmt.Sprintf("%s → SL %d", strings.Join(frs, ", "), sl))
		}
	}
	return strings.Join(parts, "; ")
}

// formatTime shows an RFC 3339 time as "2006-01-02 15:04" in its own
// offset; other text is returned as it is.
func formatTime(s string) string {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
			return t.Format("2006-01-02")
		}
		return t.Format("2006-01-02 15:04")
	}
	return s
}

// buildOpenGaps lists the gaps no library measure closes, in the
// assessment's order (zones, then conduits, then FR).
func (b *builder) buildOpenGaps() {
	for _, g := range b.r.OpenGaps {
		b.d.OpenGaps = append(b.d.OpenGaps, &OpenGapData{
			TargetKind: label(b.c, g.TargetKind), Target: b.targetName(g.TargetKind, g.TargetID),
			FR: int(g.FR), Gap: g.Gap, Requirements: texts(g.Requirements),
		})
	}
}

func (b *builder) buildExclusions() {
	groups := map[string]*ExclusionGroup{}
	for _, e := range b.r.Exclusions {
		ed := &ExclusionData{
			MeasureID: Text(e.MeasureID), Measure: b.measureName(e.MeasureID),
			TargetKind: label(b.c, e.TargetKind), Target: b.targetName(e.TargetKind, e.TargetID),
			EssentialFunction: Text(e.EssentialFunction), Impact: label(b.c, e.Impact), Reason: Text(e.Reason),
		}
		b.d.Exclusions = append(b.d.Exclusions, ed)
		key := strings.Join([]string{string(e.TargetKind), string(e.TargetID), e.EssentialFunction, string(e.Impact)}, "\x00")
		g := groups[key]
		if g == nil {
			g = &ExclusionGroup{TargetKind: ed.TargetKind, Target: ed.Target, EssentialFunction: ed.EssentialFunction, Impact: ed.Impact}
			groups[key] = g
			b.d.ExclusionGroups = append(b.d.ExclusionGroups, g)
		}
		if !slices.Contains(g.Measures, ed.Measure) {
			g.Measures = append(g.Measures, ed.Measure)
		}
	}
	slices.SortStableFunc(b.d.ExclusionGroups, func(x, y *ExclusionGroup) int {
		return cmp.Or(strings.Compare(string(x.Target), string(y.Target)), strings.Compare(string(x.EssentialFunction), string(y.EssentialFunction)), strings.Compare(string(x.Impact), string(y.Impact)))
	})
}

func (b *builder) buildDecisions() {
	list := slices.Clone(b.p.Decisions)
	slices.SortStableFunc(list, func(x, y model.Decision) int {
		return cmp.Or(strings.Compare(x.At, y.At), strings.Compare(string(x.ID), string(y.ID)))
	})
	for _, d := range list {
		dd := &DecisionData{At: Text(formatTime(d.At)), By: Text(d.By), Subject: Text(d.Subject), Decision: Text(d.Decision), Rationale: Text(d.Rationale)}
		if d.ObjectID != "" {
			dd.Object = b.objectName(d.ObjectID)
		}
		b.d.Decisions = append(b.d.Decisions, dd)
	}
}

func (b *builder) objectName(id model.ID) Text {
	switch {
	case b.zones[id] != nil:
		return b.zones[id].Name
	case b.conduits[id] != nil:
		return b.conduits[id].Name
	case b.assets[id] != nil:
		return b.assets[id].Name
	case b.scenarios[id] != nil:
		return b.scenarios[id].Name
	}
	return ""
}

// buildVulnerabilities fills the vulnerability register, by identifier.
func (b *builder) buildVulnerabilities() {
	b.d.Vulnerabilities = []*VulnerabilityData{}
	vs := slices.Clone(b.p.Vulnerabilities)
	slices.SortFunc(vs, func(x, y model.Vulnerability) int { return strings.Compare(x.Identifier, y.Identifier) })
	for _, v := range vs {
		var assets []string
		for _, id := range v.AssetIDs {
			assets = append(assets, string(b.targetName(model.TargetAsset, id)))
		}
		cvss := Text(b.c.T("doc.notKnown"))
		if v.CVSSScore > 0 {
			cvss = Text(b.c.Number(v.CVSSScore, 1))
			if v.CVSSVector != "" {
				cvss += Text(" (" + truncate(v.CVSSVector, 80) + ")")
			}
		}
		b.d.Vulnerabilities = append(b.d.Vulnerabilities, &VulnerabilityData{
			Identifier: name(v.Identifier), Title: name(v.Title), Assets: Text(strings.Join(assets, ", ")), CVSS: cvss,
			Exploitability: label(b.c, v.Exploitability), Status: label(b.c, v.Status), Source: name(v.Source)})
	}
}

// label is the printable name of a model value in the catalogue's language.
func label[T interface {
	~string
	Label() string
}](c *i18n.Catalog, v T) Text {
	return Text(i18n.Label(c, v))
}

// effortClass is 1..3 (low, medium, high), or 0 for a value outside them,
// which reads "unknown" as risk.Effort's label does.
func effortClass(e risk.Effort) int {
	if e < 1 || e > 3 {
		return 0
	}
	return int(e)
}
