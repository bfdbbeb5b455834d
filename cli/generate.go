package cli

import "zonewise/model"

// Limits of generate, so that a typo cannot fill the disk.
const (
	maxGenerateZones  = 100_000
	maxGenerateAssets = 1_000_000
)

// runGenerate writes a synthetic plant for scale tests.
func runGenerate(e *env, args []string) int {
	fs := e.newFlags()
	zones := fs.Int("zones", 0, "number of zones (1..100000)")
	assets := fs.Int("assets", 0, "number of assets (0..1000000)")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same plant")
	out := fs.String("o", "", "write to `FILE`")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) > 0:
		return e.usagef("unexpected argument %q", pos[0])
	case *zones < 1 || *zones > maxGenerateZones:
		return e.usagef("--zones is %d, want 1..%d", *zones, maxGenerateZones)
	case *assets < 0 || *assets > maxGenerateAssets:
		return e.usagef("--assets is %d, want 0..%d", *assets, maxGenerateAssets)
	case *out == "":
		return e.usagef("-o FILE is required")
	}
	data, err := model.Marshal(model.Generate(*zones, *assets, *seed))
	if err != nil {
		return e.errorf("%v", err)
	}
	if err := saveProjectFile(*out, data); err != nil {
		return e.errorf("%v", err)
	}
	return ExitOK
}
