package document

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"zonewise/i18n"
	"zonewise/internal/testtool"
	"zonewise/model"
	"zonewise/templates"
)

// wellFormed checks that data is a zip whose XML parts all parse, and
// returns the text of word/document.xml.
func wellFormed(t *testing.T, name string, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s is not a zip: %v", name, err)
	}
	var doc string
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		dec := xml.NewDecoder(bytes.NewReader(b))
		dec.Strict = true
		var text strings.Builder
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %s is not well-formed: %v", name, f.Name, err)
			}
			if cd, ok := tok.(xml.CharData); ok {
				text.Write(cd)
			}
		}
		if f.Name == "word/document.xml" {
			doc = text.String()
		}
	}
	if doc == "" {
		t.Fatalf("%s has no text in word/document.xml", name)
	}
	return doc
}

func TestExportDOCX(t *testing.T) {
	p := model.Sample()
	r, cat := assess(t, p)
	for _, kind := range templates.Kinds() {
		// the policies and the self-assessment refer to the CRS's drawings
		drawn := kind != "policies" && kind != "self-assessment"
		t.Run(kind+" as DOCX is a well-formed Word file with the project's names and, where it has one, the diagram", func(t *testing.T) {
			out, err := Export(context.Background(), p, r, cat, kind, Options{Format: FormatDOCX})
			if err != nil {
				t.Fatal(err)
			}
			text := wellFormed(t, kind, out)
			for _, want := range []string{templates.Title(kind), p.Client, p.Zones[0].Name} {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q", want)
				}
			}
			if got := strings.Contains(text, "Figure") && bytes.Contains(out, []byte("word/media/image1.png")); got != drawn {
				t.Errorf("diagram with caption in the package: %v, want %v", got, drawn)
			}
		})
	}
	t.Run("a German DOCX has German fixed words", func(t *testing.T) {
		out, err := Export(context.Background(), p, r, cat, "crs", Options{Format: FormatDOCX, Lang: i18n.DE})
		if err != nil {
			t.Fatal(err)
		}
		if text := wellFormed(t, "crs", out); !strings.Contains(text, "Inhaltsverzeichnis") || !strings.Contains(text, "Abbildung") {
			t.Error("German DOCX lacks Inhaltsverzeichnis or Abbildung")
		}
	})
	t.Run("format both is refused for a single document", func(t *testing.T) {
		if _, err := Export(context.Background(), p, r, cat, "crs", Options{Format: FormatBoth}); err == nil {
			t.Error("format both exported one file")
		}
	})
}

func TestExportAllFormats(t *testing.T) {
	p := model.Sample()
	r, cat := assess(t, p)
	tests := []struct {
		format     Format
		pdf, word  bool
		registered bool
	}{
		{FormatPDF, true, false, true},
		{FormatDOCX, false, true, true},
		{FormatBoth, true, true, true},
	}
	for _, tc := range tests {
		t.Run("format "+string(tc.format)+" writes the template documents in that format and the registers as ever", func(t *testing.T) {
			dir := t.TempDir()
			// with the diagram for both formats: the five documents share
			// its PNG (run with -race)
			paths, err := ExportAll(context.Background(), p, r, cat, dir, Options{Format: tc.format, NoDiagram: tc.format != FormatBoth})
			if err != nil {
				t.Fatal(err)
			}
			has := func(name string) bool {
				for _, path := range paths {
					if filepath.Base(path) == name {
						if _, err := os.Stat(path); err != nil {
							t.Errorf("%s listed but missing", path)
						}
						return true
					}
				}
				return false
			}
			for _, kind := range templates.Kinds() {
				if has(kind+".pdf") != tc.pdf {
					t.Errorf("%s.pdf written: %v, want %v", kind, !tc.pdf, tc.pdf)
				}
				if has(kind+".docx") != tc.word {
					t.Errorf("%s.docx written: %v, want %v", kind, !tc.word, tc.word)
				}
			}
			if !has("registers.xlsx") || !has("risk-register.csv") {
				t.Error("the registers are missing")
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"pdf": FormatPDF, "DOCX": FormatDOCX, " both ": FormatBoth} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("odt"); err == nil || !strings.Contains(err.Error(), "pdf, docx or both") {
		t.Errorf("ParseFormat(odt) error %v", err)
	}
}

// TestDOCXConvertsInLibreOffice opens the sample's CRS (the longest
// document) in LibreOffice, as a client without Word would, and compares
// its page count with the PDF's: a file LibreOffice must repair, or that
// lays out very differently, fails. soffice missing: skipped locally,
// failed in CI (make test-deps installs libreoffice-writer-nogui).
func TestDOCXConvertsInLibreOffice(t *testing.T) {
	soffice := testtool.Require(t, "soffice", "libreoffice-writer-nogui")
	p := model.Sample()
	r, cat := assess(t, p)
	dir := t.TempDir()
	var docs []string
	type doc struct{ kind, lang, name string }
	var all []doc
	for _, l := range []i18n.Lang{i18n.EN, i18n.DE} {
		for _, kind := range templates.Kinds() {
			if l == i18n.EN && kind != "crs" {
				continue // the German five, and the English CRS
			}
			name := string(l) + "-" + kind
			for _, f := range []Format{FormatPDF, FormatDOCX} {
				out, err := Export(context.Background(), p, r, cat, kind, Options{Format: f, Lang: l})
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name+"."+string(f)), out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			docs = append(docs, filepath.Join(dir, name+".docx"))
			all = append(all, doc{kind, string(l), name})
		}
	}
	conv := filepath.Join(dir, "lo")
	// one LibreOffice for all files, with a profile of its own, so that a
	// running LibreOffice of the user does not take the job
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", conv}, docs...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, d := range all {
		t.Run(d.lang+" "+d.kind, func(t *testing.T) {
			got := filepath.Join(conv, d.name+".pdf")
			if _, err := os.Stat(got); err != nil {
				t.Fatalf("LibreOffice wrote no PDF: %v", err)
			}
			want, n := pageCount(t, filepath.Join(dir, d.name+".pdf")), pageCount(t, got)
			t.Logf("%s: LibreOffice %d pages, PDF %d", d.name, n, want)
			if diff := float64(n-want) / float64(want); diff < -0.15 || diff > 0.15 {
				t.Errorf("the DOCX prints on %d pages in LibreOffice, the PDF on %d: more than 15 %% apart", n, want)
			}
			footer := "Page 2 of"
			if d.lang == "de" {
				footer = "Seite 2 von"
			}
			if text := pdfText(t, got); !strings.Contains(text, p.Client) || !strings.Contains(text, footer) {
				t.Errorf("the converted DOCX lacks the client or the page footer %q", footer)
			}
		})
	}
}

// TestDOCXHeadingsAndTablesAreWords checks the structure a Word user
// relies on in every exported document, in English and German: each
// Markdown heading of level 1 to 3 is a paragraph in the Heading 1–3
// style, each Markdown table and table block (heat map, risk matrix,
// approval) is a real Word table, and every such table repeats its header
// row on each page.
func TestDOCXHeadingsAndTablesAreWords(t *testing.T) {
	p := model.Sample()
	r, cat := assess(t, p)
	headingRE := regexp.MustCompile(`(?m)^(#{1,3}) \S`)
	sepRE := regexp.MustCompile(`(?m)^\|(?:\s*:?-+:?\s*\|)+\s*$`)
	blockRE := regexp.MustCompile("(?m)^```zw-(heatmap|matrix|approval)")
	fenceRE := regexp.MustCompile("(?ms)^```.*?^```")
	for _, l := range i18n.Langs {
		for _, kind := range templates.Kinds() {
			t.Run(string(l)+" "+kind, func(t *testing.T) {
				opts := Options{Lang: l, NoDiagram: true}
				md, err := Markdown(p, r, cat, kind, opts)
				if err != nil {
					t.Fatal(err)
				}
				opts.Format = FormatDOCX
				out, err := Export(context.Background(), p, r, cat, kind, opts)
				if err != nil {
					t.Fatal(err)
				}
				wellFormed(t, kind, out)
				doc := docxPart(t, out, "word/document.xml")
				plain := fenceRE.ReplaceAllString(md, "")
				want := [4]int{}
				for _, m := range headingRE.FindAllStringSubmatch(plain, -1) {
					want[len(m[1])]++
				}
				for lvl := 1; lvl <= 3; lvl++ {
					got := strings.Count(doc, `<w:pStyle w:val="Heading`+strconv.Itoa(lvl)+`"/>`)
					if got != want[lvl] {
						t.Errorf("%d paragraphs in Heading %d, want %d (the Markdown's level-%d headings)", got, lvl, want[lvl], lvl)
					}
				}
				if want[1] == 0 || want[2] == 0 {
					t.Errorf("the %s has no level 1 or 2 headings to check", kind)
				}
				tables := len(sepRE.FindAllString(plain, -1)) + len(blockRE.FindAllString(md, -1))
				var checked int
				for i, tbl := range strings.Split(doc, "<w:tbl>")[1:] {
					if i == 0 && !strings.Contains(tbl, "<w:tblHeader/>") {
						continue // the cover's particulars
					}
					checked++
					first, _, _ := strings.Cut(tbl, "</w:tr>")
					if !strings.Contains(first, "<w:tblHeader/>") {
						t.Errorf("table %d has no repeating header row", i)
					}
				}
				if checked != tables {
					t.Errorf("%d Word tables with a header row, want %d (the Markdown's tables and table blocks)", checked, tables)
				}
			})
		}
	}
}

// docxPart returns one part of a DOCX package.
func docxPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("no %s in the package", name)
	return ""
}
