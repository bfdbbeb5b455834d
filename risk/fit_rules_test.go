package risk

import (
	"strings"
	"testing"

	"zonewise/model"
)

// conduitTarget builds the fit view of one conduit with the given flows.
func conduitTarget(typ model.ConduitType, flows ...model.DataFlow) *fitTarget {
	c := &model.Conduit{Name: "C1", Type: typ, Flows: flows}
	p := profileOf(c)
	return &fitTarget{kind: model.TargetConduit, name: c.Name, conduit: &p, cellIO: isCellIO(c, p.medium, nil)}
}

func flow(protocol, from, to string, kind model.FlowKind) model.DataFlow {
	return model.DataFlow{Protocol: protocol, From: model.ID(from), To: model.ID(to), Kind: kind}
}

// checkFit runs one rule and compares: want "" for a fit, else a part of
// the reason.
func checkFit(t *testing.T, rule fitRule, m *Measure, tg *fitTarget, want string) {
	t.Helper()
	got := rule(m, tg)
	switch {
	case want == "" && got != "":
		t.Errorf("unfit: %q, want a fit", got)
	case want != "" && !strings.Contains(got, want):
		t.Errorf("reason %q, want it to contain %q", got, want)
	case want != "" && !strings.HasPrefix(got, m.ID+" "):
		t.Errorf("reason %q, want it to start with the measure ID %s", got, m.ID)
	}
}

func TestFitMedium(t *testing.T) {
	ids := &Measure{ID: "CM-IDS", Name: "IDS", Media: []Medium{MediumEthernet, MediumFieldbus}}
	wids := &Measure{ID: "CM-WIDS", Name: "WIDS", Media: []Medium{MediumWireless}}
	any := &Measure{ID: "CM-ANY", Name: "anywhere"}
	usbZone := &fitTarget{kind: model.TargetZone, name: "Transient", conduits: []namedProfile{{"USB", conduitProfile{medium: MediumRemovable}, false}}}
	radioZone := &fitTarget{kind: model.TargetZone, name: "Well", wireless: true, conduits: []namedProfile{{"LAN", conduitProfile{medium: MediumEthernet}, false}}}
	tests := []struct {
		name string
		m    *Measure
		t    *fitTarget
		want string
	}{
		{"an IDS fits a routed Ethernet conduit", ids, conduitTarget(model.ConduitFirewall, flow("OPC UA", "a", "b", "")), ""},
		{"an IDS does not fit removable media", ids, conduitTarget(model.ConduitRemovableMedia), "conduit C1 is a removable media"},
		{"an IDS does not fit a serial link", ids, conduitTarget(model.ConduitSerial), "needs routed Ethernet or fieldbus"},
		{"a measure without media fits a serial link", any, conduitTarget(model.ConduitSerial), ""},
		{"an IDS does not fit a zone reached only by USB media", ids, usbZone, "no conduit of zone Transient"},
		{"a wireless IDS fits a zone whose asset is exposed to wireless", wids, radioZone, ""},
		{"a zone without conduits is not held against a measure", ids, &fitTarget{kind: model.TargetZone, name: "New"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFit(t, fitMedium, tt.m, tt.t, tt.want) })
	}
}

func TestFitFlowKinds(t *testing.T) {
	mfa := &Measure{ID: "CM-MFA", Name: "MFA", FlowKinds: []model.FlowKind{model.FlowInteractive}}
	tests := []struct {
		name string
		t    *fitTarget
		want string
	}{
		{"MFA fits a conduit with an RDP session", conduitTarget(model.ConduitGateway, flow("RDP", "a", "b", "")), ""},
		{"MFA does not fit a read-only serial link", conduitTarget(model.ConduitSerial, flow("Modbus RTU (read-only)", "a", "b", "")),
			"needs a flow of kind interactive session; conduit C1 carries only machine polling"},
		{"MFA does not fit a link of control writes", conduitTarget(model.ConduitRouted, flow("S7comm", "a", "b", "")), "carries only control write"},
		{"a conduit without flows is not held against MFA", conduitTarget(model.ConduitRouted), ""},
		{"a recorded kind counts over the protocol", conduitTarget(model.ConduitRouted, flow("Modbus/TCP", "a", "b", model.FlowInteractive)), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFit(t, fitFlowKinds, mfa, tt.t, tt.want) })
	}
}

func TestFitFlowEffect(t *testing.T) {
	diode := &Measure{ID: "CM-DIODE", Name: "diode", FlowEffect: FlowOneWay}
	airgap := &Measure{ID: "CM-AIRGAP", Name: "air gap", FlowEffect: FlowCut}
	island := &Measure{ID: "CM-ISLAND", Name: "island mode", FlowEffect: FlowIsland}
	oneWay := conduitProfile{medium: MediumEthernet, flows: 1, kinds: flowKindBit(model.FlowPolling)}
	fieldbus := conduitProfile{medium: MediumFieldbus, flows: 1, kinds: flowKindBit(model.FlowControlWrite)}
	tests := []struct {
		name string
		m    *Measure
		t    *fitTarget
		want string
	}{
		{"a diode fits replication and syslog leaving one zone", diode,
			conduitTarget(model.ConduitFirewall, flow("PI-to-PI replication", "ot", "dmz", ""), flow("Syslog", "ot", "dmz", "")), ""},
		{"a diode does not fit RDP sessions", diode, conduitTarget(model.ConduitGateway, flow("RDP", "ra", "ops", "")), "requires RDP (interactive session)"},
		{"a diode does not fit control writes", diode, conduitTarget(model.ConduitRouted, flow("Modbus/TCP", "scada", "plc", model.FlowControlWrite)), "requires Modbus/TCP (control write)"},
		{"a diode does not fit flows in both directions", diode,
			conduitTarget(model.ConduitFirewall, flow("OPC UA", "a", "b", ""), flow("NTP", "b", "a", "")), "NTP (runs the other way)"},
		{"a diode does not fit a bidirectional flow", diode,
			conduitTarget(model.ConduitFirewall, model.DataFlow{Protocol: "OPC UA", From: "a", To: "b", Bidirectional: true}), "(bidirectional)"},
		{"a diode fits a zone whose conduits all run one way", diode, &fitTarget{kind: model.TargetZone, name: "SIS", conduits: []namedProfile{{"K9", oneWay, false}, {"K10", oneWay, false}}}, ""},
		{"an air gap does not fit a zone whose conduits carry required flows", airgap,
			&fitTarget{kind: model.TargetZone, name: "SIS", conduits: []namedProfile{{"K9", oneWay, false}, {"K10", oneWay, false}}}, "zone SIS needs the flows of K9, K10"},
		{"an air gap fits a zone whose conduits carry no flows", airgap,
			&fitTarget{kind: model.TargetZone, name: "Lab", conduits: []namedProfile{{"K1", conduitProfile{medium: MediumEthernet}, false}}}, ""},
		{"an air gap does not fit a conduit with flows", airgap, conduitTarget(model.ConduitFirewall, flow("OPC UA", "a", "b", "")), "conduit C1 carries required flows"},
		{"island mode fits an uplink from a controller zone to SCADA", island,
			conduitTarget(model.ConduitFirewall, flow("S7comm-plus", "scada", "plc", model.FlowControlWrite), flow("OPC UA", "scada", "plc", model.FlowPolling)), ""},
		{"island mode does not fit a PROFINET segment", island,
			conduitTarget(model.ConduitFirewall, flow("PROFINET RT", "plc", "io", "")), "conduit C1 is the cell's own I/O segment"},
		{"island mode does not fit a link to a zone of field devices", island, fieldZoneLink(), "the process cannot run without"},
		{"island mode fits a controller zone with an uplink beside its fieldbus", island,
			&fitTarget{kind: model.TargetZone, name: "Cell", conduits: []namedProfile{{"K8", fieldbus, true}, {"K6", oneWay, false}}}, ""},
		{"island mode does not fit a field zone reached only by its fieldbus", island,
			&fitTarget{kind: model.TargetZone, name: "Field", conduits: []namedProfile{{"K8", fieldbus, true}}}, "zone Field has no conduit but its own I/O segment"},
		{"island mode fits a zone without conduits recorded", island, &fitTarget{kind: model.TargetZone, name: "New"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFit(t, fitFlowEffect, tt.m, tt.t, tt.want) })
	}
}

func TestFitAssetClasses(t *testing.T) {
	atRest := &Measure{ID: "CM-DATA-AT-REST", Name: "encryption at rest", AssetClasses: []model.AssetClass{model.ClassHost, model.ClassApplication}}
	field := &fitTarget{kind: model.TargetZone, name: "Field", assets: []*model.Asset{{Class: model.ClassEmbedded}, {Class: model.ClassNetwork}}}
	ops := &fitTarget{kind: model.TargetZone, name: "Ops", assets: []*model.Asset{{Class: model.ClassEmbedded}, {Class: model.ClassHost}}}
	tests := []struct {
		name string
		t    *fitTarget
		want string
	}{
		{"encryption at rest does not fit a zone of field devices", field, "zone Field holds none"},
		{"encryption at rest fits a zone with a host", ops, ""},
		{"a zone without assets is not held against it", &fitTarget{kind: model.TargetZone, name: "Empty"}, ""},
		{"asset classes do not restrict conduit targets", conduitTarget(model.ConduitFirewall), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFit(t, fitAssetClasses, atRest, tt.t, tt.want) })
	}
}

func TestOrganisationalMeasuresCloseOnlyProceduralRequirements(t *testing.T) {
	tests := []struct {
		name string
		kind MeasureKind
		req  string
		want bool
	}{
		{"training does not close authenticator management", KindOrganisational, "SR 1.5", false},
		{"a policy does not close password strength", KindOrganisational, "SR 1.7", false},
		{"an account review closes account management", KindOrganisational, "SR 1.3", true},
		{"a two-person rule closes dual approval", KindOrganisational, "SR 2.1 RE 4", true},
		{"a technical measure closes what it lists", KindTechnical, "SR 1.5", true},
		{"a physical measure closes what it lists", KindPhysical, "SR 2.1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Measure{ID: "CM-X", Kind: tt.kind}
			if got := m.closes(tt.req); got != tt.want {
				t.Errorf("%s measure closes(%q) = %v, want %v", tt.kind, tt.req, got, tt.want)
			}
		})
	}
}
