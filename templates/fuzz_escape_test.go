package templates

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

var (
	fuzzMarkdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	htmlTag      = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

func toHTML(t *testing.T, md string) string {
	t.Helper()
	var b strings.Builder
	if err := fuzzMarkdown.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// tags lists the HTML tags of s.
func tags(s string) []string { return htmlTag.FindAllString(s, -1) }

// FuzzEscapeMarkdown: whatever a name holds, the escaped name is plain text
// to the Markdown engine of the PDFs: in a paragraph and in a table cell it
// adds no element (emphasis, link, HTML, code, heading, list, cell) and
// reads back as the name itself (flattened to one line).
func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range []string{
		hostile, "", "a", "**x** | <script> {{.Name}} ]]>", "# h", "- item", "+ item", "1. n", "1) n", "> q", "---", "===",
		"___", "***", "`c`", "``c``", "~~s~~", "~s~", "[l](x)", "[l]", "![i](x)", "<http://x>", "<x@y.z>", "http://x.y",
		"&amp;", "&#60;", "&#x3c;", "a\\", "\\*", "*a*", "_a_", "a_b_c", "<!-- c -->", "<?x?>", "<![CDATA[x]]>", "| a |",
		"a  ", "a #", "#", "##", "    code", "\tcode", "\x00\x01\x1b[31m", "\u202eRTL", "🏭", "=HYPERLINK(\"x\")", "[^1]",
		"<b>", "</p>", "*", "**", "\\newpage", "<br>", "x<br>y", "[x]: http://y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		esc := EscapeMarkdown(name)
		want := flatten(truncate(name, maxInline))
		if strings.ContainsAny(esc, "\n\r") {
			t.Fatalf("escaped name %q spans lines", esc)
		}

		// In a paragraph: one <p>, nothing else.
		got := toHTML(t, "Zone: "+esc+" end")
		if tg := tags(got); len(tg) != 2 || tg[0] != "<p>" || tg[1] != "</p>" {
			t.Fatalf("name %q escaped as %q becomes elements %v in a paragraph:\n%s", name, esc, tg, got)
		}
		text := html.UnescapeString(strings.TrimSuffix(strings.TrimPrefix(got, "<p>"), "</p>\n"))
		if wantText := "Zone: " + want + " end"; text != wantText && want != "" {
			// goldmark collapses nothing inside a paragraph line but does
			// replace NUL; compare what a reader sees.
			if strings.ReplaceAll(wantText, "\x00", "\uFFFD") != text {
				t.Fatalf("name %q reads back as %q, want %q", name, text, wantText)
			}
		}

		// In a table cell: exactly two cells in the body row.
		got = toHTML(t, "| Zone | Type |\n|---|---|\n| "+esc+" | control |\n")
		if n := strings.Count(got, "<td"); n != 2 {
			t.Fatalf("name %q escaped as %q makes %d cells in a table row:\n%s", name, esc, n, got)
		}
		for _, tg := range tags(got) {
			switch strings.Trim(strings.Fields(strings.Trim(tg, "</>"))[0], "/") {
			case "table", "thead", "tbody", "tr", "th", "td":
			default:
				t.Fatalf("name %q escaped as %q adds %s to a table:\n%s", name, esc, tg, got)
			}
		}
	})
}

// TestEscapeMarkdownAutolinks: found by FuzzEscapeMarkdown, "<0@0>" became a
// mailto link because < was escaped only before a letter, /, ! or ?.
func TestEscapeMarkdownAutolinks(t *testing.T) {
	for _, name := range []string{"<0@0>", "<1user@evil.example>", "<+x@y>", "<.a@b>", "<_a@b>", "<0http://x>"} {
		t.Run(name+" stays text", func(t *testing.T) {
			got := toHTML(t, "Zone: "+EscapeMarkdown(name)+" end")
			if tg := tags(got); len(tg) != 2 {
				t.Errorf("%q escaped as %q renders as %s", name, EscapeMarkdown(name), got)
			}
		})
	}
}
