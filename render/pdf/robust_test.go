package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testPNG is a small logo-like picture.
func testPNG(t testing.TB) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 240, 80))
	for y := range 80 {
		for x := range 240 {
			c := color.NRGBA{0x12, 0x2f, 0x5a, 0xff}
			if (x/20+y/20)%2 == 0 {
				c = color.NRGBA{0x1f, 0x5f, 0xa8, 0xff}
			}
			if x > 100 {
				c = color.NRGBA{0xff, 0xff, 0xff, 0}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestHostileText(t *testing.T) {
	long := strings.Repeat("W", 100_000)
	tests := []struct {
		name string
		text string
	}{
		{"quotes, angle brackets and backslashes", `"quoted" 'single' <script>alert(1)</script> \ \\ \n (paren) ) (`},
		{"control characters", "a\x00b\x01c\x07d\x1be\x7ff\u0085g\u200bh\u202eevil\u202c"},
		{"right-to-left text", "שלום עולם مرحبا بالعالم"},
		{"emoji and other planes", "😀 👍🏽 🇩🇪 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \U0010FFFF"},
		{"CJK", "中文字符 日本語 한국어"},
		{"invalid UTF-8", "a\xff\xfeb\xc3"},
		{"a 100,000-character word", long},
		{"many short lines", strings.Repeat("x  \n", 3000)},
	}
	for _, tc := range tests {
		t.Run(tc.name+" renders in body, table, heading and meta", func(t *testing.T) {
			esc := strings.NewReplacer("|", "\\|", "\n", " ").Replace(tc.text)
			md := fmt.Sprintf("# %s\n\n%s\n\n| A | B |\n|---|---|\n| %s | x |\n\n- %s\n\n> %s\n\n```\n%s\n```\n\n```zw-heatmap\nZone,FR1\n\"%s\",2\n```\n\n```zw-bars\n\"%s\",1,2\n```\n",
				esc, tc.text, esc, esc, esc, tc.text, strings.ReplaceAll(esc, `"`, `""`), strings.ReplaceAll(esc, `"`, `""`))
			m := testMeta()
			m.Title, m.Client, m.Classification = tc.text, tc.text, tc.text
			m.Approvals = []Approval{{Role: tc.text, Name: tc.text}}
			out := render(t, &Document{Meta: m, Markdown: []byte(md)})
			if !bytes.HasPrefix(out, []byte("%PDF-")) {
				t.Fatalf("not a PDF")
			}
		})
	}
	t.Run("a 100,000-character word is broken over lines and pages", func(t *testing.T) {
		out := render(t, &Document{Markdown: []byte("Start " + long + " end.")})
		pages := pdfPages(t, out, false)
		all := strings.Join(pages, "")
		if n := strings.Count(all, "W"); n < 100_000 {
			t.Errorf("%d of 100000 characters printed", n)
		}
		if len(pages) < 10 {
			t.Errorf("%d pages for 100,000 characters, want the word to flow over pages", len(pages))
		}
	})
	t.Run("escaped Markdown prints literally in text, tables and headings", func(t *testing.T) {
		name := `\*\*x\*\* \| y \<b\>bold\</b\> \[l\](http://e) \` + "`c`" + ` &amp;amp; \\`
		want := "**x** | y <b>bold</b> [l](http://e) `c` &amp; \\"
		md := "## Zone " + name + "\n\n" + name + "\n\n| A | B |\n|---|---|\n| " + name + " | z |\n"
		all := norm(strings.Join(pdfPages(t, render(t, &Document{Markdown: []byte(md)}), false), " "))
		if n := strings.Count(all, want); n != 4 { // contents, heading, paragraph, table
			t.Errorf("%q printed %d times, want 4, in %q", want, n, all)
		}
	})
	t.Run("right-to-left words are drawn in visual order and extract in logical order", func(t *testing.T) {
		out := render(t, &Document{Markdown: []byte("שלום עולם\n\nZone מים 2 here\n")})
		all := strings.Join(pdfPages(t, out, false), "\n")
		all = strings.NewReplacer("\u202b", "", "\u202c", "", "\u202a", "").Replace(all)
		// pdftotext reorders a mixed line its own way: check the RTL line only
		for _, want := range []string{"שלום עולם", "מים", "Zone", "here"} {
			if !strings.Contains(all, want) {
				t.Errorf("text lacks %q: %q", want, all)
			}
		}
	})
	t.Run("emoji become a placeholder and control characters vanish", func(t *testing.T) {
		out := render(t, &Document{Markdown: []byte("Smile 😀 bell\x07 here")})
		all := strings.Join(pdfPages(t, out, false), "")
		if !strings.Contains(all, "Smile □ bell here") {
			t.Errorf("got %q", norm(all))
		}
	})
}

func TestStructures(t *testing.T) {
	tests := []struct {
		name, md string
	}{
		{"deeply nested lists", strings.Repeat("- item\n", 1) + func() string {
			var b strings.Builder
			for i := range 60 {
				b.WriteString(strings.Repeat("  ", i) + "- level\n")
			}
			return b.String()
		}()},
		{"deeply nested quotes", strings.Repeat(">", 200) + " deep"},
		{"a table with 40 columns", "|" + strings.Repeat(" h |", 40) + "\n|" + strings.Repeat("---|", 40) + "\n|" + strings.Repeat(" Größe-of-cell |", 40) + "\n"},
		{"a table row taller than a page", "| a | b |\n|---|---|\n| " + strings.Repeat("line<br>", 500) + strings.Repeat("word ", 3000) + " | x |\n"},
		{"an empty table body", "| a | b |\n|---|---|\n"},
		{"headings only", "# A\n## B\n### C\n#### D\n##### E\n###### F\n## ~\n"},
		{"a heading of level 2 first", "## First\n\ntext\n"},
		{"a page break line inside a paragraph", "before\n\\newpage\nafter <!-- pagebreak --> end\n"},
		{"page breaks in a row", "<!-- pagebreak -->\n\n<!-- pagebreak -->\n\n\\newpage\n\ntext\n\n<!-- pagebreak -->\n"},
		{"an image with a web URL", "![a caption](https://example.com/x.png)\n"},
		{"a figure without Sizer", "![plain](figure:plain)\n\n![plain again](figure:plain)\n"},
		{"a figure in a sentence", "Before ![inline](figure:box) after.\n"},
		{"a FigureFunc", "![drawn by a function](figure:func)\n"},
		{"an image", "![logo](image:logo)\n"},
		{"an empty document", ""},
		{"an empty heatmap cell and ragged rows", "```zw-heatmap\nZone,FR1,FR2\nA\nB,1,2,3,4\n```\n"},
		{"a matrix with text", "```zw-matrix\nL,C1\nHigh,\"very high, critical\"\nLow,unknown\n```\n"},
		{"two approval blocks", "```zw-approval\n```\n\n```zw-approval\n```\n"},
		{"a code block with tabs and a long line", "```go\n\tfunc main() {}\n" + strings.Repeat("x", 3000) + "\n```\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" renders", func(t *testing.T) {
			d := &Document{
				Meta:     testMeta(),
				Markdown: []byte(tc.md),
				Figures:  map[string]Figure{"plain": plainFigure{}, "box": boxFigure{"Box"}, "func": FigureFunc(plainFigure{}.Draw)},
				Images:   map[string][]byte{"logo": testPNG(t)},
			}
			if _, err := Render(d); err != nil {
				t.Fatalf("Render: %v", err)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"a figure that is not in the map", "text\n\n![x](figure:nope)\n", `figure "nope"`},
		{"an image that is not in the map", "![x](image:nope)\n", `image "nope"`},
		{"an image that is not an image", "![x](image:bad)\n", `image "bad"`},
		{"an unknown extension", "a\n\nb\n\n```zw-pie\n1\n```\n", "zw-pie block at line 5: unknown extension"},
		{"a heatmap with max below min", "```zw-heatmap min=4 max=1\nA,B\nx,1\n```\n", "zw-heatmap block at line 1: option max=1"},
		{"a bar without a number", "```zw-bars\nA,1,2\nB,x,2\n```\n", `row 2: value "x"`},
		{"a bar without a maximum", "```zw-bars\nA,1\n```\n", "maximum above 0"},
		{"a bad colour", "```zw-heatmap colors=#ff0000,blue\nA,B\nx,1\n```\n", `colour "blue"`},
		{"a matrix with one row", "```zw-matrix\nA,B\n```\n", "at least one likelihood row"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" is an error naming it", func(t *testing.T) {
			d := &Document{Markdown: []byte(tc.md), Images: map[string][]byte{"bad": []byte("GIF89a nonsense")}}
			_, err := Render(d)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
	t.Run("a nil document is an error", func(t *testing.T) {
		if _, err := Render(nil); err == nil {
			t.Errorf("no error")
		}
	})
	t.Run("a broken logo is left out", func(t *testing.T) {
		if _, err := Render(&Document{Meta: Meta{Logo: []byte("\x89PNG broken")}}); err != nil {
			t.Errorf("Render: %v", err)
		}
	})
}

func FuzzRender(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"# x\n\n| a |\n|---|\n| b |\n", "```zw-heatmap\na,b\nc,\"1|x\"\n```", "```zw-matrix x=\"a b\"\nA,B\nC,high\n```",
		"```zw-bars max=3\na,1\n```", "> - a\n>   - b\n> > c", "![x](figure:box)", "<!-- pagebreak -->\n\\newpage",
		"\x00\xff😀\u202e", "[link](javascript:alert(1)) <http://x>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, md []byte) {
		title := string(md[:min(len(md), 80)])
		d := &Document{
			Meta:     Meta{Title: title, Client: title, Approvals: []Approval{{Role: title}}},
			Markdown: md,
			Figures:  map[string]Figure{"box": boxFigure{title}},
		}
		out, err := Render(d)
		if err == nil && !bytes.HasPrefix(out, []byte("%PDF-")) {
			t.Errorf("no error and no PDF")
		}
	})
}

// BenchmarkRender renders a document of about 30 pages: text, lists,
// tables and charts.
func BenchmarkRender(b *testing.B) {
	var md bytes.Buffer
	for i := 1; i <= 11; i++ {
		fmt.Fprintf(&md, "# Chapter %d\n\n", i)
		for j := 1; j <= 3; j++ {
			fmt.Fprintf(&md, "## Section %d.%d\n\n%s\n\n- one **item**\n- two `items`\n\n", i, j, strings.Repeat("Größere Anlagen brauchen Zonen → SL-T ≥ 2. ", 25))
		}
		md.WriteString("| No. | Asset | Zone | Notes |\n|---|---|---|---|\n")
		for k := range 30 {
			fmt.Fprintf(&md, "| %d | PLC-%03d | Control | Siemens S7-1500 in cabinet %d |\n", k, k, k)
		}
		md.WriteString("\n```zw-heatmap\nZone,FR1,FR2,FR3,FR4,FR5,FR6,FR7\nA,1,2,3,4,0,1,2\nB,2,2,2,2,2,2,2\n```\n\n")
	}
	d := &Document{Meta: testMeta(), Markdown: md.Bytes()}
	out, err := Render(d)
	if err != nil {
		b.Fatal(err)
	}
	pages := bytes.Count(out, []byte("/Type /Page\n"))
	for b.Loop() {
		if _, err := Render(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
}
