package templates

import (
	"fmt"

	"zonewise/model"
	"zonewise/risk"
)

// testPlant is a small water works for template tests. names may replace
// every object name (hostile-name tests); nil keeps the plain names.
func testPlant(name func(string) string) *model.Project {
	if name == nil {
		name = func(s string) string { return s }
	}
	p := model.New(name("Wasserwerk Süd"))
	p.ID = "p-1"
	p.Client = name("Stadtwerke Müßig GmbH")
	p.Site = name("Werk Süd, Ölhafenstraße 3")
	p.Author = name("A. Consultant")
	p.Date = "2026-11-26"
	p.SUC = model.SUC{
		Description: name("Drinking water treatment and distribution control system."),
		Scope:       name("Control system from the OT DMZ down to field devices."),
		Assumptions: []string{name("Physical access to the plant is controlled.")},
	}
	p.Approvals = []model.Approval{{Role: "Prepared", Name: name("A. Consultant")}, {Role: "Reviewed"}, {Role: "Approved"}}
	z := func(id, n string, t model.ZoneType, level float64) model.Zone {
		return model.Zone{ID: model.ID(id), Name: name(n), Type: t, PurdueLevel: level, Organisation: name("OT operations"),
			LogicalBoundary: name("VLAN 10"), PhysicalBoundary: name("Control room rack"), AccessPoints: []string{name("Firewall FW-1")}}
	}
	p.Zones = []model.Zone{
		z("z-ent", "Enterprise", model.ZoneEnterprise, 4),
		z("z-dmz", "OT DMZ", model.ZoneDMZ, 3.5),
		z("z-scada", "SCADA", model.ZoneSupervisory, 2),
		z("z-ctl", "Filtration control", model.ZoneControl, 1),
		z("z-sis", "Chlorination SIS", model.ZoneSafety, 1),
		z("z-ra", "Vendor remote access", model.ZoneRemoteAccess, 3.5),
	}
	p.Zones[4].SafetyDesignation = name("SIL 2")
	p.Zones[4].EssentialFunctions = []model.EssentialFunction{{Name: name("Chlorine overdose trip"), Kind: model.EssentialSafety, Intolerant: []model.Impact{model.ImpactLockout}}}
	p.Zones[3].SLTOverrides = []model.SLOverride{{FR: model.FR3, SL: 3, Justification: name("Integrity of dosing set points")}}
	p.Zones[2].Roles = []model.Role{{Name: name("Operator"), Privileges: name("operate"), Shared: true}}
	a := func(id, n string, c model.AssetClass, zone string, slc model.SLVector) model.Asset {
		return model.Asset{ID: model.ID(id), Name: name(n), Class: c, Function: model.FunctionControl, ZoneID: model.ID(zone),
			Vendor: name("Siemens"), Model: name("S7-1500"), Firmware: "2.9.4", Criticality: model.CriticalityHigh, SLC: slc,
			SLCSource: model.SLCVendor, SupplierSDL: model.SDLDeclared, FocusPoints: model.DefaultFocusPoints(c)}
	}
	p.Assets = []model.Asset{
		a("a-erp", "ERP server", model.ClassHost, "z-ent", model.SLVector{1, 1, 1, 1, 1, 1, 1}),
		a("a-hist", "Historian", model.ClassApplication, "z-dmz", model.SLVector{2, 2, 1, 1, 1, 1, 1}),
		a("a-hmi", "HMI 1", model.ClassHost, "z-scada", model.SLVector{1, 1, 1, 1, 1, 1, 1}),
		a("a-plc", "PLC Filter 1", model.ClassEmbedded, "z-ctl", model.SLVector{}),
		a("a-sis", "SIS controller", model.ClassEmbedded, "z-sis", model.SLVector{2, 2, 2, 2, 2, 2, 2}),
		a("a-fw", "FW-1", model.ClassNetwork, "z-dmz", model.SLVector{2, 2, 2, 2, 3, 2, 2}),
		a("a-jump", "Jump host", model.ClassHost, "z-ra", model.SLVector{2, 2, 2, 2, 2, 2, 2}),
	}
	// The PLC's SL-C is unknown: its zero vector is no capability of 0.
	p.Assets[3].SLCSource = model.SLCUnknown
	p.Assets[2].FocusPoints[0] = model.FocusPoint{Key: "patch-malware", Status: model.FocusPartial, Evidence: name("WSUS monthly")}
	p.Assets[2].Exposure.RemovableMedia = true
	c := func(id, n string, t model.ConduitType, zones ...string) model.Conduit {
		var ids []model.ID
		for _, z := range zones {
			ids = append(ids, model.ID(z))
		}
		return model.Conduit{ID: model.ID(id), Name: name(n), Type: t, ZoneIDs: ids}
	}
	p.Conduits = []model.Conduit{
		c("c-1", "Enterprise–DMZ", model.ConduitFirewall, "z-ent", "z-dmz"),
		c("c-2", "DMZ–SCADA", model.ConduitFirewall, "z-dmz", "z-scada"),
		c("c-3", "SCADA–Control", model.ConduitRouted, "z-scada", "z-ctl"),
		c("c-4", "Vendor VPN", model.ConduitVPN, "z-ra", "z-dmz"),
		c("c-5", "SIS link", model.ConduitSerial, "z-ctl", "z-sis"),
	}
	p.Conduits[1].Flows = []model.DataFlow{{Protocol: name("OPC UA"), Port: "4840", Transport: "TCP", From: "z-scada", To: "z-dmz", Initiator: "z-dmz", Purpose: name("Historian collection")}}
	p.Conduits[2].Flows = []model.DataFlow{{Protocol: "S7", Port: "any", Transport: "TCP", From: "z-scada", To: "z-ctl", Initiator: "z-scada", Bidirectional: true}}
	p.Conduits[3].Flows = []model.DataFlow{{Protocol: "RDP", Port: "3389", Transport: "TCP", From: "z-ra", To: "z-dmz", Initiator: "z-ra"}}
	p.Actors = []model.ThreatActor{
		{ID: "t-1", Name: name("Careless insider"), Capability: 1},
		{ID: "t-2", Name: name("Hacktivist"), Capability: 2},
		{ID: "t-3", Name: name("Organised crime"), Capability: 3},
	}
	p.Scenarios = []model.ThreatScenario{
		{ID: "s-1", Name: name("Ransomware via vendor VPN"), ActorID: "t-3", EntryPoint: name("Vendor VPN"), TargetKind: model.TargetZone, TargetID: "z-scada",
			FRs: []model.FR{model.FR1, model.FR2, model.FR7}, Likelihood: 3, Consequences: []model.Consequence{{Category: model.ConsequenceProduction, Level: 4}},
			Techniques: []string{"T0866", "T0822"}, Treatment: model.TreatmentMitigate, Countermeasures: []model.ID{"m-1"}},
		{ID: "s-2", Name: name("Set point tampering on PLC"), ActorID: "t-2", EntryPoint: name("SCADA network"), TargetKind: model.TargetAsset, TargetID: "a-plc",
			FRs: []model.FR{model.FR3}, Likelihood: 2, Consequences: []model.Consequence{{Category: model.ConsequenceSafety, Level: 5}}},
		{ID: "s-3", Name: name("Infected USB stick"), ActorID: "t-1", EntryPoint: name("HMI USB port"), TargetKind: model.TargetAsset, TargetID: "a-hmi",
			FRs: []model.FR{model.FR3}, Likelihood: 3, Consequences: []model.Consequence{{Category: model.ConsequenceProduction, Level: 2}}},
	}
	p.Countermeasures = []model.CountermeasureInstance{
		{ID: "m-1", MeasureID: "CM-JUMP-MFA", TargetKind: model.TargetConduit, TargetID: "c-4", Status: model.StatusAccepted, Owner: name("OT lead"), Due: "2027-03-31"},
		{ID: "m-2", MeasureID: "CM-FW-DENY", TargetKind: model.TargetConduit, TargetID: "c-3", Status: model.StatusRejected, Reason: name("Replaced by the SCADA migration")},
	}
	p.Decisions = []model.Decision{{ID: "d-1", At: "2026-11-20T10:00:00Z", By: name("Plant manager"), Subject: name("Vendor access"), Decision: name("Only through the jump host"), Rationale: name("Single audited path"), ObjectID: "c-4"}}
	return p
}

// testCatalog is a small catalogue with a few real identifiers and our own titles.
func testCatalog() *risk.Catalog {
	r := func(id string, fr model.FR, sl int, title string) risk.Requirement {
		return risk.Requirement{ID: id, FR: fr, MinSL: sl, Title: title, Standard: "IEC 62443-3-3:2013"}
	}
	return &risk.Catalog{
		System: []risk.Requirement{
			r("SR 1.1", model.FR1, 1, "Human user identification and authentication"),
			r("SR 1.1 RE 1", model.FR1, 2, "Unique identification and authentication"),
			r("SR 1.13", model.FR1, 1, "Access via untrusted networks"),
			r("SR 2.1", model.FR2, 1, "Authorization enforcement"),
			r("SR 3.1", model.FR3, 1, "Communication integrity"),
			r("SR 3.2", model.FR3, 1, "Malicious code protection"),
			r("SR 4.1", model.FR4, 1, "Information confidentiality"),
			r("SR 5.1", model.FR5, 1, "Network segmentation"),
			r("SR 5.1 RE 1", model.FR5, 2, "Physical network segmentation"),
			r("SR 6.1", model.FR6, 1, "Audit log accessibility"),
			r("SR 7.1", model.FR7, 1, "Denial of service protection"),
		},
		Component: []risk.Requirement{
			{ID: "CR 1.1", FR: model.FR1, MinSL: 1, Title: "Human user identification and authentication"},
			{ID: "EDR 3.10", FR: model.FR3, MinSL: 1, Title: "Support for updates", Class: model.ClassEmbedded},
			{ID: "HDR 3.2", FR: model.FR3, MinSL: 1, Title: "Protection from malicious code", Class: model.ClassHost},
		},
		Measures: []risk.Measure{
			{ID: "CM-JUMP-MFA", Name: "Jump host with MFA and session recording", Summary: "All interactive remote access through one hardened host.", Requirements: []string{"SR 1.13"}, Effort: 2},
			{ID: "CM-FW-DENY", Name: "Conduit firewall, deny by default", Summary: "Only listed flows pass.", Requirements: []string{"SR 5.1"}, Effort: 1},
			{ID: "CM-ALLOWLIST", Name: "Application allow-listing", Summary: "Only approved executables run.", Requirements: []string{"SR 3.2"}, Effort: 2},
		},
	}
}

// testResult is a hand-made assessment of testPlant consistent enough for
// template tests (the engine has its own tests).
func testResult(p *model.Project, cat *risk.Catalog) *risk.Result {
	slt := map[model.ID]model.SLVector{
		"z-ent": {1, 1, 1, 1, 1, 1, 1}, "z-dmz": {2, 2, 2, 1, 2, 2, 2}, "z-scada": {3, 2, 2, 1, 2, 2, 3},
		"z-ctl": {2, 2, 3, 1, 3, 2, 3}, "z-sis": {2, 2, 3, 1, 3, 2, 3}, "z-ra": {3, 2, 2, 2, 2, 2, 2},
	}
	var r risk.Result
	mkCells := func(v model.SLVector, why string) risk.Cells {
		var c risk.Cells
		for i, sl := range v {
			c[i] = risk.Cell{SL: sl, Reasons: []risk.Reason{{Rule: risk.RuleActorCapability, Text: fmt.Sprintf("%s FR%d", why, i+1)}}}
		}
		return c
	}
	for _, z := range p.Zones {
		t := slt[z.ID]
		slc := model.SLVector{4, 4, 4, 4, 4, 4, 4}
		n := 0
		for _, a := range p.Assets {
			if a.ZoneID == z.ID {
				slc, n = slc.Min(a.SLC), n+1
			}
		}
		if n == 0 {
			slc = model.SLVector{}
		}
		var ids []string
		for _, req := range cat.SelectSystem(t) {
			ids = append(ids, req.ID)
		}
		zr := risk.ZoneResult{ZoneID: z.ID, Name: z.Name, SLT: mkCells(t, "Scenario "+p.Scenarios[0].Name), SLC: mkCells(slc, "weakest asset"), SLA: mkCells(slc, "capability"), Gap: t.Gap(slc), Requirements: ids}
		unknown := false
		for _, a := range p.Assets {
			unknown = unknown || (a.ZoneID == z.ID && a.SLCSource == model.SLCUnknown)
		}
		for i := range zr.SLC {
			zr.SLC[i].Unknown = unknown
		}
		// A requirement is met by capability where the zone's known SL-C
		// reaches its level; otherwise it is a gap, which no library measure
		// closes on FR3.
		for _, req := range cat.SelectSystem(t) {
			st := risk.RequirementStatus{ID: req.ID, FR: req.FR, Level: req.MinSL, State: risk.StateGap, Reason: "not met", Closable: req.FR != model.FR3}
			if !unknown && slc.Get(req.FR) >= req.MinSL {
				st = risk.RequirementStatus{ID: req.ID, FR: req.FR, Level: req.MinSL, State: risk.StateMet, MetBy: risk.MetByCapability, Reason: "every asset reaches it"}
			}
			zr.RequirementStatus = append(zr.RequirementStatus, st)
		}
		if z.ID == "z-ctl" {
			zr.SLT[2].Overridden = true
		}
		r.Zones = append(r.Zones, zr)
		for _, a := range p.Assets {
			if a.ZoneID == z.ID {
				var cids []string
				for _, req := range cat.SelectComponent(t, a.Class) {
					cids = append(cids, req.ID)
				}
				r.Assets = append(r.Assets, risk.AssetResult{AssetID: a.ID, Name: a.Name, ZoneID: z.ID, SLT: t, SLC: a.SLC, SLCUnknown: a.SLCSource == model.SLCUnknown, Gap: t.Gap(a.SLC), Requirements: cids})
			}
		}
	}
	for _, c := range p.Conduits {
		var t model.SLVector
		for _, zid := range c.ZoneIDs {
			t = t.Max(slt[zid])
		}
		cr := risk.ConduitResult{ConduitID: c.ID, Name: c.Name, SLT: mkCells(t, "zones"), SLA: mkCells(model.SLVector{1, 1, 1, 1, 2, 1, 1}, "fw"), Gap: t.Gap(model.SLVector{1, 1, 1, 1, 2, 1, 1})}
		// On conduits SR 1.13 is not applicable, FR5 up to SL 2 is met by the
		// firewall measure, everything else is a gap a library measure closes.
		for _, req := range cat.SelectSystem(t) {
			st := risk.RequirementStatus{ID: req.ID, FR: req.FR, Level: req.MinSL, State: risk.StateGap, Reason: "not met", Closable: true}
			switch {
			case req.ID == "SR 1.13":
				st = risk.RequirementStatus{ID: req.ID, FR: req.FR, Level: req.MinSL, State: risk.StateNotApplicable, Reason: "it does not leave the plant network"}
			case req.FR == model.FR5 && req.MinSL <= 2:
				st = risk.RequirementStatus{ID: req.ID, FR: req.FR, Level: req.MinSL, State: risk.StateMet, MetBy: risk.MetByCountermeasure, Measures: []string{"CM-FW-DENY"}, Reason: "implemented"}
			}
			cr.Requirements = append(cr.Requirements, req.ID)
			cr.RequirementStatus = append(cr.RequirementStatus, st)
		}
		for _, f := range c.Flows {
			if f.Port == "any" {
				cr.Findings = append(cr.Findings, fmt.Sprintf("flow %s allows any port", f.Protocol))
			}
		}
		r.Conduits = append(r.Conduits, cr)
	}
	for _, s := range p.Scenarios {
		lv := p.Matrix.Level(s.Likelihood, s.Consequences[0].Level)
		sr := risk.ScenarioResult{ScenarioID: s.ID, Name: s.Name, Likelihood: s.Likelihood, Consequence: s.Consequences[0].Level, Category: s.Consequences[0].Category,
			Unmitigated: lv, Tolerable: p.Matrix.IsTolerable(lv), ResidualLikelihood: s.Likelihood, ResidualConsequence: s.Consequences[0].Level, Residual: lv, ResidualTolerable: p.Matrix.IsTolerable(lv)}
		if len(s.Countermeasures) > 0 {
			sr.ResidualLikelihood = 1
			sr.Residual = p.Matrix.Level(1, sr.Consequence)
			sr.ResidualTolerable = p.Matrix.IsTolerable(sr.Residual)
			sr.Mitigations = s.Countermeasures
		}
		// The fixture's measures are all accepted, none implemented: the
		// current residual is the unmitigated risk, the target the residual.
		sr.Current = risk.Residual{Likelihood: s.Likelihood, Consequence: sr.Consequence, Level: lv, Tolerable: sr.Tolerable}
		sr.Target = risk.Residual{Likelihood: sr.ResidualLikelihood, Consequence: sr.Consequence, Level: sr.Residual, Tolerable: sr.ResidualTolerable}
		r.Scenarios = append(r.Scenarios, sr)
	}
	r.Proposals = []risk.Proposal{
		{ID: "CM-JUMP-MFA@c-4", MeasureID: "CM-JUMP-MFA", TargetKind: model.TargetConduit, TargetID: "c-4", Closes: []risk.GapClose{{FR: model.FR1, Need: 3}}, Effort: 2, Score: 3, Rank: 1, InstanceID: "m-1", Status: model.StatusAccepted},
		{ID: "CM-ALLOWLIST@z-scada", MeasureID: "CM-ALLOWLIST", TargetKind: model.TargetZone, TargetID: "z-scada", Closes: []risk.GapClose{{FR: model.FR3, Need: 2}}, Effort: 2, Score: 2, Rank: 2},
		{ID: "CM-FW-DENY@c-3", MeasureID: "CM-FW-DENY", TargetKind: model.TargetConduit, TargetID: "c-3", Closes: []risk.GapClose{{FR: model.FR5, Need: 3}}, Effort: 1, Score: 1, Rank: 3, InstanceID: "m-2", Status: model.StatusRejected},
	}
	r.Exclusions = []risk.Exclusion{{MeasureID: "CM-LOCKOUT", TargetKind: model.TargetZone, TargetID: "z-sis", EssentialFunction: p.Zones[4].EssentialFunctions[0].Name, Impact: model.ImpactLockout, Reason: "account lock-out on the SIS engineering station could block a trip reset"}}
	return &r
}
