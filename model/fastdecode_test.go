package model

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// checkFastDecode holds decodeFast to decodeStrict (encoding/json) on one
// input: where the fast decoder accepts a file, encoding/json must accept it
// too and decode the same project. (The fast decoder may refuse more: the
// strict decode then decides.)
func checkFastDecode(t *testing.T, data []byte) (fastOK bool) {
	t.Helper()
	var fast, strict Project
	errFast := decodeFast(data, &fast)
	errStrict := decodeStrict(data, &strict)
	if errFast != nil {
		return false
	}
	if errStrict != nil {
		t.Fatalf("the fast decoder accepts what encoding/json refuses (%v): %.200q", errStrict, data)
	}
	if !reflect.DeepEqual(fast, strict) {
		t.Fatalf("the decoders disagree on %.200q", data)
	}
	return true
}

// TestFastDecodeMatchesEncodingJSON: the project files of the tests, the
// sample and generated plants decode on the fast path to exactly what
// encoding/json makes of them; hand-made oddities either do the same or go
// to encoding/json.
func TestFastDecodeMatchesEncodingJSON(t *testing.T) {
	var files []string
	for _, glob := range []string{"testdata/*.json", "../cli/testdata/*/*.json", "../render/document/testdata/*.json"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("found only %d project files", len(files))
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(name, "schema1.json") { // migrated first
				if data, err = migrate(data, 1); err != nil {
					t.Fatal(err)
				}
			}
			checkFastDecode(t, data)
		})
	}
	for name, p := range map[string]*Project{"sample": Sample(), "generated 50/1000": Generate(50, 1000, 1), "generated 5/40 seed 9": Generate(5, 40, 9)} {
		t.Run(name+" takes the fast path", func(t *testing.T) {
			data, err := Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if !checkFastDecode(t, data) {
				t.Fatal("the fast decoder refused a file Zonewise wrote")
			}
		})
	}
	oddities := map[string]string{
		"names in another case":           `{"schemaVersion": 3, "NAME": "x", "Zones": [{"ID": "z", "name": "Z"}]}`,
		"a duplicate name":                `{"schemaVersion": 3, "name": "a", "name": "b"}`,
		"a duplicate name in a zone":      `{"schemaVersion": 3, "zones": [{"id": "z", "name": "a", "name": "b"}]}`,
		"an unknown field":                `{"schemaVersion": 3, "nmae": "x"}`,
		"an unknown nested field":         `{"schemaVersion": 3, "zones": [{"id": "z", "colour": "red"}]}`,
		"invalid UTF-8":                   "{\"schemaVersion\": 3, \"name\": \"a\xffb\"}",
		"a lone surrogate escape":         `{"schemaVersion": 3, "name": "a\ud800b"}`,
		"escapes":                         `{"schemaVersion": 3, "name": "tab\t nl\n \u00e9 \u2028 \"q\" \\ \/"}`,
		"an exponent for an integer":      `{"schemaVersion": 3, "zones": [{"id": "z", "slT": [1e0,2,2,2,2,2,2]}]}`,
		"a fraction for an integer":       `{"schemaVersion": 3, "zones": [{"id": "z", "slT": [1.5,2,2,2,2,2,2]}]}`,
		"a string for an integer":         `{"schemaVersion": 3, "assets": [{"id": "a", "slC": ["1",2,2,2,2,2,2]}]}`,
		"nulls":                           `{"schemaVersion": 3, "name": null, "zones": null, "assets": [{"id": "a", "slC": null, "position": null}]}`,
		"empty lists":                     `{"schemaVersion": 3, "zones": [], "assets": [{"id": "a", "focusPoints": []}]}`,
		"trailing data":                   `{"schemaVersion": 3} {}`,
		"a number too large":              `{"schemaVersion": 3, "assets": [{"id": "a", "position": {"x": 1e400}}]}`,
		"negative zero":                   `{"schemaVersion": 3, "assets": [{"id": "a", "position": {"x": -0}}]}`,
		"a boolean for a string":          `{"schemaVersion": 3, "name": true}`,
		"an object for a list":            `{"schemaVersion": 3, "zones": {}}`,
		"deep nesting in an unknown slot": `{"schemaVersion": 3, "suc": {"assumptions": [[[[]]]]}}`,
	}
	for name, src := range oddities {
		t.Run(name, func(t *testing.T) { t.Logf("fast path: %v", checkFastDecode(t, []byte(src))) })
	}
}

// FuzzFastDecode: on any input the fast decoder accepts, encoding/json
// decodes the same project. Lists are cut into chunks of two and the
// assets split from the file whatever their size, so that the parallel
// paths see the fuzzer's inputs too.
func FuzzFastDecode(f *testing.F) {
	addTestdataSeeds(f)
	defer func(n, m int) { parallelChunk, splitAssetsMin = n, m }(parallelChunk, splitAssetsMin)
	parallelChunk, splitAssetsMin = 2, 0
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		checkFastDecode(t, data)
	})
}

// TestParallelDecodeChunks: with lists cut into chunks of two elements,
// the parallel decode of assets and threat scenarios (decodeParallel) still
// gives exactly what encoding/json makes of each file, and leaves the files
// it cannot decode the same way (a list given twice, a null element, a
// misplaced field in a late chunk) to the strict decode.
func TestParallelDecodeChunks(t *testing.T) {
	defer func(n, m int) { parallelChunk, splitAssetsMin = n, m }(parallelChunk, splitAssetsMin)
	parallelChunk = 2
	for _, split := range []int{1 << 30, 0} { // the assets through decodeParallel, then cut out by splitAssets
		splitAssetsMin = split
		t.Run(fmt.Sprintf("assets split from %d bytes", split), func(t *testing.T) { checkParallelDecode(t) })
	}
}

func checkParallelDecode(t *testing.T) {
	for name, p := range map[string]*Project{"sample": Sample(), "generated 50/1000": Generate(50, 1000, 1)} {
		data, err := Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if !checkFastDecode(t, data) {
			t.Fatalf("%s: the fast decoder refused a file Zonewise wrote", name)
		}
	}
	tests := []struct {
		name, src string
		fast      bool // whether the fast path must take the file
	}{
		{"strings with brackets, braces and escaped quotes",
			`{"schemaVersion": 3, "assets": [{"id": "a\"]}\\", "name": "x\\"}, {"id": "b", "name": "[{,"}, {"id": "c", "name": "\\\"}"}], "threatScenarios": [{"id": "s1"}, {"id": "s2"}, {"id": "s3"}]}`, true},
		{"the list given twice, names in another case", `{"schemaVersion": 3, "assets": [{"id": "a", "name": "x"}], "Assets": [{"id": "b"}]}`, false},
		{"a null element", `{"schemaVersion": 3, "assets": [{"id": "a"}, null, {"id": "b"}]}`, false},
		{"an unknown field in a late chunk", `{"schemaVersion": 3, "assets": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d", "bogus": 1}]}`, false},
		{"a wrong type in a late chunk", `{"schemaVersion": 3, "assets": [{"id": "a"}, {"id": "b"}, {"id": "c", "name": 5}]}`, false},
		{"a string for the list", `{"schemaVersion": 3, "assets": "x"}`, false},
		{"null for the list", `{"schemaVersion": 3, "assets": null}`, true},
		{"a missing comma between chunks", `{"schemaVersion": 3, "assets": [{"id": "a"}, {"id": "b"} {"id": "c"}]}`, false},
		{"a double comma between chunks", `{"schemaVersion": 3, "assets": [{"id": "a"}, {"id": "b"},, {"id": "c"}]}`, false},
		{"a trailing comma", `{"schemaVersion": 3, "assets": [{"id": "a"}, {"id": "b"}, {"id": "c"},]}`, false},
		{"the list given twice", `{"schemaVersion": 3, "assets": [{"id": "a"}], "assets": [{"id": "b"}]}`, false},
		{"the list before, names in another case", `{"schemaVersion": 3, "ASSETS": [{"id": "a", "name": "n"}], "assets": [{"id": "b"}]}`, false},
		{"the list under an escaped name", `{"schemaVersion": 3, "\u0061ssets": [{"id": "a", "name": "n"}, {"id": "b"}, {"id": "c"}]}`, true},
		{"members after the list", `{"schemaVersion": 3, "assets": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "name": "x", "zones": [{"id": "z", "name": "[\"{"}]}`, true},
		{"garbage after the list", `{"schemaVersion": 3, "assets": [{"id": "a"}, {"id": "b"}, {"id": "c"}] x}`, false},
		{"an unterminated list", `{"schemaVersion": 3, "assets": [{"id": "a"}, {"id": "b"}, {"id": "c"}`, false},
		{"an empty list", `{"schemaVersion": 3, "assets": [ ]}`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := checkFastDecode(t, []byte(tc.src)); got != tc.fast {
				t.Errorf("fast path %v, want %v", got, tc.fast)
			}
		})
	}
}

// TestArrayElements: the element bounds of a well-formed array of objects,
// past strings holding brackets and escaped quotes.
func TestArrayElements(t *testing.T) {
	src := ` [ {"a": "]\"}"} , {"b": [1, {"c": "\\"}]}, {} ] `
	raw := []byte(strings.TrimSpace(src))
	got, end, ok := arrayElements(raw)
	if !ok || end != len(raw) {
		t.Fatalf("not taken for an array (end %d of %d)", end, len(raw))
	}
	var elems []string
	for i := 0; i < len(got); i += 2 {
		elems = append(elems, string(raw[got[i]:got[i+1]]))
	}
	want := []string{`{"a": "]\"}"}`, `{"b": [1, {"c": "\\"}]}`, `{}`}
	if !reflect.DeepEqual(elems, want) {
		t.Errorf("elements %q, want %q", elems, want)
	}
	for _, bad := range []string{`{}`, `[1, 2]`, `["a"]`, `[{}`, `[null]`, `[{} {}]`, `[{},, {}]`, `[{},]`, `[, {}]`, `[{}}`} {
		if _, _, ok := arrayElements([]byte(bad)); ok {
			t.Errorf("%s taken for an array of objects", bad)
		}
	}
}
