package cli

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

// corruptCase is one broken project file and what the message must say.
type corruptCase struct {
	name    string
	content func(t *testing.T) []byte
	want    []string // each must appear in stdout+stderr
	// decodes marks files that load but fail validation: render draws
	// those (flat, without SL-T) with a warning instead of refusing them.
	decodes bool
}

// garbage returns n pseudo-random bytes from a fixed seed.
func garbage(n int, seed uint64) []byte {
	b := make([]byte, n)
	r := rand.New(rand.NewPCG(seed, seed+1))
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// manyZones is a compact project file of n tiny zones whose parents form one
// big cycle: a quadratic or recursive ancestor walk would hang on it. (n is
// kept at 20,000 so that the suite stays quick under -race; 100,000 zones,
// about 9 MB, were tried by hand: validate and assess refuse them in about a
// second of CPU.)
func manyZones(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"schemaVersion":2,"id":"p","name":"absurd","sltMethod":"actor-capability","zones":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"z%d","name":"z","type":"control","purdueLevel":1,"parentId":"z%d"}`, i, (i+1)%n)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

func corruptCases(t *testing.T) []corruptCase {
	good := sampleJSON(t)
	edit := func(f func(p *model.Project)) func(*testing.T) []byte {
		return func(t *testing.T) []byte {
			p := model.Sample()
			f(p)
			return mustMarshal(t, p)
		}
	}
	replace := func(old, new string) func(*testing.T) []byte {
		return func(t *testing.T) []byte {
			if !bytes.Contains(good, []byte(old)) {
				t.Fatalf("the sample has no %q", old)
			}
			return bytes.Replace(good, []byte(old), []byte(new), 1)
		}
	}
	fixed := func(b []byte) func(*testing.T) []byte { return func(*testing.T) []byte { return b } }
	cases := []corruptCase{
		{"an empty file", fixed(nil), []string{"empty"}, false},
		{"a wrong type", replace(`"capability": 1,`, `"capability": "one",`), []string{"threat actor", `"capability"`}, false},
		{"an unknown field", replace(`"purdueLevel": 4,`, `"purdueLevel": 4, "colour": "red",`), []string{`unknown field "colour"`}, false},
		{"a reference to a missing zone", edit(func(p *model.Project) { p.Assets[0].ZoneID = model.StableID("nowhere") }), []string{"zoneId", "no zone with ID"}, true},
		{"an SL of 7", edit(func(p *model.Project) { p.Assets[3].SLC[2] = 7 }), []string{"slC", "FR3 is 7"}, true},
		{"a duplicate ID", edit(func(p *model.Project) { p.Assets[5].ID = p.Zones[2].ID }), []string{"also the ID of a zone"}, true},
		{"a newer schema", replace(`"schemaVersion": 3`, `"schemaVersion": 99`), []string{"schemaVersion is 99"}, false},
		{"a zone that is its own parent", edit(func(p *model.Project) { p.Zones[3].ParentID = p.Zones[3].ID }), []string{"parentId", "its own parent"}, true},
		{"two zones that are each other's ancestor", edit(func(p *model.Project) {
			p.Zones[3].ParentID, p.Zones[4].ParentID = p.Zones[4].ID, p.Zones[3].ID
		}), []string{"parentId", "its own ancestor"}, true},
		{"20,000 tiny zones in one parent cycle", fixed(manyZones(20_000)), []string{"its own ancestor"}, true},
		{"invalid UTF-8 in a name", replace(`"name": "`, "\"name\": \"\xff\xfe"), []string{"invalid UTF-8", "line"}, false},
		{"a Latin-1 file", replace("Wasserwerk", "Wasserwerk \xe4"), []string{"invalid UTF-8"}, false},
		{"50 MB of garbage", fixed(garbage(50<<20, 1)), []string{"larger than", "limit"}, false},
		{"4 kB of garbage", fixed(garbage(4<<10, 3)), []string{"malformed JSON"}, false},
		{"a JSON array", fixed([]byte(`[{"schemaVersion": 2}]`)), []string{"want a JSON object"}, false},
		{"200,000 nested brackets", fixed(bytes.Repeat([]byte("["), 200_000)), []string{"malformed JSON"}, false},
		{"a NUL byte before the project", fixed(append([]byte{0}, good...)), []string{"malformed JSON"}, false},
		{"a UTF-16 file", fixed(append([]byte{0xff, 0xfe}, []byte("{\x00}\x00")...)), []string{"malformed JSON"}, false},
	}
	// Truncations of the sample at 20 offsets from a fixed seed.
	r := rand.New(rand.NewPCG(62443, 7))
	for range 20 {
		cut := 1 + r.IntN(len(good)-2)
		// Cutting off only trailing blanks leaves a valid file.
		if len(bytes.TrimSpace(good[cut:])) == 0 {
			continue
		}
		cases = append(cases, corruptCase{fmt.Sprintf("the sample cut at byte %d", cut), fixed(good[:cut]), []string{"JSON"}, false})
	}
	return cases
}

// fileCommands are the commands that read a project FILE; out is a path in
// a fresh folder that must stay untouched when the input is bad.
var fileCommands = []struct {
	name, command string
	args          func(in, out string) []string
	drawsInvalid  bool // draws a project that fails validation, with a warning
}{
	{"validate", "validate", func(in, _ string) []string { return []string{"validate", in} }, false},
	{"assess", "assess", func(in, _ string) []string { return []string{"assess", in} }, false},
	{"assess --json", "assess", func(in, _ string) []string { return []string{"assess", "--json", in} }, false},
	{"render .svg", "render", func(in, out string) []string { return []string{"render", in, "-o", out + ".svg"} }, true},
	{"render .png", "render", func(in, out string) []string { return []string{"render", in, "-o", out + ".png"} }, true},
	{"render .dot", "render", func(in, out string) []string { return []string{"render", in, "-o", out + ".dot"} }, true},
	{"export risk-report", "export", func(in, out string) []string {
		return []string{"export", in, "--doc", "risk-report", "-o", out + ".pdf"}
	}, false},
	{"export registers", "export", func(in, out string) []string {
		return []string{"export", in, "--doc", "registers", "-o", out + ".xlsx"}
	}, false},
	{"export all", "export", func(in, out string) []string { return []string{"export", in, "--doc", "all", "-o", out} }, false},
	{"rules", "rules", func(in, out string) []string { return []string{"rules", in, "--format", "nftables", "-o", out} }, false},
	{"review-firewall", "review-firewall", func(in, out string) []string { return []string{"review-firewall", in, "--config", out} }, false},
}

// TestCorruptInputEveryCommand feeds every broken file to every command that
// reads a project: exit 1, a message naming the file and what is wrong, no
// output written, never a panic or a stack trace.
func TestCorruptInputEveryCommand(t *testing.T) {
	cases := corruptCases(t)
	dir := t.TempDir()
	paths := make([]string, len(cases))
	for i, c := range cases {
		paths[i] = filepath.Join(dir, fmt.Sprintf("bad-%02d%s", i, model.FileExt))
		data := c.content(t)
		if err := os.WriteFile(paths[i], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, cmd := range fileCommands {
		t.Run("zonewise "+cmd.name, func(t *testing.T) {
			for i, c := range cases {
				t.Run("refuses "+c.name, func(t *testing.T) {
					if c.decodes && cmd.name == "render .png" {
						// The PNG is the SVG rasterised: the .svg row draws
						// this file, and the PNG raster of the sample costs
						// seconds per row under -race.
						t.Skip("drawn by the .svg row")
					}
					if strings.HasPrefix(c.name, "20,000") && cmd.name == "render .svg" {
						// Not a hang, but Graphviz takes 20-30 s to lay out
						// 20,000 flat zones (minutes under -race); the .dot
						// row covers the file.
						t.Skip("Graphviz layout of 20,000 zones is too slow for the suite")
					}
					out := filepath.Join(t.TempDir(), "out")
					r := runGuarded(t, cmd.args(paths[i], out)...)
					all := r.stdout + r.stderr
					if c.decodes && cmd.drawsInvalid {
						if r.code != ExitOK || !strings.Contains(r.stderr, paths[i]) || !strings.Contains(r.stderr, "validation errors") {
							t.Errorf("want exit 0 and a warning naming the file and its validation errors, got %s", r)
						}
						if written, _ := filepath.Glob(out + "*"); len(written) != 1 {
							t.Errorf("want the diagram written, found %v", written)
						}
						return
					}
					if r.code != ExitInput {
						t.Errorf("want exit %d, got %s", ExitInput, r)
					}
					if !strings.Contains(r.stderr, paths[i]) {
						t.Errorf("stderr does not name the file %s:\n%s", paths[i], clip(r.stderr))
					}
					for _, w := range c.want {
						if !strings.Contains(all, w) {
							t.Errorf("output lacks %q:\n%s", w, clip(all))
						}
					}
					if strings.Contains(all, "goroutine ") || strings.Contains(all, "panic") {
						t.Errorf("output looks like a crash:\n%s", clip(all))
					}
					if written, _ := filepath.Glob(out + "*"); len(written) > 0 {
						t.Errorf("bad input still wrote %v", written)
					}
				})
			}
		})
	}
}
