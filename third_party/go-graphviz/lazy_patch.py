#!/usr/bin/env python3
"""Makes go-graphviz start its WebAssembly module on first use instead of in
package init (see ZONEWISE.md). Run from this folder on an unpacked upstream
copy: python3 lazy_patch.py. Idempotent only on the upstream text."""
import re

p = 'internal/wasm/bind.go'
src = open(p).read()
lines = src.split('\n')

# The module's init becomes load(); find its extent (the first "func init()"
# up to the first closing brace at column 0).
start = lines.index('func init() {')
end = next(i for i in range(start, len(lines)) if lines[i] == '}')
lines[start] = 'func load() {'

enum = re.compile(r'^\t([A-Z_0-9]+) = [A-Za-z]+\(mod\.getEnumValue\(ctx, "([A-Za-z_]+)"\)\)$')
modref = re.compile(r'(?<![.\w])mod\.')
enum_names = []
for i, l in enumerate(lines):
    if start <= i <= end:
        m = enum.match(l)
        if m:  # the values are declared as constants; load checks them
            lines[i] = '\tcheckEnum(ctx, "%s", int(%s))' % (m.group(2), m.group(1))
            enum_names.append((m.group(1), m.group(2)))
        elif l.strip() == 'lookupFuncMap: &LookupFuncMap{},':
            lines[i] = l.replace('&LookupFuncMap{}', 'lookupFuncs')
        continue
    if 'mod.lookupFuncMap.' in l and l.lstrip().startswith('mod.lookupFuncMap.') and ' = fn' in l:
        lines[i] = l.replace('mod.lookupFuncMap.', 'lookupFuncs.')
        continue
    lines[i] = modref.sub('getMod().', l)

# Publish the module as soon as it exists: its own methods, which load()
# calls for the enum values, reach it through getMod().
i = lines.index('\tmod = &WasmModule{', start)
close = next(j for j in range(i, end) if lines[j] == '\t}')
lines.insert(close + 1, '\tloaded.Store(mod)')

src = '\n'.join(lines)
# Exported functions are pooled (lazy.go) instead of made anew per call.
old = 'func (m *WasmModule) ExportedFunction(name string) api.Function {\n\treturn m.mod.ExportedFunction(name)\n}'
assert old in src
src = src.replace(old, 'func (m *WasmModule) ExportedFunction(name string) api.Function {\n\treturn m.exportedFunction(name)\n}')
# The values of the enums that the generator declared with their position
# instead of their C value (Graphviz's bit flags, AGEDGE = AGOUTEDGE). Taken
# from the module (load checks every enum and panics on a difference).
module_values = {'LAYOUT_NOT_REQUIRED': 67108864, 'OUTPUT_NOT_REQUIRED': 134217728, 'AGEDGE': 2, 'EMIT_SORTED': 1, 'EMIT_COLORS': 2, 'EMIT_CLUSTERS_LAST': 4, 'EMIT_PREORDER': 8, 'EMIT_EDGE_SORTED': 16, 'GVDEVICE_DOES_PAGES': 32, 'GVDEVICE_DOES_LAYERS': 64, 'GVDEVICE_EVENTS': 128, 'GVDEVICE_DOES_TRUECOLOR': 256, 'GVDEVICE_BINARY_FORMAT': 512, 'GVDEVICE_COMPRESSED_FORMAT': 1024, 'GVDEVICE_NO_WRITER': 2048, 'GVRENDER_Y_GOES_DOWN': 4096, 'GVRENDER_DOES_TRANSFORM': 8192, 'GVRENDER_DOES_LABELS': 32768, 'GVRENDER_DOES_MAPS': 65536, 'GVRENDER_DOES_MAP_RECTANGLE': 131072, 'GVRENDER_DOES_MAP_CIRCLE': 262144, 'GVRENDER_DOES_MAP_POLYGON': 524288, 'GVRENDER_DOES_MAP_ELLIPSE': 1048576, 'GVRENDER_DOES_MAP_BSPLINE': 2097152, 'GVRENDER_DOES_TOOLTIPS': 4194304, 'GVRENDER_DOES_TARGETS': 8388608, 'GVRENDER_DOES_Z': 16777216, 'GVRENDER_NO_WHITE_BG': 33554432}
for go_name, c_name in enum_names:
    if c_name in module_values:
        decl = re.compile(r'^(\t%s +[A-Za-z]+ = )-?[0-9]+$' % go_name, re.M)
        src, n = decl.subn(lambda m: m.group(1) + str(module_values[c_name]), src)
        assert n == 1, (go_name, n)
open(p, 'w').write(src)

p = 'internal/wasm/ext.go'
src = open(p).read()
open(p, 'w').write(modref.sub('getMod().', src))
