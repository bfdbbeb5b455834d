package render

import (
	"cmp"
	"slices"
	"strings"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/risk"
)

// View chooses what a diagram shows: the whole plant (the zero View), or one
// zone (Focus) with the zones nested in it and every zone it shares a conduit
// with.
type View struct {
	Focus model.ID
	// Compact cards show how many assets of each class a zone holds
	// instead of listing them, so that a whole plant fits a printed page
	// at a readable size.
	Compact bool
	// Zones, when set, draws part of the plant: these zones as cards and
	// the zones they share a conduit with as neighbour boxes (name and
	// type only). Focus is ignored then.
	Zones []model.ID
	// Detail draws the Focus zone's neighbours as neighbour boxes, for a
	// detail drawing of one zone in a document.
	Detail bool
	// Lang is the language of the diagram's own words (title line, band
	// names, legend); empty is English.
	Lang i18n.Lang
}

// scene is the part of a project a view draws, in a deterministic order.
type scene struct {
	c        *i18n.Catalog // the diagram's language
	zones    []*model.Zone // by Purdue level (top first), then name, then ID
	conduits []*model.Conduit
	assets   map[model.ID][]*model.Asset // by zone, by name then ID
	children map[model.ID][]*model.Zone  // nested zones shown in the scene
	parent   map[model.ID]model.ID       // parent shown in the scene, or ""
	shown    map[model.ID]bool
	result   map[model.ID]*zoneSL
	// allAssets lists every asset on its zone's card (for Layout) instead of
	// the first maxAssetRows.
	allAssets bool
	// compact lists no assets on the cards, only their number (View.Compact).
	compact bool
	// focus is the zone a detail view shows ("" for the whole plant) and
	// core the focus with the zones nested in it; the other zones of a
	// detail view are its neighbours.
	focus model.ID
	core  map[model.ID]bool
	// stubs draws the zones outside core as neighbour boxes (View.Detail
	// and View.Zones).
	stubs bool
	// drawing marks a scene laid out for Draw or AutoLayout: Graphviz's
	// xdot/JSON output loses the rest of a node's drawing after a text with
	// a backslash, so label text shows U+2216 (∖) instead.
	drawing bool
	// boxes, when set, are the measured cards: the DOT then holds
	// fixed-size boxes for zones and conduits (see board.go).
	boxes *boxes
	// direct draws a conduit between two zones as one line from zone to
	// zone with its label on it, instead of a label node between two
	// lines: for boards of more than largeGraphNodes zones and conduits,
	// where the label nodes doubled Graphviz's work.
	direct  bool
	mids    map[int]pt // the middle of each direct conduit's line, by index
	byDOTID map[string]int
}

// drawingText swaps backslashes for the look-alike U+2216 SET MINUS.
func drawingText(s string) string { return strings.ReplaceAll(s, `\`, "∖") }

// zoneSL is what the diagram needs of a zone's assessment.
type zoneSL struct {
	slt, gap model.SLVector
}

func newScene(p *model.Project, r *risk.Result, v View) *scene {
	s := &scene{
		c:        i18n.For(cmp.Or(v.Lang, i18n.EN)),
		assets:   map[model.ID][]*model.Asset{},
		children: map[model.ID][]*model.Zone{},
		parent:   map[model.ID]model.ID{},
		shown:    map[model.ID]bool{},
		result:   map[model.ID]*zoneSL{},
		compact:  v.Compact,
	}
	if r != nil {
		for i := range r.Zones {
			zr := &r.Zones[i]
			s.result[zr.ZoneID] = &zoneSL{slt: zr.SLT.Vector(), gap: zr.Gap}
		}
	}
	byID := map[model.ID]*model.Zone{}
	for i := range p.Zones {
		byID[p.Zones[i].ID] = &p.Zones[i]
	}
	core := map[model.ID]bool{}
	for _, id := range v.Zones {
		if byID[id] != nil {
			core[id] = true
		}
	}
	// Which zones: all, a part, or the focus, its descendants and their
	// neighbours.
	switch {
	case len(core) > 0:
		for id := range core {
			s.shown[id] = true
		}
		for i := range p.Conduits {
			c := &p.Conduits[i]
			if touches(c, core) {
				for _, id := range c.ZoneIDs {
					if byID[id] != nil {
						s.shown[id] = true
					}
				}
			}
		}
		s.core, s.stubs = core, true
	case v.Focus == "" || byID[v.Focus] == nil:
		for id := range byID {
			s.shown[id] = true
		}
	default:
		core[v.Focus] = true
		for changed := true; changed; { // descendants, cycle-safe
			changed = false
			for id, z := range byID {
				if !core[id] && core[z.ParentID] {
					core[id], changed = true, true
				}
			}
		}
		for id := range core {
			s.shown[id] = true
		}
		s.focus, s.core, s.stubs = v.Focus, core, v.Detail
		for i := range p.Conduits {
			c := &p.Conduits[i]
			if touches(c, core) {
				for _, id := range c.ZoneIDs {
					if byID[id] != nil {
						s.shown[id] = true
					}
				}
			}
		}
	}
	for id := range s.shown {
		s.zones = append(s.zones, byID[id])
	}
	slices.SortFunc(s.zones, compareZones)
	// Nesting: a parent is drawn only when it is shown and no cycle leads back.
	looping := loops(byID)
	depth := depths(byID, looping)
	for _, z := range s.zones {
		if z.ParentID != "" && s.shown[z.ParentID] && !looping[z.ID] && depth[z.ID] <= maxNesting {
			s.parent[z.ID] = z.ParentID
			s.children[z.ParentID] = append(s.children[z.ParentID], z)
		}
	}
	for i := range p.Conduits {
		c := &p.Conduits[i]
		if len(s.conduitZones(c)) == 0 || (len(core) > 0 && !touches(c, core)) {
			continue
		}
		{
			s.conduits = append(s.conduits, c)
		}
	}
	slices.SortFunc(s.conduits, func(a, b *model.Conduit) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	for i := range p.Assets {
		a := &p.Assets[i]
		if s.shown[a.ZoneID] {
			s.assets[a.ZoneID] = append(s.assets[a.ZoneID], a)
		}
	}
	for _, list := range s.assets {
		slices.SortFunc(list, func(a, b *model.Asset) int {
			return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
		})
	}
	return s
}

func compareZones(a, b *model.Zone) int {
	return cmp.Or(cmp.Compare(b.PurdueLevel, a.PurdueLevel), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
}

func touches(c *model.Conduit, set map[model.ID]bool) bool {
	for _, id := range c.ZoneIDs {
		if set[id] {
			return true
		}
	}
	return false
}

// loops reports for every zone whether following its parents never ends: it
// is on a parent cycle or below one. Such nesting is invalid and drawn flat.
// Each zone is walked once, so a plant nested 100,000 deep (or one cycle of
// 100,000 zones) costs no more than a flat one; a walk per zone would be
// quadratic and hang on such a file.
func loops(byID map[model.ID]*model.Zone) map[model.ID]bool {
	verdict := make(map[model.ID]bool, len(byID))
	onPath := map[model.ID]bool{}
	var path []model.ID
	for id := range byID {
		path = path[:0]
		loop := false
		for cur := id; ; {
			if v, known := verdict[cur]; known {
				loop = v
				break
			}
			if onPath[cur] {
				loop = true
				break
			}
			z := byID[cur]
			if z == nil { // a missing parent ends the chain
				break
			}
			onPath[cur] = true
			path = append(path, cur)
			if z.ParentID == "" {
				break
			}
			cur = z.ParentID
		}
		for _, p := range path {
			verdict[p] = loop
			delete(onPath, p)
		}
	}
	return verdict
}

// maxNesting is the deepest zone nesting drawn as clusters in clusters;
// deeper zones are drawn flat. Real plants nest three or four levels; a file
// nested 2,000 deep made Graphviz fail after a minute (wasm out of bounds).
const maxNesting = 12

// depths returns the number of ancestors of every zone that does not loop,
// each zone walked once.
func depths(byID map[model.ID]*model.Zone, looping map[model.ID]bool) map[model.ID]int {
	depth := make(map[model.ID]int, len(byID))
	var path []model.ID
	for id := range byID {
		path = path[:0]
		base := -1 // depth of the zone above the path, -1 above a root
		for cur := id; ; {
			if d, known := depth[cur]; known {
				base = d
				break
			}
			z := byID[cur]
			if z == nil || looping[cur] {
				break
			}
			path = append(path, cur)
			if z.ParentID == "" {
				break
			}
			cur = z.ParentID
		}
		for i := len(path) - 1; i >= 0; i-- {
			base++
			depth[path[i]] = base
		}
	}
	return depth
}

// conduitZones lists the distinct zones of c that the scene shows, in the
// scene's zone order.
func (s *scene) conduitZones(c *model.Conduit) []*model.Zone {
	var out []*model.Zone
	for _, z := range s.zones {
		if slices.Contains(c.ZoneIDs, z.ID) {
			out = append(out, z)
		}
	}
	return out
}

// hubHome returns the zone whose cluster should hold the hub of conduit c:
// the innermost zone with nested zones that contains (or is) every zone of c,
// or "" for the top level.
func (s *scene) hubHome(c *model.Conduit) model.ID {
	zones := s.conduitZones(c)
	if len(zones) == 0 {
		return ""
	}
	chain := func(id model.ID) []model.ID {
		var out []model.ID
		for ; id != ""; id = s.parent[id] {
			out = append(out, id)
		}
		return out
	}
	first := chain(zones[0].ID)
	for _, cand := range first {
		if len(s.children[cand]) == 0 {
			continue
		}
		all := true
		for _, z := range zones[1:] {
			if !slices.Contains(chain(z.ID), cand) {
				all = false
				break
			}
		}
		if all {
			return cand
		}
	}
	return ""
}
