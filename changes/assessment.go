package changes

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"zonewise/model"
	"zonewise/risk"
)

// AssessmentChange is one changed assessment result of an object: its SL-T
// or SL-A vector, its gaps, a scenario's current or target residual risk, or
// a countermeasure proposal that appeared or went away.
type AssessmentChange struct {
	Ref
	// Measure is what changed: "slT", "slA", "gaps", "currentResidual",
	// "targetResidual" or "proposal".
	Measure string `json:"measure"`
	Old     string `json:"old"`
	New     string `json:"new"`
}

// DiffAssessment assesses both revisions with cat and adds what changed in
// the results to r: per zone and conduit SL-T, SL-A and gaps, per scenario
// the current and target residual risk, and proposals added or gone.
func DiffAssessment(r *Report, oldP, newP *model.Project, cat *risk.Catalog) {
	a, b := risk.Assess(oldP, cat), risk.Assess(newP, cat)
	var out []AssessmentChange
	add := func(ref Ref, measure, o, n string) {
		if o != n {
			out = append(out, AssessmentChange{Ref: ref, Measure: measure, Old: o, New: n})
		}
	}
	oz := map[model.ID]*risk.ZoneResult{}
	for i := range a.Zones {
		oz[a.Zones[i].ZoneID] = &a.Zones[i]
	}
	for i := range b.Zones {
		z := &b.Zones[i]
		o := oz[z.ZoneID]
		if o == nil {
			continue // a new zone is listed as added; its levels are in the report
		}
		ref := Ref{Kind: "zone", ID: z.ZoneID, Name: z.Name}
		add(ref, "slT", cells(&o.SLT), cells(&z.SLT))
		add(ref, "slA", cells(&o.SLA), cells(&z.SLA))
		add(ref, "gaps", o.Gap.String(), z.Gap.String())
	}
	oc := map[model.ID]*risk.ConduitResult{}
	for i := range a.Conduits {
		oc[a.Conduits[i].ConduitID] = &a.Conduits[i]
	}
	for i := range b.Conduits {
		c := &b.Conduits[i]
		o := oc[c.ConduitID]
		if o == nil {
			continue
		}
		ref := Ref{Kind: "conduit", ID: c.ConduitID, Name: c.Name}
		add(ref, "slT", cells(&o.SLT), cells(&c.SLT))
		add(ref, "slA", cells(&o.SLA), cells(&c.SLA))
		add(ref, "gaps", o.Gap.String(), c.Gap.String())
	}
	os := map[model.ID]*risk.ScenarioResult{}
	for i := range a.Scenarios {
		os[a.Scenarios[i].ScenarioID] = &a.Scenarios[i]
	}
	for i := range b.Scenarios {
		s := &b.Scenarios[i]
		o := os[s.ScenarioID]
		if o == nil {
			continue
		}
		ref := Ref{Kind: "threat scenario", ID: s.ScenarioID, Name: s.Name}
		add(ref, "currentResidual", residual(o.Current), residual(s.Current))
		add(ref, "targetResidual", residual(o.Target), residual(s.Target))
	}
	names := targetNames(newP, oldP)
	op := map[string]risk.Proposal{}
	for _, p := range a.Proposals {
		op[p.ID] = p
	}
	np := map[string]risk.Proposal{}
	for _, p := range b.Proposals {
		np[p.ID] = p
		if _, ok := op[p.ID]; !ok {
			out = append(out, AssessmentChange{Ref: proposalRef(p, names), Measure: "proposal", New: measureName(cat, p.MeasureID)})
		}
	}
	for _, p := range a.Proposals {
		if _, ok := np[p.ID]; !ok {
			out = append(out, AssessmentChange{Ref: proposalRef(p, names), Measure: "proposal", Old: measureName(cat, p.MeasureID)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Ref != out[j].Ref {
			return lessRef(out[i].Ref, out[j].Ref)
		}
		return measureRank(out[i].Measure) < measureRank(out[j].Measure)
	})
	r.Assessment = append(r.Assessment, out...)
}

func measureRank(m string) int {
	return strings.Index("slT slA gaps currentResidual targetResidual proposal", m)
}

// cells writes an SL vector as "2,2,1,…" with "?" for an unknown level.
func cells(c *risk.Cells) string {
	var b strings.Builder
	for i, x := range c {
		if i > 0 {
			b.WriteByte(',')
		}
		if x.Unknown {
			b.WriteByte('?')
		} else {
			b.WriteString(strconv.Itoa(x.SL))
		}
	}
	return b.String()
}

func residual(r risk.Residual) string {
	if r.Level == "" {
		return "not rated"
	}
	s := fmt.Sprintf("%s (L%d×C%d)", r.Level.Label(), r.Likelihood, r.Consequence)
	if !r.Tolerable {
		s += ", intolerable"
	}
	return s
}

// targetNames maps zone and conduit IDs to names, newer revision first.
func targetNames(ps ...*model.Project) map[model.ID]Ref {
	m := map[model.ID]Ref{}
	for i := len(ps) - 1; i >= 0; i-- {
		for _, z := range ps[i].Zones {
			m[z.ID] = Ref{Kind: "zone", ID: z.ID, Name: z.Name}
		}
		for _, c := range ps[i].Conduits {
			m[c.ID] = Ref{Kind: "conduit", ID: c.ID, Name: c.Name}
		}
		for _, a := range ps[i].Assets {
			m[a.ID] = Ref{Kind: "asset", ID: a.ID, Name: a.Name}
		}
	}
	return m
}

func proposalRef(p risk.Proposal, names map[model.ID]Ref) Ref {
	if r, ok := names[p.TargetID]; ok {
		return r
	}
	return Ref{Kind: string(p.TargetKind), ID: p.TargetID}
}

func measureName(cat *risk.Catalog, id string) string {
	if cat != nil {
		if m, ok := cat.Measure(id); ok && m.Name != "" {
			return m.Name
		}
	}
	return id
}
