package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/risk"
)

// reqLine is one line of the requirements list: an FR heading or a
// requirement.
type reqLine struct {
	heading bool
	id      string
	text    string
}

// requirementsView is the CRS: for a zone or conduit its SL-T and the
// IEC 62443-3-3 SRs and REs it selects, and for an asset the IEC 62443-4-2
// requirements of its class, grouped by FR.
type requirementsView struct {
	sess    *session
	content fyne.CanvasObject

	target     *widget.Select
	asset      *widget.Select
	targets    []ref // parallel to target.Options
	assets     []ref // parallel to asset.Options; the first is the zone itself
	pick       ref   // zone or conduit shown
	assetPick  model.ID
	summary    *widget.Label
	detail     *widget.Label
	list       *widget.List
	lines      []reqLine
	refreshing bool
}

// zoneItself is the component choice for the zone's own requirements (set
// again by localiseTexts).
var zoneItself = tr("requirements.zoneItself")

func newRequirementsView(sess *session) *requirementsView {
	v := &requirementsView{sess: sess}
	v.target = widget.NewSelect(nil, v.onTarget)
	v.asset = widget.NewSelect(nil, v.onAsset)
	v.summary = wrapLabel("")
	v.summary.TextStyle.Bold = true
	v.list = widget.NewList(func() int { return len(v.lines) }, func() fyne.CanvasObject {
		id := widget.NewLabel("")
		id.TextStyle.Bold = true
		t := widget.NewLabel("")
		t.Truncation = fyne.TextTruncateEllipsis
		pad := canvas.NewRectangle(color.Transparent) // keeps the titles aligned
		return container.NewBorder(nil, nil, container.NewStack(pad, id), nil, t)
	}, v.updateLine)
	v.detail = wrapLabel(tr("requirements.tap"))
	v.list.OnSelected = func(i widget.ListItemID) {
		if i < len(v.lines) && !v.lines[i].heading && v.sess.cat != nil {
			if r, ok := v.sess.cat.Requirement(v.lines[i].id); ok {
				v.detail.SetText(tr("requirements.detail", map[string]any{"ID": r.ID, "Title": r.Title, "Standard": r.Standard, "SL": r.MinSL, "Summary": r.Summary}))
			}
		}
	}
	top := container.NewVBox(
		widget.NewForm(widget.NewFormItem(tr("requirements.target"), v.target), widget.NewFormItem(tr("requirements.component"), v.asset)),
		v.summary,
	)
	bottom := container.NewVBox(widget.NewSeparator(), v.detail)
	v.content = container.NewBorder(top, bottom, nil, nil, v.list)
	return v
}

func (v *requirementsView) key() string               { return "requirements" }
func (v *requirementsView) title() string             { return tr("requirements.title") }
func (v *requirementsView) object() fyne.CanvasObject { return v.content }

func (v *requirementsView) refresh() {
	p := v.sess.doc.Project
	v.refreshing = true
	defer func() { v.refreshing = false }()

	// Follow the selection elsewhere in the window.
	switch r := v.sess.sel.primary(); r.Kind {
	case kindZone, kindConduit:
		v.pick, v.assetPick = r, ""
	case kindAsset:
		if zid := kindOf(kindAsset).zoneOf(p, r.ID); zid != "" {
			v.pick, v.assetPick = ref{kindZone, zid}, r.ID
		}
	}
	var opts []string
	v.targets = v.targets[:0]
	for _, z := range sortedByName(p.Zones, func(z *model.Zone) string { return z.Name }) {
		opts = append(opts, tr("requirements.option.zone", map[string]string{"Name": orUntitled(z.Name)}))
		v.targets = append(v.targets, ref{kindZone, z.ID})
	}
	for _, c := range sortedByName(p.Conduits, func(c *model.Conduit) string { return c.Name }) {
		opts = append(opts, tr("requirements.option.conduit", map[string]string{"Name": orUntitled(c.Name)}))
		v.targets = append(v.targets, ref{kindConduit, c.ID})
	}
	if !v.pick.exists(p) && len(v.targets) > 0 {
		v.pick, v.assetPick = v.targets[0], ""
	}
	v.target.Options = opts
	v.target.ClearSelected()
	for i, t := range v.targets {
		if t == v.pick {
			v.target.SetSelected(opts[i])
		}
	}

	aopts := []string{zoneItself}
	v.assets = []ref{{}}
	if v.pick.Kind == kindZone {
		for _, a := range sortedByName(p.Assets, func(a *model.Asset) string { return a.Name }) {
			if a.ZoneID == v.pick.ID {
				aopts = append(aopts, orUntitled(a.Name)+" ("+uiLabel(a.Class)+")")
				v.assets = append(v.assets, ref{kindAsset, a.ID})
			}
		}
	}
	if v.pick.Kind != kindZone || p.Asset(v.assetPick) == nil {
		v.assetPick = ""
	}
	v.asset.Options = aopts
	sel := aopts[0]
	for i, a := range v.assets {
		if a.ID != "" && a.ID == v.assetPick {
			sel = aopts[i]
		}
	}
	v.asset.SetSelected(sel)
	setSelectEnabled(v.asset, v.pick.Kind == kindZone)
	v.build()
	v.list.Refresh()
}

func setSelectEnabled(s *widget.Select, on bool) {
	if on && s.Disabled() {
		s.Enable()
	} else if !on && !s.Disabled() {
		s.Disable()
	}
}

func (v *requirementsView) onTarget(opt string) {
	if v.refreshing {
		return
	}
	for i, o := range v.target.Options {
		if o == opt && i < len(v.targets) {
			v.pick, v.assetPick = v.targets[i], ""
		}
	}
	v.refresh()
}

func (v *requirementsView) onAsset(opt string) {
	if v.refreshing {
		return
	}
	for i, o := range v.asset.Options {
		if o == opt && i < len(v.assets) {
			v.assetPick = v.assets[i].ID
		}
	}
	v.refresh()
}

// build makes the lines for the picked zone, conduit or asset.
func (v *requirementsView) build() {
	v.lines = v.lines[:0]
	p := v.sess.doc.Project
	var slt model.SLVector
	var ids []string
	what, data := "", map[string]any{}
	switch {
	case v.sess.result == nil:
		msg := tr("requirements.notAssessed")
		if v.sess.resultErr != nil {
			msg = tr("common.notAssessedBecause", map[string]string{"Error": v.sess.resultErr.Error()})
		}
		v.summary.SetText(msg)
		return
	case v.assetPick != "":
		r := v.sess.assetResult(v.assetPick)
		a := p.Asset(v.assetPick)
		if r == nil || a == nil {
			break
		}
		slt, ids = r.SLT, r.Requirements
		slc, gapText := slVectorText(r.SLC), slVectorText(r.Gap)
		if r.SLCUnknown {
			slc, gapText = tr("levels.unknown"), tr("levels.unknown")
		}
		what = "requirements.summary.asset"
		data = map[string]any{"Name": orUntitled(a.Name), "Class": strings.ToLower(uiLabel(a.Class)), "SLC": slc, "Gap": gapText, "Prefix": a.Class.Prefix()}
	case v.pick.Kind == kindZone:
		if r := v.sess.zoneResult(v.pick.ID); r != nil {
			slt, ids = r.SLT.Vector(), r.Requirements
			what, data["Name"] = "requirements.summary.zone", orUntitled(r.Name)
		}
	case v.pick.Kind == kindConduit:
		if r := v.sess.conduitResult(v.pick.ID); r != nil {
			slt, ids = r.SLT.Vector(), r.Requirements
			what, data["Name"] = "requirements.summary.conduit", orUntitled(r.Name)
		}
	}
	if what == "" {
		v.summary.SetText(tr("requirements.pick"))
		return
	}
	data["SLT"], data["N"] = slVectorText(slt), len(ids)
	v.summary.SetText(tr(what, data))
	byFR := [8][]risk.Requirement{}
	for _, id := range ids {
		if v.sess.cat == nil {
			break
		}
		if r, ok := v.sess.cat.Requirement(id); ok && r.FR.Valid() {
			byFR[r.FR] = append(byFR[r.FR], r)
		}
	}
	for _, fr := range model.AllFRs {
		v.lines = append(v.lines, reqLine{heading: true, id: fr.String(), text: tr("requirements.frHeading", map[string]any{"Title": tr("fr.title." + fr.String()), "SLT": slt.Get(fr), "N": len(byFR[fr])})})
		for _, r := range byFR[fr] {
			v.lines = append(v.lines, reqLine{id: r.ID, text: r.Title})
		}
	}
}

// slVectorText writes an SL vector as "2 2 2 1 3 2 2".
func slVectorText(v model.SLVector) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprint(x)
	}
	return "[" + strings.Join(s, " ") + "]"
}

func (v *requirementsView) updateLine(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.lines) {
		return
	}
	ln := v.lines[i]
	c := o.(*fyne.Container)
	t := c.Objects[0].(*widget.Label)
	left := c.Objects[1].(*fyne.Container)
	if w := em(8); left.Objects[0].MinSize().Width != w {
		left.Objects[0].(*canvas.Rectangle).SetMinSize(fyne.NewSize(w, 1))
	}
	id := left.Objects[1].(*widget.Label)
	imp := widget.MediumImportance
	if ln.heading {
		imp = widget.HighImportance
	}
	// Restyle only when the row changes kind; setLabel refreshes on new text.
	if t.TextStyle.Bold != ln.heading || t.Importance != imp {
		t.TextStyle.Bold = ln.heading
		t.Importance, id.Importance = imp, imp
		t.Refresh()
		id.Refresh()
	}
	setLabel(id, ln.id)
	setLabel(t, ln.text)
}
