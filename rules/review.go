package rules

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"zonewise/model"
)

// Rules of firewall review findings; a finding is identified by Rule@Subject.
const (
	// RuleUndeclaredPermit: a rule accepts new connections no declared
	// flow of any conduit covers.
	RuleUndeclaredPermit = "undeclared-permit"
	// RuleBlockedFlow: the dump drops a declared flow.
	RuleBlockedFlow = "blocked-flow"
	// RuleAnyAny: a rule accepts from any source to any destination.
	RuleAnyAny = "any-any"
	// RuleBroadRule: a rule accepts every port between whole networks.
	RuleBroadRule = "broad-rule"
	// RuleShadowedRule: an earlier rule of the chain matches everything
	// this one does, so it never decides anything.
	RuleShadowedRule = "shadowed-rule"
	// RulePolicyAccept: a forward base chain accepts what no rule matches.
	RulePolicyAccept = "policy-accept"
)

// Finding is one result of a firewall review.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"` // error, warning
	// Subject makes Rule@Subject stable: "FILE:LINE" for a rule of the
	// dump, "conduit/flow" for a declared flow.
	Subject string `json:"subject"`
	Message string `json:"message"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	// Text is the dump's rule line, as written.
	Text    string   `json:"text,omitempty"`
	Conduit model.ID `json:"conduitId,omitempty"`
	Flow    *int     `json:"flowIndex,omitempty"`
	// Example is a probe packet that shows the finding.
	Example string `json:"example,omitempty"`
}

// Review compares a parsed firewall dump with the project's declared
// flows (as Generate turns them into rules) and reports rules that permit
// undeclared traffic, declared flows the dump blocks, any/any and broad
// rules, shadowed rules and an accepting forward policy. It models
// addresses, transports, destination ports and connection states; other
// matches (interfaces, source ports, named sets) are taken as matching.
func Review(p *model.Project, rs *Ruleset) []Finding {
	set := Generate(p, "")
	var out []Finding
	for _, c := range rs.Chains {
		if c.Hook == "forward" && c.Policy == "accept" {
			out = append(out, Finding{Rule: RulePolicyAccept, Severity: "error", Subject: fmt.Sprintf("%s:%d", rs.File, c.Line),
				File: rs.File, Line: c.Line, Message: fmt.Sprintf("chain %s forwards everything no rule drops (policy accept); want policy drop", c.Name)})
		}
	}
	// Declared flows the dump blocks: one probe per address block and
	// port range of each generated rule, as a new connection.
	blocked := map[string]bool{}
	for i := range set.Rules {
		r := &set.Rules[i]
		key := fmt.Sprintf("%s/%d", r.Conduit, r.Flow)
		if blocked[key] {
			continue
		}
		for _, pk := range probes(r) {
			if v, _ := rs.verdict(pk); v != "accept" {
				blocked[key] = true
				flow := r.Flow
				out = append(out, Finding{Rule: RuleBlockedFlow, Severity: "error", Subject: key, Conduit: r.Conduit, Flow: &flow,
					Message: fmt.Sprintf("conduit %q declares %s (%s %s) from %s to %s, but the firewall drops it", r.ConduitName, r.FlowName,
						strings.ToUpper(r.Transport), portsText(r.Ports), r.Source.ZoneName, r.Destination.ZoneName),
					Example: pk.String()})
				break
			}
		}
	}
	for _, c := range rs.Chains {
		for i := range c.Rules {
			r := &c.Rules[i]
			if r.Verdict != "accept" || !allowsNew(r) {
				continue
			}
			at := func(rule, sev, format string, args ...any) Finding {
				return Finding{Rule: rule, Severity: sev, Subject: fmt.Sprintf("%s:%d", r.File, r.Line), File: r.File, Line: r.Line,
					Text: r.Text, Message: fmt.Sprintf("chain %s: ", c.Name) + fmt.Sprintf(format, args...)}
			}
			switch {
			case r.Source == nil && r.Destination == nil:
				out = append(out, at(RuleAnyAny, "error", "accepts %s from any source to any destination", serviceText(r)))
			case r.Ports == nil && r.Transport != "icmp" && wide(r.Source) && wide(r.Destination):
				out = append(out, at(RuleBroadRule, "warning", "accepts every port from %s to %s", netsText(r.Source), netsText(r.Destination)))
			}
			if !covered(r, set.Rules) {
				out = append(out, at(RuleUndeclaredPermit, "error", "accepts %s from %s to %s, which no conduit declares",
					serviceText(r), netsText(r.Source), netsText(r.Destination)))
			}
		}
		for j := range c.Rules {
			for i := 0; i < j; i++ {
				if shadows(&c.Rules[i], &c.Rules[j]) {
					r := &c.Rules[j]
					out = append(out, Finding{Rule: RuleShadowedRule, Severity: "warning", Subject: fmt.Sprintf("%s:%d", r.File, r.Line),
						File: r.File, Line: r.Line, Text: r.Text,
						Message: fmt.Sprintf("chain %s: line %d matches everything this rule does, so it never applies", c.Name, c.Rules[i].Line)})
					break
				}
			}
		}
	}
	return out
}

func (p packet) String() string {
	return fmt.Sprintf("%s -> %s %s/%d (new)", p.src, p.dst, p.transport, p.port)
}

// probes are the test packets of a generated rule: a host of each source
// and destination block, the first port of each range.
func probes(r *Rule) []packet {
	var out []packet
	ports := r.Ports
	if len(ports) == 0 {
		ports = []PortRange{{0, 0}}
	}
	for _, s := range r.Source.Addresses {
		for _, d := range r.Destination.Addresses {
			for _, pr := range ports {
				out = append(out, packet{src: host(s), dst: host(d), transport: r.Transport, port: pr.Lo, state: "new"})
			}
		}
	}
	return out
}

// host is a usable address of a block: the first after the network address.
func host(p netip.Prefix) netip.Addr {
	if p.IsSingleIP() {
		return p.Addr()
	}
	return p.Masked().Addr().Next()
}

func allowsNew(r *FirewallRule) bool { return r.States == nil || slices.Contains(r.States, "new") }

// wide reports whether addresses are any or only networks of 256 or more
// addresses (a /24 or larger in IPv4, a /64 or larger in IPv6).
func wide(ps []netip.Prefix) bool {
	for _, p := range ps {
		if (p.Addr().Is4() && p.Bits() > 24) || (p.Addr().Is6() && p.Bits() > 64) {
			return false
		}
	}
	return true
}

// covered reports whether a declared rule permits everything r accepts.
func covered(r *FirewallRule, declared []Rule) bool {
	if r.Transport == "" || (r.Ports == nil && r.Transport != "icmp") || r.Source == nil || r.Destination == nil {
		return false
	}
	for i := range declared {
		d := &declared[i]
		if d.Transport == r.Transport && prefixesWithin(r.Source, d.Source.Addresses) &&
			prefixesWithin(r.Destination, d.Destination.Addresses) && portsWithin(r.Ports, d.Ports) {
			return true
		}
	}
	return false
}

func prefixesWithin(in, outer []netip.Prefix) bool {
	for _, p := range in {
		if !slices.ContainsFunc(outer, func(o netip.Prefix) bool { return o.Bits() <= p.Bits() && o.Contains(p.Addr()) }) {
			return false
		}
	}
	return true
}

func portsWithin(in, outer []PortRange) bool {
	for _, p := range in {
		if !slices.ContainsFunc(outer, func(o PortRange) bool { return o.Lo <= p.Lo && p.Hi <= o.Hi }) {
			return false
		}
	}
	return true
}

// shadows reports whether an earlier rule a decides every packet b could
// match: a terminal verdict, no unmodelled match, and a superset on every
// modelled field.
func shadows(a, b *FirewallRule) bool {
	if (a.Verdict != "accept" && a.Verdict != "drop") || len(a.Unknown) > 0 {
		return false
	}
	within := func(x, y []netip.Prefix) bool { return y == nil || (x != nil && prefixesWithin(x, y)) }
	if !within(b.Source, a.Source) || !within(b.Destination, a.Destination) {
		return false
	}
	if a.Transport != "" && a.Transport != b.Transport {
		return false
	}
	if a.Ports != nil && (b.Ports == nil || !portsWithin(b.Ports, a.Ports)) {
		return false
	}
	if a.States != nil && (b.States == nil || slices.ContainsFunc(b.States, func(s string) bool { return !slices.Contains(a.States, s) })) {
		return false
	}
	return true
}

func netsText(ps []netip.Prefix) string {
	if ps == nil {
		return "any"
	}
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = prefixString(p)
	}
	return strings.Join(parts, ", ")
}

func portsText(ps []PortRange) string {
	if ps == nil {
		return "any port"
	}
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.String()
	}
	return "port " + strings.Join(parts, ", ")
}

func serviceText(r *FirewallRule) string {
	if r.Transport == "" {
		return "every protocol"
	}
	if r.Transport == "icmp" {
		return "ICMP"
	}
	return strings.ToUpper(r.Transport) + " " + portsText(r.Ports)
}
