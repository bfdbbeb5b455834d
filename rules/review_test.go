package rules

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"zonewise/model"
)

// testdata/sample-edited.* are the sample's generated rules, edited by hand
// as a plant's firewall drifts: the S7comm-plus rule from the SCADA to the
// filtration (R20, conduit K06, flow 1) is deleted and an SSH rule from any
// source to any destination is added at the end of the forward chain.
func TestReviewOfAHandEditedDump(t *testing.T) {
	cases := []struct {
		file    string
		anyLine int
	}{
		{"testdata/sample-edited.nft", 17},
		{"testdata/sample-edited.iptables", 30},
	}
	p := model.Sample()
	for _, tc := range cases {
		t.Run(tc.file+" reports the any/any rule and the missing SCADA flow, and nothing else", func(t *testing.T) {
			data, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			rs, err := ParseDump(tc.file, data)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range Review(p, rs) {
				got = append(got, f.Rule+"@"+f.Subject)
			}
			k06 := p.Conduits[5]
			if !strings.HasPrefix(k06.Name, "K06") {
				t.Fatalf("conduit 5 is %q, want K06", k06.Name)
			}
			at := tc.file + ":" + itoa(tc.anyLine)
			want := []string{
				RuleBlockedFlow + "@" + string(k06.ID) + "/0",
				RuleAnyAny + "@" + at,
				RuleUndeclaredPermit + "@" + at,
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings\n  %v\nwant\n  %v", got, want)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestReviewFindsBroadShadowedAndPolicyProblems(t *testing.T) {
	p := model.Sample()
	dump := `table ip filter {
	chain forward {
		type filter hook forward priority 0; policy accept;
		ip saddr 172.16.20.0/24 ip daddr 172.16.11.0/24 accept
		ip saddr 172.16.20.10 ip daddr 172.16.11.10 tcp dport 102 accept
	}
}
`
	rs, err := ParseNFT("fw.nft", []byte(dump))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Review(p, rs) {
		if f.Rule != RuleBlockedFlow {
			got = append(got, f.Rule+"@"+f.Subject)
		}
	}
	slices.Sort(got)
	want := []string{"broad-rule@fw.nft:4", "policy-accept@fw.nft:2", "shadowed-rule@fw.nft:5", "undeclared-permit@fw.nft:4"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
}

func TestBadDumpsNameFileAndLine(t *testing.T) {
	cases := []struct {
		name, dump, want string
	}{
		{"an nft rule with a bad address", "table inet t {\n chain c {\n  ip saddr 10.0.0.300 accept\n }\n}\n", "fw:3: chain c: ip saddr"},
		{"an nft file with a missing brace", "table inet t {\n chain c {\n  accept\n", "unexpected end of file"},
		{"an nft rule outside a chain", "table inet t {\n}\n}\n", "fw:3: closing brace"},
		{"an nft unterminated comment", "table inet t {\n chain c {\n  accept comment \"x\n }\n}\n", "fw:3: unterminated"},
		{"an iptables rule before its table", "-A FORWARD -j ACCEPT\n", "fw:1: rule outside a table"},
		{"an iptables rule with a bad port", "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -p tcp --dport 99999 -j ACCEPT\nCOMMIT\n", "fw:3: chain FORWARD: --dport"},
		{"an iptables dump without COMMIT", "*filter\n:FORWARD DROP [0:0]\n", "no COMMIT"},
		{"an empty file", "\n# nothing\n", "empty firewall dump"},
	}
	for _, tc := range cases {
		t.Run(tc.name+" is an error naming where", func(t *testing.T) {
			_, err := ParseDump("fw", []byte(tc.dump))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func FuzzParseDump(f *testing.F) {
	for _, name := range []string{"testdata/sample-edited.nft", "testdata/sample-edited.iptables"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("table inet t {\n chain c {\n  type filter hook forward priority 0; policy drop;\n  ct state { established, related } accept\n  jump d\n }\n chain d {\n  goto c\n }\n}\n"))
	p := model.Sample()
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := ParseDump("fuzz", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		_ = Review(p, rs)
	})
}
