package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Date writes a calendar date the way the language's readers expect it:
// 2026-12-04 in English documents (ISO 8601, unambiguous for international
// readers), 04.12.2026 in German ones (DIN 5008).
func (c *Catalog) Date(t time.Time) string {
	if c.lang == DE {
		return t.Format("02.01.2006")
	}
	return t.Format("2006-01-02")
}

// Number writes f with the given number of decimals and the language's
// separators: 1,234.5 in English, 1.234,5 in German.
func (c *Catalog) Number(f float64, decimals int) string {
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	group, point := ",", "."
	if c.lang == DE {
		group, point = ".", ","
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// Int writes n with the language's thousands separator.
func (c *Catalog) Int(n int) string { return c.Number(float64(n), 0) }
