package pdf

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"

	"zonewise/assets"
)

// face names one of the embedded font files; text is cleaned against the
// glyph coverage of the face it is drawn in.
type face int

const (
	faceRegular face = iota
	faceBold
	faceItalic
	faceBoldItalic
	faceMono
	faceCount
)

// fontFiles are the files in assets.Fonts, indexed by face.
var fontFiles = [faceCount]string{
	"fonts/DejaVuSans.ttf",
	"fonts/DejaVuSans-Bold.ttf",
	"fonts/DejaVuSans-Oblique.ttf",
	"fonts/DejaVuSans-BoldOblique.ttf",
	"fonts/DejaVuSansMono.ttf",
}

// placeholder replaces any character the font cannot draw (emoji, most CJK).
const placeholder = '□'

// fontData loads the embedded fonts once; coverage caches which runes each
// face can draw, since sfnt lookups are too slow to repeat per character.
var (
	fontOnce  sync.Once
	fontBytes [faceCount][]byte
	fontErr   error
	sfntFonts [faceCount]*sfnt.Font

	coverMu  sync.Mutex
	coverage [faceCount]map[rune]bool
)

func loadFonts() error {
	fontOnce.Do(func() {
		for i, name := range fontFiles {
			b, err := assets.Fonts.ReadFile(name)
			if err != nil {
				fontErr = err
				return
			}
			fnt, err := sfnt.Parse(b)
			if err != nil {
				fontErr = err
				return
			}
			fontBytes[i] = b
			sfntFonts[i] = fnt
			coverage[i] = make(map[rune]bool)
		}
	})
	return fontErr
}

// covered reports whether face fc has a glyph for r that fpdf can
// embed: fpdf's UTF-8 fonts stop at the Basic Multilingual Plane.
func covered(fc face, r rune) bool {
	if r < 0x7f && r >= 0x20 {
		return true
	}
	if r > 0xffff {
		return false
	}
	coverMu.Lock()
	defer coverMu.Unlock()
	if ok, seen := coverage[fc][r]; seen {
		return ok
	}
	var buf sfnt.Buffer
	gi, err := sfntFonts[fc].GlyphIndex(&buf, r)
	ok := err == nil && gi != 0
	coverage[fc][r] = ok
	return ok
}

// clean makes s safe to draw in face fc: control and format characters
// (including bidi overrides and zero-width joiners) are removed, tabs and
// line breaks become spaces, invalid UTF-8 and characters the font lacks
// become a placeholder. Text is drawn left to right as stored; right-to-left
// scripts are not reordered.
func clean(s string, fc face) string {
	ok := true
	for _, r := range s {
		if r < 0x20 || r >= 0x7f {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prevRI := false // the previous rune opened a regional-indicator flag
	for i, r := range s {
		if isRegional(r) {
			// a flag is two regional indicators: one placeholder for both
			if prevRI {
				prevRI = false
				continue
			}
			prevRI = true
		} else {
			prevRI = false
		}
		switch {
		case r >= 0x1f3fb && r <= 0x1f3ff:
			// an emoji skin-tone modifier: part of the previous emoji
		case r == utf8.RuneError:
			_, size := utf8.DecodeRuneInString(s[i:])
			if size <= 1 {
				b.WriteRune(placeholder)
				continue
			}
			if covered(fc, r) {
				b.WriteRune(r)
			} else {
				b.WriteRune(placeholder)
			}
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r == '\u00a0' && !covered(fc, r):
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r):
			// dropped: invisible, and some (U+202E) would reorder text
		case unicode.Is(unicode.Mn, r) && !covered(fc, r):
			// a combining mark the font lacks: drop it rather than
			// print a box after every accented letter
		case covered(fc, r):
			b.WriteRune(r)
		default:
			b.WriteRune(placeholder)
		}
	}
	return b.String()
}

// SafeText returns s cleaned for drawing in the regular DejaVu font, as
// Render does with all text: control characters removed, characters the
// font (or fpdf) cannot draw, such as emoji, replaced by "□". Figures that
// draw text themselves should pass it through SafeText: fpdf panics on
// characters beyond U+FFFF.
func SafeText(s string) string {
	if loadFonts() != nil {
		return s
	}
	return clean(s, faceRegular)
}

// isRegional reports whether r is a regional indicator (flag letter).
func isRegional(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }
