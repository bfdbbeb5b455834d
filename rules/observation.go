package rules

import (
	"fmt"
	"path/filepath"
	"time"

	"zonewise/model"
)

// Observation turns a firewall review into the record the project keeps
// (model.Observations.Firewall), so that the problems list and the risk
// report show the findings without the dump; only the dump's base name is
// kept.
func Observation(rs *Ruleset, findings []Finding, at time.Time) *model.ObservationRecord {
	r := &model.ObservationRecord{Sources: []string{filepath.Base(rs.File)}, Format: rs.Format,
		Date: at.UTC().Format(time.RFC3339), Findings: []model.ObservedFinding{}}
	for _, c := range rs.Chains {
		r.Rules += len(c.Rules)
	}
	for _, f := range findings {
		subject := f.Subject
		if f.File != "" {
			subject = fmt.Sprintf("%s:%d", filepath.Base(f.File), f.Line)
		}
		r.Findings = append(r.Findings, model.ObservedFinding{Rule: f.Rule, Severity: f.Severity, Subject: subject,
			Message: f.Message, ObjectID: f.Conduit})
	}
	return r
}
