package model

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestNormalizeMAC(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"colons in upper case become lower case", "00:1A:2B:3C:4D:5E", "00:1a:2b:3c:4d:5e", true},
		{"hyphens as Windows writes them are accepted", "00-1a-2b-3c-4d-5e", "00:1a:2b:3c:4d:5e", true},
		{"Cisco dotted form is accepted", "001a.2b3c.4d5e", "00:1a:2b:3c:4d:5e", true},
		{"twelve bare hex digits with spaces around are accepted", " 001A2B3C4D5E ", "00:1a:2b:3c:4d:5e", true},
		{"five bytes are refused", "00:1a:2b:3c:4d", "", false},
		{"an EUI-64 address is refused", "00:1a:2b:3c:4d:5e:6f:70", "", false},
		{"non-hex digits are refused", "00:1a:2b:3c:4d:zz", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NormalizeMAC(tc.in)
			if (err == nil) != tc.ok || got != tc.want {
				t.Fatalf("NormalizeMAC(%q) = %q, %v; want %q, ok %v", tc.in, got, err, tc.want, tc.ok)
			}
		})
	}
}

func TestParseSubnet(t *testing.T) {
	tests := []struct {
		name, in, errPart string
	}{
		{"a network parses", "10.1.2.0/24", ""},
		{"an IPv6 network parses", "fd00:1::/64", ""},
		{"host bits set names the network meant", "10.1.2.7/24", "want the network 10.1.2.0/24"},
		{"a bare address is not a network", "10.1.2.0", "not a CIDR network"},
		{"a prefix length beyond 32 is refused", "10.1.2.0/33", "not a CIDR network"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSubnet(tc.in)
			if tc.errPart == "" {
				if err != nil {
					t.Fatalf("ParseSubnet(%q): %v", tc.in, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.errPart) {
				t.Fatalf("ParseSubnet(%q) error = %v, want it to contain %q", tc.in, err, tc.errPart)
			}
		})
	}
}

func TestValidateNetworkIdentity(t *testing.T) {
	base := func() *Project {
		p := Sample()
		return p
	}
	tests := []struct {
		name  string
		edit  func(p *Project)
		want  string // substring of one problem line
		rule  string
		error bool
	}{
		{"a bad IP names the asset and the list index", func(p *Project) {
			p.Assets[0].IPs = []string{"10.0.0.1", "10.0.0.300"}
		}, `field ips[1]: "10.0.0.300" is not an IP address`, RuleNetworkAddress, true},
		{"a bad MAC names the field mac", func(p *Project) {
			p.Assets[0].MAC = "00:11:22"
		}, `field mac: "00:11:22" is not a MAC address`, RuleNetworkAddress, true},
		{"a bad CIDR names the zone and the subnet index", func(p *Project) {
			p.Zones[0].Subnets = []string{"10.0.0.0/24", "10.1.0.0/99"}
		}, `field subnets[1]: "10.1.0.0/99" is not a CIDR network`, RuleNetworkAddress, true},
		{"a VLAN above 4094 is out of range", func(p *Project) {
			p.Zones[0].VLANs = []int{4095}
		}, "field vlans[0]: VLAN 4095 is out of range", RuleRange, true},
		{"two assets with one IP is a warning naming the other", func(p *Project) {
			p.Assets[0].IPs = []string{"10.0.0.5"}
			p.Assets[1].IPs = []string{"10.0.0.5"}
		}, "is also the address of asset", RuleDuplicateAddress, false},
		{"a flow asset outside the flow's zone is an error", func(p *Project) {
			c := &p.Conduits[0]
			for i := range p.Assets {
				if p.Assets[i].ZoneID != c.Flows[0].From {
					c.Flows[0].FromAsset = p.Assets[i].ID
					break
				}
			}
		}, "flows[0].fromAsset", RuleFlowAsset, true},
		{"a flow naming a missing asset is dangling", func(p *Project) {
			p.Conduits[0].Flows[0].ToAsset = "no-such-asset"
		}, `field flows[0].toAsset: no asset with ID "no-such-asset"`, RuleDangling, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := base()
			tc.edit(p)
			for _, pr := range Validate(p) {
				if strings.Contains(pr.String(), tc.want) {
					if pr.Rule != tc.rule || (pr.Severity == SeverityError) != tc.error {
						t.Fatalf("problem %q has rule %s severity %s, want %s error=%v", pr, pr.Rule, pr.Severity, tc.rule, tc.error)
					}
					return
				}
			}
			t.Fatalf("no problem contains %q; got %v", tc.want, Validate(p))
		})
	}
	t.Run("the sample plant with valid addresses has no network problem", func(t *testing.T) {
		p := base()
		p.Assets[0].IPs = []string{"10.0.0.5", "fd00::5"}
		p.Assets[0].MAC = "00-1A-2B-3C-4D-5E"
		p.Zones[0].Subnets = []string{"10.0.0.0/24"}
		p.Zones[0].VLANs = []int{10}
		for _, pr := range Validate(p) {
			if pr.Rule == RuleNetworkAddress || pr.Rule == RuleDuplicateAddress || pr.Rule == RuleFlowAsset {
				t.Errorf("unexpected %v", pr)
			}
		}
	})
}

// An existing file of either schema loads with empty network fields, and a
// project without them saves to the same bytes as before (the fields are
// optional), so no migration step is needed beyond the defaults.
func TestOlderFilesLoadWithEmptyNetworkFields(t *testing.T) {
	for _, name := range []string{"testdata/schema1.json", "testdata/sample.zonewise.json"} {
		t.Run(name+" loads with no addresses and saves unchanged", func(t *testing.T) {
			p, err := Load(name)
			if err != nil {
				t.Fatal(err)
			}
			if name == "testdata/sample.zonewise.json" {
				// The sample has had addresses since sample_addresses.go:
				// only its byte-exact round trip is checked below.
				data, err := Marshal(p)
				if err != nil {
					t.Fatal(err)
				}
				if orig, _ := os.ReadFile(name); !bytes.Equal(orig, data) {
					t.Fatal("the sample file does not round-trip to the same bytes")
				}
				return
			}
			for _, a := range p.Assets {
				if a.IPs != nil || a.MAC != "" || a.Hostname != "" || a.Serial != "" || a.Location != "" || a.Services != nil {
					t.Fatalf("asset %q has network fields %+v", a.Name, a)
				}
			}
			for _, z := range p.Zones {
				if z.Subnets != nil || z.VLANs != nil {
					t.Fatalf("zone %q has subnets %v vlans %v", z.Name, z.Subnets, z.VLANs)
				}
			}
			data, err := Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(data, []byte(`"ips"`)) || bytes.Contains(data, []byte(`"subnets"`)) || bytes.Contains(data, []byte(`"fromAsset"`)) {
				t.Fatal("empty network fields were written")
			}
			if name == "testdata/sample.zonewise.json" {
				orig, _ := os.ReadFile(name)
				if !bytes.Equal(orig, data) {
					t.Fatal("the sample file does not round-trip to the same bytes")
				}
			}
		})
	}
	t.Run("the new fields round-trip", func(t *testing.T) {
		p := Sample()
		p.Assets[0].IPs = []string{"10.0.0.5"}
		p.Assets[0].MAC = "00:1a:2b:3c:4d:5e"
		p.Assets[0].Services = []string{"502/tcp modbus"}
		p.Zones[0].Subnets = []string{"10.0.0.0/24"}
		p.Zones[0].VLANs = []int{10, 20}
		data, err := Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		q, err := Unmarshal(data)
		if err != nil {
			t.Fatal(err)
		}
		a := q.Asset(p.Assets[0].ID)
		z := q.Zone(p.Zones[0].ID)
		if a.MAC != "00:1a:2b:3c:4d:5e" || len(a.IPs) != 1 || len(a.Services) != 1 || len(z.VLANs) != 2 || z.Subnets[0] != "10.0.0.0/24" {
			t.Fatalf("round trip lost fields: asset %+v zone subnets %v vlans %v", a, z.Subnets, z.VLANs)
		}
	})
}

// Deleting an asset a flow is narrowed to keeps the flow and clears the
// asset reference; undo restores it.
func TestRemoveAssetUnlinksFlows(t *testing.T) {
	for _, viaZone := range []bool{false, true} {
		name := "deleting the asset clears fromAsset and keeps the flow"
		if viaZone {
			name = "deleting the asset's zone leaves no flow naming the asset"
		}
		t.Run(name, func(t *testing.T) {
			p := Sample()
			var ci, fi int = -1, -1
			var asset *Asset
			// A conduit of three or more zones survives the removal of one.
			for i := range p.Conduits {
				for j, fl := range p.Conduits[i].Flows {
					for k := range p.Assets {
						if p.Assets[k].ZoneID == fl.From && ci < 0 && (!viaZone || len(p.Conduits[i].ZoneIDs) > 2 || fl.To != fl.From) {
							ci, fi, asset = i, j, &p.Assets[k]
						}
					}
				}
			}
			if ci < 0 {
				t.Skip("the sample has no flow from a zone with assets")
			}
			p.Conduits[ci].Flows[fi].FromAsset = asset.ID
			before := mustMarshal(t, p)
			var cmd Command
			var err error
			if viaZone {
				cmd, err = RemoveCascade[Zone](p, asset.ZoneID)
			} else {
				cmd, err = RemoveCascade[Asset](p, asset.ID)
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Apply(p); err != nil {
				t.Fatal(err)
			}
			for _, pr := range Validate(p) {
				if pr.Severity == SeverityError {
					t.Errorf("after %s: %s", cmd.Label(), pr)
				}
			}
			for _, c := range p.Conduits {
				for _, fl := range c.Flows {
					if fl.FromAsset == asset.ID {
						t.Fatalf("conduit %q still names the removed asset", c.Name)
					}
				}
			}
			cmd.Revert(p)
			if !bytes.Equal(mustMarshal(t, p), before) {
				t.Fatal("undo does not restore the project")
			}
		})
	}
}
