package risk

import (
	"cmp"
	"slices"
	"strings"

	"zonewise/model"
)

// Exposures a threat template may require (ThreatTemplate.Requires).
const (
	ExposureRemoteAccess   = "remote-access"
	ExposureWireless       = "wireless"
	ExposureRemovableMedia = "removable-media"
	ExposureExternal       = "external"
)

// Exposures lists every exposure a threat template may require.
func Exposures() []string {
	return []string{ExposureRemoteAccess, ExposureWireless, ExposureRemovableMedia, ExposureExternal}
}

func validExposure(e string) bool { return exposureIndex(e) >= 0 }

// exposureIndex is e's position in Exposures(), or -1.
func exposureIndex(e string) int {
	switch e {
	case ExposureRemoteAccess:
		return 0
	case ExposureWireless:
		return 1
	case ExposureRemovableMedia:
		return 2
	case ExposureExternal:
		return 3
	}
	return -1
}

// exposureSet is a set of exposures, indexed like Exposures().
type exposureSet [4]bool

func (s *exposureSet) add(e string) {
	if i := exposureIndex(e); i >= 0 {
		s[i] = true
	}
}

func (s exposureSet) has(e string) bool {
	i := exposureIndex(e)
	return i >= 0 && s[i]
}

func (s exposureSet) union(o exposureSet) exposureSet {
	for i := range s {
		s[i] = s[i] || o[i]
	}
	return s
}

// assetExposure is what the asset records, plus removable media for
// transient devices (they carry files between networks by nature).
func assetExposure(a *model.Asset) exposureSet {
	var s exposureSet
	if a.Exposure.RemoteAccess {
		s.add(ExposureRemoteAccess)
	}
	if a.Exposure.Wireless {
		s.add(ExposureWireless)
	}
	if a.Exposure.RemovableMedia || a.Transient {
		s.add(ExposureRemovableMedia)
	}
	if a.Exposure.ExternallyReachable {
		s.add(ExposureExternal)
	}
	return s
}

// zoneTypeExposure is the exposure a zone has by its very type: a remote
// access zone is reached remotely, a wireless zone by radio, a transient
// devices zone by removable media, and the enterprise zone from outside.
func zoneTypeExposure(t model.ZoneType) exposureSet {
	var s exposureSet
	switch t {
	case model.ZoneRemoteAccess:
		s.add(ExposureRemoteAccess)
	case model.ZoneWireless:
		s.add(ExposureWireless)
	case model.ZoneTransient:
		s.add(ExposureRemovableMedia)
	case model.ZoneEnterprise:
		s.add(ExposureExternal)
	}
	return s
}

// conduitTypeExposure is the exposure a conduit has by its type.
func conduitTypeExposure(t model.ConduitType) exposureSet {
	var s exposureSet
	switch t {
	case model.ConduitVPN:
		s.add(ExposureRemoteAccess)
	case model.ConduitWireless:
		s.add(ExposureWireless)
	case model.ConduitRemovableMedia:
		s.add(ExposureRemovableMedia)
	}
	return s
}

// scenarioTarget is what a template is matched against.
type scenarioTarget struct {
	kind        model.TargetKind
	id          model.ID
	name        string
	zoneTypes   []model.ZoneType   // the zone's type; for a conduit, those of its zones
	classes     []model.AssetClass // the asset's class; for a zone, those of its assets
	conduitType model.ConduitType  // conduits only
	exposure    exposureSet
}

// describeTarget collects the facts about a target that template matching
// needs; false when the target does not exist or is out of scope.
func describeTarget(p *model.Project, kind model.TargetKind, id model.ID) (scenarioTarget, bool) {
	t := scenarioTarget{kind: kind, id: id}
	switch kind {
	case model.TargetAsset:
		a, _ := model.Find[model.Asset](p, id)
		if a == nil {
			return t, false
		}
		t.name = a.Name
		t.classes = []model.AssetClass{a.Class}
		t.exposure = assetExposure(a)
		if z, _ := model.Find[model.Zone](p, a.ZoneID); z != nil {
			if z.OutOfScope {
				return t, false
			}
			t.zoneTypes = []model.ZoneType{z.Type}
			t.exposure = t.exposure.union(zoneTypeExposure(z.Type))
		}
	case model.TargetZone:
		z, _ := model.Find[model.Zone](p, id)
		if z == nil || z.OutOfScope {
			return t, false
		}
		t.name = z.Name
		t.zoneTypes = []model.ZoneType{z.Type}
		t.exposure = zoneExposure(p, z)
		for i := range p.Assets {
			if a := &p.Assets[i]; a.ZoneID == z.ID && !slices.Contains(t.classes, a.Class) {
				t.classes = append(t.classes, a.Class)
			}
		}
	case model.TargetConduit:
		c, _ := model.Find[model.Conduit](p, id)
		if c == nil {
			return t, false
		}
		t.name = c.Name
		t.conduitType = c.Type
		// A conduit's exposure is its type's alone: a wireless device in a
		// connected zone does not make a routed link wireless.
		t.exposure = conduitTypeExposure(c.Type)
		for _, zid := range c.ZoneIDs {
			if z, _ := model.Find[model.Zone](p, zid); z != nil {
				t.zoneTypes = append(t.zoneTypes, z.Type)
			}
		}
	default:
		return t, false
	}
	if t.name == "" {
		t.name = id.Short()
	}
	return t, true
}

// zoneExposure is the union of the exposures of the zone's assets, of the
// zone's type and of the types of the conduits that connect it (a wireless
// conduit into a control zone exposes that zone to radio).
func zoneExposure(p *model.Project, z *model.Zone) exposureSet {
	s := zoneTypeExposure(z.Type)
	for i := range p.Assets {
		if a := &p.Assets[i]; a.ZoneID == z.ID {
			s = s.union(assetExposure(a))
		}
	}
	for i := range p.Conduits {
		if c := &p.Conduits[i]; slices.Contains(c.ZoneIDs, z.ID) {
			s = s.union(conduitTypeExposure(c.Type))
		}
	}
	return s
}

// matches reports whether template th applies to target t: th targets that
// kind of object; the zone type (any zone of a conduit) is among th's zone
// types; an asset's class (any asset class of a zone) is among th's asset
// classes; a conduit's type is among th's conduit types; and every exposure
// th requires is present. Empty lists in th mean any.
func (t *scenarioTarget) matches(th *ThreatTemplate) bool {
	if !slices.Contains(th.Targets, t.kind) {
		return false
	}
	if len(th.ZoneTypes) > 0 && !slices.ContainsFunc(t.zoneTypes, func(z model.ZoneType) bool { return slices.Contains(th.ZoneTypes, z) }) {
		return false
	}
	if len(th.AssetClasses) > 0 && t.kind != model.TargetConduit &&
		!slices.ContainsFunc(t.classes, func(c model.AssetClass) bool { return slices.Contains(th.AssetClasses, c) }) {
		return false
	}
	if len(th.ConduitTypes) > 0 && t.kind == model.TargetConduit && !slices.Contains(th.ConduitTypes, t.conduitType) {
		return false
	}
	for _, e := range th.Requires {
		if !t.exposure.has(e) {
			return false
		}
	}
	return true
}

// TargetExposures lists, in Exposures() order, the exposures that candidate
// generation sees on a zone, asset or conduit (see ThreatTemplate.Requires),
// so that the GUI and reports can say why a template applies. It is nil for
// an unknown or out-of-scope target.
func TargetExposures(p *model.Project, kind model.TargetKind, id model.ID) []string {
	if p == nil {
		return nil
	}
	t, ok := describeTarget(p, kind, id)
	if !ok {
		return nil
	}
	var out []string
	for _, e := range Exposures() {
		if t.exposure.has(e) {
			out = append(out, e)
		}
	}
	return out
}

// ScenarioID is the stable ID of the scenario generated from a threat
// template for a target: the same template and target always give the same ID.
func ScenarioID(templateID string, target model.ID) model.ID {
	return model.StableID("scenario:" + templateID + "@" + string(target))
}

// CandidateScenarios proposes threat scenarios for one zone, asset or conduit
// from the threat library: every template that applies to the target by
// asset class, zone type, conduit type and exposure (an asset's own exposure;
// a zone's: that of any of its assets, its type and its conduits' types; a
// conduit's: its type's; see matches), in library order. It
// skips templates already instantiated for the target in p.Scenarios (same
// template and target, or the same stable ID) and never returns duplicates.
// Each candidate gets the project actor whose capability is closest to and
// not below the template's (else the most capable actor), the template's FRs,
// techniques, likelihood and consequences (limited to the project's risk
// matrix), and a stable ID from ScenarioID. Out-of-scope zones and unknown
// targets get none. p and cat are not changed.
func CandidateScenarios(p *model.Project, cat *Catalog, kind model.TargetKind, id model.ID) []model.ThreatScenario {
	if p == nil || cat == nil {
		return nil
	}
	return candidates(p, cat, kind, id, existingScenarios(p))
}

// CandidateScenariosInZone proposes threat scenarios for a zone and for each
// of its assets (by name, then ID), without duplicates: the bulk form of
// CandidateScenarios.
func CandidateScenariosInZone(p *model.Project, cat *Catalog, zoneID model.ID) []model.ThreatScenario {
	if p == nil || cat == nil {
		return nil
	}
	existing := existingScenarios(p)
	out := candidates(p, cat, model.TargetZone, zoneID, existing)
	var assets []*model.Asset
	for i := range p.Assets {
		if p.Assets[i].ZoneID == zoneID {
			assets = append(assets, &p.Assets[i])
		}
	}
	slices.SortFunc(assets, func(a, b *model.Asset) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(string(a.ID), string(b.ID)))
	})
	for _, a := range assets {
		out = append(out, candidates(p, cat, model.TargetAsset, a.ID, existing)...)
	}
	return out
}

// candidates generates the scenarios for one target, skipping and then
// recording in existing every template@target and ID it produces, so that
// several calls sharing existing never repeat a scenario.
func candidates(p *model.Project, cat *Catalog, kind model.TargetKind, id model.ID, existing map[string]bool) []model.ThreatScenario {
	t, ok := describeTarget(p, kind, id)
	if !ok {
		return nil
	}
	var out []model.ThreatScenario
	for i := range cat.Threats {
		th := &cat.Threats[i]
		if !t.matches(th) {
			continue
		}
		sid := ScenarioID(th.ID, t.id)
		key := th.ID + "@" + string(t.kind) + ":" + string(t.id)
		if existing[key] || existing[string(sid)] {
			continue
		}
		existing[key], existing[string(sid)] = true, true
		out = append(out, instantiate(p, th, &t, sid))
	}
	return out
}

// existingScenarios indexes the project's scenarios by template@kind:target
// and by ID.
func existingScenarios(p *model.Project) map[string]bool {
	m := make(map[string]bool, 2*len(p.Scenarios))
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		m[string(s.ID)] = true
		if s.TemplateID != "" {
			m[s.TemplateID+"@"+string(s.TargetKind)+":"+string(s.TargetID)] = true
		}
	}
	return m
}

func instantiate(p *model.Project, th *ThreatTemplate, t *scenarioTarget, id model.ID) model.ThreatScenario {
	frs := slices.Clone(th.FRs)
	slices.Sort(frs)
	return model.ThreatScenario{
		ID:           id,
		Name:         th.Name + " — " + t.name,
		Description:  th.Description,
		ActorID:      chooseActor(p.Actors, th.Capability),
		EntryPoint:   strings.Join(th.EntryPoints, "; "),
		TargetKind:   t.kind,
		TargetID:     t.id,
		FRs:          frs,
		Consequences: scaleConsequences(&p.Matrix, th.Consequences),
		Likelihood:   clampLevel(th.Likelihood, len(p.Matrix.Likelihoods)),
		Techniques:   slices.Clone(th.Techniques),
		TemplateID:   th.ID,
	}
}

// chooseActor returns the actor whose capability is closest to and not below
// capability, else the most capable one; ties go to the name, then the ID.
// It returns "" when the project has no actors.
func chooseActor(actors []model.ThreatActor, capability int) model.ID {
	var best *model.ThreatActor
	better := func(a, b *model.ThreatActor) bool { // is a a better pick than b?
		aFits, bFits := a.Capability >= capability, b.Capability >= capability
		switch {
		case aFits != bFits:
			return aFits
		case a.Capability != b.Capability && aFits:
			return a.Capability < b.Capability
		case a.Capability != b.Capability:
			return a.Capability > b.Capability
		}
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(string(a.ID), string(b.ID))) < 0
	}
	for i := range actors {
		if best == nil || better(&actors[i], best) {
			best = &actors[i]
		}
	}
	if best == nil {
		return ""
	}
	return best.ID
}

// scaleConsequences copies the template's consequences, keeping only the
// categories the project's matrix assesses (all of them if that would leave
// none) and limiting levels to the matrix's consequence scale.
func scaleConsequences(m *model.RiskMatrix, in []model.Consequence) []model.Consequence {
	out := make([]model.Consequence, 0, len(in))
	for _, c := range in {
		if len(m.Categories) == 0 || slices.Contains(m.Categories, c.Category) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		out = append(out, in...)
	}
	for i := range out {
		out[i].Level = clampLevel(out[i].Level, len(m.Consequences))
	}
	return out
}

// clampLevel limits a 1-based level to a scale of n steps (n = 0: unlimited).
func clampLevel(level, n int) int {
	if n > 0 && level > n {
		return n
	}
	return max(level, 1)
}
