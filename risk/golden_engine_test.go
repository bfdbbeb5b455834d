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
		// Each unmet requirement is closed by a proposal of the cover on its
		// target exactly when it is Closable, and each FR gap with an unmet
		// requirement no proposal closes is listed in OpenGaps with it.
		covered := map[string]bool{}
		for _, pr := range r.Proposals {
			if pr.Cover {
				for _, id := range pr.Requirements {
					covered[string(pr.TargetID)+"|"+id] = true
				}
			}
		}
		open := map[string]bool{}
		for _, g := range r.OpenGaps {
			for _, id := range g.Requirements {
				open[string(g.TargetID)+"|"+id] = true
			}
		}
		check := func(kind, name string, id model.ID, gap model.SLVector, sts []RequirementStatus) {
			for _, st := range sts {
				if st.State != StateGap || gap.Get(st.FR) == 0 {
					continue
				}
				k := string(id) + "|" + st.ID
				switch {
				case st.Closable && !covered[k]:
					t.Errorf("%s %s: %s is closable but no proposal of the cover closes it", kind, name, st.ID)
				case !st.Closable && covered[k]:
					t.Errorf("%s %s: %s is closed by a proposal but not marked closable", kind, name, st.ID)
				case !st.Closable && !open[k]:
					t.Errorf("%s %s: %s is closed by no library measure but not listed in the open gaps", kind, name, st.ID)
				case st.Closable && open[k]:
					t.Errorf("%s %s: %s is closable but listed in the open gaps", kind, name, st.ID)
				}
			}
		}
		for _, z := range r.Zones {
			check("zone", z.Name, z.ZoneID, z.Gap, z.RequirementStatus)
		}
		for _, c := range r.Conduits {
			check("conduit", c.Name, c.ConduitID, c.Gap, c.RequirementStatus)
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
