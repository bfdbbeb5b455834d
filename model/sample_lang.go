package model

import (
	"embed"
	"fmt"
	"reflect"
	"strings"
)

// The built-in sample plant is a German water utility. Sample() is the
// project as it has always been written (names of places, assets and
// scenarios in German, the prose in English) and stays byte for byte the
// same, because documents, tests and stored hashes are built on it.
// SampleIn gives a new user a project that reads in one language: each
// file below maps a text of Sample() to its wording in that language
// (one "text<TAB>translation" per line). Names of places (Nordhafen,
// Lindenberg, Brunnenfeld, Hochbehälter) and products stay as they are.
//
//go:embed samplelang/*.tsv
var sampleLangFiles embed.FS

// SampleLangs are the languages SampleIn knows.
var SampleLangs = []string{"en", "de"}

// SampleIn returns the sample plant in language lang ("en" or "de"): its
// texts in that language and the project's document language set to it,
// so that the GUI's Documents view and `export` write in it too. The IDs,
// levels and structure are those of Sample().
func SampleIn(lang string) (*Project, error) {
	table, err := sampleTable(lang)
	if err != nil {
		return nil, err
	}
	p := Sample()
	translateStrings(reflect.ValueOf(p).Elem(), table)
	p.Language = lang
	return p, nil
}

// sampleTable reads the translations of one language.
func sampleTable(lang string) (map[string]string, error) {
	name := "samplelang/" + lang + ".tsv"
	data, err := sampleLangFiles.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("sample language %q: want one of %s", lang, strings.Join(SampleLangs, ", "))
	}
	out := map[string]string{}
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		from, to, ok := strings.Cut(line, "\t")
		if !ok || from == "" || to == "" || strings.Contains(to, "\t") {
			return nil, fmt.Errorf("%s: line %d: want text, a tab and its translation", name, i+1)
		}
		if _, dup := out[from]; dup {
			return nil, fmt.Errorf("%s: line %d: %q is translated twice", name, i+1, from)
		}
		out[from] = to
	}
	return out, nil
}

// translateStrings replaces every string field, slice and map element of
// v that equals a text of the table; IDs never do (they are hex digests).
func translateStrings(v reflect.Value, table map[string]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			translateStrings(v.Elem(), table)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				translateStrings(v.Field(i), table)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			translateStrings(v.Index(i), table)
		}
	case reflect.String:
		if to, ok := table[v.String()]; ok && v.CanSet() && v.Type() == reflect.TypeFor[string]() {
			v.SetString(to)
		}
	}
}
