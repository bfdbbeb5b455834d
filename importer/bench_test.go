package importer

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/netip"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"zonewise/internal/testtool"
	"zonewise/model"
)

// benchPlant has zones zones with one /24 each ("10.Z/256.Z%256.0/24") and
// assets assets spread over them, asset i at host i/zones+1.
func benchPlant(zones, assets int) *model.Project {
	p := &model.Project{SchemaVersion: model.SchemaVersion, ID: model.StableID("bench")}
	for z := 0; z < zones; z++ {
		p.Zones = append(p.Zones, model.Zone{ID: model.StableID(fmt.Sprint("z", z)), Name: fmt.Sprint("Zone ", z),
			Type: model.ZoneControl, Subnets: []string{fmt.Sprintf("10.%d.%d.0/24", z/256, z%256)}})
	}
	for z := 0; z+1 < zones; z += 2 {
		p.Conduits = append(p.Conduits, model.Conduit{ID: model.StableID(fmt.Sprint("c", z)), Name: fmt.Sprint("C", z),
			Type: model.ConduitFirewall, ZoneIDs: []model.ID{p.Zones[z].ID, p.Zones[z+1].ID},
			Flows: []model.DataFlow{{Protocol: "Modbus/TCP", Port: "502", Transport: "TCP", From: p.Zones[z].ID, To: p.Zones[z+1].ID}}})
	}
	for i := 0; i < assets; i++ {
		z := i % zones
		p.Assets = append(p.Assets, model.Asset{ID: model.StableID(fmt.Sprint("a", i)), Name: fmt.Sprint("Asset ", i),
			Class: model.ClassEmbedded, ZoneID: p.Zones[z].ID, IPs: []string{benchIP(z, i/zones+1).String()}})
	}
	return p
}

func benchIP(zone, host int) netip.Addr {
	return netip.AddrFrom4([4]byte{10, byte(zone / 256), byte(zone % 256), byte(host % 254)})
}

// BenchmarkInventoryImport10k reads a 10,000-row inventory (CSV, German
// headers) and plans and applies it against a 10,000-asset plant: half the
// rows match existing assets by IP, half are new.
func BenchmarkInventoryImport10k(b *testing.B) {
	var csv bytes.Buffer
	csv.WriteString("Bezeichnung;IP-Adresse;MAC-Adresse;Hersteller;Typ;Firmware;Gerätetyp;Standort\r\n")
	for i := 0; i < 10_000; i++ {
		ip := benchIP(i%100, i/100+1)
		if i%2 == 1 {
			ip = netip.AddrFrom4([4]byte{172, 16, byte(i / 256), byte(i % 256)})
		}
		fmt.Fprintf(&csv, "Gerät %d;%s;02:00:%02x:%02x:00:01;Siemens;S7-1500;V%d.%d;SPS;Halle %d\r\n", i, ip, i/256, i%256, i%4, i%9, i%7)
	}
	data := csv.Bytes()
	base := benchPlant(100, 10_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	since := testtool.CPUTime()
	for b.Loop() {
		inv, err := ReadInventory("bench.csv", bytes.NewReader(data), "", nil)
		if err != nil {
			b.Fatal(err)
		}
		p := *base
		p.Assets = append([]model.Asset(nil), base.Assets...)
		Apply(&p, Plan(&p, inv.Records, nil))
	}
	testtool.ReportCPU(b, since)
}

// writeBenchCapture writes a capture of about size bytes: Modbus, S7 and
// EtherNet/IP polls between 200 hosts, frame sizes from 64 to 1,000 bytes.
func writeBenchCapture(tb testing.TB, w io.Writer, size int64) int64 {
	pw := pcapgo.NewWriter(w)
	if err := pw.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		tb.Fatal(err)
	}
	ports := []layers.TCPPort{502, 102, 44818, 443, 4840}
	var frames [][]byte
	for i := 0; i < 1000; i++ {
		sb := gopacket.NewSerializeBuffer()
		ip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolTCP,
			SrcIP: benchIP(i%10, i%200+1).AsSlice(), DstIP: benchIP(10+i%7, i%50+1).AsSlice()}
		tcp := &layers.TCP{SrcPort: layers.TCPPort(40000 + i%2000), DstPort: ports[i%len(ports)], ACK: true, PSH: true}
		_ = tcp.SetNetworkLayerForChecksum(ip)
		eth := &layers.Ethernet{SrcMAC: []byte{2, 0, 0, 0, 0, 1}, DstMAC: []byte{2, 0, 0, 0, 0, 2}, EthernetType: layers.EthernetTypeIPv4}
		payload := make([]byte, 10+(i*37)%946)
		if err := gopacket.SerializeLayers(sb, gopacket.SerializeOptions{FixLengths: true}, eth, ip, tcp, gopacket.Payload(payload)); err != nil {
			tb.Fatal(err)
		}
		frames = append(frames, bytes.Clone(sb.Bytes()))
	}
	var written int64 = 24
	at := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	for n := 0; written < size; n++ {
		f := frames[n%len(frames)]
		if err := pw.WritePacket(gopacket.CaptureInfo{Timestamp: at.Add(time.Duration(n) * time.Millisecond), CaptureLength: len(f), Length: len(f)}, f); err != nil {
			tb.Fatal(err)
		}
		written += 16 + int64(len(f))
	}
	return written
}

// BenchmarkPcapParse reports the capture parsing throughput (MB/s) on a
// 64 MB generated capture held in memory.
func BenchmarkPcapParse(b *testing.B) {
	var buf bytes.Buffer
	writeBenchCapture(b, &buf, 64<<20)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	since := testtool.CPUTime()
	for b.Loop() {
		tr := NewTraffic()
		if _, err := ReadCapture("bench.pcap", bytes.NewReader(data), tr); err != nil {
			b.Fatal(err)
		}
	}
	testtool.ReportCPU(b, since)
}

// TestWriteBigCapture writes a capture for measuring peak memory of
// `zonewise reconcile` from outside (see README.md): set
// ZONEWISE_BIG_CAPTURE=PATH and ZONEWISE_BIG_CAPTURE_MB (default 1024).
func TestWriteBigCapture(t *testing.T) {
	path := os.Getenv("ZONEWISE_BIG_CAPTURE")
	if path == "" {
		t.Skip("set ZONEWISE_BIG_CAPTURE=PATH to write a large capture")
	}
	mb := int64(1024)
	if s := os.Getenv("ZONEWISE_BIG_CAPTURE_MB"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		mb = n
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufioWriter(f)
	n := writeBenchCapture(t, w, mb<<20)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d bytes to %s", n, path)
}

// BenchmarkReconcile10k compares a 10,000-asset plant (100 zones, 50
// conduits) with 100,000 aggregated flows.
func BenchmarkReconcile10k(b *testing.B) {
	p := benchPlant(100, 10_000)
	tr := NewTraffic()
	for i := 0; len(tr.flows) < 100_000; i++ {
		src := benchIP(i%100, (i/100)%100+1)
		dst := benchIP((i/7)%100, (i/13)%100+1)
		port := []uint16{502, 102, 44818, 443, 4840, 3389, 22, 445}[i%8] + uint16(i/100_000)
		tr.Add(Key{Client: Endpoint{IP: src}, Server: Endpoint{IP: dst}, Transport: "tcp", Port: port + uint16((i/800)%50)}, 10, 1000, time.Time{}, 0)
	}
	flows := tr.Flows()
	b.ReportAllocs()
	since := testtool.CPUTime()
	for b.Loop() {
		Reconcile(p, flows)
	}
	testtool.ReportCPU(b, since)
}

func bufioWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 1<<20) }
