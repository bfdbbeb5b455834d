package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"zonewise/importer"
	"zonewise/model"
	"zonewise/rules"
)

// importKind is a source File ▸ Import reads.
type importKind int

const (
	importInventory importKind = iota
	importNmap
	importTraffic
	importCSAF
	importCSAFFolder
	importDrawio
	importFirewall
)

// importPlan is what an import would do, read and planned off the UI
// goroutine, shown in the preview and turned into one undoable command.
type importPlan struct {
	kind importKind
	path string
	data []byte // the file, kept so that a new column mapping re-reads it

	// Inventories and scans: the column mapping (inventories), the
	// records, the choice per matched record, and the resulting steps.
	columns   []importer.Column
	overrides map[string]importer.Field
	records   []importer.Record
	skips     []importer.Skip
	decisions map[string]importer.Decision
	steps     []importer.Step

	csaf    importer.CSAFPlan
	skipped []string // folder files that are not advisories

	// Traffic and firewall review: the record to keep, and what the
	// preview shows besides (zone suggestions, inputs).
	record      *model.ObservationRecord
	suggestions []importer.Suggestion
	accepted    map[int]bool // zone suggestions the user applies, by index
	inputs      []importer.Input

	drawing *importer.Drawing
	after   *model.Project // the project after a drawing import
	counts  importer.DrawingCounts
}

// readImport reads and plans an import of path into p (a copy the caller
// does not share with the UI goroutine).
func readImport(p *model.Project, kind importKind, path string) (*importPlan, error) {
	pl := &importPlan{kind: kind, path: path, overrides: map[string]importer.Field{}, decisions: map[string]importer.Decision{}, accepted: map[int]bool{}}
	if kind == importCSAFFolder || kind == importCSAF {
		advs, skipped, err := importer.ReadCSAFPath(path)
		if err != nil {
			return nil, err
		}
		pl.csaf, pl.skipped = importer.PlanCSAF(p, advs), skipped
		return pl, nil
	}
	if kind == importTraffic {
		// A capture is read as a stream: memory stays flat however large
		// the file (it is never held whole, unlike the small files below).
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", filepath.Base(path), err)
		}
		defer f.Close()
		t := importer.NewTraffic()
		if _, err := importer.ReadTraffic(path, f, t); err != nil {
			return nil, err
		}
		res := importer.Reconcile(p, t.Flows())
		pl.record, pl.suggestions, pl.inputs = importer.Observation(t.Inputs, res, time.Now()), res.Suggestions, t.Inputs
		return pl, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", filepath.Base(path), err)
	}
	pl.data = data
	switch kind {
	case importInventory:
		if err := pl.readInventory(); err != nil {
			return nil, err
		}
	case importNmap:
		if pl.records, pl.skips, err = importer.ReadNmap(path, bytes.NewReader(data)); err != nil {
			return nil, err
		}
	case importFirewall:
		rs, err := rules.ParseDump(path, data)
		if err != nil {
			return nil, err
		}
		pl.record = rules.Observation(rs, rules.Review(p, rs), time.Now())
		return pl, nil
	case importDrawio:
		d, err := importer.ReadDrawio(path, bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		pl.drawing, pl.after = d, model.CloneProject(p)
		pl.counts = importer.ApplyDrawing(pl.after, d)
		return pl, nil
	}
	pl.plan(p)
	return pl, nil
}

// readInventory (re-)reads the inventory with the current column mapping.
func (pl *importPlan) readInventory() error {
	inv, err := importer.ReadInventory(pl.path, bytes.NewReader(pl.data), "", pl.overrides)
	if err != nil {
		return err
	}
	pl.columns, pl.records, pl.skips = inv.Columns, inv.Records, inv.Skipped
	return nil
}

// plan matches the records against p with the choices made so far.
func (pl *importPlan) plan(p *model.Project) {
	pl.steps = importer.Plan(p, pl.records, func(r importer.Record, _ *model.Asset) importer.Decision {
		if d, ok := pl.decisions[r.Source]; ok {
			return d
		}
		return importer.DecideUpdate
	})
	for _, s := range pl.skips {
		pl.steps = append(pl.steps, importer.Step{Source: s.Source, Action: importer.ActionSkip, Reason: s.Reason})
	}
}

// command turns the plan into one undoable command on p, or nil when it
// changes nothing. Its label says what it did.
func (pl *importPlan) command(p *model.Project) model.Command {
	file := filepath.Base(pl.path)
	var cmds []model.Command
	var label string
	switch pl.kind {
	case importInventory, importNmap:
		n := importer.Counts(pl.steps)
		for _, st := range pl.steps {
			switch st.Action {
			case importer.ActionAdd:
				cmds = append(cmds, &model.Add[model.Asset]{Item: *st.Asset})
			case importer.ActionUpdate:
				cmds = append(cmds, &model.Update[model.Asset]{After: *st.Asset})
			}
		}
		label = tr("import.undo.assets", map[string]any{"File": file, "Added": n[importer.ActionAdd], "Updated": n[importer.ActionUpdate]})
	case importCSAF, importCSAFFolder:
		n := pl.csaf.Counts()
		if n[importer.AdvisoryNew]+n[importer.AdvisoryChanged]+n[importer.AdvisoryWithdrawn] == 0 {
			return nil
		}
		q := model.CloneProject(p)
		importer.ApplyCSAF(q, pl.csaf)
		cmds = append(cmds, &model.UpdateRegisters{Vulnerabilities: q.Vulnerabilities, Compensating: q.Compensating})
		cmds = append(cmds, changed[model.ThreatScenario](p, q)...)
		label = tr("import.undo.csaf", map[string]any{"File": file, "New": n[importer.AdvisoryNew], "Changed": n[importer.AdvisoryChanged], "Withdrawn": n[importer.AdvisoryWithdrawn]})
	case importTraffic, importFirewall:
		cmds = append(cmds, &model.SetObservation{Firewall: pl.kind == importFirewall, Record: pl.record})
		label = tr("import.undo.traffic", map[string]any{"File": file})
		if zc := pl.suggestionCommands(p); len(zc) > 0 {
			cmds = append(cmds, zc...)
			n := 0
			for _, on := range pl.accepted {
				if on {
					n++
				}
			}
			label = tr("import.undo.trafficZones", map[string]any{"File": file, "N": n})
		}
		if pl.kind == importFirewall {
			label = tr("import.undo.firewall", map[string]any{"File": file})
		}
	case importDrawio:
		cmds = slicesConcat(changed[model.Zone](p, pl.after), changed[model.Asset](p, pl.after), changed[model.Conduit](p, pl.after))
		c := pl.counts
		label = tr("import.undo.drawio", map[string]any{"File": file,
			"Added": c.ZonesAdded + c.AssetsAdded + c.ConduitsAdded, "Updated": c.ZonesUpdated + c.AssetsUpdated + c.ConduitsUpdated})
	}
	if len(cmds) == 0 {
		return nil
	}
	return &model.Batch{Name: label, Commands: cmds}
}

func slicesConcat(lists ...[]model.Command) []model.Command {
	var out []model.Command
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// changed lists the commands that turn p's objects of kind T into q's:
// an Add for each new one, an Update for each that differs. Imports never
// remove objects.
func changed[T model.Object](p, q *model.Project) []model.Command {
	var cmds []model.Command
	for _, after := range *model.Collection[T](q) {
		before, _ := model.Find[T](p, model.ObjectID(&after))
		switch {
		case before == nil:
			cmds = append(cmds, &model.Add[T]{Item: after})
		case !sameJSON(*before, after):
			cmds = append(cmds, &model.Update[T]{After: after})
		}
	}
	return cmds
}

func sameJSON(a, b any) bool {
	x, errA := json.Marshal(a)
	y, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(x, y)
}

// suggestionCommands apply the zone suggestions the user accepted: the
// assets move into the suggested existing zone, or into a new zone with the
// suggested name, subnet and VLAN (type control, Purdue level 1, as Edit ▸
// Add zone makes one: the user sets them), placed right of the others.
func (pl *importPlan) suggestionCommands(p *model.Project) []model.Command {
	var cmds []model.Command
	x := 40.0
	for _, z := range p.Zones {
		x = max(x, z.Bounds.X+z.Bounds.W+40)
	}
	for i, s := range pl.suggestions {
		if !pl.accepted[i] {
			continue
		}
		zone := s.Zone
		if zone == "" || p.Zone(zone) == nil {
			z := model.Zone{ID: model.NewID(), Name: s.Name, Type: model.ZoneControl, PurdueLevel: 1,
				Bounds: model.Rect{X: x, Y: 40, W: 300, H: 180}}
			if s.Subnet != "" {
				z.Subnets = []string{s.Subnet}
			}
			if s.VLAN > 0 {
				z.VLANs = []int{s.VLAN}
			}
			x += 340
			cmds = append(cmds, &model.Add[model.Zone]{Item: z})
			zone = z.ID
		}
		for _, id := range s.Assets {
			if a := p.Asset(id); a != nil {
				after := model.Clone(*a)
				after.ZoneID, after.Position = zone, model.Point{}
				cmds = append(cmds, &model.Update[model.Asset]{After: after})
			}
		}
	}
	return cmds
}
