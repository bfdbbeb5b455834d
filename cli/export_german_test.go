package cli

import (
	"archive/zip"
	"encoding/json"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/risk"
)

// englishFixed are fixed words of the program and of the English templates
// that a German document must not print: cover, contents, page footer,
// captions, diagram cards and legend, table headers, enum labels, the
// changes annex and the approval block. A phrase that the project's own
// text contains is not checked (the project may be written in English).
var englishFixed = []string{
	"Contents", "Page 2 of", "Figure ", "Legend", "— assets and conduits", "out of scope", "no assets",
	"Level 1", "Level 3", "no gap", "gap 1", "gap 2", "gap 3+", "routed", "diode", "wireless", "serial",
	"Signature", "Approved", "Prepared", "Reviewed", "Document approval", "Client", "Classification",
	"Author", "Rows:", "highest first", "unknown", "not known", "Not decided", "of 2)", "objects added",
	"Changes since", "renamed from", "FR1 Identification", "FR2 Use control", "FR3 System integrity",
	"FR4 Data confidentiality", "FR5 Restricted data flow", "FR6 Timely response", "FR7 Resource availability", "Supervisory", "Transient devices", "Before treatment", "After treatment",
	"Management summary", "Residual risk", "Decision log", "Threat scenarios", "Target security levels",
	"(transient)", "Likelihood", "Consequence", "Countermeasure",
	"Not applicable", "Partly met", "Yes", "accepted", "proposed", "implemented", "rejected",
	"Enterprise", "Site operations", "Basic control", "Process / field",
}

// isoDate is a date written the English documents' way.
var isoDate = regexp.MustCompile(`\b20\d\d-[01]\d-[0-3]\d\b`)

// TestGermanDocumentsHaveNoEnglishFixedWords exports every document of the
// sample in German as PDF and DOCX (with a changes annex) and reads their
// text: no English fixed phrase (englishFixed), and no word of the English
// catalogue's document messages that the German catalogue does not use,
// unless the project, the requirement and countermeasure library or the
// assessment's own text (its reasons, still English) contains it.
func TestGermanDocumentsHaveNoEnglishFixedWords(t *testing.T) {
	if testing.Short() {
		t.Skip("exports ten documents")
	}
	dir := t.TempDir()
	p := model.Sample()
	project := filepath.Join(dir, "plant"+model.FileExt)
	if err := os.WriteFile(project, mustMarshal(t, p), 0o644); err != nil {
		t.Fatal(err)
	}
	old := model.Sample()
	old.Revision, old.Date = "1.1", "2026-10-01"
	old.Zones[0].Name += " (alt)"
	old.Assets = old.Assets[1:]
	oldPath := filepath.Join(dir, "old"+model.FileExt)
	if err := os.WriteFile(oldPath, mustMarshal(t, old), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "export", project, "--doc", "all", "--lang", "de", "--format", "both", "--since", oldPath, "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stderr, "no template in language") {
		t.Errorf("a German document fell back to English: %s", stderr)
	}

	own := projectWords(t, p, old)
	texts := map[string]string{}
	for _, kind := range []string{"risk-report", "crs", "policies", "procedures", "self-assessment"} {
		texts[kind+".pdf"] = pdfText(t, filepath.Join(out, kind+".pdf"))
		texts[kind+".docx"] = docxPlainText(t, filepath.Join(out, kind+".docx"))
	}
	for _, want := range []string{"Änderungen seit Revision 1.1 (01.10.2026)", "Seite 2 von", "Abbildung 1:", "Legende", "Ebene 3", "Assets und Conduits"} {
		if !strings.Contains(texts["crs.pdf"], want) {
			t.Errorf("the German CRS lacks %q", want)
		}
	}
	// dates the project's free text writes as ISO dates (not its date
	// fields, which the documents write the German way)
	dateFields := regexp.MustCompile(`"(date|due|at)": *"[^"]*"`)
	freeDates := map[string]bool{}
	for _, d := range isoDate.FindAllString(dateFields.ReplaceAllString(string(mustMarshal(t, p)), ""), -1) {
		freeDates[d] = true
	}
	// file and document names the text refers to (registers.xlsx,
	// zonewise import self-assessment) are not words of the text
	files := regexp.MustCompile(`[\w.-]+\.(xlsx|csv|pdf|docx)\b|self-assessment|risk-report`)
	for name, text := range texts {
		// the sample's approvals are recorded with the roles Prepared,
		// Reviewed and Approved: the block names them in German (the
		// self-assessment's sign-off is left blank for the people who
		// answer it)
		for _, role := range []string{"Erstellt", "Geprüft", "Freigegeben"} {
			if !strings.HasPrefix(name, "self-assessment") && !strings.Contains(text, role) {
				t.Errorf("%s lacks the approval role %q", name, role)
			}
		}
		text = files.ReplaceAllString(text, "")
		for _, phrase := range englishFixed {
			if own.text(phrase) {
				continue // the project's or the library's own words
			}
			if loc := regexp.MustCompile(`\b` + regexp.QuoteMeta(phrase)).FindStringIndex(text); loc != nil && !letterAt(text, loc[1]) {
				t.Errorf("%s prints the English %q: …%s…", name, phrase, around(text, loc[0]))
			}
		}
		for _, loc := range isoDate.FindAllStringIndex(text, -1) {
			if !freeDates[text[loc[0]:loc[1]]] {
				t.Errorf("%s prints a date the English way: …%s…", name, around(text, loc[0]))
				break
			}
		}
		for _, w := range englishWords(t) {
			if own.words[w] {
				continue
			}
			if loc := regexp.MustCompile(`(?i)\b` + w + `\b`).FindStringIndex(text); loc != nil {
				t.Errorf("%s prints the English catalogue word %q: …%s…", name, w, around(text, loc[0]))
			}
		}
	}
}

// around is the line of text around byte i.
func around(text string, i int) string {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		end = len(text) - i
	}
	return strings.TrimSpace(text[start : i+end])
}

var wordRE = regexp.MustCompile(`[A-Za-zÄÖÜäöüß]{4,}`)

func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range wordRE.FindAllString(s, -1) {
		out[strings.ToLower(w)] = true
	}
	return out
}

// englishWords are the words of the English catalogue's document and
// diagram messages (placeholders left out) that no German message uses.
func englishWords(t *testing.T) []string {
	t.Helper()
	read := func(name string) map[string]string {
		data, err := i18n.FS().ReadFile("locales/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	en, de := read("en.json"), read("de.json")
	german := map[string]bool{}
	for _, v := range de {
		for w := range words(v) {
			german[w] = true
		}
	}
	placeholder := regexp.MustCompile(`\{\{[^}]*\}\}`)
	set := map[string]bool{}
	for k, v := range en {
		if !strings.HasPrefix(k, "doc.") && !strings.HasPrefix(k, "docx.") && !strings.HasPrefix(k, "diagram.") && !strings.HasPrefix(k, "enum.") {
			continue
		}
		for w := range words(placeholder.ReplaceAllString(v, "")) {
			if !german[w] {
				set[w] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for w := range set {
		out = append(out, w)
	}
	sort.Strings(out)
	if len(out) < 50 {
		t.Fatalf("only %d English catalogue words to look for: %v", len(out), out)
	}
	return out
}

// projectWords are the words a German document may print in English
// because they are not Zonewise's fixed words: the projects' own text, the
// requirement and countermeasure library and the assessment's text.
func projectWords(t *testing.T, ps ...*model.Project) ownText {
	t.Helper()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, p := range ps {
		b.Write(mustMarshal(t, p))
		r, err := json.Marshal(risk.Assess(p, cat))
		if err != nil {
			t.Fatal(err)
		}
		b.Write(r)
	}
	c, err := json.Marshal(cat)
	if err != nil {
		t.Fatal(err)
	}
	b.Write(c)
	return ownText{words: words(b.String()), lower: strings.ToLower(b.String())}
}

// ownText is the text a German document may print in English.
type ownText struct {
	words map[string]bool
	lower string
}

// text reports whether the own text contains phrase (in any case).
func (o ownText) text(phrase string) bool { return strings.Contains(o.lower, strings.ToLower(phrase)) }

// letterAt reports whether text has a letter at byte i (a phrase matched
// as the start of a longer word: "Legend" in "Legende").
func letterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r := []rune(text[i:min(i+4, len(text))])
	return len(r) > 0 && unicode.IsLetter(r[0])
}

// docxPlainText is the text of a DOCX's body, headers and footers, a line per
// paragraph.
func docxPlainText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	tag := regexp.MustCompile(`<[^>]*>`)
	var b strings.Builder
	for _, f := range zr.File {
		if f.Name != "word/document.xml" && !strings.HasPrefix(f.Name, "word/header") && !strings.HasPrefix(f.Name, "word/footer") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		s := strings.ReplaceAll(string(data), "</w:p>", "\n")
		b.WriteString(html.UnescapeString(tag.ReplaceAllString(s, "")))
	}
	return b.String()
}
