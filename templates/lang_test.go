package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"zonewise/i18n"
	"zonewise/model"
)

// withSource makes the loader read the built-in templates from files for
// one test: the English ones as embedded, plus the German test template of
// testdata/lang.
func withSource(t *testing.T, extra map[string]string) {
	t.Helper()
	m := fstest.MapFS{}
	for _, k := range Kinds() {
		src, err := embedded.ReadFile(k + ".md")
		if err != nil {
			t.Fatal(err)
		}
		m[k+".md"] = &fstest.MapFile{Data: src}
	}
	for name, src := range extra {
		m[name] = &fstest.MapFile{Data: []byte(src)}
	}
	old := source
	source = m
	t.Cleanup(func() { source = old })
}

func germanTestTemplate(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "lang", "de", "crs.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

func TestLoadLangPicksTheTemplateOfTheLanguage(t *testing.T) {
	withSource(t, map[string]string{"de/crs.md": germanTestTemplate(t)})
	userDir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(userDir, "de"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(userDir, "de", "policies.md"), []byte("Eigene Richtlinie {{.Project.Name}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(userDir, "crs.md"), []byte("Own CRS {{.Project.Name}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(userDir, "procedures.md"), []byte("Own procedures {{.Project.Name}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, kind string
		lang       i18n.Lang
		wantLang   i18n.Lang
		wantPath   string // "" for a built-in template
		wantStart  string
		wantWarn   bool
	}{
		{"a German document uses the built-in German template", "crs", i18n.DE, i18n.DE, "", "# Anforderungsspezifikation", false},
		{"an English document uses the English override", "crs", i18n.EN, i18n.EN, filepath.Join(userDir, "crs.md"), "Own CRS", false},
		{"a German override in DIR/de comes before the built-in one", "policies", i18n.DE, i18n.DE, filepath.Join(userDir, "de", "policies.md"), "Eigene Richtlinie", false},
		{"an English override is not used for a German document when German exists", "crs", i18n.DE, i18n.DE, "", "# Anforderungsspezifikation", false},
		{"a kind without any German template falls back to English with a warning", "self-assessment", i18n.DE, i18n.EN, "", "", true},
		{"the fallback to English still takes the user's English override", "procedures", i18n.DE, i18n.EN, filepath.Join(userDir, "procedures.md"), "Own procedures", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, err := LoadLang(tt.kind, tt.lang, userDir)
			if err != nil {
				t.Fatal(err)
			}
			if tpl.Lang != tt.wantLang || tpl.Path != tt.wantPath {
				t.Errorf("got language %q from %q, want %q from %q", tpl.Lang, tpl.Path, tt.wantLang, tt.wantPath)
			}
			if (tpl.Warning != "") != tt.wantWarn {
				t.Errorf("warning %q, want one: %v", tpl.Warning, tt.wantWarn)
			}
			if tt.wantWarn && !strings.Contains(tpl.Warning, "de/"+tt.kind+".md") {
				t.Errorf("warning %q does not name the file it looked for", tpl.Warning)
			}
			if tt.wantStart != "" {
				md, err := tpl.Execute(NewDataIn(tpl.Lang, model.Sample(), nil, nil, "2026-12-04"))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(md, tt.wantStart) {
					t.Errorf("document starts %.60q, want %q", md, tt.wantStart)
				}
			}
		})
	}
}

func TestABrokenGermanOverrideIsAnErrorNamingTheFile(t *testing.T) {
	withSource(t, map[string]string{"de/crs.md": germanTestTemplate(t)})
	dir := t.TempDir()
	path := filepath.Join(dir, "de", "crs.md")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("{{.Project.Name"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadLang("crs", i18n.DE, dir)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("got %v, want an error naming %s", err, path)
	}
}

func TestGermanTemplateFunctionsWriteGermanDatesAndNumbers(t *testing.T) {
	withSource(t, map[string]string{"de/crs.md": germanTestTemplate(t)})
	tpl, err := LoadLang("crs", i18n.DE)
	if err != nil {
		t.Fatal(err)
	}
	p := model.Sample()
	p.Date = "2026-12-04"
	md, err := tpl.Execute(NewDataIn(i18n.DE, p, nil, nil, p.Date))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Stand: 04.12.2026.", "Beispielwert: 1.234,5.", "Im Geltungsbereich: Ja.", "Zonentyp der DMZ: DMZ."} {
		if !strings.Contains(md, want) {
			t.Errorf("German document lacks %q:\n%s", want, md)
		}
	}
}

func TestGermanDataLabelsTheModelsValuesInGerman(t *testing.T) {
	p := model.Sample()
	en, de := NewDataIn(i18n.EN, p, nil, nil, p.Date), NewDataIn(i18n.DE, p, nil, nil, p.Date)
	for i := range de.Zones {
		key := model.ZoneType(de.Zones[i].TypeKey)
		if got, want := string(de.Zones[i].Type), i18n.For(i18n.DE).T(i18n.EnumKey(key)); got != want {
			t.Errorf("zone %s type %q, want %q", de.Zones[i].Name, got, want)
		}
		if got := string(en.Zones[i].Type); got != key.Label() {
			t.Errorf("English zone %s type %q, want %q", en.Zones[i].Name, got, key.Label())
		}
	}
	if string(de.Project.Method) == string(en.Project.Method) {
		t.Errorf("the SL-T method reads %q in both languages", de.Project.Method)
	}
}

func TestEveryDeliverableHasItsWordsInEveryLanguage(t *testing.T) {
	for _, l := range i18n.Langs {
		for i, d := range DeliverablesIn(l) {
			if strings.HasPrefix(d.Label, "[") {
				t.Errorf("%s: deliverable %s has no label: %s", l, d.Kind, d.Label)
			}
			if l == i18n.EN && d.Label != Deliverables()[i].Label {
				t.Errorf("English label of %s is %q in the catalogue, %q in the kinds table", d.Kind, d.Label, Deliverables()[i].Label)
			}
		}
		for _, k := range kinds {
			title, sub := TitleIn(k.kind, l), SubtitleIn(k.kind, l)
			if strings.HasPrefix(title, "[") || strings.HasPrefix(sub, "[") {
				t.Errorf("%s: %s has title %q, subtitle %q", l, k.kind, title, sub)
			}
			if l == i18n.EN && (title != k.title || sub != k.subtitle) {
				t.Errorf("English title of %s differs between the catalogue and the kinds table", k.kind)
			}
		}
	}
}
