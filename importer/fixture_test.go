package importer

import (
	"bytes"
	"net"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"zonewise/model"
)

// The test plant: four zones with subnets, two conduits, assets with
// addresses. Every reconcile expectation below is worked out from it by hand.
//
//	zone Control    10.0.1.0/24 VLAN 10   PLC1 10.0.1.10 (mac 02:00:00:00:01:10), Stray 10.0.5.5 (outside!)
//	zone SCADA      10.0.2.0/24           HMI 10.0.2.20, ENG 10.0.2.21
//	zone Enterprise 10.0.9.0/24           ERP 10.0.9.5
//	zone Field      10.0.3.0/24           (no assets)
//	conduit C1 joins SCADA and Control: Modbus/TCP 502 SCADA→Control; S7comm 102 SCADA→Control
//	conduit C2 joins Enterprise and SCADA: HTTPS 443 Enterprise→SCADA
//	assets in no zone: U1 10.0.7.1, U2 10.0.7.2, U3 10.0.1.50
const (
	zControl, zSCADA, zEnterprise, zField = model.ID("z-control"), model.ID("z-scada"), model.ID("z-enterprise"), model.ID("z-field")
	aPLC, aHMI, aENG, aERP, aStray        = model.ID("a-plc1"), model.ID("a-hmi"), model.ID("a-eng"), model.ID("a-erp"), model.ID("a-stray")
	aU1, aU2, aU3                         = model.ID("a-u1"), model.ID("a-u2"), model.ID("a-u3")
	cC1, cC2                              = model.ID("c-1"), model.ID("c-2")
)

func testPlant() *model.Project {
	p := model.Sample()
	p.Zones = []model.Zone{
		{ID: zControl, Name: "Control", Type: model.ZoneControl, PurdueLevel: 1, Subnets: []string{"10.0.1.0/24"}, VLANs: []int{10}},
		{ID: zSCADA, Name: "SCADA", Type: model.ZoneSupervisory, PurdueLevel: 2, Subnets: []string{"10.0.2.0/24"}},
		{ID: zEnterprise, Name: "Enterprise", Type: model.ZoneEnterprise, PurdueLevel: 4, Subnets: []string{"10.0.9.0/24"}},
		{ID: zField, Name: "Field", Type: model.ZoneField, PurdueLevel: 0, Subnets: []string{"10.0.3.0/24"}},
	}
	p.Conduits = []model.Conduit{
		{ID: cC1, Name: "C1", Type: model.ConduitFirewall, ZoneIDs: []model.ID{zSCADA, zControl}, Flows: []model.DataFlow{
			{Protocol: "Modbus/TCP", Port: "502", Transport: "TCP", From: zSCADA, To: zControl},
			{Protocol: "S7comm", Port: "102", Transport: "TCP", From: zSCADA, To: zControl},
		}},
		{ID: cC2, Name: "C2", Type: model.ConduitFirewall, ZoneIDs: []model.ID{zEnterprise, zSCADA}, Flows: []model.DataFlow{
			{Protocol: "HTTPS", Port: "443", Transport: "TCP", From: zEnterprise, To: zSCADA},
		}},
	}
	p.Assets = []model.Asset{
		{ID: aPLC, Name: "PLC1", Class: model.ClassEmbedded, ZoneID: zControl, IPs: []string{"10.0.1.10"}, MAC: "02:00:00:00:01:10"},
		{ID: aStray, Name: "Stray", Class: model.ClassHost, ZoneID: zControl, IPs: []string{"10.0.5.5"}},
		{ID: aHMI, Name: "HMI", Class: model.ClassHost, ZoneID: zSCADA, IPs: []string{"10.0.2.20"}},
		{ID: aENG, Name: "ENG", Class: model.ClassHost, ZoneID: zSCADA, IPs: []string{"10.0.2.21"}, MAC: "02:00:00:00:02:21"},
		{ID: aERP, Name: "ERP", Class: model.ClassApplication, ZoneID: zEnterprise, IPs: []string{"10.0.9.5"}},
		{ID: aU1, Name: "U1", Class: model.ClassEmbedded, IPs: []string{"10.0.7.1"}},
		{ID: aU2, Name: "U2", Class: model.ClassHost, IPs: []string{"10.0.7.2"}},
		{ID: aU3, Name: "U3", Class: model.ClassEmbedded, IPs: []string{"10.0.1.50"}},
	}
	p.Scenarios, p.Countermeasures, p.Decisions = nil, nil, nil
	return p
}

// pkt describes one test packet.
type pkt struct {
	src, dst       string
	sport, dport   uint16
	udp            bool
	vlan           uint16
	etherType      uint16 // non-zero: a layer-2 frame of this type between the MACs
	srcMAC, dstMAC string
	at             time.Duration // after t0
}

var t0 = time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)

// observedTraffic is the capture of the test plant. Expected per flow:
//
//	HMI→PLC1 tcp/502 (VLAN 10): 3 packets + 2 replies = 5, declared by C1 flow 0
//	ENG→PLC1 tcp/44818: 2 packets, on C1 but undeclared
//	ERP→PLC1 tcp/102: 1 packet, Enterprise→Control: no conduit (unmodelled path)
//	10.0.1.99→PLC1 tcp/502: 1 packet, unknown host in Control's subnet
//	HMI→255.255.255.255 udp/47808: broadcast, no host and no path
//	PLC1 MAC→02:00:00:00:09:99 PROFINET: unknown layer-2 host
var observedTraffic = []pkt{
	{src: "10.0.2.20", dst: "10.0.1.10", sport: 50000, dport: 502, vlan: 10, at: 0},
	{src: "10.0.1.10", dst: "10.0.2.20", sport: 502, dport: 50000, vlan: 10, at: time.Second},
	{src: "10.0.2.20", dst: "10.0.1.10", sport: 50000, dport: 502, vlan: 10, at: 2 * time.Second},
	{src: "10.0.1.10", dst: "10.0.2.20", sport: 502, dport: 50000, vlan: 10, at: 3 * time.Second},
	{src: "10.0.2.20", dst: "10.0.1.10", sport: 50001, dport: 502, vlan: 10, at: 60 * time.Second},
	{src: "10.0.2.21", dst: "10.0.1.10", sport: 51000, dport: 44818, at: 10 * time.Second},
	{src: "10.0.1.10", dst: "10.0.2.21", sport: 44818, dport: 51000, at: 11 * time.Second},
	{src: "10.0.9.5", dst: "10.0.1.10", sport: 40000, dport: 102, at: 20 * time.Second},
	{src: "10.0.1.99", dst: "10.0.1.10", sport: 40001, dport: 502, at: 30 * time.Second},
	{src: "10.0.2.20", dst: "255.255.255.255", sport: 47808, dport: 47808, udp: true, at: 40 * time.Second},
	{etherType: 0x8892, srcMAC: "02:00:00:00:01:10", dstMAC: "02:00:00:00:09:99", at: 50 * time.Second},
}

func mustMAC(s string) net.HardwareAddr {
	if s == "" {
		s = "02:00:00:00:00:01"
	}
	m, err := net.ParseMAC(s)
	if err != nil {
		panic(err)
	}
	return m
}

// frame serialises one packet as an Ethernet frame.
func frame(t testing.TB, p pkt) []byte {
	t.Helper()
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	eth := &layers.Ethernet{SrcMAC: mustMAC(p.srcMAC), DstMAC: mustMAC(p.dstMAC), EthernetType: layers.EthernetTypeIPv4}
	var ls []gopacket.SerializableLayer
	if p.etherType != 0 {
		eth.EthernetType = layers.EthernetType(p.etherType)
		ls = []gopacket.SerializableLayer{eth, gopacket.Payload(make([]byte, 46))}
	} else {
		ip := &layers.IPv4{Version: 4, IHL: 5, TTL: 64, SrcIP: net.ParseIP(p.src).To4(), DstIP: net.ParseIP(p.dst).To4(), Protocol: layers.IPProtocolTCP}
		if p.vlan != 0 {
			eth.EthernetType = layers.EthernetTypeDot1Q
			ls = append(ls, eth, &layers.Dot1Q{VLANIdentifier: p.vlan, Type: layers.EthernetTypeIPv4})
		} else {
			ls = append(ls, eth)
		}
		ls = append(ls, ip)
		if p.udp {
			ip.Protocol = layers.IPProtocolUDP
			u := &layers.UDP{SrcPort: layers.UDPPort(p.sport), DstPort: layers.UDPPort(p.dport)}
			_ = u.SetNetworkLayerForChecksum(ip)
			ls = append(ls, u)
		} else {
			tc := &layers.TCP{SrcPort: layers.TCPPort(p.sport), DstPort: layers.TCPPort(p.dport), ACK: true, Window: 1024}
			_ = tc.SetNetworkLayerForChecksum(ip)
			ls = append(ls, tc)
		}
		ls = append(ls, gopacket.Payload([]byte("0123456789ab")))
	}
	if err := gopacket.SerializeLayers(buf, opts, ls...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writePcap returns a classic pcap of the packets.
func writePcap(t testing.TB, pkts []pkt) []byte {
	t.Helper()
	var out bytes.Buffer
	w := pcapgo.NewWriter(&out)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	for _, p := range pkts {
		data := frame(t, p)
		ci := gopacket.CaptureInfo{Timestamp: t0.Add(p.at), CaptureLength: len(data), Length: len(data)}
		if err := w.WritePacket(ci, data); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

// writePcapng returns a pcapng of the packets.
func writePcapng(t testing.TB, pkts []pkt) []byte {
	t.Helper()
	var out bytes.Buffer
	w, err := pcapgo.NewNgWriter(&out, layers.LinkTypeEthernet)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkts {
		data := frame(t, p)
		ci := gopacket.CaptureInfo{Timestamp: t0.Add(p.at), CaptureLength: len(data), Length: len(data)}
		if err := w.WritePacket(ci, data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
