package rules

import (
	"strings"
	"unicode/utf8"
)

// transliterations keep German names readable in ASCII-only rule files.
var transliterations = strings.NewReplacer(
	"ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss",
	"–", "-", "—", "-", "’", "'", "„", "", "“", "", "”", "",
)

// Identifier makes a chain or table name from free text: lower-case ASCII
// letters, digits and underscores, starting with a letter, at most max
// bytes. Whatever a name holds (quotes, semicolons, newlines, shell
// metacharacters), the result is a bare word in nftables and iptables.
func Identifier(s string, max int) string {
	s = transliterations.Replace(s)
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			under = false
		case !under && b.Len() > 0:
			b.WriteByte('_')
			under = true
		}
	}
	out := strings.TrimRight(b.String(), "_")
	if out == "" || out[0] < 'a' || out[0] > 'z' {
		out = "z_" + out
	}
	if len(out) > max {
		out = strings.TrimRight(out[:max], "_")
	}
	return out
}

// Comment makes free text safe inside a double-quoted comment of nftables
// or iptables-restore: printable ASCII without quotes, backslashes,
// semicolons, hashes, dollars, backticks or braces, one line, at most max
// bytes. Nothing a user types can end the comment or start a statement.
func Comment(s string, max int) string {
	s = transliterations.Replace(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '"' || r == '\'' {
			continue // dropped, not spaced: `port is "any"` reads port is any
		}
		ok := r >= 0x20 && r < 0x7f && !strings.ContainsRune("\"'\\;#$`{}|&<>", r)
		if !ok || r == ' ' {
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	out := strings.TrimSpace(b.String())
	if len(out) > max {
		out = strings.TrimSpace(out[:max])
	}
	if !utf8.ValidString(out) { // cannot happen: the output is ASCII
		return ""
	}
	return out
}
