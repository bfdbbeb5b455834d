package templates

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func testData(t testing.TB, name func(string) string) *Data {
	t.Helper()
	p := testPlant(name)
	cat := testCatalog()
	return NewData(p, testResult(p, cat), cat, p.Date)
}

func TestDefaultTemplatesExecute(t *testing.T) {
	d := testData(t, nil)
	for _, kind := range Kinds() {
		t.Run(kind+" renders the sample water works", func(t *testing.T) {
			tm, err := Load(kind)
			if err != nil {
				t.Fatal(err)
			}
			md, err := tm.Execute(d)
			if err != nil {
				t.Fatal(err)
			}
			if os.Getenv("ZW_DUMP") != "" {
				os.WriteFile(filepath.Join(os.Getenv("ZW_DUMP"), kind+".md"), []byte(md), 0o644)
			}
			for _, want := range []string{"Filtration control", "Chlorination SIS"} {
				if !strings.Contains(md, want) {
					t.Errorf("output lacks %q", want)
				}
			}
		})
	}
}
