package risk

import (
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
