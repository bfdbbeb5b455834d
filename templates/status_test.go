package templates

import (
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// statusPlant is one control zone (SL-T 2 on FR1, 1 on FR5, 0 elsewhere)
// with three assets, one of unknown SL-C, and one conduit to itself; its
// result gives each selected requirement a hand-chosen state.
func statusPlant() (*model.Project, *risk.Result) {
	p := model.New("Status plant")
	p.Date = "2026-12-04"
	p.Zones = []model.Zone{{ID: "z1", Name: "Control", Type: model.ZoneControl, PurdueLevel: 1}}
	p.Conduits = []model.Conduit{{ID: "c1", Name: "Serial link", Type: model.ConduitSerial, ZoneIDs: []model.ID{"z1"}}}
	p.Assets = []model.Asset{
		{ID: "a1", Name: "PLC unknown", ZoneID: "z1", Class: model.ClassEmbedded, SLCSource: model.SLCUnknown},
		{ID: "a2", Name: "HMI declared", ZoneID: "z1", Class: model.ClassHost, SLCSource: model.SLCVendor, SLC: model.SLVector{1, 1, 1, 1, 1, 1, 1}},
		{ID: "a3", Name: "Switch zero", ZoneID: "z1", Class: model.ClassNetwork, SLCSource: model.SLCAssessed},
	}
	p.Compensating = []model.CompensatingCountermeasure{{ID: "cc-uuid-1", Name: "Locked cabinet", TargetKind: model.TargetZone, TargetID: "z1",
		Requirements: []string{"SR 1.13"}, Evidence: "walk-down 2026-11-30"}}
	slt := model.SLVector{2, 0, 0, 0, 1, 0, 0}
	st := func(id string, fr model.FR, lvl int, state risk.RequirementState, by risk.MetBy, reason string, closable bool, m ...string) risk.RequirementStatus {
		return risk.RequirementStatus{ID: id, FR: fr, Level: lvl, State: state, MetBy: by, Measures: m, Reason: reason, Closable: closable}
	}
	var zr risk.ZoneResult
	zr.ZoneID, zr.Name = "z1", "Control"
	for i := range zr.SLT {
		zr.SLT[i].SL = slt[i]
		zr.SLC[i].Unknown = true
	}
	zr.Requirements = []string{"SR 1.1", "SR 1.1 RE 1", "SR 1.13", "SR 5.1"}
	zr.RequirementStatus = []risk.RequirementStatus{
		st("SR 1.1", model.FR1, 1, risk.StateMet, risk.MetByCountermeasure, "implemented", false, "CM-JUMP-MFA"),
		st("SR 1.1 RE 1", model.FR1, 2, risk.StateGap, "", "not met", false),
		st("SR 1.13", model.FR1, 1, risk.StateMet, risk.MetByCompensating, "evidence", false, "cc-uuid-1"),
		st("SR 5.1", model.FR5, 1, risk.StateGap, "", "not met", true),
	}
	var cr risk.ConduitResult
	cr.ConduitID, cr.Name = "c1", "Serial link"
	for i := range cr.SLT {
		cr.SLT[i].SL = slt[i]
	}
	cr.Requirements = append([]string(nil), zr.Requirements...)
	cr.RequirementStatus = []risk.RequirementStatus{
		st("SR 1.1", model.FR1, 1, risk.StateNotApplicable, "", "SR 1.1 (human user identification) does not apply to conduit Serial link: no person logs on across it", false),
		st("SR 1.1 RE 1", model.FR1, 2, risk.StateGap, "", "not met", false),
		st("SR 1.13", model.FR1, 1, risk.StateMet, risk.MetByCountermeasure, "implemented", false, "CM-JUMP-MFA"),
		st("SR 5.1", model.FR5, 1, risk.StateGap, "", "not met", true),
		st("SR 5.1 RE 1", model.FR5, 2, risk.StateNotApplicable, "", "SR 5.1 RE 1 (segmentation) does not apply to conduit Serial link: no person logs on across it", false),
	}
	cr.Requirements = append(cr.Requirements, "SR 5.1 RE 1")
	r := &risk.Result{Zones: []risk.ZoneResult{zr}, Conduits: []risk.ConduitResult{cr}}
	for _, a := range p.Assets {
		r.Assets = append(r.Assets, risk.AssetResult{AssetID: a.ID, Name: a.Name, ZoneID: "z1", SLT: slt, SLC: a.SLC,
			SLCUnknown: a.SLCSource == model.SLCUnknown, Gap: slt.Gap(a.SLC)})
	}
	return p, r
}

func TestCRSShowsUnknownSLCAndRequirementStates(t *testing.T) {
	p, res := statusPlant()
	tm, err := Load("crs")
	if err != nil {
		t.Fatal(err)
	}
	md, err := tm.Execute(NewData(p, res, testCatalog(), p.Date))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ what, line string }{
		{"the asset of unknown SL-C reads unknown in the component groups",
			"| Embedded device | unknown | — | 1: PLC unknown |"},
		{"an asset declared at 0 keeps its zeros",
			"| Network device | 0,0,0,0,0,0,0 | — | 1: Switch zero |"},
		{"a requirement met today is ticked in the zone's column, with its title where it first appears",
			"| **SR 1.1** Human user identification and authentication | 1 | ✓ |"},
		{"a gap no library measure closes carries the dagger",
			"| **SR 1.1 RE 1** Unique identification and authentication | 2 | ✗† |"},
		{"a gap a library measure closes is a plain cross",
			"| **SR 5.1** Network segmentation | 1 | ✗ |"},
		{"the conduit's slice repeats the ID without the title and marks the not-applicable requirement",
			"| **SR 1.1** | 1 | – |"},
		{"a requirement only the conduit needs gets its title in the conduit's slice",
			"| **SR 5.1 RE 1** Physical network segmentation | 2 | – |"},
		{"a library measure that meets requirements is named with where and what",
			"| CM-JUMP-MFA | Z1, C1 | SR 1.1, SR 1.13 |"},
		{"a compensating countermeasure is named by its name, not its ID",
			"| Locked cabinet (compensating, with evidence) | Z1 | SR 1.13 |"},
		{"not-applicable requirements sharing a reason give it once, shortened",
			"| Not applicable | SR 1.1, SR 5.1 RE 1: no person logs on across it |"},
	} {
		t.Run(tc.what, func(t *testing.T) {
			if !strings.Contains(md, tc.line) {
				t.Errorf("output lacks %q", tc.line)
			}
		})
	}
	t.Run("no asset row prints the unknown SL-C as zeros", func(t *testing.T) {
		for _, l := range strings.Split(md, "\n") {
			if strings.Contains(l, "PLC unknown") && strings.Contains(l, "0,0,0,0,0,0,0") {
				t.Errorf("row %q", l)
			}
		}
	})
}
