package cli

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

// docxText is the word/document.xml of a DOCX file ("" when it is none).
func docxText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip package: %v", path, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	return ""
}

func TestExportWord(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "plant"+model.FileExt)
	if err := os.WriteFile(project, sampleJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		stderr   string
		produces []string
		absent   []string
	}{
		{"an OUT ending in .docx is a Word file", []string{"export", project, "--doc", "policies", "-o", filepath.Join(dir, "p.docx")}, ExitOK, "", []string{"p.docx"}, nil},
		{"--format docx into a folder takes the kind's name", []string{"export", project, "--doc", "procedures", "--format", "docx", "-o", dir}, ExitOK, "", []string{"procedures.docx"}, []string{"procedures.pdf"}},
		{"--format both with --doc all writes each document twice", []string{"export", project, "--doc", "all", "--format", "both", "-o", filepath.Join(dir, "all")}, ExitOK, "",
			[]string{"all/crs.pdf", "all/crs.docx", "all/risk-report.docx", "all/self-assessment.docx", "all/registers.xlsx"}, nil},
		{"--doc all without --format stays PDF only", []string{"export", project, "--doc", "all", "-o", filepath.Join(dir, "pdfonly")}, ExitOK, "",
			[]string{"pdfonly/crs.pdf"}, []string{"pdfonly/crs.docx"}},
		{"--format both for one document is a usage error", []string{"export", project, "--doc", "crs", "--format", "both", "-o", dir}, ExitUsage, "--doc all", nil, nil},
		{"an unknown format is a usage error", []string{"export", project, "--doc", "crs", "--format", "odt", "-o", dir}, ExitUsage, "pdf, docx or both", nil, nil},
		{"a format that contradicts the file name is a usage error", []string{"export", project, "--doc", "crs", "--format", "pdf", "-o", filepath.Join(dir, "c.docx")}, ExitUsage, "does not match", nil, nil},
		{"a register as Word is a usage error", []string{"export", project, "--doc", "registers", "--format", "docx", "-o", dir}, ExitUsage, "not a Word document", nil, nil},
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
				path := filepath.Join(dir, f)
				if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
					t.Errorf("%s not written: %v", f, err)
					continue
				}
				if strings.HasSuffix(f, ".docx") && !strings.Contains(docxText(t, path), "w:body") {
					t.Errorf("%s has no document body", f)
				}
			}
			for _, f := range tt.absent {
				if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
					t.Errorf("%s written, want none", f)
				}
			}
		})
	}
}

func TestExportWordUsesUserTemplate(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "plant"+model.FileExt)
	if err := os.WriteFile(project, sampleJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl := filepath.Join(dir, "templates", "crs.md")
	if err := os.MkdirAll(filepath.Dir(tmpl), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tmpl, []byte("# Our own CRS\n\nWritten for {{.Project.Client}}.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "crs.docx")
	if code, _, stderr := run(t, "export", project, "--doc", "crs", "-o", out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if text := docxText(t, out); !strings.Contains(text, "Our own CRS") || !strings.Contains(text, "Written for") {
		t.Error("the Word file does not follow the user's template")
	}
}
