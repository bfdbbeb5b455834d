package risk

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"zonewise/model"
)

// maxFuzzSeed keeps big files (the sample, the hostile projects) out of the
// corpus: with them the engine managed a few dozen executions in 20 s. The
// sample is covered by the golden test, the hostile files by cli's
// end-to-end test.
const maxFuzzSeed = 32 << 10

// fuzzAssessSeeds are small projects that validation would reject, since the
// GUI assesses the model while the user is still editing it.
func fuzzAssessSeeds(f *testing.F) [][]byte {
	g := model.Generate(4, 9, 5)
	variants := []func(p *model.Project){
		func(p *model.Project) {},
		func(p *model.Project) { p.Zones[1].ParentID = p.Zones[1].ID },
		func(p *model.Project) { p.Zones[1].ParentID, p.Zones[2].ParentID = p.Zones[2].ID, p.Zones[1].ID },
		func(p *model.Project) { p.Assets[0].ZoneID = "nowhere" },
		func(p *model.Project) { p.Assets[0].SLC = model.SLVector{7, -1, 99, 0, 0, 0, 0} },
		func(p *model.Project) { p.Matrix = model.RiskMatrix{} },
		func(p *model.Project) { p.Method = "no-such-method" },
		func(p *model.Project) {
			if len(p.Conduits) > 0 {
				p.Conduits[0].ZoneIDs = []model.ID{p.Zones[0].ID, p.Zones[0].ID, "ghost"}
			}
		},
		func(p *model.Project) {
			for i := range p.Scenarios {
				p.Scenarios[i].Likelihood, p.Scenarios[i].TargetKind, p.Scenarios[i].TargetID = 99, model.TargetAsset, p.Zones[0].ID
			}
		},
		func(p *model.Project) { p.Assets[1].ID = p.Zones[0].ID },
		func(p *model.Project) {
			p.Countermeasures = append(p.Countermeasures, model.CountermeasureInstance{ID: "cm", MeasureID: "CM-NOPE",
				TargetKind: model.TargetConduit, TargetID: p.Zones[0].ID, Status: model.StatusImplemented})
		},
	}
	var seeds [][]byte
	for _, edit := range variants {
		data, err := model.Marshal(g)
		if err != nil {
			f.Fatal(err)
		}
		p, err := model.Unmarshal(data) // a deep copy
		if err != nil {
			f.Fatal(err)
		}
		edit(p)
		if data, err = model.Marshal(p); err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	return seeds
}

// FuzzAssess: any project that decodes, valid or not, is assessed without a
// panic, deterministically, with every level in 0..4 and a result per zone,
// conduit and scenario.
func FuzzAssess(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "model", "testdata", "*.json"))
	more, _ := filepath.Glob(filepath.Join("..", "cli", "testdata", "*", "*.json"))
	for _, name := range append(files, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		if len(data) <= maxFuzzSeed {
			f.Add(data)
		}
	}
	for _, s := range fuzzAssessSeeds(f) {
		f.Add(s)
	}
	cat, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := model.Unmarshal(data)
		if err != nil {
			return
		}
		res := Assess(p, cat)
		if len(res.Zones) != len(p.Zones) || len(res.Conduits) != len(p.Conduits) || len(res.Scenarios) != len(p.Scenarios) {
			t.Fatalf("%d/%d/%d results for %d zones, %d conduits, %d scenarios",
				len(res.Zones), len(res.Conduits), len(res.Scenarios), len(p.Zones), len(p.Conduits), len(p.Scenarios))
		}
		inRange := func(what string, c *Cells) {
			for i, cell := range c {
				if cell.SL < 0 || cell.SL > 4 {
					t.Fatalf("%s FR%d is %d, want 0..4", what, i+1, cell.SL)
				}
			}
		}
		for i := range res.Zones {
			z := &res.Zones[i]
			inRange("zone SL-T", &z.SLT)
			inRange("zone SL-A", &z.SLA)
		}
		for i := range res.Conduits {
			inRange("conduit SL-T", &res.Conduits[i].SLT)
		}
		first, err := json.Marshal(res)
		if err != nil {
			t.Fatalf("result does not encode: %v", err)
		}
		second, _ := json.Marshal(Assess(p, cat))
		if !bytes.Equal(first, second) {
			t.Fatal("two assessments of the same project differ")
		}
	})
}
