package model

import (
	"reflect"
	"strings"
	"testing"
)

func TestSampleInEachLanguage(t *testing.T) {
	base := Sample()
	var texts []string
	collect(reflect.ValueOf(base).Elem(), &texts)
	have := map[string]bool{}
	for _, s := range texts {
		have[s] = true
	}
	for _, lang := range SampleLangs {
		table, err := sampleTable(lang)
		if err != nil {
			t.Fatal(err)
		}
		for from := range table {
			if !have[from] {
				t.Errorf("%s: %q is not a text of the sample (stale line)", lang, from)
			}
		}
		p, err := SampleIn(lang)
		if err != nil {
			t.Fatal(err)
		}
		if p.Language != lang {
			t.Errorf("%s: document language %q", lang, p.Language)
		}
		if HasErrors(Validate(p)) {
			t.Errorf("%s: the sample has errors: %v", lang, Validate(p))
		}
		if len(p.Zones) != len(base.Zones) || p.Zones[0].ID != base.Zones[0].ID || p.Assets[3].SLC != base.Assets[3].SLC {
			t.Errorf("%s: the translation changed the plant", lang)
		}
	}
	// Sample() itself is unchanged by SampleIn.
	if !reflect.DeepEqual(Sample(), base) {
		t.Error("SampleIn changed Sample()")
	}
	en, _ := SampleIn("en")
	for _, s := range en.Scenarios {
		for _, german := range []string{"der ", "die ", "des ", "über ", "Übernahme", "Manipulation"} {
			if strings.Contains(s.Name, german) {
				t.Errorf("English sample scenario %q reads German", s.Name)
			}
		}
	}
	de, _ := SampleIn("de")
	if !strings.Contains(de.SUC.Description, "Trinkwasser") || !strings.Contains(de.Scenarios[0].Description+de.Scenarios[1].Description, " die ") {
		t.Errorf("German sample prose is not German: %q", de.SUC.Description)
	}
	if _, err := SampleIn("fr"); err == nil {
		t.Error("an unknown sample language is accepted")
	}
}

func collect(v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collect(v.Elem(), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				collect(v.Field(i), out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			collect(v.Index(i), out)
		}
	case reflect.String:
		*out = append(*out, v.String())
	}
}
