package risk

import (
	"slices"
	"testing"

	"zonewise/model"
)

// fitPlant is two zones joined by a firewalled conduit whose only flow is
// Modbus/TCP reading levels (machine polling), with a scenario on the
// conduit by a capability-2 actor on FR1. Computed by hand from
// docs/METHOD.md: the conduit's SL-T FR1 is 2, so SR 1.2, SR 1.13 RE 1
// (SL 2) and SR 1.7 (SL 1) are selected, all three requirements on the
// channel (step 5b); nothing is implemented, so all three are gaps and FR1
// SL-A is 0, gap 2.
func fitPlant() (*model.Project, *Catalog) {
	b := newBuilder()
	b.zone("Ops", model.ZoneSupervisory)
	b.zone("Cell", model.ZoneControl)
	c := b.conduit("Link", model.ConduitFirewall, "Ops", "Cell")
	c.Flows = []model.DataFlow{{Protocol: "Modbus/TCP", Port: "502", From: zid("Cell"), To: zid("Ops"),
		Initiator: zid("Ops"), Purpose: "SCADA reads tank levels"}}
	b.actor("Insider", 2)
	b.scenario("Spoofed PLC", "Insider", model.TargetConduit, "Link", 5, 5, model.FR1)
	cat := &Catalog{
		System: []Requirement{
			{ID: "SR 1.2", FR: model.FR1, MinSL: 2},
			{ID: "SR 1.13 RE 1", FR: model.FR1, MinSL: 2},
			{ID: "SR 1.7", FR: model.FR1, MinSL: 1},
		},
		Measures: []Measure{
			// Lists SR 1.2 but needs a person logging on: unfit.
			{ID: "CM-T-MFA", Name: "MFA", Kind: KindTechnical, Requirements: []string{"SR 1.2"}, Max: v(4),
				Targets: []model.TargetKind{model.TargetConduit}, FlowKinds: []model.FlowKind{model.FlowInteractive}, Effort: 1},
			// Closes SR 1.2 on routed Ethernet.
			{ID: "CM-T-PKI", Name: "PKI", Kind: KindTechnical, Requirements: []string{"SR 1.2"}, Max: v(3),
				Targets: []model.TargetKind{model.TargetConduit}, Media: []Medium{MediumEthernet}, Effort: 2},
			// Organisational, SR 1.13 RE 1 (access approval) is procedural: closes it.
			{ID: "CM-T-REVIEW", Name: "access approval", Kind: KindOrganisational, Requirements: []string{"SR 1.13 RE 1"}, Max: v(1),
				Targets: []model.TargetKind{model.TargetConduit}, Effort: 1},
			// Organisational, SR 1.7 is technical: closes nothing.
			{ID: "CM-T-TRAIN", Name: "training", Kind: KindOrganisational, Requirements: []string{"SR 1.7"}, Max: v(1),
				Targets: []model.TargetKind{model.TargetConduit}, Effort: 1},
		},
	}
	return b.p, cat
}

func TestProposalsOnAHandBuiltPlant(t *testing.T) {
	p, cat := fitPlant()
	r := Assess(p, cat)
	link := conduitRes(t, r, "Link")
	if got := link.Gap; got != v(2) {
		t.Fatalf("conduit gap %v, want FR1 2 (hand-computed)", got)
	}
	t.Run("the cover is the access approval, then the PKI, by requirements closed per effort", func(t *testing.T) {
		var got []string
		for _, pr := range r.Proposals {
			if pr.TargetID == cid("Link") {
				got = append(got, pr.MeasureID)
				if !pr.Cover {
					t.Errorf("%s is an alternative, want every proposal in the cover", pr.ID)
				}
			}
		}
		// REVIEW closes 1 requirement for effort 1 (score 1), PKI 1 for
		// effort 2 (0.5); MFA does not fit, TRAIN closes nothing.
		if want := []string{"CM-T-REVIEW", "CM-T-PKI"}; !slices.Equal(got, want) {
			t.Errorf("proposals on Link %v, want %v", got, want)
		}
	})
	t.Run("each proposal names the requirements it closes", func(t *testing.T) {
		for _, pr := range r.Proposals {
			want := map[string][]string{"CM-T-REVIEW": {"SR 1.13 RE 1"}, "CM-T-PKI": {"SR 1.2"}}[pr.MeasureID]
			if pr.TargetID == cid("Link") && !slices.Equal(pr.Requirements, want) {
				t.Errorf("%s closes %v, want %v", pr.ID, pr.Requirements, want)
			}
		}
	})
	t.Run("closable is set on the requirements a fitting measure closes", func(t *testing.T) {
		want := map[string]bool{"SR 1.2": true, "SR 1.13 RE 1": true, "SR 1.7": false}
		for _, st := range link.RequirementStatus {
			if st.State == StateGap && st.Closable != want[st.ID] {
				t.Errorf("%s closable %v, want %v", st.ID, st.Closable, want[st.ID])
			}
		}
	})
	t.Run("the gap training cannot close is an open gap", func(t *testing.T) {
		i := slices.IndexFunc(r.OpenGaps, func(g OpenGap) bool { return g.TargetID == cid("Link") })
		if i < 0 {
			t.Fatal("no open gap on Link")
		}
		if g := r.OpenGaps[i]; g.FR != model.FR1 || g.Gap != 2 || !slices.Equal(g.Requirements, []string{"SR 1.7"}) {
			t.Errorf("open gap %+v, want FR1 gap 2 with SR 1.7", g)
		}
	})
	t.Run("once the flow is an RDP session, MFA fits and, cheaper, covers SR 1.2", func(t *testing.T) {
		p, cat := fitPlant()
		p.Conduits[0].Flows[0] = model.DataFlow{Protocol: "RDP", Port: "3389", From: zid("Ops"), To: zid("Cell"), Initiator: zid("Ops")}
		r := Assess(p, cat)
		var got []string
		for _, pr := range r.Proposals {
			if pr.TargetID == cid("Link") && pr.Cover {
				got = append(got, pr.MeasureID)
			}
		}
		if want := []string{"CM-T-MFA", "CM-T-REVIEW"}; !slices.Equal(got, want) {
			t.Errorf("cover on Link %v, want %v (both score 1, then by ID)", got, want)
		}
	})
}
