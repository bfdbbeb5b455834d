package pdf

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// body lays out the Markdown document after the cover and contents.
func (r *renderer) body(root ast.Node) {
	r.newPage()
	r.x, r.w = marginLeft, pageW-marginLeft-marginRight
	r.blocks(root)
}

// blocks lays out the block children of n.
func (r *renderer) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil && r.err == nil; c = c.NextSibling() {
		// a paragraph's last line may stretch into the bottom margin rather
		// than stand alone on a page that a page break ends anyway
		_, top := n.(*ast.Document)
		r.beforeBreak = top && (c.NextSibling() == nil || r.isPageBreak(c.NextSibling()))
		r.block(c)
	}
	r.beforeBreak = false
}

// isPageBreak reports whether n is a "<!-- pagebreak -->" or "\newpage" block.
func (r *renderer) isPageBreak(n ast.Node) bool {
	switch v := n.(type) {
	case *ast.HTMLBlock:
		return pagebreakRE.MatchString(strings.TrimSpace(blockText(v, r.src)))
	case *ast.Paragraph:
		return strings.TrimSpace(plainText(v, r.src)) == `\newpage`
	}
	return false
}

// paraHeight is the height of paragraph p with the space after it.
func (r *renderer) paraHeight(p *ast.Paragraph) float64 {
	fr := r.frags(r.collectSpans(p, 0, "", nil), sizeBody, colText, 0)
	return float64(len(r.layout(fr, r.w)))*lineBody + paraSpacing
}

// isApproval reports whether n is a zw-approval block.
func (r *renderer) isApproval(n ast.Node) bool {
	b, ok := n.(*ast.FencedCodeBlock)
	return ok && string(b.Language(r.src)) == "zw-approval"
}

// introduces reports whether paragraph p ends with a colon and is followed
// by a list, table or chart: it must not end a page without them.
func (r *renderer) introduces(p *ast.Paragraph) bool {
	if !strings.HasSuffix(strings.TrimSpace(plainText(p, r.src)), ":") {
		return false
	}
	switch v := p.NextSibling().(type) {
	case *ast.List, *east.Table:
		return true
	case *ast.FencedCodeBlock:
		return strings.HasPrefix(string(v.Language(r.src)), "zw-")
	}
	return false
}

// keepIntro moves an introducing paragraph to the next page when it would
// not fit there with the start of what it introduces.
func (r *renderer) keepIntro(p *ast.Paragraph) {
	if r.atTop() {
		return
	}
	h := r.paraHeight(p)
	keep := r.keepWith(p.NextSibling())
	if r.y+h+keep > r.bottom() && h+keep < r.bottom()-marginTop {
		r.newPage()
	}
}

var pagebreakRE = regexp.MustCompile(`^<!--\s*pagebreak\s*-->$`)

func (r *renderer) block(n ast.Node) {
	switch v := n.(type) {
	case *ast.Heading:
		keep := r.keepWith(v.NextSibling())
		if p, ok := v.NextSibling().(*ast.Paragraph); ok && r.isApproval(p.NextSibling()) {
			keep = r.paraHeight(p) + r.approvalHeight() // a short section ending the document
		}
		r.heading(keep)
	case *ast.Paragraph:
		if r.introduces(v) || r.isApproval(v.NextSibling()) {
			r.keepIntro(v)
		}
		r.paragraph(v, paraSpacing)
	case *ast.TextBlock:
		r.paragraph(v, 1.2)
	case *ast.List:
		r.beforeBreak = false
		r.list(v)
	case *ast.Blockquote:
		r.note(v)
	case *ast.FencedCodeBlock:
		lang := string(v.Language(r.src))
		if strings.HasPrefix(lang, "zw-") {
			r.extension(v)
			return
		}
		r.code(blockText(v, r.src))
	case *ast.CodeBlock:
		r.code(blockText(v, r.src))
	case *ast.ThematicBreak:
		r.space(2)
		r.ensure(4)
		r.drawColor(colRule)
		r.f.SetLineWidth(0.3)
		r.f.Line(r.x, r.y+1, r.x+r.w, r.y+1)
		r.y += 2
		r.space(3)
	case *ast.HTMLBlock:
		txt := strings.TrimSpace(blockText(v, r.src))
		switch {
		case pagebreakRE.MatchString(txt):
			r.pageBreak()
		case strings.HasPrefix(txt, "<!--"):
			// a comment: nothing to print
		default:
			r.drawLines(r.layout(r.textFrags(txt, 0, sizeBody, colText), r.w), lineBody)
			r.space(paraSpacing)
		}
	case *east.Table:
		r.table(v)
	default:
		r.blocks(n)
	}
}

// keepWith estimates how much of block n must follow a heading on the
// same page: a figure whole, a table's header and first row, else three
// lines.
func (r *renderer) keepWith(n ast.Node) float64 {
	const lines = 3 * lineBody
	switch v := n.(type) {
	case *ast.Heading:
		// a heading followed by a heading: keep both with the start of
		// what the second introduces
		hs := headingStyle[min(v.Level, len(headingStyle))-1]
		return hs.above + hs.size*ptToMM*1.35 + hs.below + 2 + r.keepWith(v.NextSibling())
	case *east.Table:
		if h := r.layoutGrid(r.tableGrid(v)).height(); h <= keepTogether() {
			return h + 2
		}
		return 2*(lineTable+2*cellPadY) + 2
	case *ast.FencedCodeBlock:
		if r.isApproval(v) {
			return r.approvalHeight()
		}
		if strings.HasPrefix(string(v.Language(r.src)), "zw-") {
			return 30
		}
		return lines + 6
	case *ast.Paragraph:
		if img, ok := v.FirstChild().(*ast.Image); ok && v.FirstChild().NextSibling() == nil {
			dest := string(img.Destination)
			if isLandscape(img.Title) {
				return lines // the figure goes on a page of its own
			}
			if fig, ok := r.doc.Figures[strings.TrimPrefix(dest, "figure:")].(Sizer); ok && strings.HasPrefix(dest, "figure:") {
				h := fig.Height(r.w)
				if h > 0 && h < r.bottom()-marginTop-30 {
					return h + 2 + 2*lineSmall
				}
			}
			return 40
		}
	}
	return lines
}

// pageBreak starts a new page unless the current one is still empty.
func (r *renderer) pageBreak() {
	if !r.atTop() {
		r.newPage()
	}
}

// blockText is the raw text of a block's lines.
func blockText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		b.Write(h.ClosureLine.Value(src))
	}
	return b.String()
}

// paragraph lays out a paragraph; images in it become figures between
// its text parts.
func (r *renderer) paragraph(p ast.Node, after float64) {
	if strings.TrimSpace(plainText(p, r.src)) == `\newpage` {
		r.pageBreak()
		return
	}
	var spans []span
	flush := func() {
		fr := r.frags(spans, sizeBody, colText, 0)
		spans = spans[:0]
		if len(fr) == 0 {
			return
		}
		r.drawPara(r.layout(fr, r.w), lineBody)
	}
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Image:
			flush()
			r.image(v)
		case *ast.Text:
			// a line "\newpage" inside a paragraph
			prev, _ := c.PreviousSibling().(*ast.Text)
			atLineStart := c.PreviousSibling() == nil || prev != nil && (prev.SoftLineBreak() || prev.HardLineBreak())
			atLineEnd := v.SoftLineBreak() || v.HardLineBreak() || c.NextSibling() == nil
			if atLineStart && atLineEnd && strings.TrimSpace(string(v.Value(r.src))) == `\newpage` {
				flush()
				r.pageBreak()
				continue
			}
			spans = r.collectSpan(c, 0, "", spans)
		case *ast.RawHTML:
			var b strings.Builder
			for i := 0; i < v.Segments.Len(); i++ {
				seg := v.Segments.At(i)
				b.Write(seg.Value(r.src))
			}
			if pagebreakRE.MatchString(strings.TrimSpace(b.String())) {
				flush()
				r.pageBreak()
				continue
			}
			spans = r.collectSpan(c, 0, "", spans)
		default:
			spans = r.collectSpan(c, 0, "", spans)
		}
	}
	flush()
	r.space(after)
}

// list lays out a bullet or numbered list; nested lists indent further.
func (r *renderer) list(l *ast.List) {
	r.listDepth++
	defer func() { r.listDepth-- }()
	start := l.Start
	if start == 0 {
		start = 1
	}
	indent := 6.0
	if l.IsOrdered() {
		indent = 7.5
	}
	if r.w-indent < 50 {
		indent = 0 // deeply nested: stop indenting rather than squeeze the text
	}
	bullets := []string{"•", "–", "◦"}
	n := 0
	for item := l.FirstChild(); item != nil && r.err == nil; item = item.NextSibling() {
		if l.IsOrdered() {
			r.marker = strconv.Itoa(start+n) + "."
		} else {
			r.marker = bullets[(r.listDepth-1)%len(bullets)]
		}
		n++
		x, w := r.x, r.w
		r.x, r.w = x+indent, w-indent
		r.blocks(item)
		if r.marker != "" { // an empty item
			r.ensure(lineBody)
			r.drawMarker(lineBody)
			r.y += lineBody
		}
		r.x, r.w = x, w
	}
	if r.listDepth == 1 {
		r.space(paraSpacing - 1.2)
	}
}
