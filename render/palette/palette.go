// Package palette holds the colours every view of the assessment shares: the
// zone colour by security level gap and the colour of each risk level. The
// diagram (SVG, PNG, PDF), the documents and the GUI all take them from here,
// so a gap or a risk level looks the same wherever it is shown.
//
// The package imports only the standard library and model, so that the GUI
// can use it without depending on the renderers.
package palette

import (
	"fmt"
	"image/color"

	"zonewise/model"
)

// Swatch is how a coloured box is painted: its fill, its border and the
// colour of text on it, with a short label for legends.
type Swatch struct {
	Fill, Border, Text color.NRGBA
	Label              string
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

// gaps is the zone colour by its largest SL gap (SL-T − SL-A) over FR1..FR7.
// The ramp (ColorBrewer YlOrRd) darkens with the gap, so it reads without
// colour vision too, and it stays apart from the risk level colours; the gap
// is always written as text as well. The darkest step takes white text: dark
// text on it would fall below a contrast of 4.5:1.
var gaps = [...]Swatch{
	{rgb(0xeef3f8), rgb(0x4d6a86), rgb(0x1a1a1a), "no gap"},
	{rgb(0xfee391), rgb(0xb08a00), rgb(0x1a1a1a), "gap 1"},
	{rgb(0xfe9929), rgb(0xa14d00), rgb(0x1a1a1a), "gap 2"},
	{rgb(0xd7301f), rgb(0x7a1208), rgb(0xffffff), "gap 3+"},
}

// Gap is the swatch of a zone whose largest gap is g: gaps below 0 count as
// 0 and gaps of 3 and more share the last step.
func Gap(g int) Swatch {
	return gaps[min(max(g, 0), len(gaps)-1)]
}

// Gaps lists the gap swatches, no gap first, for legends.
func Gaps() []Swatch {
	return gaps[:]
}

// NotAssessed is the swatch of a zone when no assessment result is given.
var NotAssessed = Swatch{rgb(0xf4f4f4), rgb(0x666666), rgb(0x1a1a1a), "not assessed"}

// OutOfScope is the swatch of a zone outside the system under consideration.
var OutOfScope = Swatch{rgb(0xffffff), rgb(0x999999), rgb(0x777777), "out of scope"}

// Ink is the text colour on every risk level fill: the fills are light
// enough that dark text reads on all of them, in the light and the dark
// theme, in print and on a washed-out projector.
var Ink = rgb(0x141414)

// NoLevel is the fill of a risk matrix cell or scenario without a level.
var NoLevel = rgb(0xc8c8c8)

// risks is the fill of each risk level: green, yellow, orange, red, each
// light enough for Ink on top and to print in black and white as distinct
// greys.
var risks = map[model.RiskLevel]color.NRGBA{
	model.RiskLow:      rgb(0x9dd498),
	model.RiskMedium:   rgb(0xffe075),
	model.RiskHigh:     rgb(0xffad66),
	model.RiskCritical: rgb(0xe06a66),
}

// Risk is the fill of risk level l, and false (with NoLevel) when l is not a
// known level.
func Risk(l model.RiskLevel) (color.NRGBA, bool) {
	c, ok := risks[l]
	if !ok {
		return NoLevel, false
	}
	return c, true
}

// Hex writes c as "#rrggbb", the form SVG, Graphviz and CSS take; the alpha
// channel is dropped.
func Hex(c color.NRGBA) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}
