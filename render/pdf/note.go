package pdf

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// note lays out a block quote as a shaded note with an accent bar. Its
// paragraphs, lists and headings become text lines; other blocks inside a
// quote are laid out after it, unshaded.
func (r *renderer) note(q *ast.Blockquote) {
	const pad = 3.0
	width := r.w - 2*pad - 1.2
	var lines []line
	var after []ast.Node
	var gather func(n ast.Node, prefix string)
	gather = func(n ast.Node, prefix string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
				var st style
				if _, ok := v.(*ast.Heading); ok {
					st = stBold
				}
				var spans []span
				if prefix != "" {
					spans = append(spans, span{text: prefix + " "})
					prefix = ""
				}
				spans = r.collectSpans(v, st, "", spans)
				if len(lines) > 0 {
					lines = append(lines, line{}) // a small gap between paragraphs
				}
				lines = append(lines, r.layout(r.frags(spans, sizeBody, colText, 0), width)...)
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
	r.space(1)
	r.shaded(lines, lineBody, colNoteBg, true, pad)
	r.space(paraSpacing + 1)
	for _, n := range after {
		r.block(n)
	}
}

// code lays out a code block in the mono font on a light background,
// cutting long lines at the right edge.
func (r *renderer) code(src string) {
	const pad = 3.0
	src = strings.TrimRight(src, "\n")
	width := r.w - 2*pad
	var lines []line
	for _, l := range strings.Split(src, "\n") {
		l = strings.ReplaceAll(l, "\t", "    ")
		var fr []frag
		if t := clean(l, faceMono); t != "" {
			r.setFont(faceMono, sizeCode)
			// keep the indentation: spaces are part of the text here
			fr = []frag{{text: t, st: stMono, size: sizeCode, color: colText, w: r.f.GetStringWidth(t)}}
		}
		lines = append(lines, r.cutLines(fr, width)...)
	}
	r.space(0.5)
	r.shaded(lines, lineCode, colCodeBg, false, pad)
	r.space(paraSpacing + 1)
}

// cutLines cuts one unbreakable fragment into lines of at most width.
func (r *renderer) cutLines(fr []frag, width float64) []line {
	width = max(width, 5)
	if len(fr) == 0 {
		return []line{{}}
	}
	f := fr[0]
	if f.w <= width {
		return []line{{items: []placed{{f, 0}}, w: f.w}}
	}
	var out []line
	r.setFont(f.st.face(), f.size)
	rest := f.text
	for rest != "" {
		n, w := r.fit(rest, width)
		if n == 0 {
			n = len(string([]rune(rest)[0]))
			w = r.f.GetStringWidth(rest[:n])
		}
		p := f
		p.text, p.w = rest[:n], w
		out = append(out, line{items: []placed{{p, 0}}, w: w})
		rest = rest[n:]
	}
	return out
}

// shaded draws lines on a shaded background, page by page, with an
// optional accent bar on the left. Empty lines are half-height gaps.
func (r *renderer) shaded(lines []line, lh float64, bg rgb, bar bool, pad float64) {
	heightOf := func(l line) float64 {
		if len(l.items) == 0 {
			return lh / 2
		}
		return lh
	}
	for len(lines) > 0 {
		r.ensure(lh + 2*pad)
		avail := r.bottom() - r.y - 2*pad
		n, h := 0, 0.0
		for n < len(lines) && h+heightOf(lines[n]) <= avail {
			h += heightOf(lines[n])
			n++
		}
		if n == 0 {
			n, h = 1, heightOf(lines[0])
		}
		r.fillColor(bg)
		r.f.Rect(r.x, r.y, r.w, h+2*pad, "F")
		tx := r.x + pad
		if bar {
			r.fillColor(colNoteBar)
			r.f.Rect(r.x, r.y, 1.2, h+2*pad, "F")
			tx += 1.2
		}
		y := r.y + pad
		for _, l := range lines[:n] {
			r.drawLine(l, tx, y, lh)
			y += heightOf(l)
		}
		r.y += h + 2*pad
		lines = lines[n:]
		if len(lines) > 0 {
			r.newPage()
		}
	}
}
