package templates

import (
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

func TestRiskReportShowsRecordedObservations(t *testing.T) {
	p := model.Sample()
	k02 := p.Conduits[0]
	p.Observations = &model.Observations{
		Traffic: &model.ObservationRecord{Sources: []string{"mirror.pcapng"}, Format: "pcapng", Date: "2026-12-01T09:30:00Z", Flows: 42,
			Findings: []model.ObservedFinding{
				{Rule: "flow-not-observed", Severity: "info", Subject: "x/0", Message: "declared flow never seen"},
				{Rule: "unmodelled-path", Severity: "warning", Subject: "a>b", Message: "traffic between A and B", ObjectID: k02.ID},
			}},
		Firewall: &model.ObservationRecord{Sources: []string{"fw.rules"}, Format: "iptables", Date: "2026-12-02T08:00:00Z", Rules: 14,
			Findings: []model.ObservedFinding{{Rule: "any-any", Severity: "error", Subject: "fw.rules:7", Message: "accepts any to any"}}},
	}
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	d := NewData(p, risk.Assess(p, cat), cat, p.Date)
	t.Run("warnings come before information, with the object's name", func(t *testing.T) {
		f := d.Traffic.Findings
		if len(f) != 2 || f[0].Rule != "unmodelled-path" || f[0].Object != Text(k02.Name) || f[1].Rule != "flow-not-observed" {
			t.Errorf("findings %+v", f)
		}
		if d.Traffic.Date != "2026-12-01" || d.Traffic.Warnings != 1 || d.Traffic.Infos != 1 {
			t.Errorf("traffic %+v", d.Traffic)
		}
	})
	tmpl, err := Load("risk-report")
	if err != nil {
		t.Fatal(err)
	}
	out, err := tmpl.Execute(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Model vs network",
		"Observed traffic (mirror.pcapng; pcapng) was compared with the zones, conduits and declared data flows on 2026-12-01: 42 aggregated flows, 1 warning and 1 informational finding.",
		"| warning | unmodelled-path | a>b | " + k02.Name + " | traffic between A and B |",
		"# Firewall review",
		"The firewall configuration fw.rules (iptables, 14 rules) was reviewed against the conduits' declared data flows on 2026-12-02: 1 error and 0 warnings.",
		"| error | any-any | fw.rules:7 | — | accepts any to any |",
	} {
		t.Run("the report reads "+strings.Fields(want)[0]+"…"+want[len(want)-12:], func(t *testing.T) {
			if !strings.Contains(out, want) {
				i := strings.Index(out, "# Model vs network")
				t.Errorf("missing %q in\n%s", want, out[max(i, 0):min(len(out), max(i, 0)+1500)])
			}
		})
	}
	t.Run("a project without observations has neither section", func(t *testing.T) {
		p.Observations = nil
		out, _ := tmpl.Execute(NewData(p, risk.Assess(p, cat), cat, p.Date))
		if strings.Contains(out, "# Model vs network") || strings.Contains(out, "# Firewall review") {
			t.Error("sections without a record")
		}
	})
}
