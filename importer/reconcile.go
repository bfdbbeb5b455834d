package importer

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

// Rules of reconcile findings; a finding is identified by Rule@Subject.
const (
	// RuleUnmodelledPath: traffic between two zones that no conduit joins.
	RuleUnmodelledPath = "unmodelled-path"
	// RuleUndeclaredFlow: traffic on a conduit that none of its declared
	// flows permits.
	RuleUndeclaredFlow = "undeclared-flow"
	// RuleFlowNotObserved: a declared flow no observed traffic matches
	// (informational: the capture may simply not have covered it).
	RuleFlowNotObserved = "flow-not-observed"
	// RuleUnknownHost: an address seen on the network that no asset has.
	RuleUnknownHost = "unknown-host"
	// RuleAddressOutsideZone: an asset address outside every subnet of
	// the asset's zone.
	RuleAddressOutsideZone = "address-outside-zone"
)

// Severities of findings.
const (
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// Finding is one difference between the model and the observed network.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	// Subject makes Rule@Subject a stable key, e.g. "zoneA>zoneB/tcp/502".
	Subject string `json:"subject"`
	Message string `json:"message"`

	SourceZone      model.ID `json:"sourceZoneId,omitempty"`
	DestinationZone model.ID `json:"destinationZoneId,omitempty"`
	Conduit         model.ID `json:"conduitId,omitempty"`
	// Flow is the index of the declared flow in the conduit (flow-not-observed).
	Flow *int `json:"flowIndex,omitempty"`
	// Covered tells, for flow-not-observed, that traffic of both zones of
	// the flow was seen: the capture covered them, so the flow's absence
	// means more than a capture taken elsewhere.
	Covered bool `json:"covered,omitempty"`
	// Zone is the zone of an unknown host (by subnet) or of an asset.
	Zone      model.ID `json:"zoneId,omitempty"`
	Asset     model.ID `json:"assetId,omitempty"`
	Address   string   `json:"address,omitempty"`
	Transport string   `json:"transport,omitempty"`
	Port      *int     `json:"port,omitempty"`
	Protocol  string   `json:"protocol,omitempty"`
	// Example is one observed pair "10.0.2.10 -> 10.0.1.10".
	Example string     `json:"example,omitempty"`
	Hosts   int        `json:"hostPairs,omitempty"`
	Count   int64      `json:"count,omitempty"`
	First   *time.Time `json:"firstSeen,omitempty"`
	Last    *time.Time `json:"lastSeen,omitempty"`
}

// ObservedFlow is an aggregated flow resolved to assets and zones.
type ObservedFlow struct {
	Source           string     `json:"source"`
	Destination      string     `json:"destination"`
	SourceAsset      model.ID   `json:"sourceAssetId,omitempty"`
	DestinationAsset model.ID   `json:"destinationAssetId,omitempty"`
	SourceZone       model.ID   `json:"sourceZoneId,omitempty"`
	DestinationZone  model.ID   `json:"destinationZoneId,omitempty"`
	Transport        string     `json:"transport"`
	Port             int        `json:"port"`
	Protocol         string     `json:"protocol,omitempty"`
	VLAN             int        `json:"vlan,omitempty"`
	Count            int64      `json:"count"`
	Bytes            int64      `json:"bytes,omitempty"`
	First            *time.Time `json:"firstSeen,omitempty"`
	Last             *time.Time `json:"lastSeen,omitempty"`
}

// Suggestion proposes a zone for unassigned assets. Nothing is applied: the
// user accepts or edits it.
type Suggestion struct {
	// Zone is an existing zone whose subnet or VLAN fits, else empty: a
	// new zone named Name is proposed.
	Zone   model.ID   `json:"zoneId,omitempty"`
	Name   string     `json:"name"`
	Basis  string     `json:"basis"` // "subnet 10.0.3.0/24", "VLAN 30"
	Subnet string     `json:"subnet,omitempty"`
	VLAN   int        `json:"vlan,omitempty"`
	Assets []model.ID `json:"assetIds"`
	// Classes counts the asset classes in the group, "embedded-device: 3".
	Classes []string `json:"classes"`
}

// ZoneFlow aggregates observed flows by source and destination zone,
// transport and port: the view a conduit's declared flows compare with.
// Addresses in no zone are aggregated under the empty zone ID.
type ZoneFlow struct {
	SourceZone      model.ID   `json:"sourceZoneId"`
	DestinationZone model.ID   `json:"destinationZoneId"`
	Transport       string     `json:"transport"`
	Port            int        `json:"port"`
	Protocol        string     `json:"protocol,omitempty"`
	Count           int64      `json:"count"`
	Bytes           int64      `json:"bytes,omitempty"`
	HostPairs       int        `json:"hostPairs"`
	First           *time.Time `json:"firstSeen,omitempty"`
	Last            *time.Time `json:"lastSeen,omitempty"`
}

// Result is the outcome of Reconcile.
type Result struct {
	Flows       []ObservedFlow `json:"flows"`
	ZoneFlows   []ZoneFlow     `json:"zoneFlows"`
	Findings    []Finding      `json:"findings"`
	Suggestions []Suggestion   `json:"suggestions"`
}

// resolver maps addresses to assets and zones.
type resolver struct {
	p       *model.Project
	byIP    map[netip.Addr]*model.Asset
	byMAC   map[[6]byte]*model.Asset
	subnets []zoneNet // longest prefix first
	zone    map[model.ID]*model.Zone
}

type zoneNet struct {
	prefix netip.Prefix
	zone   *model.Zone
}

func newResolver(p *model.Project) *resolver {
	r := &resolver{p: p, byIP: map[netip.Addr]*model.Asset{}, byMAC: map[[6]byte]*model.Asset{}, zone: map[model.ID]*model.Zone{}}
	for i := range p.Zones {
		z := &p.Zones[i]
		r.zone[z.ID] = z
		for _, s := range z.Subnets {
			if pf, err := model.ParseSubnet(s); err == nil {
				r.subnets = append(r.subnets, zoneNet{pf, z})
			}
		}
	}
	slices.SortStableFunc(r.subnets, func(a, b zoneNet) int { return cmp.Compare(b.prefix.Bits(), a.prefix.Bits()) })
	for i := range p.Assets {
		a := &p.Assets[i]
		for _, s := range a.IPs {
			if ip, err := model.ParseIP(s); err == nil {
				r.byIP[ip] = a
			}
		}
		if e, err := parseEndpoint(a.MAC); err == nil && a.MAC != "" {
			r.byMAC[e.MAC] = a
		}
	}
	return r
}

func (r *resolver) asset(e Endpoint) *model.Asset {
	if e.IP.IsValid() {
		return r.byIP[e.IP]
	}
	return r.byMAC[e.MAC]
}

// zoneOf is the asset's zone, else the zone whose subnet holds the address
// most specifically.
func (r *resolver) zoneOf(e Endpoint, a *model.Asset) *model.Zone {
	if a != nil && r.zone[a.ZoneID] != nil {
		return r.zone[a.ZoneID]
	}
	if e.IP.IsValid() {
		for _, zn := range r.subnets {
			if zn.prefix.Contains(e.IP) {
				return zn.zone
			}
		}
	}
	return nil
}

// groupAddress reports multicast and broadcast destinations, which are not
// hosts and open no path of their own.
func groupAddress(e Endpoint) bool {
	if e.IP.IsValid() {
		return e.IP.IsMulticast() || e.IP.IsUnspecified() || e.IP == netip.AddrFrom4([4]byte{255, 255, 255, 255}) ||
			e.IP.IsLinkLocalMulticast() || e.IP.IsInterfaceLocalMulticast()
	}
	return e.MAC[0]&1 == 1
}

// Reconcile compares the project with observed traffic: paths no conduit
// covers, flows a conduit does not declare, declared flows never seen, hosts
// not in the inventory and asset addresses outside their zone's subnets; and
// proposes zones for assets in none. It is a pure function of its inputs.
func Reconcile(p *model.Project, flows []Flow) Result {
	r := newResolver(p)
	res := Result{Flows: make([]ObservedFlow, 0, len(flows)), Findings: []Finding{}, Suggestions: []Suggestion{}}
	type declared struct{ conduit, flow int }
	observed := map[declared]bool{}
	type aggKey struct {
		rule      string
		sz, dz    model.ID
		transport string
		port      uint16
	}
	agg := map[aggKey]*Finding{}
	hosts := map[Endpoint]*Finding{}
	vlanOf := map[netip.Addr]int{}
	conduitsOf := map[[2]model.ID][]int{}
	for ci := range p.Conduits {
		c := &p.Conduits[ci]
		for _, a := range c.ZoneIDs {
			for _, b := range c.ZoneIDs {
				if a != b {
					k := [2]model.ID{a, b}
					if !slices.Contains(conduitsOf[k], ci) {
						conduitsOf[k] = append(conduitsOf[k], ci)
					}
				}
			}
		}
	}
	seenZone := map[model.ID]bool{}
	for _, f := range flows {
		sa, da := r.asset(f.Client), r.asset(f.Server)
		sz, dz := r.zoneOf(f.Client, sa), r.zoneOf(f.Server, da)
		for _, z := range []*model.Zone{sz, dz} {
			if z != nil {
				seenZone[z.ID] = true
			}
		}
		of := ObservedFlow{Source: f.Client.String(), Destination: f.Server.String(), Transport: f.Transport,
			Port: int(f.Port), Protocol: f.Protocol, VLAN: int(f.VLAN), Count: f.Count, Bytes: f.Bytes,
			First: timePtr(f.First), Last: timePtr(f.Last)}
		if sa != nil {
			of.SourceAsset = sa.ID
		}
		if da != nil {
			of.DestinationAsset = da.ID
		}
		if sz != nil {
			of.SourceZone = sz.ID
		}
		if dz != nil {
			of.DestinationZone = dz.ID
		}
		res.Flows = append(res.Flows, of)
		for _, e := range []struct {
			ep Endpoint
			a  *model.Asset
			z  *model.Zone
		}{{f.Client, sa, sz}, {f.Server, da, dz}} {
			if e.ep.IP.IsValid() && f.VLAN != 0 {
				vlanOf[e.ep.IP] = int(f.VLAN)
			}
			if e.a != nil || groupAddress(e.ep) || e.ep.IsZero() {
				continue
			}
			h := hosts[e.ep]
			if h == nil {
				h = &Finding{Rule: RuleUnknownHost, Severity: SeverityWarning, Subject: e.ep.String(), Address: e.ep.String()}
				if e.z != nil {
					h.Zone = e.z.ID
				}
				hosts[e.ep] = h
			}
			h.Count += f.Count
			h.Hosts++
			widen(h, f.First, f.Last)
		}
		if sz == nil || dz == nil || sz.ID == dz.ID || groupAddress(f.Server) {
			continue
		}
		cands := conduitsOf[[2]model.ID{sz.ID, dz.ID}]
		rule, conduit := RuleUnmodelledPath, model.ID("")
		if len(cands) > 0 {
			rule, conduit = RuleUndeclaredFlow, p.Conduits[cands[0]].ID
			for _, ci := range cands {
				for fi, df := range p.Conduits[ci].Flows {
					if declaredMatches(df, sz.ID, dz.ID, sa, da, f) {
						observed[declared{ci, fi}] = true
						rule = ""
					}
				}
			}
		}
		if rule == "" {
			continue
		}
		ak := aggKey{rule, sz.ID, dz.ID, f.Transport, f.Port}
		fd := agg[ak]
		if fd == nil {
			port := int(f.Port)
			fd = &Finding{Rule: rule, Severity: SeverityWarning, Subject: fmt.Sprintf("%s>%s/%s/%d", sz.ID, dz.ID, f.Transport, f.Port),
				SourceZone: sz.ID, DestinationZone: dz.ID, Conduit: conduit, Transport: f.Transport, Port: &port, Protocol: f.Protocol,
				Example: f.Client.String() + " -> " + f.Server.String()}
			agg[ak] = fd
		}
		fd.Count += f.Count
		fd.Hosts++
		widen(fd, f.First, f.Last)
	}
	res.Findings = slices.Grow(res.Findings, len(agg)+len(hosts))
	for _, fd := range agg {
		what := describeService(fd.Transport, *fd.Port, fd.Protocol)
		from, to := r.zone[fd.SourceZone].Name, r.zone[fd.DestinationZone].Name
		if fd.Rule == RuleUnmodelledPath {
			fd.Message = fmt.Sprintf("%s from zone %q to zone %q (%d packets/connections, %d host pair(s), e.g. %s), but no conduit joins these zones: an unmodelled path",
				what, from, to, fd.Count, fd.Hosts, fd.Example)
		} else {
			fd.Message = fmt.Sprintf("%s from zone %q to zone %q on conduit %q (%d packets/connections, %d host pair(s), e.g. %s) is not among the conduit's declared flows",
				what, from, to, p.Conduit(fd.Conduit).Name, fd.Count, fd.Hosts, fd.Example)
		}
		res.Findings = append(res.Findings, *fd)
	}
	for ci := range p.Conduits {
		c := &p.Conduits[ci]
		for fi, df := range c.Flows {
			if observed[declared{ci, fi}] {
				continue
			}
			idx := fi
			covered := seenZone[df.From] && seenZone[df.To]
			why := "no traffic of one of its zones was seen: the capture may not cover them"
			if covered {
				why = "traffic of both zones was seen"
			}
			res.Findings = append(res.Findings, Finding{Rule: RuleFlowNotObserved, Severity: SeverityInfo,
				Subject: fmt.Sprintf("%s#%d", c.ID, fi), Conduit: c.ID, Flow: &idx, Protocol: df.Protocol, Covered: covered,
				Message: fmt.Sprintf("declared flow %d of conduit %q (%s, port %s, %s to %s) was not observed in the traffic (%s)",
					fi+1, c.Name, df.Protocol, orAny(df.Port), zoneName(r, df.From), zoneName(r, df.To), why)})
		}
	}
	for ep, h := range hosts {
		where := "in no zone's subnet"
		if z := r.zone[h.Zone]; z != nil {
			where = fmt.Sprintf("in the subnet of zone %q", z.Name)
		}
		h.Message = fmt.Sprintf("host %s (%s) was seen in %d flow(s), %d packets/connections, but no asset has this address", ep, where, h.Hosts, h.Count)
		res.Findings = append(res.Findings, *h)
	}
	res.Findings = append(res.Findings, addressesOutsideZones(r)...)
	res.Findings = sortFindings(res.Findings)
	res.ZoneFlows = zoneFlows(res.Flows)
	res.Suggestions = suggestZones(r, vlanOf)
	return res
}

func ruleOrder(rule string) int {
	return slices.Index([]string{RuleUnmodelledPath, RuleUndeclaredFlow, RuleUnknownHost, RuleAddressOutsideZone, RuleFlowNotObserved}, rule)
}

func widen(f *Finding, first, last time.Time) {
	if !first.IsZero() && (f.First == nil || first.Before(*f.First)) {
		f.First = timePtr(first)
	}
	if !last.IsZero() && (f.Last == nil || last.After(*f.Last)) {
		f.Last = timePtr(last)
	}
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func orAny(s string) string {
	if strings.TrimSpace(s) == "" {
		return "any"
	}
	return s
}

func zoneName(r *resolver, id model.ID) string {
	if z := r.zone[id]; z != nil {
		return fmt.Sprintf("zone %q", z.Name)
	}
	return fmt.Sprintf("zone %s", id)
}

func describeService(transport string, port int, name string) string {
	s := fmt.Sprintf("%s/%d", transport, port)
	if transport == "ethernet" {
		s = fmt.Sprintf("EtherType 0x%04x", port)
	}
	if name != "" {
		s = name + " (" + s + ")"
	}
	return s
}

// declaredMatches reports whether an observed flow from zone sz to zone dz
// is permitted by a declared flow: the direction fits (the initiator, if
// given, is the client; bidirectional flows fit both ways), the assets fit
// if the flow names them, and the transport and port fit. A declared flow
// without a port is matched by its protocol name.
func declaredMatches(df model.DataFlow, sz, dz model.ID, sa, da *model.Asset, f Flow) bool {
	client := df.From
	server := df.To
	if df.Initiator != "" && df.Initiator == df.To {
		client, server = df.To, df.From
	}
	dirOK := (sz == client && dz == server) || (df.Bidirectional && sz == server && dz == client)
	if !dirOK {
		return false
	}
	has := func(id model.ID) bool { return (sa != nil && sa.ID == id) || (da != nil && da.ID == id) }
	if (df.FromAsset != "" && !has(df.FromAsset)) || (df.ToAsset != "" && !has(df.ToAsset)) {
		return false
	}
	if tr := strings.ToLower(strings.TrimSpace(df.Transport)); tr != "" && tr != "any" && !strings.Contains(tr, f.Transport) {
		return false
	}
	if strings.EqualFold(strings.TrimSpace(df.Protocol), "any") && strings.TrimSpace(df.Port) == "" {
		return true
	}
	port := strings.TrimSpace(df.Port)
	if strings.EqualFold(port, "any") {
		return true
	}
	if port == "" {
		dn, on := normHeader(df.Protocol), normHeader(f.Protocol)
		return dn != "" && on != "" && (strings.HasPrefix(on, dn) || strings.HasPrefix(dn, on))
	}
	return portListContains(port, int(f.Port))
}

// portListContains reads "502", "1024-2048" or "80,443" as DataFlow.Port
// allows them.
func portListContains(list string, port int) bool {
	for _, part := range strings.Split(list, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		if err != nil {
			continue
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil {
				continue
			}
		}
		if port >= a && port <= b {
			return true
		}
	}
	return false
}

// addressesOutsideZones reports asset addresses outside every subnet of
// their zone; zones without subnets are not judged.
func addressesOutsideZones(r *resolver) []Finding {
	var out []Finding
	for i := range r.p.Assets {
		a := &r.p.Assets[i]
		z := r.zone[a.ZoneID]
		if z == nil || len(z.Subnets) == 0 {
			continue
		}
		for _, s := range a.IPs {
			ip, err := model.ParseIP(s)
			if err != nil || z.ContainsAddr(ip) {
				continue
			}
			out = append(out, Finding{Rule: RuleAddressOutsideZone, Severity: SeverityWarning,
				Subject: string(a.ID) + "/" + ip.String(), Asset: a.ID, Address: ip.String(), Zone: z.ID,
				Message: fmt.Sprintf("asset %q has address %s, outside every subnet of its zone %q (%s)", a.Name, ip, z.Name, strings.Join(z.Subnets, ", "))})
		}
	}
	return out
}

// sortFindings orders findings by rule, then subject. It sorts indices, not
// the large structs themselves, which would be copied on every swap.
func sortFindings(fs []Finding) []Finding {
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(ruleOrder(fs[a].Rule), ruleOrder(fs[b].Rule)), strings.Compare(fs[a].Subject, fs[b].Subject))
	})
	out := make([]Finding, len(fs))
	for i, j := range idx {
		out[i] = fs[j]
	}
	return out
}

// zoneFlows aggregates host-level flows by zone pair, transport and port,
// sorted by source zone, destination zone, transport and port.
func zoneFlows(flows []ObservedFlow) []ZoneFlow {
	type key struct {
		sz, dz    model.ID
		transport string
		port      int
	}
	idx := map[key]int{}
	out := []ZoneFlow{}
	for _, f := range flows {
		k := key{f.SourceZone, f.DestinationZone, f.Transport, f.Port}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, ZoneFlow{SourceZone: k.sz, DestinationZone: k.dz, Transport: k.transport, Port: k.port, Protocol: f.Protocol})
		}
		z := &out[i]
		z.Count += f.Count
		z.Bytes += f.Bytes
		z.HostPairs++
		if f.First != nil && (z.First == nil || f.First.Before(*z.First)) {
			z.First = f.First
		}
		if f.Last != nil && (z.Last == nil || f.Last.After(*z.Last)) {
			z.Last = f.Last
		}
	}
	slices.SortFunc(out, func(a, b ZoneFlow) int {
		return cmp.Or(strings.Compare(string(a.SourceZone), string(b.SourceZone)), strings.Compare(string(a.DestinationZone), string(b.DestinationZone)),
			strings.Compare(a.Transport, b.Transport), cmp.Compare(a.Port, b.Port))
	})
	return out
}
