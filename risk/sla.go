package risk

import (
	"slices"
	"strings"

	"zonewise/model"
)

// slcKnown reports whether an asset's SL-C is known. An asset whose source
// is unknown has no SL-C at all: its zero vector means "not known", not
// "capability 0" (docs/METHOD.md step 6).
func slcKnown(as *model.Asset) bool {
	return as.SLCSource != "" && as.SLCSource != model.SLCUnknown
}

// coverage is what the implemented countermeasure instances on one zone,
// conduit or asset support, by requirement ID: the measure IDs whose library
// entry lists the requirement.
type coverage map[string][]string

// coverageOf collects, memoised, the requirements that implemented
// instances on a target support. Accepted instances are a plan, not a
// control, and count only for the target residual risk.
func (a *assessor) coverageOf(id model.ID) coverage {
	if c, ok := a.covers[id]; ok {
		return c
	}
	if len(a.ix.onTarget[id]) == 0 {
		return nil // not memoised: prepareLevels fills the map for the others
	}
	var c coverage
	for _, ci := range a.ix.onTarget[id] {
		m := a.ix.measure(ci)
		if m == nil || ci.Status != model.StatusImplemented {
			continue
		}
		if c == nil {
			c = coverage{}
		}
		for _, r := range m.Requirements {
			if !slices.Contains(c[r], m.ID) {
				c[r] = append(c[r], m.ID)
			}
		}
	}
	a.covers[id] = c
	return c
}

// compensatingOf lists the compensating-countermeasure records with evidence
// on a target that name requirement id.
func (a *assessor) compensatingOf(target model.ID, id string) []string {
	var out []string
	for _, cc := range a.ix.compensating[target] {
		if strings.TrimSpace(cc.Evidence) != "" && slices.Contains(cc.Requirements, id) {
			out = append(out, string(cc.ID))
		}
	}
	return out
}

// zoneSLC rolls up a zone's SL-C per FR from its weakest asset. Any asset
// whose SL-C is unknown makes the zone's SL-C unknown for every FR: a chain
// is no stronger than a link nobody has looked at.
func (a *assessor) zoneSLC(z *model.Zone) (slc Cells) {
	assets := a.ix.zoneAssets[z.ID]
	var unknown []*model.Asset
	for _, as := range assets {
		if !slcKnown(as) {
			unknown = append(unknown, as)
		}
	}
	for i := range slc {
		f := model.AllFRs[i]
		switch {
		case len(assets) == 0:
			r := reason(RuleNoAssets, msg("risk.reason.slc.no-assets", "Zone", label(z.Name, z.ID)))
			r.ObjectID = z.ID
			slc[i] = Cell{SL: 0, Reasons: []Reason{r}}
		case len(unknown) > 0:
			r := reason(RuleUnknownSLC, msg("risk.reason.slc.unknown", "Unknown", len(unknown), "Assets", len(assets), "First", label(unknown[0].Name, unknown[0].ID)))
			r.ObjectID = unknown[0].ID
			slc[i] = Cell{SL: 0, Unknown: true, Reasons: []Reason{r}}
		default:
			weakest := assets[0]
			for _, as := range assets[1:] {
				if as.SLC[i] < weakest.SLC[i] {
					weakest = as
				}
			}
			key := "risk.reason.slc.weakest"
			if len(assets) == 1 {
				key = "risk.reason.slc.only"
			}
			r := reason(RuleWeakestAsset, msg(key, "Assets", len(assets), "Asset", label(weakest.Name, weakest.ID),
				"SL", clampSL(weakest.SLC[i]), "FR", f, "Source", sourceLabel(weakest.SLCSource)))
			r.ObjectID = weakest.ID
			slc[i] = Cell{SL: clampSL(weakest.SLC[i]), Reasons: []Reason{r}}
		}
	}
	return slc
}

// reqTarget is what one zone or conduit offers towards meeting requirements.
type reqTarget struct {
	id      model.ID
	name    string
	conduit *model.Conduit  // nil for a zone
	profile *conduitProfile // the conduit's medium and flow kinds, computed once
	// ruled marks the requirement IDs some medium rule covers; the others
	// always apply and need no check.
	ruled map[string]bool
	// zoneOnly maps the requirement IDs that apply to zones only to their
	// zone-only rule plus one (docs/METHOD.md step 5); nil for a zone.
	zoneOnly map[string]int
	slc      *Cells // zone SL-C; nil for a conduit
	assets   []*model.Asset
	own      coverage
	bounds   []*model.Conduit
}

// status decides one requirement (docs/METHOD.md step 6), in this order:
// on a conduit, not applicable because it applies to zones only or because
// the conduit's medium rules it out; met by capability, by an implemented
// countermeasure on the target, on every asset, on every conduit of the
// zone (its boundary; only for a requirement that applies to conduits), by
// a compensating countermeasure with evidence; otherwise a gap.
func (a *assessor) status(t *reqTarget, r *Requirement, why bool) RequirementStatus {
	st := RequirementStatus{ID: r.ID, FR: r.FR, Level: r.MinSL}
	i := int(r.FR) - 1
	// Reasons are written only for the statuses a result shows: a zone's
	// requirements above its SL-T are decided for SL-A but not listed.
	say := func(key string, kv ...any) {
		if why {
			st.ReasonMsg = msg(key, kv...)
			st.Reason = st.ReasonMsg.EN()
		}
	}
	if t.conduit != nil {
		if g := t.zoneOnly[r.ID]; g > 0 {
			reason := zoneOnlyReason(g-1, r.ID, t.conduit.Name)
			st.State, st.ZoneOnly = StateNotApplicable, true
			st.Reason, st.ReasonMsg = reason.EN(), reason
			return st
		}
		if reason, na := t.requirementNotApplicable(r); na {
			st.State, st.Reason, st.ReasonMsg = StateNotApplicable, reason.EN(), reason
			return st
		}
	}
	if an := a.ix.answers[answerKey{t.id, r.ID}]; an != nil {
		return answered(st, an, why)
	}
	if t.slc != nil && len(t.assets) > 0 && !t.slc[i].Unknown && t.slc[i].SL >= r.MinSL {
		st.State, st.MetBy = StateMet, MetByCapability
		say("risk.reason.req.capability", "SL", r.MinSL, "FR", r.FR)
		return st
	}
	if ms := t.own[r.ID]; len(ms) > 0 {
		st.State, st.MetBy, st.Measures = StateMet, MetByCountermeasure, slices.Clone(ms)
		say("risk.reason.req.countermeasure", "Measures", strings.Join(ms, ", "), "Target", term(t.name), "ID", r.ID)
		return st
	}
	if ms, ok := a.everyAsset(t.assets, r); ok {
		st.State, st.MetBy, st.Measures = StateMet, MetByCountermeasure, ms
		say("risk.reason.req.every-asset", "ID", r.ID, "Measures", strings.Join(ms, ", "))
		return st
	}
	// A measure on the conduits stands at the zone's boundary: it meets
	// only a requirement on the channel, never one on the zone's devices.
	if a.zoneOnly[r.ID] == 0 {
		if ms, ok := a.everyConduit(t.bounds, r.ID); ok {
			st.State, st.MetBy, st.Measures = StateMet, MetByCountermeasure, ms
			say("risk.reason.req.every-conduit", "ID", r.ID, "Measures", strings.Join(ms, ", "))
			return st
		}
	}
	if cs := a.compensatingOf(t.id, r.ID); len(cs) > 0 {
		st.State, st.MetBy, st.Measures = StateMet, MetByCompensating, cs
		if why {
			names := make([]string, len(cs))
			for k, id := range cs {
				names[k] = a.ix.compensatingName(model.ID(id))
			}
			say("risk.reason.req.compensating", "Names", strings.Join(names, ", "))
		}
		return st
	}
	st.State = StateGap
	switch {
	case t.slc != nil && t.slc[i].Unknown:
		say("risk.reason.req.gap-unknown-slc", "ID", r.ID)
	case t.slc != nil && len(t.assets) > 0:
		say("risk.reason.req.gap-weakest", "SL", t.slc[i].SL, "FR", r.FR, "ID", r.ID)
	default:
		say("risk.reason.req.gap", "ID", r.ID)
	}
	return st
}

// answered decides a requirement from the zone owner's self-assessment
// answer, which describes the system as built and so comes before what the
// components could do: "met" with evidence meets it, "partly" and "not met"
// leave a gap even where the SL-C would reach it, "not applicable" with a
// reason takes it out.
func answered(st RequirementStatus, an *model.RequirementAnswer, why bool) RequirementStatus {
	ev := strings.TrimSpace(an.Evidence)
	var m Msg
	switch an.Status {
	case model.AnswerMet:
		st.State, st.MetBy = StateMet, MetBySelfAssessment
		m = msg("risk.reason.req.self-met", "Evidence", ev)
	case model.AnswerNotApplicable:
		st.State = StateNotApplicable
		m = msg("risk.reason.req.self-not-applicable", "Evidence", ev)
	default:
		st.State = StateGap
		key := "risk.reason.req.self-gap"
		if ev != "" {
			key = "risk.reason.req.self-gap-evidence"
		}
		m = msg(key, "Answer", lower(enumOf(an.Status)), "Evidence", ev)
	}
	if why {
		st.ReasonMsg, st.Reason = m, m.EN()
	}
	return st
}

// everyAsset: at least one asset meets r by a measure, and every asset
// meets it by known SL-C or by an implemented measure on it that lists r.
func (a *assessor) everyAsset(assets []*model.Asset, r *Requirement) ([]string, bool) {
	var ms []string
	i := int(r.FR) - 1
	for _, as := range assets {
		if len(a.ix.onTarget[as.ID]) == 0 {
			if slcKnown(as) && as.SLC[i] >= r.MinSL {
				continue
			}
			return nil, false
		}
		if got := a.coverageOf(as.ID)[r.ID]; len(got) > 0 {
			for _, m := range got {
				if !slices.Contains(ms, m) {
					ms = append(ms, m)
				}
			}
			continue
		}
		if !slcKnown(as) || as.SLC[i] < r.MinSL {
			return nil, false
		}
	}
	return ms, len(ms) > 0
}

// everyConduit: the zone has conduits and each carries an implemented
// measure listing id (a path left unprotected protects nothing).
func (a *assessor) everyConduit(conduits []*model.Conduit, id string) ([]string, bool) {
	if len(conduits) == 0 {
		return nil, false
	}
	var ms []string
	for _, c := range conduits {
		got := a.coverageOf(c.ID)[id]
		if len(got) == 0 {
			return nil, false
		}
		for _, m := range got {
			if !slices.Contains(ms, m) {
				ms = append(ms, m)
			}
		}
	}
	slices.Sort(ms)
	return ms, true
}

// achieve evaluates every system requirement of the catalogue for the
// target, returns the statuses of those the SL-T selects (catalogue order)
// and the SL-A per FR: the highest n at which every requirement of the FR
// selected at n or below is met or not applicable.
func (a *assessor) achieve(t *reqTarget, slt model.SLVector) (sla Cells, statuses []RequirementStatus) {
	// One pass over the catalogue. Met counts are kept per level, so that
	// those below the first gap can be summed once the gap is known.
	type gapAt struct {
		id     string
		level  int
		reason Msg
	}
	var firstGap [7]*gapAt
	var met [7][model.MaxSL + 1][4]int // per FR, level, way (capability, countermeasure, compensating, self-assessment)
	statuses = make([]RequirementStatus, 0, selectedCount(a.ix.cat.System, slt))
	for k := range a.ix.cat.System {
		r := &a.ix.cat.System[k]
		if !r.FR.Valid() || r.MinSL < 1 || r.MinSL > model.MaxSL {
			continue
		}
		i := int(r.FR) - 1
		selected := r.MinSL <= slt[i]
		st := a.status(t, r, selected)
		if selected {
			statuses = append(statuses, st)
		}
		switch st.State {
		case StateGap:
			if g := firstGap[i]; g == nil || st.Level < g.level {
				if st.ReasonMsg.Key == "" {
					st = a.status(t, r, true)
				}
				firstGap[i] = &gapAt{id: st.ID, level: st.Level, reason: st.ReasonMsg}
			}
		case StateMet:
			switch st.MetBy {
			case MetByCapability:
				met[i][st.Level][0]++
			case MetByCountermeasure:
				met[i][st.Level][1]++
			case MetByCompensating:
				met[i][st.Level][2]++
			case MetBySelfAssessment:
				met[i][st.Level][3]++
			}
		}
	}
	var counts [7][4]int
	var gapLevel [7]int
	for i := range counts {
		top := model.MaxSL
		if g := firstGap[i]; g != nil {
			top, gapLevel[i] = g.level-1, g.level
		}
		for l := 1; l <= top; l++ {
			for w := range 4 {
				counts[i][w] += met[i][l][w]
			}
		}
	}
	for i := range sla {
		f := model.AllFRs[i]
		sl := model.MaxSL
		if firstGap[i] != nil {
			sl = gapLevel[i] - 1
		}
		var rs []Reason
		if sl > 0 {
			key := "risk.reason.sla.met"
			if counts[i][3] > 0 {
				key = "risk.reason.sla.met-self"
			}
			r := reason(RuleRequirements, msg(key, "FR", f, "SL", sl, "Capability", counts[i][0], "Implemented", counts[i][1],
				"Compensating", counts[i][2], "Self", counts[i][3]))
			r.ObjectID = t.id
			rs = append(rs, r)
		}
		if g := firstGap[i]; g != nil {
			r := reason(RuleRequirements, msg("risk.reason.sla.gap", "SL", sl, "FR", f, "ID", g.id, "Level", g.level, "Reason", g.reason))
			r.ObjectID = t.id
			rs = append(rs, r)
		}
		rs = append(rs, a.plannedReasons(t.id, i)...)
		sla[i] = Cell{SL: sl, Reasons: rs}
	}
	return sla, statuses
}

// selectedCount is how many of the requirements achieve evaluates the SL-T
// selects: the length of its statuses, allocated once (a RequirementStatus
// is large and a plant has a thousand zones and conduits).
func selectedCount(all []Requirement, slt model.SLVector) int {
	n := 0
	for k := range all {
		r := &all[k]
		if r.FR.Valid() && r.MinSL >= 1 && r.MinSL <= model.MaxSL && r.MinSL <= slt[int(r.FR)-1] {
			n++
		}
	}
	return n
}

// plannedReasons says, for one FR, which accepted instances on a target are
// not credited because they are not implemented yet.
func (a *assessor) plannedReasons(id model.ID, i int) []Reason {
	var rs []Reason
	for _, ci := range a.ix.onTarget[id] {
		m := a.ix.measure(ci)
		if m == nil || ci.Status != model.StatusAccepted || m.Max[i] == 0 {
			continue
		}
		r := reason(RulePlanned, msg("risk.reason.sla.planned", "Measure", m.ID, "Name", measureName(m), "FR", model.AllFRs[i]))
		r.ObjectID = ci.ID
		rs = append(rs, r)
	}
	return rs
}

// prepareLevels fills the caches that zoneSLCA and conduitSLA read (the
// coverage of every target with countermeasure instances, every conduit's
// profile, the requirements a medium rule covers or that apply to zones
// only) before the zones and conduits are worked out in parallel: after it,
// neither writes to the assessor.
func (a *assessor) prepareLevels() {
	for id := range a.ix.onTarget {
		a.coverageOf(id)
	}
	for _, c := range a.ix.conduitOrder {
		a.profile(c)
	}
	a.scopeRules()
}

// scopeRules memoises, per requirement of the catalogue, whether a medium
// rule covers it and whether it applies to zones only.
func (a *assessor) scopeRules() {
	if a.ruled != nil {
		return
	}
	a.ruled, a.zoneOnly = map[string]bool{}, map[string]int{}
	for k := range a.ix.cat.System {
		id := a.ix.cat.System[k].ID
		for j := range mediumRules {
			if mediumRules[j].covers(id) {
				a.ruled[id] = true
			}
		}
		if g := zoneOnlyRuleOf(id); g >= 0 {
			a.zoneOnly[id] = g + 1
		}
	}
}

// zoneSLCA derives a zone's SL-C and, per requirement, its SL-A
// (docs/METHOD.md step 6).
func (a *assessor) zoneSLCA(z *model.Zone, slt model.SLVector) (slc, sla Cells, statuses []RequirementStatus) {
	slc = a.zoneSLC(z)
	a.scopeRules()
	t := &reqTarget{id: z.ID, name: "risk.term.the-zone", slc: &slc, assets: a.ix.zoneAssets[z.ID],
		own: a.coverageOf(z.ID), bounds: a.ix.zoneConduits[z.ID]}
	sla, statuses = a.achieve(t, slt)
	return slc, sla, statuses
}

// conduitSLA derives a conduit's SL-A per requirement; conduits have no SL-C.
func (a *assessor) conduitSLA(c *model.Conduit, slt model.SLVector) (sla Cells, statuses []RequirementStatus) {
	a.scopeRules()
	t := &reqTarget{id: c.ID, name: "risk.term.the-conduit", conduit: c, profile: a.profile(c), own: a.coverageOf(c.ID),
		ruled: a.ruled, zoneOnly: a.zoneOnly}
	return a.achieve(t, slt)
}

// requirementNotApplicable says whether a system requirement cannot apply
// to a conduit's medium, with the reason (docs/METHOD.md step 5). It is the
// single hook for the medium rules.
// The conduit's profile is computed once per conduit, not per requirement:
// ConduitRequirementApplies would infer every flow's kind again each time.
func (t *reqTarget) requirementNotApplicable(r *Requirement) (Msg, bool) {
	if t.conduit == nil || t.profile == nil || !t.ruled[r.ID] {
		return Msg{}, false
	}
	ok, reason := t.profile.requirementApplies(r.ID, t.conduit.Name)
	return reason, !ok
}

func sourceLabel(s model.SLCSource) enumArg {
	if s == "" {
		return enumOf(model.SLCUnknown)
	}
	return enumOf(s)
}
