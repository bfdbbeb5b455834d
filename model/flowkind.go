package model

import "strings"

// FlowKind says what a data flow is used for. Countermeasures are fitted to
// it: multi-factor authentication needs a person logging on, a data diode
// cannot carry a control write (see docs/METHOD.md, step 7).
type FlowKind string

// Flow kinds.
const (
	// FlowInteractive is a session a person drives: remote desktop, SSH,
	// a web console.
	FlowInteractive FlowKind = "interactive"
	// FlowPolling is machine-to-machine data exchange that changes nothing
	// on the target: reads, polling, replication, logs, time.
	FlowPolling FlowKind = "polling"
	// FlowControlWrite writes set points, commands or programs to a
	// controller or server.
	FlowControlWrite FlowKind = "control-write"
	// FlowFileTransfer moves files: shares, backups, updates, media.
	FlowFileTransfer FlowKind = "file-transfer"
)

var flowKindTable = []enumEntry[FlowKind]{
	{FlowInteractive, "Interactive session"},
	{FlowPolling, "Machine polling / data exchange"},
	{FlowControlWrite, "Control write"},
	{FlowFileTransfer, "File transfer"},
}

// FlowKinds lists every flow kind.
func FlowKinds() []FlowKind { return enumValues(flowKindTable) }

// Valid reports whether k is a known flow kind.
func (k FlowKind) Valid() bool { return enumValid(flowKindTable, k) }

// Label is the display name.
func (k FlowKind) Label() string { return enumLabel(flowKindTable, k) }

// EffectiveKind is the flow's kind: the recorded one, or for a flow recorded
// without one (every file written before flow kinds existed) the kind its
// protocol and purpose suggest. The inference is deliberately conservative:
// a protocol that can write (Modbus/TCP, S7, CIP) counts as a control write
// unless the flow says it only reads.
func (f *DataFlow) EffectiveKind() FlowKind {
	if f.Kind != "" {
		return f.Kind
	}
	return InferFlowKind(f.Protocol, f.Transport, f.Purpose)
}

// flowKindWords are checked in order; the first kind with a word contained
// in the lower-cased protocol (or, for read markers, the purpose) wins.
var flowKindWords = []struct {
	kind  FlowKind
	words []string
}{
	{FlowFileTransfer, []string{"usb", "mass storage", "smb", "cifs", "ftp", "wsus", "update", "backup", "nfs", "rsync", "scp"}},
	{FlowInteractive, []string{"rdp", "ssh", "vnc", "telnet", "console", "http", "teamviewer", "citrix", "x11"}},
	{FlowPolling, []string{"read-only", "function codes 3, 4", "function code 3", "replication", "syslog", "ntp", "snmp",
		"kerberos", "ldap", "smtp", "dns", "ike", "ipsec", "opc ua", "opc da", "mqtt", "pi-to-pi"}},
	{FlowControlWrite, []string{"s7", "cip", "ethernet/ip", "modbus", "profinet", "dnp3", "iec 104", "iec 60870", "bacnet",
		"studio 5000", "tia portal", "ethercat", "iec 61850", "goose", "profibus", "hart"}},
}

// readMarkers in a flow's purpose mark a writing-capable protocol as used
// for reading only ("SCADA polls the well RTUs", "reads reservoir levels").
var readMarkers = []string{"read-only", "reads ", "polls ", "read ", "monitoring"}

// InferFlowKind guesses a flow's kind from its protocol, transport and
// purpose; it returns FlowPolling when nothing matches, the kind that
// constrains countermeasures least in either direction.
func InferFlowKind(protocol, transport, purpose string) FlowKind {
	p := strings.ToLower(protocol + " " + transport)
	pur := strings.ToLower(purpose) + " "
	for _, e := range flowKindWords {
		for _, w := range e.words {
			if !strings.Contains(p, w) {
				continue
			}
			if e.kind == FlowControlWrite {
				for _, r := range readMarkers {
					if strings.Contains(pur, r) {
						return FlowPolling
					}
				}
			}
			return e.kind
		}
	}
	return FlowPolling
}
