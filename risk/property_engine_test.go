package risk

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"zonewise/model"
)

// randomProject builds a small, varied, mostly valid project from a seed:
// nested and out-of-scope zones, assets with random SL-C, conduits, actors,
// scenarios on every kind of target, countermeasure instances in every
// status, essential functions and not-applicable FRs.
func randomProject(seed uint64) *model.Project {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	b := newBuilder()
	if r.IntN(3) == 0 {
		b.p.Method = model.MethodRiskLevel
	}
	if r.IntN(4) == 0 {
		b.p.NotApplicable = []model.FR{model.AllFRs[r.IntN(7)]}
	}
	types := model.ZoneTypes()
	nz := 2 + r.IntN(4)
	for i := range nz {
		z := b.zone(fmt.Sprintf("Z%d", i), types[r.IntN(len(types))])
		if i > 0 && r.IntN(4) == 0 {
			z.ParentID = zid(fmt.Sprintf("Z%d", r.IntN(i)))
		}
		z.OutOfScope = r.IntN(8) == 0
		if r.IntN(3) == 0 {
			imps := model.Impacts()
			z.EssentialFunctions = []model.EssentialFunction{{Name: "EF", Kind: model.EssentialSafety,
				Intolerant: []model.Impact{imps[r.IntN(len(imps))], imps[r.IntN(len(imps))]}}}
		}
		if r.IntN(6) == 0 {
			z.SLTOverrides = []model.SLOverride{{FR: model.AllFRs[r.IntN(7)], SL: r.IntN(5), Justification: "test"}}
		}
	}
	zone := func() string { return fmt.Sprintf("Z%d", r.IntN(nz)) }
	classes := model.AssetClasses()
	na := r.IntN(9)
	for i := range na {
		var slc model.SLVector
		for j := range slc {
			slc[j] = r.IntN(4)
		}
		b.asset(fmt.Sprintf("A%d", i), zone(), classes[r.IntN(4)], slc)
	}
	ctypes := model.ConduitTypes()
	nc := 1 + r.IntN(3)
	for i := range nc {
		b.conduit(fmt.Sprintf("C%d", i), ctypes[r.IntN(len(ctypes))], zone(), zone())
	}
	for i := range 1 + r.IntN(3) {
		b.actor(fmt.Sprintf("T%d", i), 1+r.IntN(4))
	}
	target := func() (model.TargetKind, string) {
		switch k := r.IntN(3); {
		case k == 0 && na > 0:
			return model.TargetAsset, fmt.Sprintf("A%d", r.IntN(na))
		case k == 1:
			return model.TargetConduit, fmt.Sprintf("C%d", r.IntN(nc))
		}
		return model.TargetZone, zone()
	}
	for i := range r.IntN(9) {
		kind, t := target()
		var frs []model.FR
		for _, f := range model.AllFRs {
			if r.IntN(3) == 0 {
				frs = append(frs, f)
			}
		}
		b.scenario(fmt.Sprintf("S%d", i), fmt.Sprintf("T%d", r.IntN(3)), kind, t, 1+r.IntN(5), 1+r.IntN(5), frs...)
	}
	cat := testCatalog()
	statuses := model.MeasureStatuses()
	for i := range r.IntN(7) {
		kind, t := target()
		b.instance(fmt.Sprintf("I%d", i), cat.Measures[r.IntN(len(cat.Measures))].ID, kind, t, statuses[r.IntN(len(statuses))])
	}
	for i := range b.p.Scenarios {
		if len(b.p.Countermeasures) > 0 && r.IntN(3) == 0 {
			b.p.Scenarios[i].Countermeasures = []model.ID{b.p.Countermeasures[r.IntN(len(b.p.Countermeasures))].ID}
		}
	}
	return b.p
}

func clone(t testing.TB, p *model.Project) *model.Project {
	t.Helper()
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q model.Project
	if err := json.Unmarshal(data, &q); err != nil {
		t.Fatal(err)
	}
	return &q
}

// noLower fails when any SL-T of after is below that of before.
func noLower(t *testing.T, before, after *Result, what string) {
	t.Helper()
	for i := range before.Zones {
		b, a := before.Zones[i].SLT.Vector(), after.Zones[i].SLT.Vector()
		if a.Max(b) != a {
			t.Errorf("%s lowered zone %s SL-T from %v to %v", what, before.Zones[i].Name, b, a)
		}
	}
	for i := range before.Conduits {
		b, a := before.Conduits[i].SLT.Vector(), after.Conduits[i].SLT.Vector()
		if a.Max(b) != a {
			t.Errorf("%s lowered conduit %s SL-T from %v to %v", what, before.Conduits[i].Name, b, a)
		}
	}
}

const propertySeeds = 200

func TestPropertyRaisingConsequenceNeverLowersSLT(t *testing.T) {
	cat := testCatalog()
	for seed := range uint64(propertySeeds) {
		p := randomProject(seed)
		before := Assess(p, cat)
		for i := range p.Scenarios {
			q := clone(t, p)
			for j := range q.Scenarios[i].Consequences {
				q.Scenarios[i].Consequences[j].Level = min(q.Scenarios[i].Consequences[j].Level+1, 5)
			}
			noLower(t, before, Assess(q, cat), fmt.Sprintf("seed %d: raising the consequence of scenario %d", seed, i))
		}
	}
}

func TestPropertyRaisingActorCapabilityNeverLowersSLT(t *testing.T) {
	cat := testCatalog()
	for seed := range uint64(propertySeeds) {
		p := randomProject(seed)
		before := Assess(p, cat)
		for i := range p.Actors {
			q := clone(t, p)
			q.Actors[i].Capability = min(q.Actors[i].Capability+1, 4)
			noLower(t, before, Assess(q, cat), fmt.Sprintf("seed %d: raising the capability of actor %d", seed, i))
		}
	}
}

func TestPropertyImplementedCountermeasureNeverRaisesAGap(t *testing.T) {
	cat := testCatalog()
	for seed := range uint64(propertySeeds) {
		p := randomProject(seed)
		before := Assess(p, cat)
		check := func(q *model.Project, what string) {
			after := Assess(q, cat)
			for i := range before.Zones {
				if b, a := before.Zones[i].Gap, after.Zones[i].Gap; a.Max(b) != b {
					t.Errorf("seed %d: %s raised zone %s gap from %v to %v", seed, what, before.Zones[i].Name, b, a)
				}
			}
			for i := range before.Conduits {
				if b, a := before.Conduits[i].Gap, after.Conduits[i].Gap; a.Max(b) != b {
					t.Errorf("seed %d: %s raised conduit %s gap from %v to %v", seed, what, before.Conduits[i].Name, b, a)
				}
			}
		}
		// Implementing each proposal, and each existing instance.
		for _, pr := range before.Proposals {
			q := clone(t, p)
			q.Countermeasures = append(q.Countermeasures, model.CountermeasureInstance{ID: model.StableID("new"),
				MeasureID: pr.MeasureID, TargetKind: pr.TargetKind, TargetID: pr.TargetID, Status: model.StatusImplemented})
			check(q, "implementing "+pr.ID)
		}
		for i := range p.Countermeasures {
			q := clone(t, p)
			q.Countermeasures[i].Status = model.StatusImplemented
			check(q, "implementing instance "+p.Countermeasures[i].MeasureID)
		}
	}
}

// Implementing a proposal meets every requirement its measure lists on its
// target: no requirement a cover measure lists stays a gap there
// (docs/METHOD.md step 6: an implemented countermeasure whose library entry
// lists the requirement meets it).
func TestPropertyImplementingTheCoverMeetsItsRequirements(t *testing.T) {
	cat := testCatalog()
	lists := map[string][]string{}
	for _, m := range cat.Measures {
		lists[m.ID] = m.Requirements
	}
	for seed := range uint64(propertySeeds) {
		p := randomProject(seed)
		before := Assess(p, cat)
		q := clone(t, p)
		covered := map[model.ID][]string{}
		for i, pr := range before.Proposals {
			if pr.Cover && pr.TargetKind != model.TargetAsset {
				q.Countermeasures = append(q.Countermeasures, model.CountermeasureInstance{ID: model.StableID(fmt.Sprint("cover", i)),
					MeasureID: pr.MeasureID, TargetKind: pr.TargetKind, TargetID: pr.TargetID, Status: model.StatusImplemented})
				covered[pr.TargetID] = append(covered[pr.TargetID], lists[pr.MeasureID]...)
			}
		}
		after := Assess(q, cat)
		check := func(id model.ID, sts []RequirementStatus) {
			for _, st := range sts {
				if st.State == StateGap && slices.Contains(covered[id], st.ID) {
					t.Errorf("seed %d: after implementing the cover, %s on %s is still a gap", seed, st.ID, id.Short())
				}
			}
		}
		for _, z := range after.Zones {
			check(z.ZoneID, z.RequirementStatus)
		}
		for _, c := range after.Conduits {
			check(c.ConduitID, c.RequirementStatus)
		}
	}
}

func TestPropertyProposalsNeverConflictWithEssentialFunctions(t *testing.T) {
	cat := testCatalog()
	for seed := range uint64(propertySeeds) {
		p := randomProject(seed)
		r := Assess(p, cat)
		zones := map[model.ID]*model.Zone{}
		for i := range p.Zones {
			zones[p.Zones[i].ID] = &p.Zones[i]
		}
		for _, pr := range r.Proposals {
			m, _ := cat.Measure(pr.MeasureID)
			var affected []*model.Zone
			if pr.TargetKind == model.TargetZone {
				affected = append(affected, zones[pr.TargetID])
			}
			for _, c := range p.Conduits {
				if pr.TargetKind == model.TargetConduit && c.ID == pr.TargetID {
					for _, id := range c.ZoneIDs {
						affected = append(affected, zones[id])
					}
				}
			}
			for _, z := range affected {
				for _, ef := range z.EssentialFunctions {
					for _, im := range m.Impacts {
						if slices.Contains(ef.Intolerant, im) {
							t.Errorf("seed %d: %s proposed although %s of zone %s cannot tolerate %s", seed, pr.ID, ef.Name, z.Name, im)
						}
					}
				}
			}
		}
	}
}

func TestPropertyDeterminism(t *testing.T) {
	cat := testCatalog()
	for seed := range uint64(propertySeeds) {
		p := randomProject(seed)
		first, _ := json.Marshal(Assess(p, cat))
		second, _ := json.Marshal(Assess(p, cat))
		if string(first) != string(second) {
			t.Fatalf("seed %d: two runs differ", seed)
		}
		// The order of the project's collections does not matter either.
		q := clone(t, p)
		r := rand.New(rand.NewPCG(seed, 1))
		shuffle := func(n int, swap func(i, j int)) { r.Shuffle(n, swap) }
		shuffle(len(q.Zones), func(i, j int) { q.Zones[i], q.Zones[j] = q.Zones[j], q.Zones[i] })
		shuffle(len(q.Assets), func(i, j int) { q.Assets[i], q.Assets[j] = q.Assets[j], q.Assets[i] })
		shuffle(len(q.Conduits), func(i, j int) { q.Conduits[i], q.Conduits[j] = q.Conduits[j], q.Conduits[i] })
		shuffle(len(q.Scenarios), func(i, j int) { q.Scenarios[i], q.Scenarios[j] = q.Scenarios[j], q.Scenarios[i] })
		shuffle(len(q.Countermeasures), func(i, j int) {
			q.Countermeasures[i], q.Countermeasures[j] = q.Countermeasures[j], q.Countermeasures[i]
		})
		third, _ := json.Marshal(Assess(q, cat))
		if string(first) != string(third) {
			t.Fatalf("seed %d: shuffling the project's collections changes the result", seed)
		}
	}
}

func TestPropertyLevelsStayInRangeOnBadInput(t *testing.T) {
	cat := testCatalog()
	for seed := range uint64(propertySeeds) {
		p := randomProject(seed)
		r := rand.New(rand.NewPCG(seed, 2))
		// Values validation would reject: the engine must still answer sanely.
		for i := range p.Actors {
			p.Actors[i].Capability = r.IntN(11) - 3
		}
		for i := range p.Assets {
			p.Assets[i].SLC[r.IntN(7)] = r.IntN(11) - 3
		}
		for i := range p.Scenarios {
			p.Scenarios[i].Likelihood = r.IntN(11) - 3
			p.Scenarios[i].FRs = append(p.Scenarios[i].FRs, model.FR(r.IntN(11)-2))
		}
		for i := range p.Zones {
			p.Zones[i].SLTOverrides = append(p.Zones[i].SLTOverrides, model.SLOverride{FR: model.FR(r.IntN(9)), SL: r.IntN(11) - 3})
		}
		res := Assess(p, cat)
		check := func(what string, c *Cells) {
			for i, cell := range c {
				if cell.SL < 0 || cell.SL > 4 || len(cell.Reasons) == 0 {
					t.Errorf("seed %d: %s FR%d = %d with %d reasons", seed, what, i+1, cell.SL, len(cell.Reasons))
				}
			}
		}
		for _, z := range res.Zones {
			check("zone "+z.Name+" SL-T", &z.SLT)
			check("zone "+z.Name+" SL-C", &z.SLC)
			check("zone "+z.Name+" SL-A", &z.SLA)
		}
		for _, c := range res.Conduits {
			check("conduit "+c.Name+" SL-T", &c.SLT)
			check("conduit "+c.Name+" SL-A", &c.SLA)
		}
		if len(res.Scenarios) != len(p.Scenarios) {
			t.Errorf("seed %d: %d scenario results for %d scenarios", seed, len(res.Scenarios), len(p.Scenarios))
		}
	}
}
