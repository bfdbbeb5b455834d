package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

func writeSample(t *testing.T, edit func(p *model.Project)) string {
	t.Helper()
	p := model.Sample()
	if edit != nil {
		edit(p)
	}
	data, err := model.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAssessLangKeepsTheContractAndTranslatesTheText(t *testing.T) {
	path := writeSample(t, nil)
	code, enOut, stderr := run(t, "assess", "--json", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, deOut, stderr := run(t, "assess", "--json", "--lang", "de", path)
	if code != ExitOK {
		t.Fatalf("--lang de: exit %d: %s", code, stderr)
	}
	var en, de struct {
		Zones []struct {
			SLT [7]struct {
				SL      int `json:"sl"`
				Reasons []struct{ Rule, Text string }
			} `json:"slT"`
		} `json:"zones"`
	}
	if err := json.Unmarshal([]byte(enOut), &en); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(deOut), &de); err != nil {
		t.Fatal(err)
	}
	if len(en.Zones) == 0 || len(en.Zones) != len(de.Zones) {
		t.Fatalf("%d English zones, %d German", len(en.Zones), len(de.Zones))
	}
	differ := 0
	for i := range en.Zones {
		for f := range 7 {
			a, b := en.Zones[i].SLT[f], de.Zones[i].SLT[f]
			if a.SL != b.SL || len(a.Reasons) != len(b.Reasons) {
				t.Fatalf("zone %d FR%d: levels or reasons differ between languages", i, f+1)
			}
			for k := range a.Reasons {
				if a.Reasons[k].Rule != b.Reasons[k].Rule {
					t.Errorf("zone %d FR%d: rule %q in English, %q in German", i, f+1, a.Reasons[k].Rule, b.Reasons[k].Rule)
				}
				if a.Reasons[k].Text != b.Reasons[k].Text {
					differ++
				}
			}
		}
	}
	if differ == 0 {
		t.Error("--lang de prints the English explanations")
	}
	for _, english := range []string{"no scenario asks more", "intolerable scenario", "unmitigated:", "does not apply to conduit"} {
		if strings.Contains(deOut, english) {
			t.Errorf("the German assessment still says %q", english)
		}
	}
	if !strings.Contains(deOut, "nicht tolerierbare Szenario") {
		t.Error("the German assessment lacks its SL-T basis sentence")
	}
}

func TestTheProjectLanguageIsTheDefault(t *testing.T) {
	path := writeSample(t, func(p *model.Project) { p.Language = "de" })
	_, out, _ := run(t, "assess", "--json", path)
	if !strings.Contains(out, "Kein Szenario verlangt mehr") && !strings.Contains(out, "nicht tolerierbare Szenario") {
		t.Error("a German project does not assess in German without --lang")
	}
	_, out, _ = run(t, "assess", "--json", "--lang", "en", path)
	if strings.Contains(out, "nicht tolerierbare Szenario") {
		t.Error("--lang en does not win over the project language")
	}
}

func TestValidateLang(t *testing.T) {
	path := writeSample(t, nil)
	code, out, stderr := run(t, "validate", "--lang", "de", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "Warnung: Conduit") || !strings.Contains(out, "Feld flows[2].port") || strings.Contains(out, "list the permitted ports") {
		t.Errorf("validate --lang de: %s", out)
	}
	_, en, _ := run(t, "validate", path)
	if !strings.Contains(en, `warning: conduit "K07`) || !strings.Contains(en, "list the permitted ports explicitly") {
		t.Errorf("validate in English: %s", en)
	}
}

func TestRequirementsLang(t *testing.T) {
	code, out, stderr := run(t, "requirements", "--sl", "1,1,1,1,1,1,1", "--lang", "de")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Systemanforderungen", "Identifizierung und Authentifizierung menschlicher Benutzer", "Titel"} {
		if !strings.Contains(out, want) {
			t.Errorf("requirements --lang de lacks %q:\n%s", want, out)
		}
	}
	_, js, _ := run(t, "requirements", "--sl", "1,1,1,1,1,1,1", "--lang", "de", "--json")
	if !strings.Contains(js, `"id":"SR 1.1"`) && !strings.Contains(js, `"id": "SR 1.1"`) {
		t.Errorf("the JSON keeps the identifiers: %.200s", js)
	}
	if !strings.Contains(js, "Kontenverwaltung") {
		t.Error("requirements --json --lang de has no German title")
	}
}

func TestLangIsAUsageErrorWhenUnknown(t *testing.T) {
	for _, args := range [][]string{{"assess", "--lang", "fr", "x.json"}, {"validate", "--lang", "fr", "x.json"}, {"requirements", "--sl", "1,1,1,1,1,1,1", "--lang", "fr"}} {
		if code, _, stderr := run(t, args...); code != ExitUsage || !strings.Contains(stderr, `language "fr"`) {
			t.Errorf("%v: exit %d, %q; want a usage error", args, code, stderr)
		}
	}
}

func TestSampleLang(t *testing.T) {
	_, plain, _ := run(t, "sample")
	want, err := model.Marshal(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	if plain != string(want) {
		t.Error("`zonewise sample` without --lang no longer writes Sample()")
	}
	for lang, words := range map[string][]string{"de": {`"language": "de"`, "Trinkwasser", "Selten", "Hochentwickelter Akteur"}, "en": {`"language": "en"`, "Takeover of the OT domain controller", "Confidential"}} {
		code, out, stderr := run(t, "sample", "--lang", lang)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", lang, code, stderr)
		}
		for _, w := range words {
			if !strings.Contains(out, w) {
				t.Errorf("sample --lang %s lacks %q", lang, w)
			}
		}
	}
	if code, _, _ := run(t, "sample", "--lang", "fr"); code != ExitUsage {
		t.Errorf("sample --lang fr: exit %d, want usage", code)
	}
}

// The terminal summary of assess --lang de is German throughout: headings,
// labels and counts, not only the engine's reasons; the English summary
// keeps its wording (scripts grep it).
func TestAssessSummaryLang(t *testing.T) {
	path := writeSample(t, nil)
	code, de, stderr := run(t, "assess", "--lang", "de", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"\nZonen\n", "\nConduits\n", "Anforderungen nicht erfüllt", "Szenariorisiko (Toleranzgrenze: Mittel;",
		"\nKompensierende Maßnahmen\n", "Vorschläge; die besten", "Die Auswahl je Zone und Conduit:", "Aufwand mittel", "Lücke 1,1,1,1,1,1,1"} {
		if !strings.Contains(de, want) {
			t.Errorf("assess --lang de lacks %q", want)
		}
	}
	for _, english := range []string{"\nZones\n", "requirements unmet", "Scenario risk", "Compensating countermeasures", "proposals; the best",
		"The cover per zone", "effort medium", "needs detailed assessment", " gap 1,"} {
		if strings.Contains(de, english) {
			t.Errorf("assess --lang de still says %q", english)
		}
	}
	_, en, _ := run(t, "assess", "--lang", "en", path)
	for _, want := range []string{"\nZones\n", "requirements unmet", "Scenario risk (tolerable line: Medium;", "\nCompensating countermeasures\n",
		"The cover per zone and conduit:", "effort medium", "needs detailed assessment, zone Feldebene Filtration: initial risk critical"} {
		if !strings.Contains(en, want) {
			t.Errorf("assess in English lacks %q", want)
		}
	}
}

// A malformed project file read with --lang de is reported in German,
// naming file, object and field; without --lang in English.
func TestLoadErrorLang(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
	if err := os.WriteFile(path, []byte(`{"schemaVersion": 3, "zones": [{"id": "z1", "name": "Leitwarte", "purdueLevel": "two"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"validate", "assess"} {
		code, _, stderr := run(t, cmd, "--lang", "de", path)
		want := path + `: Zone #1 „Leitwarte“ (z1): Feld „purdueLevel“: JSON-Zeichenkette gefunden; erwartet wird eine Zahl`
		if code == ExitOK || !strings.Contains(stderr, want) {
			t.Errorf("%s --lang de: exit %d, stderr %q; want %q", cmd, code, stderr, want)
		}
		_, _, stderr = run(t, cmd, path)
		if want := path + `: zone #1 "Leitwarte" (z1): field "purdueLevel": got JSON string, want a number`; !strings.Contains(stderr, want) {
			t.Errorf("%s: stderr %q; want %q", cmd, stderr, want)
		}
	}
}
