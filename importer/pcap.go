package importer

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/netip"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// packetSource is what pcapgo's pcap and pcapng readers have in common.
type packetSource interface {
	ZeroCopyReadPacketData() ([]byte, gopacket.CaptureInfo, error)
	LinkType() layers.LinkType
}

// IsCapture reports whether head (the first four bytes of a file) is the
// magic number of a pcap or pcapng file.
func IsCapture(head []byte) bool {
	if len(head) < 4 {
		return false
	}
	switch binary.LittleEndian.Uint32(head) {
	case 0x0a0d0d0a, 0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1:
		return true
	}
	return false
}

// decoder holds the reusable layers of one capture: decoding into them
// allocates nothing per packet, which keeps parsing fast and memory flat.
type decoder struct {
	eth     layers.Ethernet
	dot1q   layers.Dot1Q
	ip4     layers.IPv4
	ip6     layers.IPv6
	tcp     layers.TCP
	udp     layers.UDP
	icmp4   layers.ICMPv4
	icmp6   layers.ICMPv6
	byFirst map[gopacket.LayerType]*gopacket.DecodingLayerParser
	decoded []gopacket.LayerType
}

func newDecoder() *decoder {
	d := &decoder{byFirst: map[gopacket.LayerType]*gopacket.DecodingLayerParser{}}
	for _, first := range []gopacket.LayerType{layers.LayerTypeEthernet, layers.LayerTypeIPv4, layers.LayerTypeIPv6} {
		p := gopacket.NewDecodingLayerParser(first, &d.eth, &d.dot1q, &d.ip4, &d.ip6, &d.tcp, &d.udp, &d.icmp4, &d.icmp6)
		p.IgnoreUnsupported = true
		d.byFirst[first] = p
	}
	return d
}

// ReadCapture reads a pcap or pcapng capture as a stream and adds its flows
// to t. A capture that ends inside a packet keeps what was read: the result
// says Truncated and the packet it stopped at. Any other read error is an
// *InputError naming the packet.
func ReadCapture(name string, r io.Reader, t *Traffic) (Input, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	in := Input{File: name}
	head, err := br.Peek(4)
	if err != nil || !IsCapture(head) {
		return in, &InputError{File: name, Err: errors.New("not a pcap or pcapng capture (unknown magic number)")}
	}
	var src packetSource
	if binary.LittleEndian.Uint32(head) == 0x0a0d0d0a {
		in.Format = "pcapng"
		src, err = pcapgo.NewNgReader(br, pcapgo.DefaultNgReaderOptions)
	} else {
		in.Format = "pcap"
		src, err = pcapgo.NewReader(br)
	}
	if err != nil {
		return in, &InputError{File: name, Where: "file header", Err: err}
	}
	d := newDecoder()
	var first gopacket.LayerType
	sll := false
	switch lt := src.LinkType(); lt {
	case layers.LinkTypeEthernet:
		first = layers.LayerTypeEthernet
	case layers.LinkTypeRaw, layers.LinkTypeIPv4, layers.LinkTypeIPv6, 12: // 12: raw IP on OpenBSD
		first = 0 // by the version nibble
	case layers.LinkTypeLinuxSLL:
		sll = true
	default:
		return in, &InputError{File: name, Where: "file header", Err: fmt.Errorf("link type %s (%d) is not supported, want Ethernet, raw IP or Linux cooked capture", lt, int(lt))}
	}
	before := t.Len()
	for {
		data, ci, err := src.ZeroCopyReadPacketData()
		if errors.Is(err, io.EOF) {
			break
		}
		n := in.Records + 1
		if errors.Is(err, io.ErrUnexpectedEOF) {
			in.Truncated, in.StoppedAt = true, n
			in.Note = fmt.Sprintf("the capture ends inside packet %d: the %d packets before it were imported", n, in.Records)
			break
		}
		if err != nil {
			return in, &InputError{File: name, Where: fmt.Sprintf("packet %d", n), Err: err}
		}
		in.Records = n
		start, payload := first, data
		if sll {
			if len(data) < 16 {
				in.Ignored++
				continue
			}
			payload = data[16:]
		}
		if start == 0 {
			if len(payload) == 0 {
				in.Ignored++
				continue
			}
			switch payload[0] >> 4 {
			case 4:
				start = layers.LayerTypeIPv4
			case 6:
				start = layers.LayerTypeIPv6
			default:
				in.Ignored++
				continue
			}
		}
		if !d.packet(t, start, payload, ci) {
			in.Ignored++
		}
	}
	in.Flows = t.Len() - before
	return in, nil
}

// packet decodes one frame and adds its flow; false if it carries none.
func (d *decoder) packet(t *Traffic, first gopacket.LayerType, data []byte, ci gopacket.CaptureInfo) bool {
	if err := d.byFirst[first].DecodeLayers(data, &d.decoded); err != nil {
		// A malformed header: count the packet as ignored, as Wireshark
		// shows it as malformed rather than stopping.
		return false
	}
	var vlan uint16
	var src, dst netip.Addr
	var ip, etherOnly bool
	var proto layers.IPProtocol
	var transportSeen bool
	for _, lt := range d.decoded {
		switch lt {
		case layers.LayerTypeDot1Q:
			if vlan == 0 {
				vlan = d.dot1q.VLANIdentifier
			}
		case layers.LayerTypeIPv4:
			src, _ = netip.AddrFromSlice(d.ip4.SrcIP.To4())
			dst, _ = netip.AddrFromSlice(d.ip4.DstIP.To4())
			proto, ip = d.ip4.Protocol, true
			if d.ip4.FragOffset > 0 {
				return false // later fragments carry no ports
			}
		case layers.LayerTypeIPv6:
			src, _ = netip.AddrFromSlice(d.ip6.SrcIP)
			dst, _ = netip.AddrFromSlice(d.ip6.DstIP)
			proto, ip = d.ip6.NextHeader, true
		case layers.LayerTypeTCP, layers.LayerTypeUDP, layers.LayerTypeICMPv4, layers.LayerTypeICMPv6:
			transportSeen = true
		}
	}
	if !ip {
		if len(d.decoded) == 0 || d.decoded[0] != layers.LayerTypeEthernet {
			return false
		}
		et := d.eth.EthernetType
		if last := d.decoded[len(d.decoded)-1]; last == layers.LayerTypeDot1Q {
			et = d.dot1q.Type
		}
		if et == layers.EthernetTypeARP || et == layers.EthernetTypeIPv4 || et == layers.EthernetTypeIPv6 {
			return false
		}
		etherOnly = true
		var k Key
		copy(k.Client.MAC[:], d.eth.SrcMAC)
		copy(k.Server.MAC[:], d.eth.DstMAC)
		k.Transport, k.Port = "ethernet", uint16(et)
		t.Add(k, 1, int64(ci.Length), ci.Timestamp, vlan)
		return etherOnly
	}
	k := Key{Client: Endpoint{IP: src}, Server: Endpoint{IP: dst}}
	size := int64(ci.Length)
	switch {
	case proto == layers.IPProtocolTCP && transportSeen:
		k.Transport = "tcp"
		orient(&k, uint16(d.tcp.SrcPort), uint16(d.tcp.DstPort))
	case proto == layers.IPProtocolUDP && transportSeen:
		k.Transport = "udp"
		orient(&k, uint16(d.udp.SrcPort), uint16(d.udp.DstPort))
	case proto == layers.IPProtocolICMPv4 || proto == layers.IPProtocolICMPv6:
		k.Transport = "icmp"
		// An echo reply belongs to the flow of its request.
		if (proto == layers.IPProtocolICMPv4 && transportSeen && d.icmp4.TypeCode.Type() == layers.ICMPv4TypeEchoReply) ||
			(proto == layers.IPProtocolICMPv6 && transportSeen && d.icmp6.TypeCode.Type() == layers.ICMPv6TypeEchoReply) {
			k.Client, k.Server = k.Server, k.Client
		}
	case proto == layers.IPProtocolTCP || proto == layers.IPProtocolUDP:
		return false // header cut off by the snap length
	default:
		k.Transport = fmt.Sprint(int(proto))
	}
	t.Add(k, 1, size, ci.Timestamp, vlan)
	return true
}

// orient puts the server at k.Server, judged by the ports.
func orient(k *Key, srcPort, dstPort uint16) {
	if serverSide(k.Transport, srcPort, dstPort) {
		k.Port = dstPort
		return
	}
	k.Client, k.Server = k.Server, k.Client
	k.Port = srcPort
}
