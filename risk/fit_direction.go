package risk

import (
	"fmt"
	"strings"
)

// fitFlowEffect: a measure that blocks flows fits only where no required
// flow needs what it blocks. A data diode ("one-way") fits a conduit whose
// flows all run one way, with no interactive session and no control write
// (both need a return path); on a zone, every conduit of the zone must be
// such. An air gap ("cut") fits a conduit or zone across which no flow is
// required at all. Island mode ("island") cuts a zone off from the levels
// above it while the zone keeps running, so it acts on the zone's boundary
// toward them: it fits a conduit that is not a cell's own I/O segment (a
// fieldbus, or a link to a zone of field devices, which the process cannot
// run without), and a zone with at least one conduit that is not.
func fitFlowEffect(m *Measure, t *fitTarget) string {
	switch m.FlowEffect {
	case FlowOneWay:
		if t.conduit != nil {
			if t.conduit.twoWay != "" {
				return fmt.Sprintf("%s (%s) lets data pass one way only; conduit %s requires %s", m.ID, m.Name, t.name, t.conduit.twoWay)
			}
			return ""
		}
		for _, c := range t.conduits {
			if c.p.twoWay != "" {
				return fmt.Sprintf("%s (%s) lets data pass one way only; conduit %s of zone %s requires %s", m.ID, m.Name, c.name, t.name, c.p.twoWay)
			}
		}
	case FlowIsland:
		if t.conduit != nil {
			if t.cellIO {
				return fmt.Sprintf("%s (%s) cuts a zone off from the levels above it; conduit %s is the cell's own I/O segment, which the process cannot run without", m.ID, m.Name, t.name)
			}
			return ""
		}
		if len(t.conduits) == 0 {
			return ""
		}
		for _, c := range t.conduits {
			if !c.cellIO {
				return ""
			}
		}
		return fmt.Sprintf("%s (%s) cuts a zone off from the levels above it; zone %s has no conduit but its own I/O segment", m.ID, m.Name, t.name)
	case FlowCut:
		if t.conduit != nil {
			if t.conduit.flows > 0 {
				return fmt.Sprintf("%s (%s) cuts every flow; conduit %s carries required flows", m.ID, m.Name, t.name)
			}
			return ""
		}
		var used []string
		for _, c := range t.conduits {
			if c.p.flows > 0 {
				used = append(used, c.name)
			}
		}
		if len(used) > 0 {
			return fmt.Sprintf("%s (%s) cuts every flow; zone %s needs the flows of %s", m.ID, m.Name, t.name, strings.Join(used, ", "))
		}
	}
	return ""
}
