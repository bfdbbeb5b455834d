package document

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/render"
)

// goldenHashes lists the SHA-256 of every file the sample plant exports (each
// PDF document, the CSV registers and the XLSX workbook) and of its assessed
// SVG diagram, in the format of sha256sum. Refresh it after an intended
// change of the sample, the engine or a renderer with
//
//	go test ./render/document/ -run TestSampleOutputsMatchStoredHashes -update
//
// (or `go test ./render/... -update`, which refreshes every golden file).
const goldenHashes = "testdata/sample-outputs.sha256"

// TestSampleOutputsMatchStoredHashes checks that the sample's documents and
// diagram are byte for byte what an earlier run (another process, another
// machine) produced: output that depends on map order, the clock, the
// machine or the process would change a hash. A difference writes the new
// file to testdata/failed/ for inspection.
func TestSampleOutputsMatchStoredHashes(t *testing.T) {
	p := model.Sample()
	r, cat := assess(t, p)
	dir := t.TempDir()
	if _, err := ExportAll(context.Background(), p, r, cat, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	svg, err := render.SVG(context.Background(), p, r, render.View{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sample.svg"), svg, 0o644); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	var names []string
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		got[e.Name()] = hex.EncodeToString(sum[:])
		names = append(names, e.Name())
	}
	slices.Sort(names)
	for _, kind := range []string{".pdf", ".csv", ".xlsx", ".svg"} {
		if !slices.ContainsFunc(names, func(n string) bool { return strings.HasSuffix(n, kind) }) {
			t.Fatalf("the export has no %s file: %v", kind, names)
		}
	}

	if *update {
		var b strings.Builder
		for _, n := range names {
			fmt.Fprintf(&b, "%s  %s\n", got[n], n)
		}
		if err := os.WriteFile(goldenHashes, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := readHashes(t, goldenHashes)
	for _, n := range names {
		t.Run(n+" is byte for byte the stored one", func(t *testing.T) {
			w, ok := want[n]
			if !ok {
				t.Fatalf("%s has no hash in %s (run with -update to add it)", n, goldenHashes)
			}
			if got[n] != w {
				failed := filepath.Join("testdata", "failed", n)
				_ = os.MkdirAll(filepath.Dir(failed), 0o755)
				data, _ := os.ReadFile(filepath.Join(dir, n))
				_ = os.WriteFile(failed, data, 0o644)
				t.Errorf("SHA-256 %s, stored %s (new file written to %s; run with -update if the change is intended)", got[n], w, failed)
			}
		})
	}
	for n := range want {
		if _, ok := got[n]; !ok {
			t.Errorf("%s lists %s, which the export no longer writes (run with -update)", goldenHashes, n)
		}
	}
}

// readHashes reads a file in the format of sha256sum: "HASH  NAME" per line.
func readHashes(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		hash, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(hash) != 64 || name == "" {
			t.Fatalf("%s:%d: want \"SHA256  NAME\", got %q", path, line, sc.Text())
		}
		out[name] = hash
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
