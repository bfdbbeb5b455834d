// Package rules turns a project's conduits into firewall rule sets (a rule
// matrix for the network team, nftables and iptables-restore files) and
// reviews a plant's firewall dump against the declared flows. Every rule
// comes from one declared data flow of one conduit: least privilege as
// docs/METHOD.md describes it. A flow that cannot be written as a narrow
// rule (port "any", no port, no address, not IP) gives a warning and no
// rule, never a permissive one. The package is pure: no files, no clock.
package rules

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"zonewise/model"
)

// PortRange is an inclusive range of ports; a single port has Lo == Hi.
type PortRange struct {
	Lo, Hi int
}

func (r PortRange) String() string {
	if r.Lo == r.Hi {
		return strconv.Itoa(r.Lo)
	}
	return fmt.Sprintf("%d-%d", r.Lo, r.Hi)
}

// Endpoint is one side of a rule: a zone, optionally one asset of it, and
// the addresses the rule matches.
type Endpoint struct {
	Zone      model.ID `json:"zoneId"`
	ZoneName  string   `json:"zone"`
	Asset     model.ID `json:"assetId,omitempty"`
	AssetName string   `json:"asset,omitempty"`
	// Addresses are networks and hosts (/32, /128), deduplicated and with
	// any prefix inside another left out, of one address family.
	Addresses []netip.Prefix `json:"addresses"`
	// Basis says where the addresses come from: "asset IP", "zone subnet",
	// "asset IPs of the zone".
	Basis string `json:"basis"`
}

// Rule is one permit rule of the generated rule set.
type Rule struct {
	Number      int         `json:"number"`
	Conduit     model.ID    `json:"conduitId"`
	ConduitName string      `json:"conduit"`
	Flow        int         `json:"flowIndex"`
	FlowName    string      `json:"flow"`
	Source      Endpoint    `json:"source"`
	Destination Endpoint    `json:"destination"`
	Transport   string      `json:"transport"` // tcp, udp, icmp
	Ports       []PortRange `json:"ports,omitempty"`
	// Direction is "A -> B", with "(one-way)" for a unidirectional conduit
	// and "(reverse of bidirectional flow)" for the second rule of a
	// bidirectional flow.
	Direction     string `json:"direction"`
	Initiator     string `json:"initiator"`
	OneWay        bool   `json:"oneWay,omitempty"`
	Action        string `json:"action"`
	Justification string `json:"justification"`
	Owner         string `json:"owner,omitempty"`
	ReviewDate    string `json:"reviewDate,omitempty"`
	// Chain is the index of the conduit's chain in Set.Chains.
	Chain int `json:"-"`
}

// Warning explains why a flow gave no rule (or fewer rules than declared).
type Warning struct {
	Conduit     model.ID `json:"conduitId"`
	ConduitName string   `json:"conduit"`
	Flow        int      `json:"flowIndex"`
	FlowName    string   `json:"flow"`
	Message     string   `json:"message"`
}

func (w Warning) String() string {
	return fmt.Sprintf("conduit %q flow %d (%s): %s", w.ConduitName, w.Flow+1, w.FlowName, w.Message)
}

// Chain is the rules of one conduit boundary.
type Chain struct {
	Conduit     model.ID
	ConduitName string
	Name        string // identifier for nftables and iptables
	OneWay      bool
	Rules       []int // indexes into Set.Rules
	// Back are the reverse directions a one-way conduit drops explicitly,
	// so that established-connection handling cannot let replies through.
	Back []Back
}

// Back is one reverse direction of a one-way conduit: from Source to
// Destination nothing is permitted.
type Back struct {
	Source, Destination []netip.Prefix
	Comment             string
}

// Set is the rule set generated from a project.
type Set struct {
	Project  string    `json:"project"`
	Table    string    `json:"table"`
	Rules    []Rule    `json:"rules"`
	Warnings []Warning `json:"warnings"`
	Chains   []Chain   `json:"-"`
	// Rows are the matrix rows: every rule, and every flow without a rule
	// (Action "no rule", the warning as justification), in flow order.
	Rows []Row `json:"-"`
}

// Row is one line of the rule matrix.
type Row struct {
	Rule    *Rule
	Warning *Warning
}

// Generate builds the rule set of the project's conduits, or of the one
// conduit with ID only when only is not empty. Conduits come in the
// project's order, flows in each conduit's order.
func Generate(p *model.Project, only model.ID) Set {
	s := Set{Project: p.Name, Table: Identifier("zonewise_"+p.Name, 48), Rules: []Rule{}, Warnings: []Warning{}}
	g := generator{p: p, review: reviewDate(p.Date)}
	for _, c := range conduitOrder(p) {
		if only != "" && c.ID != only {
			continue
		}
		ch := Chain{Conduit: c.ID, ConduitName: c.Name, OneWay: c.Type == model.ConduitUnidirectional,
			Name: Identifier(fmt.Sprintf("c%02d_%s", len(s.Chains)+1, c.Name), 28)}
		for fi := range c.Flows {
			rules, warns := g.flow(c, fi)
			for _, w := range warns {
				s.Warnings = append(s.Warnings, w)
			}
			for _, r := range rules {
				r.Number = len(s.Rules) + 1
				r.Chain = len(s.Chains)
				s.Rules = append(s.Rules, r)
				ch.Rules = append(ch.Rules, len(s.Rules)-1)
				if ch.OneWay && !slices.ContainsFunc(ch.Back, func(b Back) bool {
					return slices.Equal(b.Source, r.Destination.Addresses) && slices.Equal(b.Destination, r.Source.Addresses)
				}) {
					ch.Back = append(ch.Back, Back{Source: r.Destination.Addresses, Destination: r.Source.Addresses,
						Comment: fmt.Sprintf("%s: one-way, nothing back from %s to %s", c.Name, r.Destination.ZoneName, r.Source.ZoneName)})
				}
			}
		}
		s.Chains = append(s.Chains, ch)
	}
	// Rows point into the slices only once they stop growing.
	pos := map[model.ID]int{}
	for i, ch := range s.Chains {
		pos[ch.Conduit] = i
	}
	wi, ri := 0, 0
	for ri < len(s.Rules) || wi < len(s.Warnings) {
		takeRule := wi >= len(s.Warnings) || (ri < len(s.Rules) && before(s.Rules[ri], s.Warnings[wi], pos))
		if takeRule {
			s.Rows = append(s.Rows, Row{Rule: &s.Rules[ri]})
			ri++
		} else {
			s.Rows = append(s.Rows, Row{Warning: &s.Warnings[wi]})
			wi++
		}
	}
	return s
}

// before orders a rule and a warning by conduit position, then flow.
func before(r Rule, w Warning, pos map[model.ID]int) bool {
	if a, b := pos[r.Conduit], pos[w.Conduit]; a != b {
		return a < b
	}
	return r.Flow <= w.Flow
}

// conduitOrder is the conduits by name (then ID): the order a reader of
// the rule set expects ("K01", "K02", ...), whatever order the file has.
func conduitOrder(p *model.Project) []*model.Conduit {
	out := make([]*model.Conduit, len(p.Conduits))
	for i := range p.Conduits {
		out[i] = &p.Conduits[i]
	}
	slices.SortStableFunc(out, func(a, b *model.Conduit) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	return out
}

// reviewDate is one year after the project's date: rule sets are reviewed
// yearly (IEC 62443-2-1 asks for periodic review; the year is the plant
// operators' common practice). Empty when the project has no date.
func reviewDate(date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return ""
	}
	return t.AddDate(1, 0, 0).Format("2006-01-02")
}

type generator struct {
	p      *model.Project
	review string
}

// flow turns one declared flow into rules, or into warnings saying why not.
func (g *generator) flow(c *model.Conduit, fi int) ([]Rule, []Warning) {
	f := c.Flows[fi]
	name := strings.TrimSpace(f.Protocol)
	if name == "" {
		name = "unnamed flow"
	}
	warn := func(format string, args ...any) Warning {
		return Warning{Conduit: c.ID, ConduitName: c.Name, Flow: fi, FlowName: name, Message: fmt.Sprintf(format, args...)}
	}
	transports, tw := transportsOf(f)
	if tw != "" {
		return nil, []Warning{warn("%s", tw)}
	}
	var ports []PortRange
	if transports[0] != "icmp" {
		var err error
		ports, err = ParsePorts(f.Port)
		if err != nil {
			return nil, []Warning{warn("%v", err)}
		}
	}
	if strings.EqualFold(strings.TrimSpace(f.Protocol), "any") {
		return nil, []Warning{warn("protocol is \"any\": a least-privilege rule needs a named protocol and port")}
	}
	client, server := f.From, f.To
	clientAsset, serverAsset := f.FromAsset, f.ToAsset
	if f.Initiator != "" && f.Initiator == f.To {
		client, server = f.To, f.From
		clientAsset, serverAsset = f.ToAsset, f.FromAsset
	}
	oneWay := c.Type == model.ConduitUnidirectional
	var warns []Warning
	type dir struct {
		src, dst           model.ID
		srcAsset, dstAsset model.ID
		reverse            bool
	}
	dirs := []dir{{client, server, clientAsset, serverAsset, false}}
	if oneWay {
		if client != f.From {
			return nil, []Warning{warn("the receiving zone initiates this flow, which a unidirectional conduit cannot carry")}
		}
		if f.Bidirectional {
			warns = append(warns, warn("declared bidirectional, but the conduit is unidirectional: only %s to %s is permitted", g.zoneName(f.From), g.zoneName(f.To)))
		}
	} else if f.Bidirectional {
		dirs = append(dirs, dir{server, client, serverAsset, clientAsset, true})
	}
	var out []Rule
	for _, d := range dirs {
		src, err := g.endpoint(d.src, d.srcAsset)
		if err != nil {
			warns = append(warns, warn("source %v", err))
			continue
		}
		dst, err := g.endpoint(d.dst, d.dstAsset)
		if err != nil {
			warns = append(warns, warn("destination %v", err))
			continue
		}
		pairs := 0
		for _, fam := range []bool{true, false} { // IPv4, then IPv6
			s4, d4 := family(src, fam), family(dst, fam)
			if len(s4.Addresses) == 0 || len(d4.Addresses) == 0 {
				continue
			}
			for _, tr := range transports {
				direction := src.ZoneName + " -> " + dst.ZoneName
				switch {
				case oneWay:
					direction += " (one-way)"
				case d.reverse:
					direction += " (reverse of bidirectional flow)"
				}
				out = append(out, Rule{
					Conduit: c.ID, ConduitName: c.Name, Flow: fi, FlowName: name,
					Source: s4, Destination: d4, Transport: tr, Ports: ports,
					Direction: direction, Initiator: g.zoneName(d.src), OneWay: oneWay, Action: "accept",
					Justification: g.justification(c, f), Owner: g.owner(c, dst.Zone), ReviewDate: g.review,
				})
				pairs++
			}
		}
		if pairs == 0 {
			warns = append(warns, warn("source %s and destination %s share no address family", src.ZoneName, dst.ZoneName))
		}
	}
	return out, warns
}

// transportsOf reads the flow's free-text transport ("TCP", "TCP/UDP",
// "TCP (proxied across the diode)"): the IP transports a rule can match,
// or why there is none.
func transportsOf(f model.DataFlow) ([]string, string) {
	t := strings.ToLower(f.Transport)
	var out []string
	if strings.Contains(t, "tcp") {
		out = append(out, "tcp")
	}
	if strings.Contains(t, "udp") {
		out = append(out, "udp")
	}
	if len(out) == 0 && strings.Contains(t, "icmp") {
		out = append(out, "icmp")
	}
	switch {
	case len(out) > 0:
		return out, ""
	case strings.TrimSpace(f.Transport) == "":
		return nil, "no transport given: want TCP, UDP or ICMP for a firewall rule"
	}
	return nil, fmt.Sprintf("transport %q is not carried over IP, so no firewall rule applies (enforce it on the medium)", f.Transport)
}

// ParsePorts reads a DataFlow port field: "502", "34962-34964", "80,443".
// "any" and an empty port are refused: they would permit every port.
func ParsePorts(s string) ([]PortRange, error) {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return nil, fmt.Errorf("no port given: a rule without a port would permit every port")
	case strings.EqualFold(t, "any") || t == "*":
		return nil, fmt.Errorf("port is %q: a least-privilege rule needs the ports the flow uses", t)
	}
	var out []PortRange
	for _, part := range strings.Split(t, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		b := a
		if err == nil && isRange {
			b, err = strconv.Atoi(strings.TrimSpace(hi))
		}
		if err != nil || a < 1 || b > 65535 || a > b {
			return nil, fmt.Errorf("port %q: want a port 1..65535, a range such as 34962-34964, or a comma-separated list", s)
		}
		out = append(out, PortRange{a, b})
	}
	slices.SortFunc(out, func(x, y PortRange) int { return cmp.Or(cmp.Compare(x.Lo, y.Lo), cmp.Compare(x.Hi, y.Hi)) })
	// Merge overlapping ranges: nftables refuses overlapping set elements.
	merged := out[:1]
	for _, r := range out[1:] {
		last := &merged[len(merged)-1]
		if r.Lo <= last.Hi+1 {
			last.Hi = max(last.Hi, r.Hi)
			continue
		}
		merged = append(merged, r)
	}
	return merged, nil
}

// endpoint resolves a zone (and optionally one of its assets) to addresses.
func (g *generator) endpoint(zone, asset model.ID) (Endpoint, error) {
	z := g.p.Zone(zone)
	if z == nil {
		return Endpoint{}, fmt.Errorf("zone %q does not exist", zone)
	}
	e := Endpoint{Zone: z.ID, ZoneName: z.Name}
	var addrs []netip.Prefix
	if asset != "" {
		a := g.p.Asset(asset)
		if a == nil {
			return e, fmt.Errorf("asset %q does not exist", asset)
		}
		e.Asset, e.AssetName, e.Basis = a.ID, a.Name, "asset IP"
		addrs = hostPrefixes(a.IPs)
		if len(addrs) == 0 {
			return e, fmt.Errorf("asset %q has no IP address", a.Name)
		}
	} else {
		e.Basis = "zone subnet"
		for _, s := range z.Subnets {
			if pf, err := model.ParseSubnet(s); err == nil {
				addrs = append(addrs, pf)
			}
		}
		if len(addrs) == 0 {
			e.Basis = "asset IPs of the zone"
			for i := range g.p.Assets {
				if a := &g.p.Assets[i]; a.ZoneID == z.ID && !a.Transient {
					addrs = append(addrs, hostPrefixes(a.IPs)...)
				}
			}
		}
		if len(addrs) == 0 {
			return e, fmt.Errorf("zone %q has no subnet and no asset with an IP address", z.Name)
		}
	}
	e.Addresses = Normalize(addrs)
	return e, nil
}

func hostPrefixes(ips []string) []netip.Prefix {
	var out []netip.Prefix
	for _, s := range ips {
		if a, err := model.ParseIP(s); err == nil {
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
		}
	}
	return out
}

// Normalize sorts prefixes, drops duplicates and those inside another.
func Normalize(in []netip.Prefix) []netip.Prefix {
	ps := slices.Clone(in)
	slices.SortFunc(ps, func(a, b netip.Prefix) int {
		return cmp.Or(a.Addr().Compare(b.Addr()), cmp.Compare(a.Bits(), b.Bits()))
	})
	var out []netip.Prefix
	for _, p := range ps {
		covered := false
		for _, q := range out {
			if q.Bits() <= p.Bits() && q.Contains(p.Addr()) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, p)
		}
	}
	return out
}

// family keeps the IPv4 (v4 true) or IPv6 addresses of e.
func family(e Endpoint, v4 bool) Endpoint {
	out := e
	out.Addresses = nil
	for _, p := range e.Addresses {
		if p.Addr().Is4() == v4 {
			out.Addresses = append(out.Addresses, p)
		}
	}
	return out
}

func (g *generator) zoneName(id model.ID) string {
	if z := g.p.Zone(id); z != nil {
		return z.Name
	}
	return string(id)
}

// justification is the flow's purpose, the conduit's countermeasures that
// are not rejected, and the decisions recorded on the conduit, on those
// countermeasures or on scenarios that target the conduit.
func (g *generator) justification(c *model.Conduit, f model.DataFlow) string {
	var parts []string
	if s := strings.TrimSpace(f.Purpose); s != "" {
		parts = append(parts, s)
	}
	linked := map[model.ID]bool{c.ID: true}
	for _, cm := range g.p.Countermeasures {
		if cm.TargetKind == model.TargetConduit && cm.TargetID == c.ID {
			linked[cm.ID] = true
			if cm.Status != model.StatusRejected {
				parts = append(parts, fmt.Sprintf("%s %s", cm.MeasureID, strings.ToLower(cm.Status.Label())))
			}
		}
	}
	for _, sc := range g.p.Scenarios {
		if sc.TargetKind == model.TargetConduit && sc.TargetID == c.ID {
			linked[sc.ID] = true
		}
	}
	for _, d := range g.p.Decisions {
		if d.ObjectID != "" && linked[d.ObjectID] {
			day, _, _ := strings.Cut(d.At, "T")
			parts = append(parts, fmt.Sprintf("decision %s (%s): %s", day, d.By, d.Decision))
		}
	}
	return strings.Join(parts, "; ")
}

// owner is the owner of the conduit's first countermeasure in effect
// (implemented or accepted) that names one, else the organisation of the
// destination zone, which answers for what may enter it.
func (g *generator) owner(c *model.Conduit, dst model.ID) string {
	for _, cm := range g.p.Countermeasures {
		if cm.TargetKind == model.TargetConduit && cm.TargetID == c.ID && cm.Owner != "" &&
			(cm.Status == model.StatusImplemented || cm.Status == model.StatusAccepted) {
			return cm.Owner
		}
	}
	if z := g.p.Zone(dst); z != nil {
		return z.Organisation
	}
	return ""
}
