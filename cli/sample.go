package cli

import "zonewise/model"

// runSample writes the built-in sample plant to stdout or to -o FILE.
// Without --lang it is the sample as it has always been written (German
// names, English prose; documents and tests are built on it); --lang en or
// de writes it wholly in that language, with the project's document
// language set.
func runSample(e *env, args []string) int {
	fs := e.newFlags()
	out := fs.String("o", "", "write to `FILE` instead of stdout")
	langFlag := fs.String("lang", "", "write the sample in `en|de`: its texts and document language (default: the sample as it always was)")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return e.usagef("unexpected argument %q", pos[0])
	}
	lang, err := langOption(*langFlag)
	if err != nil {
		return e.usagef("%v", err)
	}
	p := model.Sample()
	if lang != "" {
		if p, err = model.SampleIn(string(lang)); err != nil {
			return e.errorf("%v", err)
		}
	}
	data, err := model.Marshal(p)
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
