package pdf

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// unnumbered starts the text of a heading that gets no number.
const unnumbered = "~"

// tocDepth is the deepest heading level that is numbered and listed.
const tocDepth = 3

// heading is a heading as found before layout.
type heading struct {
	level  int
	number string // "2.1", or "" when unnumbered or deeper than tocDepth
	text   string
}

func (h heading) label() string {
	if h.number == "" {
		return h.text
	}
	return h.number + "  " + h.text
}

// collectHeadings lists every heading in document order with its number.
// The body renderer meets them in the same order.
func collectHeadings(root ast.Node, src []byte) []heading {
	var out []heading
	var counters [tocDepth]int
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		txt := strings.TrimSpace(clean(plainText(h, src), faceBold))
		hd := heading{level: h.Level}
		if rest, ok := strings.CutPrefix(txt, unnumbered); ok {
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
					parts[i] = strconv.Itoa(counters[i])
				}
				hd.number = strings.Join(parts, ".")
			}
		}
		out = append(out, hd)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// heading draws the next heading, keeping it on a page with keep
// millimetres of what follows.
func (r *renderer) heading(keep float64) {
	if r.headIdx >= len(r.heads) {
		return
	}
	i := r.headIdx
	r.headIdx++
	h := r.heads[i]
	hs := headingStyle[min(h.level, len(headingStyle))-1]
	lh := hs.size * ptToMM * 1.35
	color := colHeading
	if h.level >= 4 {
		color = colText
	}
	var numW float64
	if h.number != "" {
		r.setFont(faceBold, hs.size)
		numW = r.f.GetStringWidth(h.number) + 3.5
		if numW < 10 && h.level <= 2 {
			numW = 10
		}
	}
	lines := r.layout(r.textFrags(h.text, stBold, hs.size, color), r.w-numW)
	height := float64(len(lines)) * lh
	if !r.atTop() {
		r.y += hs.above
	}
	if r.y+height+keep+hs.below > r.bottom() && !r.atTop() {
		r.newPage()
	}
	page := r.f.PageNo()
	r.headPages[i] = page
	if h.level <= tocDepth {
		r.f.SetLink(r.headLinks[i], r.y, page)
		r.bookmark(h, r.y)
	}
	if h.number != "" {
		r.setFont(faceBold, hs.size)
		r.textColor(colAccent)
		r.f.Text(r.x, r.y+lh/2+hs.size*ptToMM*0.34, h.number)
	}
	for i, l := range lines {
		if i > 0 {
			r.ensure(lh) // only a hostile, page-long heading needs this
		}
		r.drawLine(l, r.x+numW, r.y, lh)
		r.y += lh
	}
	if h.level == 1 {
		r.drawColor(colAccent)
		r.f.SetLineWidth(0.35)
		r.f.Line(r.x, r.y+0.8, r.x+r.w, r.y+0.8)
		r.y += 1.2
	}
	r.y += hs.below
}

// bookmark adds h to the PDF outline, never skipping a level.
func (r *renderer) bookmark(h heading, y float64) {
	lvl := min(h.level-1, r.outlineLevel+1)
	r.outlineLevel = lvl
	r.f.Bookmark(truncate(h.label(), 200), lvl, y)
}
