// Package drawio writes a project's zones, assets and conduits as a
// diagrams.net (draw.io) file, and defines the attributes that let the
// importer map a drawing back to the model. Zones are containers (nested as
// in the model, in Purdue bands), assets are shapes in the colours of their
// class glyphs, conduits are labelled edges; every model object keeps its
// ID, kind and properties in the shape's data (an <object> element), which
// diagrams.net shows and keeps under Edit Data.
package drawio

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zonewise/model"
	"zonewise/render"
	"zonewise/risk"
)

// Attributes of the shapes' data that carry the model.
const (
	AttrKind    = "zonewise_kind" // zone, asset, conduit, band
	AttrID      = "zonewise_id"
	AttrName    = "zonewise_name"
	AttrType    = "zonewise_type"  // zone type, conduit type
	AttrClass   = "zonewise_class" // asset class
	AttrFunc    = "zonewise_function"
	AttrCrit    = "zonewise_criticality"
	AttrPurdue  = "zonewise_purdue" // zone Purdue level
	AttrFlows   = "zonewise_flows"  // conduit data flows, JSON
	AttrZones   = "zonewise_zones"  // conduit zone IDs, space separated, in order
	AttrDesc    = "zonewise_description"
	AttrVersion = "zonewise_version"
)

// Layout sizes in points.
const (
	assetW, assetH = 170, 44
	gap            = 14
	header         = 46
	bandLabelW     = 150
)

// File is the mxfile root element.
type File struct {
	XMLName  xml.Name  `xml:"mxfile"`
	Host     string    `xml:"host,attr,omitempty"`
	Agent    string    `xml:"agent,attr,omitempty"`
	Version  string    `xml:"version,attr,omitempty"`
	Diagrams []Diagram `xml:"diagram"`
}

// Diagram is one page; Model is nil when the page is compressed (then
// Text holds it).
type Diagram struct {
	ID    string      `xml:"id,attr,omitempty"`
	Name  string      `xml:"name,attr,omitempty"`
	Model *GraphModel `xml:"mxGraphModel"`
	Text  string      `xml:",chardata"`
}

// GraphModel is an mxGraphModel.
type GraphModel struct {
	Grid       int  `xml:"grid,attr"`
	GridSize   int  `xml:"gridSize,attr"`
	Page       int  `xml:"page,attr"`
	PageWidth  int  `xml:"pageWidth,attr,omitempty"`
	PageHeight int  `xml:"pageHeight,attr,omitempty"`
	Root       Root `xml:"root"`
}

// Root holds the cells: bare mxCells and cells wrapped in an object (or
// UserObject) that carries data.
type Root struct {
	Items []Item `xml:",any"`
}

// Item is an mxCell, or an object/UserObject wrapping one.
type Item struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Cell    *Cell      `xml:"mxCell"`
	// The mxCell's own fields, when the item is a bare mxCell.
	Geometry *Geometry `xml:"mxGeometry"`
}

// Cell is an mxCell inside an object.
type Cell struct {
	Attrs    []xml.Attr `xml:",any,attr"`
	Geometry *Geometry  `xml:"mxGeometry"`
}

// Geometry is an mxGeometry.
type Geometry struct {
	X        float64 `xml:"x,attr,omitempty"`
	Y        float64 `xml:"y,attr,omitempty"`
	Width    float64 `xml:"width,attr,omitempty"`
	Height   float64 `xml:"height,attr,omitempty"`
	Relative int     `xml:"relative,attr,omitempty"`
	As       string  `xml:"as,attr"`
}

func attr(name, value string) xml.Attr { return xml.Attr{Name: xml.Name{Local: name}, Value: value} }

// Export writes p as an uncompressed draw.io file. r, when not nil, adds
// each zone's SL-T to its label.
func Export(p *model.Project, r *risk.Result) ([]byte, error) {
	e := exporter{p: p, r: r, children: map[model.ID][]*model.Zone{}, assets: map[model.ID][]*model.Asset{}, box: map[model.ID]model.Rect{}}
	for i := range p.Zones {
		z := &p.Zones[i]
		parent := z.ParentID
		if parent != "" && p.Zone(parent) == nil {
			parent = ""
		}
		e.children[parent] = append(e.children[parent], z)
	}
	for _, list := range e.children {
		slices.SortFunc(list, func(a, b *model.Zone) int {
			return cmp.Or(cmp.Compare(a.Bounds.X, b.Bounds.X), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
		})
	}
	for i := range p.Assets {
		a := &p.Assets[i]
		e.assets[a.ZoneID] = append(e.assets[a.ZoneID], a)
	}
	for _, list := range e.assets {
		slices.SortFunc(list, func(a, b *model.Asset) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	}
	e.items = []Item{
		{XMLName: xml.Name{Local: "mxCell"}, Attrs: []xml.Attr{attr("id", "0")}},
		{XMLName: xml.Name{Local: "mxCell"}, Attrs: []xml.Attr{attr("id", "1"), attr("parent", "0")}},
	}
	// Top-level zones in Purdue bands, highest level at the top.
	bands := map[float64][]*model.Zone{}
	var levels []float64
	for _, z := range e.children[""] {
		if _, ok := bands[z.PurdueLevel]; !ok {
			levels = append(levels, z.PurdueLevel)
		}
		bands[z.PurdueLevel] = append(bands[z.PurdueLevel], z)
	}
	slices.SortFunc(levels, func(a, b float64) int { return cmp.Compare(b, a) })
	y, width := 20.0, 0.0
	var frames []Item // band frames, behind the zones: drawn first
	for _, lv := range levels {
		x, h := bandLabelW+30.0, 0.0
		for _, z := range bands[lv] {
			w, zh := e.size(z)
			e.place(z, "1", x, y, 0, 0)
			x += w + 30
			h = max(h, zh)
		}
		label := "Level " + strconv.FormatFloat(lv, 'f', -1, 64)
		if n := render.BandName(lv); n != "" {
			label += "\n" + n
		}
		frames = append(frames, e.object(fmt.Sprintf("band-%d", len(frames)+1), label,
			"text;html=0;align=left;verticalAlign=top;fontStyle=1;fontColor=#555555;strokeColor=#bbbbbb;dashed=1;fillColor=none;",
			"1", Geometry{X: 20, Y: y - 10, Width: x - 10, Height: h + 20}, true, []xml.Attr{attr(AttrKind, "band")}))
		y += h + 40
		width = max(width, x)
	}
	e.conduits()
	e.items = append(append(e.items[:2:2], frames...), e.items[2:]...)
	f := File{Host: "Zonewise", Agent: "Zonewise", Version: "24.7.17", Diagrams: []Diagram{{
		ID: "zonewise", Name: nonEmpty(p.Name, "Zones and conduits"),
		Model: &GraphModel{Grid: 1, GridSize: 10, Page: 1, PageWidth: int(width + 40), PageHeight: int(y + 20), Root: Root{Items: e.items}},
	}}}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("draw.io export of %q: %w", p.Name, err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func nonEmpty(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

type exporter struct {
	p        *model.Project
	r        *risk.Result
	children map[model.ID][]*model.Zone
	assets   map[model.ID][]*model.Asset
	box      map[model.ID]model.Rect // absolute, for edges' sake
	items    []Item
	sized    map[model.ID][2]float64
}

// size is a zone's width and height: its assets in two columns, then its
// child zones side by side.
func (e *exporter) size(z *model.Zone) (float64, float64) {
	if e.sized == nil {
		e.sized = map[model.ID][2]float64{}
	}
	if s, ok := e.sized[z.ID]; ok {
		return s[0], s[1]
	}
	e.sized[z.ID] = [2]float64{0, 0} // a parent cycle ends here (validation reports it)
	n := len(e.assets[z.ID])
	rows := (n + 1) / 2
	w := float64(2*assetW + 3*gap)
	h := header + float64(rows)*(assetH+gap)
	cw, ch := float64(gap), 0.0
	for _, c := range e.children[z.ID] {
		x, y := e.size(c)
		cw += x + gap
		ch = max(ch, y)
	}
	if len(e.children[z.ID]) > 0 {
		w = max(w, cw)
		h += ch + gap
	}
	h += gap
	e.sized[z.ID] = [2]float64{w, h}
	return w, h
}

// place adds the zone's container at (x, y) relative to its parent cell
// (ox, oy the parent's absolute origin), then its assets and child zones.
func (e *exporter) place(z *model.Zone, parent string, x, y, ox, oy float64) {
	w, h := e.size(z)
	e.box[z.ID] = model.Rect{X: ox + x, Y: oy + y, W: w, H: h}
	label := z.Name
	if e.r != nil {
		if zr := e.r.Zone(z.ID); zr != nil {
			label += "\nSL-T " + zr.SLT.Vector().String()
		}
	}
	fill := "#f5f5f5"
	if z.IsSafety() {
		fill = "#fdecea"
	}
	style := "swimlane;container=1;collapsible=0;html=0;whiteSpace=wrap;startSize=40;rounded=1;arcSize=4;fontStyle=1;fillColor=" + fill + ";swimlaneFillColor=#ffffff;strokeColor=#555555;"
	e.items = append(e.items, e.object(cellID(z.ID), label, style, parent, Geometry{X: x, Y: y, Width: w, Height: h}, true, []xml.Attr{
		attr(AttrKind, "zone"), attr(AttrID, string(z.ID)), attr(AttrName, z.Name), attr(AttrType, string(z.Type)),
		attr(AttrPurdue, strconv.FormatFloat(z.PurdueLevel, 'f', -1, 64)), attr(AttrDesc, z.Description),
	}))
	for i, a := range e.assets[z.ID] {
		ax := gap + float64(i%2)*(assetW+gap)
		ay := header + float64(i/2)*(assetH+gap)
		color := render.ClassColor(a.Class)
		st := "rounded=1;whiteSpace=wrap;html=0;fontSize=10;fontColor=#ffffff;strokeColor=#333333;fillColor=" + color + ";"
		e.items = append(e.items, e.object(cellID(a.ID), a.Name, st, cellID(z.ID), Geometry{X: ax, Y: ay, Width: assetW, Height: assetH}, true, []xml.Attr{
			attr(AttrKind, "asset"), attr(AttrID, string(a.ID)), attr(AttrName, a.Name), attr(AttrClass, string(a.Class)),
			attr(AttrFunc, string(a.Function)), attr(AttrCrit, string(a.Criticality)), attr(AttrDesc, a.Description),
		}))
	}
	rows := (len(e.assets[z.ID]) + 1) / 2
	cx, cy := float64(gap), header+float64(rows)*(assetH+gap)
	for _, c := range e.children[z.ID] {
		cw, _ := e.size(c)
		e.place(c, cellID(z.ID), cx, cy, ox+x, oy+y)
		cx += cw + gap
	}
}

// conduits adds one edge per conduit between its first two zones, and for
// a conduit of more zones one more edge from the first to each other.
func (e *exporter) conduits() {
	list := make([]*model.Conduit, len(e.p.Conduits))
	for i := range e.p.Conduits {
		list[i] = &e.p.Conduits[i]
	}
	slices.SortFunc(list, func(a, b *model.Conduit) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	for _, c := range list {
		flows, _ := json.Marshal(c.Flows)
		ids := make([]string, len(c.ZoneIDs))
		for i, z := range c.ZoneIDs {
			ids[i] = string(z)
		}
		color, oneWay := render.ConduitColor(c.Type)
		arrow := "endArrow=none;"
		if oneWay {
			arrow = "endArrow=block;endFill=1;"
		}
		style := "edgeStyle=orthogonalEdgeStyle;rounded=1;html=0;labelBackgroundColor=#ffffff;fontSize=10;strokeWidth=2;strokeColor=" + color + ";" + arrow
		if c.Type == model.ConduitVPN || c.Type == model.ConduitWireless || c.Type == model.ConduitRemovableMedia {
			style += "dashed=1;"
		}
		for i := 1; i < len(c.ZoneIDs); i++ {
			from, to := c.ZoneIDs[0], c.ZoneIDs[i]
			if e.p.Zone(from) == nil || e.p.Zone(to) == nil {
				continue
			}
			id := cellID(c.ID)
			if i > 1 {
				id += "-" + strconv.Itoa(i)
			}
			label := c.Name + "\n" + c.Type.Label()
			it := e.object(id, label, style, "1", Geometry{Relative: 1}, false, []xml.Attr{
				attr(AttrKind, "conduit"), attr(AttrID, string(c.ID)), attr(AttrName, c.Name), attr(AttrType, string(c.Type)),
				attr(AttrZones, strings.Join(ids, " ")), attr(AttrFlows, string(flows)), attr(AttrDesc, c.Description),
			})
			it.Cell.Attrs = append(it.Cell.Attrs, attr("source", cellID(from)), attr("target", cellID(to)))
			e.items = append(e.items, it)
		}
	}
}

// object is a cell wrapped in an <object> carrying label and data.
func (e *exporter) object(id, label, style, parent string, g Geometry, vertex bool, data []xml.Attr) Item {
	g.As = "geometry"
	kind := "edge"
	if vertex {
		kind = "vertex"
	}
	attrs := append([]xml.Attr{attr("id", id), attr("label", label)}, data...)
	return Item{XMLName: xml.Name{Local: "object"}, Attrs: attrs, Cell: &Cell{
		Attrs:    []xml.Attr{attr("style", style), attr("parent", parent), attr(kind, "1")},
		Geometry: &g,
	}}
}

// cellID is a model ID as a cell ID: prefixed so it never clashes with the
// reserved cells "0" and "1".
func cellID(id model.ID) string { return "zw-" + string(id) }
