package model

import (
	"strings"
	"testing"
)

func TestInferFlowKind(t *testing.T) {
	tests := []struct {
		name                         string
		protocol, transport, purpose string
		want                         FlowKind
	}{
		{"RDP is an interactive session", "RDP", "TCP", "Vendor sessions", FlowInteractive},
		{"a web console is an interactive session", "HTTPS (Nozomi console)", "TCP", "", FlowInteractive},
		{"scanned USB media is a file transfer", "USB mass storage (scanned)", "USB", "", FlowFileTransfer},
		{"an update proxy is a file transfer, not a web session", "HTTPS (update proxy)", "TCP", "", FlowFileTransfer},
		{"SMB backups are a file transfer", "SMB", "TCP", "Veeam backup", FlowFileTransfer},
		{"read-only Modbus RTU is polling", "Modbus RTU (read-only)", "RS-485", "", FlowPolling},
		{"Modbus restricted to read function codes is polling", "Modbus/TCP (function codes 3, 4)", "TCP", "", FlowPolling},
		{"Modbus/TCP used to access a PLC is a control write", "Modbus/TCP", "TCP", "SCADA access to the M580 pump PLC", FlowControlWrite},
		{"Modbus/TCP whose purpose says it reads is polling", "Modbus/TCP", "TCP", "Pump PLC reads reservoir levels", FlowPolling},
		{"S7comm-plus is a control write", "S7comm-plus", "TCP", "SCADA and TIA Portal access", FlowControlWrite},
		{"replication is polling, not a Citrix ICA session", "PI-to-PI replication", "TCP", "", FlowPolling},
		{"OPC UA collection is polling", "OPC UA", "TCP", "Historian collects values", FlowPolling},
		{"an unknown protocol counts as polling", "Proprietary X", "TCP", "", FlowPolling},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := InferFlowKind(tt.protocol, tt.transport, tt.purpose); got != tt.want {
				t.Errorf("InferFlowKind(%q, %q, %q) = %q, want %q", tt.protocol, tt.transport, tt.purpose, got, tt.want)
			}
		})
	}
}

func TestEffectiveKindPrefersTheRecordedKind(t *testing.T) {
	f := DataFlow{Protocol: "RDP", Kind: FlowFileTransfer}
	if got := f.EffectiveKind(); got != FlowFileTransfer {
		t.Errorf("EffectiveKind = %q, want the recorded %q", got, FlowFileTransfer)
	}
}

func TestValidateRejectsAnUnknownFlowKind(t *testing.T) {
	p := Sample()
	p.Conduits[0].Flows[1].Kind = "telepathy"
	var found bool
	for _, pr := range Validate(p) {
		if pr.Field == "flows[1].kind" {
			found = true
			if pr.Severity != SeverityError || !strings.Contains(pr.Message, `"telepathy" is unknown`) || !strings.Contains(pr.Message, "control-write") {
				t.Errorf("problem = %+v, want an error naming the value and the known kinds", pr)
			}
		}
	}
	if !found {
		t.Errorf("no problem on flows[1].kind for kind %q", "telepathy")
	}
}
