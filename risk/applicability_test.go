package risk

import (
	"strings"
	"testing"

	"zonewise/model"
)

// modelConduit returns the sample conduit whose name starts with prefix.
func modelConduit(t testing.TB, p *model.Project, prefix string) *model.Conduit {
	t.Helper()
	for i := range p.Conduits {
		if strings.HasPrefix(p.Conduits[i].Name, prefix) {
			return &p.Conduits[i]
		}
	}
	t.Fatalf("sample has no conduit %q", prefix)
	return nil
}

func TestConduitMediumOfTheSample(t *testing.T) {
	p := model.Sample()
	tests := []struct {
		conduit string
		want    Medium
	}{
		{"K01", MediumEthernet},
		{"K02", MediumUnidirectional},
		{"K03", MediumVPNPublic},
		{"K07", MediumEthernet},
		{"K08", MediumFieldbus},
		{"K09", MediumSerial},
		{"K11", MediumVPNPublic},
		{"K12", MediumWireless},
		{"K13", MediumRemovable},
	}
	for _, tt := range tests {
		t.Run(tt.conduit+" is "+tt.want.Label(), func(t *testing.T) {
			if got := ConduitMedium(modelConduit(t, p, tt.conduit)); got != tt.want {
				t.Errorf("medium = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestConduitRequirementApplies(t *testing.T) {
	p := model.Sample()
	tests := []struct {
		name, conduit, req string
		want               bool
		because            string // part of the reason when not applicable
	}{
		{"wireless access management does not apply to the RS-485 link", "K09", "SR 1.6", false, "serial link, with no wireless part"},
		{"an RE of wireless access management does not apply either", "K09", "SR 1.6 RE 1", false, "wireless"},
		{"wireless use control applies to the microwave link", "K12", "SR 2.2", true, ""},
		{"multifactor authentication does not apply to a read-only machine link", "K09", "SR 1.1 RE 3", false, "machine to machine (machine polling / data exchange)"},
		{"human user identification applies where vendors hold RDP sessions", "K04", "SR 1.1 RE 2", true, ""},
		{"device identification applies to the machine link", "K09", "SR 1.2", true, ""},
		{"dual approval does not apply to a link nobody logs on across", "K10", "SR 2.1 RE 4", false, "no person logs on"},
		{"session lock does not apply to USB media", "K13", "SR 2.5", false, "media carried by hand"},
		{"island mode does not apply to USB media", "K13", "SR 5.2 RE 2", false, "no network traffic"},
		{"denial-of-service protection does not apply to USB media", "K13", "SR 7.1 RE 1", false, "no network traffic"},
		{"access via untrusted networks does not apply to a serial link", "K09", "SR 1.13", false, "not a network"},
		{"access via untrusted networks applies to the LTE VPN", "K11", "SR 1.13 RE 1", true, ""},
		{"communication integrity applies to a serial link", "K09", "SR 3.1", true, ""},
		{"an SR that only shares a prefix is not covered (SR 1.10 is not SR 1.1)", "K04", "SR 1.10", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := modelConduit(t, p, tt.conduit)
			got, reason := ConduitRequirementApplies(tt.req, c)
			if got != tt.want {
				t.Fatalf("ConduitRequirementApplies(%q, %s) = %v (%q), want %v", tt.req, tt.conduit, got, reason, tt.want)
			}
			if got && reason != "" {
				t.Errorf("applicable with a reason %q", reason)
			}
			if !got && (!strings.Contains(reason, tt.because) || !strings.Contains(reason, c.Name) || !strings.HasPrefix(reason, tt.req+" ")) {
				t.Errorf("reason %q, want it to start with %q, name %q and say %q", reason, tt.req, c.Name, tt.because)
			}
		})
	}
}

func TestHumanRequirementsApplyToAConduitWithoutFlows(t *testing.T) {
	c := &model.Conduit{Name: "new link", Type: model.ConduitFirewall}
	if ok, reason := ConduitRequirementApplies("SR 1.1 RE 1", c); !ok {
		t.Errorf("a conduit with no flows recorded yet: SR 1.1 RE 1 not applicable (%s), want applicable until its flows say otherwise", reason)
	}
}
