// Package docx lays out the same Markdown documents as render/pdf as Word
// files (WordprocessingML, ISO/IEC 29500) that a consultant edits before
// sending: real Heading 1..3 styles (numbered 1, 1.1, 1.1.1 by a list
// attached to the styles, so Word's navigation pane and a new heading
// work), a table of contents field Word refreshes on opening, tables with
// a header row that repeats on every page, figures as PNG images printed
// sharp at 300 dpi, PAGE and NUMPAGES fields in the footer, the cover and
// the approval block, and landscape sections for landscape figures. The
// PDF's fonts and colours are Word styles (Normal, Heading 1..6, Title,
// Caption, Note, Code, Zonewise Table…), so a change to a style changes the
// whole document.
//
// It reads every construct render/pdf documents (headings with "~",
// pagebreaks, notes, lists, code, GFM tables, figure: and image: images
// with "landscape", zw-heatmap, zw-bars, zw-matrix, zw-approval) with the
// same rules, taken from render/pdf where they live. Fixed words (Contents,
// Figure, the cover labels, Page X of Y) come from package i18n in the
// document's language.
//
// The XML is written here rather than with a library: of the Go
// WordprocessingML libraries compared (see README), none wrote header and
// footer parts with fields, repeating header rows and landscape sections
// under a permissive licence from a served module version. Output is
// deterministic: the same Document gives the same bytes.
package docx

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"zonewise/i18n"
	"zonewise/render/pdf"
)

// DPI is the resolution figures are drawn at for their printed size: sharp
// on a laser printer, and a diagram page stays a few hundred kilobytes.
const DPI = 300

// Figure is a drawing placed by "![caption](figure:NAME)". PNG draws it for
// a printed width of widthMM millimetres at dpi dots per inch.
type Figure interface {
	PNG(widthMM float64, dpi int) ([]byte, error)
}

// FigureFunc adapts a function to Figure.
type FigureFunc func(widthMM float64, dpi int) ([]byte, error)

// PNG calls fn.
func (fn FigureFunc) PNG(widthMM float64, dpi int) ([]byte, error) { return fn(widthMM, dpi) }

// Document is everything Render needs: the same Meta and Markdown as a PDF
// document, figures that draw themselves as PNG, and the language of the
// fixed words.
type Document struct {
	Meta     pdf.Meta
	Markdown []byte
	Figures  map[string]Figure
	Images   map[string][]byte // PNG or JPEG bytes by name
	Lang     i18n.Lang
}

// Render lays out d and returns the DOCX bytes.
func Render(d *Document) (out []byte, err error) {
	if d == nil {
		return nil, fmt.Errorf("render docx: nil document")
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	root := md.Parser().Parse(text.NewReader(d.Markdown))
	r := &renderer{doc: d, src: d.Markdown, cat: i18n.For(d.Lang)}
	r.heads = collectHeadings(root, d.Markdown)
	r.cover()
	r.toc()
	r.pageBreak()
	r.blocks(root)
	if !r.approvalPlaced {
		r.approvalBlock(true)
	}
	if r.err != nil {
		return nil, r.err
	}
	return r.assemble()
}

// renderer holds the state of one Render call.
type renderer struct {
	doc *Document
	src []byte
	cat *i18n.Catalog
	err error

	body    strings.Builder // the children of w:body
	rels    []rel
	media   []media
	ordered []int // ordered lists: level<<16 | start, numId numBullets+1+i

	heads          []heading
	headIdx        int
	figN           int
	drawID         int
	sections       int  // sections closed so far
	pendingBreak   bool // the next block starts a new page
	pageTop        bool // nothing laid out since the page began
	landscapeEnd   bool // a landscape section ended and nothing followed yet
	listDepth      int
	approvalPlaced bool
}

// fail records the first error.
func (r *renderer) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// langTag is the document language as a BCP 47 tag for Word's proofing.
func (r *renderer) langTag() string {
	if r.doc.Lang == i18n.DE {
		return "de-DE"
	}
	return "en-GB"
}

// tr is a fixed word or sentence in the document's language.
func (r *renderer) tr(key string, data ...any) string { return r.cat.T(key, data...) }

// heading is a heading as found before layout.
type heading struct {
	level  int
	number string // "2.1", or "" when unnumbered or deeper than tocDepth
	text   string
}

// tocDepth is the deepest heading level that is numbered and listed.
const tocDepth = 3

// collectHeadings lists every heading in document order with its number,
// by render/pdf's rules: levels 1..3 are numbered unless the text starts
// with "~".
func collectHeadings(root ast.Node, src []byte) []heading {
	var out []heading
	var counters [tocDepth]int
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		txt := strings.TrimSpace(clean(plainText(h, src)))
		hd := heading{level: h.Level}
		if rest, ok := strings.CutPrefix(txt, "~"); ok {
			hd.text = strings.TrimSpace(rest)
		} else {
			hd.text = txt
			if h.Level <= tocDepth {
				counters[h.Level-1]++
				for i := h.Level; i < tocDepth; i++ {
					counters[i] = 0
				}
				parts := make([]string, h.Level)
				for i := range parts {
					parts[i] = fmt.Sprint(counters[i])
				}
				hd.number = strings.Join(parts, ".")
			}
		}
		out = append(out, hd)
		return ast.WalkSkipChildren, nil
	})
	return out
}
