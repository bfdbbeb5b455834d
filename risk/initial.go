package risk

import (
	"fmt"

	"zonewise/model"
)

// InitialRisk is a zone's initial (high-level) risk, IEC 62443-3-2 ZCR 2
// (docs/METHOD.md step 0): the worst-case consequence if the zone were
// compromised, at the highest likelihood of the scale, compared with the
// tolerable line.
type InitialRisk struct {
	// Assessed is false when the zone records no worst-case consequence.
	Assessed    bool                      `json:"assessed"`
	Likelihood  int                       `json:"likelihood"`
	Consequence int                       `json:"consequence"`
	Category    model.ConsequenceCategory `json:"category,omitempty"`
	Level       model.RiskLevel           `json:"level"`
	Tolerable   bool                      `json:"tolerable"`
	// NeedsDetailedAssessment flags a zone whose initial risk is
	// intolerable but which no threat scenario targets: its SL-T would
	// otherwise rest on the in-scope minimum alone (ZCR 4).
	NeedsDetailedAssessment bool   `json:"needsDetailedAssessment"`
	Reason                  string `json:"reason"`
}

// initialRisk assesses one zone. A compromise is assumed, so the likelihood
// is the top of the scale: only the consequence decides.
func (a *assessor) initialRisk(z *model.Zone) InitialRisk {
	mx := a.ix.matrix
	wc := z.WorstCase
	if z.OutOfScope || wc.Level < 1 {
		return InitialRisk{Reason: "no worst-case consequence recorded: initial risk not assessed"}
	}
	ir := InitialRisk{Assessed: true, Likelihood: max(mx.maxL, 1), Consequence: min(wc.Level, max(mx.maxC, 1)), Category: wc.Category}
	ir.Level = mx.level(ir.Likelihood, ir.Consequence)
	ir.Tolerable = mx.tolerable(ir.Level)
	verdict := "intolerable"
	if ir.Tolerable {
		verdict = "tolerable"
	}
	ir.Reason = fmt.Sprintf("if compromised: consequence %s (%s) at likelihood %s gives %s risk, %s",
		mx.consequenceName(ir.Consequence), wc.Category.Label(), mx.likelihoodName(ir.Likelihood), ir.Level, verdict)
	if !ir.Tolerable && !a.targeted[z.ID] {
		ir.NeedsDetailedAssessment = true
		ir.Reason += "; no threat scenario targets the zone or its assets: needs a detailed risk assessment (ZCR 5) before its SL-T can be trusted"
	}
	return ir
}
