package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

// renderProject writes a three-zone project and returns its path.
func renderProject(t *testing.T) string {
	t.Helper()
	p := model.New("Render test")
	id := func(k string) model.ID { return model.StableID("cli-render/" + k) }
	p.Zones = []model.Zone{
		{ID: id("ent"), Name: "Office", Type: model.ZoneEnterprise, PurdueLevel: 4},
		{ID: id("dmz"), Name: "DMZ", Type: model.ZoneDMZ, PurdueLevel: 3.5},
		{ID: id("ctl"), Name: "Steuerung Süd", Type: model.ZoneControl, PurdueLevel: 1},
	}
	p.Conduits = []model.Conduit{
		{ID: id("c1"), Name: "IT firewall", Type: model.ConduitFirewall, ZoneIDs: []model.ID{id("ent"), id("dmz")}},
		{ID: id("c2"), Name: "OT firewall", Type: model.ConduitFirewall, ZoneIDs: []model.ID{id("dmz"), id("ctl")}},
	}
	p.Assets = []model.Asset{{ID: id("plc"), Name: "PLC 1", Class: model.ClassEmbedded, ZoneID: id("ctl")}}
	path := filepath.Join(t.TempDir(), "plant.zonewise.json")
	if err := model.Save(path, p); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRender(t *testing.T) {
	project := renderProject(t)
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.zonewise.json")
	if err := os.WriteFile(broken, []byte(`{"schemaVersion": 2, "zones": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		out    string // output file to check
		prefix string // its expected start
		stderr string
	}{
		{"an .svg output gets an SVG diagram", []string{project, "-o", filepath.Join(dir, "a.svg")}, ExitOK, "a.svg", "<?xml", ""},
		{"a .png output gets a PNG at the given dpi", []string{project, "-o", filepath.Join(dir, "a.png"), "--dpi", "72"}, ExitOK, "a.png", "\x89PNG", ""},
		{"a .dot output gets the Graphviz source", []string{project, "-o", filepath.Join(dir, "a.dot")}, ExitOK, "a.dot", "digraph", ""},
		{"flags may come before the file", []string{"-o", filepath.Join(dir, "b.DOT"), project}, ExitOK, "b.DOT", "digraph", ""},
		{"a zone named with --zone gets the neighbour view", []string{project, "--zone", "steuerung süd", "-o", filepath.Join(dir, "z.dot")}, ExitOK, "z.dot", "digraph", ""},
		{"an unknown zone is bad input", []string{project, "--zone", "Nowhere", "-o", filepath.Join(dir, "n.svg")}, ExitInput, "", "", "no zone"},
		{"an unknown extension is a usage error", []string{project, "-o", filepath.Join(dir, "a.pdf")}, ExitUsage, "", "", "unknown format"},
		{"a missing -o is a usage error", []string{project}, ExitUsage, "", "", "missing -o"},
		{"two files are a usage error", []string{project, project, "-o", filepath.Join(dir, "x.svg")}, ExitUsage, "", "", "one project FILE"},
		{"a dpi out of range is a usage error", []string{project, "-o", filepath.Join(dir, "x.png"), "--dpi", "5"}, ExitUsage, "", "", "--dpi"},
		{"a missing file is bad input", []string{filepath.Join(dir, "none.json"), "-o", filepath.Join(dir, "x.svg")}, ExitInput, "", "", "none.json"},
		{"a broken file is bad input", []string{broken, "-o", filepath.Join(dir, "x.svg")}, ExitInput, "", "", "broken.zonewise.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(append([]string{"render"}, tt.args...), &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if tt.stderr != "" && !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not mention %q", stderr.String(), tt.stderr)
			}
			if tt.out == "" {
				return
			}
			data, err := os.ReadFile(filepath.Join(dir, tt.out))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte(tt.prefix)) {
				t.Errorf("%s starts with %q, want %q", tt.out, data[:min(len(data), 16)], tt.prefix)
			}
		})
	}
	t.Run("the neighbour view leaves out zones not connected to the focus", func(t *testing.T) {
		out := filepath.Join(dir, "focus.dot")
		var stdout, stderr bytes.Buffer
		if code := Run([]string{"render", project, "--zone", "Office", "-o", out}, &stdout, &stderr); code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		data, _ := os.ReadFile(out)
		if !strings.Contains(string(data), "Office") || !strings.Contains(string(data), "DMZ") || strings.Contains(string(data), "Steuerung") {
			t.Errorf("focus view on Office should show Office and DMZ only:\n%s", data)
		}
	})
}
