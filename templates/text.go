package templates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is a string taken from the project (a name, a description, a label).
// When a template prints it, it is escaped for Markdown: every character that
// Markdown, HTML or a table could read as syntax where it stands is
// backslash-escaped and line breaks become spaces, so that a zone named "**x** | y <b>" prints
// literally, also inside a table cell. Template functions that transform text
// (upper, join, …) keep the result a Text so that it is still escaped when
// printed; only para and fence return finished Markdown.
type Text string

// String returns the Markdown-escaped text; text/template calls it when the
// value is printed.
func (t Text) String() string { return EscapeMarkdown(string(t)) }

// IsEmpty reports whether the text is empty or only white space.
func (t Text) IsEmpty() bool { return strings.TrimSpace(string(t)) == "" }

// EscapeMarkdown escapes s for use inline in Markdown, a heading or a table
// cell. It backslash-escapes only what could be read as syntax where it
// stands, so that ordinary names stay readable in the Markdown source:
//
//   - always: * ` [ ] | ~ (emphasis, code, links, table cells, strike-through)
//   - < before anything but a blank or the end (HTML and autolinks)
//   - & that starts an entity such as &amp; or &#60;
//   - _ at a word boundary (intraword "PLC_01" is left alone)
//   - \ before punctuation or at the end (it would escape or break the line)
//   - at the start, what would open a block: "- " or "+ " (list items),
//     "# " (headings), ">" (block quotes), "---" or "===" (rules and
//     underlines), "1. " or "1) " (ordered lists); and a trailing " #" run
//     (a heading's closing sequence)
//
// Line breaks and tabs become single spaces, other control characters are
// dropped, and leading and trailing space is trimmed.
func EscapeMarkdown(s string) string {
	s = flatten(truncate(s, maxInline))
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return 0
		}
		return rs[i]
	}
	// The start of a trailing run of '#' preceded by a space.
	closing := len(rs)
	for closing > 0 && rs[closing-1] == '#' {
		closing--
	}
	if closing == len(rs) || closing == 0 || rs[closing-1] != ' ' {
		closing = len(rs)
	}
	digits := true // only digits so far: "1." or "1)" would start a list
	for i, r := range rs {
		esc := false
		switch r {
		case '*', '`', '[', ']', '|', '~':
			esc = true
		case '<':
			// HTML needs a letter, /, ! or ? next, but an e-mail autolink
			// may start with a digit or a sign ("<1@x>"): escape every <
			// that is not followed by a blank or the end.
			n := at(i + 1)
			esc = n != 0 && n != ' '
		case '&':
			esc = startsEntity(rs[i+1:])
		case '_':
			esc = !isWordRune(at(i-1)) || !isWordRune(at(i+1))
		case '\\':
			n := at(i + 1)
			esc = n == 0 || (n < 0x80 && unicode.IsPunct(n)) || (n < 0x80 && unicode.IsSymbol(n))
		case '-', '+', '=', '>', '#':
			esc = (i == 0 && startsBlock(rs)) || (r == '#' && i >= closing)
		case '.', ')':
			esc = digits && i > 0 && (at(i+1) == 0 || at(i+1) == ' ')
		}
		if esc {
			b.WriteByte('\\')
		}
		digits = digits && r >= '0' && r <= '9'
		b.WriteRune(r)
	}
	return b.String()
}

// startsBlock reports whether text starting a line would open a block:
// a list item ("- x", "+ x"), a heading ("# x", "## x"), a block quote
// ("> x", ">x"), or a thematic break or setext underline ("---", "===").
func startsBlock(rs []rune) bool {
	first := rs[0]
	if first == '>' {
		return true
	}
	if first == '#' {
		i := 0
		for i < len(rs) && rs[i] == '#' {
			i++
		}
		return i <= 6 && (i == len(rs) || rs[i] == ' ')
	}
	if (first == '-' || first == '+') && (len(rs) == 1 || rs[1] == ' ') {
		return true
	}
	for _, r := range rs { // only -, = (or spaces): a rule or an underline
		if r != first && r != ' ' {
			return false
		}
	}
	return first == '-' || first == '='
}

func isWordRune(r rune) bool { return r != 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// startsEntity reports whether rs (the text after an '&') is an HTML entity
// or numeric character reference: letters or #digits, then ';'.
func startsEntity(rs []rune) bool {
	for i, r := range rs {
		switch {
		case r == ';':
			return i > 0
		case i > 32:
			return false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (i == 0 && r == '#'):
		default:
			return false
		}
	}
	return false
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
	for _, p := range strings.Split(truncate(s, maxPara), "\n\n") {
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
	return `"` + strings.ReplaceAll(flatten(truncate(s, maxName)), `"`, `""`) + `"`
}

// Limits on how much of one project string a document prints. Names are
// meant to be short; a pathological 100,000-character name would otherwise
// fill hundreds of pages every time it is mentioned.
const (
	maxName   = 200   // names, vendors, models
	maxInline = 2000  // any value printed inline
	maxPara   = 20000 // multi-line descriptions
)

// truncate cuts s to at most n runes, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for pos := range s {
		if i == n-1 {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}

// name makes a Text of a name, shortened to maxName runes.
func name(s string) Text { return Text(truncate(s, maxName)) }
