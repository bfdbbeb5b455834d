package docx

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// span is a run of text with one style, as collected from the AST.
type span struct {
	text                       string
	bold, italic, code, strike bool
	url                        string
	brk                        bool // a line break (text is empty)
}

var brRE = regexp.MustCompile(`(?i)^<br\s*/?>$`)

// collectSpans flattens the inline children of n into styled spans, by the
// rules of render/pdf: images are left out, raw HTML other than <br> and
// comments prints as text.
func (r *renderer) collectSpans(n ast.Node, st span, out []span) []span {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = r.collectSpan(c, st, out)
	}
	return out
}

func (r *renderer) collectSpan(c ast.Node, st span, out []span) []span {
	with := func(text string) span { s := st; s.text = text; return s }
	switch v := c.(type) {
	case *ast.Text:
		out = append(out, with(unescape(v.Value(r.src))))
		if v.HardLineBreak() {
			out = append(out, span{brk: true})
		} else if v.SoftLineBreak() {
			out = append(out, with(" "))
		}
	case *ast.String:
		out = append(out, with(string(v.Value)))
	case *ast.CodeSpan:
		s := with(codeText(v, r.src))
		s.code = true
		out = append(out, s)
	case *ast.Emphasis:
		s := st
		if v.Level >= 2 {
			s.bold = true
		} else {
			s.italic = true
		}
		out = r.collectSpans(v, s, out)
	case *east.Strikethrough:
		s := st
		s.strike = true
		out = r.collectSpans(v, s, out)
	case *ast.Link:
		s := st
		s.url = string(v.Destination)
		out = r.collectSpans(v, s, out)
	case *ast.AutoLink:
		s := with(string(v.Label(r.src)))
		s.url = string(v.URL(r.src))
		out = append(out, s)
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < v.Segments.Len(); i++ {
			seg := v.Segments.At(i)
			b.Write(seg.Value(r.src))
		}
		switch s := b.String(); {
		case strings.HasPrefix(s, "<!--"):
		case brRE.MatchString(s):
			out = append(out, span{brk: true})
		default:
			out = append(out, with(s))
		}
	case *ast.Image:
		// placed by the paragraph
	default:
		out = r.collectSpans(c, st, out)
	}
	return out
}

// runs writes spans as w:r elements; spans with a usable web or mail
// address become hyperlinks.
func (r *renderer) runs(spans []span) string {
	var b strings.Builder
	for i := 0; i < len(spans); {
		u := spans[i].url
		j := i + 1
		for j < len(spans) && spans[j].url == u {
			j++
		}
		if id := r.linkRel(u); id != "" {
			b.WriteString(`<w:hyperlink r:id="` + id + `">`)
			for _, s := range spans[i:j] {
				b.WriteString(run(s, "Hyperlink"))
			}
			b.WriteString(`</w:hyperlink>`)
		} else {
			for _, s := range spans[i:j] {
				b.WriteString(run(s, ""))
			}
		}
		i = j
	}
	return b.String()
}

// linkRel returns the relationship of an external link, or "" for an
// address that is not an absolute http, https or mailto URL (a relative or
// odd address prints as text rather than risk a file Word must repair).
func (r *renderer) linkRel(u string) string {
	if u == "" || len(u) > 2000 {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil || clean(u) != u || strings.ContainsAny(u, " <>\"") {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		if p.Host == "" {
			return ""
		}
	case "mailto":
	default:
		return ""
	}
	return r.addRel("hyperlink", u, true)
}

// run is one w:r with its properties.
func run(s span, rstyle string) string {
	if s.brk {
		return `<w:r><w:br/></w:r>`
	}
	t := clean(s.text)
	if t == "" {
		return ""
	}
	var p strings.Builder
	if s.code {
		rstyle = "CodeChar"
	}
	if rstyle != "" {
		p.WriteString(`<w:rStyle w:val="` + rstyle + `"/>`)
	}
	if s.bold {
		p.WriteString(`<w:b/><w:bCs/>`)
	}
	if s.italic {
		p.WriteString(`<w:i/><w:iCs/>`)
	}
	if s.strike {
		p.WriteString(`<w:strike/>`)
	}
	rpr := ""
	if p.Len() > 0 {
		rpr = `<w:rPr>` + p.String() + `</w:rPr>`
	}
	return `<w:r>` + rpr + `<w:t xml:space="preserve">` + escaper.Replace(t) + `</w:t></w:r>`
}

// textRun is plain text with optional run properties.
func textRun(s, rpr string) string {
	t := clean(s)
	if t == "" {
		return ""
	}
	if rpr != "" {
		rpr = `<w:rPr>` + rpr + `</w:rPr>`
	}
	return `<w:r>` + rpr + `<w:t xml:space="preserve">` + escaper.Replace(t) + `</w:t></w:r>`
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

// codeText is the literal content of a code span.
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

// unescape applies Markdown's backslash escapes and HTML character
// references, as an HTML renderer (and render/pdf) would.
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
