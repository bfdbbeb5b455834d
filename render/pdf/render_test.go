package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"zonewise/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// boxFigure is a test Figure: a framed box with a label, half as high as wide.
type boxFigure struct{ label string }

func (b boxFigure) Draw(f *fpdf.Fpdf, x, y, w float64) float64 {
	h := w * 0.5
	f.SetDrawColor(31, 95, 168)
	f.SetLineWidth(0.5)
	f.Rect(x, y, w, h, "D")
	f.SetFont(FontSans, "B", 14)
	f.Text(x+10, y+h/2, SafeText(b.label))
	return h
}

func (b boxFigure) Height(w float64) float64 { return w * 0.5 }

// plainFigure has no Height method.
type plainFigure struct{}

func (plainFigure) Draw(f *fpdf.Fpdf, x, y, w float64) float64 {
	f.Rect(x, y, w, 60, "D")
	f.SetFont(FontSans, "", 10)
	f.Text(x+5, y+55, "PLAIN FIGURE")
	return 60
}

func testMeta() Meta {
	return Meta{
		Title: "IEC 62443-3-2 Risk Assessment Report", Subtitle: "Zones, conduits and target security levels",
		Client: "Stadtwerke Nürnberg GmbH", Project: "Wasserwerk Nürnberg – Größe", Site: "Erlenstegen",
		Author: "Jürgen Weiß", Revision: "1.0", Date: "2026-11-26", Classification: "Confidential",
		Approvals: []Approval{
			{Role: "Prepared", Name: "Jürgen Weiß", Title: "OT Security Consultant", Date: "2026-11-26"},
			{Role: "Reviewed", Name: "Anna Groß", Title: "Lead Auditor"},
			{Role: "Approved", Name: "Dr. Hans Müller", Title: "Plant Manager"},
		},
	}
}

func sampleDoc(t testing.TB) *Document {
	md, err := os.ReadFile("testdata/sample.md")
	if err != nil {
		t.Fatal(err)
	}
	m := testMeta()
	m.Logo = testPNG(t)
	return &Document{
		Meta:     m,
		Markdown: md,
		Figures:  map[string]Figure{"zones": boxFigure{"Zone diagram"}},
		Images:   map[string][]byte{"logo": testPNG(t)},
	}
}

// pdfPages renders d and returns the text of each page (index 0 = page 1)
// as extracted by pdftotext; layout keeps the columns of each line.
func pdfPages(t *testing.T, pdf []byte, layout bool) []string {
	t.Helper()
	bin := testtool.Poppler(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	out, err := exec.Command(bin, append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

var spaces = regexp.MustCompile(`\s+`)

func norm(s string) string { return spaces.ReplaceAllString(s, " ") }

func render(t *testing.T, d *Document) []byte {
	t.Helper()
	out, err := Render(d)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if dir := os.Getenv("PDF_OUT"); dir != "" {
		name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name()) + ".pdf"
		_ = os.WriteFile(filepath.Join(dir, name), out, 0o644)
	}
	return out
}

func TestSample(t *testing.T) {
	out := render(t, sampleDoc(t))
	pages := pdfPages(t, out, false)
	all := norm(strings.Join(pages, " "))

	t.Run("the text contains the headings, umlauts and ß", func(t *testing.T) {
		for _, want := range []string{
			"1 Introduction", "1.1 Scope", "1.1.1 Assumptions", "Unnumbered section",
			"2 Zones and conduits", "2.1 Long table", "3.1 Risk matrix", "4 Approval",
			"Wasserwerk Nürnberg – Größe", "Grüße aus Köln, Maß, Fußgänger", "SL-T ≥ 2 → MFA", "€",
			"Figure 1: Zone and conduit diagram of the plant", "Dr. Hans Müller",
			"<b>not bold</b>", "Catastrophic", "12 / 15 (80 %)", "SL-T 3 / SL-A 1",
		} {
			if !strings.Contains(all, want) {
				t.Errorf("text lacks %q", want)
			}
		}
	})
	t.Run("a <br> in a table cell breaks the line and does not print", func(t *testing.T) {
		if strings.Contains(all, "<br>") || !strings.Contains(all, "patch server, jump host") {
			t.Errorf("<br> printed or cell text lost")
		}
	})
	t.Run("an unnumbered heading gets no number", func(t *testing.T) {
		body := norm(strings.Join(pages[2:], " "))
		if strings.Contains(all, "~Unnumbered") || regexp.MustCompile(`\d Unnumbered section`).MatchString(body) {
			t.Errorf("unnumbered heading printed with marker or number")
		}
	})
	t.Run("the cover shows the particulars but no page number", func(t *testing.T) {
		c := norm(pages[0])
		for _, want := range []string{"IEC 62443-3-2 Risk Assessment Report", "Erlenstegen", "Jürgen Weiß", "Revision", "CONFIDENTIAL"} {
			if !strings.Contains(c, want) {
				t.Errorf("cover lacks %q", want)
			}
		}
		if strings.Contains(c, "Page 1") {
			t.Errorf("cover has a page number")
		}
	})
	t.Run("every other page has header and footer with the page count", func(t *testing.T) {
		for i, p := range pages[1:] {
			p = norm(p)
			want := fmt.Sprintf("Page %d of %d", i+2, len(pages))
			if !strings.Contains(p, want) || !strings.Contains(p, "CONFIDENTIAL") || !strings.Contains(p, "Stadtwerke Nürnberg GmbH") {
				t.Errorf("page %d lacks %q, classification or client", i+2, want)
			}
		}
	})
	t.Run("the long table repeats its header on the next page", func(t *testing.T) {
		var with []int
		for i, p := range pages {
			if strings.Contains(p, "RTU-0") {
				with = append(with, i)
			}
		}
		if len(with) < 2 {
			t.Fatalf("long table on %d pages, want at least 2", len(with))
		}
		for _, i := range with {
			p := norm(pages[i])
			if !strings.Contains(p, "No. Asset Zone Class Notes") {
				t.Errorf("page %d: table rows without header row: %.300s", i+1, p)
			}
		}
		if !strings.Contains(all, "RTU-050 Field embedded Last row of the long table") {
			t.Errorf("last row of the long table missing")
		}
	})
	t.Run("the page count is as laid out", func(t *testing.T) {
		if len(pages) != 8 {
			t.Errorf("%d pages, want 8", len(pages))
		}
	})
	t.Run("the PDF metadata name title, author, subject and creator", func(t *testing.T) {
		bin := testtool.Poppler(t, "pdfinfo")
		path := filepath.Join(t.TempDir(), "out.pdf")
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		info, err := exec.Command(bin, path).Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"Title:           IEC 62443-3-2 Risk Assessment Report",
			"Author:          Jürgen Weiß",
			"Subject:         Zones, conduits and target security levels",
			"Creator:         Zonewise",
			"Pages:           8",
		} {
			if !strings.Contains(string(info), want) {
				t.Errorf("pdfinfo lacks %q", want)
			}
		}
	})
	checkTOC(t, out, sampleHeads(t))
}

// sampleHeads lists the TOC entries of testdata/sample.md as printed.
func sampleHeads(t *testing.T) []string {
	return []string{"1 Introduction", "1.1 Scope", "1.1.1 Assumptions", "Unnumbered section",
		"2 Zones and conduits", "2.1 Long table", "3 Risk", "3.1 Risk matrix",
		"3.2 Security level heat map", "3.3 Compliance per FR", "4 Approval"}
}

var (
	tocLine = regexp.MustCompile(`^\s*(.*?)[ .]*\s(\d+)\s*$`)
	leader  = regexp.MustCompile(`\. ?\. ?\.`)
)

// checkTOC finds each entry in the contents pages and checks that its
// page number is the page where the heading is printed.
func checkTOC(t *testing.T, out []byte, entries []string) {
	t.Run("the contents list the page of every heading", func(t *testing.T) {
		layout := pdfPages(t, out, true)
		plain := pdfPages(t, out, false)
		got := map[string]int{}
		var order []string
		for pi := 1; pi < len(layout); pi++ {
			if pi > 1 && !leader.MatchString(layout[pi]) {
				break // past the contents
			}
			var pending []string // the first lines of a wrapped entry
			for _, l := range strings.Split(layout[pi], "\n") {
				switch {
				case strings.TrimSpace(l) == "", strings.Contains(l, "CONFIDENTIAL"), strings.Contains(l, "Page "), strings.Contains(l, "Contents"):
					continue
				case !leader.MatchString(l):
					pending = append(pending, strings.TrimSpace(l))
					continue
				}
				m := tocLine.FindStringSubmatch(l)
				if m == nil {
					continue
				}
				n, _ := strconv.Atoi(m[2])
				key := norm(strings.Join(append(pending, strings.TrimSpace(m[1])), " "))
				pending = nil
				got[key] = n
				order = append(order, key)
			}
		}
		if len(order) != len(entries) {
			t.Errorf("contents have %d entries, want %d", len(order), len(entries))
		}
		for _, e := range entries {
			p, ok := got[e]
			if !ok {
				t.Errorf("contents lack %q", e)
				continue
			}
			if p < 1 || p > len(plain) {
				t.Errorf("%q on page %d of %d", e, p, len(plain))
				continue
			}
			if !strings.Contains(norm(plain[p-1]), e) {
				t.Errorf("contents say %q is on page %d, but it is not there", e, p)
			}
			if p > 1 && strings.Contains(norm(plain[p-2]), e) && !strings.Contains(norm(plain[p-2]), "Contents") {
				t.Errorf("%q also on page %d", e, p-1)
			}
		}
	})
}

func TestLongContents(t *testing.T) {
	// 90 headings: the contents take more than one page, which moves
	// every heading back; the page numbers must account for it.
	var md bytes.Buffer
	var entries []string
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&md, "# Chapter %d with a reasonably long title to wrap in the table of contents at some point, Größe\n\n", i)
		entries = append(entries, fmt.Sprintf("%d Chapter %d with a reasonably long title to wrap in the table of contents at some point, Größe", i, i))
		for j := 1; j <= 2; j++ {
			fmt.Fprintf(&md, "## Section %d.%d\n\n%s\n\n", i, j, strings.Repeat("Text of the section. ", 60))
			entries = append(entries, fmt.Sprintf("%d.%d Section %d.%d", i, j, i, j))
		}
	}
	out := render(t, &Document{Meta: testMeta(), Markdown: md.Bytes()})
	pages := pdfPages(t, out, false)
	if !strings.Contains(norm(pages[2]), "Chapter") || !strings.Contains(pages[2], ". . .") {
		t.Fatalf("contents fit on one page; the test needs more headings")
	}
	checkTOC(t, out, entries)
}

func TestDeterministic(t *testing.T) {
	t.Run("the same document renders to the same bytes", func(t *testing.T) {
		a, err := Render(sampleDoc(t))
		if err != nil {
			t.Fatal(err)
		}
		b, err := Render(sampleDoc(t))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("two renders differ (%d and %d bytes)", len(a), len(b))
		}
	})
	t.Run("the creation date comes from Meta.Date", func(t *testing.T) {
		out, err := Render(sampleDoc(t))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(out, []byte("D:20261126")) {
			t.Errorf("no creation date 2026-11-26 in the PDF")
		}
	})
}

func TestGolden(t *testing.T) {
	d := &Document{
		Meta: Meta{Title: "Golden", Client: "Müller & Söhne", Revision: "A", Date: "2026-01-02", Classification: "Internal",
			Approvals: []Approval{{Role: "Prepared", Name: "Zoë Weiß"}}},
		Markdown: []byte("# Größe\n\nText with **bold**, *italic* and `code`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```zw-heatmap\nZone,FR1\nA,3\n```\n"),
	}
	out := render(t, d)
	path := filepath.Join("testdata", "golden.pdf")
	if *update {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(out, want) {
		_ = os.MkdirAll(filepath.Join("testdata", "failed"), 0o755)
		_ = os.WriteFile(filepath.Join("testdata", "failed", "golden.pdf"), out, 0o644)
		t.Errorf("output differs from %s (got in testdata/failed; run go test -update if intended)", path)
	}
}

func TestFigureNeverStraddlesAPage(t *testing.T) {
	for _, fig := range []string{"plain", "box"} {
		t.Run(fig+" figures stay on one page with their caption", func(t *testing.T) {
			for n := 20; n <= 52; n += 4 {
				md := strings.Repeat("A line of text that fills the page.\n\n", n) + "![the caption](figure:" + fig + ")\n\nafter\n"
				out := render(t, &Document{Markdown: []byte(md), Figures: map[string]Figure{"plain": plainFigure{}, "box": boxFigure{"BOX FIGURE"}}})
				for _, p := range pdfPages(t, out, false) {
					hasFig := strings.Contains(p, "PLAIN FIGURE") || strings.Contains(p, "BOX FIGURE")
					if hasFig != strings.Contains(p, "Figure 1: the caption") {
						t.Errorf("%d lines before: figure and caption on different pages", n)
					}
				}
			}
		})
	}
}

func TestPageBreaks(t *testing.T) {
	tests := []struct{ name, md string }{
		{"a pagebreak comment", "one\n\n<!-- pagebreak -->\n\ntwo\n"},
		{"a newpage line", "one\n\n\\newpage\n\ntwo\n"},
		{"a newpage line inside a paragraph", "one\n\\newpage\ntwo\n"},
		{"an inline pagebreak comment", "one <!-- pagebreak --> two\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" puts the text after it on the next page", func(t *testing.T) {
			pages := pdfPages(t, render(t, &Document{Markdown: []byte(tc.md)}), false)
			// cover, body page with "one", body page with "two" (and the approval block)
			if len(pages) < 3 || !strings.Contains(pages[1], "one") || strings.Contains(pages[1], "two") || !strings.Contains(pages[2], "two") {
				t.Errorf("pages: %q", pages)
			}
		})
	}
}
