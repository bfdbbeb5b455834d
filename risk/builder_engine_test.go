package risk

import (
	"zonewise/model"
)

// The engine tests build small projects by hand: model.Sample and
// model.Generate belong to other work and the catalogues to theirs, so these
// tests depend on neither.

type builder struct{ p *model.Project }

func newBuilder() *builder {
	return &builder{p: &model.Project{
		SchemaVersion: model.SchemaVersion,
		ID:            model.StableID("project"),
		Info:          model.Info{Name: "Test plant", Method: model.MethodActorCapability, Matrix: model.DefaultRiskMatrix()},
	}}
}

func (b *builder) zone(key string, t model.ZoneType) *model.Zone {
	b.p.Zones = append(b.p.Zones, model.Zone{ID: model.StableID("zone/" + key), Name: key, Type: t})
	return &b.p.Zones[len(b.p.Zones)-1]
}

// z returns the zone with the given key (pointers into the slice move as it grows).
func (b *builder) z(key string) *model.Zone {
	id := model.StableID("zone/" + key)
	for i := range b.p.Zones {
		if b.p.Zones[i].ID == id {
			return &b.p.Zones[i]
		}
	}
	panic("no zone " + key)
}

func (b *builder) conduit(key string, t model.ConduitType, zones ...string) *model.Conduit {
	c := model.Conduit{ID: model.StableID("conduit/" + key), Name: key, Type: t}
	for _, z := range zones {
		c.ZoneIDs = append(c.ZoneIDs, model.StableID("zone/"+z))
	}
	b.p.Conduits = append(b.p.Conduits, c)
	return &b.p.Conduits[len(b.p.Conduits)-1]
}

func (b *builder) c(key string) *model.Conduit {
	id := model.StableID("conduit/" + key)
	for i := range b.p.Conduits {
		if b.p.Conduits[i].ID == id {
			return &b.p.Conduits[i]
		}
	}
	panic("no conduit " + key)
}

func (b *builder) asset(key, zone string, class model.AssetClass, slc model.SLVector) *model.Asset {
	b.p.Assets = append(b.p.Assets, model.Asset{ID: model.StableID("asset/" + key), Name: key,
		ZoneID: model.StableID("zone/" + zone), Class: class, SLC: slc, SLCSource: model.SLCAssessed})
	return &b.p.Assets[len(b.p.Assets)-1]
}

func (b *builder) actor(key string, capability int) {
	b.p.Actors = append(b.p.Actors, model.ThreatActor{ID: model.StableID("actor/" + key), Name: key, Capability: capability})
}

// scenario adds a scenario by actor on a target ("zone/x", "asset/x" or
// "conduit/x") with one consequence.
func (b *builder) scenario(key, actor string, kind model.TargetKind, target string, likelihood, consequence int, frs ...model.FR) *model.ThreatScenario {
	b.p.Scenarios = append(b.p.Scenarios, model.ThreatScenario{
		ID: model.StableID("scenario/" + key), Name: key, ActorID: model.StableID("actor/" + actor),
		TargetKind: kind, TargetID: model.StableID(string(kind) + "/" + target), FRs: frs,
		Likelihood:   likelihood,
		Consequences: []model.Consequence{{Category: model.ConsequenceSafety, Level: consequence}},
	})
	return &b.p.Scenarios[len(b.p.Scenarios)-1]
}

func (b *builder) instance(key, measure string, kind model.TargetKind, target string, st model.MeasureStatus) model.ID {
	id := model.StableID("cm/" + key)
	b.p.Countermeasures = append(b.p.Countermeasures, model.CountermeasureInstance{ID: id, MeasureID: measure,
		TargetKind: kind, TargetID: model.StableID(string(kind) + "/" + target), Status: st})
	return id
}

func zid(key string) model.ID { return model.StableID("zone/" + key) }
func cid(key string) model.ID { return model.StableID("conduit/" + key) }
func aid(key string) model.ID { return model.StableID("asset/" + key) }
func sid(key string) model.ID { return model.StableID("scenario/" + key) }

func v(fr ...int) model.SLVector {
	var out model.SLVector
	copy(out[:], fr)
	return out
}

// testCatalog is a small hand-made catalogue: enough requirements to check
// selection, and measures covering every FR with a spread of impacts.
func testCatalog() *Catalog {
	return &Catalog{
		System: []Requirement{
			{ID: "SR 1.1", FR: model.FR1, MinSL: 1},
			{ID: "SR 1.1 RE 1", FR: model.FR1, MinSL: 2, Base: "SR 1.1"},
			{ID: "SR 1.1 RE 2", FR: model.FR1, MinSL: 3, Base: "SR 1.1"},
			{ID: "SR 1.1 RE 3", FR: model.FR1, MinSL: 4, Base: "SR 1.1"},
			{ID: "SR 2.1", FR: model.FR2, MinSL: 1},
			{ID: "SR 2.1 RE 1", FR: model.FR2, MinSL: 2, Base: "SR 2.1"},
			{ID: "SR 3.1", FR: model.FR3, MinSL: 1},
			{ID: "SR 3.1 RE 1", FR: model.FR3, MinSL: 2, Base: "SR 3.1"},
			{ID: "SR 4.1", FR: model.FR4, MinSL: 1},
			{ID: "SR 4.1 RE 1", FR: model.FR4, MinSL: 2, Base: "SR 4.1"},
			{ID: "SR 5.1", FR: model.FR5, MinSL: 1},
			{ID: "SR 5.1 RE 1", FR: model.FR5, MinSL: 2, Base: "SR 5.1"},
			{ID: "SR 6.1", FR: model.FR6, MinSL: 1},
			{ID: "SR 6.2", FR: model.FR6, MinSL: 2},
			{ID: "SR 7.3", FR: model.FR7, MinSL: 1},
			{ID: "SR 7.3 RE 1", FR: model.FR7, MinSL: 2, Base: "SR 7.3"},
		},
		Component: []Requirement{
			{ID: "CR 1.1", FR: model.FR1, MinSL: 1},
			{ID: "CR 1.1 RE 1", FR: model.FR1, MinSL: 2, Base: "CR 1.1"},
			{ID: "EDR 3.10", FR: model.FR3, MinSL: 1, Class: model.ClassEmbedded},
			{ID: "HDR 3.2", FR: model.FR3, MinSL: 1, Class: model.ClassHost},
		},
		Measures: []Measure{
			{ID: "CM-MFA", Name: "Multi-factor authentication", Requirements: []string{"SR 1.1", "SR 1.1 RE 1", "SR 1.1 RE 2", "SR 2.1", "SR 2.1 RE 1"}, Max: v(3, 2, 0, 0, 0, 0, 0),
				Targets: []model.TargetKind{model.TargetZone}, Impacts: []model.Impact{model.ImpactLockout, model.ImpactAuthWait}, Effort: 2},
			{ID: "CM-RBAC", Name: "Role-based accounts", Requirements: []string{"SR 1.1", "SR 1.1 RE 1", "SR 2.1", "SR 2.1 RE 1"}, Max: v(2, 3, 0, 0, 0, 0, 0),
				Targets: []model.TargetKind{model.TargetZone}, Effort: 1},
			{ID: "CM-ALLOW", Name: "Application allow-listing", Requirements: []string{"SR 3.1", "SR 3.1 RE 1"}, Max: v(0, 0, 3, 0, 0, 0, 0),
				Targets: []model.TargetKind{model.TargetZone, model.TargetAsset}, Impacts: []model.Impact{model.ImpactCPU}, Effort: 2},
			{ID: "CM-PATCH", Name: "Tested patch process", Requirements: []string{"SR 3.1", "SR 3.1 RE 1", "SR 7.3"}, Max: v(0, 0, 2, 0, 0, 0, 1),
				Targets: []model.TargetKind{model.TargetZone, model.TargetAsset}, Impacts: []model.Impact{model.ImpactReboot}, Effort: 3},
			{ID: "CM-VPNENC", Name: "Encrypted tunnel", Requirements: []string{"SR 1.1", "SR 3.1", "SR 3.1 RE 1", "SR 4.1", "SR 4.1 RE 1"}, Max: v(1, 0, 2, 3, 0, 0, 0),
				Targets: []model.TargetKind{model.TargetConduit}, Effort: 2},
			{ID: "CM-FW", Name: "Conduit firewall, deny by default", Requirements: []string{"SR 5.1", "SR 5.1 RE 1"}, Max: v(0, 0, 0, 0, 3, 0, 0),
				Targets: []model.TargetKind{model.TargetConduit}, ConduitTypes: []model.ConduitType{model.ConduitFirewall, model.ConduitRouted},
				Impacts: []model.Impact{model.ImpactBlocking}, Effort: 2},
			{ID: "CM-DIODE", Name: "Unidirectional gateway", Requirements: []string{"SR 5.1", "SR 5.1 RE 1"}, Max: v(0, 0, 0, 0, 4, 0, 0),
				Targets: []model.TargetKind{model.TargetConduit}, Effort: 3},
			{ID: "CM-SEG", Name: "Zone segmentation", Requirements: []string{"SR 5.1", "SR 5.1 RE 1"}, Max: v(0, 0, 0, 0, 2, 0, 0),
				Targets: []model.TargetKind{model.TargetZone}, ZoneTypes: []model.ZoneType{model.ZoneControl, model.ZoneSafety}, Effort: 2},
			{ID: "CM-MON", Name: "Passive OT network monitoring", Requirements: []string{"SR 6.1", "SR 6.2"}, Max: v(0, 0, 1, 0, 0, 3, 0),
				Targets: []model.TargetKind{model.TargetZone, model.TargetConduit}, Effort: 1},
			{ID: "CM-SCAN", Name: "Active vulnerability scanning", Requirements: []string{"SR 3.1", "SR 6.1", "SR 6.2"}, Max: v(0, 0, 2, 0, 0, 3, 0),
				Targets: []model.TargetKind{model.TargetZone}, Impacts: []model.Impact{model.ImpactScanning}, Effort: 1},
			{ID: "CM-BACKUP", Name: "Offline backups", Requirements: []string{"SR 7.3", "SR 7.3 RE 1"}, Max: v(0, 0, 0, 0, 0, 0, 3),
				Targets: []model.TargetKind{model.TargetZone}, Effort: 1},
			{ID: "CM-ENC", Name: "Data at rest encryption", Requirements: []string{"SR 4.1", "SR 4.1 RE 1"}, Max: v(0, 0, 0, 3, 0, 0, 0),
				Targets: []model.TargetKind{model.TargetZone}, Impacts: []model.Impact{model.ImpactCPU}, Effort: 2},
		},
	}
}

// plantA is a small control system: enterprise, DMZ, control, SIS, with a
// sophisticated actor on the SIS and a casual one on the enterprise.
func plantA() *builder {
	b := newBuilder()
	b.zone("Enterprise", model.ZoneEnterprise)
	b.zone("DMZ", model.ZoneDMZ)
	b.zone("Control", model.ZoneControl)
	sis := b.zone("SIS", model.ZoneSafety)
	sis.EssentialFunctions = []model.EssentialFunction{{Name: "Emergency shutdown", Kind: model.EssentialSafety,
		Intolerant: []model.Impact{model.ImpactLockout, model.ImpactScanning, model.ImpactReboot}}}
	b.conduit("C-ENT-DMZ", model.ConduitFirewall, "Enterprise", "DMZ")
	b.conduit("C-DMZ-CTL", model.ConduitFirewall, "DMZ", "Control")
	b.conduit("C-CTL-SIS", model.ConduitRouted, "Control", "SIS")
	b.asset("PLC-1", "Control", model.ClassEmbedded, v(1, 1, 2, 1, 1, 1, 2))
	b.asset("HMI-1", "Control", model.ClassHost, v(2, 1, 1, 1, 1, 1, 1))
	b.asset("SIS-CTRL", "SIS", model.ClassEmbedded, v(2, 2, 2, 1, 2, 1, 2))
	b.asset("ERP", "Enterprise", model.ClassApplication, v(1, 1, 1, 1, 1, 1, 1))
	b.actor("Insider", 1)
	b.actor("Criminal", 2)
	b.actor("APT", 4)
	b.scenario("SIS trip", "APT", model.TargetAsset, "SIS-CTRL", 3, 5, model.FR3, model.FR7)
	b.scenario("Ransomware", "Criminal", model.TargetZone, "Control", 3, 4, model.FR1, model.FR2, model.FR3, model.FR7)
	b.scenario("Data theft", "Criminal", model.TargetZone, "Enterprise", 2, 1, model.FR4)
	b.scenario("Pivot", "Criminal", model.TargetConduit, "C-DMZ-CTL", 4, 4, model.FR5)
	return b
}
