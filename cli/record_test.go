package cli

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"zonewise/model"
)

func TestRecordObservations(t *testing.T) {
	t.Run("reconcile --record keeps the findings and the file name in the project", func(t *testing.T) {
		project := plantFile(t)
		flows := filepath.Join(t.TempDir(), "flows.csv")
		if err := os.WriteFile(flows, []byte(flowList), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, errOut := run(t, "reconcile", project, "--traffic", flows, "--record"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		p, err := model.Load(project)
		if err != nil {
			t.Fatal(err)
		}
		if p.Observations == nil || p.Observations.Traffic == nil {
			t.Fatal("no traffic observation recorded")
		}
		r := p.Observations.Traffic
		var rules []string
		for _, f := range r.Findings {
			rules = append(rules, f.Rule)
		}
		if !slices.Equal(r.Sources, []string{"flows.csv"}) || r.Format != "csv" || r.Flows != 3 ||
			!slices.Contains(rules, "undeclared-flow") || !slices.Contains(rules, "unknown-host") {
			t.Errorf("record = %+v, rules %v", r, rules)
		}
		for _, f := range r.Findings {
			if f.Rule == "undeclared-flow" && p.Conduit(f.ObjectID) == nil {
				t.Errorf("the undeclared flow does not point at its conduit: %+v", f)
			}
		}
	})
	t.Run("reconcile without --record leaves the project as it was", func(t *testing.T) {
		project := plantFile(t)
		flows := filepath.Join(t.TempDir(), "flows.csv")
		os.WriteFile(flows, []byte(flowList), 0o644)
		before, _ := os.ReadFile(project)
		run(t, "reconcile", project, "--traffic", flows)
		after, _ := os.ReadFile(project)
		if string(before) != string(after) {
			t.Error("the project changed")
		}
	})
	t.Run("review-firewall --record keeps its findings with the dump's base name", func(t *testing.T) {
		in := writeProject(t, model.Sample())
		dump := filepath.Join("..", "rules", "testdata", "sample-edited.iptables")
		if code, _, errOut := run(t, "review-firewall", in, "--config", dump, "--record"); code != ExitInput {
			t.Fatalf("exit %d, want 1 for the error findings: %s", code, errOut)
		}
		p, err := model.Load(in)
		if err != nil {
			t.Fatal(err)
		}
		r := p.Observations.Firewall
		if r == nil || !slices.Equal(r.Sources, []string{"sample-edited.iptables"}) || r.Format != "iptables" || len(r.Findings) != 3 {
			t.Fatalf("record = %+v", r)
		}
		if e, _, _ := r.Counts(); e != 3 {
			t.Errorf("errors = %d, want 3", e)
		}
	})
}
