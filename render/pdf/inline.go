package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// style is a set of inline text attributes.
type style uint8

const (
	stBold style = 1 << iota
	stItalic
	stCode
	stLink
	stStrike
	stMono // mono font without the inline code background (code blocks)
)

func (s style) face() face {
	switch {
	case s&(stCode|stMono) != 0:
		return faceMono
	case s&stBold != 0 && s&stItalic != 0:
		return faceBoldItalic
	case s&stBold != 0:
		return faceBold
	case s&stItalic != 0:
		return faceItalic
	}
	return faceRegular
}

// span is a run of text with one style, as collected from the AST.
type span struct {
	text string
	st   style
	url  string
	brk  bool // a hard line break (text is empty)
}

// frag is a piece of a word, measured in its font. Words are separated by
// spaces; a frag with glue continues the previous word (e.g. "**bold**,").
type frag struct {
	text  string
	st    style
	url   string
	size  float64
	color rgb
	w     float64
	glue  bool
	brk   bool
}

// placed is a frag at an x offset within its line.
type placed struct {
	frag
	x float64
}

// line is one laid-out line of text.
type line struct {
	items []placed
	w     float64
}

// collectSpans flattens the inline children of n into styled spans. Images
// are not included; raw HTML is kept as literal text so that "<b>" in a
// name prints instead of vanishing.
func (r *renderer) collectSpans(n ast.Node, st style, url string, out []span) []span {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = r.collectSpan(c, st, url, out)
	}
	return out
}

var brRE = regexp.MustCompile(`(?i)^<br\s*/?>$`)

// collectSpan adds the spans of the inline node c.
func (r *renderer) collectSpan(c ast.Node, st style, url string, out []span) []span {
	switch v := c.(type) {
	case *ast.Text:
		out = append(out, span{text: unescape(v.Value(r.src)), st: st, url: url})
		if v.HardLineBreak() {
			out = append(out, span{brk: true})
		} else if v.SoftLineBreak() {
			out = append(out, span{text: " ", st: st})
		}
	case *ast.String:
		out = append(out, span{text: string(v.Value), st: st, url: url})
	case *ast.CodeSpan:
		out = append(out, span{text: codeText(v, r.src), st: st | stCode, url: url})
	case *ast.Emphasis:
		s := st | stItalic
		if v.Level >= 2 {
			s = st | stBold
		}
		out = r.collectSpans(v, s, url, out)
	case *east.Strikethrough:
		out = r.collectSpans(v, st|stStrike, url, out)
	case *ast.Link:
		out = r.collectSpans(v, st|stLink, string(v.Destination), out)
	case *ast.AutoLink:
		u := string(v.URL(r.src))
		out = append(out, span{text: string(v.Label(r.src)), st: st | stLink, url: u})
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < v.Segments.Len(); i++ {
			seg := v.Segments.At(i)
			b.Write(seg.Value(r.src))
		}
		switch s := b.String(); {
		case strings.HasPrefix(s, "<!--"):
			// a comment
		case brRE.MatchString(s):
			out = append(out, span{brk: true}) // <br>: the usual line break in table cells
		default:
			out = append(out, span{text: s, st: st, url: url})
		}
	case *ast.Image:
		// handled by the paragraph renderer
	default:
		out = r.collectSpans(c, st, url, out)
	}
	return out
}

// plainText is the text content of n and its descendants.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				b.WriteString(unescape(v.Value(src)))
				if v.SoftLineBreak() || v.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(v.Value)
			case *ast.CodeSpan:
				b.WriteString(codeText(v, src))
			case *ast.AutoLink:
				b.Write(v.Label(src))
			case *ast.RawHTML:
				for i := 0; i < v.Segments.Len(); i++ {
					seg := v.Segments.At(i)
					b.Write(seg.Value(src))
				}
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// codeText is the literal content of a code span: backslashes and
// entities in it are not escapes.
func codeText(n *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			b.Write(v.Value(src))
		case *ast.String:
			b.Write(v.Value)
		}
	}
	return b.String()
}

// unescape applies Markdown's backslash escapes and HTML entity and
// numeric references in text, as an HTML renderer would: "\*" prints
// "*", "&amp;" prints "&", "&#8364;" prints "€".
func unescape(b []byte) string {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]) {
			out = append(out, b[i+1])
			i++
			continue
		}
		if c == '&' {
			if j := bytes.IndexByte(b[i:], ';'); j > 1 && j < 40 {
				ref := b[i : i+j+1]
				if res := util.ResolveNumericReferences(ref); !bytes.Equal(res, ref) {
					out = append(out, res...)
					i += j
					continue
				}
				if res := util.ResolveEntityNames(ref); !bytes.Equal(res, ref) {
					out = append(out, res...)
					i += j
					continue
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// frags turns spans into measured fragments at the given size and colour.
func (r *renderer) frags(spans []span, size float64, color rgb, base style) []frag {
	var out []frag
	space := true // no glue for the first word
	brk := false
	for _, s := range spans {
		if s.brk {
			brk = true
			space = true
			continue
		}
		st := s.st | base
		fc := st.face()
		txt := clean(s.text, fc)
		r.setFont(fc, size)
		for len(txt) > 0 {
			if txt[0] == ' ' {
				space = true
				txt = strings.TrimLeft(txt, " ")
				continue
			}
			end := strings.IndexByte(txt, ' ')
			if end < 0 {
				end = len(txt)
			}
			word := txt[:end]
			txt = txt[end:]
			out = append(out, frag{
				text: word, st: st, url: s.url, size: size, color: color,
				w: r.f.GetStringWidth(word), glue: !space && len(out) > 0, brk: brk,
			})
			space, brk = false, false
		}
	}
	return out
}

// textFrags is a shortcut for plain text in one style.
func (r *renderer) textFrags(s string, st style, size float64, color rgb) []frag {
	return r.frags([]span{{text: s, st: st}}, size, color, 0)
}

// layout breaks frags into lines no wider than width. A word wider than a
// line is cut between characters.
func (r *renderer) layout(frags []frag, width float64) []line {
	width = max(width, 5)
	var lines []line
	var cur line
	flush := func() {
		lines = append(lines, cur)
		cur = line{}
	}
	for i := 0; i < len(frags); {
		// a word is frags[i:j]
		j := i + 1
		for j < len(frags) && frags[j].glue && !frags[j].brk {
			j++
		}
		word := frags[i:j]
		ww := 0.0
		for _, f := range word {
			ww += f.w
		}
		if word[0].brk && (len(cur.items) > 0 || len(lines) > 0) {
			flush()
		}
		sp := 0.0
		if len(cur.items) > 0 {
			r.setFont(word[0].st.face(), word[0].size)
			sp = r.f.GetStringWidth(" ")
		}
		switch {
		case cur.w+sp+ww <= width:
			x := cur.w + sp
			for _, f := range word {
				cur.items = append(cur.items, placed{f, x})
				x += f.w
			}
			cur.w = x
		case ww <= width:
			flush()
			x := 0.0
			for _, f := range word {
				cur.items = append(cur.items, placed{f, x})
				x += f.w
			}
			cur.w = x
		default:
			// too long for any line: cut it
			if len(cur.items) > 0 {
				cur.w += sp
			}
			for _, f := range word {
				r.setFont(f.st.face(), f.size)
				rest := f.text
				for rest != "" {
					n, w := r.fit(rest, width-cur.w)
					if n == 0 {
						if len(cur.items) == 0 {
							_, n = utf8.DecodeRuneInString(rest) // at least one character per line
							w = r.f.GetStringWidth(rest[:n])
						} else {
							flush()
							continue
						}
					}
					piece := f
					piece.text, piece.w = rest[:n], w
					cur.items = append(cur.items, placed{piece, cur.w})
					cur.w += w
					rest = rest[n:]
					if rest != "" {
						flush()
					}
				}
			}
		}
		i = j
	}
	if len(cur.items) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// fit returns how many bytes of s fit into width in the current font, and
// their width.
func (r *renderer) fit(s string, width float64) (int, float64) {
	w := 0.0
	for i, c := range s {
		cw := r.f.GetStringWidth(string(c))
		if w+cw > width {
			return i, w
		}
		w += cw
	}
	return len(s), w
}

// drawLine draws one line with its top at y.
func (r *renderer) drawLine(l line, x, y, lh float64) {
	l = visualOrder(l)
	for _, it := range l.items {
		f := it.frag
		fc := f.st.face()
		r.setFont(fc, f.size)
		sizeMM := f.size * ptToMM
		base := y + lh/2 + sizeMM*0.34
		px := x + it.x
		if f.st&stCode != 0 {
			r.fillColor(colCodeBg)
			r.f.Rect(px-0.5, base-sizeMM*0.85, f.w+1, sizeMM*1.15, "F")
		}
		c := f.color
		if f.st&stLink != 0 && linkable(f.url) {
			c = colLink // only links a reader can follow look like links
		}
		r.textColor(c)
		r.f.Text(px, base, f.text)
		if f.st&stStrike != 0 {
			r.drawColor(c)
			r.f.SetLineWidth(0.2)
			r.f.Line(px, base-sizeMM*0.3, px+f.w, base-sizeMM*0.3)
		}
		if f.st&stLink != 0 && linkable(f.url) {
			r.f.LinkString(px, y, f.w, lh, f.url)
		}
	}
}

// linkable reports whether url may become a clickable link in the PDF.
func linkable(url string) bool {
	for _, p := range []string{"https://", "http://", "mailto:"} {
		if strings.HasPrefix(url, p) && len(url) < 2000 {
			return true
		}
	}
	return false
}

// drawLines draws lines at the cursor, breaking pages as needed, and
// places a pending list marker beside the first line.
func (r *renderer) drawLines(lines []line, lh float64) {
	for _, l := range lines {
		r.ensure(lh)
		r.drawMarker(lh)
		r.drawLine(l, r.x, r.y, lh)
		r.y += lh
	}
}

// drawPara draws the lines of a paragraph like drawLines, but never
// leaves its first line alone at the bottom of a page (orphan) or its last
// line alone at the top of the next (widow).
func (r *renderer) drawPara(lines []line, lh float64) {
	for len(lines) > 0 {
		fit := int((r.bottom() - r.y + 0.001) / lh)
		switch {
		case fit >= len(lines):
			r.drawLines(lines, lh)
			return
		case len(lines)-fit == 1 && r.beforeBreak && r.y+float64(len(lines))*lh <= r.bottom()+lh+0.001:
			// the last line would stand alone on a page that a break ends:
			// let it into the bottom margin (still above the footer)
			r.drawLinesTo(lines, lh)
			return
		case fit <= 1 && len(lines) >= 2 && !r.atTop(), fit < 1 && !r.atTop():
			r.newPage()
			continue
		case fit < 1:
			fit = 1 // a page that cannot hold one line: draw anyway
		case len(lines)-fit == 1 && fit >= 3:
			fit-- // two lines go to the next page
		case len(lines)-fit == 1 && !r.atTop():
			r.newPage() // two lines here would leave one there
			continue
		}
		r.drawLines(lines[:fit], lh)
		lines = lines[fit:]
		if len(lines) > 0 {
			r.newPage()
		}
	}
}

// drawLinesTo draws lines at the cursor without breaking the page.
func (r *renderer) drawLinesTo(lines []line, lh float64) {
	for _, l := range lines {
		r.drawMarker(lh)
		r.drawLine(l, r.x, r.y, lh)
		r.y += lh
	}
}

// drawMarker draws a pending list marker beside a line at the cursor.
func (r *renderer) drawMarker(lh float64) {
	if r.marker == "" {
		return
	}
	r.setFont(faceRegular, sizeBody)
	r.textColor(colAccent)
	w := r.f.GetStringWidth(r.marker)
	base := r.y + lh/2 + sizeBody*ptToMM*0.34
	r.f.Text(r.x-2.2-w, base, r.marker)
	r.marker = ""
}
