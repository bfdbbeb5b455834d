package render

import (
	"testing"
	"time"

	"github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/cgraph"

	"zonewise/model"
)

// FuzzNames puts arbitrary text in every name of a two-zone plant and checks
// that the DOT still parses to exactly the nodes and edges it should have:
// nothing injected, nothing lost.
func FuzzNames(f *testing.F) {
	for _, s := range hostile {
		if len(s) < 1000 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, name string) {
		p := model.New(name)
		p.Zones = []model.Zone{
			{ID: model.ID(name + "1"), Name: name, Type: model.ZoneType(name), PurdueLevel: 2},
			{ID: model.ID(name + "2"), Name: name, Type: model.ZoneControl, PurdueLevel: 1, ParentID: model.ID(name + "1")},
		}
		p.Assets = []model.Asset{{ID: "a", Name: name, Class: model.AssetClass(name), ZoneID: model.ID(name + "1")}}
		p.Conduits = []model.Conduit{{ID: model.ID(name), Name: name, Type: model.ConduitType(name), ZoneIDs: []model.ID{p.Zones[0].ID, p.Zones[1].ID}}}
		dot := DOT(p, nil, View{})
		gvMu.Lock()
		defer gvMu.Unlock()
		type parsed struct {
			g   *cgraph.Graph
			err error
		}
		done := make(chan parsed, 1)
		go func() {
			g, err := graphviz.ParseBytes(dot)
			done <- parsed{g, err}
		}()
		var g *cgraph.Graph
		select {
		case res := <-done:
			g = res.g
			if res.err != nil || g == nil {
				t.Fatalf("DOT does not parse (%v):\n%s", res.err, dot)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("parsing the DOT hangs:\n%s", dot)
		}
		defer g.Close()
		nodes, err := g.NodeNum()
		if err != nil {
			t.Fatal(err)
		}
		edges, err := g.EdgeNum()
		if err != nil {
			t.Fatal(err)
		}
		// 2 zones + 2 band anchors + legend + 1 conduit node; 2 conduit
		// edges + 1 band chain edge + 2 anchor edges + 1 legend edge.
		if nodes != 6 || edges != 6 {
			t.Errorf("%d nodes and %d edges, want 6 and 6:\n%s", nodes, edges, dot)
		}
	})
}
