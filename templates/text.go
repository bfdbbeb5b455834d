package templates

import (
	"strings"
	"unicode"
)

// Text is a string taken from the project (a name, a description, a label).
// When a template prints it, it is escaped for Markdown: every character that
// Markdown, HTML or a table could read as syntax is backslash-escaped and
// line breaks become spaces, so that a zone named "**x** | y <b>" prints
// literally, also inside a table cell. Template functions that transform text
// (upper, join, …) keep the result a Text so that it is still escaped when
// printed; only para and fence return finished Markdown.
type Text string

// String returns the Markdown-escaped text; text/template calls it when the
// value is printed.
func (t Text) String() string { return EscapeMarkdown(string(t)) }

// IsEmpty reports whether the text is empty or only white space.
func (t Text) IsEmpty() bool { return strings.TrimSpace(string(t)) == "" }

// markdownSpecial are the ASCII punctuation characters escaped anywhere in
// model text. CommonMark allows a backslash before any ASCII punctuation, so
// escaping more than strictly needed never changes what is shown.
const markdownSpecial = "\\`*_{}[]()<>#|~&!"

// EscapeMarkdown escapes s for use inline in Markdown, a heading or a table
// cell: ASCII punctuation that could start Markdown, HTML, an entity or a
// cell boundary gets a backslash, as does a leading list or block marker
// ("-", "+", "=", "1." ); line breaks and tabs become single spaces; other
// control characters are dropped; leading and trailing space is trimmed.
func EscapeMarkdown(s string) string {
	s = flatten(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	digits := true // only digits so far: "1." or "1)" would start a list
	for i, r := range s {
		switch {
		case r < 0x80 && strings.ContainsRune(markdownSpecial, r),
			i == 0 && (r == '-' || r == '+' || r == '='),
			digits && i > 0 && r == '.':
			b.WriteByte('\\')
		}
		digits = digits && r >= '0' && r <= '9'
		b.WriteRune(r)
	}
	return b.String()
}

// flatten turns line breaks and tabs into single spaces, drops other control
// characters and collapses runs of spaces.
func flatten(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029' || r == ' ' || r == '\u00a0':
			space = true
			continue
		case unicode.IsControl(r) || r == '\ufeff':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// paragraphs escapes multi-line text as Markdown paragraphs: blank lines
// separate paragraphs, single line breaks are kept as spaces.
func paragraphs(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if e := EscapeMarkdown(p); e != "" {
			out = append(out, e)
		}
	}
	return strings.Join(out, "\n\n")
}

// fenceText makes s one quoted CSV field for the body of a zw-* fenced
// block: one line, no control characters, quotes doubled. Because the field
// starts with a quote, no value can end the fenced block early.
func fenceText(s string) string {
	return `"` + strings.ReplaceAll(flatten(s), `"`, `""`) + `"`
}
