package risk

import (
	"cmp"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"zonewise/model"
)

// AlternativesPerGap is how many alternatives (proposals outside the cover)
// are listed per gapped FR of a zone or conduit.
const AlternativesPerGap = 2

// gapTarget is a zone or conduit with at least one gap.
type gapTarget struct {
	kind        model.TargetKind
	id          model.ID
	zoneType    model.ZoneType
	conduitType model.ConduitType
	need        model.SLVector // SL-T
	gap         model.SLVector
	zones       []*model.Zone // whose essential functions the target must respect
	// unmet lists the IDs of the selected requirements in state gap, in
	// catalogue order (see RequirementStatus); it points into the target's
	// result, so propose may set their Closable flag through unmetStatus.
	unmet []string
	// status is the target's per-requirement status list (shared with its
	// ZoneResult or ConduitResult).
	status []RequirementStatus
}

// unmetReq is one unmet requirement of a target: its ID, FR index (0..6)
// and position in the target's status list.
type unmetReq struct {
	id     string
	fr     int
	status int
}

// reqSet is a set of a target's unmet requirements, bit i = unmet[i].
type reqSet []uint64

func newReqSet(n int) reqSet    { return make(reqSet, (n+63)/64) }
func (s reqSet) add(i int)      { s[i/64] |= 1 << (i % 64) }
func (s reqSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s reqSet) empty() bool    { return !slices.ContainsFunc(s, func(w uint64) bool { return w != 0 }) }
func (s reqSet) count() int     { return s.countAnd(nil) }
func (s reqSet) andNot(o reqSet) {
	for i := range s {
		s[i] &^= o[i]
	}
}
func (s reqSet) countAnd(o reqSet) int {
	n := 0
	for i, w := range s {
		if o != nil {
			w &= o[i]
		}
		n += bits.OnesCount64(w)
	}
	return n
}

// candidate is one library measure that would close unmet requirements on
// one target.
type candidate struct {
	m      *Measure
	t      *gapTarget
	reqs   []unmetReq
	inst   *model.CountermeasureInstance // already on the target, if any
	closes reqSet                        // the unmet requirements it lists, fits and may close
	effort int
	cover  bool
	score  float64
}

// frMask is the FRs of the requirements the candidate closes, bit i = FR i+1.
func (c *candidate) frMask() uint8 {
	var m uint8
	for i, r := range c.reqs {
		if c.closes.has(i) {
			m |= 1 << r.fr
		}
	}
	return m
}

// proposal turns a chosen candidate into its Proposal (Rank is set later).
func (c *candidate) proposal() Proposal {
	mask := c.frMask()
	p := Proposal{ID: c.m.ID + "@" + string(c.t.id), MeasureID: c.m.ID, TargetKind: c.t.kind, TargetID: c.t.id,
		Effort: Effort(c.effort), Score: c.score, Cover: c.cover, Status: model.StatusProposed,
		Closes:       make([]GapClose, 0, bits.OnesCount8(mask)),
		Requirements: make([]string, 0, c.closes.count())}
	for i := range c.t.gap {
		if mask&(1<<i) != 0 {
			p.Closes = append(p.Closes, GapClose{FR: model.AllFRs[i], Need: c.t.need[i]})
		}
	}
	for i, r := range c.reqs {
		if c.closes.has(i) {
			p.Requirements = append(p.Requirements, r.id)
		}
	}
	if c.inst != nil {
		p.InstanceID, p.Status = c.inst.ID, c.inst.Status
	}
	return p
}

// applies reports whether a measure may be placed on the target at all.
func applies(m *Measure, t *gapTarget) bool {
	if !slices.Contains(m.Targets, t.kind) {
		return false
	}
	switch t.kind {
	case model.TargetZone:
		return len(m.ZoneTypes) == 0 || slices.Contains(m.ZoneTypes, t.zoneType)
	case model.TargetConduit:
		return len(m.ConduitTypes) == 0 || slices.Contains(m.ConduitTypes, t.conduitType)
	}
	return false
}

// effortOf treats a missing effort class as high, so that an unrated
// measure never outranks a rated one by accident.
func effortOf(m *Measure) int {
	if m.Effort < 1 || m.Effort > 3 {
		return 3
	}
	return int(m.Effort)
}

// conflict finds the first essential function of the target's zones that
// cannot tolerate one of the measure's impacts.
func conflict(m *Measure, t *gapTarget) (*model.Zone, *model.EssentialFunction, model.Impact, bool) {
	if len(m.Impacts) == 0 {
		return nil, nil, "", false
	}
	for _, z := range t.zones {
		for j := range z.EssentialFunctions {
			ef := &z.EssentialFunctions[j]
			for _, im := range m.Impacts {
				if slices.Contains(ef.Intolerant, im) {
					return z, ef, im, true
				}
			}
		}
	}
	return nil, nil, "", false
}

// propose finds compensating countermeasures for every unmet requirement
// (docs/METHOD.md, step 7; IEC 62443-3-2 ZCR 5.8-5.12) and ranks them across
// the plant. It also returns the gaps no library measure closes and sets
// Closable on the unmet requirements a fitting measure closes.
//
// Candidates for a target: library measures placed on it (Targets,
// ZoneTypes, ConduitTypes) that list one of its unmet requirements, may
// close it (an organisational measure closes only procedural requirements)
// and fit it (medium, flow kinds, flow direction, asset classes: the fit
// rules). A measure with an impact that an essential function of the zone
// (for a conduit: of any zone it connects) cannot tolerate is excluded and
// the exclusion recorded. A measure rejected on that target is not proposed
// again.
//
// Ranking is a greedy set cover over the unmet requirements: the proposal
// closing the most still-open requirements per unit of effort comes first
// (Cover true, Score = newly closed requirements / effort). Because a
// measure only acts on its own target, the plant-wide greedy order is the
// merge of the per-target greedy orders by score. Proposals that close
// nothing new once the cover is chosen follow as alternatives (Cover false,
// Score = requirements closed on their own / effort), the best
// AlternativesPerGap for each gapped FR of the target. Ties are broken by
// proposal ID.
//
// The targets are independent of each other: each is worked out on its own
// (on all cores for a large plant) and the results are joined in target
// order, so the outcome is the same as one target after the other.
func (a *assessor) propose(targets []*gapTarget) ([]Proposal, []Exclusion, []OpenGap) {
	a.prepareProposals(targets)
	per := make([]targetProposals, len(targets))
	forEachParallel(len(targets), func(i int) { per[i] = a.proposeFor(targets[i]) })
	var exclusions []Exclusion
	var open []OpenGap
	cover := make([][]Proposal, len(per))
	alt := make([][]Proposal, len(per))
	for i := range per {
		exclusions = append(exclusions, per[i].excl...)
		open = append(open, per[i].open...)
		cover[i], alt[i] = per[i].cover, per[i].alt
	}
	return rank(cover, alt), exclusions, open
}

// targetProposals is what propose finds for one target.
type targetProposals struct {
	excl       []Exclusion
	cover, alt []Proposal
	open       []OpenGap
}

// proposeFor is propose for one target. It only reads the assessor's
// caches (filled beforehand by prepareProposals) and writes to t alone, so
// that targets may be worked out at the same time.
func (a *assessor) proposeFor(t *gapTarget) targetProposals {
	reqs := unmetReqs(t)
	if len(reqs) == 0 {
		return targetProposals{}
	}
	cands, excl := a.candidates(t, reqs)
	closable := markClosable(t, reqs, cands)
	return targetProposals{
		excl:  excl,
		cover: appendCover(nil, t, reqs, cands),
		alt:   appendAlternatives(nil, cands),
		open:  a.openGaps(t, reqs, closable),
	}
}

// prepareProposals fills the caches candidates reads (the closers per
// requirement, the profile of every conduit a target's fit looks at)
// before the targets are worked out in parallel.
func (a *assessor) prepareProposals(targets []*gapTarget) {
	a.closeSets(nil) // builds a.closers
	for _, t := range targets {
		switch t.kind {
		case model.TargetConduit:
			if c := a.ix.conduits[t.id]; c != nil {
				a.profile(c)
			}
		case model.TargetZone:
			for _, c := range a.ix.zoneConduits[t.id] {
				a.profile(c)
			}
		}
	}
}

// forEachParallel calls f(0) .. f(n-1), spread over the available cores;
// each f(i) must touch only its own data.
func forEachParallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// unmetReqs lists a target's unmet requirements whose FR has a gap.
func unmetReqs(t *gapTarget) []unmetReq {
	unmet := func(st *RequirementStatus) bool {
		return st.State == StateGap && st.FR.Valid() && t.gap.Get(st.FR) != 0
	}
	n := 0
	for i := range t.status {
		if unmet(&t.status[i]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]unmetReq, 0, n)
	for i := range t.status {
		if st := &t.status[i]; unmet(st) {
			out = append(out, unmetReq{id: st.ID, fr: int(st.FR) - 1, status: i})
		}
	}
	return out
}

// candidates lists the measures that fit a target and close at least one of
// its unmet requirements, and the exclusions for essential functions.
func (a *assessor) candidates(t *gapTarget, reqs []unmetReq) ([]candidate, []Exclusion) {
	var cands []candidate
	var excl []Exclusion
	var fit *fitTarget // built on first need
	onTarget := a.ix.onTarget[t.id]
	sets, n := a.closeSets(reqs)
	cands = make([]candidate, 0, n)
	for k := range a.ix.cat.Measures {
		m := &a.ix.cat.Measures[k]
		closes := sets[k]
		if closes == nil || !applies(m, t) {
			continue
		}
		if fit == nil {
			fit = a.newFitTarget(t.kind, t.id)
		}
		if unfit(m, fit) != "" {
			continue
		}
		if z, ef, im, bad := conflict(m, t); bad {
			excl = append(excl, Exclusion{MeasureID: m.ID, TargetKind: t.kind, TargetID: t.id,
				EssentialFunction: ef.Name, Impact: im,
				ReasonMsg: msg("risk.reason.exclusion", "Measure", m.ID, "Name", measureName(m), "Impact", lower(enumOf(im)),
					"Function", ef.Name, "Zone", label(z.Name, z.ID))})
			excl[len(excl)-1].Reason = excl[len(excl)-1].ReasonMsg.EN()
			continue
		}
		inst, rejected := existing(onTarget, m.ID)
		if inst == nil && rejected {
			continue
		}
		cands = append(cands, candidate{m: m, t: t, reqs: reqs, inst: inst, closes: closes, effort: effortOf(m)})
	}
	return cands, excl
}

// closeSets returns, per catalogue measure (by index), the set of the unmet
// requirements it lists and may close (nil for none), and how many measures
// close any. A measure ID listed twice in the catalogue counts once (the
// first).
func (a *assessor) closeSets(reqs []unmetReq) ([]reqSet, int) {
	if a.closers == nil {
		a.closers = map[string][]int{}
		for k := range a.ix.cat.Measures {
			m := &a.ix.cat.Measures[k]
			if a.ix.measures[m.ID] != m {
				continue
			}
			for _, id := range m.Requirements {
				if m.closes(id) {
					a.closers[id] = append(a.closers[id], k)
				}
			}
		}
	}
	if len(reqs) == 0 {
		return nil, 0
	}
	sets := make([]reqSet, len(a.ix.cat.Measures))
	n := 0
	for i, r := range reqs {
		for _, k := range a.closers[r.id] {
			s := sets[k]
			if s == nil {
				s = newReqSet(len(reqs))
				sets[k] = s
				n++
			}
			s.add(i)
		}
	}
	return sets, n
}

// markClosable sets Closable on every unmet requirement a candidate closes
// and returns the set of them.
func markClosable(t *gapTarget, reqs []unmetReq, cands []candidate) reqSet {
	all := newReqSet(len(reqs))
	for j := range cands {
		for i := range all {
			all[i] |= cands[j].closes[i]
		}
	}
	for i, r := range reqs {
		if all.has(i) {
			t.status[r.status].Closable = true
		}
	}
	return all
}

// appendCover chooses the greedy cover of one target's unmet requirements.
func appendCover(cover []Proposal, t *gapTarget, reqs []unmetReq, cands []candidate) []Proposal {
	open := newReqSet(len(reqs))
	for i := range reqs {
		open.add(i)
	}
	for !open.empty() {
		var best *candidate
		bestGain := 0
		for j := range cands {
			c := &cands[j]
			if c.cover {
				continue
			}
			g := c.closes.countAnd(open)
			if g > 0 && (best == nil || better(g, c, bestGain, best)) {
				best, bestGain = c, g
			}
		}
		if best == nil {
			break // requirements no library measure closes
		}
		best.cover = true
		best.score = float64(bestGain) / float64(best.effort)
		open.andNot(best.closes)
		cover = append(cover, best.proposal())
	}
	return cover
}

// appendAlternatives keeps the best few candidates outside the cover per
// gapped FR, so that a rejected proposal always has a listed replacement
// without listing the whole library for every zone of a large plant.
func appendAlternatives(alt []Proposal, cands []candidate) []Proposal {
	var alts []*candidate
	for j := range cands {
		if c := &cands[j]; !c.cover {
			c.score = float64(c.closes.count()) / float64(c.effort)
			alts = append(alts, c)
		}
	}
	slices.SortFunc(alts, func(x, y *candidate) int {
		return cmp.Or(cmp.Compare(y.score, x.score), strings.Compare(x.m.ID, y.m.ID))
	})
	var perFR [7]int
	for _, c := range alts {
		mask := c.frMask()
		keep := false
		for i := range perFR {
			if mask&(1<<i) != 0 && perFR[i] < AlternativesPerGap {
				keep = true
			}
		}
		if !keep {
			continue
		}
		for i := range perFR {
			if mask&(1<<i) != 0 {
				perFR[i]++
			}
		}
		alt = append(alt, c.proposal())
	}
	return alt
}

// rank orders the cover by score, then the alternatives by score, and
// numbers them from 1. cover and alt hold the proposals per target, in
// target order.
func rank(cover, alt [][]Proposal) []Proposal {
	// Sort pointers: a Proposal is too large to swap cheaply.
	byScore := func(x, y *Proposal) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), strings.Compare(x.ID, y.ID))
	}
	nCover, nAlt := 0, 0
	for i := range cover {
		nCover += len(cover[i])
		nAlt += len(alt[i])
	}
	order := make([]*Proposal, 0, nCover+nAlt)
	for _, ps := range cover {
		for i := range ps {
			order = append(order, &ps[i])
		}
	}
	slices.SortFunc(order, byScore)
	for _, ps := range alt {
		for i := range ps {
			order = append(order, &ps[i])
		}
	}
	slices.SortFunc(order[nCover:], byScore)
	props := make([]Proposal, len(order))
	for i, p := range order {
		props[i] = *p
		props[i].Rank = i + 1
	}
	return props
}

// better orders candidates within one target: more newly closed
// requirements per effort, then more of them, then less effort, then
// measure ID.
func better(g int, c *candidate, bg int, b *candidate) bool {
	// Compare g/c.effort with bg/b.effort without floating point.
	if l, r := g*b.effort, bg*c.effort; l != r {
		return l > r
	}
	if g != bg {
		return g > bg
	}
	if c.effort != b.effort {
		return c.effort < b.effort
	}
	return c.m.ID < b.m.ID
}

// existing returns the instance of a measure already on a target, preferring
// implemented, then accepted, then proposed; rejected reports whether the
// only instances there are rejected ones.
func existing(onTarget []*model.CountermeasureInstance, measureID string) (inst *model.CountermeasureInstance, rejected bool) {
	for _, ci := range onTarget {
		if ci.MeasureID != measureID {
			continue
		}
		if ci.Status == model.StatusRejected {
			rejected = true
			continue
		}
		if inst == nil || statusPref(ci.Status) > statusPref(inst.Status) {
			inst = ci
		}
	}
	return inst, rejected
}

func statusPref(s model.MeasureStatus) int {
	switch s {
	case model.StatusImplemented:
		return 3
	case model.StatusAccepted:
		return 2
	case model.StatusProposed:
		return 1
	}
	return 0
}
