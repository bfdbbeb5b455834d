package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"zonewise/importer"
	"zonewise/model"
)

// mapFlags collects repeated --map COLUMN=FIELD flags.
type mapFlags []string

func (m *mapFlags) String() string     { return strings.Join(*m, ",") }
func (m *mapFlags) Set(v string) error { *m = append(*m, v); return nil }

// importReport is the --json output of import (documented in README.md).
type importReport struct {
	Kind    string            `json:"kind"`
	File    string            `json:"file"`
	Project string            `json:"project"`
	Sheet   string            `json:"sheet,omitempty"`
	DryRun  bool              `json:"dryRun"`
	Written bool              `json:"written"`
	Columns []importer.Column `json:"columns,omitempty"`
	Added   int               `json:"added"`
	Updated int               `json:"updated"`
	Kept    int               `json:"kept"`
	Skipped int               `json:"skipped"`
	Steps   []importer.Step   `json:"steps"`
}

// runImport reads an asset inventory or an Nmap scan, matches it against
// the project's assets (by MAC, IP, then name), updates matched assets and
// adds new ones, and saves the project once, atomically, unless --dry-run.
// The input is read and checked in full before the project is touched.
func runImport(e *env, args []string) int {
	fs := e.newFlags()
	into := fs.String("into", "", "the project file to import into")
	var maps mapFlags
	fs.Var(&maps, "map", "COLUMN=FIELD: map an inventory column to a field (repeatable); FIELD ignore drops the column")
	sheet := fs.String("sheet", "", "the XLSX sheet to read (default: the first)")
	dry := fs.Bool("dry-run", false, "show what would change; write nothing")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) == 3 && pos[0] == "self-assessment" && *into == "" {
		// import self-assessment FILE.xlsx PROJECT: the project may follow the file.
		*into, pos = pos[2], pos[:2]
	}
	if len(pos) != 2 {
		return e.usagef("want a kind (assets, nmap, csaf, drawio or self-assessment) and one FILE, got %d arguments", len(pos))
	}
	kind, file := pos[0], pos[1]
	if kind != "assets" && kind != "nmap" && kind != "drawio" && kind != "csaf" && kind != "self-assessment" {
		return e.usagef("unknown import kind %q, want assets, nmap, csaf, drawio or self-assessment", kind)
	}
	if *into == "" {
		return e.usagef("--into PROJECT is required")
	}
	if kind == "self-assessment" {
		if len(maps) > 0 || *sheet != "" {
			return e.usagef("--map and --sheet apply to import assets only")
		}
		return importSelfAssessment(e, file, *into, *dry, *asJSON)
	}
	if kind == "drawio" {
		if len(maps) > 0 || *sheet != "" {
			return e.usagef("--map and --sheet apply to import assets only")
		}
		return importDrawio(e, file, *into, *dry, *asJSON)
	}
	if kind == "csaf" {
		if len(maps) > 0 || *sheet != "" {
			return e.usagef("--map and --sheet apply to import assets only")
		}
		return importCSAF(e, file, *into, *dry, *asJSON)
	}
	overrides := map[string]importer.Field{}
	for _, m := range maps {
		col, field, found := strings.Cut(m, "=")
		f, valid := importer.ParseField(field)
		if !found || strings.TrimSpace(col) == "" || !valid {
			var names []string
			for _, f := range importer.Fields() {
				names = append(names, string(f))
			}
			return e.usagef("--map %q: want COLUMN=FIELD with FIELD one of %s", m, strings.Join(names, ", "))
		}
		overrides[strings.TrimSpace(col)] = f
	}
	if kind == "nmap" && (len(overrides) > 0 || *sheet != "") {
		return e.usagef("--map and --sheet apply to import assets only")
	}

	rep := importReport{Kind: kind, File: file, Project: *into, DryRun: *dry, Steps: []importer.Step{}}
	recs, skips, err := readImport(kind, file, *sheet, overrides, &rep)
	if err != nil {
		return e.errorf("%v", err)
	}
	var lock *model.Lock
	if !*dry {
		lock, err = model.AcquireLock(*into)
		if err != nil {
			var le *model.LockedError
			if errors.As(err, &le) {
				return e.errorf("%s is open in Zonewise (%s): close it there first, so that the import is not overwritten when it saves", *into, le.Holder)
			}
			return e.errorf("%v", err)
		}
		defer lock.Release()
	}
	p, err := loadProject(*into)
	if err != nil {
		return e.errorf("%v", err)
	}
	steps := importer.Plan(p, recs, nil)
	for _, s := range skips {
		steps = append(steps, importer.Step{Source: s.Source, Action: importer.ActionSkip, Reason: s.Reason})
	}
	rep.Steps = steps
	n := importer.Counts(steps)
	rep.Added, rep.Updated, rep.Kept, rep.Skipped = n[importer.ActionAdd], n[importer.ActionUpdate], n[importer.ActionKeep], n[importer.ActionSkip]
	if !*dry && rep.Added+rep.Updated > 0 {
		importer.Apply(p, steps)
		if err := saveProject(*into, p); err != nil {
			return e.errorf("%s: save: %v", *into, err)
		}
		rep.Written = true
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return e.errorf("%v", err)
		}
		return ExitOK
	}
	printImport(e, &rep)
	return ExitOK
}

// readImport reads and checks the whole input file.
func readImport(kind, file, sheet string, overrides map[string]importer.Field, rep *importReport) ([]importer.Record, []importer.Skip, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, nil, fmt.Errorf("open %s: %w", kind, err)
	}
	defer f.Close()
	if kind == "nmap" {
		return importer.ReadNmap(file, f)
	}
	inv, err := importer.ReadInventory(file, f, sheet, overrides)
	if err != nil {
		return nil, nil, err
	}
	rep.Columns, rep.Sheet = inv.Columns, inv.Sheet
	return inv.Records, inv.Skipped, nil
}

func printImport(e *env, rep *importReport) {
	if len(rep.Columns) > 0 {
		var cols []string
		for _, c := range rep.Columns {
			if c.Field == "" {
				cols = append(cols, fmt.Sprintf("%q (not imported)", c.Header))
			} else {
				cols = append(cols, fmt.Sprintf("%q -> %s", c.Header, c.Field))
			}
		}
		fmt.Fprintf(e.stdout, "%s: columns %s\n", rep.File, strings.Join(cols, ", "))
	}
	for _, s := range rep.Steps {
		line := fmt.Sprintf("%-8s %s", s.Action, s.Source)
		if s.Name != "" {
			line += fmt.Sprintf(" %q", s.Name)
		}
		switch {
		case s.Action == importer.ActionUpdate:
			line += fmt.Sprintf(" (matched by %s): %s", s.MatchedBy, strings.Join(s.Changes, ", "))
		case s.Reason != "":
			line += ": " + s.Reason
		}
		for _, n := range s.Notes {
			line += "; " + n
		}
		fmt.Fprintln(e.stdout, line)
	}
	tail := ""
	switch {
	case rep.DryRun:
		tail = " (dry run: nothing written)"
	case !rep.Written:
		tail = " (nothing to write)"
	}
	fmt.Fprintf(e.stdout, "%s: %d added, %d updated, %d kept, %d skipped%s\n", rep.Project, rep.Added, rep.Updated, rep.Kept, rep.Skipped, tail)
}
