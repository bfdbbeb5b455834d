package docx

import (
	"strings"
	"testing"

	"zonewise/render/pdf"
)

// hostile are names a project may hold: XML metacharacters, control and
// format characters, invalid UTF-8, an endless word, right-to-left text.
var hostile = []string{
	`<b>&amp; "quoted" 'single' </w:t></w:r>]]>`,
	"tab\there\x00nul\x01\x02\x1f\x7f\u0085 bell\a end",
	"invalid \xff\xfe utf-8 \xc3",
	"\uFFFE\uFFFF non-characters \u200e\u202e\u2066 marks",
	strings.Repeat("Überlangeswortohneleerzeichen", 400),
	"عربي עברית 中文 😀🇩🇪",
	"-->",
	"{{.Evil}} %s %d %!",
}

// tiny is a figure of a few pixels, cheap enough to place many times.
var tiny = FigureFunc(func(float64, int) ([]byte, error) { return pngOf(20, 10), nil })

func hostileMarkdown() string {
	var b strings.Builder
	for _, h := range hostile {
		b.WriteString("# " + h + "\n\n" + h + " **" + h + "**\n\n")
		b.WriteString("| " + strings.ReplaceAll(h, "|", "/") + " | x |\n|---|---|\n| " + strings.ReplaceAll(h, "|", "/") + "<br>y | z |\n\n")
		b.WriteString("> " + h + "\n\n- " + h + "\n\n[" + h + "](https://example.com/" + h + ")\n\n![" + h + "](figure:diagram)\n\n")
		b.WriteString("```\n" + h + "\n```\n\n")
	}
	b.WriteString("```zw-heatmap\nZone,FR1\n\"" + strings.ReplaceAll(hostile[0], `"`, `""`) + "\",\"2|" + strings.ReplaceAll(hostile[1], `"`, `""`) + "\"\n```\n\n")
	b.WriteString("```zw-bars\n\"" + strings.ReplaceAll(hostile[4], `"`, `""`) + "\",3,4\n```\n")
	return b.String()
}

func TestHostileTextStaysValidXML(t *testing.T) {
	for i, h := range hostile {
		t.Run("hostile text "+string(rune('A'+i))+" in every field and construct gives a well-formed package", func(t *testing.T) {
			d := &Document{
				Meta: pdf.Meta{Title: h, Subtitle: h, Client: h, Project: h, Site: h, Author: h, Revision: h, Date: h, Classification: h,
					Approvals: []pdf.Approval{{Role: h, Name: h, Title: h, Date: h}}},
				Markdown: []byte(hostileMarkdown()),
				Figures:  map[string]Figure{"diagram": tiny},
			}
			p := render(t, d)
			if !strings.Contains(p.xml["word/document.xml"].texts(), "Überlangeswort") {
				t.Error("the long word is lost")
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain ASCII is kept", "Zone 1 <DMZ>", "Zone 1 <DMZ>"},
		{"controls are dropped and tabs become spaces", "a\x00b\tc\x1fd", "ab cd"},
		{"invalid UTF-8 becomes the replacement character", "a\xffb", "a\uFFFDb"},
		{"non-characters XML forbids are dropped", "a\uFFFEb\uFFFFc", "abc"},
		{"umlauts and emoji are kept", "Überwachung 😀", "Überwachung 😀"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := clean(tc.in); got != tc.want {
				t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	if got := []rune(clean(strings.Repeat("x", maxRunes+10))); len(got) != maxRunes+1 {
		t.Errorf("a text of %d runes is cut to %d, want %d", maxRunes+10, len(got), maxRunes+1)
	}
}

func FuzzRender(f *testing.F) {
	f.Add(sampleMD, "Title")
	for _, h := range hostile {
		f.Add("# "+h+"\n\n| a | b |\n|---|---|\n| "+h+" | c |\n", h)
	}
	f.Add("```zw-matrix x=\"a\" y=\"b\"\nL,A\nl,high\n```\n", "")
	f.Add("1. a\n   - b\n     1. c\n\n> # q\n> 1. x\n", "")
	f.Fuzz(func(t *testing.T, md, title string) {
		d := &Document{Meta: pdf.Meta{Title: title, Client: title}, Markdown: []byte(md), Figures: map[string]Figure{"diagram": tiny}}
		out, err := Render(d)
		if err != nil {
			return // a malformed block is an error, not a broken file
		}
		p := open(t, out)
		p.checkRels(t)
	})
}
