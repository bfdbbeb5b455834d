package templates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// qualityKinds are the documents whose text this file checks: all five.
var qualityKinds = []string{"crs", "risk-report", "policies", "procedures", "self-assessment"}

// textProblems lists what a reader would stumble over in a document's
// Markdown: a word twice in a row ("Splunk Splunk"), a table with a header
// and no rows, a numbered list that does not count 1, 2, 3, a reference to
// a chapter by a number, two zone names run together.
func textProblems(md string, zoneNames []string) []string {
	var out []string
	lines := strings.Split(md, "\n")
	// Repeated adjacent words, outside code and ignoring numbers and
	// punctuation-only tokens ("| |").
	// A word that ends a sentence or clause ("operators. Operators") or
	// is restated in brackets ("SIS (SIS Chlorgasanlage)") is not a slip.
	letter := regexp.MustCompile(`\p{L}{2}`)
	fenced := false
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			fenced = !fenced
			continue
		}
		if fenced || strings.HasPrefix(l, "|---") {
			continue
		}
		for _, cell := range strings.Split(l, "|") {
			raw := strings.Fields(cell)
			ws := make([]string, len(raw))
			for j := range raw {
				ws[j] = strings.Trim(raw[j], ",.;:()*_[]")
			}
			for j := 1; j < len(ws); j++ {
				if strings.ContainsAny(raw[j-1][len(raw[j-1])-1:], ".,;:)") || strings.HasPrefix(raw[j], "(") {
					continue
				}
				if strings.EqualFold(ws[j], ws[j-1]) && letter.MatchString(ws[j]) && !germanPair[strings.ToLower(ws[j])] {
					out = append(out, fmt.Sprintf("line %d: %q twice: %s", i+1, ws[j], strings.TrimSpace(cell)))
				}
			}
		}
	}
	// Empty tables: a separator row not followed by a data row.
	for i, l := range lines {
		if strings.HasPrefix(l, "|---") || strings.HasPrefix(l, "|--") {
			if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "|") {
				out = append(out, fmt.Sprintf("line %d: table %q has no rows", i+1, lines[i-1]))
			}
		}
	}
	// Numbered lists count from 1 without a gap.
	num := regexp.MustCompile(`^(\d+)\. `)
	want := 1
	for i, l := range lines {
		m := num.FindStringSubmatch(l)
		switch {
		case m != nil:
			n, _ := strconv.Atoi(m[1])
			if n != want {
				out = append(out, fmt.Sprintf("line %d: list item %d, want %d", i+1, n, want))
			}
			want = n + 1
		case strings.TrimSpace(l) == "" || strings.HasPrefix(l, "   ") || strings.HasPrefix(l, "{{"):
		default:
			want = 1
		}
	}
	// Chapters are referred to by name: their numbers depend on the layout.
	if m := regexp.MustCompile(`(?i)\b(policy|procedure|chapter) \d`).FindString(md); m != "" {
		out = append(out, fmt.Sprintf("a chapter is referred to by number: %q", m))
	}
	// Two zone names never follow each other with only a space between.
	for _, a := range zoneNames {
		for _, b := range zoneNames {
			if strings.Contains(md, a+" "+b) {
				out = append(out, fmt.Sprintf("zone names run together: %q", a+" "+b))
			}
		}
	}
	return out
}

// germanPair are the German words that stand twice in a row in good
// German: an article or demonstrative followed by the relative pronoun
// ("Komponenten, die die Anforderungen erfüllen").
var germanPair = map[string]bool{"die": true, "der": true, "das": true, "den": true, "dem": true, "des": true}

func checkQuality(t *testing.T, p *model.Project) {
	t.Helper()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	d := NewData(p, risk.Assess(p, cat), cat, p.Date)
	var zones []string
	for _, z := range p.Zones {
		zones = append(zones, EscapeMarkdown(z.Name))
	}
	for _, kind := range qualityKinds {
		t.Run(kind+" reads cleanly", func(t *testing.T) {
			tpl, err := Load(kind)
			if err != nil {
				t.Fatal(err)
			}
			md, err := tpl.Execute(d)
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range textProblems(md, zones) {
				t.Error(pr)
			}
		})
	}
}

func TestDocumentTextQualityOnTheSample(t *testing.T) { checkQuality(t, model.Sample()) }

func TestDocumentTextQualityOnGeneratedPlants(t *testing.T) {
	for _, p := range []*model.Project{model.Generate(10, 100, 1), model.Generate(40, 600, 7), model.Generate(50, 1000, 1)} {
		t.Run(fmt.Sprintf("%d assets", len(p.Assets)), func(t *testing.T) { checkQuality(t, p) })
	}
}

// The checks themselves find what they look for.
func TestTextProblemsFindsTheSlips(t *testing.T) {
	tests := []struct {
		name, md string
		want     string
	}{
		{"a repeated word", "Logs go to Splunk Splunk daily.", `"Splunk" twice`},
		{"a table without rows", "| Role | Name |\n|---|---|\n\nText", "has no rows"},
		{"a list that skips a number", "1. one\n2. two\n4. four", "list item 4, want 3"},
		{"a chapter by number", "see procedure 4 for backups", "by number"},
		{"zone names run together", "the owner of SCADA Filtration approves", "run together"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(textProblems(tt.md, []string{"SCADA", "Filtration"}), "; ")
			if !strings.Contains(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
		})
	}
	for _, clean := range []string{"1. a\n2. b\n\nText.\n\n1. c", "delays operators. Operators must", "the SIS (SIS Chlorgasanlage)",
		"```zw-matrix\n\"Low (1)\",\"Low (1)\"\n```", "Komponenten, die die Anforderungen erfüllen"} {
		if got := textProblems(clean, nil); len(got) != 0 {
			t.Errorf("clean text %q flagged: %v", clean, got)
		}
	}
}
