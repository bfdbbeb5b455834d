package risk

import (
	"fmt"
	"strings"
)

// fitFlowKinds: a measure that lists flow kinds fits a conduit only if at
// least one of its flows is of such a kind. Multi-factor authentication,
// a jump host or dual approval act on a person logging on; on a link whose
// flows are all machine to machine there is nobody to ask. A conduit with
// no flows recorded is not held against the measure.
func fitFlowKinds(m *Measure, t *fitTarget) string {
	if t.conduit == nil || len(m.FlowKinds) == 0 || t.conduit.flows == 0 {
		return ""
	}
	var want []string
	for _, k := range m.FlowKinds {
		if t.conduit.kinds.has(k) {
			return ""
		}
		want = append(want, strings.ToLower(k.Label()))
	}
	return fmt.Sprintf("%s (%s) needs a flow of kind %s; conduit %s carries only %s",
		m.ID, m.Name, strings.Join(want, " or "), t.name, kindList(t.conduit))
}
