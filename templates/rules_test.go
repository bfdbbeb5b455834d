package templates

import (
	"slices"
	"strings"
	"testing"

	"zonewise/model"
)

// rulesPlant is a small plant: an office network, a remote-access zone, a
// control zone, a safety zone and a well reached over a VPN.
func rulesPlant() *model.Project {
	p := &model.Project{}
	for _, z := range []struct {
		id  string
		typ model.ZoneType
	}{{"office", model.ZoneEnterprise}, {"remote", model.ZoneRemoteAccess}, {"control", model.ZoneControl},
		{"sis", model.ZoneSafety}, {"well", model.ZoneWireless}, {"laptops", model.ZoneTransient}} {
		p.Zones = append(p.Zones, model.Zone{ID: model.ID(z.id), Name: z.id, Type: z.typ})
	}
	return p
}

func conduit(name string, typ model.ConduitType, zones []string, flows ...model.DataFlow) model.Conduit {
	c := model.Conduit{ID: model.ID(name), Name: name, Type: typ, Flows: flows}
	for _, z := range zones {
		c.ZoneIDs = append(c.ZoneIDs, model.ID(z))
	}
	return c
}

func fl(protocol, from, to string, kind model.FlowKind) model.DataFlow {
	return model.DataFlow{Protocol: protocol, From: model.ID(from), To: model.ID(to), Kind: kind}
}

func sl(fr1, fr5 int) model.SLVector { return model.SLVector{fr1, 1, 1, 1, fr5, 1, 1} }

func TestRulesFollowTheFlows(t *testing.T) {
	p := rulesPlant()
	p.Conduits = []model.Conduit{
		conduit("vendor-vpn", model.ConduitVPN, []string{"office", "remote"}, fl("IPsec", "office", "remote", model.FlowPolling)),
		conduit("jump", model.ConduitGateway, []string{"remote", "control"}, fl("RDP", "remote", "control", model.FlowInteractive)),
	}
	tests := []struct {
		name                         string
		c                            model.Conduit
		slt                          model.SLVector
		sessions, mfa, oneWay, diode bool
		external                     bool
		basis                        string
	}{
		{"a diode-type conduit with replication is one way and enforced, with no MFA",
			conduit("diode", model.ConduitUnidirectional, []string{"control", "office"}, fl("PI-to-PI replication", "control", "office", model.FlowPolling)),
			sl(4, 4), false, false, true, false, false, ""},
		{"a firewall carrying only SIS status reads at FR5 SL-T 4 gets the diode rule",
			conduit("sis-status", model.ConduitFirewall, []string{"sis", "control"}, fl("Modbus/TCP", "sis", "control", model.FlowPolling)),
			sl(4, 4), false, false, true, true, false, ""},
		{"the same conduit at FR5 SL-T 2 is kept one way by the firewall, not a diode",
			conduit("sis-status", model.ConduitFirewall, []string{"sis", "control"}, fl("Modbus/TCP", "sis", "control", model.FlowPolling)),
			sl(2, 2), false, false, true, false, false, ""},
		{"a conduit with a control write is not one way whatever its FR5 SL-T",
			conduit("scada", model.ConduitFirewall, []string{"control", "sis"}, fl("S7", "control", "sis", model.FlowControlWrite)),
			sl(4, 4), false, false, false, false, false, ""},
		{"a telemetry VPN with DNP3 polling is external but carries no session and needs no MFA",
			conduit("lte", model.ConduitVPN, []string{"well", "control"}, fl("DNP3", "control", "well", model.FlowPolling)),
			sl(4, 4), false, false, false, false, true, ""},
		{"a USB conduit needs neither MFA nor a one-way rule",
			conduit("usb", model.ConduitRemovableMedia, []string{"laptops", "control"}, fl("USB mass storage", "laptops", "control", model.FlowFileTransfer)),
			sl(3, 3), false, false, false, false, false, ""},
		{"a serial read-only link is not held one way by a gateway",
			conduit("rs485", model.ConduitSerial, []string{"sis", "control"}, fl("Modbus RTU", "sis", "control", model.FlowPolling)),
			sl(4, 4), false, false, false, false, false, ""},
		{"RDP from the office at FR1 SL-T 3 needs MFA for an untrusted network",
			conduit("office-rdp", model.ConduitFirewall, []string{"office", "control"}, fl("RDP", "office", "control", model.FlowInteractive)),
			sl(3, 2), true, true, false, false, false, "SR 1.1 RE 2"},
		{"RDP between two OT zones at FR1 SL-T 3 needs MFA only by plant rule",
			conduit("ot-rdp", model.ConduitFirewall, []string{"control", "sis"}, fl("RDP", "control", "sis", model.FlowInteractive)),
			sl(3, 2), true, true, false, false, false, "plant rule"},
		{"RDP at FR1 SL-T 1 inside the OT needs no MFA",
			conduit("ot-rdp", model.ConduitFirewall, []string{"control", "sis"}, fl("RDP", "control", "sis", model.FlowInteractive)),
			sl(1, 1), true, false, false, false, false, ""},
		{"a vendor tunnel into the remote-access zone carries the jump-host sessions",
			p.Conduits[0], sl(2, 2), true, true, false, false, true, "plant rule for remote access"},
		{"at FR1 SL-T 4 every interactive conduit needs MFA on all networks",
			p.Conduits[1], sl(4, 4), true, true, false, false, true, "SR 1.1 RE 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := RulesFor(p, &tt.c, tt.slt)
			got := []bool{r.Sessions, r.MFA, r.OneWay, r.Diode, r.External}
			want := []bool{tt.sessions, tt.mfa, tt.oneWay, tt.diode, tt.external}
			if !slices.Equal(got, want) {
				t.Errorf("sessions, MFA, one way, diode, external = %v, want %v", got, want)
			}
			if !strings.Contains(r.MFABasis, tt.basis) || (tt.basis == "" && r.MFABasis != "") {
				t.Errorf("MFA basis %q, want it to contain %q", r.MFABasis, tt.basis)
			}
		})
	}
}

func conduitNames(cs []*ConduitData) []string {
	var out []string
	for _, c := range cs {
		out = append(out, strings.Fields(string(c.Name))[0])
	}
	return out
}

// The sample plant's rules, worked out by hand from its flows: K01 carries
// PI Vision sessions, K03 tunnels the vendor sessions to the jump host, K04
// and K05 carry RDP; K02, K10 and K12 carry only reads one way; K11 is the
// LTE telemetry tunnel with DNP3 polling; the integrator laptop is a
// supplier-owned transient device.
func TestSamplePlantRules(t *testing.T) {
	_, d := sampleData(t)
	for _, tt := range []struct {
		name string
		got  []string
		want []string
	}{
		{"MFA is required on the four conduits a person logs on across", conduitNames(d.MFAConduits), []string{"K01", "K03", "K04", "K05"}},
		{"the one-way rule covers the diode and the two read-only network conduits", conduitNames(d.OneWayConduits), []string{"K02", "K10", "K12"}},
		{"remote access procedures cover the vendor VPN and the jump host", conduitNames(d.RemoteAccessConduits), []string{"K03", "K04"}},
		{"the LTE tunnel is a telemetry link", conduitNames(d.TelemetryConduits), []string{"K11"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !slices.Equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
	t.Run("the integrator laptop is the only supplier device", func(t *testing.T) {
		if len(d.SupplierDevices) != 1 || d.SupplierDevices[0].Name != "Service-Laptop Integrator" {
			t.Errorf("supplier devices %v", d.SupplierDevices)
		}
	})
	t.Run("the document check names every rule it left out, with its reason", func(t *testing.T) {
		want := map[string]string{
			CheckOneWay + "@K07":       "control write",
			CheckOneWay + "@K13":       "carried by hand",
			CheckOneWay + "@K09":       "serial",
			CheckMFA + "@K02":          "no person logs on",
			CheckMFA + "@K13":          "carried by hand",
			CheckRemoteAccess + "@K11": "machine traffic only",
			CheckSupplierLaptops + "@Service-Laptop Integrator": "work permit",
		}
		got := map[string]string{}
		for _, a := range d.Adjustments {
			obj := a.Object
			if a.Kind == string(model.TargetConduit) {
				obj = strings.Fields(obj)[0]
			}
			got[a.Rule+"@"+obj] = a.Reason
		}
		for k, w := range want {
			if !strings.Contains(got[k], w) {
				t.Errorf("%s: reason %q, want it to contain %q", k, got[k], w)
			}
		}
		for k := range got {
			if strings.HasPrefix(k, CheckMFA) && slices.Contains([]string{"@K01", "@K03", "@K04", "@K05"}, k[len(CheckMFA):]) {
				t.Errorf("%s: MFA reported as left out on a conduit that requires it", k)
			}
			if k == CheckOneWay+"@K10" || k == CheckOneWay+"@K12" {
				t.Errorf("%s: one-way rule reported as left out on a one-way conduit", k)
			}
		}
	})
}
