package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"zonewise/model"
	"zonewise/render/document"
)

// selfAssessmentReport is the --json output of import self-assessment
// (documented in README.md).
type selfAssessmentReport struct {
	Kind       string `json:"kind"`
	File       string `json:"file"`
	Project    string `json:"project"`
	DryRun     bool   `json:"dryRun"`
	Written    bool   `json:"written"`
	Answers    int    `json:"answers"`
	Added      int    `json:"added"`
	Replaced   int    `json:"replaced"`
	Unanswered int    `json:"unanswered"`
}

// importSelfAssessment reads the answers of a filled-in self-assessment
// workbook into the project as per-requirement answers, which the method
// then takes as the requirements' status (docs/METHOD.md step 6). The whole
// workbook is checked before the project is touched.
func importSelfAssessment(e *env, file, into string, dry, asJSON bool) int {
	lock := (*model.Lock)(nil)
	if !dry {
		var err error
		lock, err = model.AcquireLock(into)
		if err != nil {
			var le *model.LockedError
			if errors.As(err, &le) {
				return e.errorf("%s is open in Zonewise (%s): close it there first, so that the import is not overwritten when it saves", into, le.Holder)
			}
			return e.errorf("%v", err)
		}
		defer lock.Release()
	}
	p, err := model.Load(into)
	if err != nil {
		return e.errorf("%v", err)
	}
	f, err := os.Open(file)
	if err != nil {
		return e.errorf("open self-assessment: %v", err)
	}
	imp, err := document.ReadSelfAssessment(f, file, p)
	f.Close()
	if err != nil {
		return e.errorf("%v", err)
	}
	rep := selfAssessmentReport{Kind: "self-assessment", File: file, Project: into, DryRun: dry,
		Answers: len(imp.Answers), Unanswered: imp.Unanswered}
	rep.Added, rep.Replaced = document.MergeAnswers(p, imp.Answers)
	if problems := model.Validate(p); model.HasErrors(problems) {
		for _, pr := range problems {
			if pr.Severity == model.SeverityError {
				fmt.Fprintf(e.stderr, "%s: %s\n", into, pr)
			}
		}
		return e.errorf("%s: importing %s would leave the project with errors; nothing written", into, file)
	}
	if !dry && rep.Added+rep.Replaced > 0 {
		if err := model.Save(into, p); err != nil {
			return e.errorf("%s: save: %v", into, err)
		}
		rep.Written = true
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return e.errorf("%v", err)
		}
		return ExitOK
	}
	tail := ""
	switch {
	case dry:
		tail = " (dry run: nothing written)"
	case !rep.Written:
		tail = " (nothing to write)"
	}
	fmt.Fprintf(e.stdout, "%s: %d answers read from %s (%d added, %d replaced), %d questions unanswered%s\n",
		into, rep.Answers, file, rep.Added, rep.Replaced, rep.Unanswered, tail)
	return ExitOK
}
