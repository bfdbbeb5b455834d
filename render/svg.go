package render

import (
	"context"
	"fmt"

	"github.com/goccy/go-graphviz"

	"zonewise/model"
	"zonewise/risk"
)

// SVG renders the diagram of p for view v as SVG with Graphviz in process.
// r may be nil. Zones and conduits carry ids as described at DOT; the
// result is checked to hold every zone and conduit of the view.
func SVG(ctx context.Context, p *model.Project, r *risk.Result, v View) ([]byte, error) {
	s := newScene(p, r, v)
	out, err := layoutDOT(ctx, s.dot(p, v), graphviz.SVG)
	if err != nil {
		return nil, fmt.Errorf("render diagram of %q: %w", p.Name, err)
	}
	ids, err := svgIDs(out)
	if err == nil {
		err = s.checkIDs(ids)
	}
	if err != nil {
		return nil, fmt.Errorf("render diagram of %q: %w", p.Name, err)
	}
	return out, nil
}
