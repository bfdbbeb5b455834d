package risk

import (
	"slices"
	"strings"
	"testing"

	"zonewise/i18n"
	"zonewise/model"
)

// The split of docs/METHOD.md step 5b, by hand: an SR stands for its REs,
// an RE named alone (SR 1.9 RE 1) only for itself.
func TestZoneOnlyRequirement(t *testing.T) {
	zone := []string{"SR 1.3", "SR 1.3 RE 1", "SR 1.4", "SR 1.5", "SR 1.5 RE 1", "SR 1.9 RE 1",
		"SR 2.4", "SR 2.4 RE 1", "SR 2.9", "SR 2.9 RE 1", "SR 2.10", "SR 2.11", "SR 2.11 RE 2",
		"SR 3.3", "SR 3.3 RE 2", "SR 3.4", "SR 3.4 RE 1", "SR 3.6", "SR 3.7", "SR 3.9", "SR 3.9 RE 1",
		"SR 4.2", "SR 4.2 RE 1", "SR 5.4", "SR 6.1", "SR 6.1 RE 1",
		"SR 7.2", "SR 7.3", "SR 7.3 RE 1", "SR 7.3 RE 2", "SR 7.4", "SR 7.5", "SR 7.6", "SR 7.6 RE 1", "SR 7.7", "SR 7.8"}
	channel := []string{"SR 1.1", "SR 1.1 RE 2", "SR 1.2", "SR 1.6", "SR 1.7", "SR 1.8", "SR 1.9", "SR 1.10",
		"SR 1.13 RE 1", "SR 2.1 RE 4", "SR 2.2", "SR 2.3", "SR 2.5", "SR 2.8", "SR 2.8 RE 1", "SR 2.12",
		"SR 3.1", "SR 3.2", "SR 3.2 RE 1", "SR 3.5", "SR 3.8", "SR 4.1 RE 2", "SR 4.3",
		"SR 5.1", "SR 5.2 RE 2", "SR 5.3", "SR 6.2", "SR 7.1", "SR 7.1 RE 2",
		// prefixes that are not the SR: SR 1.30 would not be SR 1.3
		"SR 1.30", "SR 7.30"}
	for _, id := range zone {
		if !ZoneOnlyRequirement(id) {
			t.Errorf("%s applies to conduits; want zones only", id)
		}
	}
	for _, id := range channel {
		if ZoneOnlyRequirement(id) {
			t.Errorf("%s is for zones only; want it to apply to conduits", id)
		}
	}
}

// Every identifier of the zone-only table is one of IEC 62443-3-3 as the
// built-in catalogue spells it: a typo would silently leave a requirement
// on every conduit.
func TestZoneOnlyIDsAreInTheCatalogue(t *testing.T) {
	cat := builtinOrSkip(t)
	ids := map[string]bool{}
	for _, r := range cat.System {
		ids[r.ID] = true
	}
	for _, g := range ZoneOnlyGroups() {
		for _, id := range g.IDs {
			if !ids[id] {
				t.Errorf("zone-only ID %q is not in the IEC 62443-3-3 catalogue", id)
			}
		}
		for _, l := range []i18n.Lang{i18n.EN, i18n.DE} {
			c := i18n.For(l)
			for _, m := range []Msg{g.Topic, g.Why} {
				if !c.Has(m.Key) {
					t.Errorf("%s: catalogue %s lacks %s", g.IDs, l, m.Key)
				}
			}
		}
	}
}

// The sample's PROFINET conduit K08 (SL-T 1 on every FR), by hand from the
// catalogue at SL 1 and steps 5a/5b: of its 37 requirements, SR 1.1, SR
// 1.10, 1.11, 1.12, SR 2.5 (machine flows only) and SR 1.6, SR 2.2 (not
// wireless) are not applicable to its medium; 16 are the zones'; the 14
// left are requirements on the channel, all gaps since nothing is
// implemented on K08.
func TestSampleK08ListsOnlyChannelRequirements(t *testing.T) {
	p := model.Sample()
	r := Assess(p, builtinOrSkip(t))
	var k08 *ConduitResult
	for i := range r.Conduits {
		if strings.HasPrefix(r.Conduits[i].Name, "K08 ") {
			k08 = &r.Conduits[i]
		}
	}
	if k08 == nil {
		t.Fatal("no K08 in the sample")
	}
	var gaps, zone []string
	for _, st := range k08.RequirementStatus {
		switch {
		case st.ZoneOnly:
			zone = append(zone, st.ID)
			if st.State != StateNotApplicable || !strings.Contains(st.Reason, "a requirement on the zones, not on conduit K08") {
				t.Errorf("%s: state %s, reason %q; want not applicable, naming K08", st.ID, st.State, st.Reason)
			}
		case st.State == StateGap:
			gaps = append(gaps, st.ID)
		}
	}
	wantGaps := []string{"SR 1.7", "SR 1.13", "SR 2.1", "SR 2.3", "SR 2.8", "SR 3.1", "SR 3.2", "SR 3.5",
		"SR 4.1", "SR 4.3", "SR 5.1", "SR 5.2", "SR 5.3", "SR 7.1"}
	wantZone := []string{"SR 1.3", "SR 1.4", "SR 1.5", "SR 2.4", "SR 2.9", "SR 2.10", "SR 3.3", "SR 3.6",
		"SR 5.4", "SR 6.1", "SR 7.2", "SR 7.3", "SR 7.4", "SR 7.5", "SR 7.6", "SR 7.7"}
	if !slices.Equal(gaps, wantGaps) {
		t.Errorf("K08 gaps %v, want %v", gaps, wantGaps)
	}
	if !slices.Equal(zone, wantZone) {
		t.Errorf("K08 zone-only %v, want %v", zone, wantZone)
	}
	if len(k08.RequirementStatus) != 37 {
		t.Errorf("K08 has %d requirements, want 37", len(k08.RequirementStatus))
	}
	// FR6 at SL-T 1 selects SR 6.1 alone, the zones': FR6 has no gap.
	if k08.Gap[5] != 0 {
		t.Errorf("K08 FR6 gap %d, want 0", k08.Gap[5])
	}
	for _, g := range r.OpenGaps {
		if g.TargetID != k08.ConduitID {
			continue
		}
		for _, id := range g.Requirements {
			if ZoneOnlyRequirement(id) {
				t.Errorf("open gap on K08 %s lists %s, a requirement on the zones", g.FR, id)
			}
		}
	}
}

// No conduit of the sample is offered a measure for a requirement on the
// zones, and a zone still is (backups for the filtration controllers).
func TestSampleProposalsOnConduitsCloseChannelRequirementsOnly(t *testing.T) {
	p := model.Sample()
	r := Assess(p, builtinOrSkip(t))
	zoneBackup := false
	for _, pr := range r.Proposals {
		for _, id := range pr.Requirements {
			if pr.TargetKind == model.TargetConduit && ZoneOnlyRequirement(id) {
				t.Errorf("%s closes %s on a conduit; it is a requirement on the zones", pr.ID, id)
			}
			if pr.TargetKind == model.TargetZone && id == "SR 7.3" {
				zoneBackup = true
			}
		}
	}
	if !zoneBackup {
		t.Error("no proposal closes SR 7.3 on a zone; the zones keep their requirements on devices")
	}
}

// ConduitRequirementApplies, the single-requirement entry point, agrees.
func TestConduitRequirementAppliesZoneOnly(t *testing.T) {
	c := &model.Conduit{Name: "K-Test", Type: model.ConduitFirewall}
	if ok, why := ConduitRequirementApplies("SR 7.6 RE 1", c); ok || !strings.Contains(why, "not on conduit K-Test") {
		t.Errorf("SR 7.6 RE 1: applies %v, reason %q; want not applicable, naming the conduit", ok, why)
	}
	if ok, why := ConduitRequirementApplies("SR 7.1", c); !ok {
		t.Errorf("SR 7.1 does not apply: %q; want it to (denial of service on the link)", why)
	}
}
