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

// flushFloats draws the queued landscape figures, each on a page of its
// own, except that consecutive figures short enough to lie one above the
// other at full size (wide, flat detail drawings) share a page. The caller
// starts a portrait page afterwards if more is to come.
func (r *renderer) flushFloats() {
	floats := r.floats
	r.floats = nil
	for i := 0; i < len(floats); {
		n := r.floatsThatShare(floats[i:])
		if n <= 1 {
			r.drawFloat(floats[i])
			i++
			continue
		}
		r.drawStacked(floats[i : i+n])
		i += n
	}
}

// floatGap is the space between figures stacked on one landscape page.
const floatGap = 8.0

// floatBox is the width, height and caption of a landscape figure on its
// page, and the page's size.
func (r *renderer) floatBox(fl pendingFigure) (w, h float64, capLines []line, pw, ph float64) {
	pw, ph = landscapePage(fl.fig)
	areaW := pw - 2*landMarginX
	capLines = r.layout(r.frags(fl.capSpans, sizeSmall, colMuted, 0), areaW)
	capH := float64(len(capLines))*lineSmall + 2
	maxH := ph - (pageW - landBottom) - landTop - capH
	w = areaW
	h = measureFigure(fl.fig, w)
	if h > maxH && h > 0 {
		w = w * maxH / h
		h = maxH
	}
	return w, h, capLines, pw, ph
}

// floatsThatShare counts how many of floats, from the first, fit one above
// the other on one page of the first's size at the size each would have on
// a page of its own (never smaller).
func (r *renderer) floatsThatShare(floats []pendingFigure) int {
	_, _, _, pw, ph := r.floatBox(floats[0])
	avail := ph - (pageW - landBottom) - landTop
	used := 0.0
	for i, fl := range floats {
		_, h, capLines, w2, h2 := r.floatBox(fl)
		if w2 != pw || h2 != ph {
			return i
		}
		need := h + 2 + float64(len(capLines))*lineSmall
		if i > 0 {
			need += floatGap
		}
		if used+need > avail {
			return i
		}
		used += need
	}
	return len(floats)
}

// drawStacked draws several landscape figures one above the other on one
// landscape page, each with its caption, the block centred on the page.
func (r *renderer) drawStacked(floats []pendingFigure) {
	_, _, _, pw, ph := r.floatBox(floats[0])
	r.f.AddPageFormat("L", fpdf.SizeType{Wd: ph, Ht: pw})
	r.curSize = 0 // a new page forgets the font
	areaW := pw - 2*landMarginX
	bottom := ph - (pageW - landBottom)
	total := 0.0
	for i, fl := range floats {
		_, h, capLines, _, _ := r.floatBox(fl)
		total += h + 2 + float64(len(capLines))*lineSmall
		if i > 0 {
			total += floatGap
		}
	}
	y := landTop + max(0, (bottom-landTop-total)/2)
	for _, fl := range floats {
		w, h, capLines, _, _ := r.floatBox(fl)
		x := landMarginX + (areaW-w)/2
		r.resetStyle()
		drawn := fl.fig.Draw(r.f, x, y, w)
		r.resetStyle()
		if drawn >= 0 && drawn == drawn && drawn <= ph {
			h = drawn
		}
		cy := y + h + 2
		for _, l := range capLines {
			r.drawLine(l, landMarginX+(areaW-l.w)/2, cy, lineSmall)
			cy += lineSmall
		}
		y = cy + floatGap
	}
	r.y = ph // nothing more goes on this page
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
