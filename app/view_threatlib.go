package app

import (
	"slices"

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

// libraryPick is the state of the "Add from threat library" dialog: one
// row per candidate scenario, unticked, with the actor and the target it
// will get, both of which the user may change before adding.
type libraryPick struct {
	v          *threatsView
	zones      []*model.Zone
	zone       *widget.Select
	list       *fyne.Container
	candidates []model.ThreatScenario
	checks     []*widget.Check
	actors     []*widget.Select
	targets    []*widget.Select
	count      *widget.Label
	// actorNames and targetNames are the options of the pickers, with
	// the actor IDs and the targets they stand for.
	actorNames  []string
	actorIDs    []model.ID
	targetNames []string
	targetRefs  []libraryTarget
}

// libraryTarget is a target a candidate can be aimed at.
type libraryTarget struct {
	kind model.TargetKind
	id   model.ID
}

// onAddFromLibrary opens the dialog: pick a zone, tick the candidate
// scenarios for it and its assets (none is ticked at first), check or
// change the actor and target of each, add them as one undo step.
func (v *threatsView) onAddFromLibrary() {
	if v.sess.cat == nil || len(v.sess.cat.Threats) == 0 {
		v.sess.showInfo(tr("lib.title"), tr("lib.unavailable"))
		return
	}
	lp := v.newLibraryPick()
	if len(lp.zones) == 0 {
		v.sess.showInfo(tr("lib.title"), tr("lib.noZone"))
		return
	}
	content := container.NewBorder(
		container.NewVBox(widget.NewForm(widget.NewFormItem(tr("prop.zone"), lp.zone)), lp.count, container.NewHBox(
			widget.NewButton(tr("lib.tickAll"), func() { lp.tickAll(true) }),
			widget.NewButton(tr("lib.tickNone"), func() { lp.tickAll(false) }),
		)),
		nil, nil, nil, container.NewVScroll(lp.list))
	d := dialog.NewCustomConfirm(tr("lib.dialogTitle"), tr("lib.addTicked"), tr("common.cancel"), content, func(ok bool) {
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
	v.sess.win.Canvas().Focus(lp.zone)
}

func (v *threatsView) newLibraryPick() *libraryPick {
	p := v.sess.doc.Project
	lp := &libraryPick{v: v, list: container.NewVBox(), count: widget.NewLabel("")}
	lp.zones = sortedByName(p.Zones, func(z *model.Zone) string { return z.Name })
	names := make([]string, len(lp.zones))
	for i, z := range lp.zones {
		names[i] = z.Name
	}
	for _, a := range sortedByName(p.Actors, func(a *model.ThreatActor) string { return a.Name }) {
		lp.actorNames = append(lp.actorNames, actorLabel(a))
		lp.actorIDs = append(lp.actorIDs, a.ID)
	}
	lp.zone = widget.NewSelect(names, lp.onZone)
	return lp
}

// targetsOf lists what a candidate in zone z can be aimed at: the zone,
// its assets, and the conduits that join it.
func (lp *libraryPick) targetsOf(z *model.Zone) {
	p := lp.v.sess.doc.Project
	lp.targetNames, lp.targetRefs = nil, nil
	add := func(k model.TargetKind, id model.ID) {
		lp.targetNames = append(lp.targetNames, targetLabel(p, k, id))
		lp.targetRefs = append(lp.targetRefs, libraryTarget{k, id})
	}
	add(model.TargetZone, z.ID)
	for _, a := range sortedByName(p.Assets, func(a *model.Asset) string { return a.Name }) {
		if a.ZoneID == z.ID {
			add(model.TargetAsset, a.ID)
		}
	}
	for _, c := range sortedByName(p.Conduits, func(c *model.Conduit) string { return c.Name }) {
		if slices.Contains(c.ZoneIDs, z.ID) {
			add(model.TargetConduit, c.ID)
		}
	}
}

// onZone lists the candidates for the chosen zone, none ticked, each with
// the actor and target the library chose.
func (lp *libraryPick) onZone(name string) {
	p := lp.v.sess.doc.Project
	lp.candidates, lp.checks, lp.actors, lp.targets = nil, nil, nil, nil
	lp.list.RemoveAll()
	for _, z := range lp.zones {
		if z.Name == name {
			lp.candidates = zoneCandidates(p, lp.v.sess.cat, z.ID)
			lp.targetsOf(z)
			break
		}
	}
	for i, s := range lp.candidates {
		worst, _ := risk.WorstConsequence(s.Consequences)
		c := widget.NewCheck(tr("lib.candidate", map[string]any{"Name": s.Name, "L": s.Likelihood, "C": worst, "FRs": frList(s.FRs)}), func(bool) { lp.updateCount() })
		actor := widget.NewSelect(lp.actorNames, nil)
		actor.PlaceHolder = tr("room.lib.noActor")
		if j := slices.Index(lp.actorIDs, s.ActorID); j >= 0 {
			actor.SetSelectedIndex(j)
		}
		target := widget.NewSelect(lp.targetNames, nil)
		if j := slices.Index(lp.targetRefs, libraryTarget{s.TargetKind, s.TargetID}); j >= 0 {
			target.SetSelectedIndex(j)
		}
		// Changing the actor or the target ticks the row: the user wants it.
		actor.OnChanged = func(string) { lp.checks[i].SetChecked(true) }
		target.OnChanged = func(string) { lp.checks[i].SetChecked(true) }
		lp.checks = append(lp.checks, c)
		lp.actors = append(lp.actors, actor)
		lp.targets = append(lp.targets, target)
		pickers := container.NewGridWithColumns(2,
			container.NewBorder(nil, nil, widget.NewLabel(tr("room.lib.by")), nil, actor),
			container.NewBorder(nil, nil, widget.NewLabel(tr("room.lib.against")), nil, target))
		lp.list.Add(container.NewVBox(c, container.NewPadded(pickers), widget.NewSeparator()))
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
		lp.count.SetText(tr("lib.noneNew"))
	default:
		lp.count.SetText(tr("lib.ticked", map[string]int{"N": n, "Of": len(lp.candidates)}))
	}
}

// add adds the ticked candidates, with the actor and target chosen in
// their rows, as one batch.
func (lp *libraryPick) add() {
	var cmds []model.Command
	for i, c := range lp.checks {
		if !c.Checked {
			continue
		}
		s := lp.candidates[i]
		if j := lp.actors[i].SelectedIndex(); j >= 0 {
			s.ActorID = lp.actorIDs[j]
		}
		if j := lp.targets[i].SelectedIndex(); j >= 0 {
			s.TargetKind, s.TargetID = lp.targetRefs[j].kind, lp.targetRefs[j].id
		}
		cmds = append(cmds, &model.Add[model.ThreatScenario]{Item: s})
	}
	if len(cmds) == 0 {
		return
	}
	lp.v.sess.do(&model.Batch{Name: tr("lib.undo", map[string]int{"N": len(cmds)}), Commands: cmds})
}
