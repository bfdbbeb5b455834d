package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
)

// germanCRS is a small German CRS template with headings (so that the
// document has a table of contents) and a zone table.
const germanCRS = `# Einleitung

Stand {{date .Project.Date}}; Beispielwert {{num 1234.5 1}}.

# Zonen

| Zone | Typ |
|---|---|
{{range .Zones}}| {{.Name}} | {{.Type}} |
{{end}}`

func TestAGermanExportHasNoEnglishFixedWords(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "plant"+model.FileExt)
	if err := os.WriteFile(project, sampleJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	tdir := filepath.Join(dir, "tpl")
	if err := os.MkdirAll(filepath.Join(tdir, "de"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tdir, "de", "crs.md"), []byte(germanCRS), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "crs.pdf")
	code, _, stderr := run(t, "export", project, "--doc", "crs", "--lang", "de", "--templates", tdir, "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := pdfText(t, out)
	for _, want := range []string{"Spezifikation der", "Auftraggeber", "Inhalt", "Seite 2 von", "26.11.2026", "1.234,5", "Unternehmens-IT"} {
		if !strings.Contains(text, want) {
			t.Errorf("the German CRS lacks %q", want)
		}
	}
	for _, english := range []string{"Contents", "Page 2 of", "Client", "Classification", "Figure ", "Document approval", "Signature", "Enterprise", "2026-11-26"} {
		if strings.Contains(text, english) {
			t.Errorf("the German CRS still prints the English %q", english)
		}
	}
}

func TestAnUnknownLanguageIsAUsageError(t *testing.T) {
	code, _, stderr := run(t, "export", "x.json", "--doc", "crs", "--lang", "fr", "-o", "x.pdf")
	if code != ExitUsage || !strings.Contains(stderr, `language "fr"`) {
		t.Errorf("exit %d, stderr %q; want a usage error naming the language", code, stderr)
	}
}
