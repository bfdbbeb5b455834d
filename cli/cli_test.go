package cli

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

// run calls Run and returns the exit code and both outputs.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func sampleJSON(t *testing.T) []byte {
	t.Helper()
	data, err := model.Marshal(model.Sample())
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mustMarshal(t *testing.T, p *model.Project) []byte {
	t.Helper()
	data, err := model.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSampleThenValidate(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "p.zonewise.json")
	if code, _, stderr := run(t, "sample", "-o", out); code != ExitOK {
		t.Fatalf("sample -o: exit %d, stderr %q", code, stderr)
	}
	code, stdout, stderr := run(t, "validate", out)
	if code != ExitOK {
		t.Fatalf("validate: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	if strings.Contains(stdout, "error:") {
		t.Errorf("validate printed errors for the sample:\n%s", stdout)
	}
	written, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	_, toStdout, _ := run(t, "sample")
	if toStdout != string(written) {
		t.Error("sample to stdout differs from sample -o FILE")
	}
	p, err := model.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if again := mustMarshal(t, p); !bytes.Equal(again, written) {
		t.Error("loading and saving the sample does not give the same bytes")
	}
}

func TestGenerateThenValidate(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.zonewise.json")
	if code, _, stderr := run(t, "generate", "--zones", "20", "--assets", "300", "--seed", "7", "-o", out); code != ExitOK {
		t.Fatalf("generate: exit %d, stderr %q", code, stderr)
	}
	if code, stdout, stderr := run(t, "validate", out); code != ExitOK {
		t.Fatalf("validate of a generated plant: exit %d\n%s%s", code, stdout, stderr)
	}
	p, err := model.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Zones) != 20 || len(p.Assets) != 300 {
		t.Errorf("generated %d zones and %d assets, want 20 and 300", len(p.Zones), len(p.Assets))
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"validate without a file is a usage error", []string{"validate"}},
		{"validate with two files is a usage error", []string{"validate", "a", "b"}},
		{"validate with an unknown flag is a usage error", []string{"validate", "--frobnicate", "a"}},
		{"sample with an argument is a usage error", []string{"sample", "extra"}},
		{"generate without -o is a usage error", []string{"generate", "--zones", "3", "--assets", "3"}},
		{"generate with zero zones is a usage error", []string{"generate", "--zones", "0", "-o", "x"}},
		{"generate with negative assets is a usage error", []string{"generate", "--zones", "2", "--assets", "-1", "-o", "x"}},
		{"generate with a non-numeric count is a usage error", []string{"generate", "--zones", "many", "-o", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d; stderr %q", code, ExitUsage, stderr)
			}
			if !strings.Contains(stderr, "usage: zonewise") {
				t.Errorf("stderr does not show the usage: %q", stderr)
			}
		})
	}
}

// TestValidateBadInput feeds every kind of broken file to validate: each must
// exit 1 with a message naming what is wrong, never panic.
func TestValidateBadInput(t *testing.T) {
	good := sampleJSON(t)
	withSample := func(edit func(p *model.Project)) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			p := model.Sample()
			edit(p)
			return mustMarshal(t, p)
		}
	}
	replace := func(old, new string) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			if !bytes.Contains(good, []byte(old)) {
				t.Fatalf("sample has no %q", old)
			}
			return bytes.Replace(good, []byte(old), []byte(new), 1)
		}
	}
	tests := []struct {
		name    string
		content func(t *testing.T) []byte // nil: the file does not exist
		want    []string                  // substrings of the output
	}{
		{"a missing file names the file", nil, []string{"no such file"}},
		{"an empty file says it is empty", func(*testing.T) []byte { return nil }, []string{"empty"}},
		{"a file of blanks says it is empty", func(*testing.T) []byte { return []byte(" \n\t ") }, []string{"empty"}},
		{"truncated JSON gives the line of the cut", func(*testing.T) []byte { return good[:len(good)/2] }, []string{"malformed JSON", "line"}},
		{"a wrong type names object and field", replace(`"capability": 1,`, `"capability": "one",`), []string{"threat actor", `"capability"`, "whole number"}},
		{"an unknown field is named", replace(`"purdueLevel": 4,`, `"purdueLevel": 4, "colour": "red",`), []string{"zone", `unknown field "colour"`}},
		{"an SL vector of the wrong length is named", replace(`"slC": [`, `"slC": [1, `), []string{"asset", `"slC"`}},
		{"a reference to a missing zone is named", withSample(func(p *model.Project) { p.Assets[0].ZoneID = model.StableID("nowhere") }),
			[]string{"error: asset", "field zoneId", "no zone with ID"}},
		{"an SL of 7 is out of range", withSample(func(p *model.Project) { p.Assets[3].SLC[2] = 7 }),
			[]string{"error: asset", "field slC", "FR3 is 7, want 0..4"}},
		{"a duplicate ID is named", withSample(func(p *model.Project) { p.Assets[5].ID = p.Zones[2].ID }),
			[]string{"error: asset", "field id", "also the ID of a zone"}},
		{"a newer schema is refused", replace(`"schemaVersion": 3`, `"schemaVersion": 99`), []string{"schemaVersion is 99", "newer Zonewise"}},
		{"a schema version that is text is refused", replace(`"schemaVersion": 3`, `"schemaVersion": "3"`), []string{"schemaVersion"}},
		{"a JSON array is not a project", func(*testing.T) []byte { return []byte("[1, 2, 3]") }, []string{"want a JSON object"}},
		{"JSON null is not a project", func(*testing.T) []byte { return []byte("null") }, []string{"schemaVersion"}},
		{"deep nesting is refused", func(*testing.T) []byte { return bytes.Repeat([]byte("["), 200_000) }, []string{"malformed JSON"}},
		{"trailing data after the project is refused", func(*testing.T) []byte { return append(append([]byte{}, good...), []byte("{}")...) }, []string{"malformed JSON", "after top-level value"}},
		{"50 MB of garbage is refused by size", func(*testing.T) []byte {
			b := make([]byte, 50<<20)
			r := rand.New(rand.NewPCG(1, 2))
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			return b
		}, []string{"larger than", "MiB limit"}},
		{"a few kB of garbage is malformed JSON", func(*testing.T) []byte {
			b := make([]byte, 4096)
			r := rand.New(rand.NewPCG(3, 4))
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			return b
		}, []string{"malformed JSON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.zonewise.json")
			if tt.content != nil {
				if err := os.WriteFile(path, tt.content(t), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, stdout, stderr := run(t, "validate", path)
			out := stdout + stderr
			if code != ExitInput {
				t.Errorf("exit %d, want %d\n%s", code, ExitInput, out)
			}
			if !strings.Contains(out, path) {
				t.Errorf("output does not name the file %s:\n%s", path, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if strings.Contains(out, "goroutine") || strings.Contains(out, "panic") {
				t.Errorf("output looks like a crash:\n%s", out)
			}
			if n := strings.Count(stderr, "\n"); n > 3 {
				t.Errorf("stderr has %d lines, want a short message:\n%s", n, stderr)
			}
		})
	}
}

func TestValidateWarningsOnlyExitZero(t *testing.T) {
	p := model.Sample()
	p.Conduits[0].Flows[0].Protocol = "any"
	path := filepath.Join(t.TempDir(), "w.zonewise.json")
	if err := os.WriteFile(path, mustMarshal(t, p), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "validate", path)
	if code != ExitOK {
		t.Fatalf("exit %d, want 0 for warnings only\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "warning: conduit") || !strings.Contains(stdout, `"any" protocol`) {
		t.Errorf("the warning is not printed:\n%s", stdout)
	}
}

func TestSampleToUnwritablePlace(t *testing.T) {
	out := filepath.Join(t.TempDir(), "no-such-dir", "p.json")
	code, _, stderr := run(t, "sample", "-o", out)
	if code != ExitInput || !strings.Contains(stderr, out) {
		t.Errorf("exit %d, stderr %q; want 1 naming %s", code, stderr, out)
	}
}

func TestValidateHostileNames(t *testing.T) {
	path := filepath.Join("..", "model", "testdata", "hostile.zonewise.json")
	code, stdout, stderr := run(t, "validate", path)
	if code != ExitOK {
		t.Fatalf("exit %d\n%.2000s%s", code, stdout, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if !strings.HasPrefix(line, path+": ") {
			t.Errorf("a problem line does not start with the file name: %.200q", line)
		}
	}
}
