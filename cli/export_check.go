package cli

import (
	"encoding/json"
	"fmt"
	"slices"

	"zonewise/model"
	"zonewise/risk"
	"zonewise/templates"
)

// exportReport is the --json output of export (documented in README.md).
type exportReport struct {
	// Files are the paths written, in the order written.
	Files []string `json:"files"`
	// DocumentCheck lists the rules the policies and procedures left out or
	// softened because the model rules them out, and why.
	DocumentCheck []templates.Adjustment `json:"documentCheck"`
}

// documentCheck returns the adjustments of the documents kind exports and
// prints each as a warning on stderr: they are not errors, but the author
// must see every rule the documents did not write as a generic rule book
// would.
func documentCheck(e *env, path string, p *model.Project, r *risk.Result, kind string) []templates.Adjustment {
	out := []templates.Adjustment{}
	for _, a := range templates.CheckDocuments(p, r) {
		if kind != a.Document && kind != "all" {
			continue
		}
		fmt.Fprintf(e.stderr, "%s: warning: %s: %s (%s)\n", path, a.Document, a.Reason, a.Rule)
		out = append(out, a)
	}
	return out
}

// exported reports the files written: one path a line, or the JSON report.
func (e *env) exported(paths []string, checks []templates.Adjustment, asJSON bool) int {
	if !asJSON {
		for _, p := range paths {
			fmt.Fprintln(e.stdout, p)
		}
		return ExitOK
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(exportReport{Files: slices.Clip(paths), DocumentCheck: checks}); err != nil {
		return e.errorf("write json: %v", err)
	}
	return ExitOK
}

// parseSep reads --csv-sep: a comma, a semicolon or a tab.
func parseSep(s string) (rune, bool) {
	switch s {
	case ",":
		return ',', true
	case ";":
		return ';', true
	case "tab", "\t", "\\t":
		return '\t', true
	}
	return 0, false
}
