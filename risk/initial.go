package risk

import (
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
	ReasonMsg               Msg    `json:"-"`
}

// initialRisk assesses one zone. A compromise is assumed, so the likelihood
// is the top of the scale: only the consequence decides.
func (a *assessor) initialRisk(z *model.Zone) InitialRisk {
	mx := a.ix.matrix
	wc := z.WorstCase
	if z.OutOfScope || wc.Level < 1 {
		m := msg("risk.reason.initial.not-assessed")
		return InitialRisk{Reason: m.EN(), ReasonMsg: m}
	}
	ir := InitialRisk{Assessed: true, Likelihood: max(mx.maxL, 1), Consequence: min(wc.Level, max(mx.maxC, 1)), Category: wc.Category}
	ir.Level = mx.level(ir.Likelihood, ir.Consequence)
	ir.Tolerable = mx.tolerable(ir.Level)
	key := "risk.reason.initial"
	if !ir.Tolerable && !a.targeted[z.ID] {
		ir.NeedsDetailedAssessment = true
		key = "risk.reason.initial.needs-detailed"
	}
	ir.ReasonMsg = msg(key, "Consequence", mx.consequenceName(ir.Consequence), "Category", enumOf(wc.Category),
		"Likelihood", mx.likelihoodName(ir.Likelihood), "Level", levelArg(ir.Level), "Verdict", verdictTerm(ir.Tolerable))
	ir.Reason = ir.ReasonMsg.EN()
	return ir
}
