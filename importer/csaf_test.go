package importer

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zonewise/model"
)

const csafFixture = "testdata/csaf/zw-test-sa-2099-0001.json"

// sampleAssetByName finds an asset of the sample plant.
func sampleAssetByName(t *testing.T, p *model.Project, name string) *model.Asset {
	t.Helper()
	for i := range p.Assets {
		if p.Assets[i].Name == name {
			return &p.Assets[i]
		}
	}
	t.Fatalf("sample plant has no asset %q", name)
	return nil
}

const (
	cpu1516 = "SPS Filtration S7-1500 (CPU 1516-3 PN/DP)"     // firmware V3.1: in >=3.0|<3.1.2
	cpu1513 = "SPS Rohwasserpumpwerk S7-1500 (CPU 1513-1 PN)" // firmware V2.9.7: not < V2.9.4
)

func readFixtureAdvisory(t *testing.T, edit func(doc map[string]any)) *Advisory {
	t.Helper()
	data, err := os.ReadFile(csafFixture)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		edit(doc)
		if data, err = json.Marshal(doc); err != nil {
			t.Fatal(err)
		}
	}
	a, err := ReadCSAF("advisory.json", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestPlanCSAFSampleAdvisory checks the fixture advisory against the sample
// plant by hand: CVE-2099-0001 affects the CPU 1516 (V3.1 lies in
// >=3.0|<3.1.2) and not the CPU 1513 (V2.9.7 is not below V2.9.4); the HMI
// range cannot be read and is reported; CVE-2099-0002 affects only the
// CPU 1513 below V2.9.4 and so no asset.
func TestPlanCSAFSampleAdvisory(t *testing.T) {
	p := model.Sample()
	pl := PlanCSAF(p, []*Advisory{readFixtureAdvisory(t, nil)})
	in := sampleAssetByName(t, p, cpu1516)

	t.Run("one new entry for the CVE whose range holds an asset's firmware", func(t *testing.T) {
		if len(pl.Steps) != 1 {
			t.Fatalf("steps = %+v, want one", pl.Steps)
		}
		st := pl.Steps[0]
		if st.Action != AdvisoryNew || st.Identifier != "CVE-2099-0001" {
			t.Errorf("step = %s %s, want new CVE-2099-0001", st.Action, st.Identifier)
		}
		if !slices.Equal(st.AssetIDs, []model.ID{in.ID}) {
			t.Errorf("assets = %v, want only %q", st.Assets, cpu1516)
		}
	})
	t.Run("the entry carries CVSS, remediation, advisory ID and URL", func(t *testing.T) {
		v := pl.Steps[0].Vuln
		if v.CVSSScore != 7.5 || v.CVSSVector != "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" {
			t.Errorf("cvss = %v %q", v.CVSSScore, v.CVSSVector)
		}
		wantRem := "vendor fix: Update the firmware to V3.1.2 or later (https://example.invalid/zonewise/firmware); mitigation: Restrict PROFINET access to the cell network"
		if v.Remediation != wantRem {
			t.Errorf("remediation = %q, want %q", v.Remediation, wantRem)
		}
		if v.Advisory != "ZW-TEST-SA-2099-0001" || v.AdvisoryURL != "https://example.invalid/zonewise/csaf/zw-test-sa-2099-0001.json" {
			t.Errorf("advisory = %q %q", v.Advisory, v.AdvisoryURL)
		}
		if v.Status != model.VulnOpen || v.Exploitability != model.ExploitUnknown {
			t.Errorf("status %q exploitability %q, want open and unknown (the advisory knows no exploitation)", v.Status, v.Exploitability)
		}
	})
	t.Run("the unreadable HMI range is reported, not guessed", func(t *testing.T) {
		var kinds []string
		for _, n := range pl.Notes {
			kinds = append(kinds, n.Kind)
		}
		if !slices.Equal(kinds, []string{NoteUnparsedRange}) {
			t.Fatalf("notes = %+v, want one unparsed-range", pl.Notes)
		}
		if !strings.Contains(pl.Notes[0].Product, "CSAFPID-0003") || !strings.Contains(pl.Notes[0].Message, "images named in the vendor portal") {
			t.Errorf("note = %+v, want the HMI product and its range", pl.Notes[0])
		}
	})
	t.Run("the applied entry validates", func(t *testing.T) {
		q := model.CloneProject(p)
		ApplyCSAF(q, pl)
		if len(q.Vulnerabilities) != len(p.Vulnerabilities)+1 {
			t.Fatalf("register has %d entries, want %d", len(q.Vulnerabilities), len(p.Vulnerabilities)+1)
		}
		for _, pr := range model.Validate(q) {
			if pr.Severity == model.SeverityError {
				t.Errorf("validation error after import: %+v", pr)
			}
		}
	})
}

func TestPlanCSAFReimport(t *testing.T) {
	p := model.Sample()
	ApplyCSAF(p, PlanCSAF(p, []*Advisory{readFixtureAdvisory(t, nil)}))
	in := sampleAssetByName(t, p, cpu1516)
	id := model.StableID("csaf:ZW-TEST-SA-2099-0001:CVE-2099-0001")
	// The assessor marks it mitigated and links a scenario to it.
	for i := range p.Vulnerabilities {
		if p.Vulnerabilities[i].ID == id {
			p.Vulnerabilities[i].Status = model.VulnMitigated
		}
	}
	p.Scenarios[0].Vulnerabilities = append(p.Scenarios[0].Vulnerabilities, id)

	t.Run("the same advisory again changes nothing", func(t *testing.T) {
		before, _ := model.Marshal(p)
		pl := PlanCSAF(p, []*Advisory{readFixtureAdvisory(t, nil)})
		if n := pl.Counts(); n[AdvisoryUnchanged] != 1 || len(pl.Steps) != 1 {
			t.Fatalf("steps = %+v, want one unchanged", pl.Steps)
		}
		q := model.CloneProject(p)
		ApplyCSAF(q, pl)
		after, _ := model.Marshal(q)
		if !bytes.Equal(before, after) {
			t.Error("re-importing the same advisory changed the project")
		}
	})
	t.Run("a revised score is a change that keeps the assessor's status", func(t *testing.T) {
		pl := PlanCSAF(p, []*Advisory{readFixtureAdvisory(t, func(doc map[string]any) {
			v := doc["vulnerabilities"].([]any)[0].(map[string]any)
			v["scores"].([]any)[0].(map[string]any)["cvss_v3"].(map[string]any)["baseScore"] = 8.2
		})})
		if len(pl.Steps) != 1 || pl.Steps[0].Action != AdvisoryChanged || !slices.Equal(pl.Steps[0].Changes, []string{"cvss"}) {
			t.Fatalf("steps = %+v, want one changed in cvss", pl.Steps)
		}
		if v := pl.Steps[0].Vuln; v.CVSSScore != 8.2 || v.Status != model.VulnMitigated {
			t.Errorf("after = %.1f %s, want 8.2 and still mitigated", v.CVSSScore, v.Status)
		}
	})
	t.Run("a CVE the revised advisory drops is withdrawn with its scenario link", func(t *testing.T) {
		pl := PlanCSAF(p, []*Advisory{readFixtureAdvisory(t, func(doc map[string]any) {
			doc["vulnerabilities"] = doc["vulnerabilities"].([]any)[1:]
			doc["document"].(map[string]any)["tracking"].(map[string]any)["version"] = "2"
		})})
		if len(pl.Steps) != 1 || pl.Steps[0].Action != AdvisoryWithdrawn {
			t.Fatalf("steps = %+v, want one withdrawn", pl.Steps)
		}
		if want := "version 2 of the advisory no longer lists it"; pl.Steps[0].Reason != want {
			t.Errorf("reason = %q, want %q", pl.Steps[0].Reason, want)
		}
		q := model.CloneProject(p)
		ApplyCSAF(q, pl)
		if slices.ContainsFunc(q.Vulnerabilities, func(v model.Vulnerability) bool { return v.ID == id }) || slices.Contains(q.Scenarios[0].Vulnerabilities, id) {
			t.Error("the withdrawn entry or its scenario link is still there")
		}
	})
	t.Run("an updated firmware withdraws the entry", func(t *testing.T) {
		q := model.CloneProject(p)
		for i := range q.Assets {
			if q.Assets[i].ID == in.ID {
				q.Assets[i].Firmware = "V3.1.2"
			}
		}
		pl := PlanCSAF(q, []*Advisory{readFixtureAdvisory(t, nil)})
		if len(pl.Steps) != 1 || pl.Steps[0].Action != AdvisoryWithdrawn || pl.Steps[0].Reason != "the advisory no longer affects any asset of the project" {
			t.Fatalf("steps = %+v, want one withdrawn because no asset is affected", pl.Steps)
		}
	})
	t.Run("a withdrawn advisory withdraws every entry", func(t *testing.T) {
		pl := PlanCSAF(p, []*Advisory{readFixtureAdvisory(t, func(doc map[string]any) {
			doc["document"].(map[string]any)["category"] = "csaf_withdrawn"
		})})
		if len(pl.Steps) != 1 || pl.Steps[0].Action != AdvisoryWithdrawn || pl.Steps[0].Reason != "the advisory is withdrawn" {
			t.Fatalf("steps = %+v, want one withdrawn", pl.Steps)
		}
	})
	t.Run("an older copy of the advisory in the same import is ignored", func(t *testing.T) {
		v2 := readFixtureAdvisory(t, func(doc map[string]any) {
			doc["document"].(map[string]any)["tracking"].(map[string]any)["version"] = "2"
		})
		v1 := readFixtureAdvisory(t, func(doc map[string]any) {
			doc["vulnerabilities"] = []any{}
		})
		pl := PlanCSAF(p, []*Advisory{v2, v1})
		if len(pl.Advisories) != 1 || pl.Advisories[0].Version != "2" || pl.Counts()[AdvisoryUnchanged] != 1 {
			t.Errorf("advisories %+v steps %+v, want version 2 only, unchanged", pl.Advisories, pl.Steps)
		}
	})
}

func TestPlanCSAFCompletesAnEntryTypedByHand(t *testing.T) {
	p := model.Sample()
	in := sampleAssetByName(t, p, cpu1516)
	typed := model.Vulnerability{ID: model.NewID(), Identifier: "CVE-2099-0001", Title: "typed", AssetIDs: []model.ID{in.ID},
		Exploitability: model.ExploitUnknown, Status: model.VulnAccepted, Source: "workshop", Notes: "keep me"}
	p.Vulnerabilities = append(p.Vulnerabilities, typed)
	pl := PlanCSAF(p, []*Advisory{readFixtureAdvisory(t, nil)})
	if len(pl.Steps) != 1 || pl.Steps[0].Action != AdvisoryChanged || pl.Steps[0].VulnID != typed.ID {
		t.Fatalf("steps %+v, want the typed entry changed, not a second one", pl.Steps)
	}
	v := pl.Steps[0].Vuln
	if v.Advisory != "ZW-TEST-SA-2099-0001" || v.Status != model.VulnAccepted || v.Notes != "keep me" || v.CVSSScore != 7.5 {
		t.Errorf("after %+v: want the advisory's data with the assessor's status and notes", v)
	}
}

func TestCSAFMatching(t *testing.T) {
	tests := []struct {
		name     string
		vendor   string
		model    string
		firmware string
		product  Product
		want     bool
		note     string
	}{
		{"a vendor with a company suffix matches", "Siemens AG", "SIMATIC S7-1500 CPU 1516-3 PN/DP", "V3.1",
			Product{Vendor: "Siemens", Product: "SIMATIC S7-1500 CPU 1516-3 PN/DP", Range: "vers:generic/<3.2"}, true, ""},
		{"another vendor does not match", "Rockwell Automation", "SIMATIC S7-1500 CPU 1516-3 PN/DP", "V3.1",
			Product{Vendor: "Siemens", Product: "SIMATIC S7-1500 CPU 1516-3 PN/DP", Range: "vers:generic/<3.2"}, false, ""},
		{"a product family matches its members by their specific words", "Siemens", "SIMATIC S7-1500 CPU 1516-3 PN/DP", "V3.1",
			Product{Vendor: "Siemens", Product: "SIMATIC S7-1500 family", Range: "< V3.2"}, true, ""},
		{"an exact version matches only that firmware", "Fortinet", "FortiGate 100F", "FortiOS 7.2.8",
			Product{Vendor: "Fortinet", Product: "FortiGate 100F", Version: "7.2.8"}, true, ""},
		{"an exact version does not match another firmware", "Fortinet", "FortiGate 100F", "FortiOS 7.2.9",
			Product{Vendor: "Fortinet", Product: "FortiGate 100F", Version: "7.2.8"}, false, ""},
		{"an unknown firmware is reported, not matched", "Fortinet", "FortiGate 100F", "unbekannt",
			Product{Vendor: "Fortinet", Product: "FortiGate 100F", Version: "7.2.8"}, false, NoteNoFirmware},
		{"a product without version matches by name and is reported", "Fortinet", "FortiGate 100F", "7.2.8",
			Product{Name: "Fortinet FortiGate 100F"}, true, NoteNoVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := model.New("t")
			a := model.Asset{ID: model.NewID(), Name: "x", Vendor: tt.vendor, Model: tt.model, Firmware: tt.firmware}
			p.Assets = append(p.Assets, a)
			tt.product.ID = "P1"
			adv := &Advisory{ID: "A", Products: map[string]*Product{"P1": &tt.product}}
			var notes []AdvisoryNote
			got, _ := newProductMatcher(p, adv, &notes).affected([]string{"P1"})
			if (len(got) == 1) != tt.want {
				t.Errorf("matched = %v, want %v", got, tt.want)
			}
			var kinds []string
			for _, n := range notes {
				kinds = append(kinds, n.Kind)
			}
			if want := []string{tt.note}; tt.note == "" && len(kinds) > 0 || tt.note != "" && !slices.Equal(kinds, want) {
				t.Errorf("notes = %v, want %q", kinds, tt.note)
			}
		})
	}
}

func TestReadCSAFBadInput(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"broken JSON names the file and line", "{\n\"document\": {\n  \"title\": ,\n}}", "bad.json: line 3"},
		{"a document without tracking ID is refused", `{"document": {"csaf_version": "2.0", "tracking": {}}}`, "document.tracking.id is empty"},
		{"CSAF 1.2 is refused", `{"document": {"csaf_version": "1.2", "tracking": {"id": "X"}}}`, `csaf_version is "1.2", want 2.0`},
		{"a wrongly typed field names the field", `{"document": {"csaf_version": "2.0", "tracking": {"id": 5}}}`, "document.tracking.id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSAF("bad.json", strings.NewReader(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestReadCSAFPathFolder(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(csafFixture)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "2099"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "2099", "zw-test-sa-2099-0001.json"), data, 0o644))
	must(os.WriteFile(filepath.Join(dir, "provider-metadata.json"), []byte(`{"canonical_url": "https://example.invalid"}`), 0o644))
	must(os.WriteFile(filepath.Join(dir, "changes.csv"), []byte("x"), 0o644))
	advs, skipped, err := ReadCSAFPath(dir)
	t.Run("advisories in subfolders are read", func(t *testing.T) {
		if err != nil || len(advs) != 1 || advs[0].ID != "ZW-TEST-SA-2099-0001" {
			t.Fatalf("advisories = %v, err %v", advs, err)
		}
	})
	t.Run("JSON that is not an advisory is skipped and named", func(t *testing.T) {
		if len(skipped) != 1 || filepath.Base(skipped[0]) != "provider-metadata.json" {
			t.Errorf("skipped = %v", skipped)
		}
	})
	t.Run("broken JSON in the folder is an error naming the file", func(t *testing.T) {
		must(os.WriteFile(filepath.Join(dir, "broken.json"), []byte("{"), 0o644))
		_, _, err := ReadCSAFPath(dir)
		if err == nil || !strings.Contains(err.Error(), "broken.json") {
			t.Errorf("err = %v", err)
		}
	})
}
