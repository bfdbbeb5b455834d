package importer

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"zonewise/model"
)

// wantFindings are the reconcile findings of the test plant and its traffic
// (see fixture_test.go), worked out by hand, as rule@subject.
var wantFindings = []string{
	RuleUnmodelledPath + "@" + string(zEnterprise) + ">" + string(zControl) + "/tcp/102",
	RuleUndeclaredFlow + "@" + string(zSCADA) + ">" + string(zControl) + "/tcp/44818",
	RuleUnknownHost + "@02:00:00:00:09:99",
	RuleUnknownHost + "@10.0.1.99",
	RuleAddressOutsideZone + "@" + string(aStray) + "/10.0.5.5",
	RuleFlowNotObserved + "@" + string(cC1) + "#1",
	RuleFlowNotObserved + "@" + string(cC2) + "#0",
}

func findingKeys(fs []Finding) []string {
	var keys []string
	for _, f := range fs {
		keys = append(keys, f.Rule+"@"+f.Subject)
	}
	return keys
}

func TestReconcileFindsEveryDifference(t *testing.T) {
	sources := []struct {
		name string
		data func(t *testing.T) []byte
		// packets says whether counts are packets (captures) or connections.
		packets bool
	}{
		{"a pcap capture", func(t *testing.T) []byte { return writePcap(t, observedTraffic) }, true},
		{"a pcapng capture", func(t *testing.T) []byte { return writePcapng(t, observedTraffic) }, true},
		{"a Zeek conn.log in TSV", func(t *testing.T) []byte { return []byte(zeekTSV) }, false},
		{"a Zeek conn.log as JSON lines", func(t *testing.T) []byte { return []byte(zeekJSONLines) }, false},
		{"a CSV flow list", func(t *testing.T) []byte { return []byte(flowListCSV) }, false},
	}
	for _, src := range sources {
		t.Run(src.name+" gives the hand-computed findings", func(t *testing.T) {
			tr := NewTraffic()
			if _, err := ReadTraffic("traffic", bytes.NewReader(src.data(t)), tr); err != nil {
				t.Fatal(err)
			}
			res := Reconcile(testPlant(), tr.Flows())
			got := findingKeys(res.Findings)
			want := wantFindings
			if !src.packets {
				// Logs and flow lists carry no layer-2 frames.
				want = slices.DeleteFunc(slices.Clone(want), func(s string) bool { return strings.Contains(s, "02:00:00:00:09:99") })
			}
			if !slices.Equal(got, want) {
				t.Fatalf("findings\n got %q\nwant %q", got, want)
			}
			for _, f := range res.Findings {
				if f.Message == "" {
					t.Errorf("finding %s@%s has no message", f.Rule, f.Subject)
				}
			}
			un := res.Findings[0]
			if !strings.Contains(un.Message, `zone "Enterprise" to zone "Control"`) || !strings.Contains(un.Message, "10.0.9.5 -> 10.0.1.10") || un.Protocol != "S7comm" {
				t.Errorf("unmodelled path finding = %+v", un)
			}
			ud := res.Findings[1]
			if ud.Conduit != cC1 || ud.Protocol != "EtherNet/IP" {
				t.Errorf("undeclared flow finding = %+v, want conduit C1 and EtherNet/IP", ud)
			}
			if src.packets && ud.Count != 2 {
				t.Errorf("undeclared flow counts %d packets, want 2", ud.Count)
			}
		})
	}
}

func TestReconcileAggregatesFlowsByAssetAndZone(t *testing.T) {
	tr := NewTraffic()
	if _, err := ReadTraffic("x.pcap", bytes.NewReader(writePcap(t, observedTraffic)), tr); err != nil {
		t.Fatal(err)
	}
	res := Reconcile(testPlant(), tr.Flows())
	// Six flows: Modbus (both ports of the HMI fold into one), EtherNet/IP,
	// S7, the unknown host's Modbus, the BACnet broadcast, PROFINET.
	if len(res.Flows) != 6 {
		t.Fatalf("%d flows, want 6: %+v", len(res.Flows), res.Flows)
	}
	var modbus *ObservedFlow
	for i := range res.Flows {
		if res.Flows[i].Source == "10.0.2.20" && res.Flows[i].Port == 502 {
			modbus = &res.Flows[i]
		}
	}
	if modbus == nil {
		t.Fatal("no HMI Modbus flow")
	}
	want := ObservedFlow{Source: "10.0.2.20", Destination: "10.0.1.10", SourceAsset: aHMI, DestinationAsset: aPLC,
		SourceZone: zSCADA, DestinationZone: zControl, Transport: "tcp", Port: 502, Protocol: "Modbus/TCP", VLAN: 10, Count: 5}
	got := *modbus
	got.Bytes, got.First, got.Last = 0, nil, nil
	if got != want {
		t.Fatalf("Modbus flow\n got %+v\nwant %+v", got, want)
	}
	if !modbus.First.Equal(t0) || !modbus.Last.Equal(t0.Add(60*time.Second)) {
		t.Errorf("first/last seen %v..%v, want %v..%v", modbus.First, modbus.Last, t0, t0.Add(60*time.Second))
	}
	// By zone: Modbus SCADA→Control (HMI, 5 packets) and Control→Control
	// (the unknown host in Control's subnet, 1 packet) stay apart; the
	// PROFINET frame (from PLC1's MAC to an unknown one) and the broadcast
	// have no zone at their destination.
	var zgot []string
	for _, z := range res.ZoneFlows {
		zgot = append(zgot, fmt.Sprintf("%s>%s %s/%d %d×%d", z.SourceZone, z.DestinationZone, z.Transport, z.Port, z.Count, z.HostPairs))
	}
	want2 := []string{
		string(zControl) + "> ethernet/34962 1×1",
		string(zControl) + ">" + string(zControl) + " tcp/502 1×1",
		string(zEnterprise) + ">" + string(zControl) + " tcp/102 1×1",
		string(zSCADA) + "> udp/47808 1×1",
		string(zSCADA) + ">" + string(zControl) + " tcp/502 5×1",
		string(zSCADA) + ">" + string(zControl) + " tcp/44818 2×1",
	}
	if !slices.Equal(zgot, want2) {
		t.Fatalf("zone flows\n got %q\nwant %q", zgot, want2)
	}
}

func TestZoneSuggestions(t *testing.T) {
	tr := NewTraffic()
	res := Reconcile(testPlant(), tr.Flows())
	var got []string
	for _, s := range res.Suggestions {
		got = append(got, fmt.Sprintf("%s|%s|%s|%v", s.Zone, s.Name, s.Basis, s.Assets))
	}
	want := []string{
		fmt.Sprintf("%s|Control|subnet 10.0.1.0/24|[%s]", zControl, aU3),
		fmt.Sprintf("|Subnet 10.0.7.0/24|subnet 10.0.7.0/24|[%s %s]", aU1, aU2),
	}
	if !slices.Equal(got, want) {
		t.Fatalf("suggestions\n got %q\nwant %q", got, want)
	}
	if c := res.Suggestions[1].Classes; !slices.Equal(c, []string{"embedded-device: 1", "host-device: 1"}) {
		t.Errorf("classes %q", c)
	}
	t.Run("a VLAN seen in traffic places an asset in the zone declaring it", func(t *testing.T) {
		p := testPlant()
		p.Assets = append(p.Assets, model.Asset{ID: "a-v", Name: "V", Class: model.ClassHost, IPs: []string{"192.168.50.5"}})
		tr := NewTraffic()
		tr.Add(Key{Client: Endpoint{IP: mustAddr("192.168.50.5")}, Server: Endpoint{IP: mustAddr("10.0.1.10")}, Transport: "tcp", Port: 502}, 1, 60, time.Time{}, 10)
		res := Reconcile(p, tr.Flows())
		for _, s := range res.Suggestions {
			if slices.Contains(s.Assets, "a-v") {
				if s.Zone != zControl || s.Basis != "VLAN 10" {
					t.Fatalf("suggestion %+v, want zone Control by VLAN 10", s)
				}
				return
			}
		}
		t.Fatal("no suggestion for V")
	})
}

func TestDeclaredFlowMatching(t *testing.T) {
	hmi, plc := &model.Asset{ID: aHMI}, &model.Asset{ID: aPLC}
	modbus := Flow{Key: Key{Transport: "tcp", Port: 502}, Protocol: "Modbus/TCP"}
	tests := []struct {
		name string
		df   model.DataFlow
		sz   model.ID
		dz   model.ID
		f    Flow
		want bool
	}{
		{"the declared direction matches", model.DataFlow{Port: "502", Transport: "TCP", From: zSCADA, To: zControl}, zSCADA, zControl, modbus, true},
		{"the reverse direction does not match a one-way flow", model.DataFlow{Port: "502", From: zSCADA, To: zControl}, zControl, zSCADA, modbus, false},
		{"the reverse direction matches a bidirectional flow", model.DataFlow{Port: "502", From: zSCADA, To: zControl, Bidirectional: true}, zControl, zSCADA, modbus, true},
		{"the initiator opens the connection whatever the data direction", model.DataFlow{Port: "502", From: zControl, To: zSCADA, Initiator: zSCADA}, zSCADA, zControl, modbus, true},
		{"a port range includes the port", model.DataFlow{Port: "500-510", From: zSCADA, To: zControl}, zSCADA, zControl, modbus, true},
		{"a port list without the port does not match", model.DataFlow{Port: "102,4840", From: zSCADA, To: zControl}, zSCADA, zControl, modbus, false},
		{"a UDP flow does not permit TCP", model.DataFlow{Port: "502", Transport: "UDP", From: zSCADA, To: zControl}, zSCADA, zControl, modbus, false},
		{"a flow without a port matches by protocol name", model.DataFlow{Protocol: "Modbus", From: zSCADA, To: zControl}, zSCADA, zControl, modbus, true},
		{"an asset-bound flow matches its assets", model.DataFlow{Port: "502", From: zSCADA, To: zControl, FromAsset: aHMI, ToAsset: aPLC}, zSCADA, zControl, modbus, true},
		{"an asset-bound flow does not match other assets", model.DataFlow{Port: "502", From: zSCADA, To: zControl, FromAsset: aENG}, zSCADA, zControl, modbus, false},
		{"port any matches every port", model.DataFlow{Port: "any", From: zSCADA, To: zControl}, zSCADA, zControl, modbus, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := declaredMatches(tc.df, tc.sz, tc.dz, hmi, plc, tc.f); got != tc.want {
				t.Fatalf("declaredMatches = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestFlowNotObservedSaysWhetherTheCaptureCoveredItsZones(t *testing.T) {
	p := testPlant()
	// C3 joins Field, where no traffic was seen, and Control.
	p.Conduits = append(p.Conduits, model.Conduit{ID: "c-3", Name: "C3", Type: model.ConduitFirewall, ZoneIDs: []model.ID{zField, zControl},
		Flows: []model.DataFlow{{Protocol: "PROFINET", From: zControl, To: zField}}})
	tr := NewTraffic()
	if _, err := ReadTraffic("x.pcap", bytes.NewReader(writePcap(t, observedTraffic)), tr); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{string(cC1) + "#1": true, string(cC2) + "#0": true, "c-3#0": false}
	n := 0
	for _, f := range Reconcile(p, tr.Flows()).Findings {
		if f.Rule != RuleFlowNotObserved {
			continue
		}
		n++
		cov, ok := want[f.Subject]
		if !ok || f.Covered != cov {
			t.Errorf("%s: covered %v, want %v (listed: %v)", f.Subject, f.Covered, cov, ok)
		}
		if cov != strings.Contains(f.Message, "traffic of both zones was seen") {
			t.Errorf("%s: message %q", f.Subject, f.Message)
		}
	}
	if n != len(want) {
		t.Fatalf("%d flow-not-observed findings, want %d", n, len(want))
	}
}
