package render

import (
	"bytes"
	"context"
	"regexp"
	"testing"

	"zonewise/model"
)

// TestGraphvizLaysOutZonesAndConduitsOnly: the diagram of a plant with 50
// assets per zone hands Graphviz one box per zone and conduit (and a few
// band, title and legend nodes), no node per asset: assets are placed
// inside their zone's card by this package, so that Graphviz's layout does
// not grow with them.
func TestGraphvizLaysOutZonesAndConduitsOnly(t *testing.T) {
	p := model.Generate(12, 600, 3)
	var srcs [][]byte
	seeLayoutDOT = func(src []byte) { srcs = append(srcs, bytes.Clone(src)) }
	defer func() { seeLayoutDOT = nil }()
	if _, err := SVG(context.Background(), p, nil, View{}); err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 1 {
		t.Fatalf("Graphviz was called %d times, want once", len(srcs))
	}
	src := srcs[0]
	// (Asset names do reach Graphviz, in the zones' tooltips, which it
	// hands back for the SVG; as text, not as nodes to place.)
	// Node statements: a name, then attributes ("z3 [...]"); edges have "->".
	nodes := 0
	for _, line := range bytes.Split(src, []byte("\n")) {
		if nodeStmt.Match(line) && !bytes.Contains(line, []byte("->")) {
			nodes++
		}
	}
	if most := len(p.Zones) + len(p.Conduits) + 40; nodes > most {
		t.Errorf("%d node statements for %d zones and %d conduits, want at most %d", nodes, len(p.Zones), len(p.Conduits), most)
	}
	if nodes < len(p.Zones) {
		t.Errorf("%d node statements for %d zones: the count misses the zones", nodes, len(p.Zones))
	}
}

var nodeStmt = regexp.MustCompile(`^\s*"?[A-Za-z0-9_]+"?\s*\[`)
