package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"zonewise/importer"
	"zonewise/model"
)

// drawioReport is the --json output of import drawio (documented in
// README.md).
type drawioReport struct {
	Kind    string `json:"kind"`
	File    string `json:"file"`
	Project string `json:"project"`
	Created bool   `json:"created"`
	DryRun  bool   `json:"dryRun"`
	Written bool   `json:"written"`
	importer.DrawingCounts
	Notes []importer.DrawingNote `json:"notes"`
}

// importDrawio maps a diagrams.net drawing to zones, assets and conduits
// and merges them into the project at into (created when it does not
// exist). A result with validation errors is not saved.
func importDrawio(e *env, file, into string, dry, asJSON bool) int {
	f, err := os.Open(file)
	if err != nil {
		return e.errorf("open drawio: %v", err)
	}
	d, err := importer.ReadDrawio(file, f)
	f.Close()
	if err != nil {
		return e.errorf("%v", err)
	}
	rep := drawioReport{Kind: "drawio", File: file, Project: into, DryRun: dry, Notes: d.Notes}
	if rep.Notes == nil {
		rep.Notes = []importer.DrawingNote{}
	}
	if !dry {
		lock, err := model.AcquireLock(into)
		if err != nil {
			var le *model.LockedError
			if errors.As(err, &le) {
				return e.errorf("%s is open in Zonewise (%s): close it there first, so that the import is not overwritten when it saves", into, le.Holder)
			}
			return e.errorf("%v", err)
		}
		defer lock.Release()
	}
	p, err := loadProject(into)
	if errors.Is(err, fs.ErrNotExist) {
		name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		p, err, rep.Created = model.New(name), nil, true
	}
	if err != nil {
		return e.errorf("%v", err)
	}
	rep.DrawingCounts = importer.ApplyDrawing(p, d)
	if problems := model.Validate(p); model.HasErrors(problems) {
		for _, pr := range problems {
			if pr.Severity == model.SeverityError {
				fmt.Fprintf(e.stderr, "%s: %s\n", into, pr)
			}
		}
		return e.errorf("%s: importing %s would leave the project with errors; nothing written", into, file)
	}
	if !dry {
		if err := saveProject(into, p); err != nil {
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
	for _, n := range rep.Notes {
		state := "not mapped"
		if n.Mapped {
			state = "check"
		}
		fmt.Fprintf(e.stdout, "%s:%d: %s: cell %s %q: %s\n", file, n.Line, state, n.Element, n.Label, n.Message)
	}
	c := rep.DrawingCounts
	tail := ""
	switch {
	case dry:
		tail = " (dry run: nothing written)"
	case rep.Created:
		tail = " (new project)"
	}
	fmt.Fprintf(e.stdout, "%s: zones %d added, %d updated; assets %d added, %d updated; conduits %d added, %d updated%s\n",
		into, c.ZonesAdded, c.ZonesUpdated, c.AssetsAdded, c.AssetsUpdated, c.ConduitsAdded, c.ConduitsUpdated, tail)
	return ExitOK
}
