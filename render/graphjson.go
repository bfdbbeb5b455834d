package render

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// gvGraph is the part of Graphviz's "json" output (layout plus xdot drawing
// operations) that Zonewise reads. Coordinates are in points, y up.
type gvGraph struct {
	BB      string     `json:"bb"`
	Draw    []xop      `json:"_draw_"`
	LDraw   []xop      `json:"_ldraw_"`
	Objects []gvObject `json:"objects"`
	Edges   []gvEdge   `json:"edges"`
}

// gvObject is a subgraph (no Pos) or a node.
type gvObject struct {
	Name    string `json:"name"`
	ID      string `json:"id"`
	Class   string `json:"class"`
	BB      string `json:"bb"`
	Pos     string `json:"pos"`
	Width   string `json:"width"`  // inches
	Height  string `json:"height"` // inches
	Style   string `json:"style"`
	Tooltip string `json:"tooltip"`
	Draw    []xop  `json:"_draw_"`
	LDraw   []xop  `json:"_ldraw_"`
}

type gvEdge struct {
	ID      string `json:"id"`
	Class   string `json:"class"`
	Tail    int    `json:"tail"`
	Head    int    `json:"head"`
	Style   string `json:"style"`
	Tooltip string `json:"tooltip"`
	Draw    []xop  `json:"_draw_"`
	LDraw   []xop  `json:"_ldraw_"`
	HDraw   []xop  `json:"_hdraw_"`
	TDraw   []xop  `json:"_tdraw_"`
	HLDraw  []xop  `json:"_hldraw_"`
	TLDraw  []xop  `json:"_tldraw_"`
}

// xop is one xdot drawing operation.
type xop struct {
	Op       string       `json:"op"`
	Color    string       `json:"color"`
	Grad     string       `json:"grad"`
	Stops    []gvStop     `json:"stops"`
	Points   [][2]float64 `json:"points"`
	Rect     [4]float64   `json:"rect"`
	Style    string       `json:"style"`
	Size     float64      `json:"size"`
	Face     string       `json:"face"`
	Fontchar int          `json:"fontchar"`
	Pt       [2]float64   `json:"pt"`
	Align    string       `json:"align"`
	Width    float64      `json:"width"`
	Text     string       `json:"text"`
}

type gvStop struct {
	Frac  float64 `json:"frac"`
	Color string  `json:"color"`
}

func parseGraph(data []byte) (*gvGraph, error) {
	var g gvGraph
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("read graphviz layout: %w", err)
	}
	if _, err := parseFloats(g.BB, 4); err != nil {
		return nil, fmt.Errorf("read graphviz layout: bounding box: %w", err)
	}
	return &g, nil
}

// bounds returns the graph's bounding box: left, bottom, right, top.
func (g *gvGraph) bounds() (x0, y0, x1, y1 float64) {
	v, _ := parseFloats(g.BB, 4)
	return v[0], v[1], v[2], v[3]
}

// parseFloats reads n comma-separated numbers.
func parseFloats(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("%q: want %d numbers", s, n)
	}
	out := make([]float64, n)
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", s, err)
		}
		out[i] = f
	}
	return out, nil
}

// ids lists the id attributes of the graph's objects and visible edges.
func (g *gvGraph) ids() map[string]bool {
	out := map[string]bool{}
	for _, o := range g.Objects {
		if o.ID != "" {
			out[o.ID] = true
		}
	}
	for _, e := range g.Edges {
		if e.ID != "" && e.Style != "invis" {
			out[e.ID] = true
		}
	}
	return out
}
