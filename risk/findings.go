package risk

import (
	"fmt"
	"strings"

	"zonewise/model"
)

// isAny reports whether a flow field leaves the protocol or port open.
func isAny(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "any", "*", "all", "0-65535", "1-65535":
		return true
	}
	return false
}

// portBased reports whether a transport has ports, so that a missing port
// leaves the flow open. Layer-2, serial and removable-media flows have none.
func portBased(transport string) bool {
	t := strings.ToLower(transport)
	return t == "" || strings.Contains(t, "tcp") || strings.Contains(t, "udp") || strings.Contains(t, "ip")
}

// conduitFindings lists the least-privilege findings of a conduit: flows
// must be explicit (protocol, port, initiator), a unidirectional conduit
// carries no bidirectional flow, and a conduit without listed flows cannot
// show least privilege at all.
func (ix *index) conduitFindings(c *model.Conduit) []string {
	out := []string{}
	if len(c.Flows) == 0 {
		return append(out, fmt.Sprintf("conduit %s lists no data flows: least privilege cannot be shown", label(c.Name, c.ID)))
	}
	zoneName := func(id model.ID) string {
		if z := ix.zones[id]; z != nil {
			return label(z.Name, z.ID)
		}
		return "unknown zone " + id.Short()
	}
	for i, f := range c.Flows {
		desc := fmt.Sprintf("flow %d (%s", i+1, f.Protocol)
		if f.Protocol == "" {
			desc = fmt.Sprintf("flow %d (no protocol", i+1)
		}
		if f.Port != "" {
			desc += " port " + f.Port
		}
		desc += fmt.Sprintf(" from %s to %s)", zoneName(f.From), zoneName(f.To))
		if isAny(f.Protocol) {
			out = append(out, desc+" allows any protocol: name the protocol")
		}
		if isAny(f.Port) && (f.Port != "" || portBased(f.Transport)) {
			out = append(out, desc+" allows any port: name the port or range")
		}
		if f.Initiator == "" {
			out = append(out, desc+" has no initiator: say which zone opens the connection")
		}
		if c.Type == model.ConduitUnidirectional && f.Bidirectional {
			out = append(out, desc+" is bidirectional on a unidirectional conduit")
		}
	}
	return out
}

// zoneFindings lists least-privilege findings of a zone's accounts.
func zoneFindings(z *model.Zone) []string {
	out := []string{}
	for _, r := range z.Roles {
		if r.Shared {
			out = append(out, fmt.Sprintf("role '%s' is a shared account: FR1 (SR 1.1) asks for unique identification of users", r.Name))
		}
	}
	return out
}
