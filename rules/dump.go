package rules

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// FirewallRule is one rule of a firewall dump, reduced to what the review
// compares: addresses, transport, destination ports, connection states and
// the verdict. A nil slice matches anything.
type FirewallRule struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Chain string `json:"chain"`
	Text  string `json:"text"`

	Source      []netip.Prefix `json:"-"`
	Destination []netip.Prefix `json:"-"`
	Transport   string         `json:"-"` // "" any, tcp, udp, icmp
	Ports       []PortRange    `json:"-"`
	States      []string       `json:"-"` // new, established, related, invalid, untracked
	// Verdict is accept, drop (reject too), jump, goto, return, or "" for a
	// rule that only counts or logs.
	Verdict string `json:"-"`
	Target  string `json:"-"`
	Comment string `json:"-"`
	// Unknown lists the matches the review does not model (interfaces,
	// source ports, named sets, negations): it treats them as matching.
	Unknown []string `json:"-"`
}

// FirewallChain is a chain of a dump; a base chain hooks into the kernel.
type FirewallChain struct {
	Table  string
	Name   string
	Hook   string // forward, input, output; "" for a user chain
	Policy string // accept or drop, for base chains
	Line   int
	Rules  []FirewallRule
}

// Ruleset is a parsed firewall dump.
type Ruleset struct {
	File   string
	Format string // nftables or iptables
	Chains []*FirewallChain
}

func (rs *Ruleset) chain(table, name string) *FirewallChain {
	for _, c := range rs.Chains {
		if c.Table == table && c.Name == name {
			return c
		}
	}
	return nil
}

// ParseDump reads an `nft list ruleset` or `iptables-save` dump, chosen by
// its content: iptables-save writes "*filter" and "-A" lines.
func ParseDump(name string, data []byte) (*Ruleset, error) {
	for _, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "*") || strings.HasPrefix(t, ":") || strings.HasPrefix(t, "-A ") {
			return ParseIPTablesSave(name, data)
		}
		return ParseNFT(name, data)
	}
	return nil, fmt.Errorf("%s: empty firewall dump: want the output of nft list ruleset or iptables-save", name)
}

// packet is one probe the review sends through a ruleset.
type packet struct {
	src, dst  netip.Addr
	transport string
	port      int
	state     string
}

func (r *FirewallRule) matches(p packet) bool {
	if r.Source != nil && !containsAddr(r.Source, p.src) {
		return false
	}
	if r.Destination != nil && !containsAddr(r.Destination, p.dst) {
		return false
	}
	if r.Transport != "" && r.Transport != p.transport {
		return false
	}
	if r.Ports != nil && !slices.ContainsFunc(r.Ports, func(pr PortRange) bool { return p.port >= pr.Lo && p.port <= pr.Hi }) {
		return false
	}
	if r.States != nil && !slices.Contains(r.States, p.state) {
		return false
	}
	return true
}

func containsAddr(ps []netip.Prefix, a netip.Addr) bool {
	for _, p := range ps {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Verdict returns accept or drop for a forwarded packet: every base chain
// on the forward hook must accept it.
func (rs *Ruleset) verdict(p packet) (string, *FirewallRule) {
	hooked := false
	var last *FirewallRule
	for _, c := range rs.Chains {
		if c.Hook != "forward" {
			continue
		}
		hooked = true
		v, by := rs.run(c, p, 0)
		if v == "" || v == "return" {
			v = c.Policy
		}
		last = by
		if v != "accept" {
			return "drop", by
		}
	}
	if !hooked {
		return "accept", nil // no forward filtering at all
	}
	return "accept", last
}

func (rs *Ruleset) run(c *FirewallChain, p packet, depth int) (string, *FirewallRule) {
	if depth > 32 {
		return "drop", nil // a jump loop: the kernel refuses it, so assume nothing passes
	}
	for i := range c.Rules {
		r := &c.Rules[i]
		if !r.matches(p) {
			continue
		}
		switch r.Verdict {
		case "accept", "drop":
			return r.Verdict, r
		case "return":
			return "", r
		case "jump", "goto":
			t := rs.chain(c.Table, r.Target)
			if t == nil {
				continue
			}
			v, by := rs.run(t, p, depth+1)
			if v != "" || r.Verdict == "goto" {
				return v, by
			}
		}
	}
	return "", nil
}

// parsePrefixes reads an address, a CIDR network or a comma-separated list
// of them; 0.0.0.0/0 and ::/0 mean any (nil).
func parsePrefixes(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		var p netip.Prefix
		var err error
		if strings.Contains(part, "/") {
			p, err = netip.ParsePrefix(part)
			if err == nil {
				p = p.Masked()
			}
		} else {
			var a netip.Addr
			a, err = netip.ParseAddr(part)
			p = netip.PrefixFrom(a, a.BitLen())
		}
		if err != nil {
			return nil, fmt.Errorf("%q is not an address or network", part)
		}
		if p.Bits() == 0 {
			return nil, nil
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%q is not an address or network", s)
	}
	return out, nil
}

// serviceNames are the port names nft -S and iptables may print.
var serviceNames = map[string]int{
	"ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "domain": 53, "http": 80, "kerberos": 88, "ntp": 123,
	"snmp": 161, "ldap": 389, "https": 443, "microsoft-ds": 445, "isakmp": 500, "syslog": 514, "ldaps": 636,
	"ms-wbt-server": 3389, "ipsec-nat-t": 4500, "opcua": 4840, "http-alt": 8080, "dnp": 20000, "iso-tsap": 102, "modbus": 502,
}

// parsePortList reads "502", "1000-2000" or "1000:2000", a comma list of
// them, or port names.
func parsePortList(s string) ([]PortRange, error) {
	var out []PortRange
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		lo, hi, isRange := strings.Cut(strings.ReplaceAll(part, ":", "-"), "-")
		a, err := portNumber(lo)
		b := a
		if err == nil && isRange {
			b, err = portNumber(hi)
		}
		if err != nil || a > b {
			return nil, fmt.Errorf("%q is not a port, port range or list", s)
		}
		out = append(out, PortRange{a, b})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%q is not a port, port range or list", s)
	}
	return out, nil
}

func portNumber(s string) (int, error) {
	if n, ok := serviceNames[strings.ToLower(s)]; ok {
		return n, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 65535 {
		return 0, fmt.Errorf("bad port %q", s)
	}
	return n, nil
}

// transportName reads a protocol name or number; "" for all.
func transportName(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "tcp", "6":
		return "tcp", true
	case "udp", "17":
		return "udp", true
	case "icmp", "1", "icmpv6", "ipv6-icmp", "58":
		return "icmp", true
	case "all", "0":
		return "", true
	}
	return "", false
}
