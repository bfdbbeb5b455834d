package docx

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// pPr holds the paragraph properties this renderer sets, written in the
// order the schema demands.
type pPr struct {
	style     string
	keepNext  bool
	numID     int // with ilvl; -1 switches a style's numbering off
	ilvl      int
	spacing   string // a whole w:spacing element
	indLeft   int
	jc        string
	sectPr    string // a whole w:sectPr element: this paragraph ends a section
	pageBreak bool
}

func (p pPr) xml() string {
	var b strings.Builder
	if p.style != "" {
		b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
	}
	if p.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.pageBreak {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	switch {
	case p.numID > 0:
		fmt.Fprintf(&b, `<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, p.ilvl, p.numID)
	case p.numID < 0:
		b.WriteString(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>`)
	}
	b.WriteString(p.spacing)
	if p.indLeft > 0 {
		fmt.Fprintf(&b, `<w:ind w:left="%d"/>`, p.indLeft)
	}
	if p.jc != "" {
		b.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
	}
	b.WriteString(p.sectPr)
	if b.Len() == 0 {
		return ""
	}
	return `<w:pPr>` + b.String() + `</w:pPr>`
}

// para writes a paragraph with content (runs), taking a pending page break.
func (r *renderer) para(p pPr, content string) {
	if r.pendingBreak && p.sectPr == "" {
		p.pageBreak = true
		r.pendingBreak = false
	}
	r.body.WriteString(`<w:p>` + p.xml() + content + `</w:p>`)
	r.pageTop, r.landscapeEnd = false, false
}

// beforeTable starts a pending new page for a table, which cannot carry the
// break itself: a one-point paragraph does.
func (r *renderer) beforeTable() {
	if r.pendingBreak {
		r.para(pPr{spacing: tinySpacing}, "")
	}
	r.pageTop, r.landscapeEnd = false, false
}

const tinySpacing = `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>`

// pageBreak starts a new page before the next block unless the page is
// still empty.
func (r *renderer) pageBreak() {
	if !r.pageTop {
		r.pendingBreak = true
	}
}

// sectPr is the section properties of a portrait or landscape section.
func (r *renderer) sectPr(landscape bool) string {
	var b strings.Builder
	b.WriteString(`<w:sectPr>`)
	hdr, ftr := ridHeader, ridFooter
	if landscape {
		hdr, ftr = ridHeaderLand, ridFooterLand
	}
	fmt.Fprintf(&b, `<w:headerReference w:type="default" r:id="%s"/>`, hdr)
	first := r.sections == 0
	if first {
		fmt.Fprintf(&b, `<w:headerReference w:type="first" r:id="%s"/>`, ridHeaderFirst)
	}
	fmt.Fprintf(&b, `<w:footerReference w:type="default" r:id="%s"/>`, ftr)
	if first {
		fmt.Fprintf(&b, `<w:footerReference w:type="first" r:id="%s"/>`, ridFooterFirst)
	}
	b.WriteString(`<w:type w:val="nextPage"/>`)
	if landscape {
		fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
			pageHTw, pageWTw, landMarginT, landMarginX, landMarginB, landMarginX, hdrDist, hdrDist)
	} else {
		fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
			pageWTw, pageHTw, marginT, marginR, marginB, marginL, hdrDist, hdrDist)
	}
	if first {
		b.WriteString(`<w:titlePg/>`)
	}
	b.WriteString(`</w:sectPr>`)
	r.sections++
	return b.String()
}

// documentXML wraps the body with the last section's properties, in
// pieces written one after the other: the body of a large plant's CRS is
// tens of megabytes, and joining the pieces would copy it.
func (r *renderer) documentXML() []string {
	return []string{xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"><w:body>`,
		r.body.String(), r.sectPr(false) + `</w:body></w:document>`}
}

var pagebreakRE = regexp.MustCompile(`^<!--\s*pagebreak\s*-->$`)

// blocks lays out the block children of n.
func (r *renderer) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil && r.err == nil; c = c.NextSibling() {
		r.block(c)
	}
}

func (r *renderer) block(n ast.Node) {
	switch v := n.(type) {
	case *ast.Heading:
		r.heading(v)
	case *ast.Paragraph:
		r.paragraph(v, pPr{})
	case *ast.TextBlock:
		r.paragraph(v, pPr{})
	case *ast.List:
		r.list(v)
	case *ast.Blockquote:
		r.note(v)
	case *ast.FencedCodeBlock:
		if lang := string(v.Language(r.src)); strings.HasPrefix(lang, "zw-") {
			r.extension(v)
			return
		}
		r.code(blockText(v, r.src))
	case *ast.CodeBlock:
		r.code(blockText(v, r.src))
	case *ast.ThematicBreak:
		r.para(pPr{style: "Rule"}, "")
	case *ast.HTMLBlock:
		txt := strings.TrimSpace(blockText(v, r.src))
		switch {
		case pagebreakRE.MatchString(txt):
			r.pageBreak()
		case strings.HasPrefix(txt, "<!--"):
		default:
			r.para(pPr{}, textRun(txt, ""))
		}
	case *east.Table:
		r.table(v)
	default:
		r.blocks(n)
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

// heading writes the next heading with its style; a bookmark lets the
// contents link to it.
func (r *renderer) heading(h *ast.Heading) {
	if r.headIdx >= len(r.heads) {
		return
	}
	i := r.headIdx
	r.headIdx++
	hd := r.heads[i]
	p := pPr{style: "Heading" + strconv.Itoa(min(hd.level, len(headingLook)))}
	if hd.level <= tocDepth && hd.number == "" {
		p.numID = -1 // "~": listed, not numbered
	}
	content := textRun(hd.text, "")
	if hd.level <= tocDepth {
		content = fmt.Sprintf(`<w:bookmarkStart w:id="%d" w:name="%s"/>%s<w:bookmarkEnd w:id="%[1]d"/>`, i, bookmark(i), content)
	}
	r.para(p, content)
}

func bookmark(i int) string { return fmt.Sprintf("_Toc%08d", i+1) }

// paragraph writes a paragraph; images in it become figures between its
// text parts, and a line "\newpage" or "<!-- pagebreak -->" breaks the page.
func (r *renderer) paragraph(n ast.Node, p pPr) {
	if strings.TrimSpace(plainText(n, r.src)) == `\newpage` {
		r.pageBreak()
		return
	}
	var spans []span
	flush := func() {
		if len(spans) == 0 {
			return
		}
		content := r.runs(trimSpans(spans))
		spans = spans[:0]
		if content == "" {
			return
		}
		r.para(p, content)
		p.numID, p.ilvl = 0, 0 // a list number goes on the first part only
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Image:
			flush()
			r.image(v)
		case *ast.Text:
			prev, _ := c.PreviousSibling().(*ast.Text)
			atLineStart := c.PreviousSibling() == nil || prev != nil && (prev.SoftLineBreak() || prev.HardLineBreak())
			atLineEnd := v.SoftLineBreak() || v.HardLineBreak() || c.NextSibling() == nil
			if atLineStart && atLineEnd && strings.TrimSpace(string(v.Value(r.src))) == `\newpage` {
				flush()
				r.pageBreak()
				continue
			}
			spans = r.collectSpan(c, span{}, spans)
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
			spans = r.collectSpan(c, span{}, spans)
		default:
			spans = r.collectSpan(c, span{}, spans)
		}
	}
	flush()
	if p.numID != 0 { // an item without text: keep its number
		r.para(p, "")
	}
}

// trimSpans drops leading and trailing blanks and line breaks.
func trimSpans(s []span) []span {
	for len(s) > 0 && (s[0].brk || strings.TrimSpace(s[0].text) == "") {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1].brk || strings.TrimSpace(s[len(s)-1].text) == "") {
		s = s[:len(s)-1]
	}
	return s
}

// list writes a bullet or numbered list; a nested list goes one level in.
func (r *renderer) list(l *ast.List) {
	lvl := min(r.listDepth, 8)
	r.listDepth++
	defer func() { r.listDepth-- }()
	num := numBullets
	if l.IsOrdered() {
		start := l.Start
		if start <= 0 || start > 0xffff {
			start = 1
		}
		r.ordered = append(r.ordered, lvl<<16|start)
		num = numBullets + len(r.ordered)
	}
	for item := l.FirstChild(); item != nil && r.err == nil; item = item.NextSibling() {
		first := true
		for c := item.FirstChild(); c != nil && r.err == nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				p := pPr{indLeft: listIndent*(lvl+1) + 100}
				if first {
					p = pPr{numID: num, ilvl: lvl}
				}
				p.spacing = `<w:spacing w:after="60"/>`
				r.paragraph(v, p)
				first = false
			default:
				if first {
					r.para(pPr{numID: num, ilvl: lvl, spacing: `<w:spacing w:after="60"/>`}, "")
					first = false
				}
				r.block(c)
			}
		}
		if first { // an empty item
			r.para(pPr{numID: num, ilvl: lvl}, "")
		}
	}
}

// note writes a block quote as shaded Note paragraphs; its lists print
// with their markers as text, other blocks follow it unshaded (as in the
// PDF).
func (r *renderer) note(q *ast.Blockquote) {
	var after []ast.Node
	var gather func(n ast.Node, prefix string)
	gather = func(n ast.Node, prefix string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
				st := span{}
				if _, ok := v.(*ast.Heading); ok {
					st.bold = true
				}
				var spans []span
				if prefix != "" {
					spans = append(spans, span{text: prefix + " "})
					prefix = ""
				}
				spans = r.collectSpans(v, st, spans)
				r.para(pPr{style: "Note"}, r.runs(spans))
			case *ast.List:
				i := v.Start
				if i == 0 {
					i = 1
				}
				for item := v.FirstChild(); item != nil; item = item.NextSibling() {
					p := "•"
					if v.IsOrdered() {
						p = strconv.Itoa(i) + "."
						i++
					}
					gather(item, p)
				}
			case *ast.Blockquote:
				gather(v, prefix)
			default:
				after = append(after, c)
			}
		}
	}
	gather(q, "")
	for _, n := range after {
		r.block(n)
	}
}

// code writes a code block, one Code paragraph per line.
func (r *renderer) code(src string) {
	src = strings.TrimRight(src, "\n")
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		l = strings.ReplaceAll(l, "\t", "    ")
		p := pPr{style: "Code"}
		if i == len(lines)-1 {
			p.spacing = fmt.Sprintf(`<w:spacing w:after="%d"/>`, paraAfter)
		}
		r.para(p, textRun(l, ""))
	}
}
