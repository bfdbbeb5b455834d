package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

// TestTemplateOverridesApplyToEveryLanguageAndFormat exports the CRS with
// user templates in English and German, as PDF and as DOCX, from the
// --templates folder and from templates/ beside the project: each export
// prints the override of its language, never the other language's.
func TestTemplateOverridesApplyToEveryLanguageAndFormat(t *testing.T) {
	write := func(path, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	project := filepath.Join(dir, "plant"+model.FileExt)
	write(project, string(sampleJSON(t)))
	// beside the project: an English and a German CRS
	write(filepath.Join(dir, "templates", "crs.md"), "# Own English CRS\n\nFor {{.Project.Name}}, dated {{date .Project.Date}}.\n")
	write(filepath.Join(dir, "templates", "de", "crs.md"), "# Eigene deutsche CRS\n\nFür {{.Project.Name}}, Stand {{date .Project.Date}}.\n")
	// --templates: a German policies template only
	tdir := filepath.Join(dir, "tpl")
	write(filepath.Join(tdir, "de", "policies.md"), "# Eigene Richtlinien\n\n{{t \"doc.contents\"}} bleibt deutsch.\n")

	for _, tc := range []struct {
		kind, lang, format string
		want, unwanted     []string
	}{
		{"crs", "en", "pdf", []string{"Own English CRS", "2026-11-26"}, []string{"Eigene deutsche CRS"}},
		{"crs", "en", "docx", []string{"Own English CRS", "2026-11-26"}, []string{"Eigene deutsche CRS"}},
		{"crs", "de", "pdf", []string{"Eigene deutsche CRS", "26.11.2026"}, []string{"Own English CRS"}},
		{"crs", "de", "docx", []string{"Eigene deutsche CRS", "26.11.2026"}, []string{"Own English CRS"}},
		{"policies", "de", "pdf", []string{"Eigene Richtlinien", "Inhalt bleibt deutsch."}, nil},
		{"policies", "de", "docx", []string{"Eigene Richtlinien", "Inhalt bleibt deutsch."}, nil},
		// no English policies override anywhere: the built-in template
		{"policies", "en", "docx", []string{"OT Security Policies"}, []string{"Eigene Richtlinien"}},
	} {
		t.Run(tc.kind+" in "+tc.lang+" as "+tc.format, func(t *testing.T) {
			out := filepath.Join(dir, tc.kind+"-"+tc.lang+"."+tc.format)
			code, _, stderr := run(t, "export", project, "--doc", tc.kind, "--lang", tc.lang, "--templates", tdir, "-o", out)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if strings.Contains(stderr, "no template in language") {
				t.Errorf("fell back to another language: %s", stderr)
			}
			var text string
			if tc.format == "pdf" {
				text = pdfText(t, out)
			} else {
				text = docxPlainText(t, out)
			}
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("the document lacks %q", w)
				}
			}
			for _, u := range tc.unwanted {
				if strings.Contains(text, u) {
					t.Errorf("the document prints %q", u)
				}
			}
		})
	}
}
