package render

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
)

// textMeter measures text in the embedded DejaVu fonts, the fonts the PNG,
// PDF and SVG painters use, so that the cards this package lays out itself
// (zone cards and conduit labels) are exactly as wide as their text.
// opentype faces are not safe for concurrent use, hence the mutex.
type textMeter struct {
	mu    sync.Mutex
	faces map[string]font.Face // by font file, at meterSize
	adv   map[string]map[rune]float64
}

// meterSize is the size at which widths are measured; widths scale
// linearly with the size since the faces are unhinted.
const meterSize = 100

var meter = &textMeter{faces: map[string]font.Face{}, adv: map[string]map[rune]float64{}}

// width returns the advance width of s in points at size pt.
func (m *textMeter) width(s string, size float64, bold bool) float64 {
	file := fontRegular
	if bold {
		file = fontBold
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.faces[file]
	if !ok {
		fs, err := loadFonts()
		if err != nil {
			return float64(len([]rune(s))) * size * 0.6 // a wide estimate
		}
		f, err = opentype.NewFace(fs[file], &opentype.FaceOptions{Size: meterSize, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return float64(len([]rune(s))) * size * 0.6
		}
		f = unkerned{f}
		m.faces[file] = f
	}
	// Advances are cached per rune: a 10,000-asset plant measures a few
	// hundred thousand characters of a few dozen distinct ones. Kerning is
	// not applied (see unkerned).
	adv := m.adv[file]
	if adv == nil {
		adv = map[rune]float64{}
		m.adv[file] = adv
	}
	total := 0.0
	for _, r := range s {
		a, ok := adv[r]
		if !ok {
			x, _ := f.GlyphAdvance(r)
			a = float64(x) / 64
			adv[r] = a
		}
		total += a
	}
	return total * size / meterSize
}

// textWidth is meter.width.
func textWidth(s string, size float64, bold bool) float64 { return meter.width(s, size, bold) }

// TextWidth is the advance width in points of s in the embedded DejaVu Sans
// at size pt (bold or regular), for other renderers that lay out text in
// the same fonts (the Word tables' column widths).
func TextWidth(s string, size float64, bold bool) float64 { return meter.width(s, size, bold) }
