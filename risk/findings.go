package risk

import (
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
func (ix *index) conduitFindings(c *model.Conduit) []Msg {
	out := []Msg{}
	if len(c.Flows) == 0 {
		return append(out, msg("risk.finding.no-flows", "Conduit", label(c.Name, c.ID)))
	}
	zoneName := func(id model.ID) any {
		if z := ix.zones[id]; z != nil {
			return label(z.Name, z.ID)
		}
		return msg("risk.finding.unknown-zone", "ID", id.Short())
	}
	for i, f := range c.Flows {
		key := "risk.finding.flow"
		if f.Protocol == "" {
			key = "risk.finding.flow-no-protocol"
		}
		if f.Port != "" {
			key += "-port"
		}
		desc := msg(key, "N", i+1, "Protocol", f.Protocol, "Port", f.Port, "From", zoneName(f.From), "To", zoneName(f.To))
		if isAny(f.Protocol) {
			out = append(out, msg("risk.finding.any-protocol", "Flow", desc))
		}
		if isAny(f.Port) && (f.Port != "" || portBased(f.Transport)) {
			out = append(out, msg("risk.finding.any-port", "Flow", desc))
		}
		if f.Initiator == "" {
			out = append(out, msg("risk.finding.no-initiator", "Flow", desc))
		}
		if c.Type == model.ConduitUnidirectional && f.Bidirectional {
			out = append(out, msg("risk.finding.bidirectional", "Flow", desc))
		}
	}
	return out
}

// zoneFindings lists least-privilege findings of a zone's accounts.
func zoneFindings(z *model.Zone) []Msg {
	out := []Msg{}
	for _, r := range z.Roles {
		if r.Shared {
			out = append(out, msg("risk.finding.shared-role", "Role", r.Name))
		}
	}
	return out
}
