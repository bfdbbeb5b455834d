package pdf

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"zonewise/i18n"
)

// Meta describes the document for its cover page, running header and
// footer, approval block and PDF metadata. Every field is optional.
type Meta struct {
	Title          string
	Subtitle       string
	Client         string
	Project        string
	Site           string
	Author         string
	Revision       string
	Date           string // "2006-01-02" (or RFC 3339); also the PDF creation date
	Classification string // e.g. "Confidential"; printed on every page
	Logo           []byte // client logo, PNG or JPEG, shown on the cover
	Approvals      []Approval
	// Lang is the document's language: the renderer's own words (cover
	// labels, "Contents", "Page X of Y", figure captions, the approval
	// block) and the dates it prints follow it. Empty is English.
	Lang i18n.Lang
}

// Approval is one line of the approval block. Empty fields leave a blank to
// fill in by hand.
type Approval struct {
	Role  string // "Prepared", "Reviewed", "Approved"
	Name  string
	Title string // job title or organisation
	Date  string
}

// Figure is a vector drawing placed by "![caption](figure:NAME)". Draw
// paints it with its top-left corner at (x, y), w millimetres wide, and
// returns the height it used. It may change colours, fonts and line
// widths; the renderer restores its own afterwards. Fonts registered by
// the renderer: family "DejaVu" (styles "", "B", "I", "BI") and "DejaVuMono".
type Figure interface {
	Draw(f *fpdf.Fpdf, x, y, w float64) (h float64)
}

// FigureFunc adapts a drawing function, such as a diagram's DrawPDF
// method, to Figure.
type FigureFunc func(f *fpdf.Fpdf, x, y, w float64) (h float64)

// Draw calls fn.
func (fn FigureFunc) Draw(f *fpdf.Fpdf, x, y, w float64) float64 { return fn(f, x, y, w) }

// Sizer may be implemented by a Figure to report its height at width w
// before drawing. The renderer needs the height to move a figure that does
// not fit to the next page and to shrink one taller than a page; without
// Sizer it learns it by drawing the figure once on a scratch document.
type Sizer interface {
	Height(w float64) float64
}

// Document is everything Render needs.
type Document struct {
	Meta     Meta
	Markdown []byte
	Figures  map[string]Figure
	Images   map[string][]byte // PNG or JPEG bytes by name
}

// Font family names for Figures: FontSans with styles "" and "B" is
// registered in every document; "I", "BI" and FontMono only once the
// document's text has used them.
const (
	FontSans = "DejaVu"
	FontMono = "DejaVuMono"
)

// Render lays out d and returns the PDF bytes. The table of contents is
// laid out before the body with room for its page numbers (its length does
// not depend on them); the numbers, and the "Page X of Y" footers, are
// filled in once the body has been laid out.
func Render(d *Document) ([]byte, error) {
	if d == nil {
		return nil, fmt.Errorf("render pdf: nil document")
	}
	if err := loadFonts(); err != nil {
		return nil, fmt.Errorf("render pdf: load fonts: %w", err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	root := md.Parser().Parse(text.NewReader(d.Markdown))
	r := newRenderer(d, collectHeadings(root, d.Markdown))
	r.cover()
	r.toc()
	r.body(root)
	if !r.approvalPlaced {
		r.approvalBlock(true)
	}
	r.flushFloats()
	r.finish()
	if r.err != nil {
		return nil, r.err
	}
	if err := r.f.Error(); err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := r.f.Output(&buf); err != nil {
		return nil, fmt.Errorf("render pdf: write: %w", err)
	}
	return buf.Bytes(), nil
}

// finish goes back over the pages to add what needed the page count or
// the heading pages: running header and footer, contents page numbers.
func (r *renderer) finish() {
	r.total = r.f.PageNo()
	for p := 2; p <= r.total; p++ {
		r.onPage(p, r.headerFooter)
	}
	for _, m := range r.tocMarks {
		r.onPage(m.page, func(_, _ float64) {
			p := strconv.Itoa(r.headPages[m.head])
			r.setFont(m.st.face(), m.size)
			r.textColor(colText)
			r.f.Text(m.right-r.f.GetStringWidth(p), m.base, p)
		})
	}
	r.f.SetPage(r.total)
}

// onPage runs draw on an earlier page p with the page's width and height.
// fpdf turns y into PDF coordinates with the height of the page added
// last, not of page p: when they differ (landscape pages), the drawing is
// shifted back by the difference.
func (r *renderer) onPage(p int, draw func(w, h float64)) {
	r.f.SetPage(p)
	r.forceStyle()
	w, h, _ := r.f.PageSize(p)
	_, cur := r.f.GetPageSize()
	if dy := cur - h; dy != 0 {
		r.f.TransformBegin()
		r.f.TransformTranslateY(dy)
		defer r.f.TransformEnd()
	}
	draw(w, h)
}

// forceStyle makes fpdf write the whole drawing state again: after
// SetPage the page's content stream does not have the state fpdf
// remembers from the last page.
func (r *renderer) forceStyle() {
	r.f.SetFont(FontSans, "", 1)
	r.resetStyle()
}

// docTime turns Meta.Date into the fixed PDF creation date; an unparsable
// or empty date gives a fixed epoch so output stays reproducible.
func docTime(s string) time.Time {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04", "02.01.2006", "2 January 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

// renderer holds the layout state of one Render call.
type renderer struct {
	f   *fpdf.Fpdf
	doc *Document
	c   *i18n.Catalog // the document language's fixed words
	src []byte
	err error

	// content box: x of the left edge and width, after indentation
	x, w float64
	y    float64

	heads     []heading
	total     int // page count, known in finish
	tocMarks  []tocMark
	headPages []int // the page of each heading
	headIdx   int
	headLinks []int

	imgSize        map[string]image.Point // registered images by name
	running        map[float64]*running   // header and footer lines by text width
	curFace        face                   // the font set last, to skip repeats
	curSize        float64
	textColorSet   bool            // textColor has set a colour, which fpdf now holds
	registered     [faceCount]bool // faces added to the PDF
	figN           int             // figures so far, for their numbers
	approvalPlaced bool
	marker         string // list marker waiting for the first line of an item
	listDepth      int
	outlineLevel   int
	floats         []pendingFigure // landscape figures for after this page
	beforeBreak    bool            // the block being laid out ends its page
}

func newRenderer(d *Document, heads []heading) *renderer {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCatalogSort(true)
	t := docTime(d.Meta.Date)
	f.SetCreationDate(t)
	f.SetModificationDate(t)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginLeft, marginTop, marginRight)
	f.SetCellMargin(0)
	f.SetCompression(true)
	m := d.Meta
	f.SetTitle(clean(m.Title, faceRegular), true)
	f.SetAuthor(clean(m.Author, faceRegular), true)
	subject := m.Subtitle
	if subject == "" {
		subject = m.Project
	}
	f.SetSubject(clean(subject, faceRegular), true)
	f.SetKeywords(clean(joinNonEmpty(", ", m.Client, m.Project, m.Site), faceRegular), true)
	f.SetCreator("Zonewise", true)
	f.SetProducer("Zonewise", true)
	// The regular and bold faces are always used (cover, headings) and
	// are registered now, for Figures too; the others when first used,
	// which saves parsing and embedding fonts a document does not need.
	f.AddUTF8FontFromBytes(FontSans, "", fontBytes[faceRegular])
	f.AddUTF8FontFromBytes(FontSans, "B", fontBytes[faceBold])
	r := &renderer{
		f: f, doc: d, src: d.Markdown, c: i18n.For(cmp.Or(d.Meta.Lang, i18n.EN)),
		heads:        heads,
		headPages:    make([]int, len(heads)),
		headLinks:    make([]int, len(heads)),
		outlineLevel: -1,
	}
	for i := range heads {
		r.headLinks[i] = f.AddLink()
	}
	return r
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return joinStrings(out, sep)
}

func joinStrings(parts []string, sep string) string {
	var b bytes.Buffer
	for i, p := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

// fail records the first error; layout stops at the next block.
func (r *renderer) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// newPage starts a body page and puts the cursor at the top of the text
// area. Header and footer are drawn by finish.
func (r *renderer) newPage() {
	r.flushFloats()
	r.f.AddPage()
	r.y = marginTop
}

// bottom is the lowest y text may reach.
func (r *renderer) bottom() float64 { return pageH - marginBottom }

// ensure starts a new page unless h millimetres are left.
func (r *renderer) ensure(h float64) {
	if r.y+h > r.bottom() {
		r.newPage()
	}
}

// atTop reports whether nothing has been drawn on the page yet.
func (r *renderer) atTop() bool { return r.y <= marginTop+0.01 }

// space adds vertical space, but never at the top of a page.
func (r *renderer) space(h float64) {
	if r.atTop() {
		return
	}
	r.y += h
	if r.y > r.bottom() {
		r.newPage()
	}
}

func (r *renderer) setFont(fc face, size float64) {
	if r.curFace == fc && r.curSize == size {
		return // SetFont is costly in fpdf, and text switches fonts often
	}
	r.curFace, r.curSize = fc, size
	family, st := FontSans, ""
	switch fc {
	case faceBold:
		st = "B"
	case faceItalic:
		st = "I"
	case faceBoldItalic:
		st = "BI"
	case faceMono:
		family = FontMono
	}
	if !r.registered[fc] && fc != faceRegular && fc != faceBold {
		r.f.AddUTF8FontFromBytes(family, st, fontBytes[fc])
	}
	r.registered[fc] = true
	r.f.SetFont(family, st, size)
}

// textColor sets the colour of the text that follows. fpdf writes it with
// each piece of text, not when it is set, so a repeat of the colour fpdf
// holds (a table sets it for every line of every cell) changes nothing and
// is skipped.
func (r *renderer) textColor(c rgb) {
	if tr, tg, tb := r.f.GetTextColor(); r.textColorSet && tr == c.r && tg == c.g && tb == c.b {
		return
	}
	r.textColorSet = true
	r.f.SetTextColor(c.r, c.g, c.b)
}
func (r *renderer) fillColor(c rgb) { r.f.SetFillColor(c.r, c.g, c.b) }
func (r *renderer) drawColor(c rgb) { r.f.SetDrawColor(c.r, c.g, c.b) }

// resetStyle restores the renderer's drawing state, e.g. after a Figure.
func (r *renderer) resetStyle() {
	r.curSize = 0 // a Figure may have changed the font
	r.textColor(colText)
	r.drawColor(colRule)
	r.fillColor(colWhite)
	r.f.SetLineWidth(0.2)
	r.setFont(faceRegular, sizeBody)
}
