package pdf

import (
	"os"
	"testing"
)

func sampleDoc(t testing.TB) *Document {
	md, err := os.ReadFile("testdata/sample.md")
	if err != nil {
		t.Fatal(err)
	}
	return &Document{
		Meta: Meta{
			Title: "IEC 62443-3-2 Risk Assessment Report", Subtitle: "Zones, conduits and target security levels",
			Client: "Stadtwerke Nürnberg GmbH", Project: "Wasserwerk Nürnberg – Größe", Site: "Erlenstegen",
			Author: "Jürgen Weiß", Revision: "1.0", Date: "2026-11-26", Classification: "Confidential",
			Approvals: []Approval{
				{Role: "Prepared", Name: "Jürgen Weiß", Title: "OT Security Consultant", Date: "2026-11-26"},
				{Role: "Reviewed", Name: "Anna Groß", Title: "Lead Auditor"},
				{Role: "Approved", Name: "Dr. Hans Müller", Title: "Plant Manager"},
			},
		},
		Markdown: md,
		Figures:  map[string]Figure{"zones": boxFigure{"Zone diagram"}},
	}
}

func TestWriteSample(t *testing.T) {
	out, err := Render(sampleDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	if p := os.Getenv("PDF_OUT"); p != "" {
		os.WriteFile(p, out, 0o644)
	}
}
