package pdf

// Optional Figure interfaces for drawings that must stay legible on paper:
// a figure too wide for the text column can ask for a landscape page, one
// too large for A4 for a bigger sheet, and one too large for any sheet can
// come as several pages.

// Landscaper may be implemented by a Figure placed inline
// ("![caption](figure:NAME)"): when Landscape(w) reports true for the text
// width w (millimetres), the figure goes on a landscape page of its own
// instead, as if its title were "landscape".
type Landscaper interface {
	Landscape(textWidth float64) bool
}

// Shrinker may be implemented by an inline Figure that stays legible when
// printed narrower than the text column: MinWidth is the narrowest width in
// millimetres it may be printed at. A Shrinker that does not fit the rest
// of the page at full width is printed smaller there, down to MinWidth,
// rather than moved to the next page.
type Shrinker interface {
	MinWidth() float64
}

// PageSizer may be implemented by a landscape Figure: its page is
// PageSize() millimetres (width > height; 420 × 297 is A3) instead of
// landscape A4.
type PageSizer interface {
	PageSize() (w, h float64)
}

// Pager may be implemented by a Figure that is printed as several figures,
// each on a landscape page of its own, numbered "1 of n"... in their
// captions: a plant overview split by Purdue bands.
type Pager interface {
	Pages() []Figure
}

// wantsLandscape reports whether an inline figure asks for a landscape page.
func wantsLandscape(fig Figure, textWidth float64) bool {
	if _, ok := fig.(Pager); ok {
		return true
	}
	l, ok := fig.(Landscaper)
	return ok && l.Landscape(textWidth)
}

// landscapePage returns the page size for a landscape figure.
func landscapePage(fig Figure) (w, h float64) {
	if ps, ok := fig.(PageSizer); ok {
		if w, h := ps.PageSize(); w >= h && h >= pageW && w <= 2000 && h <= 2000 {
			return w, h
		}
	}
	return landW, landH
}
