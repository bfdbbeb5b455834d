package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// Tree node IDs: fixed branch names, or a one-letter kind prefix and the
// object ID ("z:…" zone, "a:…" asset, "c:…" conduit, "s:…" scenario,
// "t:…" threat actor, "d:…" decision).
const (
	nodeProject   = "project"
	nodeZones     = "zones"
	nodeConduits  = "conduits"
	nodeScenarios = "scenarios"
	nodeActors    = "actors"
	nodeDecisions = "decisions"
)

var kindPrefix = map[kind]string{
	kindZone: "z:", kindAsset: "a:", kindConduit: "c:", kindScenario: "s:",
	kindActor: "t:", kindDecision: "d:", kindCountermeasure: "m:",
}

func nodeOf(r ref) string {
	if r.Kind == kindProject {
		return nodeProject
	}
	if p, ok := kindPrefix[r.Kind]; ok {
		return p + string(r.ID)
	}
	return ""
}

func refOfNode(uid string) ref {
	if uid == nodeProject {
		return ref{Kind: kindProject}
	}
	for k, p := range kindPrefix {
		if strings.HasPrefix(uid, p) {
			return ref{k, model.ID(strings.TrimPrefix(uid, p))}
		}
	}
	return ref{}
}

// projectTree is the project tree on the left: the project, zones ▸ child
// zones and assets, conduits, threat scenarios, threat actors, decisions.
type projectTree struct {
	sess *session
	tree *keyTree

	// index, rebuilt from the model on every refresh
	children map[string][]string
	labels   map[string]string
	parent   map[string]string
	selected string
}

// newProjectTree builds the tree; onKey handles the keys the window
// handles (Delete, F5, F1), which the plain tree would swallow.
func newProjectTree(sess *session, onKey func(*fyne.KeyEvent)) *projectTree {
	t := &projectTree{sess: sess, children: map[string][]string{}, labels: map[string]string{}, parent: map[string]string{}}
	t.tree = &keyTree{onKey: onKey}
	t.tree.ChildUIDs, t.tree.IsBranch = t.childUIDs, t.isBranch
	t.tree.CreateNode, t.tree.UpdateNode = t.createNode, t.updateNode
	t.tree.ExtendBaseWidget(t.tree)
	t.tree.OnSelected = t.onNodeSelected
	t.tree.OpenBranch(nodeZones)
	return t
}

func (t *projectTree) object() fyne.CanvasObject { return t.tree }

// keyTree is a widget.Tree that also deletes the selection on Delete and
// passes F5 and F1 on, which the plain tree swallows while focused.
type keyTree struct {
	widget.Tree
	onKey func(*fyne.KeyEvent)
}

// TypedKey implements fyne.Focusable.
func (t *keyTree) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyF5, fyne.KeyF1:
		t.onKey(ev)
	default:
		t.Tree.TypedKey(ev)
	}
}

func (t *projectTree) childUIDs(uid string) []string {
	if uid == "" {
		return []string{nodeProject, nodeZones, nodeConduits, nodeScenarios, nodeActors, nodeDecisions}
	}
	return t.children[uid]
}

func (t *projectTree) isBranch(uid string) bool {
	switch uid {
	case "", nodeZones, nodeConduits, nodeScenarios, nodeActors, nodeDecisions:
		return true
	}
	return len(t.children[uid]) > 0
}

func (t *projectTree) createNode(bool) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, l)
}

func (t *projectTree) updateNode(uid string, _ bool, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	l := c.Objects[0].(*widget.Label)
	icon := c.Objects[1].(*widget.Icon)
	if text := t.labels[uid]; l.Text != text { // SetText re-measures: skip when unchanged
		l.SetText(text)
	}
	if r := nodeIcon(uid); icon.Resource != r {
		icon.SetResource(r)
	}
}

func nodeIcon(uid string) fyne.Resource {
	switch uid {
	case nodeProject:
		return theme.HomeIcon()
	case nodeZones:
		return theme.ViewFullScreenIcon()
	case nodeConduits:
		return theme.MoreHorizontalIcon()
	case nodeScenarios:
		return theme.WarningIcon()
	case nodeActors:
		return theme.AccountIcon()
	case nodeDecisions:
		return theme.DocumentCreateIcon()
	}
	switch refOfNode(uid).Kind {
	case kindZone:
		return theme.FolderIcon()
	case kindAsset:
		return theme.ComputerIcon()
	case kindConduit:
		return theme.MoreHorizontalIcon()
	case kindScenario:
		return theme.WarningIcon()
	case kindActor:
		return theme.AccountIcon()
	case kindDecision:
		return theme.DocumentIcon()
	}
	return nil
}

func (t *projectTree) onNodeSelected(uid string) {
	if t.sess.refreshing {
		return
	}
	r := refOfNode(uid)
	if r.Kind == kindNone {
		return // a branch heading: nothing to edit
	}
	t.selected = uid
	t.sess.goTo(r)
}

// rebuild recomputes the index from the model.
func (t *projectTree) rebuild() {
	p := t.sess.doc.Project
	clear(t.children)
	clear(t.labels)
	clear(t.parent)
	t.labels[nodeProject] = "Project: " + oneLine(orUntitled(p.Name))
	t.labels[nodeZones] = fmt.Sprintf("Zones (%d)", len(p.Zones))
	t.labels[nodeConduits] = fmt.Sprintf("Conduits (%d)", len(p.Conduits))
	t.labels[nodeScenarios] = fmt.Sprintf("Threat scenarios (%d)", len(p.Scenarios))
	t.labels[nodeActors] = fmt.Sprintf("Threat actors (%d)", len(p.Actors))
	t.labels[nodeDecisions] = fmt.Sprintf("Decisions (%d)", len(p.Decisions))

	add := func(parent, uid, label string) {
		t.children[parent] = append(t.children[parent], uid)
		t.labels[uid] = oneLine(label)
		t.parent[uid] = parent
	}
	zones := slices.Clone(p.Zones)
	slices.SortFunc(zones, func(a, b model.Zone) int {
		return cmp.Or(cmp.Compare(a.PurdueLevel, b.PurdueLevel)*-1, strings.Compare(a.Name, b.Name), strings.Compare(string(a.ID), string(b.ID)))
	})
	exists := func(id model.ID) bool { return id != "" && p.Zone(id) != nil }
	for _, z := range zones {
		parent := nodeZones
		if exists(z.ParentID) && !inCycle(p, z.ID) {
			parent = "z:" + string(z.ParentID)
		}
		add(parent, "z:"+string(z.ID), orUntitled(z.Name))
	}
	assets := sortedByName(p.Assets, func(a *model.Asset) string { return a.Name })
	for _, a := range assets {
		parent := "z:" + string(a.ZoneID)
		if !exists(a.ZoneID) {
			parent = nodeZones // an asset in no zone still shows (validation flags it)
		}
		add(parent, "a:"+string(a.ID), orUntitled(a.Name))
	}
	for _, c := range sortedByName(p.Conduits, func(c *model.Conduit) string { return c.Name }) {
		add(nodeConduits, "c:"+string(c.ID), orUntitled(c.Name))
	}
	for _, s := range sortedByName(p.Scenarios, func(s *model.ThreatScenario) string { return s.Name }) {
		add(nodeScenarios, "s:"+string(s.ID), orUntitled(s.Name))
	}
	for _, a := range sortedByName(p.Actors, func(a *model.ThreatActor) string { return a.Name }) {
		add(nodeActors, "t:"+string(a.ID), fmt.Sprintf("%s (SL %d)", orUntitled(a.Name), a.Capability))
	}
	ds := slices.Clone(p.Decisions)
	slices.SortFunc(ds, func(a, b model.Decision) int {
		return cmp.Or(strings.Compare(a.At, b.At), strings.Compare(string(a.ID), string(b.ID)))
	})
	for _, d := range ds {
		add(nodeDecisions, "d:"+string(d.ID), orUntitled(d.Subject))
	}
}

// refresh rebuilds the index, redraws, and follows the selection.
func (t *projectTree) refresh() {
	t.rebuild()
	t.tree.Refresh()
	want := nodeOf(t.sess.sel.primary())
	if want == t.selected {
		return
	}
	t.selected = want
	if want == "" {
		t.tree.UnselectAll()
		return
	}
	for p, n := t.parent[want], 0; p != "" && n < len(t.parent); p, n = t.parent[p], n+1 {
		t.tree.OpenBranch(p)
	}
	t.tree.Select(want)
	t.tree.ScrollTo(want)
}

// inCycle reports whether the chain of parents above zone id loops (a bad
// file; validation reports it). Such zones are shown at the top level.
func inCycle(p *model.Project, id model.ID) bool {
	seen := map[model.ID]bool{}
	for z := p.Zone(id); z != nil && z.ParentID != ""; z = p.Zone(z.ParentID) {
		if seen[z.ID] {
			return true
		}
		seen[z.ID] = true
	}
	return false
}

func orUntitled(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(unnamed)"
	}
	return s
}

// sortedByName returns pointers into s sorted by name (case-insensitive),
// then by position. Keys are computed once: this runs on every refresh.
func sortedByName[T any](s []T, name func(*T) string) []*T {
	type keyed struct {
		key string
		p   *T
	}
	ks := make([]keyed, len(s))
	for i := range s {
		ks[i] = keyed{strings.ToLower(name(&s[i])), &s[i]}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	out := make([]*T, len(s))
	for i := range ks {
		out[i] = ks[i].p
	}
	return out
}

// oneLine keeps a name on its tree row: line breaks and tabs in a name
// become spaces (the properties panel shows the name as written).
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\v', '\f':
			return ' '
		}
		return r
	}, s)
}
