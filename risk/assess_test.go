package risk

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"zonewise/model"
)

func zoneRes(t *testing.T, r *Result, key string) *ZoneResult {
	t.Helper()
	for i := range r.Zones {
		if r.Zones[i].ZoneID == zid(key) {
			return &r.Zones[i]
		}
	}
	t.Fatalf("no zone result for %s", key)
	return nil
}

func conduitRes(t *testing.T, r *Result, key string) *ConduitResult {
	t.Helper()
	for i := range r.Conduits {
		if r.Conduits[i].ConduitID == cid(key) {
			return &r.Conduits[i]
		}
	}
	t.Fatalf("no conduit result for %s", key)
	return nil
}

func scenarioRes(t *testing.T, r *Result, key string) *ScenarioResult {
	t.Helper()
	for i := range r.Scenarios {
		if r.Scenarios[i].ScenarioID == sid(key) {
			return &r.Scenarios[i]
		}
	}
	t.Fatalf("no scenario result for %s", key)
	return nil
}

func hasRule(c Cell, rule string) bool {
	return slices.ContainsFunc(c.Reasons, func(r Reason) bool { return r.Rule == rule })
}

func TestUnmitigatedRisk(t *testing.T) {
	tests := []struct {
		name         string
		likelihood   int
		cons         []model.Consequence
		emptyMatrix  bool
		wantL, wantC int
		wantCat      model.ConsequenceCategory
		want         model.RiskLevel
		tolerable    bool
	}{
		{"a likely major event is high and intolerable", 4, []model.Consequence{{Category: model.ConsequenceProduction, Level: 4}}, false, 4, 4, model.ConsequenceProduction, model.RiskCritical, false},
		{"a rare negligible event is low and tolerable", 1, []model.Consequence{{Category: model.ConsequenceFinancial, Level: 1}}, false, 1, 1, model.ConsequenceFinancial, model.RiskLow, true},
		{"the worst category decides the consequence", 2, []model.Consequence{{Category: model.ConsequenceFinancial, Level: 2}, {Category: model.ConsequenceEnvironment, Level: 5}}, false, 2, 5, model.ConsequenceEnvironment, model.RiskHigh, false},
		{"equal levels prefer health and safety", 2, []model.Consequence{{Category: model.ConsequenceFinancial, Level: 2}, {Category: model.ConsequenceSafety, Level: 2}}, false, 2, 2, model.ConsequenceSafety, model.RiskMedium, true},
		{"a scenario without consequences counts as the lowest level", 3, nil, false, 3, 1, "", model.RiskLow, true},
		{"a likelihood above the scale is clamped", 9, []model.Consequence{{Category: model.ConsequenceSafety, Level: 3}}, false, 5, 3, model.ConsequenceSafety, model.RiskCritical, false},
		{"a project without matrix cells uses the default matrix", 3, []model.Consequence{{Category: model.ConsequenceSafety, Level: 3}}, true, 3, 3, model.ConsequenceSafety, model.RiskHigh, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBuilder()
			b.zone("Z", model.ZoneControl)
			b.actor("A", 2)
			s := b.scenario("S", "A", model.TargetZone, "Z", tt.likelihood, 1)
			s.Consequences = tt.cons
			if tt.emptyMatrix {
				b.p.Matrix = model.RiskMatrix{Tolerable: model.RiskMedium}
			}
			r := scenarioRes(t, Assess(b.p, testCatalog()), "S")
			if r.Likelihood != tt.wantL || r.Consequence != tt.wantC || r.Category != tt.wantCat || r.Unmitigated != tt.want || r.Tolerable != tt.tolerable {
				t.Errorf("got L%d C%d %q %s tolerable=%v, want L%d C%d %q %s tolerable=%v",
					r.Likelihood, r.Consequence, r.Category, r.Unmitigated, r.Tolerable, tt.wantL, tt.wantC, tt.wantCat, tt.want, tt.tolerable)
			}
			if len(r.Reasons) == 0 || r.Reasons[0].Rule != RuleMatrix {
				t.Errorf("first reason = %+v, want the risk-matrix rule", r.Reasons)
			}
		})
	}
}

func TestZoneSLT(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(b *builder)
		zone   string
		want   model.SLVector
		rule   map[model.FR]string // expected rule among the reasons of some FRs
		overOK bool
	}{
		{"an intolerable scenario sets its FRs to the actor's capability", func(b *builder) {}, "Control",
			v(2, 2, 2, 1, 1, 1, 2), map[model.FR]string{model.FR1: RuleActorCapability, model.FR4: RuleInScopeMinimum}, false},
		{"a scenario on an asset counts for the asset's zone", func(b *builder) {}, "SIS",
			v(2, 2, 4, 1, 1, 1, 4), map[model.FR]string{model.FR3: RuleActorCapability, model.FR1: RuleSafetyZone}, false},
		{"a tolerable scenario does not raise SL-T", func(b *builder) {}, "Enterprise",
			v(1, 1, 1, 1, 1, 1, 1), map[model.FR]string{model.FR4: RuleInScopeMinimum}, false},
		{"a zone without scenarios gets the in-scope minimum", func(b *builder) {}, "DMZ",
			v(1, 1, 1, 1, 1, 1, 1), map[model.FR]string{model.FR1: RuleInScopeMinimum}, false},
		{"a not-applicable FR is 0", func(b *builder) { b.p.NotApplicable = []model.FR{model.FR4} }, "Control",
			v(2, 2, 2, 0, 1, 1, 2), map[model.FR]string{model.FR4: RuleNotApplicable}, false},
		{"an out-of-scope zone is 0 everywhere", func(b *builder) { b.z("Control").OutOfScope = true }, "Control",
			v(0, 0, 0, 0, 0, 0, 0), map[model.FR]string{model.FR1: RuleOutOfScope}, false},
		{"an override replaces the derived value", func(b *builder) {
			b.z("Control").SLTOverrides = []model.SLOverride{{FR: model.FR4, SL: 3, Justification: "recipes are confidential"}}
		}, "Control", v(2, 2, 2, 3, 1, 1, 2), map[model.FR]string{model.FR4: RuleOverride}, true},
		{"a child zone inherits its parent's SL-T", func(b *builder) {
			b.zone("Cell 1", model.ZoneControl).ParentID = zid("Control")
		}, "Cell 1", v(2, 2, 2, 1, 1, 1, 2), map[model.FR]string{model.FR1: RuleParentZone}, false},
		{"a scenario on a child zone does not raise the parent", func(b *builder) {
			b.zone("Cell 1", model.ZoneControl).ParentID = zid("DMZ")
			b.scenario("Cell attack", "APT", model.TargetZone, "Cell 1", 5, 5, model.FR1)
		}, "DMZ", v(1, 1, 1, 1, 1, 1, 1), nil, false},
		{"the risk-level method maps critical to 4 and high to 3", func(b *builder) { b.p.Method = model.MethodRiskLevel }, "Control",
			v(3, 3, 3, 1, 1, 1, 3), map[model.FR]string{model.FR1: RuleRiskLevel}, false},
		{"the risk-level method, like the actor method, leaves tolerable scenarios out", func(b *builder) { b.p.Method = model.MethodRiskLevel }, "Enterprise",
			v(1, 1, 1, 1, 1, 1, 1), map[model.FR]string{model.FR4: RuleInScopeMinimum}, false},
		{"a safety zone is not below a control zone it connects to, on any FR", func(b *builder) {
			b.p.Scenarios = slices.DeleteFunc(b.p.Scenarios, func(s model.ThreatScenario) bool { return s.Name == "SIS trip" })
		}, "SIS", v(2, 2, 2, 1, 1, 1, 2), map[model.FR]string{model.FR3: RuleSafetyZone, model.FR7: RuleSafetyZone, model.FR1: RuleSafetyZone}, false},
		{"a safety zone is not lifted by a control zone it does not connect to", func(b *builder) {
			b.p.Scenarios = slices.DeleteFunc(b.p.Scenarios, func(s model.ThreatScenario) bool { return s.Name == "SIS trip" })
			b.p.Conduits = slices.DeleteFunc(b.p.Conduits, func(c model.Conduit) bool { return c.Name == "C-CTL-SIS" })
		}, "SIS", v(1, 1, 1, 1, 1, 1, 1), map[model.FR]string{model.FR1: RuleInScopeMinimum}, false},
		{"a parent cycle is cut instead of looping", func(b *builder) {
			b.z("DMZ").ParentID = zid("Enterprise")
			b.z("Enterprise").ParentID = zid("DMZ")
		}, "DMZ", v(1, 1, 1, 1, 1, 1, 1), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := plantA()
			tt.setup(b)
			z := zoneRes(t, Assess(b.p, testCatalog()), tt.zone)
			if got := z.SLT.Vector(); got != tt.want {
				t.Errorf("SL-T = %v, want %v", got, tt.want)
			}
			for f, rule := range tt.rule {
				if !hasRule(z.SLT[f-1], rule) {
					t.Errorf("%s reasons %+v lack rule %s", f, z.SLT[f-1].Reasons, rule)
				}
			}
			overridden := slices.ContainsFunc(z.SLT[:], func(c Cell) bool { return c.Overridden })
			if overridden != tt.overOK {
				t.Errorf("overridden = %v, want %v", overridden, tt.overOK)
			}
		})
	}
}

func TestConduitSLT(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(b *builder)
		conduit string
		want    model.SLVector
		rule    map[model.FR]string
	}{
		{"a conduit takes the highest SL-T of its zones", func(b *builder) {}, "C-CTL-SIS",
			v(2, 2, 4, 1, 1, 1, 4), map[model.FR]string{model.FR1: RuleConduitZones, model.FR3: RuleConduitZones}},
		{"a scenario on the conduit raises it", func(b *builder) {}, "C-DMZ-CTL",
			v(2, 2, 2, 1, 2, 1, 2), map[model.FR]string{model.FR5: RuleConduitScenario}},
		{"a conduit override replaces the derived value", func(b *builder) {
			b.c("C-ENT-DMZ").SLTOverrides = []model.SLOverride{{FR: model.FR5, SL: 3, Justification: "internet-facing"}}
		}, "C-ENT-DMZ", v(1, 1, 1, 1, 3, 1, 1), map[model.FR]string{model.FR5: RuleOverride}},
		{"a conduit between out-of-scope zones is 0", func(b *builder) {
			b.z("Enterprise").OutOfScope = true
			b.z("DMZ").OutOfScope = true
		}, "C-ENT-DMZ", v(0, 0, 0, 0, 0, 0, 0), map[model.FR]string{model.FR1: RuleOutOfScope}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := plantA()
			tt.setup(b)
			c := conduitRes(t, Assess(b.p, testCatalog()), tt.conduit)
			if got := c.SLT.Vector(); got != tt.want {
				t.Errorf("SL-T = %v, want %v", got, tt.want)
			}
			for f, rule := range tt.rule {
				if !hasRule(c.SLT[f-1], rule) {
					t.Errorf("%s reasons %+v lack rule %s", f, c.SLT[f-1].Reasons, rule)
				}
			}
		})
	}
}

func TestRequirements(t *testing.T) {
	b := plantA()
	cat := testCatalog()
	r := Assess(b.p, cat)
	t.Run("a zone's requirements are those its SL-T selects", func(t *testing.T) {
		z := zoneRes(t, r, "Control")
		want := []string{"SR 1.1", "SR 1.1 RE 1", "SR 2.1", "SR 2.1 RE 1", "SR 3.1", "SR 3.1 RE 1", "SR 4.1", "SR 5.1", "SR 6.1", "SR 7.3", "SR 7.3 RE 1"}
		if !slices.Equal(z.Requirements, want) {
			t.Errorf("requirements = %v, want %v", z.Requirements, want)
		}
	})
	t.Run("a conduit's requirements are those its SL-T selects", func(t *testing.T) {
		c := conduitRes(t, r, "C-DMZ-CTL")
		want := []string{"SR 1.1", "SR 1.1 RE 1", "SR 2.1", "SR 2.1 RE 1", "SR 3.1", "SR 3.1 RE 1", "SR 4.1", "SR 5.1", "SR 5.1 RE 1", "SR 6.1", "SR 7.3", "SR 7.3 RE 1"}
		if !slices.Equal(c.Requirements, want) {
			t.Errorf("requirements = %v, want %v", c.Requirements, want)
		}
	})
	t.Run("an asset gets the common and its own class's component requirements", func(t *testing.T) {
		for _, a := range r.Assets {
			switch a.AssetID {
			case aid("PLC-1"):
				if want := []string{"CR 1.1", "CR 1.1 RE 1", "EDR 3.10"}; !slices.Equal(a.Requirements, want) {
					t.Errorf("PLC requirements = %v, want %v", a.Requirements, want)
				}
				if a.SLT != v(2, 2, 2, 1, 1, 1, 2) || a.Gap != v(1, 1, 0, 0, 0, 0, 0) {
					t.Errorf("PLC SL-T %v gap %v", a.SLT, a.Gap)
				}
			case aid("HMI-1"):
				if want := []string{"CR 1.1", "CR 1.1 RE 1", "HDR 3.2"}; !slices.Equal(a.Requirements, want) {
					t.Errorf("HMI requirements = %v, want %v", a.Requirements, want)
				}
			}
		}
	})
}

func TestSLCAndSLA(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(b *builder)
		zone    string
		slc     model.SLVector
		sla     model.SLVector
		gap     model.SLVector
		slaRule map[model.FR]string
	}{
		{"SL-C is the weakest asset per FR", func(b *builder) {}, "Control",
			v(1, 1, 1, 1, 1, 1, 1), v(1, 1, 1, 1, 1, 1, 1), v(1, 1, 1, 0, 0, 0, 1), map[model.FR]string{model.FR1: RuleRequirements}},
		{"a zone without assets has SL-C 0", func(b *builder) {}, "DMZ",
			v(0, 0, 0, 0, 0, 0, 0), v(0, 0, 0, 0, 0, 0, 0), v(1, 1, 1, 1, 1, 1, 1), map[model.FR]string{model.FR1: RuleRequirements}},
		{"an implemented measure on the zone meets the requirements it lists, and no others", func(b *builder) {
			b.instance("mfa", "CM-MFA", model.TargetZone, "Control", model.StatusImplemented)
		}, "Control", v(1, 1, 1, 1, 1, 1, 1), v(3, 4, 1, 1, 1, 1, 1), v(0, 0, 1, 0, 0, 0, 1), map[model.FR]string{model.FR1: RuleRequirements}},
		{"an accepted measure gives no credit and says so", func(b *builder) {
			b.instance("mfa", "CM-MFA", model.TargetZone, "Control", model.StatusAccepted)
		}, "Control", v(1, 1, 1, 1, 1, 1, 1), v(1, 1, 1, 1, 1, 1, 1), v(1, 1, 1, 0, 0, 0, 1), map[model.FR]string{model.FR1: RulePlanned}},
		{"measures on every asset meet what they list on every asset", func(b *builder) {
			b.instance("allow-plc", "CM-ALLOW", model.TargetAsset, "PLC-1", model.StatusImplemented)
			b.instance("allow-hmi", "CM-ALLOW", model.TargetAsset, "HMI-1", model.StatusImplemented)
		}, "Control", v(1, 1, 1, 1, 1, 1, 1), v(1, 1, 4, 1, 1, 1, 1), v(1, 1, 0, 0, 0, 0, 1), map[model.FR]string{model.FR3: RuleRequirements}},
		{"a measure on one asset leaves the weakest asset as it was", func(b *builder) {
			b.instance("allow-plc", "CM-ALLOW", model.TargetAsset, "PLC-1", model.StatusImplemented)
		}, "Control", v(1, 1, 1, 1, 1, 1, 1), v(1, 1, 1, 1, 1, 1, 1), v(1, 1, 1, 0, 0, 0, 1), nil},
		{"a measure on every conduit of a zone credits its boundary", func(b *builder) {
			b.instance("fw1", "CM-FW", model.TargetConduit, "C-ENT-DMZ", model.StatusImplemented)
			b.instance("fw2", "CM-FW", model.TargetConduit, "C-DMZ-CTL", model.StatusImplemented)
		}, "DMZ", v(0, 0, 0, 0, 0, 0, 0), v(0, 0, 0, 0, 4, 0, 0), v(1, 1, 1, 1, 0, 1, 1), map[model.FR]string{model.FR5: RuleRequirements}},
		// CM-MON lists SR 6.1 and SR 6.2. On the boundary it meets SR 6.2, a
		// requirement on the channel, but not SR 6.1, audit log access, which
		// is the zone's (step 5b): FR6 stays at 0 for the SL 1 gap on SR 6.1.
		{"a measure on every conduit of a zone does not meet a requirement on the zone's devices", func(b *builder) {
			b.instance("mon1", "CM-MON", model.TargetConduit, "C-ENT-DMZ", model.StatusImplemented)
			b.instance("mon2", "CM-MON", model.TargetConduit, "C-DMZ-CTL", model.StatusImplemented)
		}, "DMZ", v(0, 0, 0, 0, 0, 0, 0), v(0, 0, 0, 0, 0, 0, 0), v(1, 1, 1, 1, 1, 1, 1), nil},
		{"a measure on some conduits of a zone does not credit it", func(b *builder) {
			b.instance("fw1", "CM-FW", model.TargetConduit, "C-ENT-DMZ", model.StatusImplemented)
		}, "DMZ", v(0, 0, 0, 0, 0, 0, 0), v(0, 0, 0, 0, 0, 0, 0), v(1, 1, 1, 1, 1, 1, 1), nil},
		{"an instance of an unknown measure is not credited", func(b *builder) {
			b.instance("x", "CM-NOPE", model.TargetZone, "Control", model.StatusImplemented)
		}, "Control", v(1, 1, 1, 1, 1, 1, 1), v(1, 1, 1, 1, 1, 1, 1), v(1, 1, 1, 0, 0, 0, 1), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := plantA()
			tt.setup(b)
			z := zoneRes(t, Assess(b.p, testCatalog()), tt.zone)
			if z.SLC.Vector() != tt.slc || z.SLA.Vector() != tt.sla || z.Gap != tt.gap {
				t.Errorf("SL-C %v SL-A %v gap %v, want %v %v %v", z.SLC.Vector(), z.SLA.Vector(), z.Gap, tt.slc, tt.sla, tt.gap)
			}
			for f, rule := range tt.slaRule {
				if !hasRule(z.SLA[f-1], rule) {
					t.Errorf("%s SL-A reasons %+v lack rule %s", f, z.SLA[f-1].Reasons, rule)
				}
			}
		})
	}
	t.Run("a conduit's SL-A comes from its own implemented measures", func(t *testing.T) {
		b := plantA()
		b.instance("fw", "CM-FW", model.TargetConduit, "C-DMZ-CTL", model.StatusImplemented)
		c := conduitRes(t, Assess(b.p, testCatalog()), "C-DMZ-CTL")
		// SL-T 2,2,2,1,2,1,2. FR5: CM-FW meets SR 5.1 and RE 1, SL-A 4.
		// FR6 and FR7: SR 6.1 and SR 7.3 (RE 1) are the zones' (step 5b),
		// not applicable here; nothing else of FR7 is in the catalogue, so
		// FR7 is reached at every level (SL-A 4), and FR6 up to the gap on
		// SR 6.2 at SL 2 (SL-A 1, which meets the SL-T 1).
		if c.SLA.Vector() != v(0, 0, 0, 0, 4, 1, 4) || c.Gap != v(2, 2, 2, 1, 0, 0, 0) {
			t.Errorf("SL-A %v gap %v", c.SLA.Vector(), c.Gap)
		}
	})
	t.Run("the weakest-asset reason names the asset", func(t *testing.T) {
		z := zoneRes(t, Assess(plantA().p, testCatalog()), "Control")
		if r := z.SLC[0].Reasons[0]; r.ObjectID != aid("PLC-1") || !strings.Contains(r.Text, "PLC-1") {
			t.Errorf("FR1 SL-C reason = %+v, want PLC-1", r)
		}
	})
}

func TestProposals(t *testing.T) {
	// The SIS needs FR1 3: only CM-MFA reaches it, and it locks accounts out.
	sisFR1 := func(b *builder) {
		b.z("SIS").SLTOverrides = []model.SLOverride{{FR: model.FR1, SL: 3, Justification: "engineering access is the main path"}}
	}
	t.Run("a measure conflicting with an essential function is excluded with a plain reason", func(t *testing.T) {
		b := plantA()
		sisFR1(b)
		r := Assess(b.p, testCatalog())
		for _, p := range r.Proposals {
			if p.TargetID == zid("SIS") && p.MeasureID == "CM-MFA" {
				t.Fatalf("CM-MFA proposed on the SIS: %+v", p)
			}
		}
		i := slices.IndexFunc(r.Exclusions, func(e Exclusion) bool { return e.TargetID == zid("SIS") && e.MeasureID == "CM-MFA" })
		if i < 0 {
			t.Fatalf("no exclusion of CM-MFA on the SIS in %+v", r.Exclusions)
		}
		e := r.Exclusions[i]
		want := "CM-MFA (Multi-factor authentication) would cause account lock-out, which essential function 'Emergency shutdown' of zone 'SIS' cannot tolerate"
		if e.Reason != want || e.Impact != model.ImpactLockout || e.EssentialFunction != "Emergency shutdown" {
			t.Errorf("exclusion = %+v\nwant reason %q", e, want)
		}
	})
	t.Run("a conduit respects the essential functions of the zones it connects", func(t *testing.T) {
		b := plantA()
		b.z("SIS").EssentialFunctions[0].Intolerant = append(b.z("SIS").EssentialFunctions[0].Intolerant, model.ImpactBlocking)
		r := Assess(b.p, testCatalog())
		for _, p := range r.Proposals {
			if p.TargetID == cid("C-CTL-SIS") && p.MeasureID == "CM-FW" {
				t.Fatalf("CM-FW proposed on the SIS conduit: %+v", p)
			}
		}
	})
	t.Run("proposals are numbered and identified by measure and target", func(t *testing.T) {
		r := Assess(plantA().p, testCatalog())
		if len(r.Proposals) == 0 {
			t.Fatal("no proposals")
		}
		for i, p := range r.Proposals {
			if p.Rank != i+1 || p.ID != p.MeasureID+"@"+string(p.TargetID) || len(p.Closes) == 0 {
				t.Errorf("proposal %d = %+v", i, p)
			}
		}
	})
	t.Run("the cover comes first and closes every closable gap", func(t *testing.T) {
		r := Assess(plantA().p, testCatalog())
		seenAlt := false
		closed := map[string]bool{}
		for _, p := range r.Proposals {
			if !p.Cover {
				seenAlt = true
				continue
			}
			if seenAlt {
				t.Fatalf("cover proposal %s after an alternative", p.ID)
			}
			for _, g := range p.Closes {
				closed[string(p.TargetID)+g.FR.String()] = true
			}
		}
		for _, p := range r.Proposals {
			for _, g := range p.Closes {
				if !closed[string(p.TargetID)+g.FR.String()] {
					t.Errorf("gap %s on %s is closable by %s but not covered", g.FR, p.TargetID.Short(), p.MeasureID)
				}
			}
		}
	})
	t.Run("the cheaper measure closing the same gaps ranks first", func(t *testing.T) {
		r := Assess(plantA().p, testCatalog())
		// DMZ FR6: CM-MON (effort 1) and CM-SCAN (effort 1, but also FR3 2) both apply; CM-MON closes FR3 too at need 1.
		rank := map[string]int{}
		for _, p := range r.Proposals {
			rank[p.ID] = p.Rank
		}
		backup, patch := rank["CM-BACKUP@"+string(zid("Control"))], rank["CM-PATCH@"+string(zid("Control"))]
		if backup == 0 || patch == 0 || backup > patch {
			t.Errorf("CM-BACKUP rank %d, CM-PATCH rank %d: want backup (effort 1) before patch (effort 3)", backup, patch)
		}
	})
	t.Run("each gap keeps a few listed alternatives, not the whole library", func(t *testing.T) {
		// copiedCatalog holds every test measure several times under other
		// IDs, so every covered gap has alternatives to list.
		r := Assess(plantA().p, copiedCatalog())
		type key struct {
			target model.ID
			fr     model.FR
		}
		covered, alts := map[key]bool{}, map[key]int{}
		perTarget := map[model.ID]int{}
		for _, p := range r.Proposals {
			for _, g := range p.Closes {
				if p.Cover {
					covered[key{p.TargetID, g.FR}] = true
				} else {
					alts[key{p.TargetID, g.FR}]++
				}
			}
			if !p.Cover {
				perTarget[p.TargetID]++
			}
		}
		for k := range covered {
			if alts[k] == 0 {
				t.Errorf("gap %s on %s has no listed alternative", k.fr, k.target.Short())
			}
		}
		for id, n := range perTarget {
			if n > 7*AlternativesPerGap {
				t.Errorf("%d alternatives on %s, want at most %d", n, id.Short(), 7*AlternativesPerGap)
			}
		}
	})
	t.Run("a rejected measure is not proposed again", func(t *testing.T) {
		b := plantA()
		b.instance("no-backup", "CM-BACKUP", model.TargetZone, "Control", model.StatusRejected)
		for _, p := range Assess(b.p, testCatalog()).Proposals {
			if p.ID == "CM-BACKUP@"+string(zid("Control")) {
				t.Fatalf("rejected measure proposed again: %+v", p)
			}
		}
	})
	t.Run("an accepted instance carries its ID and status", func(t *testing.T) {
		b := plantA()
		id := b.instance("backup", "CM-BACKUP", model.TargetZone, "Control", model.StatusAccepted)
		for _, p := range Assess(b.p, testCatalog()).Proposals {
			if p.ID == "CM-BACKUP@"+string(zid("Control")) {
				if p.InstanceID != id || p.Status != model.StatusAccepted {
					t.Errorf("proposal = %+v, want instance %s accepted", p, id)
				}
				return
			}
		}
		t.Fatal("accepted measure not listed")
	})
	t.Run("a zone-type filter keeps a measure off other zones", func(t *testing.T) {
		for _, p := range Assess(plantA().p, testCatalog()).Proposals {
			if p.MeasureID == "CM-SEG" && p.TargetID == zid("DMZ") {
				t.Errorf("CM-SEG (control and safety only) proposed on the DMZ")
			}
		}
	})
}

func TestResidual(t *testing.T) {
	tests := []struct {
		name  string
		setup func(b *builder)
		scen  string
		wantL int
		want  model.RiskLevel
		tol   bool
		mits  int
	}{
		{"without countermeasures residual equals unmitigated", func(b *builder) {}, "Ransomware", 3, model.RiskHigh, false, 0},
		{"each credited measure lowers the likelihood one step", func(b *builder) {
			b.instance("backup", "CM-BACKUP", model.TargetZone, "Control", model.StatusAccepted)
			b.instance("mfa", "CM-MFA", model.TargetZone, "Control", model.StatusImplemented)
		}, "Ransomware", 1, model.RiskMedium, true, 2},
		{"a proposed or rejected measure is not credited", func(b *builder) {
			b.instance("backup", "CM-BACKUP", model.TargetZone, "Control", model.StatusProposed)
			b.instance("mfa", "CM-MFA", model.TargetZone, "Control", model.StatusRejected)
		}, "Ransomware", 3, model.RiskHigh, false, 0},
		{"a measure for other FRs is not credited unless linked", func(b *builder) {
			b.instance("enc", "CM-ENC", model.TargetZone, "Control", model.StatusImplemented)
		}, "Ransomware", 3, model.RiskHigh, false, 0},
		{"a linked measure elsewhere in the plant, off the attack path, is not credited", func(b *builder) {
			id := b.instance("enc", "CM-ENC", model.TargetZone, "Enterprise", model.StatusImplemented)
			b.p.Scenarios[1].Countermeasures = []model.ID{id} // Ransomware
		}, "Ransomware", 3, model.RiskHigh, false, 0},
		{"a measure on the attack path is credited", func(b *builder) {
			b.p.Scenarios[1].EntryKind, b.p.Scenarios[1].EntryZoneID = model.EntryZone, zid("Enterprise")
			b.instance("mfa", "CM-MFA", model.TargetZone, "DMZ", model.StatusImplemented)
		}, "Ransomware", 2, model.RiskHigh, false, 1},
		{"a measure weaker than the actor's capability is defeated and lowers nothing", func(b *builder) {
			// SIS trip: actor APT of capability 4 on FR3, FR7; CM-BACKUP reaches SL 3 on FR7.
			b.instance("backup", "CM-BACKUP", model.TargetZone, "SIS", model.StatusImplemented)
		}, "SIS trip", 3, model.RiskCritical, false, 0},
		{"likelihood never drops below the lowest level", func(b *builder) {
			for _, m := range []string{"CM-BACKUP", "CM-MFA", "CM-RBAC", "CM-ALLOW", "CM-PATCH"} {
				b.instance(m, m, model.TargetZone, "Control", model.StatusImplemented)
			}
		}, "Ransomware", 1, model.RiskMedium, true, 5},
		{"two instances of one measure count once", func(b *builder) {
			b.instance("b1", "CM-BACKUP", model.TargetZone, "Control", model.StatusImplemented)
			id := b.instance("b2", "CM-BACKUP", model.TargetZone, "Control", model.StatusImplemented)
			b.p.Scenarios[1].Countermeasures = []model.ID{id}
		}, "Ransomware", 2, model.RiskHigh, false, 2},
		{"an avoided scenario drops to the lowest likelihood", func(b *builder) {
			b.p.Scenarios[1].Treatment = model.TreatmentAvoid
			b.p.Scenarios[1].TreatmentNote = "remote access removed"
		}, "Ransomware", 1, model.RiskMedium, true, 0},
		{"an accepted scenario keeps its computed residual", func(b *builder) {
			b.p.Scenarios[1].Treatment = model.TreatmentAccept
		}, "Ransomware", 3, model.RiskHigh, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := plantA()
			tt.setup(b)
			s := scenarioRes(t, Assess(b.p, testCatalog()), tt.scen)
			if s.ResidualLikelihood != tt.wantL || s.Residual != tt.want || s.ResidualTolerable != tt.tol || len(s.Mitigations) != tt.mits {
				t.Errorf("residual L%d %s tolerable=%v mitigations=%d, want L%d %s %v %d; reasons %+v",
					s.ResidualLikelihood, s.Residual, s.ResidualTolerable, len(s.Mitigations), tt.wantL, tt.want, tt.tol, tt.mits, s.Reasons)
			}
			if s.ResidualConsequence != s.Consequence {
				t.Errorf("residual consequence %d != consequence %d", s.ResidualConsequence, s.Consequence)
			}
		})
	}
	t.Run("current residual counts implemented measures only, target also accepted ones", func(t *testing.T) {
		b := plantA()
		b.instance("backup", "CM-BACKUP", model.TargetZone, "Control", model.StatusAccepted)
		b.instance("mfa", "CM-MFA", model.TargetZone, "Control", model.StatusImplemented)
		s := scenarioRes(t, Assess(b.p, testCatalog()), "Ransomware")
		// Likelihood 3, consequence 4; MFA (FR1 SL 3) and backup (FR7 SL 3)
		// both reach the criminal's capability 2.
		if s.Current.Likelihood != 2 || s.Current.Level != model.RiskHigh || s.Current.Tolerable || len(s.Current.Mitigations) != 1 {
			t.Errorf("current = L%d %s tolerable=%v %v, want L2 high intolerable, 1 mitigation", s.Current.Likelihood, s.Current.Level, s.Current.Tolerable, s.Current.Mitigations)
		}
		if s.Target.Likelihood != 1 || s.Target.Level != model.RiskMedium || !s.Target.Tolerable || len(s.Target.Mitigations) != 2 {
			t.Errorf("target = L%d %s tolerable=%v %v, want L1 medium tolerable, 2 mitigations", s.Target.Likelihood, s.Target.Level, s.Target.Tolerable, s.Target.Mitigations)
		}
	})
	t.Run("every scenario gets a result, even with a dangling target", func(t *testing.T) {
		b := plantA()
		b.scenario("Ghost", "Nobody", model.TargetAsset, "missing", 3, 3, model.FR1)
		r := Assess(b.p, testCatalog())
		if len(r.Scenarios) != len(b.p.Scenarios) {
			t.Errorf("%d scenario results for %d scenarios", len(r.Scenarios), len(b.p.Scenarios))
		}
	})
}

func TestFindings(t *testing.T) {
	tests := []struct {
		name  string
		flows []model.DataFlow
		typ   model.ConduitType
		want  []string
	}{
		{"a conduit without flows is a finding", nil, model.ConduitFirewall, []string{"lists no data flows"}},
		{"an explicit flow is no finding", []model.DataFlow{{Protocol: "Modbus/TCP", Port: "502", From: zid("DMZ"), To: zid("Control"), Initiator: zid("DMZ")}}, model.ConduitFirewall, nil},
		{"port any is a finding", []model.DataFlow{{Protocol: "TCP", Port: "any", From: zid("DMZ"), To: zid("Control"), Initiator: zid("DMZ")}}, model.ConduitFirewall, []string{"allows any port"}},
		{"a TCP flow without port is a finding", []model.DataFlow{{Protocol: "Modbus/TCP", Transport: "TCP", From: zid("DMZ"), To: zid("Control"), Initiator: zid("DMZ")}}, model.ConduitFirewall, []string{"allows any port"}},
		{"a serial flow needs no port", []model.DataFlow{{Protocol: "Modbus RTU", Transport: "RS-485", From: zid("DMZ"), To: zid("Control"), Initiator: zid("DMZ")}}, model.ConduitSerial, nil},
		{"a layer-2 flow needs no port", []model.DataFlow{{Protocol: "PROFINET RT", Transport: "Ethernet (0x8892)", From: zid("DMZ"), To: zid("Control"), Initiator: zid("DMZ")}}, model.ConduitFirewall, nil},
		{"protocol any is a finding", []model.DataFlow{{Protocol: "ANY", Port: "443", From: zid("DMZ"), To: zid("Control"), Initiator: zid("DMZ")}}, model.ConduitFirewall, []string{"allows any protocol"}},
		{"a flow without initiator is a finding", []model.DataFlow{{Protocol: "OPC UA", Port: "4840", From: zid("DMZ"), To: zid("Control")}}, model.ConduitFirewall, []string{"has no initiator"}},
		{"a bidirectional flow on a diode is a finding", []model.DataFlow{{Protocol: "OPC UA", Port: "4840", From: zid("DMZ"), To: zid("Control"), Initiator: zid("Control"), Bidirectional: true}}, model.ConduitUnidirectional, []string{"bidirectional on a unidirectional"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := plantA()
			b.c("C-DMZ-CTL").Flows = tt.flows
			b.c("C-DMZ-CTL").Type = tt.typ
			got := conduitRes(t, Assess(b.p, testCatalog()), "C-DMZ-CTL").Findings
			if len(got) != len(tt.want) {
				t.Fatalf("findings = %q, want %d matching %q", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("finding %q lacks %q", got[i], w)
				}
			}
		})
	}
	t.Run("a shared account is a zone finding", func(t *testing.T) {
		b := plantA()
		b.z("Control").Roles = []model.Role{{Name: "operator", Shared: true}, {Name: "engineer"}}
		got := zoneRes(t, Assess(b.p, testCatalog()), "Control").Findings
		if len(got) != 1 || !strings.Contains(got[0], "'operator' is a shared account") {
			t.Errorf("findings = %q", got)
		}
	})
}

func TestResultShape(t *testing.T) {
	r := Assess(plantA().p, testCatalog())
	t.Run("every cell of every zone and conduit carries a reason", func(t *testing.T) {
		check := func(what string, cells *Cells) {
			for i, c := range cells {
				if len(c.Reasons) == 0 {
					t.Errorf("%s FR%d (SL %d) has no reason", what, i+1, c.SL)
				}
				for _, r := range c.Reasons {
					if r.Rule == "" || r.Text == "" {
						t.Errorf("%s FR%d: empty reason %+v", what, i+1, r)
					}
				}
			}
		}
		for _, z := range r.Zones {
			check("zone "+z.Name+" SL-T", &z.SLT)
			check("zone "+z.Name+" SL-C", &z.SLC)
			check("zone "+z.Name+" SL-A", &z.SLA)
		}
		for _, c := range r.Conduits {
			check("conduit "+c.Name+" SL-T", &c.SLT)
			check("conduit "+c.Name+" SL-A", &c.SLA)
		}
	})
	t.Run("results are sorted by name", func(t *testing.T) {
		names := func(n int, f func(int) string) []string {
			out := make([]string, n)
			for i := range out {
				out[i] = f(i)
			}
			return out
		}
		for what, list := range map[string][]string{
			"zones":     names(len(r.Zones), func(i int) string { return r.Zones[i].Name }),
			"conduits":  names(len(r.Conduits), func(i int) string { return r.Conduits[i].Name }),
			"assets":    names(len(r.Assets), func(i int) string { return r.Assets[i].Name }),
			"scenarios": names(len(r.Scenarios), func(i int) string { return r.Scenarios[i].Name }),
		} {
			if !slices.IsSorted(list) {
				t.Errorf("%s not sorted: %q", what, list)
			}
		}
	})
	t.Run("empty collections encode as arrays, not null", func(t *testing.T) {
		data, err := json.Marshal(Assess(newBuilder().p, nil))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("null")) {
			t.Errorf("JSON holds null: %s", data)
		}
	})
}

func TestSelectIDsMatchesCatalog(t *testing.T) {
	cat := benchCatalog()
	idsOf := func(rs []Requirement) []string {
		out := []string{}
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	for seed := range 200 {
		var sl model.SLVector
		for i := range sl {
			sl[i] = (seed >> (i % 5)) % 5
		}
		if got, want := selectIDs(cat.System, sl, "", false), idsOf(cat.SelectSystem(sl)); !slices.Equal(got, want) {
			t.Fatalf("system %v: %v, want %v", sl, got, want)
		}
		for _, class := range model.AssetClasses() {
			if got, want := selectIDs(cat.Component, sl, class, true), idsOf(cat.SelectComponent(sl, class)); !slices.Equal(got, want) {
				t.Fatalf("component %v %s: %v, want %v", sl, class, got, want)
			}
		}
	}
}

func TestLookups(t *testing.T) {
	r := Assess(plantA().p, testCatalog())
	t.Run("lookups find objects by ID and return nil for unknown IDs", func(t *testing.T) {
		if z := r.Zone(zid("SIS")); z == nil || z.Name != "SIS" {
			t.Errorf("Zone(SIS) = %v", z)
		}
		if c := r.Conduit(cid("C-DMZ-CTL")); c == nil || c.Name != "C-DMZ-CTL" {
			t.Errorf("Conduit = %v", c)
		}
		if a := r.Asset(aid("PLC-1")); a == nil || a.Name != "PLC-1" {
			t.Errorf("Asset = %v", a)
		}
		if s := r.Scenario(sid("Pivot")); s == nil || s.Name != "Pivot" {
			t.Errorf("Scenario = %v", s)
		}
		if r.Zone("nope") != nil || r.Conduit("nope") != nil || r.Asset("nope") != nil || r.Scenario("nope") != nil {
			t.Error("unknown IDs found")
		}
	})
	t.Run("proposals for a target are its own, best first", func(t *testing.T) {
		ps := r.ProposalsFor(zid("Control"))
		if len(ps) == 0 {
			t.Fatal("no proposals for Control")
		}
		for i, p := range ps {
			if p.TargetID != zid("Control") || i > 0 && p.Rank < ps[i-1].Rank {
				t.Errorf("proposal %d: %+v", i, p)
			}
		}
	})
}
