package templates

import (
	"strings"

	"zonewise/model"
)

// ObservationData is one comparison of the model with the plant as built
// (observed traffic, or a firewall's rule set), as the project recorded
// it: the risk report's "Model vs network" and "Firewall review" sections.
type ObservationData struct {
	Sources Text // file names, comma-separated
	Format  Text
	Date    Text // YYYY-MM-DD
	Flows   int  // aggregated observed flows (traffic)
	Rules   int  // rules read (firewall)
	// Errors, Warnings and Infos count the findings per severity.
	Errors, Warnings, Infos int
	Findings                []*ObservedFindingData
}

// ObservedFindingData is one finding of a comparison.
type ObservedFindingData struct {
	Severity Text // error, warning, info
	Rule     Text
	// Subject is where the finding is: an address, a dump's FILE:LINE, a
	// conduit and flow.
	Subject Text
	// Object is the name of the zone, conduit or asset concerned, if any.
	Object  Text
	Message Text
}

// buildObservations fills Traffic and Firewall from the project's
// observation records, errors first, then warnings, then information, each
// in the order the check reported them.
func (b *builder) buildObservations() {
	o := b.p.Observations
	if o == nil {
		return
	}
	b.d.Traffic = b.observation(o.Traffic)
	b.d.Firewall = b.observation(o.Firewall)
}

func (b *builder) observation(r *model.ObservationRecord) *ObservationData {
	if r == nil {
		return nil
	}
	d := &ObservationData{Sources: name(strings.Join(r.Sources, ", ")), Format: Text(r.Format), Flows: r.Flows, Rules: r.Rules}
	d.Date = Text(r.Date)
	if len(r.Date) >= 10 {
		d.Date = Text(r.Date[:10])
	}
	d.Errors, d.Warnings, d.Infos = r.Counts()
	for _, sev := range []string{"error", "warning", "info"} {
		for _, f := range r.Findings {
			if f.Severity != sev && (sev != "info" || f.Severity == "error" || f.Severity == "warning") {
				continue
			}
			d.Findings = append(d.Findings, &ObservedFindingData{Severity: Text(f.Severity), Rule: Text(f.Rule),
				Subject: name(f.Subject), Object: b.objectName(f.ObjectID), Message: Text(truncate(f.Message, 400))})
		}
	}
	return d
}
