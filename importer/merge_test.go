package importer

import (
	"slices"
	"strings"
	"testing"

	"zonewise/model"
)

func TestPlanMatchesByMACThenIPThenName(t *testing.T) {
	yes := true
	recs := []Record{
		// MAC of PLC1, new firmware and location: an update matched by MAC.
		{Source: "row 2", Name: "SPS 1", MAC: "02:00:00:00:01:10", Firmware: "V3.0", Location: "Schrank 3"},
		// IP of the HMI, nothing new: kept.
		{Source: "row 3", Name: "HMI", IPs: []string{"10.0.2.20"}},
		// Name of ERP with a second address: an update merging IPs.
		{Source: "row 4", Name: " erp ", IPs: []string{"10.0.9.6"}},
		// MAC of ENG but the IP of the HMI: ambiguous, skipped.
		{Source: "row 5", Name: "X", MAC: "02:00:00:00:02:21", IPs: []string{"10.0.2.20"}},
		// PLC1 again by name: already matched by row 2, skipped.
		{Source: "row 6", Name: "PLC1"},
		// New, with a zone name the project has and one it has not.
		{Source: "row 7", Name: "RTU", IPs: []string{"10.0.3.5"}, Zone: "field", Class: model.ClassEmbedded},
		{Source: "row 8", Name: "Laptop", Zone: "Halle 9", Transient: &yes, Model: "Latitude Laptop"},
		// Same new name twice: the second is skipped.
		{Source: "row 9", Name: "rtu"},
	}
	p := testPlant()
	steps := Plan(p, recs, nil)
	type want struct {
		action    Action
		matchedBy string
		changes   string
		reason    string
	}
	wants := []want{
		{ActionUpdate, "mac", "firmware,location", ""},
		{ActionKeep, "ip", "", "nothing new"},
		{ActionUpdate, "name", "ips", ""},
		{ActionSkip, "mac", "", `ambiguous: matches "ENG" by mac and "HMI" by ip`},
		{ActionSkip, "name", "", `matches asset "PLC1" by name, already matched by row 2`},
		{ActionAdd, "", "", ""},
		{ActionAdd, "", "", ""},
		{ActionSkip, "", "", "same name as row 7, which is added"},
	}
	if len(steps) != len(wants) {
		t.Fatalf("%d steps, want %d", len(steps), len(wants))
	}
	for i, w := range wants {
		s := steps[i]
		if s.Action != w.action || s.MatchedBy != w.matchedBy || strings.Join(s.Changes, ",") != w.changes || s.Reason != w.reason {
			t.Errorf("%s: got %s by %q changes %q reason %q; want %s by %q changes %q reason %q",
				s.Source, s.Action, s.MatchedBy, s.Changes, s.Reason, w.action, w.matchedBy, w.changes, w.reason)
		}
	}
	if rtu := steps[5].Asset; rtu.ZoneID != zField || rtu.Class != model.ClassEmbedded {
		t.Errorf("RTU asset %+v, want zone Field", rtu)
	}
	lap := steps[6]
	if lap.Asset.ZoneID != "" || lap.Asset.Class != model.ClassHost || !lap.Asset.Transient ||
		!slices.ContainsFunc(lap.Notes, func(n string) bool { return strings.Contains(n, `zone "Halle 9" is not in the project`) }) ||
		!slices.ContainsFunc(lap.Notes, func(n string) bool { return strings.Contains(n, "class not given: host-device assumed") }) {
		t.Errorf("laptop step %+v asset %+v", lap, lap.Asset)
	}
	if len(p.Assets) != 8 || p.Asset(aPLC).Firmware != "" {
		t.Fatal("Plan changed the project")
	}

	Apply(p, steps)
	if len(p.Assets) != 10 {
		t.Fatalf("%d assets after Apply, want 10", len(p.Assets))
	}
	if a := p.Asset(aPLC); a.Firmware != "V3.0" || a.Name != "PLC1" {
		t.Errorf("PLC1 after update %+v (the name is kept: the record matched by MAC)", a)
	}
	if a := p.Asset(aERP); strings.Join(a.IPs, " ") != "10.0.9.5 10.0.9.6" {
		t.Errorf("ERP addresses %q", a.IPs)
	}
	for _, pr := range model.Validate(p) {
		if pr.Rule == model.RuleNetworkAddress {
			t.Errorf("imported data gives %v", pr)
		}
	}
}

func TestPlanDecisions(t *testing.T) {
	recs := []Record{{Source: "row 2", Name: "PLC1", Firmware: "V9"}}
	for _, tc := range []struct {
		decide Decision
		want   Action
	}{
		{DecideUpdate, ActionUpdate},
		{DecideKeep, ActionKeep},
		{DecideAdd, ActionAdd},
	} {
		t.Run("choosing "+string(tc.decide)+" for a match gives "+string(tc.want), func(t *testing.T) {
			steps := Plan(testPlant(), recs, func(Record, *model.Asset) Decision { return tc.decide })
			if got := steps[0].Action; got != tc.want {
				t.Fatalf("action %s, want %s", got, tc.want)
			}
			if tc.decide == DecideAdd && !strings.Contains(strings.Join(steps[0].Notes, ";"), `added beside asset "PLC1"`) {
				t.Fatalf("notes %q, want a note that it was added beside PLC1", steps[0].Notes)
			}
		})
	}
}
