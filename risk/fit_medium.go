package risk

import (
	"fmt"
	"slices"

	"zonewise/model"
)

// fitMedium: a measure that lists conduit media fits a conduit only on one
// of them, and a zone only if one of the zone's conduits runs on one of
// them (for wireless, a wireless zone or an asset exposed to wireless also
// counts). An IDS watches network traffic, which a USB stick does not make;
// a wireless IDS has nothing to watch in a zone with no radio. A zone with
// no conduits recorded is not held against the measure.
func fitMedium(m *Measure, t *fitTarget) string {
	if len(m.Media) == 0 {
		return ""
	}
	if t.conduit != nil {
		if slices.Contains(m.Media, t.conduit.medium) {
			return ""
		}
		return fmt.Sprintf("%s (%s) needs %s; conduit %s is a %s", m.ID, m.Name, mediaList(m.Media), t.name, t.conduit.medium.Label())
	}
	if t.kind != model.TargetZone || len(t.conduits) == 0 {
		return ""
	}
	for _, c := range t.conduits {
		if slices.Contains(m.Media, c.p.medium) {
			return ""
		}
	}
	if slices.Contains(m.Media, MediumWireless) && t.wireless {
		return ""
	}
	return fmt.Sprintf("%s (%s) needs %s; no conduit of zone %s runs on one", m.ID, m.Name, mediaList(m.Media), t.name)
}

func mediaList(ms []Medium) string {
	s := ""
	for i, m := range ms {
		switch {
		case i == 0:
		case i == len(ms)-1:
			s += " or "
		default:
			s += ", "
		}
		s += m.Label()
	}
	return s
}
