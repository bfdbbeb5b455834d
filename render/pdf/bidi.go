package pdf

import (
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// Right-to-left text (Hebrew, Arabic) is stored in logical order but must
// be drawn in visual order. Documents are left-to-right, so a simplified
// version of the Unicode bidirectional algorithm is enough: a word whose
// strong characters are all right-to-left is drawn reversed (numbers in it
// keep their order, punctuation around it stays where it is), and a run
// of such words on a line is drawn right to left. Arabic letters are not
// joined into their contextual forms.

// strongDir classifies r: +1 left-to-right, -1 right-to-left, 0 neutral.
func strongDir(r rune) int {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.L:
		return 1
	case bidi.R, bidi.AL:
		return -1
	}
	return 0
}

// rtlWord reports whether s is a right-to-left word and returns it in
// visual order.
func rtlWord(s string) (string, bool) {
	rs := []rune(s)
	first, last := -1, -1
	for i, r := range rs {
		switch strongDir(r) {
		case 1:
			return s, false
		case -1:
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return s, false
	}
	core := rs[first : last+1]
	// clusters: a base character with its combining marks, digits kept
	// together as one left-to-right number
	var clusters [][]rune
	for i := 0; i < len(core); {
		j := i + 1
		if unicode.IsDigit(core[i]) {
			for j < len(core) && (unicode.IsDigit(core[j]) || (core[j] == '.' || core[j] == ',') && j+1 < len(core) && unicode.IsDigit(core[j+1])) {
				j++
			}
		}
		for j < len(core) && unicode.Is(unicode.Mn, core[j]) {
			j++
		}
		clusters = append(clusters, core[i:j])
		i = j
	}
	out := make([]rune, 0, len(rs))
	out = append(out, rs[:first]...)
	for i := len(clusters) - 1; i >= 0; i-- {
		out = append(out, mirror(clusters[i])...)
	}
	out = append(out, rs[last+1:]...)
	return string(out), true
}

// mirror swaps paired brackets inside reversed text: "(" drawn in a
// right-to-left word must look like ")".
func mirror(c []rune) []rune {
	if len(c) != 1 {
		return c
	}
	switch c[0] {
	case '(':
		return []rune{')'}
	case ')':
		return []rune{'('}
	case '[':
		return []rune{']'}
	case ']':
		return []rune{'['}
	case '<':
		return []rune{'>'}
	case '>':
		return []rune{'<'}
	}
	return c
}

// visualOrder rewrites a laid-out line for drawing: right-to-left words
// reversed, and each run of consecutive right-to-left words mirrored in
// place. The line's width does not change.
func visualOrder(l line) line {
	rtl := make([]bool, len(l.items))
	any := false
	for i, it := range l.items {
		if t, ok := rtlWord(it.text); ok {
			if !any {
				l.items = append([]placed(nil), l.items...)
				any = true
			}
			l.items[i].text = t
			rtl[i] = true
		}
	}
	if !any {
		return l
	}
	for i := 0; i < len(l.items); {
		if !rtl[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(l.items) && rtl[j+1] {
			j++
		}
		start, end := l.items[i].x, l.items[j].x+l.items[j].w
		for k := i; k <= j; k++ {
			l.items[k].x = start + end - (l.items[k].x + l.items[k].w)
		}
		i = j + 1
	}
	return l
}
