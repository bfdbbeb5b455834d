package cli

import "zonewise/model"

// runSample writes the built-in sample plant to stdout or to -o FILE.
func runSample(e *env, args []string) int {
	fs := e.newFlags()
	out := fs.String("o", "", "write to `FILE` instead of stdout")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return e.usagef("unexpected argument %q", pos[0])
	}
	data, err := model.Marshal(model.Sample())
	if err != nil {
		return e.errorf("%v", err)
	}
	if *out == "" {
		if _, err := e.stdout.Write(data); err != nil {
			return e.errorf("write: %v", err)
		}
		return ExitOK
	}
	if err := saveProjectFile(*out, data); err != nil {
		return e.errorf("%v", err)
	}
	return ExitOK
}
