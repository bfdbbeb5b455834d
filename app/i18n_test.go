package app

import (
	"reflect"
	"testing"

	"zonewise/i18n"
	"zonewise/model"
)

func TestTheInterfaceLanguage(t *testing.T) {
	tests := []struct {
		name, saved, system string
		want                i18n.Lang
	}{
		{"follows a German system", "", "de-DE", i18n.DE},
		{"follows an English system", "", "en-US", i18n.EN},
		{"is English on a system in another language", "", "fr-FR", i18n.EN},
		{"keeps the user's choice over the system", "en", "de-DE", i18n.EN},
		{"keeps German when chosen on an English system", "de", "en-GB", i18n.DE},
		{"ignores a saved value it does not know", "xx", "de-AT", i18n.DE},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := chooseLanguage(tc.saved, tc.system); got != tc.want {
				t.Errorf("chooseLanguage(%q, %q) = %q, want %q", tc.saved, tc.system, got, tc.want)
			}
		})
	}
}

// TestPackageTextsFollowTheLanguage: texts that Go initialises before the
// language is chosen (kind names, table headers, choices) are set again
// in the interface language.
func TestPackageTextsFollowTheLanguage(t *testing.T) {
	defer func() { msgs = i18n.For(i18n.EN); localiseKinds() }()
	msgs = i18n.For(i18n.DE)
	localiseKinds()
	for _, c := range []struct{ what, got, want string }{
		{"zone branch", kindOf(kindZone).heading, "Zonen"},
		{"scenario kind", kindOf(kindScenario).title, "Bedrohungsszenario"},
		{"first proposal column", proposalHeaders[0], "Rang"},
		{"first scenario column", scenarioHeaders[0], "Szenario"},
		{"proposal choice", showAllTargets, "Alle Alternativen"},
		{"the zone's own requirements", zoneItself, "— die Zone selbst (IEC 62443-3-3) —"},
	} {
		if c.got != c.want {
			t.Errorf("%s in German: %q, want %q", c.what, c.got, c.want)
		}
	}
}

func TestTheModelsUndoNamesInGerman(t *testing.T) {
	defer func() { msgs = i18n.For(i18n.EN); localiseKinds() }()
	msgs = i18n.For(i18n.DE)
	localiseKinds()
	for in, want := range map[string]string{
		"Edit zone name":                   "Zone bearbeiten",
		"Delete threat scenario":           "Bedrohungsszenario löschen",
		"Add asset":                        "Asset hinzufügen",
		"Edit project tolerable risk":      "Projekt bearbeiten",
		"Edit registers":                   "Register bearbeiten",
		"Import plant.csv: 3 assets added": "Import plant.csv: 3 assets added", // the app's own, already translated
	} {
		if got := commandLabel(in); got != want {
			t.Errorf("commandLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// A German interface starts on the German sample (German texts, German
// documents); an English one on the sample as `zonewise sample` writes it.
func TestStartSampleFollowsTheInterfaceLanguage(t *testing.T) {
	old := msgs
	t.Cleanup(func() { msgs = old })
	msgs = i18n.For(i18n.DE)
	if p := startSample(); p.Info.Language != "de" {
		t.Errorf("German interface: sample language %q, want de", p.Info.Language)
	}
	msgs = i18n.For(i18n.EN)
	if !reflect.DeepEqual(startSample(), model.Sample()) {
		t.Error("English interface: the sample differs from `zonewise sample`")
	}
}
