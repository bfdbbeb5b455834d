package risk

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"zonewise/model"
)

// syntheticPlant builds a plant of the given size for benchmarks: zones of
// every type in a few nests, assets spread over them, a conduit per zone to
// its neighbour plus some, two scenarios per zone and some instances.
func syntheticPlant(zones, assets int) *model.Project {
	r := rand.New(rand.NewPCG(uint64(zones), uint64(assets)))
	b := newBuilder()
	types := model.ZoneTypes()
	for i := range zones {
		z := b.zone(fmt.Sprintf("Z%04d", i), types[i%len(types)])
		if i%10 != 0 {
			z.ParentID = zid(fmt.Sprintf("Z%04d", i-i%10))
		}
		if i%7 == 0 {
			z.EssentialFunctions = []model.EssentialFunction{{Name: "Trip", Kind: model.EssentialSafety,
				Intolerant: []model.Impact{model.ImpactLockout, model.ImpactReboot}}}
		}
	}
	classes := model.AssetClasses()
	for i := range assets {
		var slc model.SLVector
		for j := range slc {
			slc[j] = r.IntN(3)
		}
		b.asset(fmt.Sprintf("A%05d", i), fmt.Sprintf("Z%04d", r.IntN(zones)), classes[i%4], slc)
	}
	ctypes := model.ConduitTypes()
	for i := range zones + zones/5 {
		c := b.conduit(fmt.Sprintf("C%04d", i), ctypes[i%len(ctypes)], fmt.Sprintf("Z%04d", i%zones), fmt.Sprintf("Z%04d", (i+1)%zones))
		c.Flows = []model.DataFlow{{Protocol: "OPC UA", Port: "4840", From: c.ZoneIDs[0], To: c.ZoneIDs[1], Initiator: c.ZoneIDs[0]},
			{Protocol: "any", Port: "any", From: c.ZoneIDs[1], To: c.ZoneIDs[0]}}
	}
	for i := range 4 {
		b.actor(fmt.Sprintf("T%d", i), i+1)
	}
	for i := range 2 * zones {
		kind, target := model.TargetZone, fmt.Sprintf("Z%04d", r.IntN(zones))
		switch i % 3 {
		case 1:
			kind, target = model.TargetAsset, fmt.Sprintf("A%05d", r.IntN(assets))
		case 2:
			kind, target = model.TargetConduit, fmt.Sprintf("C%04d", r.IntN(zones))
		}
		b.scenario(fmt.Sprintf("S%05d", i), fmt.Sprintf("T%d", r.IntN(4)), kind, target, 1+r.IntN(5), 1+r.IntN(5),
			model.AllFRs[r.IntN(7)], model.AllFRs[r.IntN(7)], model.AllFRs[r.IntN(7)])
	}
	cat := testCatalog()
	statuses := model.MeasureStatuses()
	for i := range zones {
		b.instance(fmt.Sprintf("I%05d", i), cat.Measures[r.IntN(len(cat.Measures))].ID, model.TargetZone,
			fmt.Sprintf("Z%04d", r.IntN(zones)), statuses[r.IntN(len(statuses))])
	}
	return b.p
}

// benchCatalog is the built-in catalogue when it holds data, else a
// synthetic one of realistic size (about 100 SRs/REs, 300 CRs, 50 measures).
func benchCatalog() *Catalog {
	if c, err := Builtin(); err == nil && len(c.System) > 0 && len(c.Measures) > 0 {
		return c
	}
	return copiedCatalog()
}

// copiedCatalog is testCatalog with extra requirements and every measure
// listed again under other IDs, so that every gap has alternatives.
func copiedCatalog() *Catalog {
	c := testCatalog()
	for i := range 100 {
		c.System = append(c.System, Requirement{ID: fmt.Sprintf("SR X.%d", i), FR: model.AllFRs[i%7], MinSL: 1 + i%4})
	}
	for i := range 300 {
		c.Component = append(c.Component, Requirement{ID: fmt.Sprintf("CR X.%d", i), FR: model.AllFRs[i%7], MinSL: 1 + i%4,
			Class: []model.AssetClass{"", model.ClassEmbedded, model.ClassHost, model.ClassNetwork, model.ClassApplication}[i%5]})
	}
	base := len(c.Measures)
	for i := range 50 - base {
		m := c.Measures[i%base]
		m.ID = fmt.Sprintf("%s-%d", m.ID, i)
		c.Measures = append(c.Measures, m)
	}
	return c
}

func BenchmarkAssessSmall(b *testing.B) {
	// About the size of the sample plant: 10 zones, 45 assets.
	p := syntheticPlant(10, 45)
	cat := benchCatalog()
	for b.Loop() {
		Assess(p, cat)
	}
}

func BenchmarkAssess10kAssets(b *testing.B) {
	p := syntheticPlant(500, 10000)
	cat := benchCatalog()
	for b.Loop() {
		Assess(p, cat)
	}
}

// BenchmarkLoadAndAssess10kAssets includes reading and decoding the project
// file, the budget in docs/PERFORMANCE.md (< 300 ms).
func BenchmarkLoadAndAssess10kAssets(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big"+model.FileExt)
	data, err := model.Marshal(syntheticPlant(500, 10000))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	cat := benchCatalog()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		p, err := model.Load(path)
		if err != nil {
			b.Fatal(err)
		}
		Assess(p, cat)
	}
}
