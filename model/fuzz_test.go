package model

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds are small hand-written inputs next to the testdata files.
var fuzzSeeds = []string{
	"", "{}", "null", "[]", `{"schemaVersion": 2}`, `{"schemaVersion": 1, "conduits": [{"from": "a", "to": "b"}]}`,
	`{"schemaVersion": 2, "zones": [{"id": "z", "parentId": "z"}]}`, `{"schemaVersion": 2, "assets": [{"slC": [1,2,3,4,5,6,7,8]}]}`,
	`{"schemaVersion": 3}`, `{"schemaVersion": "x"}`, `{"schemaVersion": 1, "assets": [1]}`, `{"schemaVersion": 1, "conduits": 5}`,
}

func addTestdataSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		// Huge seeds (the hostile file) make the fuzzing engine crawl; they
		// are covered by TestGoldenFiles instead.
		if len(data) <= 256<<10 {
			f.Add(data)
		}
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
}

// FuzzUnmarshal: decoding never panics; a decoded project validates without
// panicking and survives Marshal → Unmarshal → Marshal unchanged.
func FuzzUnmarshal(f *testing.F) {
	addTestdataSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Unmarshal(data)
		if err != nil {
			if p != nil {
				t.Fatal("a project and an error")
			}
			return
		}
		Validate(p)
		first, err := Marshal(p)
		if err != nil {
			t.Fatalf("decoded project does not encode: %v", err)
		}
		q, err := Unmarshal(first)
		if err != nil {
			t.Fatalf("re-decoding own output: %v", err)
		}
		second, err := Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatal("Marshal → Unmarshal → Marshal is not stable")
		}
	})
}

// FuzzMigrate runs the schema-1 migration on arbitrary JSON: it may fail but
// must not panic, and what it returns must be JSON.
func FuzzMigrate(f *testing.F) {
	addTestdataSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := migrate(data, 1)
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("migration output is not JSON: %.200q", out)
		}
		Unmarshal(out) // must not panic either
	})
}

func TestSchemaVersionSniffing(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
		ok   bool
	}{
		{"the form Marshal writes is read", "{\n  \"schemaVersion\": 2,\n", 2, true},
		{"blanks around the tokens are allowed", " { \"schemaVersion\" :\t1 }", 1, true},
		{"a version that is not first is left to the full parse", `{"id": "x", "schemaVersion": 2}`, 0, false},
		{"a leading zero is left to the full parse", `{"schemaVersion": 02,`, 0, false},
		{"a fraction is left to the full parse", `{"schemaVersion": 2.0,`, 0, false},
		{"text is left to the full parse", `{"schemaVersion": "2",`, 0, false},
		{"a huge number is left to the full parse", `{"schemaVersion": 99999,`, 0, false},
		{"a cut-off file is left to the full parse", `{"schemaVersion": 2`, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := sniffSchemaVersion([]byte(tt.in))
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %d, %v; want %d, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
	t.Run("a second schemaVersion later in the file is refused", func(t *testing.T) {
		data := bytes.Replace(mustMarshal(t, Sample()), []byte(`"name": "Wasserwerk Nordhafen",`), []byte(`"name": "x", "schemaVersion": 99,`), 1)
		if _, err := Unmarshal(data); err == nil || !strings.Contains(err.Error(), "more than once") {
			t.Errorf("got %v", err)
		}
	})
}
