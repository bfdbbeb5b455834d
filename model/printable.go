package model

import (
	"strings"
	"unicode"
)

// Printable makes text from a project file safe to show on one line (a
// terminal summary, a validation finding): control characters (newlines,
// escape sequences), line and paragraph separators, and invisible format
// characters (bidirectional overrides and isolates, zero-width spaces, tag
// characters) become '?', so that a name can neither break the line, nor
// recolour the terminal or move its cursor, nor reorder or hide what is shown.
//
// Two format characters are kept: the zero-width joiner (U+200D) and
// non-joiner (U+200C). They are part of correctly spelled text rather than a
// way to disguise it: the joiner builds emoji sequences such as 👩‍🔧 and
// the conjuncts of Indic scripts; the non-joiner is required in Persian and
// marks where German typography must not form a ligature ("Auf‌lage"). Neither
// can break a line or change the direction of text. A soft hyphen (U+00AD)
// is only a hint where a word may be broken across lines, so on one line it
// is dropped rather than shown as '?'.
func Printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u200c' || r == '\u200d':
			return r
		case r == '\u00ad':
			return -1
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r):
			return '?'
		}
		return r
	}, s)
}
