package cli

import (
	"math"
	"strconv"

	"zonewise/risk"
)

// The result types of risk written by hand, byte for byte as encoding/json
// writes them (field order, omitempty, null for a nil list): a large
// plant's result is tens of MB, and encoding/json's reflection took most of
// the time of `assess --json` after the assessment itself.
// TestWriteResultJSON compares the two on real results, and
// TestResultEncodersCoverEveryField on results whose every field is set,
// so that a field added to a result type without its line here fails a
// test instead of going missing from the output.

// jsonEncoder appends JSON to b; ok turns false on a value encoding/json
// refuses (a NaN or infinite number), for which the caller falls back to
// encoding/json and its error.
type jsonEncoder struct {
	b  []byte
	ok bool
}

func (e *jsonEncoder) raw(s string)    { e.b = append(e.b, s...) }
func (e *jsonEncoder) str(s string)    { e.b = appendString(e.b, s) }
func (e *jsonEncoder) int(n int)       { e.b = strconv.AppendInt(e.b, int64(n), 10) }
func (e *jsonEncoder) vector(v [7]int) { e.b = appendVector(e.b, v) }

func (e *jsonEncoder) bool(v bool) {
	if v {
		e.raw("true")
	} else {
		e.raw("false")
	}
}

// float writes f as encoding/json does (ES6 number formatting).
func (e *jsonEncoder) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		e.ok = false
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	e.b = strconv.AppendFloat(e.b, f, format, -1, 64)
	if format == 'e' { // e-09 is written e-9
		n := len(e.b)
		if n >= 4 && e.b[n-4] == 'e' && e.b[n-3] == '-' && e.b[n-2] == '0' {
			e.b[n-2] = e.b[n-1]
			e.b = e.b[:n-1]
		}
	}
}

// list writes s as a JSON array with each element by elem; null for nil.
func list[T any](e *jsonEncoder, s []T, elem func(*jsonEncoder, *T)) {
	if s == nil {
		e.raw("null")
		return
	}
	e.b = append(e.b, '[')
	for i := range s {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		elem(e, &s[i])
	}
	e.b = append(e.b, ']')
}

func strs[T ~string](e *jsonEncoder, s []T) {
	list(e, s, func(e *jsonEncoder, v *T) { e.str(string(*v)) })
}

func (e *jsonEncoder) reason(r *risk.Reason) {
	e.raw(`{"rule":`)
	e.str(r.Rule)
	if r.ScenarioID != "" {
		e.raw(`,"scenarioId":`)
		e.str(string(r.ScenarioID))
	}
	if r.ActorID != "" {
		e.raw(`,"actorId":`)
		e.str(string(r.ActorID))
	}
	if r.ObjectID != "" {
		e.raw(`,"objectId":`)
		e.str(string(r.ObjectID))
	}
	e.raw(`,"text":`)
	e.str(r.Text)
	e.raw("}")
}

func (e *jsonEncoder) reasons(rs []risk.Reason) { list(e, rs, (*jsonEncoder).reason) }

func (e *jsonEncoder) cell(c *risk.Cell) {
	e.raw(`{"sl":`)
	e.int(c.SL)
	if c.Overridden {
		e.raw(`,"overridden":true`)
	}
	if c.Unknown {
		e.raw(`,"unknown":true`)
	}
	if c.NotApplicable {
		e.raw(`,"notApplicable":true`)
	}
	if c.Derived != 0 {
		e.raw(`,"derived":`)
		e.int(c.Derived)
	}
	e.raw(`,"reasons":`)
	e.reasons(c.Reasons)
	e.raw("}")
}

func (e *jsonEncoder) cells(c *risk.Cells) {
	e.b = append(e.b, '[')
	for i := range c {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.cell(&c[i])
	}
	e.b = append(e.b, ']')
}

func (e *jsonEncoder) requirementStatus(s *risk.RequirementStatus) {
	e.raw(`{"id":`)
	e.str(s.ID)
	e.raw(`,"fr":`)
	e.int(int(s.FR))
	e.raw(`,"level":`)
	e.int(s.Level)
	e.raw(`,"state":`)
	e.str(string(s.State))
	if s.MetBy != "" {
		e.raw(`,"metBy":`)
		e.str(string(s.MetBy))
	}
	if len(s.Measures) > 0 {
		e.raw(`,"measures":`)
		strs(e, s.Measures)
	}
	if s.ZoneOnly {
		e.raw(`,"zoneOnly":true`)
	}
	e.raw(`,"reason":`)
	e.str(s.Reason)
	e.raw(`,"closable":`)
	e.bool(s.Closable)
	e.raw("}")
}

func (e *jsonEncoder) initialRisk(r *risk.InitialRisk) {
	e.raw(`{"assessed":`)
	e.bool(r.Assessed)
	e.raw(`,"likelihood":`)
	e.int(r.Likelihood)
	e.raw(`,"consequence":`)
	e.int(r.Consequence)
	if r.Category != "" {
		e.raw(`,"category":`)
		e.str(string(r.Category))
	}
	e.raw(`,"level":`)
	e.str(string(r.Level))
	e.raw(`,"tolerable":`)
	e.bool(r.Tolerable)
	e.raw(`,"needsDetailedAssessment":`)
	e.bool(r.NeedsDetailedAssessment)
	e.raw(`,"reason":`)
	e.str(r.Reason)
	e.raw("}")
}

func (e *jsonEncoder) zone(z *risk.ZoneResult) {
	e.raw(`{"zoneId":`)
	e.str(string(z.ZoneID))
	e.raw(`,"name":`)
	e.str(z.Name)
	e.raw(`,"slT":`)
	e.cells(&z.SLT)
	e.raw(`,"slC":`)
	e.cells(&z.SLC)
	e.raw(`,"slA":`)
	e.cells(&z.SLA)
	e.raw(`,"gap":`)
	e.vector(z.Gap)
	e.raw(`,"requirements":`)
	strs(e, z.Requirements)
	e.raw(`,"requirementStatus":`)
	list(e, z.RequirementStatus, (*jsonEncoder).requirementStatus)
	e.raw(`,"initial":`)
	e.initialRisk(&z.Initial)
	e.raw(`,"findings":`)
	strs(e, z.Findings)
	e.raw("}")
}

func (e *jsonEncoder) conduit(c *risk.ConduitResult) {
	e.raw(`{"conduitId":`)
	e.str(string(c.ConduitID))
	e.raw(`,"name":`)
	e.str(c.Name)
	e.raw(`,"slT":`)
	e.cells(&c.SLT)
	e.raw(`,"slA":`)
	e.cells(&c.SLA)
	e.raw(`,"gap":`)
	e.vector(c.Gap)
	e.raw(`,"requirements":`)
	strs(e, c.Requirements)
	e.raw(`,"requirementStatus":`)
	list(e, c.RequirementStatus, (*jsonEncoder).requirementStatus)
	e.raw(`,"findings":`)
	strs(e, c.Findings)
	e.raw("}")
}

func (e *jsonEncoder) residual(r *risk.Residual) {
	e.raw(`{"likelihood":`)
	e.int(r.Likelihood)
	e.raw(`,"consequence":`)
	e.int(r.Consequence)
	e.raw(`,"level":`)
	e.str(string(r.Level))
	e.raw(`,"tolerable":`)
	e.bool(r.Tolerable)
	e.raw(`,"mitigations":`)
	strs(e, r.Mitigations)
	e.raw(`,"defeated":`)
	strs(e, r.Defeated)
	e.raw(`,"reasons":`)
	e.reasons(r.Reasons)
	e.raw("}")
}

func (e *jsonEncoder) vulnRef(v *risk.VulnRef) {
	e.raw(`{"id":`)
	e.str(string(v.ID))
	e.raw(`,"identifier":`)
	e.str(v.Identifier)
	e.raw(`,"status":`)
	e.str(string(v.Status))
	if v.CVSSScore != 0 {
		e.raw(`,"cvssScore":`)
		e.float(v.CVSSScore)
	}
	e.raw("}")
}

func (e *jsonEncoder) scenario(s *risk.ScenarioResult) {
	e.raw(`{"scenarioId":`)
	e.str(string(s.ScenarioID))
	e.raw(`,"name":`)
	e.str(s.Name)
	e.raw(`,"likelihood":`)
	e.int(s.Likelihood)
	e.raw(`,"consequence":`)
	e.int(s.Consequence)
	e.raw(`,"category":`)
	e.str(string(s.Category))
	e.raw(`,"unmitigated":`)
	e.str(string(s.Unmitigated))
	e.raw(`,"tolerable":`)
	e.bool(s.Tolerable)
	e.raw(`,"treatment":`)
	e.str(string(s.Treatment))
	e.raw(`,"residualLikelihood":`)
	e.int(s.ResidualLikelihood)
	e.raw(`,"residualConsequence":`)
	e.int(s.ResidualConsequence)
	e.raw(`,"residual":`)
	e.str(string(s.Residual))
	e.raw(`,"residualTolerable":`)
	e.bool(s.ResidualTolerable)
	e.raw(`,"mitigations":`)
	strs(e, s.Mitigations)
	e.raw(`,"reasons":`)
	e.reasons(s.Reasons)
	e.raw(`,"current":`)
	e.residual(&s.Current)
	e.raw(`,"target":`)
	e.residual(&s.Target)
	e.raw(`,"vulnerabilities":`)
	list(e, s.Vulnerabilities, (*jsonEncoder).vulnRef)
	e.raw("}")
}

func (e *jsonEncoder) proposal(p *risk.Proposal) {
	e.raw(`{"id":`)
	e.str(p.ID)
	e.raw(`,"measureId":`)
	e.str(p.MeasureID)
	e.raw(`,"targetKind":`)
	e.str(string(p.TargetKind))
	e.raw(`,"targetId":`)
	e.str(string(p.TargetID))
	e.raw(`,"closes":`)
	list(e, p.Closes, func(e *jsonEncoder, g *risk.GapClose) {
		e.raw(`{"fr":`)
		e.int(int(g.FR))
		e.raw(`,"need":`)
		e.int(g.Need)
		e.raw("}")
	})
	e.raw(`,"requirements":`)
	strs(e, p.Requirements)
	e.raw(`,"effort":`)
	e.int(int(p.Effort))
	e.raw(`,"score":`)
	e.float(p.Score)
	e.raw(`,"rank":`)
	e.int(p.Rank)
	e.raw(`,"cover":`)
	e.bool(p.Cover)
	if p.InstanceID != "" {
		e.raw(`,"instanceId":`)
		e.str(string(p.InstanceID))
	}
	e.raw(`,"status":`)
	e.str(string(p.Status))
	e.raw("}")
}

func (e *jsonEncoder) exclusion(x *risk.Exclusion) {
	e.raw(`{"measureId":`)
	e.str(x.MeasureID)
	e.raw(`,"targetKind":`)
	e.str(string(x.TargetKind))
	e.raw(`,"targetId":`)
	e.str(string(x.TargetID))
	e.raw(`,"essentialFunction":`)
	e.str(x.EssentialFunction)
	e.raw(`,"impact":`)
	e.str(string(x.Impact))
	e.raw(`,"reason":`)
	e.str(x.Reason)
	e.raw("}")
}

func (e *jsonEncoder) openGap(g *risk.OpenGap) {
	e.raw(`{"targetKind":`)
	e.str(string(g.TargetKind))
	e.raw(`,"targetId":`)
	e.str(string(g.TargetID))
	e.raw(`,"name":`)
	e.str(g.Name)
	e.raw(`,"fr":`)
	e.int(int(g.FR))
	e.raw(`,"gap":`)
	e.int(g.Gap)
	e.raw(`,"requirements":`)
	strs(e, g.Requirements)
	e.raw(`,"reason":`)
	e.str(g.Reason)
	e.raw("}")
}

// appendByHand appends elements [i, j) of a result list written by hand,
// separated by commas; false when v is not such a list or holds a value
// encoding/json refuses.
func appendByHand(b []byte, v any, i, j int) ([]byte, bool) {
	e := jsonEncoder{b: b, ok: true}
	each := func(n func(k int)) {
		for k := i; k < j; k++ {
			if k > i {
				e.b = append(e.b, ',')
			}
			n(k)
		}
	}
	switch s := v.(type) {
	case []risk.ZoneResult:
		each(func(k int) { e.zone(&s[k]) })
	case []risk.ConduitResult:
		each(func(k int) { e.conduit(&s[k]) })
	case []risk.ScenarioResult:
		each(func(k int) { e.scenario(&s[k]) })
	case []risk.Proposal:
		each(func(k int) { e.proposal(&s[k]) })
	case []risk.Exclusion:
		each(func(k int) { e.exclusion(&s[k]) })
	case []risk.OpenGap:
		each(func(k int) { e.openGap(&s[k]) })
	default:
		return b, false
	}
	return e.b, e.ok
}
