package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// Tree node IDs: the project, a kind's branch heading ("zones"), or the
// kind's prefix and the object ID ("z:…"; kindInfo.prefix).
const (
	nodeProject   = "project"
	nodeZones     = "zones"
	nodeConduits  = "conduits"
	nodeScenarios = "scenarios"
	nodeActors    = "actors"
	nodeDecisions = "decisions"
)

func nodeOf(r ref) string {
	if r.Kind == kindProject {
		return nodeProject
	}
	if d := kindOf(r.Kind); d != nil && d.prefix != "" {
		return d.prefix + string(r.ID)
	}
	return ""
}

func refOfNode(uid string) ref {
	if uid == nodeProject {
		return ref{Kind: kindProject}
	}
	for _, d := range kindTable {
		if d.prefix != "" && strings.HasPrefix(uid, d.prefix) {
			return ref{d.kind, model.ID(strings.TrimPrefix(uid, d.prefix))}
		}
	}
	return ref{}
}

// branches lists the tree's top-level nodes: the project, then one heading
// per kind that has one, in the order of kindTable.
func branches() []string {
	out := []string{nodeProject}
	for _, d := range kindTable {
		if d.heading != "" {
			out = append(out, d.branch)
		}
	}
	return out
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
	// stamp is the projectStamp the index was built from (built: at all)
	stamp uint64
	built bool
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
		return branches()
	}
	return t.children[uid]
}

func (t *projectTree) isBranch(uid string) bool {
	return uid == "" || slices.Contains(branches()[1:], uid) || len(t.children[uid]) > 0
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
	if uid == nodeProject {
		return theme.HomeIcon()
	}
	for _, d := range kindTable {
		if d.heading != "" && uid == d.branch {
			return d.headIcon()
		}
	}
	if d := kindOf(refOfNode(uid).Kind); d != nil && d.icon != nil {
		return d.icon()
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

// rebuild recomputes the index from the model: each kind's rows, under
// their parent's row or the kind's branch.
func (t *projectTree) rebuild() {
	p := t.sess.doc.Project
	clear(t.children)
	clear(t.labels)
	clear(t.parent)
	t.labels[nodeProject] = tr("tree.project", map[string]string{"Name": oneLine(orUntitled(p.Name))})
	for _, d := range kindTable {
		if d.rows == nil {
			continue
		}
		if d.heading != "" {
			t.labels[d.branch] = fmt.Sprintf("%s (%d)", d.heading, len(d.ids(p)))
		}
		for _, row := range d.rows(p) {
			parent := d.branch
			if row.parent.Kind != kindNone {
				parent = nodeOf(row.parent)
			}
			uid := d.prefix + string(row.id)
			t.children[parent] = append(t.children[parent], uid)
			t.labels[uid] = oneLine(row.label)
			t.parent[uid] = parent
		}
	}
}

// refresh rebuilds the index and redraws when what the tree lists has
// changed (projectStamp), and follows the selection.
func (t *projectTree) refresh() {
	if st := projectStamp(t.sess.doc.Project); st != t.stamp || !t.built {
		t.stamp, t.built = st, true
		t.rebuild()
		t.tree.Refresh()
	}
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
		return tr("common.unnamed")
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
