package pdf

import (
	"strings"
	"testing"
)

func TestApprovalKeepsJobTitlesWhole(t *testing.T) {
	for _, tc := range []struct{ name, title string }{
		{"a German job title with a long compound stays whole", "Leiter Automatisierungstechnik"},
		{"a longer compound title stays whole", "Informationssicherheitsbeauftragter"},
		{"a name in the title column of several words stays whole", "Technischer Geschäftsführer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md := "# Approval\n\nSigned below.\n\n```zw-approval\n```\n"
			d := &Document{Markdown: []byte(md), Meta: Meta{Title: "T", Approvals: []Approval{
				{Role: "Reviewed", Name: "Dr. Jürgen Weiß", Title: tc.title, Date: "2026-11-27"},
				{Role: "Approved", Name: "Mehmet Öztürk", Title: "Technischer Geschäftsführer"},
			}}}
			text := strings.Join(pdfPages(t, render(t, d), false), "\n")
			for _, word := range strings.Fields(tc.title) {
				if !strings.Contains(text, word) {
					t.Errorf("%q is broken inside the word; page text:\n%s", word, text)
				}
			}
		})
	}
}
