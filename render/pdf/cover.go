package pdf

import (
	"strconv"
	"strings"
	"time"
)

// cover draws the title page: client logo, title, subtitle and the
// document's particulars. It has no running header or footer.
func (r *renderer) cover() {
	m := r.doc.Meta
	f := r.f
	f.AddPage()
	x, w := marginLeft, pageW-marginLeft-marginRight

	// a navy band at the top and a thin accent line under it
	r.fillColor(colHeading)
	f.Rect(0, 0, pageW, 14, "F")
	r.fillColor(colAccent)
	f.Rect(0, 14, pageW, 1.2, "F")

	top := 30.0
	if len(m.Logo) > 0 {
		r.placeImage("logo", m.Logo, pageW-marginRight, top, 55, 28, alignRight)
	}
	if m.Client != "" {
		lines := r.layout(r.textFrags(strings.ToUpper(m.Client), stBold, 10, colMuted), w-65)
		y := top
		for _, l := range lines[:min(len(lines), 3)] {
			r.drawLine(l, x, y, 5)
			y += 5
		}
	}

	// title block
	y := 92.0
	title := m.Title
	if title == "" {
		title = r.c.T("doc.untitled")
	}
	for _, l := range firstLines(r.layout(r.textFrags(title, stBold, 26, colHeading), w), 4) {
		r.drawLine(l, x, y, 11.5)
		y += 11.5
	}
	y += 3
	r.fillColor(colAccent)
	f.Rect(x, y, 30, 1.4, "F")
	y += 7
	if m.Subtitle != "" {
		for _, l := range firstLines(r.layout(r.textFrags(m.Subtitle, 0, 14, colMuted), w), 3) {
			r.drawLine(l, x, y, 7)
			y += 7
		}
	}

	// particulars
	rows := [][2]string{
		{r.c.T("doc.cover.client"), m.Client}, {r.c.T("doc.cover.project"), m.Project}, {r.c.T("doc.cover.site"), m.Site},
		{r.c.T("doc.cover.author"), m.Author}, {r.c.T("doc.cover.revision"), m.Revision}, {r.c.T("doc.cover.date"), r.date(m.Date)},
		{r.c.T("doc.cover.classification"), m.Classification},
	}
	y = max(y+14, 185.0)
	const labelW = 38.0
	r.drawColor(colRule)
	f.SetLineWidth(0.2)
	drawn := false
	for _, row := range rows {
		if row[1] == "" {
			continue
		}
		lines := firstLines(r.layout(r.textFrags(row[1], 0, 10.5, colText), w-labelW), 3)
		h := float64(len(lines))*5.4 + 3
		if y+h > pageH-34 {
			break
		}
		f.Line(x, y, x+w, y)
		for _, l := range r.layout(r.textFrags(row[0], 0, 8.5, colMuted), labelW-2)[:1] {
			r.drawLine(l, x, y+1.5, 5.4)
		}
		for i, l := range lines {
			r.drawLine(l, x+labelW, y+1.5+float64(i)*5.4, 5.4)
		}
		y += h
		drawn = true
	}
	if drawn {
		f.Line(x, y, x+w, y)
	}

	// classification band at the bottom
	r.fillColor(colHeading)
	f.Rect(0, pageH-16, pageW, 16, "F")
	if m.Classification != "" {
		ls := r.layout(r.textFrags(strings.ToUpper(m.Classification), stBold, 9, colWhite), w)
		r.drawLine(ls[0], x, pageH-10.5, 5)
	}
	r.resetStyle()
}

// firstLines keeps at most n lines, ending the last kept one with "…" when
// some were dropped.
func firstLines(ls []line, n int) []line {
	if len(ls) <= n {
		return ls
	}
	ls = ls[:n]
	last := ls[n-1]
	if k := len(last.items); k > 0 {
		items := append([]placed(nil), last.items...)
		items[k-1].text += " …"
		last.items = items
		ls[n-1] = last
	}
	return ls
}

// tocEntry layout constants: indentation per level and the width kept
// for the page number.
const (
	tocIndent = 8.0
	tocPageW  = 12.0
)

// tocMark is where a page number goes in the contents, filled in by finish.
type tocMark struct {
	head        int // index into renderer.heads
	page        int
	base, right float64
	st          style
	size        float64
}

// toc draws the table of contents. Its layout does not depend on the page
// numbers: they are right-aligned in a column kept free for them.
func (r *renderer) toc() {
	listed := false
	for _, h := range r.heads {
		listed = listed || h.level <= tocDepth
	}
	if !listed {
		return // a document without headings has no contents page
	}
	r.newPage()
	r.x, r.w = marginLeft, pageW-marginLeft-marginRight
	r.setFont(faceBold, headingStyle[0].size)
	lh := headingStyle[0].size * ptToMM * 1.35
	r.drawLine(r.layout(r.textFrags(r.c.T("doc.contents"), stBold, headingStyle[0].size, colHeading), r.w)[0], r.x, r.y, lh)
	r.y += lh
	r.drawColor(colAccent)
	r.f.SetLineWidth(0.35)
	r.f.Line(r.x, r.y+0.8, r.x+r.w, r.y+0.8)
	r.y += 7
	for i, h := range r.heads {
		if h.level > tocDepth {
			continue
		}
		st, size, lh := style(0), sizeBody, lineBody
		if h.level == 1 {
			st = stBold
			if i > 0 {
				r.y += 1.8
			}
		} else if h.level == 3 {
			size, lh = 9.5, 4.7
		}
		indent := float64(h.level-1) * tocIndent
		numW := 0.0
		if h.number != "" {
			r.setFont(st.face(), size)
			numW = max(r.f.GetStringWidth(h.number)+3, 9+float64(h.level-1)*2.5)
		}
		textW := r.w - indent - numW - tocPageW - 4
		lines := firstLines(r.layout(r.textFrags(truncate(h.text, 2000), st, size, colText), textW), 4)
		height := float64(len(lines)) * lh
		r.ensure(height)
		top := r.y
		tx := r.x + indent
		if h.number != "" {
			r.setFont(st.face(), size)
			r.textColor(colText)
			r.f.Text(tx, r.y+lh/2+size*ptToMM*0.34, h.number)
		}
		for _, l := range lines {
			r.drawLine(l, tx+numW, r.y, lh)
			r.y += lh
		}
		// dot leader from the end of the last line to the page number
		last := lines[len(lines)-1]
		base := r.y - lh + lh/2 + size*ptToMM*0.34
		r.setFont(faceRegular, size)
		r.textColor(colRule)
		dotW := r.f.GetStringWidth(".")
		from := tx + numW + last.w + 2
		to := r.x + r.w - tocPageW
		if n := int((to - from) / (dotW * 2)); n > 0 {
			r.f.Text(to-float64(n)*dotW*2, base, strings.Repeat(". ", n))
		}
		r.tocMarks = append(r.tocMarks, tocMark{head: i, page: r.f.PageNo(), base: base, right: r.x + r.w, st: st, size: size})
		r.f.Link(r.x, top, r.w, r.y-top, r.headLinks[i])
	}
}

// headerFooter draws the running header and footer of a body page of
// pw × ph millimetres, portrait or landscape (A4, or larger for a figure).
func (r *renderer) headerFooter(pw, ph float64) {
	f := r.f
	x, w := marginLeft, pageW-marginLeft-marginRight
	footerY := footerY
	if pw > ph {
		x, w = landMarginX, pw-2*landMarginX
		footerY = ph - 13
	}
	page := f.PageNo()

	// header: title left, classification right, rule under both; laid
	// out once per document and page width (a title may be hostile and
	// huge)
	if r.running == nil {
		r.running = map[float64]*running{}
	}
	rl := r.running[w]
	if rl == nil {
		rl = r.runningLines(w)
		r.running[w] = rl
	}
	if rl.class != nil {
		r.drawLine(*rl.class, x+w-rl.class.w, headerY-4, 4)
	}
	if rl.title != nil {
		r.drawLine(*rl.title, x, headerY-4, 4)
	}
	r.drawColor(colRule)
	f.SetLineWidth(0.2)
	f.Line(x, headerY+1.5, x+w, headerY+1.5)

	// footer: client left, revision and date centre, page right
	f.Line(x, footerY-4.5, x+w, footerY-4.5)
	pageText := r.c.T("doc.pageOf", map[string]string{"Page": strconv.Itoa(page), "Total": strconv.Itoa(r.total)})
	pl := r.layout(r.textFrags(pageText, 0, 8, colMuted), w)[0]
	textW := pl.w
	r.drawLine(pl, x+w-textW, footerY-2.8, 4)
	if rl.client != nil {
		r.drawLine(*rl.client, x, footerY-2.8, 4)
	}
	if rl.mid != nil {
		r.drawLine(*rl.mid, x+w/2-rl.mid.w/2, footerY-2.8, 4)
	}
	r.resetStyle()
}

// running holds the laid-out parts of header and footer that are the same
// on every page.
type running struct {
	title, class, client, mid *line
}

// runningLines lays out the header and footer texts, one line each.
func (r *renderer) runningLines(w float64) *running {
	m := r.doc.Meta
	one := func(s string, st style, color rgb, width float64) *line {
		s = truncate(s, 300)
		if s == "" {
			return nil
		}
		l := firstLines(r.layout(r.textFrags(s, st, 8, color), width), 1)[0]
		return &l
	}
	var rl running
	classW := 0.0
	if rl.class = one(strings.ToUpper(m.Classification), stBold, colAccent, w/3); rl.class != nil {
		classW = rl.class.w
	}
	rl.title = one(m.Title, 0, colMuted, w-classW-8)
	mid := ""
	if m.Revision != "" {
		mid = r.c.T("doc.footer.revision", map[string]string{"Revision": truncate(m.Revision, 40)})
	}
	if m.Date != "" {
		if mid != "" {
			mid += "  ·  "
		}
		mid += truncate(r.date(m.Date), 40)
	}
	// the centre text first; the client gets what is left of the left half
	rl.mid = one(mid, 0, colMuted, w/2-22)
	midW := 0.0
	if rl.mid != nil {
		midW = rl.mid.w
	}
	rl.client = one(m.Client, 0, colMuted, w/2-midW/2-5)
	return &rl
}

// truncate cuts s to at most n runes.
func truncate(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// date writes an ISO date ("2026-12-04", or the date part of RFC 3339) the
// document language's way (04.12.2026 in German); other text stays as it is.
func (r *renderer) date(s string) string {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		t, err = time.Parse(time.RFC3339, strings.TrimSpace(s))
	}
	if err != nil {
		return s
	}
	return r.c.Date(t)
}
