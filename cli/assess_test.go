package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// smallProject is a three-zone plant with one intolerable scenario, an
// override and a conduit flow with port "any".
func smallProject() *model.Project {
	id := model.StableID
	p := &model.Project{SchemaVersion: model.SchemaVersion, ID: id("p"),
		Info: model.Info{Name: "Small plant", Method: model.MethodActorCapability, Matrix: model.DefaultRiskMatrix()}}
	p.Zones = []model.Zone{
		{ID: id("z/ent"), Name: "Enterprise", Type: model.ZoneEnterprise, PurdueLevel: 4},
		{ID: id("z/ctl"), Name: "Control", Type: model.ZoneControl, PurdueLevel: 1,
			SLTOverrides: []model.SLOverride{{FR: model.FR4, SL: 2, Justification: "recipes are confidential"}}},
		{ID: id("z/sis"), Name: "SIS", Type: model.ZoneSafety, PurdueLevel: 1},
	}
	p.Conduits = []model.Conduit{
		{ID: id("c/1"), Name: "Enterprise–Control", Type: model.ConduitFirewall, ZoneIDs: []model.ID{id("z/ent"), id("z/ctl")},
			Flows: []model.DataFlow{{Protocol: "TCP", Port: "any", Transport: "tcp", From: id("z/ent"), To: id("z/ctl"), Initiator: id("z/ent")}}},
	}
	p.Assets = []model.Asset{
		{ID: id("a/plc"), Name: "PLC-1", Class: model.ClassEmbedded, Function: model.FunctionControl, ZoneID: id("z/ctl"),
			SLC: model.SLVector{1, 1, 2, 1, 1, 1, 2}, SLCSource: model.SLCAssessed, SupplierSDL: model.SDLUnknown, Criticality: model.CriticalityHigh},
	}
	p.Actors = []model.ThreatActor{{ID: id("t/crim"), Name: "Criminal group", Capability: 3}}
	p.Scenarios = []model.ThreatScenario{{ID: id("s/ransom"), Name: "Ransomware in control", ActorID: id("t/crim"),
		TargetKind: model.TargetZone, TargetID: id("z/ctl"), FRs: []model.FR{model.FR1, model.FR3, model.FR7}, Likelihood: 3,
		Consequences: []model.Consequence{{Category: model.ConsequenceProduction, Level: 4}}}}
	return p
}

func writeProject(t *testing.T, p *model.Project) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
	if err := model.Save(path, p); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAssessText(t *testing.T) {
	path := writeProject(t, smallProject())
	code, out, errOut := run(t, "assess", path)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{
		"Small plant: 3 zones, 1 conduits, 1 assets, 1 threat scenarios",
		"SL-T 3,1,3,2,1,1,3",
		"SL-A 1,1,2,1,1,1,2",
		"gap 2,0,1,1,0,0,1",
		"(overridden: FR4)",
		"allows any port",
		"Intolerable after countermeasures (1)",
		"Ransomware in control",
	} {
		t.Run("the summary shows "+want, func(t *testing.T) {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		})
	}
}

func TestAssessJSON(t *testing.T) {
	path := writeProject(t, smallProject())
	for _, args := range [][]string{{"assess", "--json", path}, {"assess", path, "--json"}} {
		t.Run("the flag works in "+strings.Join(args[1:], " ")+" order", func(t *testing.T) {
			code, out, errOut := run(t, args...)
			if code != ExitOK {
				t.Fatalf("exit %d, stderr %s", code, errOut)
			}
			var r risk.Result
			dec := json.NewDecoder(strings.NewReader(out))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&r); err != nil {
				t.Fatalf("output is not a risk.Result: %v", err)
			}
			if len(r.Zones) != 3 || len(r.Conduits) != 1 || len(r.Assets) != 1 || len(r.Scenarios) != 1 {
				t.Errorf("result has %d zones, %d conduits, %d assets, %d scenarios", len(r.Zones), len(r.Conduits), len(r.Assets), len(r.Scenarios))
			}
		})
	}
}

func TestAssessErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"schemaVersion": 2, "zones": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := smallProject()
	broken.Assets[0].ZoneID = model.StableID("no such zone")
	brokenPath := writeProject(t, broken)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"a project with validation errors is refused", []string{"assess", brokenPath}, ExitInput, "PLC-1"},
		{"a missing file is bad input", []string{"assess", filepath.Join(dir, "nope.json")}, ExitInput, "nope.json"},
		{"truncated JSON is bad input", []string{"assess", bad}, ExitInput, "bad.json"},
		{"no file is a usage error", []string{"assess"}, ExitUsage, "usage: zonewise assess"},
		{"two files are a usage error", []string{"assess", bad, bad}, ExitUsage, "usage: zonewise assess"},
		{"an unknown flag is a usage error", []string{"assess", "--yaml", bad}, ExitUsage, "usage: zonewise assess"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", code, errOut, tt.code, tt.msg)
			}
		})
	}
}

func TestWriteResultJSON(t *testing.T) {
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	hostile := smallProject()
	hostile.Assets = append(hostile.Assets, hostile.Assets[0], hostile.Assets[0], hostile.Assets[0])
	hostile.Assets[0].Name = "quote \" backslash \\ <html> & tab\t nl\n bell\a bs\b ff\f nul\x00 del\x7f"
	hostile.Assets[1].ID, hostile.Assets[1].Name = model.StableID("a/2"), "bad utf-8 \xff\xfe end, separators \u2028 \u2029"
	hostile.Assets[2].ID, hostile.Assets[2].Name = model.StableID("a/3"), "Außenstelle ↔ Hochbehälter 🚰"
	hostile.Assets[3].ID, hostile.Assets[3].Class = model.StableID("a/4"), model.ClassHost
	for name, p := range map[string]*model.Project{"the sample plant": model.Sample(), "a small plant": smallProject(),
		"an empty project": {}, "hostile names": hostile, "a generated plant": model.Generate(20, 300, 7)} {
		r := risk.Assess(p, cat)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		// Lists cut into chunks of 1, 2, 7 and chunkElements (the default) elements.
		for _, size := range []int{1, 2, 7, chunkElements} {
			t.Run(fmt.Sprintf("the parallel encoding of %s in chunks of %d equals a json.Encoder's", name, size), func(t *testing.T) {
				defer func(n int) { chunkElements = n }(chunkElements)
				chunkElements = size
				var got bytes.Buffer
				if err := writeResultJSON(&got, r); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					i := 0
					for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
						i++
					}
					t.Errorf("outputs differ from byte %d:\n got …%.200s\nwant …%.200s", i, got.Bytes()[max(0, i-50):], want.Bytes()[max(0, i-50):])
				}
			})
		}
	}
}

func TestAssessSample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample"+model.FileExt)
	if err := os.WriteFile(path, sampleJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("the sample plant assesses with a summary per zone", func(t *testing.T) {
		code, out, errOut := run(t, "assess", path)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		for _, z := range model.Sample().Zones {
			if !strings.Contains(out, z.Name) {
				t.Errorf("summary lacks zone %q", z.Name)
			}
		}
		if !strings.Contains(out, "Top 10:") {
			t.Errorf("summary lacks the top proposals:\n%s", out)
		}
	})
	t.Run("the sample plant's JSON decodes as a complete result", func(t *testing.T) {
		code, out, errOut := run(t, "assess", "--json", path)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var r risk.Result
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		s := model.Sample()
		if len(r.Zones) != len(s.Zones) || len(r.Scenarios) != len(s.Scenarios) || len(r.Proposals) == 0 {
			t.Errorf("%d zones, %d scenarios, %d proposals", len(r.Zones), len(r.Scenarios), len(r.Proposals))
		}
	})
}
