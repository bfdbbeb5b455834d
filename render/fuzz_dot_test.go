package render

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode"

	"zonewise/model"
)

// dotSkeleton scans DOT source like Graphviz's scanner and returns its token
// kinds: punctuation as itself, "Q" for a quoted string, "H" for an HTML
// string and "I" for a bare ID. It fails on an unterminated string or
// comment, or on an HTML string that is not well-formed XML.
func dotSkeleton(src string) ([]string, error) {
	var out []string
	lineStart := true
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			lineStart = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '#' && lineStart, strings.HasPrefix(src[i:], "//"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return nil, fmt.Errorf("unterminated comment at byte %d", i)
			}
			i += end + 4
			continue
		}
		lineStart = false
		start := i
		switch {
		case c == '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			if i >= len(src) {
				return nil, fmt.Errorf("unterminated string at byte %d", start)
			}
			i++
			out = append(out, "Q")
		case c == '<':
			depth := 0
			for ; i < len(src); i++ {
				if src[i] == '<' {
					depth++
				} else if src[i] == '>' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			if i >= len(src) {
				return nil, fmt.Errorf("unterminated HTML string at byte %d", start)
			}
			i++
			dec := xml.NewDecoder(strings.NewReader("<root>" + src[start+1:i-1] + "</root>"))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					return nil, fmt.Errorf("HTML string at byte %d is not well-formed: %v", start, err)
				}
			}
			out = append(out, "H")
		case strings.HasPrefix(src[i:], "->"), strings.HasPrefix(src[i:], "--"):
			i += 2
			out = append(out, src[start:i])
		case strings.ContainsRune("{}[];=,:", rune(c)):
			i++
			out = append(out, src[start:i])
		default:
			for i < len(src) {
				r := rune(src[i])
				if !(r >= 0x80 || r == '_' || r == '.' || r == '-' && i == start || unicode.IsLetter(r) || unicode.IsDigit(r)) {
					break
				}
				i++
			}
			if i == start {
				return nil, fmt.Errorf("unexpected character %q at byte %d", c, i)
			}
			out = append(out, "I")
		}
	}
	return out, nil
}

// namedFixture is the fixture with every zone, conduit, asset and the
// project carrying the same name, and one zone the given ID, so that the
// drawing order does not depend on the name.
func namedFixture(name string, zoneID model.ID) *model.Project {
	p, _ := fixture()
	p.Name = name
	for i := range p.Zones {
		p.Zones[i].Name = name
	}
	for i := range p.Conduits {
		p.Conduits[i].Name = name
		for j := range p.Conduits[i].Flows {
			p.Conduits[i].Flows[j].Protocol = name
		}
	}
	for i := range p.Assets {
		p.Assets[i].Name = name
	}
	if zoneID != "" {
		old := p.Zones[0].ID
		p.Zones[0].ID = zoneID
		for i := range p.Assets {
			if p.Assets[i].ZoneID == old {
				p.Assets[i].ZoneID = zoneID
			}
		}
		for i := range p.Conduits {
			for j, id := range p.Conduits[i].ZoneIDs {
				if id == old {
					p.Conduits[i].ZoneIDs[j] = zoneID
				}
			}
		}
	}
	return p
}

// FuzzDOT: whatever the names and IDs, the DOT of a plant scans, its HTML
// labels are well-formed, and its token skeleton is that of the same plant
// with plain names: no name or ID can add a node, an edge or an attribute.
func FuzzDOT(f *testing.F) {
	for _, s := range []string{
		"a", `"]; evil -> x [`, "}", "{", "<b>x</b>", "<", "&", "&amp;", `\`, `\"`, "\\\n", "line\nbreak", "\x00\x01\x1b[31m",
		"\u202eRTL עברית", "🏭💧", "**x** | <script> {{.Name}} ]]>", "=HYPERLINK(\"x\")", "/* c", "// c", "#", "<!-- c -->",
		"]]>", "<![CDATA[", "-> --", strings.Repeat("Ä", 5000), "\xff\xfe", "\\N \\G \\L \\E \\T \\H",
	} {
		f.Add(s, "")
		f.Add("zone", s)
	}
	plain, err := dotSkeleton(string(DOT(namedFixture("a", "plain-id"), nil, View{})))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, name string, id string) {
		if strings.TrimSpace(name) == "" {
			name = "a" // an empty name may fall back to a different label
		}
		if id == "" {
			id = "plain-id"
		}
		dot := string(DOT(namedFixture(name, model.ID(id)), nil, View{}))
		got, err := dotSkeleton(dot)
		if err != nil {
			t.Fatalf("name %q, ID %q: %v", name, id, err)
		}
		if !slices.Equal(got, plain) {
			i := 0
			for i < min(len(got), len(plain)) && got[i] == plain[i] {
				i++
			}
			t.Fatalf("name %q, ID %q changes the DOT's structure at token %d: %v, want %v", name, id, i,
				got[i:min(len(got), i+8)], plain[i:min(len(plain), i+8)])
		}
	})
}
