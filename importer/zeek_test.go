package importer

import (
	"errors"
	"strings"
	"testing"
)

func TestTrafficLogsBadInput(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"a Zeek line with too few fields names the line", "conn.log",
			"#separator \\x09\n#fields\tts\tid.orig_h\tid.resp_h\tid.resp_p\tproto\n1.0\t10.0.0.1\t10.0.0.2\n",
			"conn.log: line 3: 3 fields, the #fields header names 5"},
		{"a Zeek address that is not one names line and field", "conn.log",
			"#separator \\x09\n#fields\tts\tid.orig_h\tid.resp_h\tid.resp_p\tproto\n1.0\t10.0.0.1\tplc\t502\ttcp\n",
			`conn.log: line 3: field id.resp_h: "plc" is not an IP address`},
		{"a Zeek data line before the header is refused", "conn.log", "#path\tconn\n1.0\t10.0.0.1\n#fields\tts\n",
			"conn.log: line 2: a data line before the #fields header"},
		{"malformed Zeek JSON names the line", "conn.json", "{\"ts\":1,\"id.orig_h\":\"10.0.0.1\",\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":502,\"proto\":\"tcp\"}\n{\"ts\":\n",
			"conn.json: line 2: malformed JSON"},
		{"a Zeek port out of range is named", "conn.json", `{"id.orig_h":"10.0.0.1","id.resp_h":"10.0.0.2","id.resp_p":70000,"proto":"tcp"}`,
			"conn.json: line 1: field id.resp_p: 70000 is not a port"},
		{"a flow list without a destination column is refused", "flows.csv", "source,protocol,port\n10.0.0.1,tcp,502\n",
			"flows.csv: row 1: no destination column"},
		{"a flow list port that is no number names row and column", "flows.csv", "Quelle;Ziel;Protokoll;Port\n10.0.0.1;10.0.0.2;tcp;502\n10.0.0.1;10.0.0.2;tcp;fünf\n",
			`flows.csv: row 3, column "Port": "fünf" is not a port`},
		{"a flow list host that is no address names row and column", "flows.csv", "source,destination,port\nPLC,10.0.0.2,502\n",
			`flows.csv: row 2, column "source": "PLC" is neither an IP nor a MAC address`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadTraffic(tc.file, strings.NewReader(tc.data), NewTraffic())
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestFlowListProtocolNames(t *testing.T) {
	tr := NewTraffic()
	data := "source,destination,protocol,port,count,first,last\n" +
		"10.0.0.1,10.0.0.2,S7comm,,4,2026-11-30T08:00:00Z,2026-11-30T09:00:00Z\n" +
		"10.0.0.1,10.0.0.2,udp,2222,1,,\n" +
		"02:00:00:00:00:01,02:00:00:00:00:02,ethernet,34962,1,,\n"
	in, err := ReadTraffic("flows.csv", strings.NewReader(data), tr)
	if err != nil {
		t.Fatal(err)
	}
	fs := tr.Flows()
	if in.Records != 3 || len(fs) != 3 {
		t.Fatalf("input %+v flows %+v", in, fs)
	}
	var s7, enip *Flow
	for i := range fs {
		switch fs[i].Port {
		case 102:
			s7 = &fs[i]
		case 2222:
			enip = &fs[i]
		}
	}
	if s7 == nil || s7.Transport != "tcp" || s7.Protocol != "S7comm" || s7.Count != 4 || s7.Last.Sub(s7.First).Hours() != 1 {
		t.Errorf("S7 flow %+v", s7)
	}
	if enip == nil || enip.Protocol != "EtherNet/IP" {
		t.Errorf("EtherNet/IP flow %+v", enip)
	}
}
