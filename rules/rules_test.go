package rules

import (
	"bytes"
	"encoding/csv"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zonewise/model"
)

// nftCheck runs `nft -c -f` on data. In CI (CI=true) a missing nft fails
// the test; elsewhere the check is skipped with a message.
func nftCheck(t *testing.T, data []byte) {
	t.Helper()
	nft, err := exec.LookPath("nft")
	if err != nil {
		for _, p := range []string{"/usr/sbin/nft", "/sbin/nft"} {
			if _, e := os.Stat(p); e == nil {
				nft, err = p, nil
			}
		}
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nft is not installed (make test-deps installs nftables)")
		}
		t.Skip("nft is not installed; run make test-deps to check generated rulesets with nft -c")
	}
	f := filepath.Join(t.TempDir(), "rules.nft")
	if err := os.WriteFile(f, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(nft, "-c", "-f", f).CombinedOutput()
	if err != nil {
		t.Fatalf("nft -c rejects the generated ruleset: %v\n%s\n--- ruleset ---\n%s", err, out, data)
	}
}

// iptablesCheck runs `iptables-restore --test` on data, under the same
// rule as nftCheck; a kernel that refuses the test for want of privileges
// skips it with the reason.
func iptablesCheck(t *testing.T, data []byte) {
	t.Helper()
	bin, err := exec.LookPath("iptables-restore")
	if err != nil {
		if _, e := os.Stat("/usr/sbin/iptables-restore"); e == nil {
			bin, err = "/usr/sbin/iptables-restore", nil
		}
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("iptables-restore is not installed (make test-deps installs iptables)")
		}
		t.Skip("iptables-restore is not installed; run make test-deps")
	}
	cmd := exec.Command(bin, "--test")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if strings.Contains(string(out), "Permission denied") || strings.Contains(string(out), "you must be root") {
			t.Skipf("iptables-restore --test needs privileges here: %s", out)
		}
		t.Fatalf("iptables-restore --test rejects the generated rules: %v\n%s\n--- rules ---\n%s", err, out, data)
	}
}

func sampleZone(p *model.Project, name string) *model.Zone {
	for i := range p.Zones {
		if p.Zones[i].Name == name {
			return &p.Zones[i]
		}
	}
	return nil
}

func TestSampleRules(t *testing.T) {
	p := model.Sample()
	s := Generate(p, "")
	nft := NFTables(&s)
	ipt := IPTables(&s)

	t.Run("nft -c accepts the sample's nftables ruleset", func(t *testing.T) { nftCheck(t, nft) })
	t.Run("iptables-restore --test accepts the sample's iptables rules", func(t *testing.T) { iptablesCheck(t, ipt) })

	t.Run("every IP flow with ports gives rules and the others give warnings", func(t *testing.T) {
		// Hand count: 13 conduits, 33 flows. K07 "any" port, K08 PROFINET RT
		// (Ethernet), K09 RS-485 and two USB flows of K13 give no rule: 5
		// warnings. 28 flows remain; Kerberos is TCP/UDP, so 29 rules.
		if len(s.Rules) != 29 || len(s.Warnings) != 5 {
			t.Fatalf("got %d rules and %d warnings, want 29 and 5:\n%v", len(s.Rules), len(s.Warnings), s.Warnings)
		}
		if !strings.Contains(s.Warnings[0].Message, `"any"`) || !strings.Contains(s.Warnings[0].ConduitName, "K07") {
			t.Errorf("first warning = %v, want the any port of K07", s.Warnings[0])
		}
		if len(s.Rows) != 34 {
			t.Errorf("matrix has %d rows, want 34 (every rule and every warning)", len(s.Rows))
		}
	})

	t.Run("the K02 diode permits site operations to the DMZ only", func(t *testing.T) {
		ops, dmz := sampleZone(p, "Betriebsleitebene"), sampleZone(p, "OT-DMZ")
		var k02 *Chain
		for i := range s.Chains {
			if strings.HasPrefix(s.Chains[i].ConduitName, "K02") {
				k02 = &s.Chains[i]
			}
		}
		if k02 == nil || !k02.OneWay || len(k02.Rules) != 2 {
			t.Fatalf("K02 chain = %+v, want a one-way chain with 2 rules", k02)
		}
		for _, ri := range k02.Rules {
			r := s.Rules[ri]
			if r.Source.Zone != ops.ID || r.Destination.Zone != dmz.ID {
				t.Errorf("rule R%d goes %s -> %s, want site operations -> DMZ", r.Number, r.Source.ZoneName, r.Destination.ZoneName)
			}
		}
		text := string(nft)
		jump := strings.Index(text, "jump "+k02.Name)
		est := strings.Index(text, "ct state established,related accept")
		if jump < 0 || est < 0 || jump > est {
			t.Error("the diode chain is not jumped to before established/related traffic is accepted")
		}
		if !strings.Contains(text, "ip saddr 172.16.35.0/24 ip daddr 172.16.30.0/24 drop") {
			t.Error("nothing drops DMZ -> site operations in the diode chain")
		}
		rs, err := ParseNFT("gen.nft", nft)
		if err != nil {
			t.Fatal(err)
		}
		for _, port := range []int{5450, 514, 443} {
			for _, tr := range []string{"tcp", "udp"} {
				back := packet{src: mustAddr("172.16.35.10"), dst: mustAddr("172.16.30.10"), transport: tr, port: port, state: "established"}
				if v, _ := rs.verdict(back); v != "drop" {
					t.Errorf("%v through the diode is %s, want drop", back, v)
				}
			}
		}
		fwd := packet{src: mustAddr("172.16.30.10"), dst: mustAddr("172.16.35.10"), transport: "tcp", port: 5450, state: "new"}
		if v, _ := rs.verdict(fwd); v != "accept" {
			t.Errorf("%v is %s, want accept", fwd, v)
		}
	})

	t.Run("both generated formats parse back and review clean against the model", func(t *testing.T) {
		for name, data := range map[string][]byte{"gen.nft": nft, "gen.iptables": ipt} {
			rs, err := ParseDump(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if f := Review(p, rs); len(f) != 0 {
				t.Errorf("%s: review of the generated rules finds %d problems, want none: %+v", name, len(f), f)
			}
		}
	})

	t.Run("the matrix has a header and one row per rule and warning in CSV and XLSX", func(t *testing.T) {
		data, err := MatrixCSV(&s)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 35 || rows[0][0] != "Rule" || rows[1][0] != "R1" {
			t.Fatalf("CSV has %d rows starting %v / %v, want 35 from Rule, R1", len(rows), rows[0], rows[1])
		}
		r1 := rows[1]
		if r1[9] != "TCP" || r1[10] != "443" || r1[13] != "accept" || r1[15] != "IT-Netzwerk" || r1[16] != "2027-11-26" {
			t.Errorf("R1 = %v, want TCP 443 accept, owner IT-Netzwerk (CM-FW-DENY), review 2027-11-26", r1)
		}
		if !strings.Contains(r1[14], "Office users view trends") || !strings.Contains(r1[14], "CM-FW-DENY implemented") {
			t.Errorf("R1 justification %q lacks the purpose or the countermeasure", r1[14])
		}
		x, err := MatrixXLSX(&s)
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(x))
		if err != nil {
			t.Fatal(err)
		}
		xr, err := f.GetRows("Rules")
		if err != nil || len(xr) != 35 {
			t.Fatalf("XLSX has %d rows (%v), want 35", len(xr), err)
		}
	})

	t.Run("the decision on the diode's return channel justifies the K02 rules", func(t *testing.T) {
		for _, r := range s.Rules {
			if strings.HasPrefix(r.ConduitName, "K02") && !strings.Contains(r.Justification, "Residual risk of a return channel through K02 is accepted") {
				t.Errorf("R%d justification %q lacks the decision", r.Number, r.Justification)
			}
		}
	})
}

func mustAddr(s string) netip.Addr { return netip.MustParseAddr(s) }

func TestGeneratedFilesSurviveHostileNames(t *testing.T) {
	hostile := []string{
		`K99 "quoted"; flush ruleset`,
		"line\nbreak } ; drop",
		"$(rm -rf /) `id` | & > < # \\",
		"Übergabe – Zone ß\x00\x7f",
	}
	for _, name := range hostile {
		t.Run("a conduit named "+strings.ReplaceAll(name, "\n", `\n`)+" still gives a valid file", func(t *testing.T) {
			p := model.Sample()
			for i := range p.Conduits {
				p.Conduits[i].Name = name + p.Conduits[i].Name[:3]
				for j := range p.Conduits[i].Flows {
					p.Conduits[i].Flows[j].Protocol = name
				}
			}
			p.Name = name
			s := Generate(p, "")
			nft := NFTables(&s)
			nftCheck(t, nft)
			iptablesCheck(t, IPTables(&s))
			for _, data := range [][]byte{nft, IPTables(&s)} {
				rs, err := ParseDump("gen", data)
				if err != nil {
					t.Fatalf("the generated file does not parse back: %v", err)
				}
				n := 0
				for _, c := range rs.Chains {
					for _, r := range c.Rules {
						if strings.HasPrefix(r.Comment, "R") && r.Verdict == "accept" {
							n++
						}
					}
				}
				if n != len(s.Rules) {
					t.Errorf("parsed back %d numbered accept rules, want %d", n, len(s.Rules))
				}
			}
		})
	}
}

func TestFlowsThatGiveNoRule(t *testing.T) {
	base := func() (*model.Project, *model.Conduit) {
		p := model.Sample()
		for i := range p.Conduits {
			if strings.HasPrefix(p.Conduits[i].Name, "K06") {
				p.Conduits[i].Flows = p.Conduits[i].Flows[:1]
				return p, &p.Conduits[i]
			}
		}
		t.Fatal("no K06")
		return nil, nil
	}
	cases := []struct {
		name string
		edit func(p *model.Project, c *model.Conduit)
		want string
	}{
		{"a port of any gives a warning and no rule", func(p *model.Project, c *model.Conduit) { c.Flows[0].Port = "any" }, `port is "any"`},
		{"an empty port gives a warning and no rule", func(p *model.Project, c *model.Conduit) { c.Flows[0].Port = "" }, "no port given"},
		{"a port out of range gives a warning and no rule", func(p *model.Project, c *model.Conduit) { c.Flows[0].Port = "70000" }, "want a port 1..65535"},
		{"a zone without subnets or addressed assets gives a warning", func(p *model.Project, c *model.Conduit) {
			z := sampleZone(p, "Rohwasser & Filtration")
			z.Subnets = nil
			for i := range p.Assets {
				if p.Assets[i].ZoneID == z.ID {
					p.Assets[i].IPs = nil
				}
			}
		}, "has no subnet and no asset with an IP address"},
		{"an asset without an IP gives a warning", func(p *model.Project, c *model.Conduit) {
			for i := range p.Assets {
				if strings.HasPrefix(p.Assets[i].Name, "Ignition") {
					c.Flows[0].FromAsset = p.Assets[i].ID
				}
			}
		}, "has no IP address"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, c := base()
			tc.edit(p, c)
			s := Generate(p, c.ID)
			if len(s.Rules) != 0 || len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0].Message, tc.want) {
				t.Fatalf("got %d rules, warnings %v; want no rule and a warning containing %q", len(s.Rules), s.Warnings, tc.want)
			}
			if strings.Contains(string(NFTables(&s)), "accept comment \"R") {
				t.Error("the nftables file permits something")
			}
		})
	}
	t.Run("a flow of twenty ports is split into multiport matches iptables takes", func(t *testing.T) {
		p, c := base()
		c.Flows[0].Port = "1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31,33,35,37,39-40"
		s := Generate(p, c.ID)
		ipt := IPTables(&s)
		if n := strings.Count(string(ipt), "--dports"); n != 2 {
			t.Errorf("%d multiport matches, want 2 (15 slots, then 4 ports and a range)", n)
		}
		iptablesCheck(t, ipt)
		nftCheck(t, NFTables(&s))
	})
	t.Run("a flow narrowed to one asset uses the asset's address", func(t *testing.T) {
		p, c := base()
		for i := range p.Assets {
			if strings.HasPrefix(p.Assets[i].Name, "Engineering-Workstation ENG01") {
				c.Flows[0].FromAsset = p.Assets[i].ID
			}
		}
		s := Generate(p, c.ID)
		if len(s.Rules) != 1 || netsText(s.Rules[0].Source.Addresses) != "172.16.20.31" {
			t.Fatalf("rules %+v, want one from 172.16.20.31", s.Rules)
		}
	})
}
