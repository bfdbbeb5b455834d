package document

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"

	"zonewise/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func assess(t testing.TB, p *model.Project) (*risk.Result, *risk.Catalog) {
	t.Helper()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return risk.Assess(p, cat), cat
}

// pdfText returns the text of a PDF with runs of white space collapsed
// (pdftotext missing: skipped locally, failed in CI).
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(testtool.Poppler(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func pageCount(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command(testtool.Poppler(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count", path)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// exportSample exports every document of the sample plant once per test
// binary run.
func exportSample(t *testing.T) (string, *model.Project) {
	t.Helper()
	p := model.Sample()
	r, cat := assess(t, p)
	dir := t.TempDir()
	if _, err := ExportAll(context.Background(), p, r, cat, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	return dir, p
}

func TestExportAllSample(t *testing.T) {
	dir, p := exportSample(t)
	zone, scenario := p.Zones[0].Name, p.Scenarios[0].Name
	docs := []struct {
		file         string
		sections     []string
		names        []string
		minPg, maxPg int
	}{
		{"risk-report.pdf", []string{"Management summary", "System under consideration", "Method", "Risk matrix", "Zones and conduits",
			"Asset inventory", "Threat actors", "Threat scenarios", "Target security levels", "Achieved security levels and gaps",
			"Countermeasure plan", "Residual risk", "Decision log", "Approval", p.Client, p.Author},
			[]string{zone, scenario}, 15, 50},
		{"crs.pdf", []string{"System under consideration", "Drawings", "Threat environment", "Security policies", "Tolerable risk",
			"Regulatory requirements", "Zones", "Conduits", "System requirements (IEC 62443-3-3)", "Component requirements (IEC 62443-4-2)",
			"Accountable organisation", "Logical boundary", "Physical boundary", "Safety designation", "Access points", "External dependencies",
			"B3S Wasser/Abwasser", "SR 1.1", "CR 1.1", "Approval"},
			[]string{zone}, 20, 45},
		{"policies.pdf", []string{"OT security policy", "Access control and remote access policy", "Network segmentation and conduit policy",
			"Patch and malware management policy", "Backup and recovery policy", "Removable media and transient devices policy", "Multi-factor authentication"},
			[]string{zone}, 6, 40},
		{"procedures.pdf", []string{"Incident response", "Secure remote access", "Patch management", "Backup and restore", "Account management", "Change management"},
			[]string{zone}, 6, 50},
		{"self-assessment.pdf", []string{"Questions", "Focus points per asset class", "Where the plant stands today", "Evidence", "met · partly · not met · n/a"},
			[]string{zone}, 8, 30},
	}
	for _, doc := range docs {
		t.Run(doc.file+" has its sections, the plant's names and a sensible length", func(t *testing.T) {
			path := filepath.Join(dir, doc.file)
			text := pdfText(t, path)
			for _, want := range append(doc.sections, doc.names...) {
				if !strings.Contains(text, strings.Join(strings.Fields(want), " ")) {
					t.Errorf("text lacks %q", want)
				}
			}
			if n := pageCount(t, path); n < doc.minPg || n > doc.maxPg {
				t.Errorf("%d pages, want %d..%d", n, doc.minPg, doc.maxPg)
			}
		})
	}
	t.Run("the CRS, risk report and procedures show the zone/conduit diagram when package render is built in, the others refer to the CRS", func(t *testing.T) {
		fig, err := Diagram(context.Background(), p, nil)
		if err != nil {
			t.Fatal(err)
		}
		if fig == nil {
			t.Skip("built without package render")
		}
		for _, f := range []string{"crs.pdf", "risk-report.pdf", "procedures.pdf"} {
			if text := pdfText(t, filepath.Join(dir, f)); !strings.Contains(text, "Figure 1: Zones and conduits") {
				t.Errorf("%s has no diagram figure", f)
			}
		}
		for _, f := range []string{"policies.pdf", "self-assessment.pdf"} {
			text := pdfText(t, filepath.Join(dir, f))
			if strings.Contains(text, "Figure 1: Zones and conduits") || !strings.Contains(text, "drawn in the zones and conduits requirements specification (CRS)") {
				t.Errorf("%s repeats the drawing or does not refer to the CRS's", f)
			}
		}
	})
	t.Run("procedures have a remote access section per conduit with sessions, and the telemetry tunnel none", func(t *testing.T) {
		text := pdfText(t, filepath.Join(dir, "procedures.pdf"))
		for _, name := range []string{"K03 Hersteller-VPN", "K04 Jump-Host-Zugang"} {
			if !strings.Contains(text, "Remote access via "+name) {
				t.Errorf("no remote access section for %q", name)
			}
		}
		if strings.Contains(text, "Remote access via K11") || !strings.Contains(text, "Permanent telemetry links") {
			t.Error("the LTE telemetry tunnel K11 is treated as remote access")
		}
	})
	t.Run("the five documents together stay within 140 pages", func(t *testing.T) {
		n := 0
		for _, doc := range docs {
			n += pageCount(t, filepath.Join(dir, doc.file))
		}
		if n > 140 {
			t.Errorf("%d pages, want at most 140", n)
		}
	})
	t.Run("registers are written", func(t *testing.T) {
		for _, f := range []string{"risk-register.csv", "asset-inventory.csv", "action-plan.csv", "registers.xlsx", "self-assessment.xlsx"} {
			if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
				t.Errorf("%s missing or empty: %v", f, err)
			}
		}
	})
}

func TestExportIsDeterministic(t *testing.T) {
	p := model.Sample()
	r, cat := assess(t, p)
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if _, err := ExportAll(context.Background(), p, r, cat, dir, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(a)
	if err != nil || len(entries) != 10 {
		t.Fatalf("%d files, want 10 (the self-assessment workbook beside its PDF): %v", len(entries), err)
	}
	for _, e := range entries {
		t.Run(e.Name()+" is byte-identical when exported twice", func(t *testing.T) {
			x, _ := os.ReadFile(filepath.Join(a, e.Name()))
			y, _ := os.ReadFile(filepath.Join(b, e.Name()))
			if !bytes.Equal(x, y) {
				t.Error("the two exports differ")
			}
		})
	}
}

// TestGoldenPolicies compares the policies PDF of a small project byte for
// byte with testdata/policies.golden.pdf (refresh with -update).
func TestGoldenPolicies(t *testing.T) {
	p, err := model.Load("testdata/small.zonewise.json")
	if err != nil {
		t.Fatal(err)
	}
	r, cat := assess(t, p)
	got, err := Export(context.Background(), p, r, cat, "policies", Options{NoDiagram: true})
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "policies.golden.pdf")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		failed := filepath.Join("testdata", "failed", "policies.pdf")
		_ = os.MkdirAll(filepath.Dir(failed), 0o755)
		_ = os.WriteFile(failed, got, 0o644)
		t.Errorf("policies PDF differs from %s (written to %s; run with -update if the change is intended)", golden, failed)
	}
}

func TestUserTemplates(t *testing.T) {
	p := model.Sample()
	r, cat := assess(t, p)
	t.Run("a user template replaces the default", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "crs.md"), []byte("# Kundenspezifische CRS\n\nFür {{.Project.Client}}: {{len .Zones}} Zonen.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := Export(context.Background(), p, r, cat, "crs", Options{TemplateDirs: []string{dir}, NoDiagram: true})
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "crs.pdf")
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, path)
		want := "Für " + p.Client + ": " + strconv.Itoa(len(p.Zones)) + " Zonen."
		if !strings.Contains(text, "Kundenspezifische CRS") || !strings.Contains(text, want) {
			t.Errorf("the user template was not used: want %q in %q", want, text[:min(len(text), 400)])
		}
		if strings.Contains(text, "Zone requirements") {
			t.Error("the default template was used as well")
		}
	})
	t.Run("a broken user template fails with its file and line", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "risk-report.md")
		if err := os.WriteFile(path, []byte("# Report\n\n{{range .Zones}}\n{{.Name}}\n{{.NoSuchField}}\n{{end}}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Export(context.Background(), p, r, cat, "risk-report", Options{TemplateDirs: []string{dir}, NoDiagram: true})
		if err == nil || !strings.Contains(err.Error(), path+":5") {
			t.Errorf("error %v does not name %s:5", err, path)
		}
	})
	t.Run("a template that does not parse fails with its file and line, and nothing is written", func(t *testing.T) {
		dir, out := t.TempDir(), t.TempDir()
		path := filepath.Join(dir, "procedures.md")
		if err := os.WriteFile(path, []byte("# P\n\n{{if .Zones}}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ExportAll(context.Background(), p, r, cat, out, Options{TemplateDirs: []string{dir}, NoDiagram: true})
		if err == nil || !strings.Contains(err.Error(), path+":") {
			t.Errorf("error %v does not name %s", err, path)
		}
		if entries, _ := os.ReadDir(out); len(entries) != 0 {
			t.Errorf("%d files written despite the error", len(entries))
		}
	})
}

func TestHostileNames(t *testing.T) {
	p, err := model.Load("../../model/testdata/hostile.zonewise.json")
	if err != nil {
		t.Fatal(err)
	}
	r, cat := assess(t, p)
	dir := t.TempDir()
	if _, err := ExportAll(context.Background(), p, r, cat, dir, Options{NoDiagram: true}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"risk-report.pdf", "crs.pdf", "policies.pdf", "procedures.pdf", "self-assessment.pdf"} {
		t.Run(f+" prints hostile names literally", func(t *testing.T) {
			text := pdfText(t, filepath.Join(dir, f))
			for _, want := range []string{`"; DROP TABLE zones; --`, "<script>alert('x')</script>&amp;", "{{.Secret}} ${HOME}"} {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q", want)
				}
			}
			if n := pageCount(t, filepath.Join(dir, f)); n > 300 {
				t.Errorf("%d pages: a long name blew the document up", n)
			}
		})
	}
	t.Run("with the diagram, emoji and control characters in names still export", func(t *testing.T) {
		if _, err := Export(context.Background(), p, r, cat, "risk-report", Options{}); err != nil {
			t.Error(err)
		}
	})
}

func BenchmarkExportAllSample(b *testing.B) {
	p := model.Sample()
	r, cat := assess(b, p)
	dir := b.TempDir()
	for b.Loop() {
		if _, err := ExportAll(context.Background(), p, r, cat, dir, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMarkdown(t *testing.T) {
	p := model.Sample()
	r, cat := assess(t, p)
	md, err := Markdown(p, r, cat, "procedures", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(md, "# About these procedures") {
		t.Errorf("Markdown starts %q", md[:min(len(md), 60)])
	}
	if _, err := Markdown(p, r, cat, "registers", Options{}); err == nil {
		t.Error("registers have no Markdown, want an error")
	}
}
