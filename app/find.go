package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
	"zonewise/risk"
)

// findEntry is one thing Find can jump to: a model object (r) or a
// catalogue requirement (req).
type findEntry struct {
	r   ref
	req string
	// kind and display are what the result line shows (the line is
	// formatted when shown: most entries never are); hay is what a query is
	// matched against, lower case: name, ID and, for assets and zones,
	// addresses.
	kind, display, hay string
	// name is the lower-case name, for ranking prefix matches first.
	name string
}

// label is the result line: "Zone: Cell 1".
func (e *findEntry) label() string {
	return tr("find.result", map[string]string{"Kind": e.kind, "Name": e.display})
}

// findIndex is every findable thing of a project and the catalogue, built
// once when Find opens: a query then scans plain strings and allocates
// nothing per entry (10,000 assets stay well within a keystroke).
type findIndex struct {
	entries []findEntry
}

// buildFindIndex lists zones, assets, conduits, scenarios and the
// catalogue's requirements, each kind sorted by name.
func buildFindIndex(p *model.Project, cat *risk.Catalog) *findIndex {
	x := &findIndex{entries: make([]findEntry, 0, len(p.Zones)+len(p.Assets)+len(p.Conduits)+len(p.Scenarios)+200)}
	add := func(r ref, kindLabel, name string, extra ...string) {
		n := orUntitled(oneLine(name))
		hay := strings.ToLower(n + "\x00" + string(r.ID) + "\x00" + strings.Join(extra, "\x00"))
		x.entries = append(x.entries, findEntry{r: r, kind: kindLabel, display: n, hay: hay, name: strings.ToLower(n)})
	}
	kZone, kAsset, kConduit, kScenario := tr("find.kind.zone"), tr("find.kind.asset"), tr("find.kind.conduit"), tr("find.kind.scenario")
	for _, z := range sortedByName(p.Zones, func(z *model.Zone) string { return z.Name }) {
		add(ref{kindZone, z.ID}, kZone, z.Name, z.Subnets...)
	}
	for _, a := range sortedByName(p.Assets, func(a *model.Asset) string { return a.Name }) {
		extra := append([]string{a.Hostname, a.MAC, a.Vendor, a.Model}, a.IPs...)
		add(ref{kindAsset, a.ID}, kAsset, a.Name, extra...)
	}
	for _, c := range sortedByName(p.Conduits, func(c *model.Conduit) string { return c.Name }) {
		add(ref{kindConduit, c.ID}, kConduit, c.Name)
	}
	for _, s := range sortedByName(p.Scenarios, func(s *model.ThreatScenario) string { return s.Name }) {
		add(ref{kindScenario, s.ID}, kScenario, s.Name)
	}
	if cat != nil {
		kReq := tr("find.kind.requirement")
		for _, list := range [][]risk.Requirement{cat.System, cat.Component} {
			for _, rq := range list {
				x.entries = append(x.entries, findEntry{
					req:     rq.ID,
					kind:    kReq,
					display: rq.ID + " " + rq.Title,
					hay:     strings.ToLower(rq.ID + "\x00" + rq.Title),
					name:    strings.ToLower(rq.ID),
				})
			}
		}
	}
	return x
}

// match returns the entries matching every word of q (case-insensitive
// substrings of name, ID or address), names starting with the query first,
// at most limit of them, and the number of matches in all.
func (x *findIndex) match(q string, limit int) (out []int, total int) {
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return nil, 0
	}
	whole := strings.Join(words, " ")
	var later []int
	for i := range x.entries {
		e := &x.entries[i]
		ok := true
		for _, w := range words {
			if !strings.Contains(e.hay, w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		total++
		switch {
		case strings.HasPrefix(e.name, whole) && len(out) < limit:
			out = append(out, i)
		case len(later) < limit:
			later = append(later, i)
		}
	}
	out = append(out, later...)
	return out[:min(len(out), limit)], total
}

// findLimit bounds the result list: a query that matches more is made
// narrower by typing, not by scrolling thousands of rows.
const findLimit = 200

// finder is the Find box (Ctrl+F): a query field over a result list.
type finder struct {
	u       *ui
	index   *findIndex
	entry   *widget.Entry
	list    *widget.List
	count   *widget.Label
	results []int
	dlg     dialog.Dialog
}

// showFind opens the Find box on the current project (Edit ▸ Find…).
func (u *ui) showFind() { u.openFind() }

// openFind opens the Find box and returns it.
func (u *ui) openFind() *finder {
	f := &finder{u: u, index: buildFindIndex(u.doc.Project, u.cat)}
	f.entry = widget.NewEntry()
	f.entry.SetPlaceHolder(tr("find.placeholder"))
	f.entry.OnChanged = f.search
	f.entry.OnSubmitted = func(string) {
		if len(f.results) > 0 {
			f.choose(f.results[0])
		}
	}
	f.count = widget.NewLabel(tr("find.hint"))
	f.list = widget.NewList(func() int { return len(f.results) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(f.results) {
				o.(*widget.Label).SetText(f.index.entries[f.results[i]].label())
			}
		})
	f.list.OnSelected = func(i widget.ListItemID) {
		if i < len(f.results) {
			f.choose(f.results[i])
		}
	}
	top := container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), nil, f.entry)
	content := container.NewBorder(container.NewVBox(top, f.count), nil, nil, nil, f.list)
	f.dlg = dialog.NewCustom(tr("find.title"), tr("common.close"), content, u.win)
	s := u.win.Canvas().Size()
	f.dlg.Resize(fyne.NewSize(min(em(40), s.Width*0.9), min(em(30), s.Height*0.85)))
	f.dlg.Show()
	u.win.Canvas().Focus(f.entry)
	return f
}

// search updates the result list for the query q.
func (f *finder) search(q string) {
	var total int
	f.results, total = f.index.match(q, findLimit)
	switch {
	case strings.TrimSpace(q) == "":
		f.count.SetText(tr("find.hint"))
	case total > len(f.results):
		f.count.SetText(tr("find.countMore", map[string]any{"N": len(f.results), "Total": total}))
	default:
		f.count.SetText(tr("find.count", map[string]any{"N": total}))
	}
	f.list.UnselectAll()
	f.list.Refresh()
	if len(f.results) > 0 {
		f.list.ScrollToTop()
	}
}

// choose closes the box and goes to entry i: it selects the object, shows a
// view that draws it (the canvas for zones, assets and conduits unless the
// open view follows the selection itself), centres and zooms the canvas on
// it; a requirement opens in the Requirements view.
func (f *finder) choose(i int) {
	e := f.index.entries[i]
	f.dlg.Hide()
	f.u.goToFound(e)
}

// goToFound brings a Find result into view everywhere.
func (u *ui) goToFound(e findEntry) {
	if e.req != "" {
		u.selectView("requirements")
		for _, v := range u.views {
			if rv, ok := v.(*requirementsView); ok {
				rv.showRequirement(e.req)
			}
		}
		return
	}
	if !e.r.exists(u.doc.Project) {
		return
	}
	cur := ""
	if sel := u.tabs.Selected(); sel != nil {
		for i, v := range u.views {
			if u.tabs.Items[i] == sel {
				cur = v.key()
			}
		}
	}
	switch e.r.Kind {
	case kindScenario:
		u.selectView("threats")
	case kindZone, kindAsset, kindConduit:
		if !slices.Contains([]string{"canvas", "levels", "requirements", "countermeasures"}, cur) {
			u.selectView("canvas")
		}
	}
	u.selectOnly(e.r)
	u.canvas.zoomTo(e.r)
}

// showRequirement picks requirement id in the list when the zone or
// conduit shown selects it, and shows its summary in any case.
func (v *requirementsView) showRequirement(id string) {
	v.refresh()
	if i := slices.IndexFunc(v.lines, func(l reqLine) bool { return !l.heading && l.id == id }); i >= 0 {
		v.list.Select(i)
		v.list.ScrollTo(i)
		return
	}
	if v.sess.cat == nil {
		return
	}
	if r, ok := v.sess.cat.Requirement(id); ok {
		v.list.UnselectAll()
		v.detail.SetText(tr("find.requirementNotSelected", map[string]any{
			"ID": r.ID, "Title": r.Title, "Standard": r.Standard, "SL": r.MinSL, "Summary": r.Summary,
		}))
	}
}
