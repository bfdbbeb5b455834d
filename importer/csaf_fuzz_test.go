package importer

import (
	"bytes"
	"testing"

	"zonewise/model"
)

// FuzzReadCSAF: any bytes either fail with an error naming the file, or
// give an advisory that plans against the sample plant without panicking,
// whose steps name an advisory and an identifier.
func FuzzReadCSAF(f *testing.F) {
	addSeeds(f, "csaf/zw-test-sa-2099-0001.json")
	f.Add([]byte(`{"document":{"csaf_version":"2.0","tracking":{"id":"X"}},"product_tree":{"relationships":[{"full_product_name":{"product_id":"R"},"product_reference":"R","relates_to_product_reference":"R"}]},"vulnerabilities":[{"product_status":{"known_affected":["R","Q"]}}]}`))
	p := model.Sample()
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadCSAF("f.json", bytes.NewReader(data))
		if err != nil {
			if !bytes.Contains([]byte(err.Error()), []byte("f.json")) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, st := range PlanCSAF(p, []*Advisory{a}).Steps {
			if st.Advisory == "" || st.Identifier == "" {
				t.Fatalf("step without advisory or identifier: %+v", st)
			}
		}
	})
}

// FuzzParseVersionRange: a range either fails or answers Contains for any
// version; a range that holds v holds it again (no state).
func FuzzParseVersionRange(f *testing.F) {
	for _, s := range []string{"vers:generic/>=1.0|<2.1", "All versions < V2.9.4", "2.0 - 2.9", "3.0 and later", "vers:all/*", ">= 1.0, < 2.1", "before 3.0"} {
		f.Add(s, "2.0.9")
	}
	f.Fuzz(func(t *testing.T, rng, v string) {
		r, err := ParseVersionRange(rng)
		if err != nil {
			return
		}
		if r.Contains(v) != r.Contains(v) {
			t.Fatal("Contains is not deterministic")
		}
		_ = compareVersions(v, rng)
	})
}
