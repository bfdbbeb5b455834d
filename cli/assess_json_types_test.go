package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"zonewise/risk"
)

// fillValue sets every exported JSON field under v (recursively, lists of
// two elements) to a value that is not the zero value, or, with zero,
// leaves values zero but makes lists empty and non-nil. Strings carry the
// characters encoding/json escapes.
func fillValue(v reflect.Value, zero bool, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		if !zero {
			v.SetString("s" + string(rune('a'+*n%26)) + " \"q\" \\ <&> \t\x01 \u2028 é \xff")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !zero {
			v.SetInt(int64(*n%9 + 1))
		}
	case reflect.Float32, reflect.Float64:
		if !zero {
			// Both number formats of encoding/json: plain and exponent.
			v.SetFloat([]float64{2.5, 1e-7, 3e21, 0.1 + 0.2}[*n%4])
		}
	case reflect.Bool:
		v.SetBool(!zero)
	case reflect.Slice:
		l := 2
		if zero {
			l = 0
		}
		v.Set(reflect.MakeSlice(v.Type(), l, l))
		for i := range l {
			fillValue(v.Index(i), zero, n)
		}
	case reflect.Array:
		for i := range v.Len() {
			fillValue(v.Index(i), zero, n)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" {
				continue
			}
			fillValue(v.Field(i), zero, n)
		}
	}
}

// TestResultEncodersCoverEveryField: results whose every field is set (and
// results whose every field is zero, lists empty or nil) are written by
// writeResultJSON exactly as encoding/json writes them. A field added to a
// result type but not to the encoders of assess_json_types.go fails here.
func TestResultEncodersCoverEveryField(t *testing.T) {
	cases := map[string]func() *risk.Result{
		"every field set": func() *risk.Result {
			r := &risk.Result{}
			n := 0
			fillValue(reflect.ValueOf(r).Elem(), false, &n)
			return r
		},
		"every field zero, lists empty": func() *risk.Result {
			r := &risk.Result{}
			n := 0
			fillValue(reflect.ValueOf(r).Elem(), true, &n)
			return r
		},
		"every field zero, lists nil": func() *risk.Result {
			r := &risk.Result{}
			r.Zones, r.Conduits, r.Scenarios = make([]risk.ZoneResult, 2), make([]risk.ConduitResult, 2), make([]risk.ScenarioResult, 2)
			r.Proposals, r.Exclusions, r.OpenGaps = make([]risk.Proposal, 2), make([]risk.Exclusion, 2), make([]risk.OpenGap, 2)
			return r
		},
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			r := mk()
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := writeResultJSON(&got, r); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				i := 0
				for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
					i++
				}
				t.Errorf("outputs differ from byte %d:\n got …%.300s\nwant …%.300s", i, got.Bytes()[max(0, i-80):], want.Bytes()[max(0, i-80):])
			}
		})
	}
}

// TestResultEncodersRefuseWhatEncodingJSONRefuses: a score that is not a
// number is an error, as from encoding/json, not a malformed document.
func TestResultEncodersRefuseWhatEncodingJSONRefuses(t *testing.T) {
	r := &risk.Result{Proposals: []risk.Proposal{{ID: "p", Score: math.NaN()}}}
	var got bytes.Buffer
	if err := writeResultJSON(&got, r); err == nil {
		t.Fatalf("no error for a NaN score; wrote %q", got.String())
	}
}

// TestAppendStringMatchesEncodingJSON: strings with every byte value at
// every position of an eight-byte block (the fast path reads eight at a
// time), and random mixes of plain and special bytes, are quoted as
// encoding/json quotes them without HTML escaping.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	check := func(s string) {
		t.Helper()
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendString(nil, s)) + "\n"; got != want.String() {
			t.Fatalf("appendString(%q) = %s, want %s", s, got, want.String())
		}
	}
	for c := range 256 {
		for pos := range 17 {
			b := []byte("abcdefghijklmnopq")
			b[pos] = byte(c)
			check(string(b))
		}
	}
	rng := uint64(1)
	special := []string{"\"", "\\", "\n", "\x00", "\x1f", "\x7f", "é", "\u2028", "\u2029", "\xff", "\xe2\x80", "🚰", "<&>"}
	for range 2000 {
		var b []byte
		for range 12 {
			rng = rng*6364136223846793005 + 1442695040888963407
			if rng>>60 < 4 {
				b = append(b, special[(rng>>32)%uint64(len(special))]...)
			} else {
				b = append(b, "plain text "[:1+(rng>>40)%10]...)
			}
		}
		check(string(b))
	}
}
