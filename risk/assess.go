package risk

import (
	"zonewise/model"
)

// assessor carries one assessment's intermediate state.
type assessor struct {
	ix     *index
	method model.SLTMethod
	evals  []*scenarioEval // in scenario result order

	zoneContrib    map[model.ID]*contribs
	conduitContrib map[model.ID]*contribs
	// pathContrib holds the contributions of scenarios whose attack path
	// runs through a zone or conduit that is not their target.
	pathContrib map[model.ID]*contribs
	zoneSLTs    map[model.ID]*Cells
	visiting    map[model.ID]bool
	covers      map[model.ID]coverage
	warnings    []Warning
	targeted    map[model.ID]bool // zones some scenario targets (itself or an asset)
	ruled       map[string]bool   // requirement IDs a conduit medium rule covers
	zoneOnly    map[string]int    // requirement IDs that apply to zones only: their zone-only rule + 1
	// profiles caches each conduit's medium and flow kinds for the medium
	// and fit rules, built on first use.
	profiles map[model.ID]*conduitProfile
	// closers lists, per requirement ID, the library measures (by catalogue index,
	// first of their ID only) that list it and may close it.
	closers map[string][]int
}

// Assess runs the IEC 62443-3-2 assessment of docs/METHOD.md (steps 0 to 8)
// on a project with a catalogue. It is pure and deterministic: the same
// project and catalogue give the same Result, and every level carries the
// reasons for it. It never fails: references the project cannot resolve (a
// validation matter) are skipped. cat may be nil (no requirements, no
// proposals).
//
// Each rule is documented where it is implemented: initial risk in
// initialRisk (step 0), SL-T with paths, exposure floors, safety zones and
// lowering warnings in zoneSLT and conduitSLT (steps 3, 4), SL-A per
// requirement in achieve (step 6), proposals in propose (step 7) and the
// current and target residual risk in residual (step 8).
func Assess(p *model.Project, cat *Catalog) *Result {
	if cat == nil {
		cat = &Catalog{}
	}
	ix := newIndex(p, cat)
	a := &assessor{
		ix:       ix,
		method:   p.Method,
		zoneSLTs: make(map[model.ID]*Cells, len(p.Zones)),
		visiting: map[model.ID]bool{},
		covers:   make(map[model.ID]coverage),
		targeted: map[model.ID]bool{},
	}
	if a.method != model.MethodRiskLevel {
		a.method = model.MethodActorCapability // the default, also for an unset method
	}
	res := &Result{
		Method:     a.method,
		Tolerable:  ix.matrix.m.Tolerable,
		Assets:     make([]AssetResult, 0, len(p.Assets)),
		Scenarios:  make([]ScenarioResult, 0, len(p.Scenarios)),
		Proposals:  []Proposal{},
		Exclusions: []Exclusion{},
		OpenGaps:   []OpenGap{},
	}

	// Steps 1-2: unmitigated risk.
	a.evals = make([]*scenarioEval, len(ix.scenarioOrder))
	res.Paths = []Path{}
	for i, s := range ix.scenarioOrder {
		e := ix.evalScenario(s)
		if e.path = ix.path(e); e.path != nil {
			res.Paths = append(res.Paths, *e.path)
		}
		a.evals[i] = e
		if e.zone != nil {
			a.targeted[e.zone.ID] = true
		}
	}
	a.collectContributions()

	sysReq := newReqCache(cat)
	var targets []*gapTarget

	// Steps 3 and 4: the SL-T of every zone, then of every conduit. Each is
	// memoised and may ask for another zone's first (the parent, the
	// control zones of a safety zone), and lowering warnings are written in
	// zone then conduit order, so this runs in order.
	zoneSLTs := make([]*Cells, len(ix.zoneOrder))
	for i, z := range ix.zoneOrder {
		zoneSLTs[i] = a.zoneSLT(z)
	}
	conduitZones := make([][]*model.Zone, len(ix.conduitOrder))
	conduitSLTs := make([]*Cells, len(ix.conduitOrder))
	for i, c := range ix.conduitOrder {
		var zones []*model.Zone
		for _, id := range c.ZoneIDs {
			if z := ix.zones[id]; z != nil && !containsZone(zones, z) {
				zones = append(zones, z)
			}
		}
		conduitZones[i] = zones
		conduitSLTs[i] = a.conduitSLT(c, zones)
	}

	// Steps 5 and 6 (SL-C, SL-A per requirement) for zones and conduits:
	// each only reads the project, the SL-Ts and the caches filled first,
	// so they are worked out on all cores, each into its own slot.
	a.prepareLevels()
	zoneRes := make([]ZoneResult, len(ix.zoneOrder))
	conduitRes := make([]ConduitResult, len(ix.conduitOrder))
	forEachParallel(len(zoneRes)+len(conduitRes), func(k int) {
		if k < len(zoneRes) {
			z, slt := ix.zoneOrder[k], zoneSLTs[k]
			slc, sla, statuses := a.zoneSLCA(z, slt.Vector())
			zr := ZoneResult{ZoneID: z.ID, Name: z.Name, SLT: *slt, SLC: slc, SLA: sla, Findings: []string{}, FindingMsgs: zoneFindings(z),
				RequirementStatus: statuses, Initial: a.initialRisk(z)}
			zr.Findings = msgsEN(zr.FindingMsgs)
			zr.Gap = slt.Vector().Gap(sla.Vector())
			zoneRes[k] = zr
			return
		}
		k -= len(zoneRes)
		c, slt := ix.conduitOrder[k], conduitSLTs[k]
		sla, statuses := a.conduitSLA(c, slt.Vector())
		cr := ConduitResult{ConduitID: c.ID, Name: c.Name, SLT: *slt, SLA: sla, Findings: []string{}, FindingMsgs: ix.conduitFindings(c),
			RequirementStatus: statuses}
		cr.Findings = msgsEN(cr.FindingMsgs)
		cr.Gap = slt.Vector().Gap(sla.Vector())
		conduitRes[k] = cr
	})
	for i, z := range ix.zoneOrder {
		zr := &zoneRes[i]
		zr.Requirements = sysReq.system(zr.SLT.Vector())
		if !zr.Gap.IsZero() {
			targets = append(targets, &gapTarget{kind: model.TargetZone, id: z.ID, zoneType: z.Type,
				need: zr.SLT.Vector(), gap: zr.Gap, zones: []*model.Zone{z}, unmet: unmetIDs(zr.RequirementStatus), status: zr.RequirementStatus})
		}
	}
	res.Zones = zoneRes
	for i, c := range ix.conduitOrder {
		cr := &conduitRes[i]
		cr.Requirements = sysReq.system(cr.SLT.Vector())
		if !cr.Gap.IsZero() {
			targets = append(targets, &gapTarget{kind: model.TargetConduit, id: c.ID, conduitType: c.Type,
				need: cr.SLT.Vector(), gap: cr.Gap, zones: conduitZones[i], unmet: unmetIDs(cr.RequirementStatus), status: cr.RequirementStatus})
		}
	}
	res.Conduits = conduitRes

	// Step 5 for assets: the component view.
	for _, as := range ix.assetOrder {
		ar := AssetResult{AssetID: as.ID, Name: as.Name, ZoneID: as.ZoneID, SLC: as.SLC, SLCUnknown: !slcKnown(as)}
		if slt := a.zoneSLTs[as.ZoneID]; slt != nil {
			ar.SLT = slt.Vector()
		}
		ar.Gap = ar.SLT.Gap(as.SLC)
		ar.Requirements = sysReq.component(ar.SLT, as.Class)
		res.Assets = append(res.Assets, ar)
	}

	// Step 7: proposals.
	res.Proposals, res.Exclusions, res.OpenGaps = a.propose(targets)
	if res.OpenGaps == nil {
		res.OpenGaps = []OpenGap{}
	}
	if res.Proposals == nil {
		res.Proposals = []Proposal{}
	}
	if res.Exclusions == nil {
		res.Exclusions = []Exclusion{}
	}

	res.Warnings = a.warnings
	if res.Warnings == nil {
		res.Warnings = []Warning{}
	}

	// Step 8: residual risk.
	for _, e := range a.evals {
		res.Scenarios = append(res.Scenarios, a.residual(e))
	}
	return res
}

func containsZone(zs []*model.Zone, z *model.Zone) bool {
	for _, x := range zs {
		if x == z {
			return true
		}
	}
	return false
}

// reqCache shares requirement ID lists between zones, conduits and assets
// with the same SL-T (and class): a large plant has few distinct vectors.
// The shared slices must not be modified by callers.
type reqCache struct {
	cat  *Catalog
	sys  map[model.SLVector][]string
	comp map[compKey][]string
}

type compKey struct {
	v     model.SLVector
	class model.AssetClass
}

func newReqCache(cat *Catalog) *reqCache {
	return &reqCache{cat: cat, sys: map[model.SLVector][]string{}, comp: map[compKey][]string{}}
}

// selectIDs is Catalog.SelectSystem / SelectComponent returning IDs only,
// without copying every Requirement (a large plant asks hundreds of times).
// TestSelectIDsMatchesCatalog keeps the two in step.
func selectIDs(all []Requirement, v model.SLVector, class model.AssetClass, component bool) []string {
	out := []string{}
	for i := range all {
		r := &all[i]
		if r.FR.Valid() && r.MinSL >= 1 && r.MinSL <= v.Get(r.FR) && (!component || r.Class == "" || r.Class == class) {
			out = append(out, r.ID)
		}
	}
	return out
}

func (c *reqCache) system(v model.SLVector) []string {
	if r, ok := c.sys[v]; ok {
		return r
	}
	r := selectIDs(c.cat.System, v, "", false)
	c.sys[v] = r
	return r
}

func (c *reqCache) component(v model.SLVector, class model.AssetClass) []string {
	k := compKey{v, class}
	if r, ok := c.comp[k]; ok {
		return r
	}
	r := selectIDs(c.cat.Component, v, class, true)
	c.comp[k] = r
	return r
}

// unmetIDs lists the requirements in state gap.
func unmetIDs(statuses []RequirementStatus) []string {
	var out []string
	for i := range statuses {
		if statuses[i].State == StateGap {
			out = append(out, statuses[i].ID)
		}
	}
	return out
}
