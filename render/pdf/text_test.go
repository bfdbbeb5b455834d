package pdf

import "testing"

func TestClean(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string
		fc             face
	}{
		{"plain ASCII is kept", "Zone A-1 (DMZ)", "Zone A-1 (DMZ)", faceRegular},
		{"German letters are kept", "Größe Maß Übung", "Größe Maß Übung", faceBold},
		{"symbols in the font are kept", "≥ → € … – ·", "≥ → € … – ·", faceRegular},
		{"control characters are dropped", "a\x00b\x07c\x1bd", "abcd", faceRegular},
		{"tabs and line breaks become spaces", "a\tb\nc\r", "a b c ", faceRegular},
		{"bidi overrides and zero-width characters are dropped", "a\u202eb\u200bc\u200dd\ufeff", "abcd", faceRegular},
		{"an emoji becomes one placeholder", "ok 😀", "ok □", faceRegular},
		{"an emoji with skin tone becomes one placeholder", "👍🏽!", "□!", faceRegular},
		{"a flag becomes one placeholder", "🇩🇪🇫🇷", "□□", faceRegular},
		{"invalid UTF-8 becomes a placeholder", "a\xffb", "a□b", faceRegular},
		{"CJK missing from the font becomes placeholders", "中文", "□□", faceRegular},
		{"the mono face has its own coverage", "x ≥ y", "x ≥ y", faceMono},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := clean(tc.in, tc.fc); got != tc.want {
				t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseInfo(t *testing.T) {
	name, opts := parseInfo(`zw-matrix x="Consequence level" y=Likelihood invert`)
	if name != "zw-matrix" || opts["x"] != "Consequence level" || opts["y"] != "Likelihood" || opts["invert"] != "true" {
		t.Errorf("parseInfo = %q, %v", name, opts)
	}
}

func TestHeatColor(t *testing.T) {
	tests := []struct {
		name string
		t    float64
		want rgb
	}{
		{"the bottom of the scale is the first stop", 0, heatStops[0]},
		{"the top of the scale is the last stop", 1, heatStops[len(heatStops)-1]},
		{"values beyond the scale are clamped", 7, heatStops[len(heatStops)-1]},
		{"the middle is the middle stop", 0.5, heatStops[2]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := heatColor(heatStops, tc.t); got != tc.want {
				t.Errorf("heatColor(%v) = %v, want %v", tc.t, got, tc.want)
			}
		})
	}
}

func TestUnescape(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"backslash escapes print the character", `\*\*x\*\* \| y \<b\> \[l\]\(u\) \\ \# h`, `**x** | y <b> [l](u) \ # h`},
		{"a backslash before a letter stays", `C:\temp\new`, `C:\temp\new`},
		{"entities resolve", "&amp;amp; &lt; &euro; &#8364; &#x20AC;", "&amp; < € € €"},
		{"an unknown entity stays", "&nosuch; & x;", "&nosuch; & x;"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := unescape([]byte(tc.in)); got != tc.want {
				t.Errorf("unescape(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestRTLWord(t *testing.T) {
	tests := []struct {
		name, in, want string
		rtl            bool
	}{
		{"a Latin word stays", "Größe", "Größe", false},
		{"a Hebrew word is reversed", "שלום", "םולש", true},
		{"punctuation around it stays", "(שלום),", "(םולש),", true},
		{"a number inside keeps its order", "אב123ג", "ג123בא", true},
		{"a mixed word is left alone", "abcשלום", "abcשלום", false},
		{"Arabic is reversed", "مرحبا", "ابحرم", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, rtl := rtlWord(tc.in)
			if got != tc.want || rtl != tc.rtl {
				t.Errorf("rtlWord(%q) = %q, %v; want %q, %v", tc.in, got, rtl, tc.want, tc.rtl)
			}
		})
	}
}
