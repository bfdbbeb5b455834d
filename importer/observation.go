package importer

import (
	"path/filepath"
	"slices"
	"strings"
	"time"

	"zonewise/model"
)

// Observation turns a reconcile result into the record the project keeps
// (model.Observations.Traffic), so that the problems list and the risk
// report show the findings without the capture. Only base names of the
// files are kept: the project travels to the client, the laptop's folders
// do not.
func Observation(inputs []Input, res Result, at time.Time) *model.ObservationRecord {
	r := &model.ObservationRecord{Date: at.UTC().Format(time.RFC3339), Flows: len(res.Flows), Findings: []model.ObservedFinding{}}
	var formats []string
	for _, in := range inputs {
		r.Sources = append(r.Sources, filepath.Base(in.File))
		if !slices.Contains(formats, in.Format) {
			formats = append(formats, in.Format)
		}
	}
	r.Format = strings.Join(formats, ", ")
	for _, f := range res.Findings {
		of := model.ObservedFinding{Rule: f.Rule, Severity: f.Severity, Subject: f.Subject, Message: f.Message}
		for _, id := range []model.ID{f.Conduit, f.Asset, f.Zone, f.SourceZone, f.DestinationZone} {
			if id != "" {
				of.ObjectID = id
				break
			}
		}
		r.Findings = append(r.Findings, of)
	}
	return r
}
