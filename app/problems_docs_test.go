package app

import (
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
	"zonewise/templates"
)

// The problems list carries the document check: on the sample plant the LTE
// telemetry tunnel gets no remote access procedure, and the warning names
// the conduit so that clicking it selects the conduit.
func TestProblemsListTheDocumentCheck(t *testing.T) {
	p := model.Sample()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	probs := documentProblems(p, risk.Assess(p, cat))
	var found bool
	for _, pr := range probs {
		if pr.Severity != model.SeverityWarning {
			t.Errorf("%s: severity %v, want a warning", pr.Message, pr.Severity)
		}
		if pr.Rule == templates.CheckRemoteAccess && strings.HasPrefix(pr.Object, "K11 ") {
			found = true
			if pr.Kind != tr("problems.kind.conduit") || p.Conduit(pr.ObjectID) == nil {
				t.Errorf("the K11 warning does not point at the conduit: kind %q, id %q", pr.Kind, pr.ObjectID)
			}
			if !strings.Contains(pr.Message, "machine traffic only") {
				t.Errorf("the K11 warning does not say why: %q", pr.Message)
			}
		}
	}
	if !found {
		t.Errorf("no remote-access warning for K11 among %d document problems", len(probs))
	}
}
