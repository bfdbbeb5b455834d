package importer

import (
	"errors"
	"strings"
	"testing"

	"zonewise/model"
)

// nmapScan is a small `nmap -O -sV -oX` report: a PLC, a Linux server
// known to the test plant by its IP, a host that is down.
const nmapScan = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nmaprun>
<nmaprun scanner="nmap" args="nmap -O -sV -oX scan.xml 10.0.1.0/24" start="1795939200" version="7.95" xmloutputversion="1.05">
<host starttime="1795939200" endtime="1795939260"><status state="up" reason="arp-response"/>
<address addr="10.0.1.77" addrtype="ipv4"/>
<address addr="00:1B:1B:AA:BB:CC" addrtype="mac" vendor="Siemens AG"/>
<hostnames></hostnames>
<ports><extraports state="closed" count="997"/>
<port protocol="tcp" portid="102"><state state="open" reason="syn-ack"/><service name="iso-tsap" product="Siemens S7 PLC" method="probed"/></port>
<port protocol="tcp" portid="80"><state state="open" reason="syn-ack"/><service name="http" product="Siemens Simatic HTTP" version="4.2"/></port>
<port protocol="tcp" portid="443"><state state="filtered" reason="no-response"/><service name="https"/></port>
</ports>
<os><osmatch name="Siemens SIMATIC S7-1500 PLC" accuracy="98" line="1"><osclass type="specialized" vendor="Siemens" osfamily="embedded" accuracy="98"/></osmatch>
<osmatch name="Linux 4.x" accuracy="85" line="2"><osclass type="general purpose" vendor="Linux" osfamily="Linux" accuracy="85"/></osmatch></os>
</host>
<host><status state="up" reason="echo-reply"/>
<address addr="10.0.9.5" addrtype="ipv4"/>
<hostnames><hostname name="erp.plant.local" type="PTR"/></hostnames>
<ports><port protocol="tcp" portid="22"><state state="open"/><service name="ssh" product="OpenSSH" version="9.6"/></port></ports>
<os><osmatch name="Linux 5.15" accuracy="95"><osclass type="general purpose" vendor="Linux" osfamily="Linux"/></osmatch></os>
</host>
<host><status state="down" reason="no-response"/><address addr="10.0.1.78" addrtype="ipv4"/></host>
<runstats><finished time="1795939300"/><hosts up="2" down="1" total="3"/></runstats>
</nmaprun>
`

func TestReadNmap(t *testing.T) {
	recs, skips, err := ReadNmap("scan.xml", strings.NewReader(nmapScan))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(skips) != 1 || skips[0].Reason != "host is down" {
		t.Fatalf("records %+v skips %+v", recs, skips)
	}
	plc := recs[0]
	if plc.Name != "10.0.1.77" || plc.MAC != "00:1b:1b:aa:bb:cc" || plc.Vendor != "Siemens AG" || plc.ClassHint != model.ClassEmbedded || plc.Class != "" {
		t.Errorf("PLC record %+v", plc)
	}
	if got := strings.Join(plc.Services, "|"); got != "102/tcp iso-tsap (Siemens S7 PLC)|80/tcp http (Siemens Simatic HTTP 4.2)" {
		t.Errorf("services %q (filtered ports are not services)", got)
	}
	if len(plc.Notes) != 1 || plc.Notes[0] != "OS guess Siemens SIMATIC S7-1500 PLC (98 %)" {
		t.Errorf("notes %q", plc.Notes)
	}
	srv := recs[1]
	if srv.Name != "erp.plant.local" || srv.Hostname != "erp.plant.local" || srv.ClassHint != model.ClassHost {
		t.Errorf("server record %+v", srv)
	}
	t.Run("scanned hosts are matched like inventory rows", func(t *testing.T) {
		steps := Plan(testPlant(), recs, nil)
		if steps[0].Action != ActionAdd || steps[0].Asset.Class != model.ClassEmbedded || steps[1].Action != ActionUpdate || steps[1].MatchedBy != "ip" || steps[1].AssetID != aERP {
			t.Fatalf("steps %+v", steps)
		}
		if got := strings.Join(steps[1].Changes, ","); got != "hostname,services" {
			t.Errorf("ERP changes %q", got)
		}
	})
}

func TestReadNmapBadInput(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"a document that is not an Nmap report", `<?xml version="1.0"?><html></html>`, "scan.xml: no <nmaprun> element"},
		{"a report cut off inside a host names the host", nmapScan[:len(nmapScan)/2], "scan.xml: host 1 (line 4): malformed <host>: unexpected EOF"},
		{"a report cut off between hosts names the line", nmapScan[:strings.Index(nmapScan, "<runstats>")], "scan.xml: line 23 (after host 3): malformed XML"},
		{"a bad address names the host and address", `<nmaprun><host><status state="up"/><address addr="10.0.0.999" addrtype="ipv4"/></host></nmaprun>`,
			`scan.xml: host 1 (line 1): address[0]: "10.0.0.999" is not an IP address`},
		{"a mismatched tag is malformed XML", `<nmaprun><host></hots></nmaprun>`, "scan.xml: host 1 (line 1): malformed <host>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ReadNmap("scan.xml", strings.NewReader(tc.data))
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
