package cli

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Longest name and longest finding line the terminal summary prints.
const (
	maxNameRunes = 60
	maxLineRunes = 300
)

// printable makes text from a project file safe for a terminal line: control
// characters (newlines, escape sequences) and bidirectional or other
// invisible formatting characters become '?', and text longer than n runes
// is cut with "…". A name can then neither break a line of the summary, nor
// recolour or move the cursor, nor reorder what is shown.
func printable(s string, n int) string {
	clean := strings.Map(func(r rune) rune {
		if r == '\u200d' { // zero-width joiner inside emoji sequences
			return r
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return '?'
		}
		return r
	}, s)
	if utf8.RuneCountInString(clean) <= n {
		return clean
	}
	return string([]rune(clean)[:n]) + "…"
}
