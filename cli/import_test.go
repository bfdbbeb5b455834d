package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
	"github.com/xuri/excelize/v2"

	"zonewise/model"
)

// Names from the sample plant used below.
const (
	zoneSCADA   = "Leitwarte SCADA"
	zoneFilter  = "Rohwasser & Filtration"
	assetENG    = "Engineering-Workstation ENG01 (TIA Portal V19)"
	assetPLC    = "SPS Filtration S7-1500 (CPU 1516-3 PN/DP)"
	conduitK06  = "K06 SCADA – Filtration"
	scadaSubnet = "10.1.0.0/24"
	plantSubnet = "10.2.0.0/24"
)

// plantFile writes the sample plant with subnets on two zones and addresses
// on two assets, and returns its path.
func plantFile(t *testing.T) string {
	t.Helper()
	p := model.Sample()
	// The sample's own addressing plan (sample_addresses.go) is replaced by
	// the two subnets and two hosts this test's traffic uses.
	for i := range p.Zones {
		p.Zones[i].Subnets, p.Zones[i].VLANs = nil, nil
	}
	for i := range p.Assets {
		p.Assets[i].IPs = nil
	}
	for i := range p.Zones {
		switch p.Zones[i].Name {
		case zoneSCADA:
			p.Zones[i].Subnets = []string{scadaSubnet}
		case zoneFilter:
			p.Zones[i].Subnets = []string{plantSubnet}
		}
	}
	for i := range p.Assets {
		switch p.Assets[i].Name {
		case assetENG:
			p.Assets[i].IPs = []string{"10.1.0.21"}
		case assetPLC:
			p.Assets[i].IPs = []string{"10.2.0.10"}
			p.Assets[i].MAC = "00:1b:1b:00:00:10"
		}
	}
	path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
	if err := os.WriteFile(path, mustMarshal(t, p), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func assetNamed(p *model.Project, name string) *model.Asset {
	for i := range p.Assets {
		if p.Assets[i].Name == name {
			return &p.Assets[i]
		}
	}
	return nil
}

// inventory: the PLC matched by MAC (new firmware), a new RTU in the
// filtration zone, a row without a name.
const inventoryCSV = "\ufeffBezeichnung;IP-Adresse;MAC-Adresse;Hersteller;Firmware;Bereich;Gerätetyp;Standort\r\n" +
	"SPS Filtration;10.2.0.10;00-1B-1B-00-00-10;Siemens;V3.1.2 ;Rohwasser & Filtration;SPS;Filterhalle\r\n" +
	"RTU Filter 2;10.2.0.30;;Siemens;V1.0;Rohwasser & Filtration;RTU;Filterhalle\r\n" +
	";;;Siemens;;;;\r\n"

func TestImportAssets(t *testing.T) {
	project := plantFile(t)
	inv := filepath.Join(t.TempDir(), "anlagen.csv")
	if err := os.WriteFile(inv, []byte(inventoryCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(project)

	t.Run("a dry run reports and writes nothing", func(t *testing.T) {
		code, out, errOut := run(t, "import", "assets", inv, "--into", project, "--dry-run")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(out, "1 added, 1 updated, 0 kept, 1 skipped (dry run: nothing written)") {
			t.Fatalf("output:\n%s", out)
		}
		if after, _ := os.ReadFile(project); !bytes.Equal(before, after) {
			t.Fatal("a dry run changed the project")
		}
	})
	t.Run("an import updates the matched asset and adds the new one", func(t *testing.T) {
		code, out, errOut := run(t, "import", "assets", inv, "--into", project, "--json")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var rep struct {
			Written                       bool
			Added, Updated, Kept, Skipped int
			Columns                       []struct{ Column, Field string }
			Steps                         []struct {
				Source, Action, Asset, MatchedBy string
				Changes                          []string
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if !rep.Written || rep.Added != 1 || rep.Updated != 1 || rep.Skipped != 1 || len(rep.Columns) != 8 || rep.Columns[1].Field != "ip" {
			t.Fatalf("report %+v", rep)
		}
		if s := rep.Steps[0]; s.Action != "updated" || s.MatchedBy != "mac" || strings.Join(s.Changes, ",") != "firmware,location" {
			t.Errorf("first step %+v", s)
		}
		p, err := model.Load(project)
		if err != nil {
			t.Fatal(err)
		}
		if a := assetNamed(p, assetPLC); a == nil || a.Firmware != "V3.1.2" || a.Location != "Filterhalle" {
			t.Errorf("PLC after import %+v", a)
		}
		rtu := assetNamed(p, "RTU Filter 2")
		if rtu == nil || rtu.Class != model.ClassEmbedded || p.Zone(rtu.ZoneID).Name != zoneFilter || rtu.IPs[0] != "10.2.0.30" {
			t.Fatalf("new RTU %+v", rtu)
		}
		if _, err := os.Stat(project + model.LockExt); !os.IsNotExist(err) {
			t.Error("the lock file was left behind")
		}
	})
}

func TestImportRefusesBadInputAndHeldLocks(t *testing.T) {
	project := plantFile(t)
	before, _ := os.ReadFile(project)
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good := write("good.csv", inventoryCSV)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"a bad IP in row 3 names the file, row and column", []string{"import", "assets", write("bad.csv", "Name;IP\nA;10.0.0.1\nB;10.0.0.300\n"), "--into", project},
			ExitInput, `bad.csv: row 3, column "IP": "10.0.0.300" is not an IP address`},
		{"malformed Nmap XML names the host", []string{"import", "nmap", write("scan.xml", `<nmaprun><host><status state="up"/></hots></nmaprun>`), "--into", project},
			ExitInput, "scan.xml: host 1 (line 1): malformed <host>"},
		{"a missing input file is named", []string{"import", "assets", filepath.Join(dir, "none.csv"), "--into", project}, ExitInput, "none.csv"},
		{"--into is required", []string{"import", "assets", good}, ExitUsage, "--into PROJECT is required"},
		{"an unknown kind is a usage error", []string{"import", "visio", good, "--into", project}, ExitUsage, `unknown import kind "visio"`},
		{"a --map without a known field is a usage error", []string{"import", "assets", good, "--into", project, "--map", "IP=address"}, ExitUsage, `--map "IP=address"`},
		{"reconcile without traffic is a usage error", []string{"reconcile", project}, ExitUsage, "--traffic FILE is required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := run(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, errOut, tc.code, tc.want)
			}
		})
	}
	t.Run("a project open in a running Zonewise is not written", func(t *testing.T) {
		host, _ := os.Hostname()
		// pid 1 is alive on every Unix system, so the lock is not stale.
		lock := fmt.Sprintf(`{"pid": 1, "host": %q, "time": %q}`, host, time.Now().UTC().Format(time.RFC3339))
		if err := os.WriteFile(project+model.LockExt, []byte(lock), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(project + model.LockExt)
		code, _, errOut := run(t, "import", "assets", good, "--into", project)
		if code != ExitInput || !strings.Contains(errOut, "is open in Zonewise (pid 1") {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
	})
	if after, _ := os.ReadFile(project); !bytes.Equal(before, after) {
		t.Fatal("a refused import changed the project")
	}
}

// flowList: ENG01 → PLC S7 (declared on K06), ENG01 → PLC Modbus (not
// declared on K06), an unknown host in the plant subnet → PLC S7.
const flowList = "source,destination,protocol,port\n" +
	"10.1.0.21,10.2.0.10,tcp,102\n" +
	"10.1.0.21,10.2.0.10,Modbus/TCP,\n" +
	"10.2.0.99,10.2.0.10,tcp,102\n"

func TestReconcile(t *testing.T) {
	project := plantFile(t)
	flows := filepath.Join(t.TempDir(), "flows.csv")
	if err := os.WriteFile(flows, []byte(flowList), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "reconcile", project, "--traffic", flows, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Inputs []struct {
			Format         string
			Records, Flows int
		}
		Flows []struct {
			Source, Destination, Protocol string
			Port                          int
		}
		Findings []struct{ Rule, Severity, Message, ConduitID, Address string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rep.Inputs) != 1 || rep.Inputs[0].Format != "csv" || rep.Inputs[0].Records != 3 || len(rep.Flows) != 3 {
		t.Fatalf("inputs %+v flows %+v", rep.Inputs, rep.Flows)
	}
	got := map[string]int{}
	for _, f := range rep.Findings {
		got[f.Rule]++
		switch f.Rule {
		case "undeclared-flow":
			if !strings.Contains(f.Message, "Modbus/TCP (tcp/502)") || !strings.Contains(f.Message, conduitK06) {
				t.Errorf("undeclared flow %q", f.Message)
			}
		case "unknown-host":
			if f.Address != "10.2.0.99" || !strings.Contains(f.Message, zoneFilter) {
				t.Errorf("unknown host %+v", f)
			}
		}
	}
	if got["undeclared-flow"] != 1 || got["unknown-host"] != 1 || got["unmodelled-path"] != 0 || got["address-outside-zone"] != 0 {
		t.Fatalf("findings per rule %v", got)
	}
	t.Run("the text report has one line per finding", func(t *testing.T) {
		code, out, _ := run(t, "reconcile", project, "--traffic", flows)
		if code != ExitOK || !strings.Contains(out, "warning: undeclared-flow: ") || !strings.Contains(out, "3 flows observed, 2 warning(s)") ||
			!strings.Contains(out, `flow: "Leitwarte SCADA" -> "Rohwasser & Filtration": S7comm (tcp/102), 1 packets/connections, 1 host pair(s)`) {
			t.Fatalf("exit %d:\n%s", code, out)
		}
	})
}

func TestReconcileTruncatedAndCorruptCaptures(t *testing.T) {
	project := plantFile(t)
	dir := t.TempDir()
	var buf bytes.Buffer
	w := pcapgo.NewWriter(&buf)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		sb := gopacket.NewSerializeBuffer()
		ip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolTCP, SrcIP: net.IP{10, 1, 0, 21}, DstIP: net.IP{10, 2, 0, 10}}
		tcp := &layers.TCP{SrcPort: 50000, DstPort: 102, ACK: true}
		_ = tcp.SetNetworkLayerForChecksum(ip)
		eth := &layers.Ethernet{SrcMAC: net.HardwareAddr{2, 0, 0, 0, 0, 1}, DstMAC: net.HardwareAddr{2, 0, 0, 0, 0, 2}, EthernetType: layers.EthernetTypeIPv4}
		if err := gopacket.SerializeLayers(sb, gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}, eth, ip, tcp); err != nil {
			t.Fatal(err)
		}
		if err := w.WritePacket(gopacket.CaptureInfo{Timestamp: time.Unix(1795939200+int64(i), 0), CaptureLength: len(sb.Bytes()), Length: len(sb.Bytes())}, sb.Bytes()); err != nil {
			t.Fatal(err)
		}
	}
	data := buf.Bytes()
	cut := filepath.Join(dir, "cut.pcap")
	if err := os.WriteFile(cut, data[:len(data)-10], 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "reconcile", project, "--traffic", cut)
	if code != ExitOK || !strings.Contains(errOut, "cut.pcap: warning: the capture ends inside packet 3: the 2 packets before it were imported") ||
		!strings.Contains(out, "pcap, 2 records, 1 flows") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	bad := bytes.Clone(data)
	bad[24+8] = 0xff // captured length of packet 1
	bad[24+11] = 0x7f
	corrupt := filepath.Join(dir, "corrupt.pcap")
	if err := os.WriteFile(corrupt, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run(t, "reconcile", project, "--traffic", corrupt)
	if code != ExitInput || !strings.Contains(errOut, "corrupt.pcap: packet 1: ") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestImportXLSXWithSheetAndMap(t *testing.T) {
	project := plantFile(t)
	f := excelize.NewFile()
	if _, err := f.NewSheet("Anlagen"); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{{"Tag", "Netz", "Hersteller", "Bemerkung"}, {"Pumpe P7 ", "10.2.0.77", "KSB", "Ja"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Anlagen", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "anlagen.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	t.Run("a sheet the workbook lacks is named", func(t *testing.T) {
		code, _, errOut := run(t, "import", "assets", path, "--into", project, "--sheet", "Tabelle9")
		if code != ExitInput || !strings.Contains(errOut, `anlagen.xlsx: no sheet "Tabelle9"`) {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
	})
	t.Run("--sheet and --map read an undetected column as IP", func(t *testing.T) {
		code, out, errOut := run(t, "import", "assets", path, "--into", project, "--sheet", "Anlagen", "--map", "Netz=ip", "--map", "Bemerkung=ignore")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(out, `"Netz" -> ip`) || !strings.Contains(out, `"Bemerkung" (not imported)`) || !strings.Contains(out, "1 added") {
			t.Fatalf("output:\n%s", out)
		}
		p, err := model.Load(project)
		if err != nil {
			t.Fatal(err)
		}
		a := assetNamed(p, "Pumpe P7")
		if a == nil || len(a.IPs) != 1 || a.IPs[0] != "10.2.0.77" || a.Vendor != "KSB" || a.Description != "" {
			t.Fatalf("asset %+v", a)
		}
	})
}
