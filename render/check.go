package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// ids lists the element ids the scene's diagram must contain: every zone,
// every conduit node and every edge from a conduit to one of its zones.
func (s *scene) ids() []string {
	var out []string
	for _, z := range s.zones {
		out = append(out, zoneIDPrefix+safeID(string(z.ID)))
	}
	for _, c := range s.conduits {
		id := conduitIDPrefix + safeID(string(c.ID))
		out = append(out, id)
		for k := 1; k <= len(s.conduitZones(c)); k++ {
			out = append(out, id+"-"+strconv.Itoa(k))
		}
	}
	return out
}

// checkIDs returns an error naming the first zone or conduit id missing from
// the ids found in Graphviz output: dot has been seen to drop edges silently.
func (s *scene) checkIDs(found map[string]bool) error {
	missing := 0
	first := ""
	for _, id := range s.ids() {
		if !found[id] {
			if missing == 0 {
				first = id
			}
			missing++
		}
	}
	if missing > 0 {
		return fmt.Errorf("graphviz output lacks %d of the diagram's zones and conduits, first %s", missing, first)
	}
	return nil
}

// svgIDs returns the id attributes of an SVG document, or an error when it
// is not well-formed XML.
func svgIDs(svg []byte) (map[string]bool, error) {
	out := map[string]bool{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("graphviz SVG is not well-formed: %w", err)
		}
		if el, ok := tok.(xml.StartElement); ok {
			for _, a := range el.Attr {
				if a.Name.Local == "id" {
					out[a.Value] = true
				}
			}
		}
	}
}
