package docx

import (
	"strings"
	"unicode/utf8"
)

// maxRunes bounds one text (a cell, a heading, a title): a hostile value of
// megabytes would make a document Word needs minutes to open.
const maxRunes = 100_000

// clean makes s safe to put into XML 1.0 text or an attribute: invalid
// UTF-8 becomes U+FFFD, characters XML forbids (C0 controls, U+FFFE,
// U+FFFF) are dropped, tabs and line ends become spaces, and the text is
// cut at maxRunes.
func clean(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 {
			ok = false
			break
		}
	}
	if ok && len(s) <= maxRunes {
		return s
	}
	var b strings.Builder
	b.Grow(min(len(s), 4*maxRunes))
	n := 0
	for i, r := range s {
		if n == maxRunes {
			b.WriteString("…")
			break
		}
		n++
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				b.WriteRune('\uFFFD')
			} else {
				b.WriteRune(r) // a real U+FFFD
			}
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			// not allowed in XML 1.0
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// esc cleans s and escapes it for XML text and double-quoted attributes.
func esc(s string) string { return escaper.Replace(clean(s)) }

// truncate cuts s to at most n runes.
func truncate(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// twips converts millimetres to twips.
func twips(mmv float64) int { return int(mmv * mm) }
