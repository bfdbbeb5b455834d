package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"

	"zonewise/i18n"
	"zonewise/render/pdf"
)

// node is a parsed XML element, enough to query a part.
type node struct {
	name  string // local name
	space string
	attr  map[string]string // by local name
	kids  []*node
	text  string
}

// all returns every descendant (and n itself) named name.
func (n *node) all(name string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(x *node) {
		if x.name == name {
			out = append(out, x)
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

// first returns the first descendant named name, or nil.
func (n *node) first(name string) *node {
	if all := n.all(name); len(all) > 0 {
		return all[0]
	}
	return nil
}

// texts is the concatenated w:t text under n.
func (n *node) texts() string {
	var b strings.Builder
	for _, t := range n.all("t") {
		b.WriteString(t.text)
	}
	return b.String()
}

// parse reads an XML part strictly: any syntax error fails.
func parse(t *testing.T, name string, data []byte) *node {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			n := &node{name: v.Name.Local, space: v.Name.Space, attr: map[string]string{}}
			for _, a := range v.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			stack[len(stack)-1].text += string(v)
		}
	}
	if len(root.kids) != 1 {
		t.Fatalf("%s: want one root element, got %d", name, len(root.kids))
	}
	return root.kids[0]
}

// pkg is an opened DOCX: every part, the XML ones parsed.
type pkg struct {
	files map[string][]byte
	xml   map[string]*node
}

// open checks that data is a zip whose XML parts all parse and returns it.
func open(t *testing.T, data []byte) pkg {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	p := pkg{files: map[string][]byte{}, xml: map[string]*node{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		p.files[f.Name] = b
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			p.xml[f.Name] = parse(t, f.Name, b)
		}
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"} {
		if p.xml[want] == nil {
			t.Fatalf("package lacks %s", want)
		}
	}
	return p
}

// checkRels checks that every relationship of the document points at a
// part in the package (or is external), that every r:id and r:embed used
// in the document is declared, and that every part has a content type.
func (p pkg) checkRels(t *testing.T) map[string]*node {
	t.Helper()
	rels := map[string]*node{}
	for _, r := range p.xml["word/_rels/document.xml.rels"].all("Relationship") {
		rels[r.attr["Id"]] = r
		if r.attr["TargetMode"] == "External" {
			continue
		}
		if _, ok := p.files["word/"+r.attr["Target"]]; !ok {
			t.Errorf("relationship %s points at missing part %s", r.attr["Id"], r.attr["Target"])
		}
	}
	for _, name := range []string{"word/document.xml", "word/header1.xml", "word/footer1.xml"} {
		var walk func(*node)
		walk = func(n *node) {
			for k, v := range n.attr {
				if (k == "id" || k == "embed") && strings.HasPrefix(v, "rId") && rels[v] == nil {
					t.Errorf("%s uses undeclared relationship %s", name, v)
				}
			}
			for _, c := range n.kids {
				walk(c)
			}
		}
		walk(p.xml[name])
	}
	types := map[string]bool{}
	ct := p.xml["[Content_Types].xml"]
	for _, d := range ct.all("Default") {
		types["."+d.attr["Extension"]] = true
	}
	for _, o := range ct.all("Override") {
		types[o.attr["PartName"]] = true
	}
	for name := range p.files {
		ext := name[strings.LastIndex(name, "."):]
		if !types["/"+name] && !types[ext] {
			t.Errorf("part %s has no content type", name)
		}
	}
	return rels
}

func render(t *testing.T, d *Document) pkg {
	t.Helper()
	out, err := Render(d)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	p := open(t, out)
	p.checkRels(t)
	return p
}

// pngOf is a w×h PNG.
func pngOf(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	img.Set(0, 0, color.Black)
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

// fig is a figure that records the width it was asked for.
type fig struct{ widths *[]float64 }

func (f fig) PNG(widthMM float64, dpi int) ([]byte, error) {
	*f.widths = append(*f.widths, widthMM)
	return pngOf(int(widthMM/25.4*float64(dpi)), int(widthMM/25.4*float64(dpi)/2)), nil
}

const sampleMD = `# Introduction

Some **bold**, *italic*, ` + "`code`" + ` and a [link](https://example.com/a?b=1&c=2).

## Scope

- one
- two
  1. nested first
  2. nested second

### Detail

| Zone | FR1 |
|------|----:|
| Control | 2 |
| DMZ | 3 |

> A note with a list:
> - item

![The plant](figure:diagram)

![Wide plant](figure:diagram "landscape")

<!-- pagebreak -->

# ~Annex

#### Deep heading

` + "```zw-heatmap min=0 max=4\nZone,FR1,FR2\nControl,2,\"3|SL-T 3 / SL-A 0\"\n```\n\n" +
	"```zw-matrix x=\"Consequence\" y=\"Likelihood\"\nLikelihood,Minor,Major\nLikely,medium,critical\nRare,low,high\n```\n\n" +
	"```zw-bars\nFR,Met,Required\nFR1 IAC,12,15\nFR2 UC,0,10\n```\n"

func sampleDoc(widths *[]float64) *Document {
	return &Document{
		Meta: pdf.Meta{Title: "Risk report", Subtitle: "Zones", Client: "Stadtwerke", Project: "Plant", Author: "K. Brandt",
			Revision: "1.2", Date: "2026-11-26", Classification: "Confidential",
			Approvals: []pdf.Approval{{Role: "Prepared", Name: "K. Brandt"}}},
		Markdown: []byte(sampleMD),
		Figures:  map[string]Figure{"diagram": fig{widths}},
		Lang:     i18n.EN,
	}
}

// paraStyle is the pStyle of a paragraph, or "".
func paraStyle(p *node) string {
	if s := p.first("pStyle"); s != nil {
		return s.attr["val"]
	}
	return ""
}

func TestRenderSample(t *testing.T) {
	var widths []float64
	p := render(t, sampleDoc(&widths))
	doc := p.xml["word/document.xml"]
	styles := p.xml["word/styles.xml"]

	t.Run("the styles Heading 1 to 3 exist under Word's built-in names", func(t *testing.T) {
		byID := map[string]string{}
		for _, s := range styles.all("style") {
			byID[s.attr["styleId"]] = s.first("name").attr["val"]
		}
		for id, name := range map[string]string{"Heading1": "heading 1", "Heading2": "heading 2", "Heading3": "heading 3", "Title": "Title", "Caption": "caption", "TOC1": "toc 1", "ZonewiseTable": "Zonewise Table"} {
			if byID[id] != name {
				t.Errorf("style %s is named %q, want %q", id, byID[id], name)
			}
		}
	})
	t.Run("the headings are paragraphs in the heading styles", func(t *testing.T) {
		want := map[string]string{"Introduction": "Heading1", "Scope": "Heading2", "Detail": "Heading3", "Annex": "Heading1", "Deep heading": "Heading4"}
		got := map[string]string{}
		for _, para := range doc.all("p") {
			if s := paraStyle(para); strings.HasPrefix(s, "Heading") {
				got[para.texts()] = s
			}
		}
		for text, style := range want {
			if got[text] != style {
				t.Errorf("heading %q has style %q, want %q", text, got[text], style)
			}
		}
	})
	t.Run("an unnumbered heading switches the style's numbering off", func(t *testing.T) {
		for _, para := range doc.all("p") {
			if para.texts() == "Annex" && paraStyle(para) == "Heading1" {
				if n := para.first("numId"); n == nil || n.attr["val"] != "0" {
					t.Errorf("~Annex keeps its number")
				}
				return
			}
		}
		t.Error("no Annex heading")
	})
	t.Run("the contents are a TOC field over levels 1 to 3 with a link to each heading", func(t *testing.T) {
		var instr []string
		for _, it := range doc.all("instrText") {
			instr = append(instr, it.text)
		}
		all := strings.Join(instr, "|")
		if !strings.Contains(all, `TOC \o "1-3"`) {
			t.Errorf("no TOC field: %s", all)
		}
		anchors := map[string]bool{}
		for _, h := range doc.all("hyperlink") {
			if a := h.attr["anchor"]; a != "" {
				anchors[a] = true
			}
		}
		marks := doc.all("bookmarkStart")
		if len(marks) != 4 { // Introduction, Scope, Detail, Annex
			t.Errorf("%d heading bookmarks, want 4", len(marks))
		}
		for _, m := range marks {
			if !anchors[m.attr["name"]] {
				t.Errorf("contents do not link to %s", m.attr["name"])
			}
		}
	})
	t.Run("tables are w:tbl with a repeating header row", func(t *testing.T) {
		var found bool
		for _, tbl := range doc.all("tbl") {
			rows := tbl.kids
			var trs []*node
			for _, r := range rows {
				if r.name == "tr" {
					trs = append(trs, r)
				}
			}
			if len(trs) > 0 && trs[0].texts() == "ZoneFR1" {
				found = true
				if trs[0].first("tblHeader") == nil {
					t.Error("the header row does not repeat")
				}
				if trs[1].first("tblHeader") != nil {
					t.Error("a body row repeats as header")
				}
				if s := tbl.first("tblStyle"); s == nil || s.attr["val"] != "ZonewiseTable" {
					t.Error("the table does not use the Zonewise Table style")
				}
			}
		}
		if !found {
			t.Error("the Markdown table is not a Word table")
		}
	})
	t.Run("figures are embedded PNG images drawn for the text or landscape width", func(t *testing.T) {
		blips := doc.all("blip")
		if len(blips) != 2 {
			t.Fatalf("%d images, want 2", len(blips))
		}
		rels := p.checkRels(t)
		for _, b := range blips {
			r := rels[b.attr["embed"]]
			if r == nil || !strings.HasSuffix(r.attr["Type"], "/image") {
				t.Errorf("image %s has no image relationship", b.attr["embed"])
				continue
			}
			if !bytes.HasPrefix(p.files["word/"+r.attr["Target"]], []byte("\x89PNG")) {
				t.Errorf("%s is not a PNG", r.attr["Target"])
			}
		}
		if len(widths) != 2 || widths[0] < 164.9 || widths[0] > 165.1 || widths[1] < 266.9 || widths[1] > 267.1 {
			t.Errorf("figures drawn %v mm wide, want 165 and 267", widths)
		}
	})
	t.Run("captions number figures with a SEQ field", func(t *testing.T) {
		var n int
		for _, f := range doc.all("fldSimple") {
			if strings.Contains(f.attr["instr"], "SEQ Figure") {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%d SEQ captions, want 2", n)
		}
	})
	t.Run("a landscape figure has a landscape section between portrait ones", func(t *testing.T) {
		var orients []string
		for _, s := range doc.all("sectPr") {
			o := s.first("pgSz").attr["orient"]
			if o == "" {
				o = "portrait"
			}
			orients = append(orients, o)
		}
		if strings.Join(orients, ",") != "portrait,landscape,portrait" {
			t.Errorf("sections %v, want portrait,landscape,portrait", orients)
		}
		last := doc.first("body").kids[len(doc.first("body").kids)-1]
		if last.name != "sectPr" {
			t.Errorf("the body ends with %s, not the last section's properties", last.name)
		}
	})
	t.Run("the footer numbers pages with PAGE and NUMPAGES fields", func(t *testing.T) {
		for _, name := range []string{"word/footer1.xml", "word/footer2.xml"} {
			var instr []string
			for _, f := range p.xml[name].all("fldSimple") {
				instr = append(instr, strings.TrimSpace(f.attr["instr"]))
			}
			if strings.Join(instr, ",") != "PAGE,NUMPAGES" {
				t.Errorf("%s fields %v, want PAGE,NUMPAGES", name, instr)
			}
			if !strings.Contains(p.xml[name].texts(), "Page ") {
				t.Errorf("%s lacks the word Page", name)
			}
		}
	})
	t.Run("the cover shows the particulars and the approval block its rows", func(t *testing.T) {
		text := doc.texts()
		for _, want := range []string{"Risk report", "Stadtwerke", "K. Brandt", "Revision", "Confidential", "Role", "Signature", "Prepared"} {
			if !strings.Contains(text, want) {
				t.Errorf("document lacks %q", want)
			}
		}
	})
	t.Run("heat map and matrix cells are shaded by value", func(t *testing.T) {
		fills := map[string]bool{}
		for _, s := range doc.all("shd") {
			fills[s.attr["fill"]] = true
		}
		scale, _ := pdf.NewHeatScale(map[string]string{"min": "0", "max": "4"})
		_, two, _ := scale.Cell("2")
		crit, _ := pdf.LevelColor("critical")
		bar := pdf.BarColor(0.8)
		for _, c := range []pdf.RGB{two, crit, bar} {
			if !fills[c.Hex()] {
				t.Errorf("no cell shaded %s", c.Hex())
			}
		}
	})
	t.Run("inline links become external hyperlinks", func(t *testing.T) {
		rels := p.checkRels(t)
		found := false
		for _, r := range rels {
			if r.attr["Target"] == "https://example.com/a?b=1&c=2" && r.attr["TargetMode"] == "External" {
				found = true
			}
		}
		if !found {
			t.Error("no external relationship for the link")
		}
	})
}

func TestSections(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"a document without landscape figures is one portrait section", "# A\n\ntext\n", "portrait"},
		{"two landscape figures in a row share no empty portrait page", "# A\n\n![a](figure:d \"landscape\")\n\n![b](figure:d \"landscape\")\n\n<!-- pagebreak -->\n\ntext\n", "portrait,landscape,landscape,portrait"},
		{"a landscape figure first in the body closes the contents' section", "![a](figure:d \"landscape\")\n\n# A\n", "portrait,landscape,portrait"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := render(t, &Document{Markdown: []byte(tc.md), Figures: map[string]Figure{"d": FigureFunc(func(float64, int) ([]byte, error) { return pngOf(40, 20), nil })}})
			var orients []string
			for _, s := range p.xml["word/document.xml"].all("sectPr") {
				o := s.first("pgSz").attr["orient"]
				if o == "" {
					o = "portrait"
				}
				orients = append(orients, o)
			}
			if got := strings.Join(orients, ","); got != tc.want {
				t.Errorf("sections %s, want %s", got, tc.want)
			}
			if n := len(p.xml["word/document.xml"].all("titlePg")); n != 1 {
				t.Errorf("%d sections without header on their first page, want only the cover's", n)
			}
		})
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	var w []float64
	a, err := Render(sampleDoc(&w))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(sampleDoc(&w))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same document gave different bytes")
	}
}

func TestGermanFixedWords(t *testing.T) {
	var w []float64
	d := sampleDoc(&w)
	d.Lang = i18n.DE
	p := render(t, d)
	text := p.xml["word/document.xml"].texts() + p.xml["word/footer1.xml"].texts()
	for _, want := range []string{"Inhaltsverzeichnis", "Abbildung", "Auftraggeber", "Unterschrift", "Seite", "Zeilen: Likelihood", "26.11.2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("German document lacks %q", want)
		}
	}
	for _, unwanted := range []string{"Contents", "Figure", "Signature", "Page ", "2026-11-26"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("German document still says %q", unwanted)
		}
	}
	if got := p.xml["word/styles.xml"].first("lang").attr["val"]; got != "de-DE" {
		t.Errorf("proofing language %q, want de-DE", got)
	}
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"a figure missing from the map is named", "![x](figure:nope)", `figure "nope"`},
		{"an image missing from the map is named", "![x](image:logo)", `image "logo"`},
		{"a malformed chart names its line", "text\n\n```zw-bars\nFR,Met,Max\nFR1,abc,3\n```\n", "line 3"},
		{"an unknown extension is refused", "```zw-pie\n1\n```\n", "unknown extension"},
		{"a heat map with max below min is refused", "```zw-heatmap min=3 max=1\na,b\nc,1\n```\n", "max"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Render(&Document{Markdown: []byte(tc.md)})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := Render(nil); err == nil {
		t.Error("a nil document renders")
	}
}

// parts is a figure printed as several pictures (a split overview).
type parts []Figure

func (p parts) PNG(widthMM float64, dpi int) ([]byte, error) { return p[0].PNG(widthMM, dpi) }
func (p parts) Parts() []Figure                              { return p }

func TestASplitFigurePlacesEveryPart(t *testing.T) {
	one := FigureFunc(func(float64, int) ([]byte, error) { return pngOf(40, 20), nil })
	for _, tc := range []struct {
		lang     i18n.Lang
		captions []string
	}{
		{i18n.EN, []string{"Overview (1 of 3)", "Overview (2 of 3)", "Overview (3 of 3)"}},
		{i18n.DE, []string{"Overview (Teil 1 von 3)", "Overview (Teil 2 von 3)", "Overview (Teil 3 von 3)"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			md := "# A\n\n![Overview](figure:d \"landscape\")\n\ntext\n"
			p := render(t, &Document{Markdown: []byte(md), Lang: tc.lang, Figures: map[string]Figure{"d": parts{one, one, one}}})
			doc := p.xml["word/document.xml"]
			if n := len(doc.all("drawing")); n != 3 {
				t.Errorf("%d pictures, want one per part (3)", n)
			}
			var landscape int
			for _, s := range doc.all("sectPr") {
				if s.first("pgSz").attr["orient"] == "landscape" {
					landscape++
				}
			}
			if landscape != 3 {
				t.Errorf("%d landscape sections, want 3", landscape)
			}
			text := doc.texts()
			for _, c := range tc.captions {
				if !strings.Contains(text, c) {
					t.Errorf("no caption %q", c)
				}
			}
		})
	}
}
