package templates

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"zonewise/model"
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

func TestHostileNamesPrintLiterallyInEveryTemplate(t *testing.T) {
	d := testData(t, func(s string) string { return s + " " + hostile })
	for _, kind := range Kinds() {
		t.Run(kind+" keeps hostile names as text", func(t *testing.T) {
			tm, err := Load(kind)
			if err != nil {
				t.Fatal(err)
			}
			md, err := tm.Execute(d)
			if err != nil {
				t.Fatal(err)
			}
			html := renderHTML(t, md)
			for _, bad := range []string{"<b>bold</b>", `<a href="http://e"`, "<del>s</del>", `<img src="x"`, "<strong>x</strong>"} {
				if strings.Contains(html, bad) {
					t.Errorf("a hostile name was interpreted: output contains %q", bad)
				}
			}
			// In paragraphs and in table cells alike the name survives whole:
			// the pipe did not split a cell and the line breaks did not end a row.
			if !strings.Contains(html, "**x** | y &lt;b&gt;bold&lt;/b&gt; {{.}} [l](http://e) `c` # h - item 1. n ~~s~~ &amp;amp; \\ ![i](x)") {
				t.Error("a hostile name does not appear whole in the rendered document")
			}
		})
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoad(t *testing.T) {
	d := testData(t, nil)
	t.Run("without user folders the embedded default is used", func(t *testing.T) {
		tm, err := Load("crs", t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if tm.Path != "" {
			t.Errorf("Path = %q, want the embedded default", tm.Path)
		}
	})
	t.Run("a template next to the project wins over the user config folder", func(t *testing.T) {
		project, config := t.TempDir(), t.TempDir()
		writeFile(t, filepath.Join(project, "crs.md"), "# Project CRS for {{.Project.Name}}\n")
		writeFile(t, filepath.Join(config, "crs.md"), "# Config CRS\n")
		tm, err := Load("crs", project, config)
		if err != nil {
			t.Fatal(err)
		}
		md, err := tm.Execute(d)
		if err != nil {
			t.Fatal(err)
		}
		if md != "# Project CRS for Wasserwerk Süd\n" {
			t.Errorf("got %q", md)
		}
	})
	t.Run("the user config folder is used when the project has none", func(t *testing.T) {
		config := t.TempDir()
		writeFile(t, filepath.Join(config, "policies.md"), "# Config policies\n")
		tm, err := Load("policies", filepath.Join(t.TempDir(), "missing"), config)
		if err != nil {
			t.Fatal(err)
		}
		if md, _ := tm.Execute(d); md != "# Config policies\n" {
			t.Errorf("got %q", md)
		}
	})
	t.Run("a template that does not parse names its file and line", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "risk-report.md")
		writeFile(t, path, "# Report\n\nLine three\n{{if .Zones}}\nno end\n")
		_, err := Load("risk-report", dir)
		if err == nil {
			t.Fatal("no error for a broken template")
		}
		if !strings.Contains(err.Error(), path+":4") && !strings.Contains(err.Error(), path+":6") {
			t.Errorf("error %q does not name %s and the line", err, path)
		}
	})
	t.Run("a template that fails to execute names its file and line", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "procedures.md")
		writeFile(t, path, "# Procedures\n\n{{.Project.Name}}\n{{.Project.NoSuchField}}\n")
		tm, err := Load("procedures", dir)
		if err != nil {
			t.Fatal(err)
		}
		_, err = tm.Execute(d)
		if err == nil || !strings.Contains(err.Error(), path+":4") {
			t.Errorf("error %v does not name %s:4", err, path)
		}
	})
	t.Run("an unknown function is a parse error, not a fallback", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "crs.md"), "{{nosuchfunc .}}")
		if _, err := Load("crs", dir); err == nil {
			t.Error("no error")
		}
	})
	t.Run("an unreadable template is an error, not a fallback", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "crs.md"), 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := Load("crs", dir); err == nil {
			t.Error("no error for a template path that is a directory")
		}
	})
	t.Run("an unknown kind is refused", func(t *testing.T) {
		if _, err := Load("nonsense"); err == nil {
			t.Error("no error")
		}
	})
}

func TestNewDataWithoutAssessment(t *testing.T) {
	p := testPlant(nil)
	d := NewData(p, nil, nil, p.Date)
	for _, kind := range Kinds() {
		t.Run(kind+" renders before the first assessment", func(t *testing.T) {
			tm, err := Load(kind)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tm.Execute(d); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestNewDataEmptyProject(t *testing.T) {
	p := &model.Project{}
	d := NewData(p, nil, nil, "")
	for _, kind := range Kinds() {
		t.Run(kind+" renders an empty project", func(t *testing.T) {
			tm, err := Load(kind)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tm.Execute(d); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestGoldenMarkdown compares the Markdown of every default template for
// the test water works with testdata/KIND.golden.md (refresh with -update):
// a readable record of what each document says.
func TestGoldenMarkdown(t *testing.T) {
	d := testData(t, nil)
	for _, kind := range Kinds() {
		t.Run(kind+" matches its golden Markdown", func(t *testing.T) {
			tm, err := Load(kind)
			if err != nil {
				t.Fatal(err)
			}
			got, err := tm.Execute(d)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", kind+".golden.md")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				failed := filepath.Join("testdata", "failed", kind+".md")
				_ = os.MkdirAll(filepath.Dir(failed), 0o755)
				_ = os.WriteFile(failed, []byte(got), 0o644)
				t.Errorf("Markdown differs from %s (written to %s; run with -update if intended)", golden, failed)
			}
		})
	}
}

func TestDeliverables(t *testing.T) {
	d := Deliverables()
	t.Run("every template kind is a deliverable, in the same order, then the registers", func(t *testing.T) {
		kinds := Kinds()
		if len(d) != len(kinds)+1 {
			t.Fatalf("%d deliverables, want %d", len(d), len(kinds)+1)
		}
		for i, k := range kinds {
			if d[i].Kind != k {
				t.Errorf("deliverable %d is %q, want %q", i, d[i].Kind, k)
			}
		}
		if last := d[len(d)-1]; last.Kind != KindRegisters {
			t.Errorf("last deliverable is %q, want %q", last.Kind, KindRegisters)
		}
	})
	t.Run("every deliverable has a label that names its file type", func(t *testing.T) {
		for _, dl := range d {
			if !strings.Contains(dl.Label, "(PDF)") && !strings.Contains(dl.Label, "(XLSX") {
				t.Errorf("deliverable %q has label %q, without its file type", dl.Kind, dl.Label)
			}
		}
	})
}
