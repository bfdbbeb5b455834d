package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// find helpers for the sample plant, by name.
func zoneNamed(p *Project, name string) *Zone       { return p.Zone(sampleZoneID(name)) }
func assetNamed(p *Project, name string) *Asset     { return p.Asset(sampleAssetID(name)) }
func conduitNamed(p *Project, name string) *Conduit { return p.Conduit(sampleConduitID(name)) }
func scenarioAt(p *Project, i int) *ThreatScenario  { return &p.Scenarios[i] }
func cmNamed(p *Project, m, target string) *CountermeasureInstance {
	return p.Countermeasure(sampleCM{measure: m, target: target}.id())
}

const (
	plcFiltration = "SPS Filtration S7-1500 (CPU 1516-3 PN/DP)"
	hmiSCADA      = "AVEVA System Platform / InTouch HMI"
	erpAsset      = "ERP SAP S/4HANA (Instandhaltung)"
	himaAsset     = "Sicherheitssteuerung HIMA HIMax (X-CPU 31)"
)

func TestSampleValidatesWithoutErrors(t *testing.T) {
	problems := Validate(Sample())
	if HasErrors(problems) {
		t.Fatalf("the sample has errors:\n%s", joinProblems(problems))
	}
	// The one intended finding: a legacy "any" port rule in K07.
	if len(problems) != 1 || problems[0].Rule != RuleLeastPrivilege {
		t.Errorf("want exactly the intended least-privilege warning, got:\n%s", joinProblems(problems))
	}
}

func joinProblems(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestValidateRules(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(p *Project)
		sev   Severity
		rule  string
		kind  string
		field string // prefix of Problem.Field
	}{
		// References.
		{"an asset pointing to a missing zone is an error", func(p *Project) { assetNamed(p, plcFiltration).ZoneID = StableID("x") },
			SeverityError, RuleDangling, "asset", "zoneId"},
		{"an asset in no zone is an error", func(p *Project) { assetNamed(p, plcFiltration).ZoneID = "" },
			SeverityError, RuleNoZone, "asset", "zoneId"},
		{"a conduit to a missing zone is an error", func(p *Project) { p.Conduits[0].ZoneIDs[0] = StableID("x") },
			SeverityError, RuleDangling, "conduit", "zoneIds[0]"},
		{"a conduit joining a zone to itself is an error", func(p *Project) {
			c := conduitNamed(p, scK05)
			c.ZoneIDs = append(c.ZoneIDs, c.ZoneIDs[0])
		}, SeverityError, RuleConduitSelf, "conduit", "zoneIds[2]"},
		{"a conduit with one zone is an error", func(p *Project) {
			c := conduitNamed(p, scK05)
			c.ZoneIDs, c.Flows = c.ZoneIDs[:1], nil
		}, SeverityError, RuleConduitZones, "conduit", "zoneIds"},
		{"a flow from a missing zone is an error", func(p *Project) { conduitNamed(p, scK05).Flows[0].From = StableID("x") },
			SeverityError, RuleDangling, "conduit", "flows[0].from"},
		{"a flow to a zone the conduit does not join is an error", func(p *Project) {
			conduitNamed(p, scK05).Flows[0].To = sampleZoneID(szField)
		}, SeverityError, RuleFlowZone, "conduit", "flows[0].to"},
		{"a flow initiated by a foreign zone is an error", func(p *Project) {
			conduitNamed(p, scK05).Flows[0].Initiator = sampleZoneID(szField)
		}, SeverityError, RuleFlowZone, "conduit", "flows[0].initiator"},
		{"a scenario of a missing actor is an error", func(p *Project) { scenarioAt(p, 0).ActorID = StableID("x") },
			SeverityError, RuleDangling, "threat scenario", "actorId"},
		{"a scenario without actor is an error", func(p *Project) { scenarioAt(p, 0).ActorID = "" },
			SeverityError, RuleDangling, "threat scenario", "actorId"},
		{"a scenario targeting a missing asset is an error", func(p *Project) {
			s := scenarioAt(p, 0)
			s.TargetKind, s.TargetID = TargetAsset, StableID("x")
		}, SeverityError, RuleDangling, "threat scenario", "targetId"},
		{"a scenario targeting a zone ID as a conduit is an error", func(p *Project) {
			s := scenarioAt(p, 0)
			s.TargetKind, s.TargetID = TargetConduit, p.Zones[0].ID
		}, SeverityError, RuleDangling, "threat scenario", "targetId"},
		{"a scenario citing a missing countermeasure is an error", func(p *Project) {
			s := scenarioAt(p, 0)
			s.Countermeasures = append(s.Countermeasures, StableID("x"))
		}, SeverityError, RuleDangling, "threat scenario", "countermeasures["},
		{"a countermeasure on a missing zone is an error", func(p *Project) { p.Countermeasures[0].TargetID = StableID("x") },
			SeverityError, RuleDangling, "countermeasure", "targetId"},
		{"a zone with a missing parent is an error", func(p *Project) { zoneNamed(p, szField).ParentID = StableID("x") },
			SeverityError, RuleDangling, "zone", "parentId"},
		{"a zone that is its own parent is an error", func(p *Project) {
			z := zoneNamed(p, szField)
			z.ParentID = z.ID
		}, SeverityError, RuleZoneCycle, "zone", "parentId"},
		{"a zone that is its own ancestor is an error", func(p *Project) {
			a, b, c := zoneNamed(p, szField), zoneNamed(p, szFiltration), zoneNamed(p, szSCADA)
			a.ParentID, b.ParentID, c.ParentID = b.ID, c.ID, a.ID
		}, SeverityError, RuleZoneCycle, "zone", "parentId"},
		{"a decision about a removed object is a warning", func(p *Project) { p.Decisions[0].ObjectID = StableID("gone") },
			SeverityWarning, RuleDanglingDecision, "decision", "objectId"},

		// Ranges and values.
		{"an SL-C of 5 is an error", func(p *Project) { assetNamed(p, plcFiltration).SLC[3] = 5 },
			SeverityError, RuleRange, "asset", "slC"},
		{"a negative SL-C is an error", func(p *Project) { assetNamed(p, plcFiltration).SLC[0] = -1 },
			SeverityError, RuleRange, "asset", "slC"},
		{"an actor capability of 0 is an error", func(p *Project) { p.Actors[0].Capability = 0 },
			SeverityError, RuleRange, "threat actor", "capability"},
		{"an actor capability of 5 is an error", func(p *Project) { p.Actors[0].Capability = 5 },
			SeverityError, RuleRange, "threat actor", "capability"},
		{"a likelihood beyond the matrix is an error", func(p *Project) { scenarioAt(p, 0).Likelihood = 6 },
			SeverityError, RuleRange, "threat scenario", "likelihood"},
		{"a consequence level of 0 is an error", func(p *Project) { scenarioAt(p, 0).Consequences[0].Level = 0 },
			SeverityError, RuleRange, "threat scenario", "consequences[0].level"},
		{"a Purdue level of 7 is an error", func(p *Project) { zoneNamed(p, szField).PurdueLevel = 7 },
			SeverityError, RuleRange, "zone", "purdueLevel"},
		{"a Purdue level of 2.5 is an error", func(p *Project) { zoneNamed(p, szField).PurdueLevel = 2.5 },
			SeverityError, RuleRange, "zone", "purdueLevel"},
		{"FR8 in a scenario is an error", func(p *Project) { scenarioAt(p, 0).FRs = append(scenarioAt(p, 0).FRs, 8) },
			SeverityError, RuleRange, "threat scenario", "frs["},
		{"an FR listed twice is an error", func(p *Project) { scenarioAt(p, 0).FRs = []FR{FR1, FR1} },
			SeverityError, RuleDuplicateEntry, "threat scenario", "frs[1]"},
		{"an override of FR0 is an error", func(p *Project) { zoneNamed(p, szSIS).SLTOverrides[0].FR = 0 },
			SeverityError, RuleRange, "zone", "sltOverrides[0].fr"},
		{"an override to SL 5 is an error", func(p *Project) { zoneNamed(p, szSIS).SLTOverrides[0].SL = 5 },
			SeverityError, RuleRange, "zone", "sltOverrides[0].sl"},
		{"a not-applicable FR9 is an error", func(p *Project) { p.NotApplicable = []FR{9} },
			SeverityError, RuleRange, "project", "notApplicableFRs[0]"},
		{"a port of 70000 is an error", func(p *Project) { conduitNamed(p, scK05).Flows[0].Port = "70000" },
			SeverityError, RuleRange, "conduit", "flows[0].port"},
		{"a port that is a word is an error", func(p *Project) { conduitNamed(p, scK05).Flows[0].Port = "http" },
			SeverityError, RuleRange, "conduit", "flows[0].port"},
		{"a negative zone size is an error", func(p *Project) { p.Zones[0].Bounds.W = -5 },
			SeverityError, RuleRange, "zone", "bounds"},
		{"an unknown zone type is an error", func(p *Project) { p.Zones[0].Type = "castle" },
			SeverityError, RuleEnum, "zone", "type"},
		{"an unknown conduit type is an error", func(p *Project) { p.Conduits[0].Type = "pigeon" },
			SeverityError, RuleEnum, "conduit", "type"},
		{"an unknown asset class is an error", func(p *Project) { assetNamed(p, plcFiltration).Class = "software" },
			SeverityError, RuleEnum, "asset", "class"},
		{"an unknown asset function is an error", func(p *Project) { assetNamed(p, plcFiltration).Function = "fun" },
			SeverityError, RuleEnum, "asset", "function"},
		{"an unknown criticality is an error", func(p *Project) { assetNamed(p, plcFiltration).Criticality = "meh" },
			SeverityError, RuleEnum, "asset", "criticality"},
		{"an unknown countermeasure status is an error", func(p *Project) { p.Countermeasures[0].Status = "maybe" },
			SeverityError, RuleEnum, "countermeasure", "status"},
		{"an unknown treatment is an error", func(p *Project) { scenarioAt(p, 0).Treatment = "ignore" },
			SeverityError, RuleEnum, "threat scenario", "treatment"},
		{"an unknown target kind is an error", func(p *Project) { scenarioAt(p, 0).TargetKind = "site" },
			SeverityError, RuleEnum, "threat scenario", "targetKind"},
		{"an unknown consequence category is an error", func(p *Project) { scenarioAt(p, 0).Consequences[0].Category = "mood" },
			SeverityError, RuleEnum, "threat scenario", "consequences[0].category"},
		{"an unknown impact is an error", func(p *Project) { zoneNamed(p, szSIS).EssentialFunctions[0].Intolerant[0] = "noise" },
			SeverityError, RuleEnum, "zone", "essentialFunctions[0].intolerant[0]"},
		{"an unknown SL-T method is an error", func(p *Project) { p.Method = "dice" },
			SeverityError, RuleEnum, "project", "sltMethod"},
		{"an unknown focus point is an error", func(p *Project) { assetNamed(p, plcFiltration).FocusPoints[0].Key = "firewall-rules" },
			SeverityError, RuleUnknownFocus, "asset", "focusPoints[0].key"},
		{"an unknown focus status is an error", func(p *Project) { assetNamed(p, plcFiltration).FocusPoints[0].Status = "meh" },
			SeverityError, RuleEnum, "asset", "focusPoints[0].status"},
		{"a project date that is not a date is an error", func(p *Project) { p.Date = "26.11.2026" },
			SeverityError, RuleDate, "project", "date"},
		{"an approval date of February 30 is an error", func(p *Project) { p.Approvals[0].Date = "2026-02-30" },
			SeverityError, RuleDate, "project", "approvals[0].date"},
		{"a countermeasure due date that is not a date is an error", func(p *Project) { cmNamed(p, "CM-MFA", szRemote).Due = "soon" },
			SeverityError, RuleDate, "countermeasure", "due"},
		{"a decision time that is not a time is an error", func(p *Project) { p.Decisions[0].At = "yesterday" },
			SeverityError, RuleDate, "decision", "at"},
		{"a technique ID that is not ATT&CK for ICS is an error", func(p *Project) { scenarioAt(p, 0).Techniques = []string{"T1566"} },
			SeverityError, RuleTechnique, "threat scenario", "techniques[0]"},
		{"a risk matrix with a missing cell is an error", func(p *Project) { p.Matrix.Cells = p.Matrix.Cells[1:] },
			SeverityError, RuleMatrix, "project", "riskMatrix.cells"},
		{"a risk matrix without likelihoods is an error", func(p *Project) { p.Matrix.Likelihoods = nil },
			SeverityError, RuleMatrix, "project", "riskMatrix.likelihoods"},
		{"an unknown tolerable level is an error", func(p *Project) { p.Matrix.Tolerable = "fine" },
			SeverityError, RuleEnum, "project", "riskMatrix.tolerable"},

		// Identity and names.
		{"an ID used by a zone and an asset is an error", func(p *Project) { assetNamed(p, plcFiltration).ID = p.Zones[3].ID },
			SeverityError, RuleDuplicateID, "asset", "id"},
		{"an ID used twice among scenarios is an error", func(p *Project) { p.Scenarios[1].ID = p.Scenarios[0].ID },
			SeverityError, RuleDuplicateID, "threat scenario", "id"},
		{"an empty ID is an error", func(p *Project) { p.Decisions[0].ID = "" },
			SeverityError, RuleMissingID, "decision", "id"},
		{"a zone without name is an error", func(p *Project) { p.Zones[0].Name = "  " },
			SeverityError, RuleEmptyName, "zone", "name"},
		{"an asset without name is an error", func(p *Project) { p.Assets[0].Name = "" },
			SeverityError, RuleEmptyName, "asset", "name"},
		{"a conduit without name is an error", func(p *Project) { p.Conduits[0].Name = "" },
			SeverityError, RuleEmptyName, "conduit", "name"},
		{"an actor without name is an error", func(p *Project) { p.Actors[0].Name = "" },
			SeverityError, RuleEmptyName, "threat actor", "name"},
		{"a scenario without name is an error", func(p *Project) { p.Scenarios[0].Name = "" },
			SeverityError, RuleEmptyName, "threat scenario", "name"},
		{"a project without name is an error", func(p *Project) { p.Name = "" },
			SeverityError, RuleEmptyName, "project", "name"},
		{"a countermeasure without measure ID is an error", func(p *Project) { p.Countermeasures[0].MeasureID = "" },
			SeverityError, RuleEmptyName, "countermeasure", "measureId"},

		// Justifications.
		{"a rejected countermeasure without reason is an error", func(p *Project) { cmNamed(p, "CM-NAC", szFiltration).Reason = "" },
			SeverityError, RuleRejectedReason, "countermeasure", "reason"},
		{"an override without justification is an error", func(p *Project) { zoneNamed(p, szSIS).SLTOverrides[0].Justification = " " },
			SeverityError, RuleJustification, "zone", "sltOverrides[0].justification"},
		{"a conduit override without justification is an error", func(p *Project) {
			p.Conduits[0].SLTOverrides = []SLOverride{{FR: FR5, SL: 3}}
		}, SeverityError, RuleJustification, "conduit", "sltOverrides[0].justification"},
		{"an accepted risk without note is an error", func(p *Project) {
			s := scenarioAt(p, 0)
			s.Treatment, s.TreatmentNote = TreatmentAccept, ""
		}, SeverityError, RuleTreatmentNote, "threat scenario", "treatmentNote"},

		// Zoning rules of IEC 62443-3-2 (warnings).
		{"business and control assets in one zone is a warning (ZCR 3.2)", func(p *Project) {
			assetNamed(p, erpAsset).ZoneID = sampleZoneID(szSCADA)
		}, SeverityWarning, RuleMixedFunctions, "zone", ""},
		{"a safety asset outside a safety zone is a warning (ZCR 3.3)", func(p *Project) {
			assetNamed(p, himaAsset).ZoneID = sampleZoneID(szDisinfect)
		}, SeverityWarning, RuleSafetyZone, "asset", "zoneId"},
		{"a control asset inside a safety zone is a warning (ZCR 3.3)", func(p *Project) {
			assetNamed(p, plcFiltration).ZoneID = sampleZoneID(szSIS)
		}, SeverityWarning, RuleSafetyZone, "asset", "zoneId"},
		{"a transient device among permanent assets is a warning (ZCR 3.4)", func(p *Project) {
			assetNamed(p, plcFiltration).Transient = true
		}, SeverityWarning, RuleTransientZone, "asset", "zoneId"},
		{"a wireless device among wired assets is a warning (ZCR 3.5)", func(p *Project) {
			assetNamed(p, plcFiltration).Exposure.Wireless = true
		}, SeverityWarning, RuleWirelessZone, "asset", "zoneId"},
		{"an externally reachable device in a control zone is a warning (ZCR 3.6)", func(p *Project) {
			assetNamed(p, plcFiltration).Exposure.ExternallyReachable = true
		}, SeverityWarning, RuleExternalZone, "asset", "zoneId"},
		{"a conduit from enterprise to control without DMZ is a warning", func(p *Project) {
			p.Conduits = append(p.Conduits, Conduit{ID: StableID("skip"), Name: "Shortcut", Type: ConduitRouted,
				ZoneIDs: []ID{sampleZoneID(szEnterprise), sampleZoneID(szFiltration)}})
		}, SeverityWarning, RulePurdueSkip, "conduit", "zoneIds"},
		{"a flow with protocol any is a warning", func(p *Project) { conduitNamed(p, scK05).Flows[0].Protocol = "ANY" },
			SeverityWarning, RuleLeastPrivilege, "conduit", "flows[0].protocol"},
		{"a flow on port any is a warning", func(p *Project) { conduitNamed(p, scK05).Flows[1].Port = "any" },
			SeverityWarning, RuleLeastPrivilege, "conduit", "flows[1].port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Sample()
			before := Validate(p)
			tt.edit(p)
			got := Validate(p)
			match := func(pr Problem) bool {
				return pr.Rule == tt.rule && pr.Severity == tt.sev && pr.Kind == tt.kind && strings.HasPrefix(pr.Field, tt.field)
			}
			if slices.ContainsFunc(before, match) {
				t.Fatalf("the unedited sample already has a %s %s problem", tt.sev, tt.rule)
			}
			if !slices.ContainsFunc(got, match) {
				t.Errorf("want a %s %s on a %s, field %q; got:\n%s", tt.sev, tt.rule, tt.kind, tt.field, joinProblems(got))
			}
		})
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{Severity: SeverityError, Rule: RuleRange, Kind: "zone", ObjectID: "3f9a1c2e-0000-0000-0000-000000000000",
		Object: "Cell 1", Field: "purdueLevel", Message: "7 is out of range, want 0..5"}
	want := `error: zone "Cell 1" (3f9a1c2e): field purdueLevel: 7 is out of range, want 0..5`
	if got := p.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, want := p.Key(), "out-of-range@3f9a1c2e-0000-0000-0000-000000000000#purdueLevel"; got != want {
		t.Errorf("key %s, want %s", got, want)
	}
	p.Field, p.ObjectID, p.Severity = "", "", SeverityWarning
	if got, want := p.String(), `warning: zone "Cell 1": 7 is out of range, want 0..5`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestValidateSortsErrorsFirstAndDeterministically(t *testing.T) {
	p := Sample()
	p.Zones[4].Name = ""
	p.Actors[0].Capability = 9
	conduitNamed(p, scK05).Flows[0].Port = "any"
	p.Assets[7].SLC[0] = 6
	first := Validate(p)
	// Shuffle the collections: the result must not change.
	slices.Reverse(p.Assets)
	slices.Reverse(p.Zones)
	slices.Reverse(p.Actors)
	second := Validate(p)
	if !reflect.DeepEqual(first, second) {
		t.Errorf("order depends on the collections' order:\n%s\nvs\n%s", joinProblems(first), joinProblems(second))
	}
	seenWarning := false
	for _, pr := range first {
		if pr.Severity == SeverityWarning {
			seenWarning = true
		} else if seenWarning {
			t.Fatalf("an error follows a warning:\n%s", joinProblems(first))
		}
	}
	if kinds := []string{first[0].Kind, first[1].Kind}; kinds[0] != "threat actor" || kinds[1] != "zone" {
		t.Errorf("want the threat actor before the zone, got %v", kinds)
	}
}

func TestValidateDeepZoneNestingTerminates(t *testing.T) {
	p := New("deep")
	const n = 10000
	for i := range n {
		z := Zone{ID: StableID("deep" + string(rune(i))), Name: "z", Type: ZoneControl, PurdueLevel: 1}
		if i > 0 {
			z.ParentID = p.Zones[i-1].ID
		}
		p.Zones = append(p.Zones, z)
	}
	p.Zones[0].ParentID = p.Zones[n-1].ID // one big cycle
	problems := Validate(p)
	cycles := 0
	for _, pr := range problems {
		if pr.Rule == RuleZoneCycle {
			cycles++
		}
	}
	if cycles != n {
		t.Errorf("found %d zones in the cycle, want %d", cycles, n)
	}
}

func TestProblemsOfHostileFilesStayOnOneLine(t *testing.T) {
	p := hostileSample()
	p.Assets[0].ZoneID = "line\nbreak\u202e"
	p.Assets[1].ID = "x\ny\rz\u202e-0000"
	p.Conduits[0].Flows[0].Protocol = "evil\nproto"
	p.Conduits[0].Flows[0].Port = "any"
	problems := Validate(p)
	if len(problems) < 3 {
		t.Fatalf("want problems, got:\n%s", joinProblems(problems))
	}
	for _, pr := range problems {
		s := pr.String()
		if strings.ContainsAny(s, "\n\r\u202e") {
			t.Errorf("problem spans lines or reorders text: %q", s)
		}
	}
}
