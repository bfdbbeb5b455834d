package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"zonewise/i18n"
)

// TestThePropertiesFitTheirPanel: at the laptop sizes a workshop runs on,
// the properties of every kind of object fit the panel's width, so no field
// is cut at the screen's right edge (an asset's SL-C levels and checklist
// asked for 300 px in a panel of 287 at 1366×768), in English and German.
func TestThePropertiesFitTheirPanel(t *testing.T) {
	defer func() { msgs = i18n.For(i18n.EN); localiseKinds() }()
	for _, lang := range []i18n.Lang{i18n.EN, i18n.DE} {
		msgs = i18n.For(lang)
		localiseKinds()
		for _, size := range []fyne.Size{fyne.NewSize(1280, 720), fyne.NewSize(1366, 768)} {
			propertiesFit(t, lang, size)
		}
	}
}

func propertiesFit(t *testing.T, lang i18n.Lang, size fyne.Size) {
	t.Helper()
	{
		u := newViewsTestUI(t, "canvas")
		u.win.Resize(size)
		p := u.doc.Project
		refs := map[string]ref{"project": {Kind: kindProject}}
		refs["zone"] = ref{kindZone, p.Zones[0].ID}
		refs["conduit"] = ref{kindConduit, p.Conduits[0].ID}
		refs["asset"] = ref{kindAsset, p.Assets[0].ID}
		refs["actor"] = ref{kindActor, p.Actors[0].ID}
		refs["scenario"] = ref{kindScenario, p.Scenarios[0].ID}
		if len(p.Countermeasures) > 0 {
			refs["countermeasure"] = ref{kindCountermeasure, p.Countermeasures[0].ID}
		}
		if len(p.Decisions) > 0 {
			refs["decision"] = ref{kindDecision, p.Decisions[0].ID}
		}
		if len(p.Vulnerabilities) > 0 {
			refs["vulnerability"] = ref{kindVulnerability, p.Vulnerabilities[0].ID}
		}
		for name, r := range refs {
			u.selectOnly(r)
			// the approvals of the project: one row at least
			if r.Kind == kindProject && len(p.Approvals) == 0 {
				t.Fatal("the sample has no approval row to measure")
			}
			avail := u.props.scroll.Size().Width
			if avail <= 0 {
				t.Fatalf("%v: the properties panel has no width", size)
			}
			if need := u.props.scroll.Content.MinSize().Width; need > avail {
				t.Errorf("%s %v: the properties of the %s ask for %v px in a panel %v px wide", lang, size, name, need, avail)
			}
		}
	}
}
