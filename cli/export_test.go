package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

func TestExport(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "plant"+model.FileExt)
	if err := os.WriteFile(project, sampleJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte(`{"schemaVersion": 2, "zones": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		stderr   string
		produces []string
	}{
		{"a PDF document is written to the named file", []string{"export", project, "--doc", "policies", "-o", filepath.Join(dir, "p.pdf")}, ExitOK, "", []string{"p.pdf"}},
		{"a PDF document into an existing folder takes the kind's name", []string{"export", project, "--doc", "procedures", "-o", dir}, ExitOK, "", []string{"procedures.pdf"}},
		{"registers to a .xlsx path write the workbook", []string{"export", project, "--doc", "registers", "-o", filepath.Join(dir, "r.xlsx")}, ExitOK, "", []string{"r.xlsx"}},
		{"registers to a folder write three CSV files and the workbook", []string{"export", project, "--doc", "registers", "-o", filepath.Join(dir, "regs")}, ExitOK, "",
			[]string{"regs/risk-register.csv", "regs/asset-inventory.csv", "regs/action-plan.csv", "regs/registers.xlsx"}},
		{"one register as CSV", []string{"export", project, "--doc", "asset-inventory", "-o", filepath.Join(dir, "a.csv")}, ExitOK, "", []string{"a.csv"}},
		{"flags may come before the file", []string{"export", "--doc", "risk-register", "-o", filepath.Join(dir, "rr.csv"), project}, ExitOK, "", []string{"rr.csv"}},
		{"a missing --doc is a usage error", []string{"export", project, "-o", filepath.Join(dir, "x.pdf")}, ExitUsage, "missing --doc", nil},
		{"a missing -o is a usage error", []string{"export", project, "--doc", "crs"}, ExitUsage, "missing -o", nil},
		{"an unknown kind is a usage error", []string{"export", project, "--doc", "brochure", "-o", filepath.Join(dir, "x.pdf")}, ExitUsage, `unknown document kind "brochure"`, nil},
		{"no file is a usage error", []string{"export", "--doc", "crs", "-o", filepath.Join(dir, "x.pdf")}, ExitUsage, "want exactly one FILE", nil},
		{"a missing project file is bad input", []string{"export", filepath.Join(dir, "nope.json"), "--doc", "crs", "-o", filepath.Join(dir, "x.pdf")}, ExitInput, "nope.json", nil},
		{"a broken project file is bad input", []string{"export", broken, "--doc", "crs", "-o", filepath.Join(dir, "x.pdf")}, ExitInput, "broken.json", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.stderr)
			}
			for _, f := range tt.produces {
				if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
					t.Errorf("%s not written: %v", f, err)
				}
			}
		})
	}
}

func TestExportBrokenUserTemplate(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "plant"+model.FileExt)
	if err := os.WriteFile(project, sampleJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl := filepath.Join(dir, "templates", "crs.md")
	if err := os.MkdirAll(filepath.Dir(tmpl), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tmpl, []byte("# CRS\n\n{{range .Zones}}{{.Nmae}}{{end}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "export", project, "--doc", "crs", "-o", filepath.Join(dir, "crs.pdf"))
	if code != ExitInput || !strings.Contains(stderr, tmpl+":3") {
		t.Errorf("exit %d, stderr %q: want 1 and the template's file and line %s:3", code, stderr, tmpl)
	}
	if _, err := os.Stat(filepath.Join(dir, "crs.pdf")); err == nil {
		t.Error("a PDF was written from a broken template")
	}
}

func TestExportMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		assets int
		want   int64
	}{
		{0, 256 << 20},
		{1000, 256 << 20},
		{4000, 264 << 20},
		{10000, 480 << 20},
		{30000, 1200 << 20},
	} {
		if got := exportMemoryLimit(c.assets); got != c.want {
			t.Errorf("%d assets: limit %d MiB, want %d MiB", c.assets, got>>20, c.want>>20)
		}
	}
}
