package render

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/risk"
)

// Card limits: a zone lists at most maxAssetRows assets by name; the rest are
// counted ("+ 12 more") and named in the zone's tooltip.
const (
	maxAssetRows      = 15
	maxTooltipAssets  = 400
	zoneIDPrefix      = "zone-"
	conduitIDPrefix   = "conduit-"
	zoneGroupIDPrefix = "zonegroup-"
)

// DOT returns the Graphviz source of the zone and conduit diagram of p for
// view v. r may be nil (no assessment yet): zones then show no SL-T and are
// not coloured by gap. The output is deterministic: the same project, result
// and view give the same bytes.
//
// Every zone is a node whose HTML-like label lists its name, type, Purdue
// level, SL-T per FR and its assets with a glyph per class; a zone with
// nested zones is also a cluster around them. Zones sit in Purdue bands
// (rank=same with an anchor per band row, enterprise on top; a band of many
// zones wraps into rows). Every conduit is a node holding its label, with one
// edge styled by conduit type to each of its zones: for two zones the label
// sits in the line, for three or more it is a hub box. In the SVG, zones have
// the id "zone-<ID>", conduit nodes "conduit-<ID>" and their edges
// "conduit-<ID>-<n>" (n from 1), where <ID> is the model ID with characters
// outside [A-Za-z0-9-] hex-escaped.
func DOT(p *model.Project, r *risk.Result, v View) []byte {
	return newScene(p, r, v).dot(p, v)
}

// html escapes label text; for drawings it also swaps backslashes (see
// scene.drawing).
func (w *dotWriter) html(s string) string {
	if w.s.drawing {
		s = drawingText(s)
	}
	return html(s)
}

// A graph of more than largeGraphNodes zone and conduit nodes is laid out
// with less search effort (largeGraphEffort): Graphviz's network simplex
// (nslimit, nslimit1: placement and ranking) and crossing minimisation
// (mclimit) grow faster than linearly with nodes. On the 500-zone,
// 10,000-asset generated plant (about 1,100 nodes) this cuts the layout from
// about 14 s to 3 s of CPU; positions differ a little, ranks (Purdue bands)
// do not. Smaller graphs, the sample plant among them, keep the full search.
const (
	largeGraphNodes  = 300
	largeGraphEffort = "nslimit=0.5 nslimit1=0.5 mclimit=0.1"
	// directEffort is the search effort for a large board (see
	// scene.direct): straight conduit lines instead of splines routed
	// around the cards, whose routing was most of Graphviz's time. The
	// band labels are then not tied to the left of their rows either
	// (500 more edges for the network simplex).
	directEffort = "nslimit=0.2 nslimit1=0.2 mclimit=0.1 searchsize=10 remincross=false splines=false"
)

type dotWriter struct {
	bytes.Buffer
	s       *scene
	zoneIdx map[model.ID]int
	// hubs lists, per cluster-owning zone ("" for the top level), the
	// conduit nodes drawn inside it, by index in s.conduits.
	hubs map[model.ID][]int
	// row is the band row of each zone, top first.
	row map[model.ID]int
}

func (w *dotWriter) f(format string, args ...any) { fmt.Fprintf(&w.Buffer, format, args...) }

func (s *scene) dot(p *model.Project, v View) []byte {
	w := &dotWriter{s: s, zoneIdx: map[model.ID]int{}, hubs: map[model.ID][]int{}, row: map[model.ID]int{}}
	for i, z := range s.zones {
		w.zoneIdx[z.ID] = i
	}
	for i, c := range s.conduits {
		home := s.hubHome(c)
		w.hubs[home] = append(w.hubs[home], i)
	}
	title := w.html(clean(p.Name, 80))
	if title == "" {
		title = s.c.T("diagram.untitled")
	}
	sub := s.c.T("diagram.subtitle")
	if v.Focus != "" {
		if z := p.Zone(v.Focus); z != nil {
			sub = s.c.T("diagram.subtitle.focus", map[string]string{"Zone": w.html(clean(z.Name, maxNameRunes))})
		}
	}
	w.f("digraph zonewise {\n")
	ranksep := "0.3"
	if s.boxes != nil {
		ranksep = "0.2" // boxes are measured tight; a shorter page prints larger
	}
	w.f("\tgraph [newrank=true rankdir=TB nodesep=0.4 ranksep=%s pad=0.25 fontname=%q fontsize=16 labelloc=t\n", ranksep, fontName)
	switch {
	case s.direct:
		w.f("\t\t%s\n", directEffort)
	case len(s.zones)+len(s.conduits) > largeGraphNodes:
		w.f("\t\t%s\n", largeGraphEffort)
	}
	w.f("\t\tlabel=<<B>%s</B> — %s>]\n", title, sub)
	w.f("\tnode [fontname=%q fontsize=10 shape=plain]\n", fontName)
	w.f("\tedge [fontname=%q fontsize=9 arrowsize=0.8]\n", fontName)

	// Purdue bands: one anchor per row, chained top to bottom. A band with
	// many zones wraps into several rows so that a large plant stays closer
	// to a page's shape than to a banner.
	rows := s.bandRows()
	for i, row := range rows {
		for _, z := range row.zones {
			w.row[z.ID] = i
		}
	}
	for i, row := range rows {
		if row.first {
			w.f("\tb%d [id=\"band-%d\" class=\"band\" shape=plaintext fontcolor=\"#5a5a5a\" label=<<B>L%s</B><BR/><FONT POINT-SIZE=\"8\">%s</FONT>>]\n",
				i, i, formatLevel(row.level), html(bandNameIn(s.c, row.level)))
		} else {
			w.f("\tb%d [shape=point style=invis]\n", i)
		}
	}
	for i := 1; i < len(rows); i++ {
		// minlen 2 leaves a free rank between rows for conduit labels.
		w.f("\tb%d -> b%d [style=invis weight=100 minlen=2]\n", i-1, i)
	}

	// Zones: top-level ones and, recursively, clusters for nested zones.
	for _, z := range s.zones {
		if s.parent[z.ID] == "" {
			w.zone(z, "\t")
		}
	}
	w.hubNodes("", "\t")

	// Rank constraints: every zone in its row, to the right of its anchor.
	for i, row := range rows {
		names := make([]string, len(row.zones))
		for j, z := range row.zones {
			names[j] = "z" + strconv.Itoa(w.zoneIdx[z.ID])
		}
		w.f("\t{rank=same b%d %s}\n", i, strings.Join(names, " "))
		if s.direct {
			continue // see directEffort
		}
		for _, n := range names {
			w.f("\tb%d -> %s [style=invis]\n", i, n)
		}
	}

	for i, c := range s.conduits {
		w.conduit(i, c)
	}

	w.legend(len(rows))
	w.f("}\n")
	return w.Bytes()
}

// bandRow is one row of a Purdue band.
type bandRow struct {
	level float64
	first bool // the band's first row, which carries its label
	zones []*model.Zone
}

// bandRows splits the scene's zones into Purdue bands, top first, and each
// band into rows of at most max(8, √zones) zones. Within a band, zones of
// one top-level zone's cluster stay together.
func (s *scene) bandRows() []bandRow {
	perRow := max(8, int(math.Ceil(math.Sqrt(float64(len(s.zones))))))
	order := map[model.ID]int{}
	for i, z := range s.zones {
		order[z.ID] = i
	}
	root := func(z *model.Zone) int {
		id := z.ID
		for s.parent[id] != "" {
			id = s.parent[id]
		}
		return order[id]
	}
	var rows []bandRow
	for _, l := range s.levels() {
		var band []*model.Zone
		for _, z := range s.zones {
			if z.PurdueLevel == l {
				band = append(band, z)
			}
		}
		slices.SortStableFunc(band, func(a, b *model.Zone) int { return cmp.Compare(root(a), root(b)) })
		if s.boxes != nil {
			rows = append(rows, s.wrapBand(l, band)...)
			continue
		}
		for i := 0; i < len(band); i += perRow {
			rows = append(rows, bandRow{level: l, first: i == 0, zones: band[i:min(i+perRow, len(band))]})
		}
	}
	return rows
}

// maxRowWidth is the widest row of measured cards, in points: what fits
// the width of a landscape A3 page at a scale that prints 8-point text at
// 7 points, less the band labels.
const maxRowWidth = 1100.0

// wrapBand splits a band of measured cards into rows no wider than
// maxRowWidth (a card wider than that gets a row of its own).
func (s *scene) wrapBand(level float64, band []*model.Zone) []bandRow {
	var rows []bandRow
	limit := maxRowWidth
	if s.stubs {
		limit = maxRowWidth * 3 / 4 // rows of a part are not aligned: room to shift
	}
	start, width := 0, 0.0
	for i, z := range band {
		w := s.boxes.zones[z.ID].w + 29 // nodesep
		if i > start && width+w > limit {
			rows = append(rows, bandRow{level: level, first: start == 0, zones: band[start:i]})
			start, width = i, 0
		}
		width += w
	}
	if start < len(band) {
		rows = append(rows, bandRow{level: level, first: start == 0, zones: band[start:]})
	}
	return rows
}

// levels lists the Purdue levels of the scene's zones, top (highest) first.
func (s *scene) levels() []float64 {
	var out []float64
	for _, z := range s.zones {
		if !slices.Contains(out, z.PurdueLevel) {
			out = append(out, z.PurdueLevel)
		}
	}
	slices.SortFunc(out, func(a, b float64) int { return cmp.Compare(b, a) })
	return out
}

func (w *dotWriter) zoneStyle(z *model.Zone) (gapStyle, *zoneSL) {
	sl := w.s.result[z.ID]
	switch {
	case z.OutOfScope:
		return outOfScope, sl
	case sl == nil:
		return unassessed, nil
	}
	return styleForGap(maxGap(sl.gap)), sl
}

// zone writes the node of z and, when z has nested zones in the scene, a
// cluster holding it and them.
func (w *dotWriter) zone(z *model.Zone, indent string) {
	kids := w.s.children[z.ID]
	if len(kids) > 0 {
		st, _ := w.zoneStyle(z)
		w.f("%ssubgraph cluster_z%d {\n", indent, w.zoneIdx[z.ID])
		w.f("%s\tid=\"%s%s\" class=\"zonegroup\" style=\"rounded,filled\" fillcolor=\"#fafafa\" color=%q penwidth=1.5 label=\"\" tooltip=%s\n",
			indent, zoneGroupIDPrefix, safeID(string(z.ID)), st.border, quoteDOT(clean(z.Name, maxTooltipRunes)))
		w.card(z, indent+"\t")
		for _, k := range kids {
			w.zone(k, indent+"\t")
		}
		w.hubNodes(z.ID, indent+"\t")
		w.f("%s}\n", indent)
		return
	}
	w.card(z, indent)
}

// card writes the zone node with its HTML-like table label.
func (w *dotWriter) card(z *model.Zone, indent string) {
	st, sl := w.zoneStyle(z)
	if w.s.boxes != nil {
		w.f("%sz%d [id=\"%s%s\" class=\"zone zone-%s\" tooltip=%s %s]\n", indent, w.zoneIdx[z.ID],
			zoneIDPrefix, safeID(string(z.ID)), typeClass(string(z.Type), z.Type.Valid()), quoteDOT(zoneTip(z, sl, w.s.assets[z.ID])), boxNode(w.s.boxes.zones[z.ID]))
		return
	}
	assets := w.s.assets[z.ID]
	var b strings.Builder
	border := "2"
	if z.OutOfScope {
		border = "1"
	}
	fmt.Fprintf(&b, `<TABLE BORDER="%s" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" COLOR="%s" BGCOLOR="white">`, border, st.border)
	name := w.html(clean(z.Name, maxNameRunes))
	if name == "" {
		name = w.html(w.s.c.T("diagram.card.unnamedZone"))
	}
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BGCOLOR="%s"><FONT COLOR="%s" POINT-SIZE="11"><B>%s</B></FONT></TD></TR>`, st.fill, st.text, name)
	info := []string{w.html(clean(i18n.Label(w.s.c, z.Type), 30)), w.html(levelText(w.s.c, z.PurdueLevel))}
	if z.SafetyDesignation != "" {
		info = append(info, w.html(clean(z.SafetyDesignation, 20)))
	}
	if z.OutOfScope {
		info = append(info, w.html(w.s.c.T("diagram.card.outOfScope")))
	} else if sl != nil {
		info = append(info, w.html(gapLabel(w.s.c, st)))
	}
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BGCOLOR="%s"><FONT COLOR="%s" POINT-SIZE="8">%s</FONT></TD></TR>`, st.fill, st.text, strings.Join(info, " · "))
	if sl != nil && !z.OutOfScope {
		// A nested table keeps the seven SL cells evenly sized whatever the
		// width of the card.
		b.WriteString(`<TR><TD ALIGN="LEFT" BALIGN="LEFT"><TABLE ALIGN="LEFT" BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR><TD></TD>`)
		for _, fr := range model.AllFRs {
			fmt.Fprintf(&b, `<TD FIXEDSIZE="TRUE" WIDTH="20" HEIGHT="11"><FONT POINT-SIZE="7" COLOR="#555555">%s</FONT></TD>`, fr)
		}
		b.WriteString(`</TR><TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8">SL-T </FONT></TD>`)
		for i, t := range sl.slt {
			bg := "white"
			if g := sl.gap[i]; g > 0 {
				bg = styleForGap(g).fill
			}
			fmt.Fprintf(&b, `<TD FIXEDSIZE="TRUE" WIDTH="20" HEIGHT="16" BGCOLOR="%s" BORDER="1" COLOR="#bbbbbb"><B>%d</B></TD>`, bg, t)
		}
		b.WriteString(`</TR></TABLE></TD></TR>`)
	}
	b.WriteString(`<HR/>`)
	listed := assets
	if w.s.compact && len(assets) > 0 {
		n := fmt.Sprintf("%d assets", len(assets))
		if len(assets) == 1 {
			n = "1 asset"
		}
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="#555555">%s</FONT></TD></TR>`, n)
		listed = nil // named in the tooltip only
	}
	for i, a := range listed {
		if i == maxAssetRows && len(assets) > maxAssetRows+1 && !w.s.allAssets {
			fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="#555555">+ %d more assets</FONT></TD></TR>`, len(assets)-maxAssetRows)
			break
		}
		cs := styleForClass(a.Class)
		an := w.html(clean(a.Name, maxAssetRunes))
		if an == "" {
			an = w.s.c.T("diagram.card.unnamedAsset")
		}
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT COLOR="%s">%s</FONT> %s</TD></TR>`, cs.color, cs.glyph, an)
	}
	if len(assets) == 0 {
		b.WriteString(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="#777777"><I>no assets</I></FONT></TD></TR>`)
	}
	b.WriteString(`</TABLE>`)

	w.f("%sz%d [id=\"%s%s\" class=\"zone zone-%s\" tooltip=%s label=<%s>]\n", indent, w.zoneIdx[z.ID],
		zoneIDPrefix, safeID(string(z.ID)), typeClass(string(z.Type), z.Type.Valid()), quoteDOT(zoneTip(z, sl, assets)), b.String())
}

// zoneTip is a zone's tooltip: it names everything, including assets cut
// from the card.
func zoneTip(z *model.Zone, sl *zoneSL, assets []*model.Asset) string {
	tip := []string{clean(z.Name, maxTooltipRunes) + " (" + clean(z.Type.Label(), 40) + ", level " + formatLevel(z.PurdueLevel) + ")"}
	if sl != nil {
		tip = append(tip, "SL-T "+sl.slt.String()+"; gap "+sl.gap.String())
	}
	for i, a := range assets {
		if i == maxTooltipAssets {
			tip = append(tip, fmt.Sprintf("+ %d more", len(assets)-i))
			break
		}
		tip = append(tip, clean(a.Class.Label(), 30)+": "+clean(a.Name, 120))
	}
	return strings.Join(tip, " | ")
}

// conduit writes the edges of one conduit. Every conduit is a node carrying
// its label (written by hubNodes) with an edge to each of its zones: for
// two zones a label in the line, for more a hub box. Graphviz's own edge
// labels are not used: with newrank and clusters they made the WebAssembly
// Graphviz corrupt its memory on large plants.
func (w *dotWriter) conduit(i int, c *model.Conduit) {
	st := styleForConduit(c.Type)
	zones := w.s.conduitZones(c)
	id := conduitIDPrefix + safeID(string(c.ID))
	tip := conduitTip(c)
	attrs := fmt.Sprintf(`color=%q style=%q penwidth=%s`, st.color, st.style, strconv.FormatFloat(st.penw, 'f', -1, 64))
	class := "conduit conduit-" + typeClass(string(c.Type), c.Type.Valid())
	// The zone in the highest row hangs the conduit node below it.
	top := 0
	for k, z := range zones {
		if w.row[z.ID] < w.row[zones[top].ID] {
			top = k
		}
	}
	if w.s.direct {
		// Graphviz only orders the rows: an invisible edge between zones
		// of neighbouring rows (a longer one would add a virtual node per
		// rank crossed); the lines are drawn in board.go.
		a := zones[top]
		from := "z" + strconv.Itoa(w.zoneIdx[a.ID])
		if len(zones) > 2 {
			w.f("\t{rank=same b%d c%d}\n", w.row[a.ID], i)
			from = "c" + strconv.Itoa(i)
		}
		for k, b := range zones {
			if k == top && len(zones) == 2 {
				continue
			}
			if d := w.row[b.ID] - w.row[a.ID]; d <= 1 {
				w.f("\t%s -> z%d [style=invis constraint=false]\n", from, w.zoneIdx[b.ID])
			}
		}
		return
	}
	if len(zones) == 2 {
		a, b := zones[top], zones[1-top]
		sameRow := w.row[a.ID] == w.row[b.ID]
		if sameRow && w.s.boxes != nil {
			// A bridge over the row: the label in the free rank above it,
			// a line down to each zone. A label in the row itself had its
			// lines run through the cards between the two zones.
			dirA, dirB := "none", "none"
			if st.oneWay {
				if oneWayUp(c, a, b) {
					dirA = "forward"
				} else {
					dirB = "forward"
				}
			}
			w.f("\tc%d -> z%d [id=\"%s-1\" class=%q %s dir=%s tooltip=%s]\n", i, w.zoneIdx[a.ID], id, class, attrs, dirA, tip)
			w.f("\tc%d -> z%d [id=\"%s-2\" class=%q %s dir=%s tooltip=%s]\n", i, w.zoneIdx[b.ID], id, class, attrs, dirB, tip)
			return
		}
		if sameRow {
			w.f("\t{rank=same b%d c%d}\n", w.row[a.ID], i)
		}
		constraint := strconv.FormatBool(!sameRow)
		dirA, dirB := "none", "none"
		if st.oneWay {
			if oneWayUp(c, a, b) {
				dirA = "back" // arrow at a: data flows from b to a
			} else {
				dirB = "forward"
			}
		}
		w.f("\tz%d -> c%d [id=\"%s-1\" class=%q %s dir=%s constraint=%s tooltip=%s]\n", w.zoneIdx[a.ID], i, id, class, attrs, dirA, constraint, tip)
		w.f("\tc%d -> z%d [id=\"%s-2\" class=%q %s dir=%s constraint=%s tooltip=%s]\n", i, w.zoneIdx[b.ID], id, class, attrs, dirB, constraint, tip)
		return
	}
	for k, z := range zones {
		dir := "none"
		if st.oneWay {
			dir = "forward"
		}
		w.f("\tz%d -> c%d [id=\"%s-%d\" class=%q %s dir=%s constraint=%t tooltip=%s]\n", w.zoneIdx[z.ID], i, id, k+1, class, attrs, dir, k == top, tip)
	}
}

// hubNodes writes the conduit nodes that belong in the cluster of zone
// home: a plain label for a conduit between two zones, a box for a hub.
func (w *dotWriter) hubNodes(home model.ID, indent string) {
	for _, i := range w.hubs[home] {
		c := w.s.conduits[i]
		st := styleForConduit(c.Type)
		if w.s.direct && len(w.s.conduitZones(c)) == 2 {
			continue // drawn on its line (board.go)
		}
		if w.s.boxes != nil {
			w.f("%sc%d [id=\"%s%s\" class=\"conduit conduit-%s\" tooltip=%s %s]\n",
				indent, i, conduitIDPrefix, safeID(string(c.ID)), typeClass(string(c.Type), c.Type.Valid()), conduitTip(c), boxNode(w.s.boxes.conduits[i]))
			continue
		}
		if len(w.s.conduitZones(c)) == 2 {
			w.f("%sc%d [id=\"%s%s\" class=\"conduit conduit-%s label\" shape=plaintext fontsize=9 margin=\"0.02,0.01\" width=0 height=0 tooltip=%s label=%s]\n",
				indent, i, conduitIDPrefix, safeID(string(c.ID)), typeClass(string(c.Type), c.Type.Valid()), conduitTip(c), w.conduitLabel(c, st))
			continue
		}
		w.f("%sc%d [id=\"%s%s\" class=\"conduit conduit-%s hub\" shape=box style=\"rounded,filled\" fillcolor=white color=%q penwidth=%s fontsize=9 margin=\"0.06,0.03\" tooltip=%s label=%s]\n",
			indent, i, conduitIDPrefix, safeID(string(c.ID)), typeClass(string(c.Type), c.Type.Valid()), st.color, strconv.FormatFloat(st.penw, 'f', -1, 64),
			conduitTip(c), w.conduitLabel(c, st))
	}
}

// typeClass is the CSS class suffix for a zone or conduit type.
func typeClass(t string, valid bool) string {
	if !valid {
		return "other"
	}
	return safeID(t)
}

func (w *dotWriter) conduitLabel(c *model.Conduit, st conduitStyle) string {
	return fmt.Sprintf(`<<FONT COLOR="%s"><B>%s</B></FONT><BR/>%s>`, st.color, w.html(conduitTag(w.s.c, c.Type)), w.html(clean(c.Name, maxNameRunes)))
}

func conduitTip(c *model.Conduit) string { return quoteDOT(conduitTipText(c)) }

// conduitTipText is a conduit's tooltip: its name and type.
func conduitTipText(c *model.Conduit) string {
	return clean(c.Name, maxTooltipRunes) + " (" + clean(c.Type.Label(), 40) + ")"
}

// oneWayUp reports whether the one-way flow of a unidirectional conduit runs
// from the lower zone b to the upper zone a: from its first data flow when
// one names them, else the usual case (data leaves the control network).
func oneWayUp(c *model.Conduit, a, b *model.Zone) bool {
	for _, f := range c.Flows {
		switch {
		case f.From == b.ID && f.To == a.ID:
			return true
		case f.From == a.ID && f.To == b.ID:
			return false
		}
	}
	return a.PurdueLevel > b.PurdueLevel
}

// legend writes the legend node below the lowest band. Each section is a
// nested table so that its columns do not depend on the others.
func (w *dotWriter) legend(bands int) {
	var b strings.Builder
	// Two columns (zones and assets | conduits): a legend about as tall
	// as a zone card does not make its row of the drawing taller.
	b.WriteString(`<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" COLOR="#999999" BGCOLOR="white"><TR><TD VALIGN="TOP"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`)
	c := w.s.c
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><B>%s</B></TD></TR>`, html(c.T("diagram.legend")))
	section := func(title string) {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8" COLOR="#555555">%s</FONT></TD></TR><TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">`, title)
	}
	end := func() { b.WriteString(`</TABLE></TD></TR>`) }
	if len(w.s.result) > 0 {
		section(html(c.T("diagram.legend.gaps")))
		b.WriteString(`<TR>`)
		for i, g := range gapStyles {
			fmt.Fprintf(&b, `<TD BGCOLOR="%s" BORDER="1" COLOR="%s" WIDTH="60"><FONT COLOR="%s" POINT-SIZE="8">%s</FONT></TD>`, g.fill, g.border, g.text, html(c.T("diagram.gap."+strconv.Itoa(i))))
		}
		b.WriteString(`</TR>`)
		end()
	} else {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="8">%s</FONT></TD></TR>`, html(c.T("diagram.legend.notAssessed")))
	}
	section(html(c.T("diagram.legend.assets")))
	b.WriteString(`<TR>`)
	for _, ac := range model.AssetClasses() {
		cs := styleForClass(ac)
		fmt.Fprintf(&b, `<TD ALIGN="LEFT"><FONT COLOR="%s">%s</FONT><FONT POINT-SIZE="8"> %s</FONT></TD>`, cs.color, cs.glyph, html(i18n.Label(w.s.c, ac)))
	}
	b.WriteString(`</TR>`)
	end()
	b.WriteString(`</TABLE></TD><TD VALIGN="TOP"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`)
	section(html(c.T("diagram.legend.conduits")))
	types := model.ConduitTypes()
	for i := 0; i < len(types); i += 2 {
		b.WriteString(`<TR>`)
		for _, t := range types[i:min(i+2, len(types))] {
			st := styleForConduit(t)
			fmt.Fprintf(&b, `<TD ALIGN="LEFT"><FONT COLOR="%s"><B>%s</B></FONT></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="8"><FONT COLOR="%s"><B>%s</B></FONT> %s</FONT></TD>`,
				st.color, st.legend, st.color, html(conduitTag(c, t)), html(c.T("diagram.conduit."+string(t))))
		}
		b.WriteString(`</TR>`)
	}
	end()
	b.WriteString(`</TABLE></TD></TR></TABLE>`)
	w.f("\tlegend [id=\"legend\" class=\"legend\" label=<%s>]\n", b.String())
	switch {
	case bands > 0 && w.s.boxes != nil && !w.s.stubs:
		// Beside the lowest row rather than below it: a drawing that is
		// less tall prints larger on a landscape page.
		w.f("\t{rank=same b%d legend}\n", bands-1)
	case bands > 0:
		w.f("\tb%d -> legend [style=invis]\n", bands-1)
	}
}
