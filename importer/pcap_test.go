package importer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func mustAddr(s string) netip.Addr { return netip.MustParseAddr(s) }

func TestReadCapture(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		data         []byte
	}{
		{"a pcap file", "pcap", writePcap(t, observedTraffic)},
		{"a pcapng file", "pcapng", writePcapng(t, observedTraffic)},
	} {
		t.Run(tc.name+" is read packet by packet into six flows", func(t *testing.T) {
			tr := NewTraffic()
			in, err := ReadCapture("x", bytes.NewReader(tc.data), tr)
			if err != nil {
				t.Fatal(err)
			}
			if in.Format != tc.format || in.Records != int64(len(observedTraffic)) || in.Flows != 6 || in.Ignored != 0 || in.Truncated {
				t.Fatalf("input summary %+v, want %s, %d packets, 6 flows", in, tc.format, len(observedTraffic))
			}
			var profinet *Flow
			for _, f := range tr.Flows() {
				if f.Transport == "ethernet" {
					profinet = &f
				}
			}
			if profinet == nil || profinet.Protocol != "PROFINET" || profinet.Port != 0x8892 || profinet.Client.String() != "02:00:00:00:01:10" {
				t.Fatalf("PROFINET frame gave %+v", profinet)
			}
		})
	}
}

func TestCaptureBadInput(t *testing.T) {
	good := writePcap(t, observedTraffic)
	// Each packet record is a 16-byte header plus the frame; find where
	// packet 4 starts to cut or corrupt it.
	offset := func(n int) int {
		off := 24
		for i := 1; i < n; i++ {
			off += 16 + int(binary.LittleEndian.Uint32(good[off+8:]))
		}
		return off
	}
	t.Run("a capture cut inside packet 4 keeps packets 1 to 3 and says where it stopped", func(t *testing.T) {
		tr := NewTraffic()
		in, err := ReadCapture("cut.pcap", bytes.NewReader(good[:offset(4)+20]), tr)
		if err != nil {
			t.Fatal(err)
		}
		if !in.Truncated || in.StoppedAt != 4 || in.Records != 3 || !strings.Contains(in.Note, "inside packet 4") {
			t.Fatalf("summary %+v, want truncated at packet 4 after 3 packets", in)
		}
		var n int64
		for _, f := range tr.Flows() {
			n += f.Count
		}
		if n != 3 {
			t.Fatalf("%d packets counted, want 3", n)
		}
	})
	t.Run("a capture cut inside a packet header is truncated too", func(t *testing.T) {
		in, err := ReadCapture("cut.pcap", bytes.NewReader(good[:offset(2)+7]), NewTraffic())
		if err != nil || !in.Truncated || in.StoppedAt != 2 {
			t.Fatalf("summary %+v, err %v; want truncated at packet 2", in, err)
		}
	})
	t.Run("a corrupt packet length is an error naming the file and packet", func(t *testing.T) {
		bad := bytes.Clone(good)
		binary.LittleEndian.PutUint32(bad[offset(5)+8:], 1<<30) // captured length
		_, err := ReadCapture("corrupt.pcap", bytes.NewReader(bad), NewTraffic())
		var ie *InputError
		if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "corrupt.pcap: packet 5: ") {
			t.Fatalf("err = %v, want corrupt.pcap: packet 5: …", err)
		}
	})
	t.Run("a file that is no capture is refused by its magic number", func(t *testing.T) {
		_, err := ReadCapture("notes.txt", strings.NewReader("hello world"), NewTraffic())
		if err == nil || !strings.Contains(err.Error(), "notes.txt: not a pcap or pcapng capture") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("an unsupported link type is named", func(t *testing.T) {
		bad := bytes.Clone(good[:24])
		binary.LittleEndian.PutUint32(bad[20:], 105) // IEEE 802.11
		_, err := ReadCapture("wifi.pcap", bytes.NewReader(bad), NewTraffic())
		if err == nil || !strings.Contains(err.Error(), "wifi.pcap: file header: link type") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("a truncated pcapng keeps what was read", func(t *testing.T) {
		ng := writePcapng(t, observedTraffic)
		in, err := ReadCapture("cut.pcapng", bytes.NewReader(ng[:len(ng)-30]), NewTraffic())
		if err != nil {
			t.Fatal(err)
		}
		if !in.Truncated || in.Records != int64(len(observedTraffic)-1) {
			t.Fatalf("summary %+v, want truncated after %d packets", in, len(observedTraffic)-1)
		}
	})
}

func TestProtocolNames(t *testing.T) {
	tests := []struct {
		transport string
		port      uint16
		want      string
	}{
		{"tcp", 502, "Modbus/TCP"}, {"tcp", 102, "S7comm"}, {"tcp", 44818, "EtherNet/IP"}, {"udp", 2222, "EtherNet/IP"},
		{"tcp", 20000, "DNP3"}, {"tcp", 2404, "IEC 60870-5-104"}, {"tcp", 4840, "OPC UA"}, {"udp", 47808, "BACnet"},
		{"ethernet", 0x8892, "PROFINET"}, {"tcp", 443, "HTTPS"}, {"tcp", 3389, "RDP"}, {"tcp", 445, "SMB"}, {"tcp", 22, "SSH"},
		{"tcp", 40000, ""},
	}
	for _, tc := range tests {
		t.Run(tc.want+" is recognised by its port", func(t *testing.T) {
			if got := ProtocolName(tc.transport, tc.port); got != tc.want {
				t.Fatalf("ProtocolName(%s, %d) = %q, want %q", tc.transport, tc.port, got, tc.want)
			}
		})
	}
	t.Run("a client port above a known server port is not the server", func(t *testing.T) {
		k := Key{Client: Endpoint{IP: mustAddr("10.0.0.1")}, Server: Endpoint{IP: mustAddr("10.0.0.2")}, Transport: "tcp"}
		orient(&k, 502, 1024) // a reply from the Modbus server 10.0.0.1
		if k.Port != 502 || k.Server.IP != mustAddr("10.0.0.1") {
			t.Fatalf("oriented %+v, want server 10.0.0.1:502", k)
		}
	})
}
