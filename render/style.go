package render

import (
	"strconv"
	"strings"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/render/palette"
)

// The diagram font. Graphviz has metrics for DejaVu Sans built in, so its
// layout matches the embedded font the PNG and PDF painters use.
const fontName = "DejaVu Sans"

// gapStyle is the colour of a zone by its largest SL gap over FR1..FR7, as
// Graphviz colour strings; the colours themselves are palette's, shared with
// the GUI and the documents.
type gapStyle struct {
	fill, border, text string
	label              string
}

func hexStyle(s palette.Swatch) gapStyle {
	return gapStyle{palette.Hex(s.Fill), palette.Hex(s.Border), palette.Hex(s.Text), s.Label}
}

var gapStyles = func() []gapStyle {
	var out []gapStyle
	for _, s := range palette.Gaps() {
		out = append(out, hexStyle(s))
	}
	return out
}()

// unassessed is the zone colour when no assessment result is given.
var unassessed = hexStyle(palette.NotAssessed)

// outOfScope is the zone colour of zones outside the SUC.
var outOfScope = hexStyle(palette.OutOfScope)

func styleForGap(g int) gapStyle {
	return gapStyles[min(max(g, 0), len(gapStyles)-1)]
}

// maxGap is the largest gap over the seven FRs.
func maxGap(v model.SLVector) int {
	m := 0
	for _, g := range v {
		m = max(m, g)
	}
	return m
}

// classStyle is the glyph and colour of an asset class. The glyphs exist in
// DejaVu Sans, so SVG viewers, the PNG and the PDF all show them.
type classStyle struct {
	glyph, color string
}

var classStyles = map[model.AssetClass]classStyle{
	model.ClassHost:        {"■", "#0072b2"},
	model.ClassEmbedded:    {"⚙", "#d55e00"},
	model.ClassNetwork:     {"◆", "#009e73"},
	model.ClassApplication: {"●", "#cc79a7"},
}

func styleForClass(c model.AssetClass) classStyle {
	if s, ok := classStyles[c]; ok {
		return s
	}
	return classStyle{"?", "#666666"}
}

// conduitStyle is how a conduit type is drawn: Okabe-Ito colours (safe for
// colour-blind readers) plus a line style and a text tag, so no type is told
// by colour alone.
type conduitStyle struct {
	color   string
	style   string // Graphviz edge style
	penw    float64
	tag     string // short text marker on the conduit label
	oneWay  bool
	legend  string // sample line for the legend
	summary string // legend text after the tag, so it does not repeat it
}

var conduitStyles = map[model.ConduitType]conduitStyle{
	model.ConduitRouted:         {"#555555", "solid", 1.5, "routed", false, "━━━━", "network without filtering"},
	model.ConduitFirewall:       {"#d55e00", "bold", 3, "▦ FW", false, "━━━━", "firewall-filtered"},
	model.ConduitGateway:        {"#cc79a7", "bold", 3, "⇆ GW", false, "━━━━", "application gateway / proxy"},
	model.ConduitUnidirectional: {"#0072b2", "bold", 3, "→ diode", true, "━━━▶", "unidirectional gateway (one way)"},
	model.ConduitVPN:            {"#009e73", "dashed", 2, "VPN", false, "╍╍╍╍", "encrypted tunnel"},
	model.ConduitSerial:         {"#8c6d31", "solid", 1, "∿ serial", false, "────", "point-to-point line"},
	model.ConduitWireless:       {"#56b4e9", "dotted", 2.5, "≋ wireless", false, "┈┈┈┈", "radio link"},
	model.ConduitRemovableMedia: {"#e69f00", "dotted", 2.5, "⏏ media", false, "┈┈┈┈", "USB stick or laptop carried between zones"},
}

func styleForConduit(t model.ConduitType) conduitStyle {
	if s, ok := conduitStyles[t]; ok {
		return s
	}
	return conduitStyle{"#555555", "solid", 1.5, clean(string(t), 20), false, "━━━━", "other"}
}

// conduitTag is the type marker on a conduit's label in the catalogue's
// language: the glyph of the style, then its word ("→ diode", "→ Diode");
// abbreviations (FW, GW, VPN) stay as they are.
func conduitTag(c *i18n.Catalog, t model.ConduitType) string {
	tag := styleForConduit(t).tag
	key := "diagram.tag." + string(t)
	if c == nil || !c.Has(key) {
		return tag
	}
	glyph := ""
	if i := strings.LastIndex(tag, " "); i >= 0 {
		glyph = tag[:i+1]
	}
	return glyph + c.T(key)
}

// gapLabel is the gap swatch's label ("gap 2") in the catalogue's language.
func gapLabel(c *i18n.Catalog, st gapStyle) string {
	for i, g := range gapStyles {
		if g.label == st.label && c != nil {
			return c.T("diagram.gap." + strconv.Itoa(i))
		}
	}
	return st.label
}

// levelText is "Level 3.5" on a zone card, in the catalogue's language
// (with its decimal mark).
func levelText(c *i18n.Catalog, l float64) string {
	if c == nil {
		return "Level " + formatLevel(l)
	}
	n := c.Number(l, 0)
	if l != float64(int(l)) {
		n = c.Number(l, 1)
	}
	return c.T("diagram.card.level", map[string]string{"Level": n})
}

// bandNameIn names a Purdue level in the catalogue's language.
func bandNameIn(c *i18n.Catalog, level float64) string {
	if bandName(level) == "" {
		return ""
	}
	return c.T("diagram.band." + formatLevel(level))
}

// bandName names a Purdue level for the band labels on the left.
func bandName(level float64) string {
	switch level {
	case 5:
		return "Enterprise / internet"
	case 4:
		return "Business network"
	case 3.5:
		return "Industrial DMZ"
	case 3:
		return "Site operations"
	case 2:
		return "Supervisory control"
	case 1:
		return "Basic control"
	case 0:
		return "Process / field"
	}
	return ""
}

// formatLevel writes a Purdue level as "3.5" or "2".
func formatLevel(l float64) string { return strconv.FormatFloat(l, 'f', -1, 64) }

// ClassColor is the colour of an asset class's glyph ("#0072b2" for host
// devices), for drawings made outside this package (draw.io).
func ClassColor(c model.AssetClass) string { return styleForClass(c).color }

// ConduitColor is the colour of a conduit type and whether it is drawn
// one way (with an arrow), for drawings made outside this package.
func ConduitColor(t model.ConduitType) (color string, oneWay bool) {
	s := styleForConduit(t)
	return s.color, s.oneWay
}

// BandName names the Purdue band of a level ("Industrial DMZ" for 3.5), or
// "" for a level between the standard ones.
func BandName(level float64) string { return bandName(level) }
