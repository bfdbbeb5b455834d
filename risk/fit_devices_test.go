package risk

import (
	"strings"
	"testing"

	"zonewise/model"
)

func TestFitConduitDevices(t *testing.T) {
	backups := &Measure{ID: "CM-CONFIG-MGMT", Name: "Configuration management and controller program backups",
		AssetClasses: []model.AssetClass{model.ClassEmbedded, model.ClassNetwork, model.ClassHost}}
	kiosk := &Measure{ID: "CM-KIOSK", Name: "Kiosk"}
	tests := []struct {
		name string
		m    *Measure
		t    *fitTarget
		want string
	}{
		{"controller backups do not fit a USB conduit", backups, conduitTarget(model.ConduitRemovableMedia,
			flow("USB mass storage", "laptops", "plc", model.FlowFileTransfer)), "conduit C1 is a removable media with no device of its own"},
		{"controller backups do not fit a serial line", backups, conduitTarget(model.ConduitSerial,
			flow("Modbus RTU", "sis", "bpcs", model.FlowPolling)), "serial link with no device"},
		{"controller backups fit a firewalled conduit, whose firewall has a configuration", backups, conduitTarget(model.ConduitFirewall,
			flow("OPC UA", "a", "b", model.FlowPolling)), ""},
		{"controller backups fit a data diode", backups, conduitTarget(model.ConduitUnidirectional,
			flow("Syslog", "a", "b", model.FlowPolling)), ""},
		{"controller backups do not fit a PROFINET segment behind a cell firewall", backups, conduitTarget(model.ConduitFirewall,
			flow("PROFINET RT", "plc", "io", model.FlowControlWrite), flow("PROFINET CM (DCE/RPC)", "plc", "io", model.FlowControlWrite)),
			"conduit C1 is the cell's own I/O segment, whose devices belong to the cell's zones"},
		{"controller backups do not fit an Ethernet link to a zone of field devices", backups, fieldZoneLink(),
			"conduit C1 is the cell's own I/O segment"},
		{"a measure for no device class fits a PROFINET segment", kiosk, conduitTarget(model.ConduitFirewall,
			flow("PROFINET RT", "plc", "io", model.FlowControlWrite)), ""},
		{"a measure for no device class fits a USB conduit", kiosk, conduitTarget(model.ConduitRemovableMedia), ""},
		{"controller backups fit a zone", backups, &fitTarget{kind: model.TargetZone, name: "Filtration"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFit(t, fitConduitDevices, tt.m, tt.t, tt.want) })
	}
}

// On the sample plant, nothing that works on devices is proposed for the
// USB conduit K13 or the serial SIS link K09.
func TestSampleProposesNoDeviceMeasureForMediaOrSerialConduits(t *testing.T) {
	p := model.Sample()
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := Assess(p, cat)
	lib := map[string]*Measure{}
	for i := range cat.Measures {
		lib[cat.Measures[i].ID] = &cat.Measures[i]
	}
	for _, pr := range r.Proposals {
		c := p.Conduit(pr.TargetID)
		if c == nil || (c.Type != model.ConduitRemovableMedia && c.Type != model.ConduitSerial) {
			continue
		}
		if m := lib[pr.MeasureID]; m != nil && len(m.AssetClasses) > 0 {
			t.Errorf("%s (%s) is proposed for conduit %s", m.ID, m.Name, c.Name)
		}
	}
}

// fieldZoneLink is a routed Modbus/TCP conduit C1 from a controller zone to
// a zone of type field (remote I/O): a cell I/O segment although it is
// routed Ethernet.
func fieldZoneLink() *fitTarget {
	zones := map[model.ID]*model.Zone{
		"plc": {ID: "plc", Type: model.ZoneControl},
		"io":  {ID: "io", Type: model.ZoneField},
	}
	c := &model.Conduit{Name: "C1", Type: model.ConduitRouted, ZoneIDs: []model.ID{"plc", "io"},
		Flows: []model.DataFlow{flow("Modbus/TCP", "plc", "io", model.FlowControlWrite)}}
	p := profileOf(c)
	return &fitTarget{kind: model.TargetConduit, name: c.Name, conduit: &p, cellIO: isCellIO(c, p.medium, zones)}
}

func TestIsCellIO(t *testing.T) {
	zones := map[model.ID]*model.Zone{
		"plc":   {ID: "plc", Type: model.ZoneControl},
		"io":    {ID: "io", Type: model.ZoneField},
		"scada": {ID: "scada", Type: model.ZoneSupervisory},
	}
	tests := []struct {
		name string
		c    model.Conduit
		want bool
	}{
		{"PROFINET between two control zones", model.Conduit{Type: model.ConduitFirewall, ZoneIDs: []model.ID{"plc", "scada"},
			Flows: []model.DataFlow{flow("PROFINET RT", "plc", "scada", "")}}, true},
		{"Modbus/TCP to a field zone", model.Conduit{Type: model.ConduitRouted, ZoneIDs: []model.ID{"plc", "io"},
			Flows: []model.DataFlow{flow("Modbus/TCP", "plc", "io", "")}}, true},
		{"S7comm uplink from a controller zone to SCADA", model.Conduit{Type: model.ConduitFirewall, ZoneIDs: []model.ID{"scada", "plc"},
			Flows: []model.DataFlow{flow("S7comm-plus", "scada", "plc", "")}}, false},
		{"an unknown zone ID is no field zone", model.Conduit{Type: model.ConduitRouted, ZoneIDs: []model.ID{"plc", "gone"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isCellIO(&tt.c, ConduitMedium(&tt.c), zones); got != tt.want {
				t.Errorf("isCellIO = %v, want %v", got, tt.want)
			}
		})
	}
}

// On the sample plant, the PROFINET conduit K08 between the filtration PLCs
// and their field devices gets neither controller backups nor island mode
// (nor any other measure on devices); the controller zone Rohwasser &
// Filtration, whose FR7 gap asks for backups (SR 7.3), still gets them, and
// its uplink K06 to SCADA still gets island mode for its SR 5.2 RE 2 gap, and
// the routed conduit K01 still gets a measure on its network devices (DoS
// protection for SR 7.1 RE 1). Configuration management lists only
// requirements on the zones (SR 3.4, SR 7.3, SR 7.6; step 5b) and so is
// proposed for no conduit at all.
func TestSampleCellIOSegmentGetsNoDeviceOrIslandMeasure(t *testing.T) {
	p := model.Sample()
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := Assess(p, cat)
	lib := map[string]*Measure{}
	for i := range cat.Measures {
		lib[cat.Measures[i].ID] = &cat.Measures[i]
	}
	byName := func(prefix string) model.ID {
		for _, c := range p.Conduits {
			if strings.HasPrefix(c.Name, prefix) {
				return c.ID
			}
		}
		for _, z := range p.Zones {
			if z.Name == prefix {
				return z.ID
			}
		}
		t.Fatalf("no conduit or zone %q in the sample", prefix)
		return ""
	}
	k08, k06, k01, cell := byName("K08 "), byName("K06 "), byName("K01 "), byName("Rohwasser & Filtration")
	proposed := map[model.ID]map[string]bool{}
	for _, pr := range r.Proposals {
		if proposed[pr.TargetID] == nil {
			proposed[pr.TargetID] = map[string]bool{}
		}
		proposed[pr.TargetID][pr.MeasureID] = true
		if pr.TargetID != k08 {
			continue
		}
		if m := lib[pr.MeasureID]; m != nil && (len(m.AssetClasses) > 0 || m.FlowEffect == FlowIsland) {
			t.Errorf("%s (%s) is proposed for the PROFINET conduit K08", m.ID, m.Name)
		}
	}
	for _, c := range p.Conduits {
		if proposed[c.ID]["CM-CONFIG-MGMT"] {
			t.Errorf("CM-CONFIG-MGMT is proposed for conduit %s; its requirements are the zones'", c.Name)
		}
	}
	if len(proposed[k08]) == 0 {
		t.Error("K08 gets no proposal at all; want its conduit measures (firewall rules, monitoring)")
	}
	for _, want := range []struct {
		target model.ID
		name   string
		ids    []string
	}{
		{cell, "zone Rohwasser & Filtration", []string{"CM-BACKUP", "CM-CONFIG-MGMT", "CM-ISLAND"}},
		{k06, "uplink K06", []string{"CM-ISLAND"}},
		{k01, "routed conduit K01", []string{"CM-DOS-PROTECT"}},
	} {
		for _, id := range want.ids {
			if !proposed[want.target][id] {
				t.Errorf("%s is not proposed for %s; want it (the rule must not remove it there)", id, want.name)
			}
		}
	}
}
