package importer

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"net"
	"net/netip"
	"slices"
	"strings"
	"time"
)

// Endpoint is one end of an observed flow: an IP address, or for layer-2
// protocols such as PROFINET RT a MAC address.
type Endpoint struct {
	IP  netip.Addr
	MAC [6]byte
}

// IsZero reports whether e names nothing.
func (e Endpoint) IsZero() bool { return !e.IP.IsValid() && e.MAC == [6]byte{} }

// String is the IP address, or the MAC address for layer-2 endpoints.
func (e Endpoint) String() string {
	if e.IP.IsValid() {
		return e.IP.String()
	}
	return net.HardwareAddr(e.MAC[:]).String()
}

// Key identifies an aggregated flow: client, server, transport and server
// port (or EtherType for layer 2). The client's ephemeral port is dropped,
// so a thousand Modbus polls are one flow.
type Key struct {
	Client, Server Endpoint
	// Transport is "tcp", "udp", "icmp", an IP protocol number as text, or
	// "ethernet" for layer-2 frames.
	Transport string
	// Port is the server port; for "ethernet" the EtherType.
	Port uint16
}

// Flow is an aggregated observation.
type Flow struct {
	Key
	Protocol    string    // recognised protocol name, "" if unknown
	Count       int64     // packets, or connections for conn.log and flow lists
	Bytes       int64     // layer-3 bytes where known
	First, Last time.Time // zero when the source has no times
	// VLAN is the 802.1Q VLAN ID the flow was seen on, 0 for none.
	VLAN uint16
}

// Traffic aggregates flows from one or more sources. Its memory grows with
// the number of distinct flows, not with the size of the capture.
type Traffic struct {
	flows map[Key]*Flow
	// Inputs describes every file read.
	Inputs []Input
}

// Input is the summary of one traffic file.
type Input struct {
	File   string `json:"file"`
	Format string `json:"format"` // pcap, pcapng, zeek-tsv, zeek-json, csv
	// Records counts packets, log lines or rows read.
	Records int64 `json:"records"`
	Flows   int   `json:"flows"`
	// Ignored counts records that carry no flow (ARP, non-IP, unreadable).
	Ignored int64 `json:"ignored"`
	// Truncated is set when the file ended inside a record; StoppedAt is
	// the number of the record that was cut off.
	Truncated bool   `json:"truncated,omitempty"`
	StoppedAt int64  `json:"stoppedAt,omitempty"`
	Note      string `json:"note,omitempty"`
}

// NewTraffic returns an empty aggregate.
func NewTraffic() *Traffic { return &Traffic{flows: map[Key]*Flow{}} }

// Add counts one observation of k.
func (t *Traffic) Add(k Key, count, bytes int64, at time.Time, vlan uint16) {
	f := t.flows[k]
	if f == nil {
		f = &Flow{Key: k, Protocol: ProtocolName(k.Transport, k.Port), VLAN: vlan}
		t.flows[k] = f
	}
	f.Count += count
	f.Bytes += bytes
	if !at.IsZero() {
		if f.First.IsZero() || at.Before(f.First) {
			f.First = at
		}
		if at.After(f.Last) {
			f.Last = at
		}
	}
	if f.VLAN == 0 {
		f.VLAN = vlan
	}
}

// AddNamed counts an observation whose protocol name the source gave (a
// flow list or Zeek's service field) when the port alone does not tell.
func (t *Traffic) AddNamed(k Key, name string, count, bytes int64, at time.Time) {
	t.Add(k, count, bytes, at, 0)
	if f := t.flows[k]; f.Protocol == "" && name != "" {
		f.Protocol = name
	}
}

// Len is the number of distinct flows.
func (t *Traffic) Len() int { return len(t.flows) }

// Flows returns the flows sorted by client, server, transport and port.
func (t *Traffic) Flows() []Flow {
	out := make([]Flow, 0, len(t.flows))
	for _, f := range t.flows {
		out = append(out, *f)
	}
	slices.SortFunc(out, func(a, b Flow) int { return compareKey(a.Key, b.Key) })
	return out
}

func compareKey(a, b Key) int {
	return cmp.Or(compareEndpoint(a.Client, b.Client), compareEndpoint(a.Server, b.Server),
		strings.Compare(a.Transport, b.Transport), cmp.Compare(a.Port, b.Port))
}

func compareEndpoint(a, b Endpoint) int {
	if c := a.IP.Compare(b.IP); c != 0 {
		return c
	}
	return slices.Compare(a.MAC[:], b.MAC[:])
}

// protocol names of well-known ports, ICS first. A port may be used by
// several transports (EtherNet/IP: 44818 TCP explicit, 2222 UDP implicit).
var portNames = map[string]map[uint16]string{
	"tcp": {
		502: "Modbus/TCP", 102: "S7comm", 44818: "EtherNet/IP", 20000: "DNP3", 2404: "IEC 60870-5-104",
		4840: "OPC UA", 4843: "OPC UA (TLS)", 47808: "BACnet", 1911: "Niagara Fox", 789: "Red Lion Crimson",
		2455: "CODESYS", 1217: "CODESYS", 11740: "CODESYS", 18245: "GE SRTP", 5007: "Mitsubishi MELSEC",
		9600: "OMRON FINS", 1962: "PCWorx", 20547: "ProConOS",
		22: "SSH", 23: "Telnet", 21: "FTP", 25: "SMTP", 53: "DNS", 80: "HTTP", 443: "HTTPS", 445: "SMB",
		139: "NetBIOS session", 135: "MS RPC", 3389: "RDP", 5900: "VNC", 5985: "WinRM", 5986: "WinRM (TLS)",
		389: "LDAP", 636: "LDAPS", 88: "Kerberos", 1433: "MS SQL", 3306: "MySQL", 5432: "PostgreSQL",
		1883: "MQTT", 8883: "MQTT (TLS)", 8080: "HTTP (alt)", 8443: "HTTPS (alt)", 514: "Syslog (TCP)",
		6514: "Syslog (TLS)", 161: "SNMP", 3128: "HTTP proxy",
	},
	"udp": {
		2222: "EtherNet/IP", 44818: "EtherNet/IP", 20000: "DNP3", 47808: "BACnet", 34962: "PROFINET RT (UDP)",
		34963: "PROFINET RT (UDP)", 34964: "PROFINET CM", 102: "S7comm", 4840: "OPC UA", 1911: "Niagara Fox",
		9600: "OMRON FINS", 5007: "Mitsubishi MELSEC", 2455: "CODESYS", 1740: "CODESYS", 1741: "CODESYS",
		53: "DNS", 67: "DHCP", 68: "DHCP", 69: "TFTP", 123: "NTP", 137: "NetBIOS name", 138: "NetBIOS datagram",
		161: "SNMP", 162: "SNMP trap", 514: "Syslog", 500: "IKE", 4500: "IPsec NAT-T", 1194: "OpenVPN",
		5353: "mDNS", 1900: "SSDP", 319: "PTP", 320: "PTP", 3389: "RDP",
	},
}

// etherTypeNames are the layer-2 protocols recognised by EtherType.
var etherTypeNames = map[uint16]string{
	0x8892: "PROFINET", 0x88b8: "IEC 61850 GOOSE", 0x88ba: "IEC 61850 SV", 0x88cc: "LLDP",
	0x88a4: "EtherCAT", 0x88f7: "PTP", 0x88e3: "MRP", 0x891d: "TTEthernet", 0x88ab: "POWERLINK",
}

// ProtocolName names the protocol of a transport and server port (or the
// EtherType for "ethernet"), "" when unknown.
func ProtocolName(transport string, port uint16) string {
	if transport == "ethernet" {
		return etherTypeNames[port]
	}
	return portNames[transport][port]
}

// serverSide tells which end of a connection is the server when the
// handshake was not seen: a recognised port wins, else the lower one.
func serverSide(transport string, a, b uint16) (serverIsB bool) {
	ka, kb := portNames[transport][a] != "", portNames[transport][b] != ""
	switch {
	case kb && !ka:
		return true
	case ka && !kb:
		return false
	}
	return b <= a
}

// ParseTransport accepts a transport name or IP protocol number.
func ParseTransport(s string) (string, error) {
	switch t := strings.ToLower(strings.TrimSpace(s)); t {
	case "tcp", "6":
		return "tcp", nil
	case "udp", "17":
		return "udp", nil
	case "icmp", "1", "icmpv6", "58":
		return "icmp", nil
	case "ethernet", "l2":
		return "ethernet", nil
	default:
		return "", fmt.Errorf("%q is not a transport, want tcp, udp, icmp or ethernet", s)
	}
}

// ProtocolByName finds the transport and port of a protocol name as a flow
// list writes it ("Modbus/TCP", "modbus", "S7", "https").
func ProtocolByName(s string) (transport string, port uint16, ok bool) {
	n := normHeader(s)
	if n == "" {
		return "", 0, false
	}
	for _, tr := range []string{"tcp", "udp"} {
		best := -1
		for p, name := range portNames[tr] {
			nn := normHeader(name)
			if nn == n || (len(n) >= 2 && strings.HasPrefix(nn, n)) {
				if best < 0 || int(p) < best {
					best = int(p)
				}
			}
		}
		if best >= 0 {
			return tr, uint16(best), true
		}
	}
	return "", 0, false
}

// ReadTraffic reads one traffic file of any supported format, chosen by
// its content: a pcap or pcapng magic number, a Zeek header ("#") or JSON
// line ("{"), else a CSV flow list.
func ReadTraffic(name string, r io.Reader, t *Traffic) (Input, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	head, _ := br.Peek(512)
	var in Input
	var err error
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case IsCapture(head):
		in, err = ReadCapture(name, br, t)
	case len(trimmed) > 0 && (trimmed[0] == '#' || trimmed[0] == '{'):
		in, err = ReadZeekConn(name, br, t)
	default:
		in, err = ReadFlowCSV(name, br, t)
	}
	if err == nil {
		t.Inputs = append(t.Inputs, in)
	}
	return in, err
}
