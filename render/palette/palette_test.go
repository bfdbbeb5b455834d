package palette

import (
	"image/color"
	"math"
	"testing"

	"zonewise/model"
)

// luminance is the relative luminance of WCAG 2.
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

func contrast(a, b color.NRGBA) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestPalette(t *testing.T) {
	t.Run("gaps below 0 and above 3 take the nearest step", func(t *testing.T) {
		if Gap(-2) != Gaps()[0] || Gap(7) != Gaps()[3] || Gap(2) != Gaps()[2] {
			t.Error("Gap does not clamp to the four steps")
		}
	})
	t.Run("text on every gap swatch has a contrast of at least 4.5:1", func(t *testing.T) {
		for _, s := range append(Gaps(), NotAssessed) {
			if c := contrast(s.Fill, s.Text); c < 4.5 {
				t.Errorf("%s: contrast %.2f", s.Label, c)
			}
		}
	})
	t.Run("the gap ramp darkens with the gap", func(t *testing.T) {
		g := Gaps()
		for i := 1; i < len(g); i++ {
			if luminance(g[i].Fill) >= luminance(g[i-1].Fill) {
				t.Errorf("%s is not darker than %s", g[i].Label, g[i-1].Label)
			}
		}
	})
	t.Run("ink reads on every risk level", func(t *testing.T) {
		for _, l := range model.RiskLevels() {
			c, ok := Risk(l)
			if !ok {
				t.Fatalf("no colour for risk level %q", l)
			}
			if r := contrast(c, Ink); r < 4.5 {
				t.Errorf("%s: ink contrast %.2f", l, r)
			}
		}
	})
	t.Run("an unknown risk level is grey and reported", func(t *testing.T) {
		if c, ok := Risk("extreme"); ok || c != NoLevel {
			t.Errorf("Risk(extreme) = %v, %v; want NoLevel, false", c, ok)
		}
	})
	t.Run("hex writes six lower-case digits without alpha", func(t *testing.T) {
		if got := Hex(color.NRGBA{0xd7, 0x30, 0x1f, 0x80}); got != "#d7301f" {
			t.Errorf("Hex = %q", got)
		}
	})
}
