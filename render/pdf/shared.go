package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// This file exports what another renderer of the same Markdown (the Word
// renderer, render/docx) needs so that both read the zw-* blocks and colour
// them the same way: one home for the options, the CSV rules and the
// palette.

// RGB is a colour with 8-bit components.
type RGB struct{ R, G, B uint8 }

// Hex is the colour as RRGGBB, the form WordprocessingML and CSS use.
func (c RGB) Hex() string { return fmt.Sprintf("%02X%02X%02X", c.R, c.G, c.B) }

func exported(c rgb) RGB { return RGB{uint8(c.r), uint8(c.g), uint8(c.b)} }

// Palette is the corporate look of the documents.
type Palette struct {
	Text, Muted, Heading, Accent, Rule, Link  RGB
	CodeBg, NoteBg, NoteBar, TableHead, Zebra RGB
}

// Colors returns the palette the PDF documents are printed in.
func Colors() Palette {
	return Palette{
		Text: exported(colText), Muted: exported(colMuted), Heading: exported(colHeading),
		Accent: exported(colAccent), Rule: exported(colRule), Link: exported(colLink),
		CodeBg: exported(colCodeBg), NoteBg: exported(colNoteBg), NoteBar: exported(colNoteBar),
		TableHead: exported(colTableHead), Zebra: exported(colZebra),
	}
}

// ParseInfo splits a fenced block's info string into the extension name and
// its key=value options (a bare word is an option with value "true"), as
// the package documentation describes.
func ParseInfo(info string) (name string, opts map[string]string) { return parseInfo(info) }

// ParseCSV reads the body of a zw-* block: comma separated rows of any
// length, fields trimmed; an empty body is an error.
func ParseCSV(body string) ([][]string, error) { return parseCSV(body) }

// HeatScale colours the value cells of a zw-heatmap block.
type HeatScale struct {
	lo, hi float64
	stops  []rgb
	invert bool
}

// NewHeatScale reads the options min, max, colors and invert of a
// zw-heatmap block.
func NewHeatScale(opts map[string]string) (HeatScale, error) {
	lo, err := optFloat(opts, "min", 0)
	if err != nil {
		return HeatScale{}, err
	}
	hi, err := optFloat(opts, "max", 4)
	if err != nil {
		return HeatScale{}, err
	}
	if hi <= lo {
		return HeatScale{}, fmt.Errorf("option max=%v: want more than min=%v", hi, lo)
	}
	stops := heatStops
	if s, ok := opts["colors"]; ok {
		stops = nil
		for _, c := range strings.Split(s, ",") {
			col, err := parseColor(c)
			if err != nil {
				return HeatScale{}, fmt.Errorf("option colors: %w", err)
			}
			stops = append(stops, col)
		}
		if len(stops) < 2 {
			return HeatScale{}, fmt.Errorf("option colors: want at least 2 colours")
		}
	}
	_, invert := opts["invert"]
	return HeatScale{lo: lo, hi: hi, stops: stops, invert: invert}, nil
}

// Cell reads a value cell: a number, or "VALUE|TEXT", is coloured on the
// scale (ok) and shows show; any other text stays white.
func (s HeatScale) Cell(txt string) (show string, fill RGB, ok bool) {
	c, show, ok := s.cell(txt)
	return show, exported(c), ok
}

func (s HeatScale) cell(txt string) (rgb, string, bool) {
	val, ok, show := 0.0, false, txt
	if v, err := strconv.ParseFloat(txt, 64); err == nil && !math.IsNaN(v) {
		val, ok = v, true
	} else if a, b, cut := strings.Cut(txt, "|"); cut {
		if v, err := strconv.ParseFloat(strings.TrimSpace(a), 64); err == nil && !math.IsNaN(v) {
			val, ok, show = v, true, strings.TrimSpace(b)
		}
	}
	if !ok {
		return rgb{}, show, false
	}
	t := (val - s.lo) / (s.hi - s.lo)
	if s.invert {
		t = 1 - t
	}
	return heatColor(s.stops, t), show, true
}

// LevelColor is the fill of a risk matrix cell: the colour of the first of
// the words low, medium, high or critical in s.
func LevelColor(s string) (RGB, bool) {
	c, ok := levelColor(s)
	return exported(c), ok
}

// BarColor is the colour of a zw-bars bar filled to ratio (0..1): green
// from 80 %, amber from 50 %, red below.
func BarColor(ratio float64) RGB { return exported(barColor(ratio)) }

func barColor(ratio float64) rgb {
	switch {
	case ratio >= 0.8:
		return rgb{0x4c, 0xa3, 0x5a}
	case ratio >= 0.5:
		return rgb{0xf0, 0xa8, 0x3c}
	}
	return rgb{0xd6, 0x55, 0x4f}
}

// BarText is the text beside a zw-bars bar: "value / max (pct %)", with
// unit=TEXT "value / max TEXT (pct %)", with unit=% only "pct %".
func BarText(val, maxV float64, unit string) string {
	pct := int(math.Round(100 * val / maxV))
	switch unit {
	case "%":
		return fmt.Sprintf("%d %%", pct)
	case "":
		return fmt.Sprintf("%s / %s (%d %%)", num(val), num(maxV), pct)
	}
	return fmt.Sprintf("%s / %s %s (%d %%)", num(val), num(maxV), unit, pct)
}

// Bar is one row of a zw-bars block.
type Bar struct {
	Label    string
	Val, Max float64
}

// ParseBars reads the rows of a zw-bars block with its option max.
func ParseBars(rows [][]string, opts map[string]string) ([]Bar, error) {
	defMax, err := optFloat(opts, "max", 0)
	if err != nil {
		return nil, err
	}
	var bs []Bar
	for i, row := range rows {
		if len(row) < 2 {
			return nil, fmt.Errorf("row %d: want label,value,max", i+1)
		}
		v, err := strconv.ParseFloat(row[1], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			if i == 0 {
				continue // a header row
			}
			return nil, fmt.Errorf("row %d: value %q: want a number", i+1, row[1])
		}
		m := defMax
		if len(row) >= 3 && row[2] != "" {
			m, err = strconv.ParseFloat(row[2], 64)
			if err != nil || math.IsNaN(m) || math.IsInf(m, 0) {
				return nil, fmt.Errorf("row %d: max %q: want a number", i+1, row[2])
			}
		}
		if m <= 0 {
			return nil, fmt.Errorf("row %d: want a maximum above 0 (third field or max=)", i+1)
		}
		bs = append(bs, Bar{row[0], v, m})
	}
	return bs, nil
}
