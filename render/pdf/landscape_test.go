package pdf

import (
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

// pageSizes returns the width and height in points of every page, from
// pdfinfo.
func pageSizes(t *testing.T, out []byte) [][2]float64 {
	t.Helper()
	bin := testtool.Poppler(t, "pdfinfo")
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command(bin, "-f", "1", "-l", "999", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts`)
	var sizes [][2]float64
	for _, m := range re.FindAllStringSubmatch(string(info), -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	return sizes
}

func TestLandscapeFigure(t *testing.T) {
	md := "# Before\n\nText before the figure.\n\n" +
		"![Zones and conduits](figure:box \"landscape\")\n\n" +
		"Text after the figure, still on the first body page.\n\n" +
		strings.Repeat("A line of text that fills the page.\n\n", 60) +
		"# After\n\nThe end.\n"
	d := &Document{Meta: testMeta(), Markdown: []byte(md), Figures: map[string]Figure{"box": boxFigure{"BOX FIGURE"}}}
	out := render(t, d)
	pages := pdfPages(t, out, false)
	sizes := pageSizes(t, out)
	land := -1
	for i, s := range sizes {
		if s[0] > s[1] {
			if land >= 0 {
				t.Fatalf("pages %d and %d are landscape, want one", land+1, i+1)
			}
			land = i
		}
	}
	if land < 0 {
		t.Fatalf("no landscape page: %v", sizes)
	}
	t.Run("the figure is alone on a landscape page after the page that refers to it", func(t *testing.T) {
		p := pages[land]
		if !strings.Contains(p, "BOX FIGURE") || !strings.Contains(p, "Figure 1: Zones and conduits") || strings.Contains(p, "fills the page") {
			t.Errorf("landscape page %d: %q", land+1, p)
		}
		if !strings.Contains(pages[land-1], "Text after the figure") {
			t.Errorf("the text after the figure does not go on filling page %d: %q", land, pages[land-1])
		}
		if !strings.Contains(pages[land+1], "fills the page") || sizes[land+1][0] > sizes[land+1][1] {
			t.Errorf("page %d after the figure is not a portrait text page", land+2)
		}
	})
	t.Run("every body page, landscape too, says page X of Y", func(t *testing.T) {
		for i := 1; i < len(pages); i++ {
			want := "Page " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(pages))
			if !strings.Contains(pages[i], want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
	})
	t.Run("the figure is drawn as large as the landscape page allows", func(t *testing.T) {
		// a 2:1 box on 267 mm × (171 mm less the caption) is width-bound
		if w := figureWidth(t, d, land+1); w < 260 {
			t.Errorf("figure is %.0f mm wide, want about 267", w)
		}
	})
	checkTOC(t, out, []string{"1 Before", "2 After"})
	t.Run("output is deterministic", func(t *testing.T) {
		if again := render(t, d); string(again) != string(out) {
			t.Error("two renders differ")
		}
	})
}

// sizeFigure records the width it was drawn at.
type sizeFigure struct{ w *float64 }

func (s sizeFigure) Draw(_ *fpdf.Fpdf, x, y, w float64) float64 { *s.w = w; return w / 2 }

// figureWidth renders d with its figure swapped for one that records its width.
func figureWidth(t *testing.T, d *Document, _ int) float64 {
	var w float64
	c := *d
	c.Figures = map[string]Figure{"box": sizeFigure{&w}}
	render(t, &c)
	return w
}

func TestLandscapeFigureLast(t *testing.T) {
	// the last page is landscape: the header and footer of the portrait
	// pages are then drawn while fpdf holds the landscape height
	md := "# Only\n\nText.\n\n```zw-approval\n```\n\n![Last figure](figure:box \"landscape\")\n"
	out := render(t, &Document{Meta: testMeta(), Markdown: []byte(md), Figures: map[string]Figure{"box": boxFigure{"BOX FIGURE"}}})
	pages := pdfPages(t, out, true)
	sizes := pageSizes(t, out)
	if n := len(sizes); n < 3 || sizes[n-1][0] <= sizes[n-1][1] {
		t.Fatalf("want the last page landscape: %v", sizes)
	}
	t.Run("header and footer sit at the top and bottom of every body page", func(t *testing.T) {
		for i := 1; i < len(pages); i++ {
			lines := strings.Split(strings.Trim(pages[i], "\n"), "\n")
			first, last := lines[0], lines[len(lines)-1]
			if !strings.Contains(first, "Risk Assessment Report") {
				t.Errorf("page %d starts with %q, want the running header", i+1, first)
			}
			if want := "Page " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(pages)); !strings.Contains(last, want) {
				t.Errorf("page %d ends with %q, want %q", i+1, last, want)
			}
		}
	})
}
