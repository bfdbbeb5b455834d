package pdf

import (
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// landscapeTitle is the Markdown image title that puts a figure on a
// landscape page of its own: ![caption](figure:NAME "landscape").
const landscapeTitle = "landscape"

// Landscape page geometry in millimetres (A4 turned): slimmer side margins
// than the portrait pages, since a figure page has no text to read along.
const (
	landW       = pageH
	landH       = pageW
	landMarginX = 15.0
	landTop     = 20.0
	landBottom  = landH - 19.0
)

// pendingFigure is a landscape figure waiting for the current page to end.
type pendingFigure struct {
	fig      Figure
	capSpans []span
	number   int
}

// isLandscape reports whether an image title asks for a landscape page.
func isLandscape(title []byte) bool {
	return strings.EqualFold(strings.TrimSpace(string(title)), landscapeTitle)
}

// landscapeFigure numbers fig and queues it for a landscape page of its
// own, placed after the current page: the text goes on filling the current
// page meanwhile, so that neither a blank nor a half-empty page is left.
func (r *renderer) landscapeFigure(fig Figure, caption string) {
	if pg, ok := fig.(Pager); ok {
		pages := pg.Pages()
		for i, p := range pages {
			c := caption
			if len(pages) > 1 {
				c = r.c.T("doc.figurePart", map[string]string{"Caption": caption, "N": strconv.Itoa(i + 1), "Total": strconv.Itoa(len(pages))})
			}
			if _, many := p.(Pager); p != nil && !many {
				r.landscapeFigure(p, c)
			}
		}
		return
	}
	r.figN++
	spans := []span{{text: r.c.T("doc.figure", map[string]string{"N": strconv.Itoa(r.figN)}), st: stBold}}
	if caption != "" {
		spans = append(spans, span{text: " " + caption})
	}
	r.floats = append(r.floats, pendingFigure{fig: fig, capSpans: spans, number: r.figN})
}

// flushFloats draws each queued landscape figure on a page of its own.
// The caller starts a portrait page afterwards if more is to come.
func (r *renderer) flushFloats() {
	floats := r.floats
	r.floats = nil
	for _, fl := range floats {
		r.drawFloat(fl)
	}
}

// drawFloat adds a landscape A4 page and draws the figure on it as large
// as the page allows, keeping its aspect ratio, with its caption under it.
func (r *renderer) drawFloat(fl pendingFigure) {
	landW, landH := landscapePage(fl.fig)
	landBottom := landH - (pageW - landBottom)
	r.f.AddPageFormat("L", fpdf.SizeType{Wd: landH, Ht: landW})
	r.curSize = 0 // a new page forgets the font
	areaW := landW - 2*landMarginX
	capLines := r.layout(r.frags(fl.capSpans, sizeSmall, colMuted, 0), areaW)
	capH := float64(len(capLines))*lineSmall + 2
	maxH := landBottom - landTop - capH
	w := areaW
	h := measureFigure(fl.fig, w)
	if h > maxH && h > 0 {
		w = w * maxH / h
		h = maxH
	}
	x := landMarginX + (areaW-w)/2
	y := landTop + max(0, (maxH-h)/2) // centred in the space left by the caption
	r.resetStyle()
	drawn := fl.fig.Draw(r.f, x, y, w)
	r.resetStyle()
	if drawn >= 0 && drawn == drawn && drawn <= landH {
		h = drawn
	}
	cy := y + h + 2
	for _, l := range capLines {
		r.drawLine(l, landMarginX+(areaW-l.w)/2, cy, lineSmall)
		cy += lineSmall
	}
	r.y = landH // nothing more goes on this page
}
