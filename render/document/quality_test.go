package document

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zonewise/model"
)

// qualityDoc is one exported document: its Markdown before layout and the
// text of its PDF.
type qualityDoc struct {
	name, md, text string
	pages          int
}

func exportForQuality(t *testing.T, plant string, p *model.Project, kind string) qualityDoc {
	t.Helper()
	r, cat := assess(t, p)
	md, err := Markdown(p, r, cat, kind, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := Export(context.Background(), p, r, cat, kind, Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), kind+".pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return qualityDoc{name: plant + " " + kind, md: md, text: pdfText(t, path), pages: pageCount(t, path)}
}

// allKinds are the five documents of a plant.
var allKinds = []string{"crs", "risk-report", "policies", "procedures", "self-assessment"}

// exported caches the documents the quality tests export, by plant and
// kind: the page budgets and the text checks read the same files.
var exported = map[string]qualityDoc{}

func exportedDoc(t *testing.T, plant string, p func() *model.Project, kind string) qualityDoc {
	t.Helper()
	key := plant + "\x00" + kind
	if d, ok := exported[key]; ok {
		return d
	}
	d := exportForQuality(t, plant, p(), kind)
	exported[key] = d
	return d
}

var (
	samplePlant = func() *model.Project { return model.Sample() }
	plant100    = func() *model.Project { return model.Generate(10, 100, 1) }
	plant1000   = func() *model.Project { return model.Generate(50, 1000, 1) }
)

// TestPageBudgets holds the documents to their page budgets (README,
// documents): the sample's CRS at most 45 pages and its five documents at
// most 140 together; the 1,000-asset plant's five at most 400 together.
func TestPageBudgets(t *testing.T) {
	if testing.Short() {
		t.Skip("exports a 1,000-asset plant")
	}
	for _, tc := range []struct {
		what  string
		plant string
		p     func() *model.Project
		kinds []string
		max   int
	}{
		{"the sample's CRS fits in 45 pages", "sample", samplePlant, []string{"crs"}, 45},
		{"the sample's five documents fit in 140 pages", "sample", samplePlant, allKinds, 140},
		{"the 1,000-asset plant's five documents fit in 400 pages", "1,000 assets", plant1000, allKinds, 400},
	} {
		t.Run(tc.what, func(t *testing.T) {
			n := 0
			var each []string
			for _, k := range tc.kinds {
				d := exportedDoc(t, tc.plant, tc.p, k)
				n += d.pages
				each = append(each, fmt.Sprintf("%s %d", k, d.pages))
			}
			if n > tc.max {
				t.Errorf("%d pages (%s), want at most %d", n, strings.Join(each, ", "), tc.max)
			}
		})
	}
}

var (
	wordRe     = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}\-/]*`)
	sectionRef = regexp.MustCompile(`section "([^"]+)"`)
	longWord   = regexp.MustCompile(`\p{L}{14,}`)
	// fencedBlock is a zw-* block: CSV, not prose
	fencedBlock = regexp.MustCompile("(?s)```.*?```")
	// codeSpan is a command or file name quoted as code
	codeSpan = regexp.MustCompile("`[^`\n]*`")
)

// repeatedWords returns the adjacent repeated words of a Markdown text
// ("Splunk Splunk"), ignoring case, within one table cell or line.
func repeatedWords(s string) []string {
	s = codeSpan.ReplaceAllString(fencedBlock.ReplaceAllString(s, ""), "")
	var out []string
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '|' }) {
		idx := wordRe.FindAllStringIndex(line, -1)
		for i := 1; i < len(idx); i++ {
			prev, cur := line[idx[i-1][0]:idx[i-1][1]], line[idx[i][0]:idx[i][1]]
			gap := line[idx[i-1][1]:idx[i][0]]
			if len(cur) > 1 && strings.TrimSpace(gap) == "" && strings.EqualFold(prev, cur) {
				out = append(out, prev+" "+cur)
			}
		}
	}
	return out
}

// emptyTables returns the header rows of Markdown tables without a body row.
func emptyTables(md string) []string {
	lines := strings.Split(md, "\n")
	var out []string
	for i := 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "|---") || strings.HasPrefix(lines[i], "|:-") {
			if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "|") {
				out = append(out, lines[i-1])
			}
		}
	}
	return out
}

// unescape removes Markdown escapes and emphasis marks so that words of the
// Markdown can be found in the PDF text.
func unescape(md string) string {
	return strings.NewReplacer(`\`, "", "**", "", "_", " ").Replace(md)
}

func TestDocumentTextQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("exports a 1,000-asset plant")
	}
	var docs []qualityDoc
	for _, k := range allKinds {
		docs = append(docs, exportedDoc(t, "sample", samplePlant, k), exportedDoc(t, "100 assets", plant100, k),
			exportedDoc(t, "1,000 assets", plant1000, k))
	}
	for _, d := range docs {
		t.Run(d.name+" repeats no word next to itself", func(t *testing.T) {
			if r := repeatedWords(d.md); len(r) > 0 {
				t.Errorf("Markdown: %q", r)
			}
		})
		t.Run(d.name+" has no empty table", func(t *testing.T) {
			if e := emptyTables(d.md); len(e) > 0 {
				t.Errorf("tables without rows: %q", e)
			}
		})
		t.Run(d.name+" refers only to sections it has", func(t *testing.T) {
			for _, m := range sectionRef.FindAllStringSubmatch(d.md, -1) {
				if !regexp.MustCompile(`(?m)^#+ ~?` + regexp.QuoteMeta(m[1]) + `$`).MatchString(d.md) {
					t.Errorf("section %q is referred to but not there", m[1])
				}
			}
		})
		t.Run(d.name+" breaks no long word inside", func(t *testing.T) {
			inPDF := map[string]bool{}
			for _, w := range longWord.FindAllString(d.text, -1) {
				inPDF[w] = true
			}
			seen := map[string]bool{}
			for _, w := range longWord.FindAllString(unescape(d.md), -1) {
				if seen[w] {
					continue
				}
				seen[w] = true
				if !inPDF[w] && !strings.Contains(d.text, w) {
					t.Errorf("%q is not whole in the PDF", w)
				}
			}
		})
		t.Run(d.name+" prints no unknown or undemonstrated level as a row of zeros", func(t *testing.T) {
			if strings.Contains(d.text, "0,0,0,0,0,0,0") {
				t.Error(`"0,0,0,0,0,0,0" in the PDF: an unknown SL-C or an SL-A of nothing shown reads as a measured level`)
			}
		})
		t.Run(d.name+" doubles no product or protocol name", func(t *testing.T) {
			if strings.Contains(d.md, "Splunk Splunk") || strings.Contains(d.md, "/TCP/TCP") {
				t.Error("a product or protocol name is doubled")
			}
		})
	}
}

func TestTextChecksFail(t *testing.T) {
	for _, tc := range []struct {
		what string
		got  []string
	}{
		{"a doubled vendor is a repeated word", repeatedWords("| Splunk Splunk Enterprise |")},
		{"a table without rows is empty", emptyTables("| A | B |\n|---|---|\n\nText")},
		{"a repeated word next to a command is still found", repeatedWords("run `zonewise import self-assessment x.xlsx` and and read")},
	} {
		t.Run(tc.what, func(t *testing.T) {
			if len(tc.got) == 0 {
				t.Error("the check found nothing")
			}
		})
	}
}
