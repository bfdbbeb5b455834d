package risk

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"zonewise/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func builtinOrSkip(t testing.TB) *Catalog {
	t.Helper()
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestSampleGolden pins the assessment of the built-in sample plant with the
// built-in catalogue. Refresh with `go test ./risk -run TestSampleGolden -update`
// after a deliberate change of method, sample or catalogue, and read the diff.
func TestSampleGolden(t *testing.T) {
	res := Assess(model.Sample(), builtinOrSkip(t))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("null")) {
		t.Error("the sample's assessment holds null: every array must be present")
	}
	golden := filepath.Join("testdata", "sample-assessment.golden.json")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		failed := filepath.Join("testdata", "failed")
		_ = os.MkdirAll(failed, 0o755)
		_ = os.WriteFile(filepath.Join(failed, "sample-assessment.json"), buf.Bytes(), 0o644)
		t.Errorf("assessment of the sample plant differs from %s; got %s", golden, filepath.Join(failed, "sample-assessment.json"))
	}
}

// TestSampleChecks are the reviewed checks of the sample plant.
func TestSampleChecks(t *testing.T) {
	p := model.Sample()
	cat := builtinOrSkip(t)
	r := Assess(p, cat)
	t.Run("every zone and conduit has a full SL-T vector with a reason per cell", func(t *testing.T) {
		for _, z := range r.Zones {
			for i, c := range z.SLT {
				if len(c.Reasons) == 0 || c.SL < 1 && !slices.Contains(p.NotApplicable, model.AllFRs[i]) {
					t.Errorf("zone %s FR%d: SL %d, reasons %v", z.Name, i+1, c.SL, c.Reasons)
				}
			}
		}
		for _, c := range r.Conduits {
			for i, cell := range c.SLT {
				if len(cell.Reasons) == 0 || cell.SL < 1 {
					t.Errorf("conduit %s FR%d: SL %d, reasons %v", c.Name, i+1, cell.SL, cell.Reasons)
				}
			}
		}
	})
	t.Run("the safety zone is not below the control zones for integrity and availability", func(t *testing.T) {
		zones := map[model.ID]*model.Zone{}
		for i := range p.Zones {
			zones[p.Zones[i].ID] = &p.Zones[i]
		}
		var safety, control []ZoneResult
		for _, z := range r.Zones {
			switch zones[z.ZoneID].Type {
			case model.ZoneSafety:
				safety = append(safety, z)
			case model.ZoneControl:
				control = append(control, z)
			}
		}
		if len(safety) == 0 || len(control) == 0 {
			t.Fatalf("sample has %d safety and %d control zones", len(safety), len(control))
		}
		for _, s := range safety {
			for _, c := range control {
				for _, f := range []model.FR{model.FR3, model.FR7} {
					if s.SLT[f-1].SL < c.SLT[f-1].SL {
						t.Errorf("%s %s SL-T %d is below control zone %s (%d)", s.Name, f, s.SLT[f-1].SL, c.Name, c.SLT[f-1].SL)
					}
				}
			}
		}
	})
	t.Run("no proposal conflicts with an essential function", func(t *testing.T) {
		zones := map[model.ID][]*model.Zone{}
		for i := range p.Zones {
			zones[p.Zones[i].ID] = []*model.Zone{&p.Zones[i]}
		}
		for _, c := range p.Conduits {
			for _, id := range c.ZoneIDs {
				zones[c.ID] = append(zones[c.ID], zones[id]...)
			}
		}
		for _, pr := range r.Proposals {
			m, ok := cat.Measure(pr.MeasureID)
			if !ok {
				t.Fatalf("proposal %s names an unknown measure", pr.ID)
			}
			for _, z := range zones[pr.TargetID] {
				for _, ef := range z.EssentialFunctions {
					for _, im := range m.Impacts {
						if slices.Contains(ef.Intolerant, im) {
							t.Errorf("%s conflicts with %q of %s (%s)", pr.ID, ef.Name, z.Name, im)
						}
					}
				}
			}
		}
	})
	t.Run("residual risk is computed for every scenario", func(t *testing.T) {
		if len(r.Scenarios) != len(p.Scenarios) {
			t.Fatalf("%d results for %d scenarios", len(r.Scenarios), len(p.Scenarios))
		}
		for _, s := range r.Scenarios {
			if s.Residual == "" || s.ResidualLikelihood < 1 || s.ResidualLikelihood > s.Likelihood {
				t.Errorf("scenario %s: residual %q L%d (unmitigated L%d)", s.Name, s.Residual, s.ResidualLikelihood, s.Likelihood)
			}
		}
	})
	t.Run("every gap the library can close gets a proposal", func(t *testing.T) {
		closes := map[string]bool{}
		for _, pr := range r.Proposals {
			for _, g := range pr.Closes {
				closes[string(pr.TargetID)+g.FR.String()] = true
			}
		}
		missing := 0
		for _, z := range r.Zones {
			for i, g := range z.Gap {
				if g > 0 && !closes[string(z.ZoneID)+model.AllFRs[i].String()] {
					missing++
					t.Logf("zone %s FR%d gap %d: no proposal", z.Name, i+1, g)
				}
			}
		}
		for _, c := range r.Conduits {
			for i, g := range c.Gap {
				if g > 0 && !closes[string(c.ConduitID)+model.AllFRs[i].String()] {
					missing++
					t.Logf("conduit %s FR%d gap %d: no proposal", c.Name, i+1, g)
				}
			}
		}
		if missing > 0 {
			t.Logf("%d gaps without a proposal (the library has no applicable measure reaching the SL, or only conflicting ones)", missing)
		}
	})
}

func BenchmarkAssessSample(b *testing.B) {
	p := model.Sample()
	cat := builtinOrSkip(b)
	for b.Loop() {
		Assess(p, cat)
	}
}

// BenchmarkLoadAndAssessGenerated10k is the budget in docs/PERFORMANCE.md on the
// project `zonewise generate --zones 500 --assets 10000` writes: read and
// decode the file, then assess (< 300 ms).
func BenchmarkLoadAndAssessGenerated10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "p10000"+model.FileExt)
	if err := model.Save(path, model.Generate(500, 10000, 1)); err != nil {
		b.Fatal(err)
	}
	cat := builtinOrSkip(b)
	for b.Loop() {
		p, err := model.Load(path)
		if err != nil {
			b.Fatal(err)
		}
		Assess(p, cat)
	}
}

func BenchmarkAssessGenerated10k(b *testing.B) {
	p := model.Generate(500, 10000, 1)
	cat := builtinOrSkip(b)
	for b.Loop() {
		Assess(p, cat)
	}
}

func BenchmarkAssessGenerated1k(b *testing.B) {
	// The GUI's re-assessment after an edit (budget < 30 ms at 1,000 assets).
	p := model.Generate(50, 1000, 1)
	cat := builtinOrSkip(b)
	for b.Loop() {
		Assess(p, cat)
	}
}
