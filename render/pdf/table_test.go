package pdf

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestTableWordsStayWhole(t *testing.T) {
	tests := []struct{ name, md string }{
		{"five columns whose longest words just exceed the page", "| Countermeasure | Applied to | Status | Owner, due | Reason / notes |\n|---|---|---|---|---|\n" +
			"| Conduit firewall, deny by default | K01 Unternehmen ↔ OT-DMZ | Implemented | IT-Netzwerk | Deny-by-default rule base on the FortiGate 100F. |\n" +
			"| Jump host with MFA and session recording | Fernwartung (Vendor Remote Access) | Implemented | Automatisierungstechnik | JMP01 with session recording. |\n"},
		{"nine narrow columns", "| Zone | Kind | FR1 | FR2 | FR3 | FR4 | FR5 | FR6 | FR7 | Requirements |\n|---|---|---|---|---|---|---|---|---|---|\n" +
			"| Desinfektion & Reinwasserpumpen | Catastrophic | 1 | 2 | 3 | 4 | 1 | 2 | 3 | 120 |\n"},
	}
	word := regexp.MustCompile(`[\p{L}-]{4,}`)
	// cover, footer and approval block print words of their own
	boiler := word.FindAllString(strings.Join(pdfPages(t, render(t, &Document{Markdown: []byte("x")}), false), " "), -1)
	for _, tc := range tests {
		t.Run(tc.name+": no word is broken", func(t *testing.T) {
			want := append(word.FindAllString(tc.md, -1), boiler...)
			got := word.FindAllString(strings.Join(pdfPages(t, render(t, &Document{Markdown: []byte(tc.md)}), false), " "), -1)
			for _, w := range got {
				if !slices.Contains(want, w) {
					t.Errorf("word %q is not in the table (broken?)", w)
				}
			}
		})
	}
	t.Run("a word longer than any column can be is still broken to fit", func(t *testing.T) {
		long := strings.Repeat("x", 300)
		pages := pdfPages(t, render(t, &Document{Markdown: []byte("| A | B |\n|---|---|\n| " + long + " | b |\n")}), false)
		if strings.Contains(strings.Join(pages, ""), long) {
			t.Error("a 300-letter word printed on one line")
		}
	})
	t.Run("water filling cuts only the widest columns", func(t *testing.T) {
		got := waterFill([]float64{10, 20, 80, 90}, 150)
		if got[0] != 10 || got[1] != 20 || got[2] != 60 || got[3] != 60 {
			t.Errorf("waterFill = %v, want [10 20 60 60]", got)
		}
	})
}
