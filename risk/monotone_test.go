package risk

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"zonewise/model"
)

// withPaths adds structured entry points and exposures to a random
// project, so that the monotonicity properties cover attack paths and
// exposure floors too.
func withPaths(p *model.Project, seed uint64) *model.Project {
	r := rand.New(rand.NewPCG(seed, 0xfa7))
	kinds := model.EntryKinds()
	for i := range p.Scenarios {
		if r.IntN(2) == 0 && len(p.Zones) > 0 {
			s := &p.Scenarios[i]
			s.EntryKind = kinds[r.IntN(len(kinds))]
			if s.EntryKind == model.EntryZone {
				s.EntryZoneID = p.Zones[r.IntN(len(p.Zones))].ID
			}
		}
	}
	for i := range p.Assets {
		x := &p.Assets[i].Exposure
		x.ExternallyReachable, x.RemoteAccess, x.Wireless = r.IntN(5) == 0, r.IntN(5) == 0, r.IntN(5) == 0
	}
	return p
}

// forEachMethod runs a property under both SL-T methods (docs/METHOD.md
// step 3).
func forEachMethod(t *testing.T, check func(t *testing.T, seed uint64, p *model.Project)) {
	for _, m := range []model.SLTMethod{model.MethodActorCapability, model.MethodRiskLevel} {
		t.Run("under the "+string(m)+" method", func(t *testing.T) {
			for seed := range uint64(propertySeeds) {
				p := withPaths(randomProject(seed), seed)
				p.Method = m
				check(t, seed, p)
			}
		})
	}
}

func TestPropertyMonotonicity(t *testing.T) {
	cat := testCatalog()
	t.Run("raising a consequence never lowers an SL-T", func(t *testing.T) {
		forEachMethod(t, func(t *testing.T, seed uint64, p *model.Project) {
			before := Assess(p, cat)
			for i := range p.Scenarios {
				q := clone(t, p)
				for j := range q.Scenarios[i].Consequences {
					q.Scenarios[i].Consequences[j].Level = min(q.Scenarios[i].Consequences[j].Level+1, 5)
				}
				noLower(t, before, Assess(q, cat), fmt.Sprintf("seed %d: raising the consequence of scenario %d", seed, i))
			}
		})
	})
	t.Run("raising an actor's capability never lowers an SL-T", func(t *testing.T) {
		forEachMethod(t, func(t *testing.T, seed uint64, p *model.Project) {
			before := Assess(p, cat)
			for i := range p.Actors {
				q := clone(t, p)
				q.Actors[i].Capability = min(q.Actors[i].Capability+1, 4)
				noLower(t, before, Assess(q, cat), fmt.Sprintf("seed %d: raising the capability of actor %d", seed, i))
			}
		})
	})
	t.Run("raising a likelihood never lowers an SL-T", func(t *testing.T) {
		forEachMethod(t, func(t *testing.T, seed uint64, p *model.Project) {
			before := Assess(p, cat)
			for i := range p.Scenarios {
				q := clone(t, p)
				q.Scenarios[i].Likelihood = min(q.Scenarios[i].Likelihood+1, 5)
				noLower(t, before, Assess(q, cat), fmt.Sprintf("seed %d: raising the likelihood of scenario %d", seed, i))
			}
		})
	})
	levels := model.RiskLevels()
	t.Run("moving the tolerable line up never raises an SL-T, down never lowers one", func(t *testing.T) {
		forEachMethod(t, func(t *testing.T, seed uint64, p *model.Project) {
			for k := 0; k+1 < len(levels); k++ {
				lo, hi := clone(t, p), clone(t, p)
				lo.Matrix.Tolerable, hi.Matrix.Tolerable = levels[k], levels[k+1]
				atLo, atHi := Assess(lo, cat), Assess(hi, cat)
				// Up (lo → hi) must not raise: atLo ≥ atHi everywhere, which is
				// the same as down (hi → lo) not lowering.
				noLower(t, atHi, atLo, fmt.Sprintf("seed %d: moving the tolerable line from %s to %s", seed, levels[k+1], levels[k]))
			}
		})
	})
}
