package templates

import (
	"strings"
	"testing"
	"text/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// hostile is a name crafted to inject Markdown, HTML, template syntax and
// table cells.
const hostile = "**x** | y <b>bold</b> {{.}} [l](http://e) `c` # h\n- item\r\n1. n ~~s~~ &amp; \\ ![i](x)"

// renderHTML renders Markdown as goldmark does for the PDF engine (GFM tables
// and strikethrough), so tests can see what a reader would see.
func renderHTML(t *testing.T, md string) string {
	t.Helper()
	var b strings.Builder
	if err := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct {
		name, in string
		context  string // template around the value
		want     string // HTML fragment that must appear
		notWant  []string
	}{
		{"emphasis prints literally in a paragraph", "**x**", "{{.}}", "**x**", []string{"<strong>"}},
		{"html is not passed through", "<b>bold</b>", "{{.}}", "&lt;b&gt;bold&lt;/b&gt;", []string{"<b>"}},
		{"a pipe stays inside its table cell", "a | b", "| h | k |\n|---|---|\n| {{.}} | z |", "<td>a | b</td>", nil},
		{"a newline in a table cell does not end the row", "a\nb", "| h | k |\n|---|---|\n| {{.}} | z |", "<td>a b</td>", nil},
		{"a leading dash does not start a list", "- item", "{{.}}", "- item", []string{"<li>"}},
		{"a leading number does not start a list", "1. first", "{{.}}", "1. first", []string{"<ol>"}},
		{"a hash does not make a heading", "# title", "{{.}}", "# title", []string{"<h1>"}},
		{"a trailing hash stays in the heading", "Zone #", "## {{.}}", "<h2>Zone #</h2>", nil},
		{"a tilde does not strike through", "~~s~~", "{{.}}", "~~s~~", []string{"<del>"}},
		{"an entity prints as written", "&amp;", "{{.}}", "&amp;amp;", nil},
		{"a link prints as text", "[l](http://e)", "{{.}}", "[l](http://e)", []string{"<a "}},
		{"an image prints as text", "![i](figure:diagram)", "{{.}}", "![i](figure:diagram)", []string{"<img"}},
		{"code spans print as text", "`c`", "{{.}}", "`c`", []string{"<code>"}},
		{"a heading tilde cannot unnumber a heading", "~Appendix", "## {{.}}", "<h2>~Appendix</h2>", nil},
		{"intraword underscores do not make emphasis", "_x_ PLC_01", "{{.}}", "_x_ PLC_01", []string{"<em>"}},
		{"a trailing backslash does not break the line", `C:\Temp\`, "{{.}}\nnext", `C:\Temp\`, []string{"<br"}},
		{"a heading hash run stays", "Zone ##", "## {{.}}", "<h2>Zone ##</h2>", nil},
		{"a leading block quote marker prints", "> quoted", "{{.}}", "&gt; quoted", []string{"<blockquote>"}},
		{"umlauts pass unchanged", "Größe Ölhafen ß", "{{.}}", "Größe Ölhafen ß", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm := template.Must(template.New("t").Parse(tt.context))
			var b strings.Builder
			if err := tm.Execute(&b, Text(tt.in)); err != nil {
				t.Fatal(err)
			}
			html := renderHTML(t, b.String())
			if !strings.Contains(html, tt.want) {
				t.Errorf("markdown %q renders as %q, want it to contain %q", b.String(), html, tt.want)
			}
			for _, bad := range tt.notWant {
				if strings.Contains(html, bad) {
					t.Errorf("markdown %q renders as %q, must not contain %q", b.String(), html, bad)
				}
			}
		})
	}
}

func TestTemplateSyntaxInNamesIsNotExecuted(t *testing.T) {
	d := testData(t, func(s string) string { return "{{.Project.Client}} " + s })
	tm, err := Load("risk-report")
	if err != nil {
		t.Fatal(err)
	}
	md, err := tm.Execute(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md, "{{.Project.Client}} Wasserwerk Süd") || strings.Contains(md, "Stadtwerke Müßig GmbH Wasserwerk Süd") {
		t.Error("template syntax in a project name was not printed literally")
	}
}

func TestEscapeMarkdownLeavesOrdinaryNamesAlone(t *testing.T) {
	for _, in := range []string{"Fernwartung (Vendor Remote Access)", "Health & safety", "PLC_01", "K01 Unternehmen ↔ OT-DMZ", "< 10 k€", "SIS-Chlorgasanlage", "v2.9.4", `C:\Program Files`, "Zone 3.5: Leitwarte / SCADA"} {
		t.Run(in+" is unchanged", func(t *testing.T) {
			if got := EscapeMarkdown(in); got != in {
				t.Errorf("EscapeMarkdown(%q) = %q", in, got)
			}
		})
	}
}

func TestFenceText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text is quoted", "SCADA", `"SCADA"`},
		{"quotes are doubled", `say "hi"`, `"say ""hi"""`},
		{"line breaks cannot end the block", "a\n```\nb", "\"a ``` b\""},
		{"commas stay inside the field", "a, b", `"a, b"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fenceText(tt.in); got != tt.want {
				t.Errorf("fenceText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short text is kept", "Größe", 5, "Größe"},
		{"long text ends in an ellipsis", "Größenwahn", 5, "Größ…"},
		{"runes are not cut in half", strings.Repeat("Ä", 10), 3, "ÄÄ…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := truncate(tt.in, tt.n); got != tt.want {
				t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
	t.Run("a 100,000-character name prints shortened", func(t *testing.T) {
		d := testData(t, func(s string) string { return strings.Repeat("Ä", 100_000) })
		if n := len([]rune(string(d.Zones[0].Name))); n != maxName {
			t.Errorf("zone name has %d runes, want %d", n, maxName)
		}
	})
}

func TestEscapeMarkdownAtLineStart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"+1+2", "+1+2"},
		{"-2-3", "-2-3"},
		{"=HYPERLINK(x)", "=HYPERLINK(x)"},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"---", `\---`},
		{"===", `\===`},
		{"# h", `\# h`},
		{"#hashtag", "#hashtag"},
		{"> q", `\> q`},
		{"1. first", `1\. first`},
		{"1.5 bar", "1.5 bar"},
		{"3.5", "3.5"},
	}
	for _, tt := range tests {
		t.Run(tt.in+" is escaped only if it opens a block", func(t *testing.T) {
			if got := EscapeMarkdown(tt.in); got != tt.want {
				t.Errorf("EscapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
