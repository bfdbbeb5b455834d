package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/goccy/go-graphviz"
)

// gv is the one Graphviz instance of the process. go-graphviz runs Graphviz
// as WebAssembly, which is not safe for concurrent calls, so every use holds
// gvMu. The module is compiled on first use, not in package init: Zonewise
// links a patched go-graphviz (third_party/go-graphviz/ZONEWISE.md), so that
// commands that draw nothing do not pay for it.
var (
	gvMu sync.Mutex
	gv   *graphviz.Graphviz
)

// GraphvizStarted reports whether this process has loaded Graphviz (its
// WebAssembly module compiled and instantiated): commands that draw nothing
// (validate, assess, requirements, diff) must not, and a test holds them
// to it.
func GraphvizStarted() bool {
	return graphviz.Loaded()
}

// seeLayoutDOT, when set (by tests), sees every DOT source handed to
// Graphviz.
var seeLayoutDOT func(src []byte)

// layoutDOT lays out DOT source with the dot engine and renders it in format
// ("svg", "json" or "dot").
func layoutDOT(ctx context.Context, src []byte, format graphviz.Format) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if seeLayoutDOT != nil {
		seeLayoutDOT(src)
	}
	gvMu.Lock()
	defer gvMu.Unlock()
	if gv == nil {
		g, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("start graphviz: %w", err)
		}
		gv = g
	}
	graph, err := graphviz.ParseBytes(src)
	switch {
	case err != nil:
		return nil, fmt.Errorf("parse diagram DOT: %w", err)
	case graph == nil: // go-graphviz reports some failures without an error
		return nil, errors.New("parse diagram DOT: graphviz returned no graph")
	}
	defer graph.Close()
	var buf bytes.Buffer
	if err := gv.Render(ctx, graph, format, &buf); err != nil {
		return nil, fmt.Errorf("graphviz %s: %w", format, err)
	}
	if buf.Len() == 0 {
		return nil, errors.New("graphviz " + string(format) + ": empty output")
	}
	return buf.Bytes(), nil
}
