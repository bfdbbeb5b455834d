package risk

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"strings"

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

// candidate is one library measure that would close gaps on one target.
type candidate struct {
	m      *Measure
	t      *gapTarget
	inst   *model.CountermeasureInstance // already on the target, if any
	mask   uint8                         // the FR gaps it closes, bit i = FR i+1
	effort int
	cover  bool
	score  float64
}

// proposal turns a chosen candidate into its Proposal (Rank is set later).
func (c *candidate) proposal() Proposal {
	p := Proposal{ID: c.m.ID + "@" + string(c.t.id), MeasureID: c.m.ID, TargetKind: c.t.kind, TargetID: c.t.id,
		Effort: Effort(c.effort), Score: c.score, Cover: c.cover, Status: model.StatusProposed,
		Closes: make([]GapClose, 0, bits.OnesCount8(c.mask))}
	for i := range c.t.gap {
		if c.mask&(1<<i) != 0 {
			p.Closes = append(p.Closes, GapClose{FR: model.AllFRs[i], Need: c.t.need[i]})
		}
	}
	if c.inst != nil {
		p.InstanceID, p.Status = c.inst.ID, c.inst.Status
	}
	return p
}

// impactBits numbers the impacts for set arithmetic.
var impactBits = func() map[model.Impact]uint32 {
	out := map[model.Impact]uint32{}
	for i, im := range model.Impacts() {
		out[im] = 1 << i
	}
	return out
}()

func impactMask(list []model.Impact) uint32 {
	var m uint32
	for _, im := range list {
		m |= impactBits[im]
	}
	return m
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

// propose finds compensating countermeasures for every gap (DESIGN.md §2
// step 7) and ranks them across the plant.
//
// Candidates: library measures that apply to the zone or conduit (Targets,
// ZoneTypes, ConduitTypes) and support a gapped FR up to its SL-T. A measure
// with an impact that an essential function of the zone (for a conduit: of
// any zone it connects) cannot tolerate is excluded and the exclusion is
// recorded. A measure rejected on that target is not proposed again.
//
// Ranking is a greedy weighted set cover over the (target, FR) gaps, each
// weighted by its size in SL steps: the proposal closing the most still-open
// gap steps per unit of effort comes first (Cover true, Score = newly closed
// gap steps / effort). Because a measure only
// acts on its own target, the plant-wide greedy order is the merge of the
// per-target greedy orders by score. Proposals that close nothing new once
// the cover is chosen follow as alternatives (Cover false, Score = gap steps
// closed on their own / effort), the best AlternativesPerGap for each gapped
// FR of the target. Ties are broken by proposal ID.
func (a *assessor) propose(targets []*gapTarget) ([]Proposal, []Exclusion) {
	var exclusions []Exclusion
	var cover, alt []Proposal
	var cands []candidate // reused from target to target
	var alts []*candidate
	// A measure ID listed twice in the catalogue counts once (the first).
	first := make([]bool, len(a.ix.cat.Measures))
	for k := range a.ix.cat.Measures {
		first[k] = a.ix.measures[a.ix.cat.Measures[k].ID] == &a.ix.cat.Measures[k]
	}
	for _, t := range targets {
		onTarget := a.ix.onTarget[t.id]
		var gapMask uint8
		for i, g := range t.gap {
			if g > 0 {
				gapMask |= 1 << i
			}
		}
		cands = cands[:0]
		for k := range a.ix.cat.Measures {
			m := &a.ix.cat.Measures[k]
			if !first[k] || !applies(m, t) {
				continue
			}
			var mask uint8
			for i := range t.gap {
				if gapMask&(1<<i) != 0 && m.Max[i] >= t.need[i] {
					mask |= 1 << i
				}
			}
			if mask == 0 {
				continue
			}
			if z, ef, im, bad := conflict(m, t); bad {
				exclusions = append(exclusions, Exclusion{MeasureID: m.ID, TargetKind: t.kind, TargetID: t.id,
					EssentialFunction: ef.Name, Impact: im,
					Reason: fmt.Sprintf("%s (%s) would cause %s, which essential function '%s' of zone %s cannot tolerate",
						m.ID, m.Name, strings.ToLower(im.Label()), ef.Name, label(z.Name, z.ID))})
				continue
			}
			inst, rejected := existing(onTarget, m.ID)
			if inst == nil && rejected {
				continue
			}
			cands = append(cands, candidate{m: m, t: t, inst: inst, mask: mask, effort: effortOf(m)})
		}

		// Greedy cover of this target's gaps.
		open := gapMask
		for open != 0 {
			var best *candidate
			bestGain := 0
			for j := range cands {
				c := &cands[j]
				if c.cover {
					continue
				}
				g := weight(c.mask&open, t)
				if g == 0 {
					continue
				}
				if best == nil || better(g, c, bestGain, best) {
					best, bestGain = c, g
				}
			}
			if best == nil {
				break // gaps no library measure closes
			}
			best.cover = true
			best.score = float64(bestGain) / float64(best.effort)
			open &^= best.mask
			cover = append(cover, best.proposal())
		}

		// Alternatives: the best few per gapped FR, so that a rejected
		// proposal always has a listed replacement without listing the whole
		// library for every zone of a large plant.
		alts = alts[:0]
		for j := range cands {
			if c := &cands[j]; !c.cover {
				c.score = float64(weight(c.mask, t)) / float64(c.effort)
				alts = append(alts, c)
			}
		}
		slices.SortFunc(alts, func(x, y *candidate) int {
			return cmp.Or(cmp.Compare(y.score, x.score), strings.Compare(x.m.ID, y.m.ID))
		})
		var perFR [7]int
		for _, c := range alts {
			keep := false
			for i := range perFR {
				if c.mask&(1<<i) != 0 && perFR[i] < AlternativesPerGap {
					keep = true
				}
			}
			if !keep {
				continue
			}
			for i := range perFR {
				if c.mask&(1<<i) != 0 {
					perFR[i]++
				}
			}
			alt = append(alt, c.proposal())
		}
	}
	// Sort pointers: a Proposal is too large to swap cheaply.
	byScore := func(x, y *Proposal) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), strings.Compare(x.ID, y.ID))
	}
	order := make([]*Proposal, 0, len(cover)+len(alt))
	for i := range cover {
		order = append(order, &cover[i])
	}
	slices.SortFunc(order, byScore)
	for i := range alt {
		order = append(order, &alt[i])
	}
	slices.SortFunc(order[len(cover):], byScore)
	props := make([]Proposal, len(order))
	for i, p := range order {
		props[i] = *p
		props[i].Rank = i + 1
	}
	return props, exclusions
}

// weight is the size of the gaps in mask: the SL steps they leave open,
// summed over FRs. Ranking by it puts closing a gap of 3 on a control zone
// before closing two gaps of 1, which is what a plant needs first.
func weight(mask uint8, t *gapTarget) int {
	w := 0
	for i := range t.gap {
		if mask&(1<<i) != 0 {
			w += t.gap[i]
		}
	}
	return w
}

// better orders candidates within one target: more new gaps per effort,
// then more new gaps, then less effort, then measure ID.
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
