package risk

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template/parse"

	"zonewise/i18n"
	"zonewise/model"
)

// keyLiteral finds the catalogue keys the engine writes in its source; a
// literal that ends in "-" or "." is completed at run time (…"none-"+which).
var keyLiteral = regexp.MustCompile(`"((?:risk|fr\.title)\.[a-zA-Z0-9.-]*)"`)

func TestEveryReasonKeyIsInBothCataloguesWithTheSamePlaceholders(t *testing.T) {
	en, de := i18n.For(i18n.EN), i18n.For(i18n.DE)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyLiteral.FindAllStringSubmatch(string(src), -1) {
			key := m[1]
			seen++
			if strings.HasSuffix(key, "-") || strings.HasSuffix(key, ".") {
				if !slices.ContainsFunc(en.Keys(), func(k string) bool { return strings.HasPrefix(k, key) }) {
					t.Errorf("%s: no catalogue key starts with %q", f, key)
				}
				continue
			}
			if !slices.Contains(en.Keys(), key) || !slices.Contains(de.Keys(), key) {
				t.Errorf("%s: %q is not in both catalogues", f, key)
				continue
			}
		}
	}
	if seen < 50 {
		t.Fatalf("found %d key literals in the engine's source; the pattern no longer matches", seen)
	}
	for _, k := range en.Keys() {
		if !strings.HasPrefix(k, "risk.") && !strings.HasPrefix(k, "problem.") {
			continue
		}
		if a, b := fields(t, "en", k), fields(t, "de", k); !reflect.DeepEqual(a, b) {
			t.Errorf("%q: English placeholders %v, German %v", k, a, b)
		}
	}
}

// fields lists a message's placeholders, sorted.
func fields(t *testing.T, lang, key string) []string {
	data, err := os.ReadFile(filepath.Join("..", "i18n", "locales", lang+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	trees, err := parse.Parse(key, m[key], "{{", "}}")
	if err != nil {
		t.Fatalf("%s %q: %v", lang, key, err)
	}
	var out []string
	for _, n := range trees[key].Root.Nodes {
		if a, ok := n.(*parse.ActionNode); ok {
			out = append(out, a.String())
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// englishSentences are fragments of the engine's English sentences, each
// long enough not to occur in German by accident.
var englishSentences = []string{
	"is outside the system under consideration", "no scenario asks more", "the minimum for a zone in scope",
	"connected zone", "has SL-C", "weakest of", "the only asset", "assets have no known SL-C",
	"every asset of the zone", "not met:", "no implemented or compensating measure lists",
	"requirement selected at SL", "by capability", "is accepted but not implemented",
	"unmitigated:", "gives", "against the tolerable line", "intolerable scenario", "on the attack path",
	"residual:", "countermeasure strong enough", "measure(s)", "each lower the likelihood",
	"rests on the linked vulnerabilities", "treatment accept", "treatment transfer", "avoided:",
	"does not apply to conduit", "no person logs on", "lists no data flows", "allows any",
	"has no initiator", "is a shared account", "would cause", "cannot tolerate",
	"no library measure that fits", "needs a project-specific", "if compromised", "initial risk not assessed",
	"sets aside", "below the derived SL", "overridden to SL", "declares", "inherits SL", "safety zone is not below",
	"reachable from the internet", "reachable by remote access", "reachable over wireless", "self-assessment",
	" risk, ", "tolerable", "no justification given",
}

// allText lists every sentence of a result.
func allText(r *Result) []string {
	var out []string
	cells := func(cs *Cells) {
		for _, c := range cs {
			for _, x := range c.Reasons {
				out = append(out, x.Text)
			}
		}
	}
	for _, z := range r.Zones {
		cells(&z.SLT)
		cells(&z.SLC)
		cells(&z.SLA)
		for _, s := range z.RequirementStatus {
			out = append(out, s.Reason)
		}
		out = append(out, z.Initial.Reason)
		out = append(out, z.Findings...)
	}
	for _, c := range r.Conduits {
		cells(&c.SLT)
		cells(&c.SLA)
		for _, s := range c.RequirementStatus {
			out = append(out, s.Reason)
		}
		out = append(out, c.Findings...)
	}
	for _, s := range r.Scenarios {
		for _, rs := range [][]Reason{s.Reasons, s.Current.Reasons, s.Target.Reasons} {
			for _, x := range rs {
				out = append(out, x.Text)
			}
		}
	}
	for _, e := range r.Exclusions {
		out = append(out, e.Reason)
	}
	for _, g := range r.OpenGaps {
		out = append(out, g.Reason)
	}
	for _, w := range r.Warnings {
		out = append(out, w.Text)
	}
	for _, p := range r.Paths {
		out = append(out, p.Text)
	}
	return out
}

// germanPlant is the sample with every kind of sentence the engine writes:
// an override and a not-applicable FR (warnings), a shared role, a treatment
// note, self-assessment answers and a zone with no assets.
func germanPlant(t *testing.T) *model.Project {
	p := model.Sample()
	p.NotApplicable = []model.FR{model.FR4}
	p.NotApplicableJustification = "Keine vertraulichen Daten im Steuerungsnetz"
	p.Zones = append(p.Zones, model.Zone{ID: "empty-zone", Name: "Leere Zone", Type: model.ZoneControl, PurdueLevel: 1})
	return p
}

func TestGermanAssessmentHasNoEnglishSentence(t *testing.T) {
	cat := builtinOrSkip(t)
	en := Assess(germanPlant(t), cat)
	de := Localized(en, i18n.DE)
	texts := allText(de)
	if len(texts) < 1000 {
		t.Fatalf("only %d sentences: the plant no longer exercises the engine", len(texts))
	}
	for _, s := range texts {
		for _, e := range englishSentences {
			if strings.Contains(s, e) {
				t.Errorf("German sentence still has the English %q: %s", e, s)
				break
			}
		}
	}
	// Some sentences every sample assessment has, in German.
	joined := strings.Join(texts, "\n")
	for _, want := range []string{"Kein Szenario verlangt mehr", "Unbehandelt: Eintrittswahrscheinlichkeit", "Ziel-Restrisiko",
		"ist auf Conduit", "Zone 'Leere Zone' hat keine Assets: SL-C 0", "Das Projekt erklärt FR4 (Vertraulichkeit der Daten) für nicht anwendbar",
		"Die Erklärung „nicht anwendbar“ setzt FR4"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the German assessment lacks %q", want)
		}
	}
}

func TestLocalizedLeavesTheResultAndGoesBack(t *testing.T) {
	cat := builtinOrSkip(t)
	en := Assess(germanPlant(t), cat)
	before := allText(en)
	de := Localized(en, i18n.DE)
	if !slices.Equal(allText(en), before) {
		t.Fatal("Localized changed the result it was given")
	}
	if slices.Equal(allText(de), before) {
		t.Fatal("the German result reads as the English one")
	}
	if Localized(en, i18n.EN) != en || Localized(de, i18n.DE) != de {
		t.Error("a result already in the language is not returned as it is")
	}
	back := Localized(de, i18n.EN)
	if got := allText(back); !slices.Equal(got, before) {
		for i := range got {
			if got[i] != before[i] {
				t.Fatalf("back in English, sentence %d reads %q, want %q", i, got[i], before[i])
			}
		}
	}
	// Rules, IDs and numbers are the same in every language.
	for i := range en.Zones {
		if de.Zones[i].SLT.Vector() != en.Zones[i].SLT.Vector() || de.Zones[i].SLT[0].Reasons[0].Rule != en.Zones[i].SLT[0].Reasons[0].Rule {
			t.Fatalf("zone %s: levels or rules differ between languages", en.Zones[i].Name)
		}
	}
}

func TestEnglishIsWhatTheCatalogueSays(t *testing.T) {
	// Every sentence the engine stores in English is its message rendered
	// with the English catalogue: one source for the words.
	r := Assess(germanPlant(t), builtinOrSkip(t))
	n := 0
	for _, z := range r.Zones {
		for _, c := range z.SLT {
			for _, x := range c.Reasons {
				if x.Msg.Key == "" {
					t.Fatalf("zone %s: reason %q has no message key", z.Name, x.Text)
				}
				if got := x.Msg.EN(); got != x.Text {
					t.Fatalf("%s: catalogue gives %q, text is %q", x.Msg.Key, got, x.Text)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no reasons")
	}
}

func TestGermanOverlaysCoverTheCataloguesAndLibraries(t *testing.T) {
	if err := GermanTextErr(); err != nil {
		t.Fatal(err)
	}
	cat := builtinOrSkip(t)
	de := cat.Localized(i18n.DE)
	if de == cat || de.Localized(i18n.EN) != cat || de.Localized(i18n.DE) != de {
		t.Fatal("Localized does not map between the English and the German catalogue")
	}
	for i, r := range de.System {
		if r.ID != cat.System[i].ID || r.MinSL != cat.System[i].MinSL || r.FR != cat.System[i].FR {
			t.Fatalf("%s: the German catalogue changes identifiers or applicability", r.ID)
		}
		if r.Title == cat.System[i].Title || r.Summary == cat.System[i].Summary || r.Title == "" || r.Summary == "" {
			t.Errorf("%s has no German title or summary", r.ID)
		}
	}
	for i, r := range de.Component {
		if r.Title == cat.Component[i].Title || r.Summary == cat.Component[i].Summary {
			t.Errorf("%s has no German title or summary", r.ID)
		}
	}
	for i, m := range de.Measures {
		if m.Name == cat.Measures[i].Name || m.Summary == cat.Measures[i].Summary || !reflect.DeepEqual(m.Max, cat.Measures[i].Max) {
			t.Errorf("%s has no German name or summary, or changed levels", m.ID)
		}
	}
	for i, th := range de.Threats {
		if th.Name == cat.Threats[i].Name || th.Description == cat.Threats[i].Description {
			t.Errorf("%s has no German name or description", th.ID)
		}
	}
	// The overlays name nothing the catalogues lack.
	m, _ := germanText()
	known := map[string]bool{}
	for _, list := range [][]Requirement{cat.System, cat.Component} {
		for _, r := range list {
			known[r.ID] = true
		}
	}
	for _, x := range cat.Measures {
		known[x.ID] = true
	}
	for _, x := range cat.Threats {
		known[x.ID] = true
	}
	for id := range m {
		if !known[id] {
			t.Errorf("the German overlay has %q, which no catalogue or library holds", id)
		}
	}
	// Assessing with the German catalogue keeps the engine's English.
	a, b := Assess(model.Sample(), cat), Assess(model.Sample(), de)
	if !slices.Equal(allText(a), allText(b)) {
		t.Error("the English sentences depend on the catalogue's language")
	}
}
