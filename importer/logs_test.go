package importer

// Traffic of the test plant as Zeek and a flow list record it (see
// observedTraffic in fixture_test.go): one line per connection.
const (
	zeekTSV = "#separator \\x09\n" +
		"#set_separator\t,\n" +
		"#empty_field\t(empty)\n" +
		"#unset_field\t-\n" +
		"#path\tconn\n" +
		"#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\n" +
		"#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\n" +
		"1795939200.000000\tC0\t10.0.2.20\t50000\t10.0.1.10\t502\ttcp\tmodbus\t1.000000\t24\t24\tSF\n" +
		"1795939210.000000\tC1\t10.0.2.20\t50001\t10.0.1.10\t502\ttcp\tmodbus\t1.000000\t24\t24\tSF\n" +
		"1795939220.000000\tC2\t10.0.2.21\t51000\t10.0.1.10\t44818\ttcp\t-\t1.000000\t24\t24\tSF\n" +
		"1795939230.000000\tC3\t10.0.9.5\t40000\t10.0.1.10\t102\ttcp\t-\t1.000000\t24\t24\tSF\n" +
		"1795939240.000000\tC4\t10.0.1.99\t40001\t10.0.1.10\t502\ttcp\t-\t1.000000\t24\t24\tSF\n" +
		"1795939250.000000\tC5\t10.0.2.20\t47808\t255.255.255.255\t47808\tudp\t-\t1.000000\t24\t24\tSF\n" +
		"#close\t2026-11-30-09-00-00\n" +
		""
	zeekJSONLines = `{"ts": 1795939200.5, "uid": "C0", "id.orig_h": "10.0.2.20", "id.orig_p": 50000, "id.resp_h": "10.0.1.10", "id.resp_p": 502, "proto": "tcp", "orig_bytes": 24, "resp_bytes": 24, "service": "modbus"}
{"ts": 1795939210.5, "uid": "C1", "id.orig_h": "10.0.2.20", "id.orig_p": 50001, "id.resp_h": "10.0.1.10", "id.resp_p": 502, "proto": "tcp", "orig_bytes": 24, "resp_bytes": 24, "service": "modbus"}
{"ts": 1795939220.5, "uid": "C2", "id.orig_h": "10.0.2.21", "id.orig_p": 51000, "id.resp_h": "10.0.1.10", "id.resp_p": 44818, "proto": "tcp", "orig_bytes": 24, "resp_bytes": 24}
{"ts": 1795939230.5, "uid": "C3", "id.orig_h": "10.0.9.5", "id.orig_p": 40000, "id.resp_h": "10.0.1.10", "id.resp_p": 102, "proto": "tcp", "orig_bytes": 24, "resp_bytes": 24}
{"ts": 1795939240.5, "uid": "C4", "id.orig_h": "10.0.1.99", "id.orig_p": 40001, "id.resp_h": "10.0.1.10", "id.resp_p": 502, "proto": "tcp", "orig_bytes": 24, "resp_bytes": 24}
{"ts": 1795939250.5, "uid": "C5", "id.orig_h": "10.0.2.20", "id.orig_p": 47808, "id.resp_h": "255.255.255.255", "id.resp_p": 47808, "proto": "udp", "orig_bytes": 24, "resp_bytes": 24}
`
	flowListCSV = "\ufeffQuelle;Ziel;Protokoll;Port;Anzahl\r\n" +
		"10.0.2.20;10.0.1.10;tcp;502;1\r\n" +
		"10.0.2.20;10.0.1.10;tcp;502;1\r\n" +
		"10.0.2.21;10.0.1.10;tcp;44818;1\r\n" +
		"10.0.9.5;10.0.1.10;tcp;102;1\r\n" +
		"10.0.1.99;10.0.1.10;tcp;502;1\r\n" +
		"10.0.2.20;255.255.255.255;udp;47808;1\r\n" +
		""
)
