package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"zonewise/model"
)

// kindInfo describes one kind of selectable object: everything the window
// needs to name it, find it, list it in the tree, edit it in the properties
// panel, aim a scenario at it and delete it. Adding a kind of object (a
// vulnerability register, say) is one new entry in kindTable.
type kindInfo struct {
	kind kind
	// noun is the lower-case name of the kind, as in "Delete zone" and
	// "3 zones".
	noun string
	// title heads the properties panel: "Zone: Cell 1".
	title string

	// find returns the object's display name and whether it exists.
	find func(p *model.Project, id model.ID) (name string, ok bool)
	// ids lists the objects of the kind (nil for the project itself).
	ids func(p *model.Project) []model.ID
	// remove builds the command deleting the object and everything that
	// would dangle without it (nil: the kind cannot be deleted).
	remove func(p *model.Project, id model.ID) (model.Command, error)

	// build makes the properties panel's content for one object.
	build func(pp *propertiesPanel, id model.ID) fyne.CanvasObject
	// shape summarises what decides the panel's layout (nil: the layout
	// never changes): when it changes the panel is rebuilt, not reloaded.
	shape func(p *model.Project, id model.ID) string

	// prefix starts the tree node IDs of the kind ("z:" and the object ID).
	prefix string
	// icon is the icon of the kind's tree rows.
	icon func() fyne.Resource
	// branch is the tree node the kind's rows hang under when they have no
	// parent ("" when the kind is not in the tree); heading, when set, is the
	// label of that branch, which then belongs to the kind, with headIcon.
	branch, heading string
	headIcon        func() fyne.Resource
	// rows lists the kind's tree rows in order.
	rows func(p *model.Project) []treeRow

	// target is what a threat scenario aimed at the object targets (""
	// when a scenario cannot target the kind).
	target model.TargetKind
	// zoneOf is the zone the object is in, itself for a zone (nil: none).
	zoneOf func(p *model.Project, id model.ID) model.ID

	// describe is the canvas hint line for the object under the pointer
	// (nil: the canvas does not draw the kind).
	describe func(s *session, id model.ID) string
	// drawn is where the canvas draws the object, for bringing it into
	// view (nil: nowhere to pan to).
	drawn func(c *zoneCanvas, id model.ID) (model.Rect, bool)
}

// treeRow is one object's row in the project tree; parent, when set, is
// the object whose row it hangs under (a zone for child zones and assets).
type treeRow struct {
	id     model.ID
	parent ref
	label  string
}

// kindTable lists every kind in order: the tree shows the branches in this
// order and a delete confirmation counts objects in it. It is filled in
// init because the properties builders refer back to it through ref.name.
var kindTable []*kindInfo

func init() {
	kindTable = []*kindInfo{
		{
			kind: kindProject, noun: tr("kind.project.noun"), title: tr("kind.project.title"),
			find:  func(p *model.Project, _ model.ID) (string, bool) { return p.Name, true },
			build: func(pp *propertiesPanel, _ model.ID) fyne.CanvasObject { return pp.buildProject() },
			shape: func(p *model.Project, _ model.ID) string {
				return fmt.Sprint(len(p.Approvals), len(p.Matrix.Likelihoods), len(p.Matrix.Consequences), len(p.Matrix.Categories))
			},
		},
		objectKind(kindZone, tr("kind.zone.title"), func(z *model.Zone) string { return z.Name }, &kindInfo{
			build: (*propertiesPanel).buildZone,
			shape: shapeOf(func(p *model.Project, z *model.Zone) string {
				return fmt.Sprint(len(z.EssentialFunctions), len(z.Roles), len(z.SLTOverrides))
			}),
			prefix: "z:", icon: theme.FolderIcon,
			branch: nodeZones, heading: tr("kind.zone.heading"), headIcon: theme.ViewFullScreenIcon,
			rows:   zoneRows,
			target: model.TargetZone,
			zoneOf: func(_ *model.Project, id model.ID) model.ID { return id },
			describe: func(s *session, id model.ID) string {
				z := s.doc.Project.Zone(id)
				if z == nil {
					return ""
				}
				if zr := s.zoneResult(id); zr != nil {
					return tr("kind.zone.describe", map[string]string{"Name": z.Name, "SLT": zr.SLT.Vector().String(), "SLA": zr.SLA.Vector().String(), "Gap": zr.Gap.String()})
				}
				return z.Name
			},
			drawn: func(c *zoneCanvas, id model.ID) (model.Rect, bool) {
				if z := c.sess.doc.Project.Zone(id); z != nil {
					return z.Bounds, true
				}
				return model.Rect{}, false
			},
		}),
		objectKind(kindAsset, tr("kind.asset.title"), func(a *model.Asset) string { return a.Name }, &kindInfo{
			build: (*propertiesPanel).buildAsset,
			shape: shapeOf(func(_ *model.Project, a *model.Asset) string { return string(a.Class) }),
			// An asset hangs under its zone; one in no zone still shows,
			// under Zones (validation flags it).
			prefix: "a:", icon: theme.ComputerIcon, branch: nodeZones,
			rows: func(p *model.Project) []treeRow {
				var out []treeRow
				for _, a := range sortedByName(p.Assets, func(a *model.Asset) string { return a.Name }) {
					row := treeRow{id: a.ID, label: orUntitled(a.Name)}
					if a.ZoneID != "" && p.Zone(a.ZoneID) != nil {
						row.parent = ref{kindZone, a.ZoneID}
					}
					out = append(out, row)
				}
				return out
			},
			target: model.TargetAsset,
			zoneOf: func(p *model.Project, id model.ID) model.ID {
				if a := p.Asset(id); a != nil {
					return a.ZoneID
				}
				return ""
			},
			describe: func(s *session, id model.ID) string {
				a := s.doc.Project.Asset(id)
				if a == nil {
					return ""
				}
				d := fmt.Sprintf("%s — %s", a.Name, uiLabel(a.Class))
				if a.Vendor != "" || a.Model != "" {
					d += " · " + strings.TrimSpace(a.Vendor+" "+a.Model)
				}
				if a.SLCSource == model.SLCUnknown {
					return tr("kind.asset.describeSLC", map[string]string{"Description": d, "SLC": tr("levels.unknown")})
				}
				return tr("kind.asset.describeSLC", map[string]string{"Description": d, "SLC": a.SLC.String()})
			},
			drawn: func(c *zoneCanvas, id model.ID) (model.Rect, bool) {
				tl, ok := c.assetRects[id] // a chip hidden behind "+N more" has none
				if !ok {
					return model.Rect{}, false
				}
				x, y := c.toModel(tl[0])
				return model.Rect{X: x, Y: y, W: assetW, H: assetH}, true
			},
		}),
		objectKind(kindConduit, tr("kind.conduit.title"), func(c *model.Conduit) string { return c.Name }, &kindInfo{
			build: (*propertiesPanel).buildConduit,
			shape: shapeOf(func(p *model.Project, c *model.Conduit) string {
				return fmt.Sprint(len(c.Flows), len(c.SLTOverrides), len(c.ZoneIDs), len(p.Zones))
			}),
			prefix: "c:", icon: theme.MoreHorizontalIcon,
			branch: nodeConduits, heading: tr("kind.conduit.heading"), headIcon: theme.MoreHorizontalIcon,
			rows:   namedRows(func(p *model.Project) []model.Conduit { return p.Conduits }, func(c *model.Conduit) string { return c.Name }, nil),
			target: model.TargetConduit,
			describe: func(s *session, id model.ID) string {
				if cd := s.doc.Project.Conduit(id); cd != nil {
					return tr("kind.conduit.describe", map[string]any{"Name": cd.Name, "Type": uiLabel(cd.Type), "N": len(cd.Flows)})
				}
				return ""
			},
		}),
		objectKind(kindScenario, tr("kind.scenario.title"), func(s *model.ThreatScenario) string { return s.Name }, &kindInfo{
			build: (*propertiesPanel).buildScenario,
			shape: shapeOf(func(p *model.Project, s *model.ThreatScenario) string {
				return fmt.Sprint(s.TargetKind, len(p.Matrix.Categories), len(p.Matrix.Likelihoods), len(s.Countermeasures))
			}),
			prefix: "s:", icon: theme.WarningIcon,
			branch: nodeScenarios, heading: tr("kind.scenario.heading"), headIcon: theme.WarningIcon,
			rows: namedRows(func(p *model.Project) []model.ThreatScenario { return p.Scenarios }, func(s *model.ThreatScenario) string { return s.Name }, nil),
		}),
		objectKind(kindActor, tr("kind.actor.title"), func(a *model.ThreatActor) string { return a.Name }, &kindInfo{
			build:  (*propertiesPanel).buildActor,
			prefix: "t:", icon: theme.AccountIcon,
			branch: nodeActors, heading: tr("kind.actor.heading"), headIcon: theme.AccountIcon,
			rows: namedRows(func(p *model.Project) []model.ThreatActor { return p.Actors }, func(a *model.ThreatActor) string { return a.Name },
				func(a *model.ThreatActor) string {
					return actorLabel(a)
				}),
		}),
		objectKind(kindDecision, tr("kind.decision.title"), func(d *model.Decision) string { return d.Subject }, &kindInfo{
			build:  (*propertiesPanel).buildDecision,
			prefix: "d:", icon: theme.DocumentIcon,
			branch: nodeDecisions, heading: tr("kind.decision.heading"), headIcon: theme.DocumentCreateIcon,
			rows: func(p *model.Project) []treeRow { // in the order they were logged
				ds := slices.Clone(p.Decisions)
				slices.SortFunc(ds, func(a, b model.Decision) int {
					return cmp.Or(strings.Compare(a.At, b.At), strings.Compare(string(a.ID), string(b.ID)))
				})
				out := make([]treeRow, len(ds))
				for i, d := range ds {
					out[i] = treeRow{id: d.ID, label: orUntitled(d.Subject)}
				}
				return out
			},
		}),
		// Countermeasures are reached from the Countermeasures view and the
		// scenarios, not listed in the tree.
		objectKind(kindCountermeasure, tr("kind.countermeasure.title"), func(c *model.CountermeasureInstance) string { return c.MeasureID }, &kindInfo{
			build:  (*propertiesPanel).buildCountermeasure,
			prefix: "m:",
		}),
		vulnerabilityKind(),
	}
}

// objectKind fills in what every kind of model object has in common (noun,
// find, ids, remove) from the model's generic functions; d holds the rest.
func objectKind[T model.Object](k kind, title string, name func(*T) string, d *kindInfo) *kindInfo {
	d.kind, d.title, d.noun = k, title, model.KindName[T]()
	d.find = func(p *model.Project, id model.ID) (string, bool) {
		x, _ := model.Find[T](p, id)
		if x == nil {
			return "", false
		}
		return name(x), true
	}
	d.ids = func(p *model.Project) []model.ID {
		s := *model.Collection[T](p)
		out := make([]model.ID, len(s))
		for i := range s {
			out[i] = model.ObjectID(&s[i])
		}
		return out
	}
	d.remove = func(p *model.Project, id model.ID) (model.Command, error) { return model.RemoveCascade[T](p, id) }
	return d
}

// shapeOf makes a kindInfo.shape from a function of the object.
func shapeOf[T model.Object](f func(*model.Project, *T) string) func(*model.Project, model.ID) string {
	return func(p *model.Project, id model.ID) string {
		if x, _ := model.Find[T](p, id); x != nil {
			return f(p, x)
		}
		return ""
	}
}

// namedRows makes a kindInfo.rows listing the objects by name; label, when
// set, writes the row (else the name).
func namedRows[T model.Object](list func(*model.Project) []T, name func(*T) string, label func(*T) string) func(*model.Project) []treeRow {
	return func(p *model.Project) []treeRow {
		var out []treeRow
		for _, x := range sortedByName(list(p), name) {
			l := orUntitled(name(x))
			if label != nil {
				l = label(x)
			}
			out = append(out, treeRow{id: model.ObjectID(x), label: l})
		}
		return out
	}
}

// zoneRows lists zones from the highest Purdue level down, each under its
// parent zone; a zone whose parent is missing or whose chain of parents
// loops (a bad file, which validation reports) is shown at the top.
func zoneRows(p *model.Project) []treeRow {
	zones := slices.Clone(p.Zones)
	slices.SortFunc(zones, func(a, b model.Zone) int {
		return cmp.Or(cmp.Compare(a.PurdueLevel, b.PurdueLevel)*-1, strings.Compare(a.Name, b.Name), strings.Compare(string(a.ID), string(b.ID)))
	})
	out := make([]treeRow, len(zones))
	for i, z := range zones {
		out[i] = treeRow{id: z.ID, label: orUntitled(z.Name)}
		if z.ParentID != "" && p.Zone(z.ParentID) != nil && !inCycle(p, z.ID) {
			out[i].parent = ref{kindZone, z.ParentID}
		}
	}
	return out
}

// kindOfTarget is the kind of object a scenario target kind names.
func kindOfTarget(t model.TargetKind) kind {
	for _, d := range kindTable {
		if d.target == t {
			return d.kind
		}
	}
	return kindNone
}

// kindOf returns the description of k, or nil for kindNone.
func kindOf(k kind) *kindInfo {
	for _, d := range kindTable {
		if d.kind == k {
			return d
		}
	}
	return nil
}
