package app

import (
	"fmt"
	"log/slog"
	"strings"

	"zonewise/model"
	"zonewise/risk"
)

// assess runs the risk engine. A panic in the engine on some odd project
// must not take the user's unsaved work with it: it becomes an error shown
// in the status line, and the last good result is dropped.
func assess(p *model.Project, cat *risk.Catalog) (res *risk.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			slog.Error("risk engine panic", "panic", r)
			res, err = nil, fmt.Errorf("the risk engine failed on this project: %v", r)
		}
	}()
	res = risk.Assess(p, cat)
	// The explanations in the interface language (documents take theirs
	// in the document language from the same result).
	risk.Localize(res, msgs.Lang())
	return res, nil
}

// validate lists the project's problems (errors first).
func validate(p *model.Project) []model.Problem { return model.Validate(p) }

func countErrors(ps []model.Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == model.SeverityError {
			n++
		}
	}
	return n
}

// problemText is one line of the problems list.
func problemText(p model.Problem) string {
	s := p.Kind
	if k := "problem.kind." + strings.ReplaceAll(p.Kind, " ", "-"); msgs.Has(k) {
		s = tr(k)
	}
	if p.Object != "" {
		s += " “" + p.Object + "”"
	}
	if p.Field != "" {
		s += ", " + p.Field
	}
	return s + ": " + p.LocalMessage(msgs)
}
