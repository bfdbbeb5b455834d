package importer

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"zonewise/model"
)

// suggestZones groups the assets that are in no zone: into an existing zone
// whose subnet holds the asset's address or whose VLAN the asset was seen
// on; else by the VLAN seen in traffic; else by the /24 (IPv4) or /64
// (IPv6) network of the first address, as a proposed new zone. Assets
// without an address cannot be placed and are left out.
func suggestZones(r *resolver, vlanOf map[netip.Addr]int) []Suggestion {
	zoneByVLAN := map[int]*model.Zone{}
	for i := range r.p.Zones {
		for _, v := range r.p.Zones[i].VLANs {
			if zoneByVLAN[v] == nil {
				zoneByVLAN[v] = &r.p.Zones[i]
			}
		}
	}
	groups := map[string]*Suggestion{}
	classes := map[string]map[model.AssetClass]int{}
	for i := range r.p.Assets {
		a := &r.p.Assets[i]
		if a.ZoneID != "" && r.zone[a.ZoneID] != nil {
			continue
		}
		ip, ok := firstIP(a)
		if !ok {
			continue
		}
		var s Suggestion
		vlan := vlanOf[ip]
		if z := r.zoneOf(Endpoint{IP: ip}, nil); z != nil {
			s = Suggestion{Zone: z.ID, Name: z.Name, Basis: "subnet of zone " + z.Name}
			for _, sn := range z.Subnets {
				if p, err := model.ParseSubnet(sn); err == nil && p.Contains(ip) {
					s.Subnet, s.Basis = p.String(), "subnet "+p.String()
					break
				}
			}
		} else if z := zoneByVLAN[vlan]; vlan != 0 && z != nil {
			s = Suggestion{Zone: z.ID, Name: z.Name, Basis: fmt.Sprintf("VLAN %d", vlan), VLAN: vlan}
		} else if vlan != 0 {
			s = Suggestion{Name: fmt.Sprintf("VLAN %d", vlan), Basis: fmt.Sprintf("VLAN %d", vlan), VLAN: vlan}
		} else {
			bits := 24
			if ip.Is6() {
				bits = 64
			}
			p, _ := ip.Prefix(bits)
			s = Suggestion{Name: "Subnet " + p.String(), Basis: "subnet " + p.String(), Subnet: p.String()}
		}
		key := string(s.Zone) + "|" + s.Basis
		g := groups[key]
		if g == nil {
			g = &s
			groups[key] = g
			classes[key] = map[model.AssetClass]int{}
		}
		g.Assets = append(g.Assets, a.ID)
		classes[key][a.Class]++
	}
	out := make([]Suggestion, 0, len(groups))
	for key, g := range groups {
		slices.Sort(g.Assets)
		g.Classes = []string{}
		for _, c := range model.AssetClasses() {
			if n := classes[key][c]; n > 0 {
				g.Classes = append(g.Classes, fmt.Sprintf("%s: %d", c, n))
			}
		}
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b Suggestion) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Basis, b.Basis))
	})
	return out
}

// firstIP is the lowest valid address of the asset.
func firstIP(a *model.Asset) (netip.Addr, bool) {
	var best netip.Addr
	for _, s := range a.IPs {
		if ip, err := model.ParseIP(s); err == nil && (!best.IsValid() || ip.Less(best)) {
			best = ip
		}
	}
	return best, best.IsValid()
}
