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
// required at all.
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
