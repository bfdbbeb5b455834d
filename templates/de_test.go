package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// The German templates under de/ parse and execute against the sample and a
// generated plant, read cleanly by the same checks as the English ones, and
// hold no English sentence the English template has (a missed translation).
func TestGermanTemplates(t *testing.T) {
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*model.Project{model.Sample(), model.Generate(20, 200, 3)} {
		d := NewData(p, risk.Assess(p, cat), cat, p.Date)
		var zones []string
		for _, z := range p.Zones {
			zones = append(zones, EscapeMarkdown(z.Name))
		}
		for _, kind := range qualityKinds {
			path := filepath.Join("de", kind+".md")
			if _, err := os.Stat(path); err != nil && kind == "risk-report" {
				continue // exported in English until its German template exists
			}
			t.Run(kind+" in German on "+p.Name, func(t *testing.T) {
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				tpl, err := Parse(kind, path, string(src))
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
				for _, english := range []string{"These policies", "These procedures", "This questionnaire", "must be", "is required", "# ~Approval", "# ~Sign-off", "Remote access via"} {
					if strings.Contains(md, english) {
						t.Errorf("English left in the German %s: %q", kind, english)
					}
				}
				if !strings.Contains(md, "# ~Freigabe") && !strings.Contains(md, "# ~Bestätigung") {
					t.Error("no German approval heading")
				}
			})
		}
	}
}
