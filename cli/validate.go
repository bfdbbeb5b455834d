package cli

import (
	"fmt"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/render/document"
)

// runValidate loads FILE and prints one line per problem. Warnings alone
// leave the exit code at 0; errors or a file that does not load give 1.
func runValidate(e *env, args []string) int {
	fs := e.newFlags()
	langFlag := fs.String("lang", "", "language of the problem messages `en|de` (default: the project's language, else en)")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return e.usagef("want exactly one FILE, got %d arguments", len(pos))
	}
	want, err := langOption(*langFlag)
	if err != nil {
		return e.usagef("%v", err)
	}
	path := pos[0]
	p, err := loadProject(path)
	if err != nil {
		return e.errorf("%s", loadError(err, want))
	}
	problems := model.Validate(p)
	c := i18n.For(document.ProjectLang(p, want, i18n.EN))
	errs := 0
	for _, pr := range problems {
		fmt.Fprintf(e.stdout, "%s: %s\n", path, pr.In(c))
		if pr.Severity == model.SeverityError {
			errs++
		}
	}
	if errs > 0 {
		return e.errorf("%s: %s", path, c.T("cli.validate.summary", map[string]any{"Errors": errs, "Warnings": len(problems) - errs}))
	}
	return ExitOK
}
