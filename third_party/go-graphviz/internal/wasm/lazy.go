package wasm

// Zonewise patch (see ZONEWISE.md at the module root): the WebAssembly
// module is compiled and instantiated on first use, not in package init, so
// that programs linking go-graphviz pay nothing until they lay out a graph.

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

var (
	loadMu sync.Mutex
	// loaded is the module once load has created it (load stores it, so
	// that the module's methods it calls find it); done is set when Load
	// has finished, hooks included.
	loaded atomic.Pointer[WasmModule]
	done   atomic.Bool
	onLoad []func(context.Context) error

	// lookupFuncs holds the Register_* callbacks, which package init of gvc
	// sets before the module exists.
	lookupFuncs = &LookupFuncMap{}
)

// getMod returns the module, loading it on the first call.
func getMod() *WasmModule {
	if m := loaded.Load(); m != nil {
		return m
	}
	Load()
	return loaded.Load()
}

// Load compiles and instantiates the module once and runs the OnLoad hooks
// (in registration order). It panics where the upstream package init did.
func Load() {
	if done.Load() {
		return
	}
	loadMu.Lock()
	defer loadMu.Unlock()
	if done.Load() || loaded.Load() != nil { // done, or loading on this goroutine
		return
	}
	load()
	for _, f := range onLoad {
		if err := f(context.Background()); err != nil {
			panic(err)
		}
	}
	done.Store(true)
}

// Loaded reports whether the module has been loaded in this process.
func Loaded() bool { return done.Load() }

// OnLoad registers f to run right after the module is loaded (from package
// init; not after Load).
func OnLoad(f func(context.Context) error) { onLoad = append(onLoad, f) }

// checkEnum compares a value declared as a Go constant with the module's.
func checkEnum(ctx context.Context, name string, declared int) {
	if v := mod.getEnumValue(ctx, name); v != declared {
		panic(fmt.Sprintf("go-graphviz: enum %s is %d in the module, declared %d", name, v, declared))
	}
}
