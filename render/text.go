package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Display limits: names longer than these are cut with "…" on the diagram
// (the full name stays in the SVG tooltip).
const (
	maxNameRunes    = 40
	maxAssetRunes   = 48
	maxTooltipRunes = 400
)

// clean makes any user text safe to show on one line: invalid UTF-8 becomes
// U+FFFD, line breaks and tabs become spaces, other control characters and
// bidirectional override marks (which could reorder neighbouring text) are
// dropped, runs of spaces collapse and the result is cut to max runes with
// "…". It does not escape: see html and quoteDOT.
func clean(s string, max int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	out := make([]rune, 0, min(len(s), max+1))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = len(out) > 0
			continue
		case unicode.IsControl(r), isBidiControl(r), r == '\uFEFF', r == '\uFFFE', r == '\uFFFF':
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, r)
		if len(out) > max {
			return string(out[:max-1]) + "…"
		}
	}
	return string(out)
}

// isBidiControl reports the explicit embedding, override and isolate marks.
func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u200E' || r == '\u200F' || r == '\u061C'
}

// html escapes cleaned text for a Graphviz HTML-like label (XML character
// data): only & < > " ' need it once control characters are gone.
func html(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		case '\\':
			// Graphviz expands \N, \G, \L... even in HTML-like labels, after
			// entities are decoded: a doubled backslash shows as one.
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quoteDOT returns s as a DOT double-quoted string for an escString attribute
// (tooltip): a backslash is doubled so that Graphviz's \N, \G, \n and friends
// cannot be triggered, and a quote is escaped.
func quoteDOT(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// safeID maps a model ID to characters that are safe in DOT, SVG id
// attributes and CSS selectors: letters, digits and '-' pass, anything else
// becomes '_' followed by its hex code, so distinct IDs stay distinct.
func safeID(id string) string {
	var b strings.Builder
	for _, c := range []byte(id) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-':
			b.WriteByte(c)
		default:
			const hex = "0123456789abcdef"
			b.WriteByte('_')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
