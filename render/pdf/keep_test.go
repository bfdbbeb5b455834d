package pdf

import (
	"fmt"
	"strings"
	"testing"
)

func TestKeepTogether(t *testing.T) {
	// 3 lines: "STARTMARK" on the first, "MIDMARK" early on the second and
	// "ENDMARK" on the last.
	para := "STARTMARK " + strings.Repeat("word ", 16) + "MIDMARK " + strings.Repeat("text ", 16) + "more ENDMARK"
	filler := "A line of text that fills the page.\n\n"
	t.Run("the last line of a paragraph never starts a page alone", func(t *testing.T) {
		for n := 30; n <= 40; n++ {
			for _, after := range []string{"After it.\n", "<!-- pagebreak -->\n\nNext page.\n"} {
				md := strings.Repeat(filler, n) + para + "\n\n" + after
				for i, p := range pdfPages(t, render(t, &Document{Markdown: []byte(md)}), false) {
					if strings.Contains(p, "ENDMARK") && !strings.Contains(p, "MIDMARK") {
						t.Errorf("%d lines before, %q after: page %d has the last line alone", n, after[:5], i+1)
					}
					if strings.Contains(p, "STARTMARK") && !strings.Contains(p, "MIDMARK") {
						t.Errorf("%d lines before: page %d ends with the first line alone", n, i+1)
					}
				}
			}
		}
	})
	t.Run("a heading or an introduction ending with a colon stays with the table after it", func(t *testing.T) {
		table := "| Zone | SL-T |\n|---|---|\n| Control | 2 |\n| DMZ | 3 |\n"
		for _, intro := range []string{"## HEADMARK\n\n", "INTROMARK, the zones are:\n\n"} {
			for n := 38; n <= 46; n++ {
				md := strings.Repeat(filler, n) + intro + table
				for i, p := range pdfPages(t, render(t, &Document{Markdown: []byte(md)}), false) {
					if strings.HasPrefix(strings.TrimSpace(p), "Contents") {
						continue
					}
					if (strings.Contains(p, "HEADMARK") || strings.Contains(p, "INTROMARK")) && !strings.Contains(p, "Control") {
						t.Errorf("%d lines before: page %d ends with %q", n, i+1, strings.TrimSpace(intro))
					}
				}
			}
		}
	})
	t.Run("a closing section stays on the page of the approval block", func(t *testing.T) {
		for n := 30; n <= 46; n += 2 {
			md := strings.Repeat(filler, n) + "# SIGNMARK\n\nIssued by the asset owner.\n\n```zw-approval\n```\n"
			for i, p := range pdfPages(t, render(t, &Document{Markdown: []byte(md)}), false) {
				if strings.HasPrefix(strings.TrimSpace(p), "Contents") {
					continue
				}
				if strings.Contains(p, "SIGNMARK") != strings.Contains(p, "Signature") {
					t.Errorf("%d lines before: page %d has the heading or the block alone", n, i+1)
				}
			}
		}
	})
	t.Run("a list item at the foot of a page does not leave the next page with it alone", func(t *testing.T) {
		var list strings.Builder
		for i := range 12 {
			fmt.Fprintf(&list, "- ITEM%02d short item\n", i)
		}
		for n := 20; n <= 32; n++ {
			md := strings.Repeat(filler, n) + list.String()
			pages := pdfPages(t, render(t, &Document{Markdown: []byte(md)}), false)
			for i, p := range pages {
				if strings.Count(p, "ITEM") == 1 && !strings.Contains(p, "fills the page") && i+1 < len(pages) && strings.Contains(pages[i+1], "ITEM") {
					t.Errorf("%d lines before: page %d holds one list item and the list goes on", n, i+1)
				}
			}
		}
	})
	t.Run("a heading followed by a heading stays with the table after both", func(t *testing.T) {
		table := "| Zone | SL-T |\n|---|---|\n| Control | 2 |\n| DMZ | 3 |\n"
		for n := 26; n <= 31; n++ {
			for k := range 5 {
				md := strings.Repeat(filler, n) + strings.Repeat("- item\n", k) + "\n## UPPERMARK\n\n#### LOWERMARK\n\n" + table
				for i, p := range pdfPages(t, render(t, &Document{Markdown: []byte(md)}), false) {
					if strings.HasPrefix(strings.TrimSpace(p), "Contents") {
						continue
					}
					if strings.Contains(p, "UPPERMARK") && !strings.Contains(p, "Control") {
						t.Errorf("%d lines and %d items before: page %d ends with the first heading", n, k, i+1)
					}
				}
			}
		}
	})
}
