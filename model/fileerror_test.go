package model

import (
	"fmt"
	"testing"

	"zonewise/i18n"
)

// A malformed project file is reported with its object and field in the
// reader's language; the English sentence is unchanged. Expected texts by
// hand from the catalogue entries "projectfile.*".
func TestFileErrorIn(t *testing.T) {
	de := i18n.For(i18n.DE)
	tests := []struct {
		name, data, en, de string
	}{
		{"a wrong type in a zone", `{"schemaVersion": 3, "zones": [{"id": "z1", "name": 5}]}`,
			`zone #1 (z1): field "name": got JSON number, want text`,
			`Zone #1 (z1): Feld „name“: JSON-Zahl gefunden; erwartet wird Text`},
		{"an unknown field in a named zone", `{"schemaVersion": 3, "zones": [{"id": "z1", "name": "Leitwarte", "colour": 1}]}`,
			`zone #1 "Leitwarte" (z1): unknown field "colour" (not part of the Zonewise format)`,
			`Zone #1 „Leitwarte“ (z1): unbekanntes Feld „colour“ (nicht Teil des Zonewise-Formats)`},
		{"an object where the zones belong", `{"schemaVersion": 3, "zones": {}}`,
			`field "zones": got JSON object, want an array of zones`,
			`Feld „zones“: JSON-Objekt gefunden; erwartet wird eine Liste von Objekten vom Typ Zone`},
		{"a truncated file of an old schema", `{"schemaVersion": 1, "zones": [`,
			`malformed JSON: the file ends early (truncated?)`,
			`fehlerhaftes JSON: die Datei endet vorzeitig (abgeschnitten?)`},
		{"no schema version", `{"name": "x"}`,
			`field "schemaVersion" is missing: not a Zonewise project file`,
			`Feld „schemaVersion“ fehlt: keine Zonewise-Projektdatei`},
		{"an SL vector of the wrong type", `{"schemaVersion": 3, "assets": [{"id": "a1", "name": "PLC", "slC": "high"}]}`,
			`asset #1 "PLC" (a1): field "slC": got JSON "high", want an array of 7 whole numbers 0..4 (FR1..FR7)`,
			`Asset #1 „PLC“ (a1): Feld „slC“: JSON-Wert "high" gefunden; erwartet wird eine Liste aus 7 ganzen Zahlen 0..4 (FR1..FR7)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Unmarshal([]byte(tt.data))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.en {
				t.Errorf("English:\n got %s\nwant %s", err, tt.en)
			}
			// as the command line wraps it: the file name stays in front
			wrapped := fmt.Errorf("%s: %w", "plant.zonewise.json", err)
			if got, want := ErrorIn(wrapped, de), "plant.zonewise.json: "+tt.de; got != want {
				t.Errorf("German:\n got %s\nwant %s", got, want)
			}
			if got := ErrorIn(wrapped, i18n.For(i18n.EN)); got != wrapped.Error() {
				t.Errorf("English through ErrorIn: %s", got)
			}
		})
	}
	if got := ErrorIn(fmt.Errorf("open project: %w", fmt.Errorf("no such file")), de); got != "open project: no such file" {
		t.Errorf("an error without a catalogue message changed: %s", got)
	}
}
