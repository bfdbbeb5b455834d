package model

import (
	"bytes"
	"testing"
)

func TestSetObservationApplyRevert(t *testing.T) {
	rec := &ObservationRecord{Sources: []string{"cap.pcap"}, Format: "pcap", Date: "2026-12-04T10:00:00Z", Flows: 3,
		Findings: []ObservedFinding{{Rule: "unknown-host", Severity: "warning", Subject: "10.0.0.9", Message: "m"}}}
	tests := []struct {
		name     string
		firewall bool
		before   *Observations
	}{
		{"recording traffic on a project without observations reverts to none", false, nil},
		{"recording a firewall review beside traffic keeps the traffic", true, &Observations{Traffic: rec}},
		{"recording traffic again replaces the earlier record", false, &Observations{Traffic: &ObservationRecord{Sources: []string{"old.pcap"}, Date: "x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Sample()
			p.Observations = tt.before
			want, _ := Marshal(p)
			c := &SetObservation{Firewall: tt.firewall, Record: rec}
			if err := c.Apply(p); err != nil {
				t.Fatal(err)
			}
			got := p.Observations.Traffic
			if tt.firewall {
				got = p.Observations.Firewall
			}
			if got == nil || got.Sources[0] != "cap.pcap" {
				t.Fatalf("after Apply: %+v", p.Observations)
			}
			if tt.firewall && p.Observations.Traffic == nil {
				t.Error("the traffic record was lost")
			}
			c.Revert(p)
			if back, _ := Marshal(p); !bytes.Equal(back, want) {
				t.Error("Apply then Revert does not save to the same bytes")
			}
		})
	}
}
