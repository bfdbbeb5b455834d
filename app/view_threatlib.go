package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/risk"
)

// zoneCandidates proposes threat scenarios from the threat library for a
// zone and its assets (risk.CandidateScenarios for each, without duplicates).
var zoneCandidates = risk.CandidateScenariosInZone

// libraryPick is the state of the "Add from threat library" dialog.
type libraryPick struct {
	v          *threatsView
	zones      []*model.Zone
	zone       *widget.Select
	list       *fyne.Container
	candidates []model.ThreatScenario
	checks     []*widget.Check
	count      *widget.Label
}

// onAddFromLibrary opens the dialog: pick a zone, tick the candidate
// scenarios for it and its assets, add them as one undo step.
func (v *threatsView) onAddFromLibrary() {
	if v.sess.cat == nil || len(v.sess.cat.Threats) == 0 {
		v.sess.showInfo("Threat library", "The threat library is not available in this build.")
		return
	}
	lp := v.newLibraryPick()
	if len(lp.zones) == 0 {
		v.sess.showInfo("Threat library", "Draw a zone first: scenarios are proposed per zone and its assets.")
		return
	}
	content := container.NewBorder(
		container.NewVBox(widget.NewForm(widget.NewFormItem("Zone", lp.zone)), lp.count, container.NewHBox(
			widget.NewButton("Tick all", func() { lp.tickAll(true) }),
			widget.NewButton("Tick none", func() { lp.tickAll(false) }),
		)),
		nil, nil, nil, container.NewVScroll(lp.list))
	d := dialog.NewCustomConfirm("Add threat scenarios from the library", "Add ticked", "Cancel", content, func(ok bool) {
		if ok {
			lp.add()
		}
	}, v.sess.win)
	d.Resize(fyne.NewSize(em(64), em(42)))
	// Start on the selected zone (or the zone of the selected asset).
	start := lp.zones[0].Name
	if r := v.sess.sel.primary(); kindOf(r.Kind) != nil && kindOf(r.Kind).zoneOf != nil {
		if z := v.sess.doc.Project.Zone(kindOf(r.Kind).zoneOf(v.sess.doc.Project, r.ID)); z != nil {
			start = z.Name
		}
	}
	lp.zone.SetSelected(start)
	d.Show()
}

func (v *threatsView) newLibraryPick() *libraryPick {
	p := v.sess.doc.Project
	lp := &libraryPick{v: v, list: container.NewVBox(), count: widget.NewLabel("")}
	lp.zones = sortedByName(p.Zones, func(z *model.Zone) string { return z.Name })
	names := make([]string, len(lp.zones))
	for i, z := range lp.zones {
		names[i] = z.Name
	}
	lp.zone = widget.NewSelect(names, lp.onZone)
	return lp
}

// onZone lists the candidates for the chosen zone, all ticked.
func (lp *libraryPick) onZone(name string) {
	p := lp.v.sess.doc.Project
	lp.candidates, lp.checks = nil, nil
	lp.list.RemoveAll()
	for _, z := range lp.zones {
		if z.Name == name {
			lp.candidates = zoneCandidates(p, lp.v.sess.cat, z.ID)
			break
		}
	}
	for _, s := range lp.candidates {
		worst, _ := risk.WorstConsequence(s.Consequences)
		label := s.Name
		if t := targetLabel(p, s.TargetKind, s.TargetID); !strings.Contains(label, strings.TrimPrefix(t, s.TargetKind.Label()+" ")) {
			label += " — " + t
		}
		c := widget.NewCheck(fmt.Sprintf("%s · L %d × C %d · %s", label, s.Likelihood, worst, frList(s.FRs)), func(bool) { lp.updateCount() })
		c.SetChecked(true)
		lp.checks = append(lp.checks, c)
		lp.list.Add(c)
	}
	lp.updateCount()
}

func (lp *libraryPick) tickAll(on bool) {
	for _, c := range lp.checks {
		c.SetChecked(on)
	}
	lp.updateCount()
}

func (lp *libraryPick) updateCount() {
	n := 0
	for _, c := range lp.checks {
		if c.Checked {
			n++
		}
	}
	switch {
	case len(lp.candidates) == 0:
		lp.count.SetText("The library has no new scenarios for this zone and its assets.")
	default:
		lp.count.SetText(fmt.Sprintf("%d of %d proposed scenarios ticked.", n, len(lp.candidates)))
	}
}

// add adds the ticked candidates as one batch.
func (lp *libraryPick) add() {
	var cmds []model.Command
	for i, c := range lp.checks {
		if c.Checked {
			cmds = append(cmds, &model.Add[model.ThreatScenario]{Item: lp.candidates[i]})
		}
	}
	if len(cmds) == 0 {
		return
	}
	lp.v.sess.do(&model.Batch{Name: fmt.Sprintf("Add %d threat scenarios from the library", len(cmds)), Commands: cmds})
}
