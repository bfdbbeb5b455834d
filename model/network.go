package model

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
)

// Rules of the network identity checks (asset addresses, zone subnets and
// VLANs, flow endpoints).
const (
	RuleNetworkAddress   = "bad-network-address"
	RuleDuplicateAddress = "duplicate-address"
	RuleFlowAsset        = "flow-asset-outside-zone"
)

// ParseIP parses an IPv4 or IPv6 address, trimming spaces. IPv4-mapped IPv6
// addresses are unmapped, so "::ffff:10.0.0.1" and "10.0.0.1" are one host.
func ParseIP(s string) (netip.Addr, error) {
	a, err := netip.ParseAddr(strings.TrimSpace(s))
	if err != nil {
		return netip.Addr{}, fmt.Errorf("%q is not an IP address", s)
	}
	return a.Unmap(), nil
}

// ParseSubnet parses a CIDR network such as "10.1.2.0/24". A prefix with host
// bits set ("10.1.2.7/24") is refused with the network it probably means,
// because a zone's subnet is a network, not an interface address.
func ParseSubnet(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(strings.TrimSpace(s))
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("%q is not a CIDR network, want for example 10.1.2.0/24", s)
	}
	if m := p.Masked(); m != p {
		return netip.Prefix{}, fmt.Errorf("%q has host bits set, want the network %s", s, m)
	}
	return p, nil
}

// NormalizeMAC returns a MAC address in canonical form, lower case with
// colons ("00:1a:2b:3c:4d:5e"). It accepts colons, hyphens, Cisco dots
// ("001a.2b3c.4d5e") and twelve bare hex digits, as inventories write them.
func NormalizeMAC(s string) (string, error) {
	t := strings.TrimSpace(s)
	if len(t) == 12 && isHex(t) {
		var b strings.Builder
		for i := 0; i < 12; i += 2 {
			if i > 0 {
				b.WriteByte(':')
			}
			b.WriteString(t[i : i+2])
		}
		t = b.String()
	}
	hw, err := net.ParseMAC(t)
	if err != nil || len(hw) != 6 {
		return "", fmt.Errorf("%q is not a MAC address, want six hex bytes such as 00:1a:2b:3c:4d:5e", s)
	}
	return hw.String(), nil
}

func isHex(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// ContainsAddr reports whether one of the zone's subnets contains a. Subnets
// that do not parse are skipped (Validate reports them).
func (z *Zone) ContainsAddr(a netip.Addr) bool {
	for _, s := range z.Subnets {
		if p, err := ParseSubnet(s); err == nil && p.Contains(a) {
			return true
		}
	}
	return false
}

// network checks addresses, subnets, VLANs and flow endpoints. Two assets
// sharing an IP or MAC address is a warning, not an error: redundant pairs
// and NAT make it legitimate, but it is usually a typing mistake.
func (v *validator) network() {
	type owner struct {
		id   ID
		name string
	}
	ips := map[netip.Addr]owner{}
	macs := map[string]owner{}
	for i := range v.p.Assets {
		a := &v.p.Assets[i]
		s := subject{"asset", a.ID, a.Name}
		for j, ip := range a.IPs {
			f := fmt.Sprintf("ips[%d]", j)
			addr, err := ParseIP(ip)
			if err != nil {
				v.errorf(RuleNetworkAddress, s, f, "", err)
				continue
			}
			if o, dup := ips[addr]; dup && o.id != a.ID {
				v.warnf(RuleDuplicateAddress, s, f, "problem.also-address-asset", addr, quote(o.name))
			} else {
				ips[addr] = owner{a.ID, a.Name}
			}
		}
		if a.MAC != "" {
			mac, err := NormalizeMAC(a.MAC)
			switch {
			case err != nil:
				v.errorf(RuleNetworkAddress, s, "mac", "", err)
			case macs[mac].id != "" && macs[mac].id != a.ID:
				v.warnf(RuleDuplicateAddress, s, "mac", "problem.also-mac-address-asset", mac, quote(macs[mac].name))
			default:
				macs[mac] = owner{a.ID, a.Name}
			}
		}
	}
	for i := range v.p.Zones {
		z := &v.p.Zones[i]
		s := subject{"zone", z.ID, z.Name}
		for j, sn := range z.Subnets {
			if _, err := ParseSubnet(sn); err != nil {
				v.errorf(RuleNetworkAddress, s, fmt.Sprintf("subnets[%d]", j), "", err)
			}
		}
		for j, vl := range z.VLANs {
			if vl < 1 || vl > 4094 {
				v.errorf(RuleRange, s, fmt.Sprintf("vlans[%d]", j), "problem.vlan-out-range-1-4094", vl)
			}
		}
	}
	for i := range v.p.Conduits {
		c := &v.p.Conduits[i]
		s := subject{"conduit", c.ID, c.Name}
		for j, fl := range c.Flows {
			v.flowAsset(s, fmt.Sprintf("flows[%d].fromAsset", j), fl.FromAsset, fl.From)
			v.flowAsset(s, fmt.Sprintf("flows[%d].toAsset", j), fl.ToAsset, fl.To)
		}
	}
}

// flowAsset checks that a flow's asset end exists and sits in the flow's zone
// at that end.
func (v *validator) flowAsset(s subject, field string, asset, zone ID) {
	if asset == "" {
		return
	}
	a := v.assets[asset]
	switch {
	case a == nil:
		v.errorf(RuleDangling, s, field, "problem.no-asset-id", quote(asset))
	case a.ZoneID != zone:
		zn := string(zone)
		if z := v.zones[zone]; z != nil {
			zn = z.Name
		}
		v.errorf(RuleFlowAsset, s, field, "problem.asset-not-zone-at-end", quote(a.Name), quote(zn))
	}
}
