package wasm

// Zonewise patch (see ZONEWISE.md at the module root): the WebAssembly
// module is compiled and instantiated on first use, not in package init, so
// that programs linking go-graphviz pay nothing until they lay out a graph.

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero/api"
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

// pooledFunction is an exported function of the module whose wazero
// instances are reused: upstream made a new one (and a new call engine,
// with its stack) for every call, a tenth of a large layout's time. An
// instance serves one call at a time, so calls that nest (through the
// callbacks) or overlap take another one.
type pooledFunction struct {
	api.Function // the first instance, for Definition
	m            *WasmModule
	name         string
}

var (
	fnMu   sync.Mutex
	fnFree = map[string][]api.Function{}
	fnDef  = map[string]*pooledFunction{}
)

func (m *WasmModule) exportedFunction(name string) api.Function {
	fnMu.Lock()
	defer fnMu.Unlock()
	f, ok := fnDef[name]
	if !ok {
		first := m.mod.ExportedFunction(name)
		if first == nil {
			return nil
		}
		f = &pooledFunction{Function: first, m: m, name: name}
		fnDef[name] = f
		fnFree[name] = append(fnFree[name], first)
	}
	return f
}

func (f *pooledFunction) get() api.Function {
	fnMu.Lock()
	free := fnFree[f.name]
	if n := len(free); n > 0 {
		fn := free[n-1]
		fnFree[f.name] = free[:n-1]
		fnMu.Unlock()
		return fn
	}
	fnMu.Unlock()
	return f.m.mod.ExportedFunction(f.name)
}

func (f *pooledFunction) put(fn api.Function) {
	fnMu.Lock()
	fnFree[f.name] = append(fnFree[f.name], fn)
	fnMu.Unlock()
}

func (f *pooledFunction) Call(ctx context.Context, params ...uint64) ([]uint64, error) {
	fn := f.get()
	ret, err := fn.Call(ctx, params...)
	if err == nil {
		// The results live in the instance's stack: copy them out before
		// another call may reuse it.
		ret = append([]uint64(nil), ret...)
	}
	f.put(fn)
	return ret, err
}

func (f *pooledFunction) CallWithStack(ctx context.Context, stack []uint64) error {
	fn := f.get()
	err := fn.CallWithStack(ctx, stack)
	f.put(fn)
	return err
}
