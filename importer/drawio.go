package importer

import (
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"zonewise/model"
	"zonewise/render"
	"zonewise/render/drawio"
)

// Drawing is what a draw.io diagram maps to: zones (containers), assets
// (shapes inside containers), conduits (edges between containers) and
// notes on every element that could not be mapped or was guessed.
type Drawing struct {
	Zones    []model.Zone    `json:"-"`
	Assets   []model.Asset   `json:"-"`
	Conduits []model.Conduit `json:"-"`
	Notes    []DrawingNote   `json:"notes"`
	// carried reports conduits whose flows the drawing carried (an export
	// of Zonewise): only those replace a conduit's flows on import.
	carried map[model.ID]bool
	// carriedAsset reports assets whose function and criticality the
	// drawing carried.
	carriedAsset map[model.ID]bool
}

// DrawingNote is one remark on a diagram element: not mapped, or mapped
// with a guess the user should check.
type DrawingNote struct {
	Element string `json:"element"` // the cell's id in the diagram
	Line    int    `json:"line"`
	Label   string `json:"label,omitempty"`
	Mapped  bool   `json:"mapped"`
	Message string `json:"message"`
}

type dcell struct {
	id, parent, label, style string
	vertex, edge             bool
	source, target           string
	x, y, w, h               float64
	data                     map[string]string
	line                     int
}

// objectID is the model ID a shape carries (a Zonewise export wrote it),
// else a stable ID from the kind and the cell's own ID, so that importing
// the same hand-drawn file twice updates instead of duplicating.
func (c *dcell) objectID(kind string) model.ID {
	if id := model.ID(c.data[drawio.AttrID]); id != "" {
		return id
	}
	return model.StableID("drawio-" + kind + ":" + c.id)
}

// name is the model name the shape carries, else its visible label.
func (c *dcell) name() string {
	if n := c.data[drawio.AttrName]; n != "" {
		return n
	}
	return plainLabel(c.label)
}

// ReadDrawio reads a diagrams.net file (uncompressed, or with its pages
// compressed as diagrams.net wrote them by default until 2021) and maps
// its first page. Errors name the file and line.
func ReadDrawio(name string, r io.Reader) (*Drawing, error) {
	raw, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cells, err := drawioCells(name, raw)
	if err != nil {
		return nil, err
	}
	return mapDrawing(cells), nil
}

// drawioCells decodes the first diagram's cells.
func drawioCells(name string, raw []byte) ([]*dcell, error) {
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var cells []*dcell
	var wrapper map[string]string // attributes of the enclosing object/UserObject
	var cur *dcell
	inDiagram, diagrams, sawModel := false, 0, false
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fmt.Errorf("%s:%d: not a draw.io file: %s", name, se.Line, se.Msg)
			}
			return nil, fmt.Errorf("%s: not a draw.io file: %w", name, err)
		}
		line, _ := dec.InputPos()
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "diagram":
				diagrams++
				inDiagram = diagrams == 1
				text.Reset()
			case "mxGraphModel":
				if diagrams <= 1 {
					sawModel = true
				}
			case "object", "UserObject":
				if diagrams <= 1 {
					wrapper = attrMap(t.Attr)
				}
			case "mxCell":
				if diagrams > 1 {
					continue
				}
				a := attrMap(t.Attr)
				c := &dcell{id: a["id"], parent: a["parent"], label: a["value"], style: a["style"],
					vertex: a["vertex"] == "1", edge: a["edge"] == "1", source: a["source"], target: a["target"], line: line, data: map[string]string{}}
				if wrapper != nil {
					c.id, c.label = wrapper["id"], wrapper["label"]
					for k, v := range wrapper {
						if k != "id" && k != "label" && k != "placeholders" {
							c.data[k] = v
						}
					}
				}
				cells = append(cells, c)
				cur = c
			case "mxGeometry":
				if cur != nil && t.Name.Local == "mxGeometry" {
					a := attrMap(t.Attr)
					cur.x, cur.y, cur.w, cur.h = num(a["x"]), num(a["y"]), num(a["width"]), num(a["height"])
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "object", "UserObject":
				wrapper = nil
			case "mxCell":
				cur = nil
			case "diagram":
				if inDiagram && !sawModel && strings.TrimSpace(text.String()) != "" {
					inner, err := inflateDiagram(strings.TrimSpace(text.String()))
					if err != nil {
						return nil, fmt.Errorf("%s:%d: compressed diagram: %w", name, line, err)
					}
					return drawioCells(name+" (compressed page)", inner)
				}
				inDiagram = false
			}
		case xml.CharData:
			if inDiagram && !sawModel {
				text.Write(t)
			}
		}
	}
	if !sawModel && diagrams == 0 {
		return nil, fmt.Errorf("%s: not a draw.io file: no <diagram> or <mxGraphModel> element", name)
	}
	return cells, nil
}

// inflateDiagram undoes diagrams.net's page compression: base64, raw
// deflate, URL encoding.
func inflateDiagram(s string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("not base64: %w", err)
	}
	inflated, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(b)), 64<<20))
	if err != nil {
		return nil, fmt.Errorf("not deflate data: %w", err)
	}
	u, err := url.QueryUnescape(string(inflated))
	if err != nil {
		u, err = url.PathUnescape(string(inflated))
		if err != nil {
			return nil, fmt.Errorf("not URL-encoded: %w", err)
		}
	}
	return []byte(u), nil
}

func attrMap(as []xml.Attr) map[string]string {
	m := make(map[string]string, len(as))
	for _, a := range as {
		m[a.Name.Local] = a.Value
	}
	return m
}

func num(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return f
}

var htmlTag = regexp.MustCompile(`<[^>]*>`)

// plainLabel turns a cell's label (HTML when the style says html=1) into
// one line of text.
func plainLabel(s string) string {
	s = strings.NewReplacer("<br>", " ", "<br/>", " ", "<div>", " ").Replace(s)
	s = htmlTag.ReplaceAllString(s, "")
	s = strings.NewReplacer("&nbsp;", " ", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func styleValue(style, key string) string {
	for _, part := range strings.Split(style, ";") {
		if k, v, ok := strings.Cut(part, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// mapDrawing maps cells to zones, assets and conduits.
func mapDrawing(cells []*dcell) *Drawing {
	d := &Drawing{carried: map[model.ID]bool{}, carriedAsset: map[model.ID]bool{}}
	byID := map[string]*dcell{}
	hasChild := map[string]bool{}
	for _, c := range cells {
		byID[c.id] = c
		if c.vertex {
			hasChild[c.parent] = true
		}
	}
	note := func(c *dcell, mapped bool, format string, args ...any) {
		d.Notes = append(d.Notes, DrawingNote{Element: c.id, Line: c.line, Label: plainLabel(c.label), Mapped: mapped, Message: fmt.Sprintf(format, args...)})
	}
	isContainer := func(c *dcell) bool {
		if !c.vertex || c.data[drawio.AttrKind] == "band" || c.data[drawio.AttrKind] == "asset" {
			return false
		}
		return c.data[drawio.AttrKind] == "zone" || hasChild[c.id] || strings.Contains(c.style, "swimlane") ||
			styleValue(c.style, "container") == "1" || strings.HasPrefix(c.style, "group")
	}
	// abs returns a cell's absolute position (geometry is parent-relative).
	var abs func(c *dcell, depth int) (float64, float64)
	abs = func(c *dcell, depth int) (float64, float64) {
		p := byID[c.parent]
		if p == nil || !p.vertex || depth > 64 {
			return c.x, c.y
		}
		x, y := abs(p, depth+1)
		return x + c.x, y + c.y
	}
	// zoneOf is the nearest container at or above c.
	zoneID := map[string]model.ID{}
	var zoneOf func(c *dcell, depth int) *dcell
	zoneOf = func(c *dcell, depth int) *dcell {
		for p := c; p != nil && depth < 64; p, depth = byID[p.parent], depth+1 {
			if isContainer(p) {
				return p
			}
		}
		return nil
	}
	for _, c := range cells {
		if !isContainer(c) {
			continue
		}
		z := model.Zone{ID: c.objectID("zone"), Name: c.name(), Description: c.data[drawio.AttrDesc]}
		if z.Name == "" {
			z.Name = "Zone " + c.id
			note(c, true, "container without a label: named %q", z.Name)
		}
		z.Type = model.ZoneType(c.data[drawio.AttrType])
		if !z.Type.Valid() {
			z.Type = guessZoneType(z.Name)
			note(c, true, "zone type guessed from the name: %s", z.Type.Label())
		}
		if lv, err := strconv.ParseFloat(c.data[drawio.AttrPurdue], 64); err == nil && lv >= 0 && lv <= 5 {
			z.PurdueLevel = lv
		} else {
			z.PurdueLevel = defaultLevel(z.Type)
		}
		x, y := abs(c, 0)
		z.Bounds = model.Rect{X: x, Y: y, W: c.w, H: c.h}
		zoneID[c.id] = z.ID
		d.Zones = append(d.Zones, z)
	}
	for i := range d.Zones {
		c := byID[cellFor(zoneID, d.Zones[i].ID)]
		if p := byID[c.parent]; p != nil {
			if pz := zoneOf(p, 0); pz != nil {
				d.Zones[i].ParentID = zoneID[pz.id]
			}
		}
	}
	classColor := map[string]model.AssetClass{}
	for _, cl := range model.AssetClasses() {
		classColor[strings.ToLower(render.ClassColor(cl))] = cl
	}
	for _, c := range cells {
		switch {
		case !c.vertex || isContainer(c) || c.data[drawio.AttrKind] == "band":
			continue
		case strings.HasPrefix(c.style, "text;") || strings.Contains(c.style, ";text;"):
			if plainLabel(c.label) != "" {
				note(c, false, "text is not a model object")
			}
			continue
		}
		z := zoneOf(c, 0)
		if z == nil {
			note(c, false, "shape outside any zone container: not an asset")
			continue
		}
		a := model.Asset{ID: c.objectID("asset"), Name: c.name(), Description: c.data[drawio.AttrDesc], ZoneID: zoneID[z.id]}
		if a.Name == "" {
			a.Name = "Asset " + c.id
			note(c, true, "shape without a label: named %q", a.Name)
		}
		a.Class = model.AssetClass(c.data[drawio.AttrClass])
		if !a.Class.Valid() {
			if cl, ok := classColor[strings.ToLower(styleValue(c.style, "fillColor"))]; ok {
				a.Class = cl
			} else {
				a.Class = guessClass(Record{Name: a.Name, Model: c.style})
				note(c, true, "asset class guessed: %s", a.Class.Label())
			}
		}
		a.Criticality = model.Criticality(c.data[drawio.AttrCrit])
		if !a.Criticality.Valid() {
			a.Criticality = model.CriticalityMedium
		}
		a.Function = model.AssetFunction(c.data[drawio.AttrFunc])
		if !a.Function.Valid() {
			a.Function = model.FunctionControl
		}
		a.SLCSource = model.SLCUnknown
		a.SupplierSDL = model.SDLUnknown
		a.FocusPoints = model.DefaultFocusPoints(a.Class)
		if c.data[drawio.AttrFunc] != "" && c.data[drawio.AttrCrit] != "" {
			d.carriedAsset[a.ID] = true
		}
		x, y := abs(c, 0)
		a.Position = model.Point{X: x - d.zone(a.ZoneID).Bounds.X, Y: y - d.zone(a.ZoneID).Bounds.Y}
		d.Assets = append(d.Assets, a)
	}
	index := map[model.ID]int{}
	for _, c := range cells {
		if !c.edge {
			continue
		}
		src, dst := byID[c.source], byID[c.target]
		if src == nil || dst == nil {
			note(c, false, "edge not connected to a shape at both ends: not a conduit")
			continue
		}
		zs, zd := zoneOf(src, 0), zoneOf(dst, 0)
		if zs == nil || zd == nil {
			note(c, false, "edge end outside any zone container: not a conduit")
			continue
		}
		if zs == zd {
			note(c, false, "edge inside one zone: a conduit joins two zones")
			continue
		}
		id := c.objectID("conduit")
		if i, ok := index[id]; ok {
			for _, z := range []model.ID{zoneID[zs.id], zoneID[zd.id]} {
				if !slices.Contains(d.Conduits[i].ZoneIDs, z) {
					d.Conduits[i].ZoneIDs = append(d.Conduits[i].ZoneIDs, z)
				}
			}
			continue
		}
		k := model.Conduit{ID: id, Name: c.name(), Description: c.data[drawio.AttrDesc], ZoneIDs: []model.ID{zoneID[zs.id], zoneID[zd.id]}}
		if k.Name == "" {
			k.Name = d.zone(zoneID[zs.id]).Name + " – " + d.zone(zoneID[zd.id]).Name
		}
		k.Type = model.ConduitType(c.data[drawio.AttrType])
		if !k.Type.Valid() {
			k.Type = guessConduitType(k.Name + " " + c.style)
			note(c, true, "conduit type guessed: %s", k.Type.Label())
		}
		if f := c.data[drawio.AttrFlows]; f != "" {
			if err := json.Unmarshal([]byte(f), &k.Flows); err != nil {
				note(c, true, "%s is not a list of data flows, flows left empty: %v", drawio.AttrFlows, err)
				k.Flows = nil
			} else {
				d.carried[k.ID] = true
			}
		}
		index[id] = len(d.Conduits)
		d.Conduits = append(d.Conduits, k)
	}
	slices.SortFunc(d.Notes, func(a, b DrawingNote) int { return cmp.Compare(a.Line, b.Line) })
	return d
}

func cellFor(zoneID map[string]model.ID, id model.ID) string {
	for k, v := range zoneID {
		if v == id {
			return k
		}
	}
	return ""
}

func (d *Drawing) zone(id model.ID) *model.Zone {
	for i := range d.Zones {
		if d.Zones[i].ID == id {
			return &d.Zones[i]
		}
	}
	return &model.Zone{}
}

// guessZoneType reads a hand-drawn zone's type from its name.
func guessZoneType(name string) model.ZoneType {
	n := strings.ToLower(name)
	for _, g := range []struct {
		words string
		t     model.ZoneType
	}{
		{"dmz", model.ZoneDMZ}, {"sis safety sicherheit", model.ZoneSafety}, {"field feld sensor", model.ZoneField},
		{"remote vpn fernwartung", model.ZoneRemoteAccess}, {"wireless wlan wifi radio funk", model.ZoneWireless},
		{"enterprise office business it corporate unternehmen büro", model.ZoneEnterprise},
		{"scada hmi supervisory leitwarte historian", model.ZoneSupervisory}, {"laptop usb transient", model.ZoneTransient},
	} {
		for _, w := range strings.Fields(g.words) {
			if strings.Contains(n, w) {
				return g.t
			}
		}
	}
	return model.ZoneControl
}

// defaultLevel is the Purdue level a zone type usually sits at.
func defaultLevel(t model.ZoneType) float64 {
	switch t {
	case model.ZoneEnterprise:
		return 4
	case model.ZoneDMZ, model.ZoneRemoteAccess:
		return 3.5
	case model.ZoneSupervisory, model.ZoneTransient:
		return 2
	case model.ZoneField:
		return 0
	}
	return 1
}

// guessConduitType reads a hand-drawn conduit's type from its label and style.
func guessConduitType(s string) model.ConduitType {
	n := strings.ToLower(s)
	for _, g := range []struct {
		words string
		t     model.ConduitType
	}{
		{"diode unidirectional datendiode", model.ConduitUnidirectional}, {"vpn ipsec", model.ConduitVPN},
		{"gateway proxy jump", model.ConduitGateway}, {"serial rs-485 rs485 rs-232", model.ConduitSerial},
		{"wireless radio funk wlan lte", model.ConduitWireless}, {"usb media", model.ConduitRemovableMedia},
		{"firewall fw", model.ConduitFirewall},
	} {
		for _, w := range strings.Fields(g.words) {
			if strings.Contains(n, w) {
				return g.t
			}
		}
	}
	return model.ConduitRouted
}

// DrawingCounts says how many objects of each kind ApplyDrawing added or
// updated.
type DrawingCounts struct {
	ZonesAdded      int `json:"zonesAdded"`
	ZonesUpdated    int `json:"zonesUpdated"`
	AssetsAdded     int `json:"assetsAdded"`
	AssetsUpdated   int `json:"assetsUpdated"`
	ConduitsAdded   int `json:"conduitsAdded"`
	ConduitsUpdated int `json:"conduitsUpdated"`
}

// ApplyDrawing merges a drawing into p: objects whose ID p already has get
// the drawing's name, place and kind (everything else about them is
// kept); the others are added. Flows replace a conduit's flows only when
// the drawing carried them.
func ApplyDrawing(p *model.Project, d *Drawing) DrawingCounts {
	var n DrawingCounts
	for _, z := range d.Zones {
		if old := p.Zone(z.ID); old != nil {
			old.Name, old.ParentID, old.Type, old.PurdueLevel, old.Bounds = z.Name, z.ParentID, z.Type, z.PurdueLevel, z.Bounds
			if z.Description != "" {
				old.Description = z.Description
			}
			n.ZonesUpdated++
			continue
		}
		p.Zones = append(p.Zones, z)
		n.ZonesAdded++
	}
	for _, a := range d.Assets {
		if old := p.Asset(a.ID); old != nil {
			old.Name, old.ZoneID, old.Class, old.Position = a.Name, a.ZoneID, a.Class, a.Position
			if d.carriedAsset[a.ID] {
				old.Function, old.Criticality = a.Function, a.Criticality
			}
			if a.Description != "" {
				old.Description = a.Description
			}
			n.AssetsUpdated++
			continue
		}
		p.Assets = append(p.Assets, a)
		n.AssetsAdded++
	}
	for _, c := range d.Conduits {
		if old := p.Conduit(c.ID); old != nil {
			old.Name, old.Type, old.ZoneIDs = c.Name, c.Type, c.ZoneIDs
			if d.carried[c.ID] {
				old.Flows = c.Flows
			}
			if c.Description != "" {
				old.Description = c.Description
			}
			n.ConduitsUpdated++
			continue
		}
		p.Conduits = append(p.Conduits, c)
		n.ConduitsAdded++
	}
	return n
}
