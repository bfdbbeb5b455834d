package graphviz

import "github.com/goccy/go-graphviz/internal/wasm"

// Loaded reports whether this process has compiled and instantiated the
// Graphviz WebAssembly module, which happens on first use (Zonewise patch,
// see ZONEWISE.md).
func Loaded() bool { return wasm.Loaded() }
