package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// TestGermanTemplatesExecute parses and executes the German templates in
// templates/de against the sample plant with the same template execution
// as the English ones, so that they are known to work before the language
// loader picks them for --lang de.
func TestGermanTemplatesExecute(t *testing.T) {
	p := model.Sample()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	d := NewData(p, risk.Assess(p, cat), cat, p.Date)
	files, _ := filepath.Glob(filepath.Join("de", "[a-z]*.md"))
	if len(files) == 0 {
		t.Fatal("no German template in templates/de")
	}
	for _, f := range files {
		kind := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run("the German "+kind+" runs on the sample and reads German", func(t *testing.T) {
			tm, err := Load(kind, "de")
			if err != nil {
				t.Fatal(err)
			}
			md, err := tm.Execute(d)
			if err != nil {
				t.Fatal(err)
			}
			en, _ := os.ReadFile(kind + ".md")
			if md == "" || strings.Contains(md, "This cyber security requirements specification") || len(md) < len(en)/2 {
				t.Errorf("output is empty or English (%d bytes)", len(md))
			}
			for _, want := range []string{"Betrachtetes System", "Freigabe", "B3S Wasser/Abwasser"} {
				if kind == "crs" && !strings.Contains(md, want) {
					t.Errorf("output lacks %q", want)
				}
			}
		})
	}
}
