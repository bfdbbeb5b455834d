package risk

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"zonewise/model"
)

// testPlant is a small plant with one zone of most types, assets of every
// class with different exposures, three actors (no capability 4) and
// conduits of several types.
func testPlant() *model.Project {
	id := func(s string) model.ID { return model.StableID("test:" + s) }
	zone := func(key, name string, t model.ZoneType) model.Zone {
		return model.Zone{ID: id(key), Name: name, Type: t}
	}
	asset := func(key, name, zoneKey string, c model.AssetClass, e model.Exposure) model.Asset {
		return model.Asset{ID: id(key), Name: name, ZoneID: id(zoneKey), Class: c, Exposure: e}
	}
	conduit := func(key, name string, t model.ConduitType, zones ...string) model.Conduit {
		c := model.Conduit{ID: id(key), Name: name, Type: t}
		for _, z := range zones {
			c.ZoneIDs = append(c.ZoneIDs, id(z))
		}
		return c
	}
	return &model.Project{
		SchemaVersion: model.SchemaVersion,
		ID:            id("project"),
		Info:          model.Info{Name: "Test plant", Matrix: model.DefaultRiskMatrix()},
		Actors: []model.ThreatActor{
			{ID: id("actor-casual"), Name: "Careless contractor", Capability: 1},
			{ID: id("actor-crime"), Name: "Cyber criminal", Capability: 2},
			{ID: id("actor-apt"), Name: "ICS-aware group", Capability: 3},
		},
		Zones: []model.Zone{
			zone("ent", "Enterprise", model.ZoneEnterprise),
			zone("dmz", "Industrial DMZ", model.ZoneDMZ),
			zone("sup", "Supervisory", model.ZoneSupervisory),
			zone("ctl", "Control cell 1", model.ZoneControl),
			zone("sis", "Safety", model.ZoneSafety),
			zone("ra", "Remote access", model.ZoneRemoteAccess),
			zone("wl", "Plant wireless", model.ZoneWireless),
			{ID: id("old"), Name: "Decommissioned line", Type: model.ZoneControl, OutOfScope: true},
		},
		Assets: []model.Asset{
			asset("erp", "ERP", "ent", model.ClassApplication, model.Exposure{ExternallyReachable: true}),
			asset("hist", "Historian", "dmz", model.ClassHost, model.Exposure{RemoteAccess: true}),
			asset("hmi", "Operator HMI", "sup", model.ClassHost, model.Exposure{RemovableMedia: true}),
			asset("scada", "SCADA server", "sup", model.ClassApplication, model.Exposure{}),
			asset("plc", "Line PLC", "ctl", model.ClassEmbedded, model.Exposure{}),
			asset("sw", "Cell switch", "ctl", model.ClassNetwork, model.Exposure{}),
			asset("sisplc", "Safety PLC", "sis", model.ClassEmbedded, model.Exposure{}),
			asset("jump", "Jump host", "ra", model.ClassHost, model.Exposure{RemoteAccess: true, ExternallyReachable: true}),
			asset("ap", "Access point", "wl", model.ClassNetwork, model.Exposure{Wireless: true}),
			asset("oldplc", "Old PLC", "old", model.ClassEmbedded, model.Exposure{RemoteAccess: true}),
		},
		Conduits: []model.Conduit{
			conduit("c-it", "IT/OT firewall", model.ConduitFirewall, "ent", "dmz"),
			conduit("c-diode", "Historian diode", model.ConduitUnidirectional, "sup", "dmz"),
			conduit("c-ctl", "Supervisory to control", model.ConduitRouted, "sup", "ctl"),
			conduit("c-vpn", "Vendor VPN", model.ConduitVPN, "ra", "dmz"),
			conduit("c-wl", "Wireless link", model.ConduitWireless, "wl", "ctl"),
		},
	}
}

func pid(key string) model.ID { return model.StableID("test:" + key) }

// allTargets lists every zone, asset and conduit of p.
func allTargets(p *model.Project) []struct {
	kind model.TargetKind
	id   model.ID
} {
	var out []struct {
		kind model.TargetKind
		id   model.ID
	}
	add := func(k model.TargetKind, id model.ID) {
		out = append(out, struct {
			kind model.TargetKind
			id   model.ID
		}{k, id})
	}
	for _, z := range p.Zones {
		add(model.TargetZone, z.ID)
	}
	for _, a := range p.Assets {
		add(model.TargetAsset, a.ID)
	}
	for _, c := range p.Conduits {
		add(model.TargetConduit, c.ID)
	}
	return out
}

func templateIDs(ss []model.ThreatScenario) []string {
	var ids []string
	for _, s := range ss {
		ids = append(ids, s.TemplateID)
	}
	return ids
}

func TestCandidateScenariosHaveNoDuplicates(t *testing.T) {
	cat := builtinCatalog(t)
	p := testPlant()
	total := 0
	for _, tg := range allTargets(p) {
		got := CandidateScenarios(p, cat, tg.kind, tg.id)
		total += len(got)
		ids := map[model.ID]bool{}
		templates := map[string]bool{}
		for _, s := range got {
			if ids[s.ID] || templates[s.TemplateID] {
				t.Errorf("%s %s: %s (%s) is proposed twice", tg.kind, tg.id.Short(), s.TemplateID, s.ID.Short())
			}
			ids[s.ID], templates[s.TemplateID] = true, true
		}
	}
	if total < 100 {
		t.Errorf("the test plant gets %d candidates in all, want a realistic number (at least 100)", total)
	}
	t.Run("the bulk form for a zone has no duplicates either", func(t *testing.T) {
		for _, z := range p.Zones {
			seen := map[model.ID]bool{}
			for _, s := range CandidateScenariosInZone(p, cat, z.ID) {
				if seen[s.ID] {
					t.Errorf("zone %s: %s proposed twice", z.Name, s.Name)
				}
				seen[s.ID] = true
			}
		}
	})
}

func TestCandidateScenariosAreDeterministic(t *testing.T) {
	cat := builtinCatalog(t)
	p := testPlant()
	q := testPlant()
	// The same plant with every collection in reverse order.
	slices.Reverse(q.Actors)
	slices.Reverse(q.Zones)
	slices.Reverse(q.Assets)
	slices.Reverse(q.Conduits)
	for _, tg := range allTargets(p) {
		a := CandidateScenarios(p, cat, tg.kind, tg.id)
		b := CandidateScenarios(p, cat, tg.kind, tg.id)
		c := CandidateScenarios(q, cat, tg.kind, tg.id)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s %s: two runs differ", tg.kind, tg.id.Short())
		}
		if !reflect.DeepEqual(a, c) {
			t.Errorf("%s %s: the result depends on the order of the project's collections", tg.kind, tg.id.Short())
		}
	}
	for _, z := range p.Zones {
		if !reflect.DeepEqual(CandidateScenariosInZone(p, cat, z.ID), CandidateScenariosInZone(q, cat, z.ID)) {
			t.Errorf("zone %s: the bulk result depends on the order of the project's collections", z.Name)
		}
	}
}

// Every candidate satisfies its template's conditions, checked here against
// the project directly rather than through the generator's own helpers.
func TestCandidateScenariosRespectClassZoneTypeAndExposure(t *testing.T) {
	cat := builtinCatalog(t)
	p := testPlant()
	zoneOf := func(id model.ID) *model.Zone { z, _ := model.Find[model.Zone](p, id); return z }
	exposed := func(a *model.Asset, e string) bool {
		switch e {
		case ExposureRemoteAccess:
			return a.Exposure.RemoteAccess
		case ExposureWireless:
			return a.Exposure.Wireless
		case ExposureRemovableMedia:
			return a.Exposure.RemovableMedia || a.Transient
		case ExposureExternal:
			return a.Exposure.ExternallyReachable
		}
		return false
	}
	byType := map[model.ZoneType]string{
		model.ZoneRemoteAccess: ExposureRemoteAccess, model.ZoneWireless: ExposureWireless,
		model.ZoneTransient: ExposureRemovableMedia, model.ZoneEnterprise: ExposureExternal,
	}
	byConduit := map[model.ConduitType]string{
		model.ConduitVPN: ExposureRemoteAccess, model.ConduitWireless: ExposureWireless,
		model.ConduitRemovableMedia: ExposureRemovableMedia,
	}
	zoneExposed := func(z *model.Zone, e string) bool {
		if byType[z.Type] == e {
			return true
		}
		for _, c := range p.Conduits {
			if slices.Contains(c.ZoneIDs, z.ID) && byConduit[c.Type] == e {
				return true
			}
		}
		for i := range p.Assets {
			if p.Assets[i].ZoneID == z.ID && exposed(&p.Assets[i], e) {
				return true
			}
		}
		return false
	}
	for _, tg := range allTargets(p) {
		for _, s := range CandidateScenarios(p, cat, tg.kind, tg.id) {
			th, ok := cat.Threat(s.TemplateID)
			if !ok {
				t.Fatalf("%s: unknown template %q", s.Name, s.TemplateID)
			}
			if !slices.Contains(th.Targets, tg.kind) {
				t.Errorf("%s: template does not target a %s", s.Name, tg.kind)
			}
			switch tg.kind {
			case model.TargetAsset:
				a, _ := model.Find[model.Asset](p, tg.id)
				z := zoneOf(a.ZoneID)
				if len(th.AssetClasses) > 0 && !slices.Contains(th.AssetClasses, a.Class) {
					t.Errorf("%s: class %s is not among %v", s.Name, a.Class, th.AssetClasses)
				}
				if len(th.ZoneTypes) > 0 && !slices.Contains(th.ZoneTypes, z.Type) {
					t.Errorf("%s: zone type %s is not among %v", s.Name, z.Type, th.ZoneTypes)
				}
				for _, e := range th.Requires {
					if !exposed(a, e) && byType[z.Type] != e {
						t.Errorf("%s: asset lacks exposure %s", s.Name, e)
					}
				}
			case model.TargetZone:
				z := zoneOf(tg.id)
				if len(th.ZoneTypes) > 0 && !slices.Contains(th.ZoneTypes, z.Type) {
					t.Errorf("%s: zone type %s is not among %v", s.Name, z.Type, th.ZoneTypes)
				}
				for _, e := range th.Requires {
					if !zoneExposed(z, e) {
						t.Errorf("%s: zone lacks exposure %s", s.Name, e)
					}
				}
			case model.TargetConduit:
				c, _ := model.Find[model.Conduit](p, tg.id)
				if len(th.ConduitTypes) > 0 && !slices.Contains(th.ConduitTypes, c.Type) {
					t.Errorf("%s: conduit type %s is not among %v", s.Name, c.Type, th.ConduitTypes)
				}
				for _, e := range th.Requires {
					if byConduit[c.Type] != e {
						t.Errorf("%s: conduit lacks exposure %s", s.Name, e)
					}
				}
			}
		}
	}
}

func TestCandidateScenariosForParticularTargets(t *testing.T) {
	cat := builtinCatalog(t)
	p := testPlant()
	for _, c := range []struct {
		name      string
		kind      model.TargetKind
		key       string
		want, not []string
	}{
		{"the historian with remote access gets vendor remote access but not removable media", model.TargetAsset, "hist",
			[]string{"TH-REMOTE-VENDOR", "TH-DMZ-PIVOT", "TH-EXPLOIT-UNPATCHED"}, []string{"TH-USB-MALWARE", "TH-PROGRAM-DOWNLOAD"}},
		{"the HMI with a USB port gets removable media but not remote access", model.TargetAsset, "hmi",
			[]string{"TH-USB-MALWARE", "TH-LOSS-OF-VIEW"}, []string{"TH-REMOTE-VENDOR", "TH-REMOTE-HMI"}},
		{"the line PLC gets controller threats but none for hosts", model.TargetAsset, "plc",
			[]string{"TH-PROGRAM-DOWNLOAD", "TH-UNAUTH-CMD", "TH-OPERATING-MODE"}, []string{"TH-EXPLOIT-UNPATCHED", "TH-SIS-TAMPER", "TH-REMOTE-VENDOR"}},
		{"the safety PLC gets safety tampering", model.TargetAsset, "sisplc",
			[]string{"TH-SIS-TAMPER", "TH-PROGRAM-DOWNLOAD"}, []string{"TH-SIS-REMOTE"}},
		{"the cell switch gets network device threats", model.TargetAsset, "sw",
			[]string{"TH-NETWORK-DEVICE", "TH-DEFAULT-CREDS"}, []string{"TH-PROGRAM-DOWNLOAD"}},
		{"the wireless access point gets wireless compromise", model.TargetAsset, "ap",
			[]string{"TH-WIRELESS-COMPROMISE"}, []string{"TH-REMOTE-VENDOR"}},
		{"the internet-facing jump host gets remote-access threats", model.TargetAsset, "jump",
			[]string{"TH-REMOTE-VENDOR", "TH-REMOTE-EXPLOIT"}, nil},
		{"the internet-facing ERP is not taken for a control device", model.TargetAsset, "erp",
			[]string{"TH-REMOTE-EXPLOIT"}, []string{"TH-INTERNET-EXPOSED", "TH-IIOT-GATEWAY"}},
		{"the enterprise zone gets the IT shutdown scenario", model.TargetZone, "ent",
			[]string{"TH-IT-SHUTDOWN"}, []string{"TH-DAMAGE-PROPERTY"}},
		{"the control zone gets discovery and damage", model.TargetZone, "ctl",
			[]string{"TH-DISCOVERY", "TH-DAMAGE-PROPERTY", "TH-NETWORK-FLOOD", "TH-WIRELESS-COMPROMISE"}, []string{"TH-IT-SHUTDOWN", "TH-USB-MALWARE"}},
		{"the supervisory zone inherits the HMI's removable media", model.TargetZone, "sup",
			[]string{"TH-USB-MALWARE", "TH-RANSOMWARE-OT"}, []string{"TH-SIS-TAMPER"}},
		{"the remote access zone is exposed by its type", model.TargetZone, "ra",
			[]string{"TH-REMOTE-VENDOR"}, nil},
		{"the firewall conduit gets permissive rules", model.TargetConduit, "c-it",
			[]string{"TH-FIREWALL-BYPASS"}, []string{"TH-WIRELESS-JAM"}},
		{"a routed conduit into a zone with a wireless link is not itself wireless", model.TargetConduit, "c-ctl",
			[]string{"TH-UNAUTH-CMD", "TH-AITM"}, []string{"TH-WIRELESS-JAM", "TH-WIRELESS-COMPROMISE"}},
		{"the diode gets no firewall-rule scenario", model.TargetConduit, "c-diode",
			nil, []string{"TH-FIREWALL-BYPASS", "TH-UNAUTH-CMD"}},
		{"the wireless conduit gets jamming", model.TargetConduit, "c-wl",
			[]string{"TH-WIRELESS-JAM", "TH-WIRELESS-COMPROMISE", "TH-UNAUTH-CMD"}, []string{"TH-FIREWALL-BYPASS"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := templateIDs(CandidateScenarios(p, cat, c.kind, pid(c.key)))
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("%s is missing from %v", w, got)
				}
			}
			for _, n := range c.not {
				if slices.Contains(got, n) {
					t.Errorf("%s is proposed but should not be", n)
				}
			}
		})
	}
	t.Run("an out-of-scope zone and its assets get nothing", func(t *testing.T) {
		if got := CandidateScenarios(p, cat, model.TargetZone, pid("old")); len(got) != 0 {
			t.Errorf("got %v", templateIDs(got))
		}
		if got := CandidateScenarios(p, cat, model.TargetAsset, pid("oldplc")); len(got) != 0 {
			t.Errorf("got %v", templateIDs(got))
		}
	})
	t.Run("an unknown target gets nothing", func(t *testing.T) {
		if got := CandidateScenarios(p, cat, model.TargetAsset, "no-such-id"); got != nil {
			t.Errorf("got %v", templateIDs(got))
		}
		if got := CandidateScenarios(p, cat, model.TargetKind("system"), pid("plc")); got != nil {
			t.Errorf("got %v", templateIDs(got))
		}
	})
}

func TestCandidateScenarioFields(t *testing.T) {
	cat := builtinCatalog(t)
	p := testPlant()
	byTemplate := func(t *testing.T, ss []model.ThreatScenario, id string) model.ThreatScenario {
		t.Helper()
		for _, s := range ss {
			if s.TemplateID == id {
				return s
			}
		}
		t.Fatalf("%s not proposed", id)
		return model.ThreatScenario{}
	}
	hist := CandidateScenarios(p, cat, model.TargetAsset, pid("hist"))
	s := byTemplate(t, hist, "TH-REMOTE-VENDOR")
	th, _ := cat.Threat("TH-REMOTE-VENDOR")
	t.Run("the name reads template — target", func(t *testing.T) {
		if s.Name != "Vendor remote access abused — Historian" {
			t.Errorf("name is %q", s.Name)
		}
	})
	t.Run("the ID is stable", func(t *testing.T) {
		if want := model.StableID("scenario:TH-REMOTE-VENDOR@" + string(pid("hist"))); s.ID != want || ScenarioID("TH-REMOTE-VENDOR", pid("hist")) != want {
			t.Errorf("ID is %s, want %s", s.ID, want)
		}
	})
	t.Run("the template's data is copied", func(t *testing.T) {
		if s.TargetKind != model.TargetAsset || s.TargetID != pid("hist") {
			t.Errorf("target is %s %s", s.TargetKind, s.TargetID)
		}
		if !reflect.DeepEqual(s.Techniques, th.Techniques) || !reflect.DeepEqual(s.Consequences, th.Consequences) || s.Likelihood != th.Likelihood {
			t.Errorf("techniques %v, consequences %v, likelihood %d differ from the template", s.Techniques, s.Consequences, s.Likelihood)
		}
		if !slices.IsSorted(s.FRs) || len(s.FRs) != len(th.FRs) {
			t.Errorf("FRs are %v, want the template's %v sorted", s.FRs, th.FRs)
		}
		if s.EntryPoint == "" || s.Description == "" {
			t.Error("entry point or description is empty")
		}
		if s.Treatment != "" {
			t.Errorf("treatment is %q, want undecided", s.Treatment)
		}
	})
	t.Run("changing the scenario does not change the catalogue", func(t *testing.T) {
		s.Techniques[0] = "T0000"
		s.Consequences[0].Level = 99
		if th2, _ := cat.Threat("TH-REMOTE-VENDOR"); th2.Techniques[0] == "T0000" || th2.Consequences[0].Level == 99 {
			t.Error("the scenario shares slices with the catalogue")
		}
	})
	t.Run("the actor is the closest capability not below the template's", func(t *testing.T) {
		for _, c := range []struct {
			asset    string
			template string
			actor    string
		}{
			{"scada", "TH-DEFAULT-CREDS", "actor-casual"}, // capability 1
			{"hist", "TH-REMOTE-VENDOR", "actor-crime"},   // capability 2
			{"hist", "TH-DMZ-PIVOT", "actor-apt"},         // capability 3
		} {
			s := byTemplate(t, CandidateScenarios(p, cat, model.TargetAsset, pid(c.asset)), c.template)
			if th, _ := cat.Threat(c.template); s.ActorID != pid(c.actor) {
				t.Errorf("%s (capability %d): actor %s, want %s", c.template, th.Capability, s.ActorID.Short(), c.actor)
			}
		}
	})
	t.Run("without an actor capable enough, the most capable is chosen", func(t *testing.T) {
		s := byTemplate(t, CandidateScenarios(p, cat, model.TargetAsset, pid("plc")), "TH-IO-MANIP") // capability 4
		if s.ActorID != pid("actor-apt") {
			t.Errorf("actor is %s, want the capability 3 actor", s.ActorID.Short())
		}
	})
	t.Run("without actors, the actor is left empty", func(t *testing.T) {
		q := testPlant()
		q.Actors = nil
		for _, s := range CandidateScenarios(q, cat, model.TargetAsset, pid("hist")) {
			if s.ActorID != "" {
				t.Errorf("%s: actor %s", s.Name, s.ActorID)
			}
		}
	})
	t.Run("levels are limited to a smaller risk matrix and categories to those assessed", func(t *testing.T) {
		q := testPlant()
		q.Matrix.Likelihoods = q.Matrix.Likelihoods[:3]
		q.Matrix.Consequences = q.Matrix.Consequences[:3]
		q.Matrix.Categories = []model.ConsequenceCategory{model.ConsequenceSafety, model.ConsequenceProduction}
		for _, s := range CandidateScenariosInZone(q, cat, pid("sis")) {
			if s.Likelihood < 1 || s.Likelihood > 3 {
				t.Errorf("%s: likelihood %d on a 3-level scale", s.Name, s.Likelihood)
			}
			for _, c := range s.Consequences {
				if c.Level < 1 || c.Level > 3 {
					t.Errorf("%s: %s level %d on a 3-level scale", s.Name, c.Category, c.Level)
				}
				if c.Category != model.ConsequenceSafety && c.Category != model.ConsequenceProduction {
					t.Errorf("%s: category %s is not assessed", s.Name, c.Category)
				}
			}
		}
	})
}

func TestCandidateScenariosAreNotProposedTwice(t *testing.T) {
	cat := builtinCatalog(t)
	t.Run("after adding a target's candidates, none are new", func(t *testing.T) {
		p := testPlant()
		for _, tg := range allTargets(p) {
			first := CandidateScenarios(p, cat, tg.kind, tg.id)
			p.Scenarios = append(p.Scenarios, first...)
			if again := CandidateScenarios(p, cat, tg.kind, tg.id); len(again) != 0 {
				t.Errorf("%s %s: %d new candidates on the second run: %v", tg.kind, tg.id.Short(), len(again), templateIDs(again))
			}
		}
	})
	t.Run("after adding a zone's bulk candidates, none are new for the zone or its assets", func(t *testing.T) {
		p := testPlant()
		for _, z := range p.Zones {
			p.Scenarios = append(p.Scenarios, CandidateScenariosInZone(p, cat, z.ID)...)
			if again := CandidateScenariosInZone(p, cat, z.ID); len(again) != 0 {
				t.Errorf("zone %s: %d new candidates on the second run", z.Name, len(again))
			}
			for _, a := range p.Assets {
				if a.ZoneID == z.ID {
					if again := CandidateScenarios(p, cat, model.TargetAsset, a.ID); len(again) != 0 {
						t.Errorf("asset %s: %d new candidates", a.Name, len(again))
					}
				}
			}
		}
	})
	t.Run("a template the user already instantiated under another ID is skipped", func(t *testing.T) {
		p := testPlant()
		p.Scenarios = []model.ThreatScenario{{
			ID: model.NewID(), Name: "Our own vendor scenario", TemplateID: "TH-REMOTE-VENDOR",
			TargetKind: model.TargetAsset, TargetID: pid("hist"),
		}}
		got := templateIDs(CandidateScenarios(p, cat, model.TargetAsset, pid("hist")))
		if slices.Contains(got, "TH-REMOTE-VENDOR") {
			t.Error("TH-REMOTE-VENDOR is proposed again")
		}
		if len(got) == 0 {
			t.Error("the other templates are no longer proposed")
		}
	})
	t.Run("the same template on another target is still proposed", func(t *testing.T) {
		p := testPlant()
		p.Scenarios = append(p.Scenarios, CandidateScenarios(p, cat, model.TargetAsset, pid("hist"))...)
		got := templateIDs(CandidateScenarios(p, cat, model.TargetAsset, pid("jump")))
		if !slices.Contains(got, "TH-REMOTE-VENDOR") {
			t.Errorf("TH-REMOTE-VENDOR is missing for the jump host: %v", got)
		}
	})
}

func TestCandidateScenariosInZoneCoverTheZoneAndItsAssets(t *testing.T) {
	cat := builtinCatalog(t)
	p := testPlant()
	got := CandidateScenariosInZone(p, cat, pid("sup"))
	targets := map[model.ID]bool{}
	for _, s := range got {
		targets[s.TargetID] = true
	}
	for _, key := range []string{"sup", "hmi", "scada"} {
		if !targets[pid(key)] {
			t.Errorf("no candidate for %s", key)
		}
	}
	if targets[pid("plc")] {
		t.Error("an asset of another zone got candidates")
	}
	// The zone's own candidates come first, then the assets by name.
	if len(got) == 0 || got[0].TargetKind != model.TargetZone {
		t.Fatal("the zone's candidates do not come first")
	}
	first := slices.IndexFunc(got, func(s model.ThreatScenario) bool { return s.TargetKind != model.TargetZone })
	if first < 0 {
		t.Fatal("no asset candidates")
	}
	last := ""
	for _, s := range got[first:] {
		if s.TargetKind == model.TargetZone {
			t.Fatalf("%s: zone candidate after asset candidates", s.Name)
		}
		name := s.Name[strings.LastIndex(s.Name, " — ")+len(" — "):]
		if name < last {
			t.Errorf("asset %q comes after %q", name, last)
		}
		last = name
	}
}

func TestTargetExposures(t *testing.T) {
	p := testPlant()
	for _, c := range []struct {
		name string
		kind model.TargetKind
		key  string
		want []string
	}{
		{"an asset has its own exposure", model.TargetAsset, "hist", []string{ExposureRemoteAccess}},
		{"an asset without exposure in a plain zone has none", model.TargetAsset, "plc", nil},
		{"an asset in a wireless zone is exposed to radio", model.TargetAsset, "ap", []string{ExposureWireless}},
		{"the enterprise zone is exposed externally by its type", model.TargetZone, "ent", []string{ExposureExternal}},
		{"a zone has its assets' and its conduits' exposures", model.TargetZone, "ctl", []string{ExposureWireless}},
		{"the supervisory zone has its HMI's removable media", model.TargetZone, "sup", []string{ExposureRemovableMedia}},
		{"a VPN conduit is remote access", model.TargetConduit, "c-vpn", []string{ExposureRemoteAccess}},
		{"a routed conduit has none", model.TargetConduit, "c-ctl", nil},
		{"an out-of-scope zone has none", model.TargetZone, "old", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := TargetExposures(p, c.kind, pid(c.key)); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	t.Run("a transient asset carries removable media", func(t *testing.T) {
		q := testPlant()
		a, _ := model.Find[model.Asset](q, pid("plc"))
		a.Transient = true
		if got := TargetExposures(q, model.TargetAsset, pid("plc")); !reflect.DeepEqual(got, []string{ExposureRemovableMedia}) {
			t.Errorf("got %v", got)
		}
	})
}

func BenchmarkCandidateScenariosInZone(b *testing.B) {
	cat := builtinCatalog(b)
	p := testPlant()
	for b.Loop() {
		for _, z := range p.Zones {
			CandidateScenariosInZone(p, cat, z.ID)
		}
	}
}
