package templates

import (
	"regexp"
	"strings"
	"testing"
)

// bigNumber spots sources that loop a huge number of times ({{range 99999999}}):
// slow by design rather than a bug, so the fuzzer leaves them alone.
var bigNumber = regexp.MustCompile(`[0-9]{4,}|[eE][0-9]`)

// FuzzParseTemplate: a user template (the one loader of this package that
// reads files) never panics, neither when parsed nor when executed on a
// plant, and every error names the user's file.
func FuzzParseTemplate(f *testing.F) {
	for _, kind := range Kinds() {
		src, err := Default(kind)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	for _, s := range []string{
		"", "{{", "}}", "{{.}}", "{{.Nope}}", "{{.Project.Name}}", `{{template "x"}}`, `{{define "x"}}{{template "x"}}{{end}}{{template "x"}}`,
		"{{range .Zones}}{{.Name}}{{end}}", "{{index .Zones 99}}", "{{slice .Project.Name 5 1}}", "{{len 3}}", "{{call .}}",
		"{{printf \"%*d\" 1000 1}}", "{{block \"b\" .}}{{end}}", "{{with $x := 1}}{{$x.Y}}{{end}}", "{{/* c */}}", "{{- . -}}",
		"{{break}}", "{{range .Zones}}{{break}}{{end}}", "{{html .}}{{js .}}{{urlquery .}}", "{{.Project.Name | printf \"%q\"}}",
	} {
		f.Add(s)
	}
	d := testData(f, nil)
	const path = "/home/user/templates/risk-report.md"
	f.Fuzz(func(t *testing.T, src string) {
		if bigNumber.MatchString(src) {
			return
		}
		tm, err := Parse("risk-report", path, src)
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("parse error does not name the file: %v", err)
			}
			return
		}
		if _, err := tm.Execute(d); err != nil && !strings.Contains(err.Error(), path) {
			t.Fatalf("execution error does not name the file: %v", err)
		}
	})
}
