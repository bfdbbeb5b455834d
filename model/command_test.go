package model

import (
	"bytes"
	"errors"
	"testing"
)

func mustMarshal(t *testing.T, p *Project) []byte {
	t.Helper()
	data, err := Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// renamed returns a copy of x with a new name, for Update commands.
func renamed[T Object](p *Project, id ID, edit func(*T)) T {
	x, _ := Find[T](p, id)
	v := Clone(*x)
	edit(&v)
	return v
}

func cascadeOf[T Object](t *testing.T, p *Project, id ID) Command {
	t.Helper()
	c, err := RemoveCascade[T](p, id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCommandsApplyRevert: for every command on every object type, Apply
// changes the file, Revert restores the same bytes, and a second Apply (redo)
// gives the bytes of the first.
func TestCommandsApplyRevert(t *testing.T) {
	zone := sampleZoneID(szFiltration)
	conduit := sampleConduitID(scK05)
	asset := sampleAssetID(plcFiltration)
	actor := sampleActorID(saHacktivist)
	scenario := StableID("scenario:Manipulation der Trübungsmessung")
	cm := sampleCM{measure: "CM-MFA", target: szRemote}.id()
	decision := StableID("decision:2")
	tests := []struct {
		name  string
		setup func(p *Project)
		cmd   func(t *testing.T, p *Project) Command
	}{
		{"adding a zone", nil, func(t *testing.T, p *Project) Command {
			return &Add[Zone]{Item: Zone{ID: StableID("new zone"), Name: "Neue Zone", Type: ZoneControl, PurdueLevel: 1}}
		}},
		{"adding a conduit", nil, func(t *testing.T, p *Project) Command {
			return &Add[Conduit]{Item: Conduit{ID: StableID("new conduit"), Name: "K99", Type: ConduitSerial, ZoneIDs: []ID{zone, sampleZoneID(szSIS)}}}
		}},
		{"adding an asset", nil, func(t *testing.T, p *Project) Command {
			return &Add[Asset]{Item: Asset{ID: StableID("new asset"), Name: "Neue SPS", Class: ClassEmbedded, ZoneID: zone, FocusPoints: DefaultFocusPoints(ClassEmbedded)}}
		}},
		{"adding a threat actor", nil, func(t *testing.T, p *Project) Command {
			return &Add[ThreatActor]{Item: ThreatActor{ID: StableID("new actor"), Name: "Insider", Capability: 2}}
		}},
		{"adding a threat scenario", nil, func(t *testing.T, p *Project) Command {
			return &Add[ThreatScenario]{Item: ThreatScenario{ID: StableID("new scenario"), Name: "S", ActorID: actor, TargetKind: TargetZone, TargetID: zone, Likelihood: 2}}
		}},
		{"adding a countermeasure", nil, func(t *testing.T, p *Project) Command {
			return &Add[CountermeasureInstance]{Item: CountermeasureInstance{ID: StableID("new cm"), MeasureID: "CM-IDS", TargetKind: TargetZone, TargetID: zone, Status: StatusProposed}}
		}},
		{"adding a decision", nil, func(t *testing.T, p *Project) Command {
			return &Add[Decision]{Item: Decision{ID: StableID("new decision"), Subject: "Neu", Decision: "Ja"}}
		}},
		{"removing a zone", nil, func(t *testing.T, p *Project) Command { return &Remove[Zone]{ID: zone} }},
		{"removing a conduit", nil, func(t *testing.T, p *Project) Command { return &Remove[Conduit]{ID: conduit} }},
		{"removing an asset", nil, func(t *testing.T, p *Project) Command { return &Remove[Asset]{ID: asset} }},
		{"removing a threat actor", nil, func(t *testing.T, p *Project) Command { return &Remove[ThreatActor]{ID: actor} }},
		{"removing a threat scenario", nil, func(t *testing.T, p *Project) Command { return &Remove[ThreatScenario]{ID: scenario} }},
		{"removing a countermeasure", nil, func(t *testing.T, p *Project) Command { return &Remove[CountermeasureInstance]{ID: cm} }},
		{"removing a decision", nil, func(t *testing.T, p *Project) Command { return &Remove[Decision]{ID: decision} }},
		{"updating a zone's bounds", nil, func(t *testing.T, p *Project) Command {
			return &Update[Zone]{Field: "bounds", After: renamed(p, zone, func(z *Zone) { z.Bounds.X += 40 })}
		}},
		{"updating a conduit's flows", nil, func(t *testing.T, p *Project) Command {
			return &Update[Conduit]{Field: "flows", After: renamed(p, conduit, func(c *Conduit) { c.Flows = c.Flows[:1] })}
		}},
		{"updating an asset's SL-C", nil, func(t *testing.T, p *Project) Command {
			return &Update[Asset]{Field: "slC", After: renamed(p, asset, func(a *Asset) { a.SLC.Set(FR4, 3) })}
		}},
		{"updating a threat actor's capability", nil, func(t *testing.T, p *Project) Command {
			return &Update[ThreatActor]{After: renamed(p, actor, func(a *ThreatActor) { a.Capability = 4 })}
		}},
		{"updating a scenario's likelihood", nil, func(t *testing.T, p *Project) Command {
			return &Update[ThreatScenario]{Field: "likelihood", After: renamed(p, scenario, func(s *ThreatScenario) { s.Likelihood = 5 })}
		}},
		{"updating a countermeasure's status", nil, func(t *testing.T, p *Project) Command {
			return &Update[CountermeasureInstance]{After: renamed(p, cm, func(c *CountermeasureInstance) { c.Status = StatusImplemented })}
		}},
		{"updating a decision", nil, func(t *testing.T, p *Project) Command {
			return &Update[Decision]{After: renamed(p, decision, func(d *Decision) { d.Rationale += " Ergänzt." })}
		}},
		{"updating the project info", nil, func(t *testing.T, p *Project) Command {
			info := Clone(p.Info)
			info.Revision, info.Approvals = "2.0", info.Approvals[:1]
			return &UpdateInfo{After: info, Field: "revision"}
		}},
		{"a batch moving two zones", nil, func(t *testing.T, p *Project) Command {
			return &Batch{Name: "Move zones", Commands: []Command{
				&Update[Zone]{Field: "bounds", After: renamed(p, zone, func(z *Zone) { z.Bounds.Y += 10 })},
				&Update[Zone]{Field: "bounds", After: renamed(p, sampleZoneID(szField), func(z *Zone) { z.Bounds.Y += 10 })},
			}}
		}},
		{"cascading removal of a zone", nil, func(t *testing.T, p *Project) Command { return cascadeOf[Zone](t, p, sampleZoneID(szSCADA)) }},
		{"cascading removal of a zone with children", func(p *Project) {
			p.Zone(sampleZoneID(szField)).ParentID = zone
		}, func(t *testing.T, p *Project) Command { return cascadeOf[Zone](t, p, zone) }},
		{"cascading removal of a conduit", nil, func(t *testing.T, p *Project) Command { return cascadeOf[Conduit](t, p, sampleConduitID(scK10)) }},
		{"cascading removal of an asset", nil, func(t *testing.T, p *Project) Command {
			return cascadeOf[Asset](t, p, sampleAssetID("SCADA-Server SCADA01 (primär)"))
		}},
		{"cascading removal of a threat actor", nil, func(t *testing.T, p *Project) Command { return cascadeOf[ThreatActor](t, p, actor) }},
		{"cascading removal of a countermeasure", nil, func(t *testing.T, p *Project) Command { return cascadeOf[CountermeasureInstance](t, p, cm) }},
		{"cascading removal of a scenario", nil, func(t *testing.T, p *Project) Command { return cascadeOf[ThreatScenario](t, p, scenario) }},
		{"cascading removal of a decision", nil, func(t *testing.T, p *Project) Command { return cascadeOf[Decision](t, p, decision) }},
	}
	for _, tt := range tests {
		t.Run(tt.name+" then reverting saves the same bytes", func(t *testing.T) {
			p := Sample()
			if tt.setup != nil {
				tt.setup(p)
			}
			before := mustMarshal(t, p)
			c := tt.cmd(t, p)
			if err := c.Apply(p); err != nil {
				t.Fatal(err)
			}
			after := mustMarshal(t, p)
			if bytes.Equal(before, after) {
				t.Fatal("Apply changed nothing")
			}
			c.Revert(p)
			if got := mustMarshal(t, p); !bytes.Equal(got, before) {
				t.Fatal("Revert does not restore the same bytes")
			}
			if err := c.Apply(p); err != nil {
				t.Fatalf("redo: %v", err)
			}
			if got := mustMarshal(t, p); !bytes.Equal(got, after) {
				t.Fatal("a second Apply (redo) gives different bytes")
			}
			if c.Label() == "" {
				t.Error("empty label")
			}
		})
	}
}

func TestCommandsRefuseBadTargets(t *testing.T) {
	tests := []struct {
		name string
		cmd  Command
	}{
		{"adding a zone with an existing ID fails", &Add[Zone]{Item: Zone{ID: sampleZoneID(szSIS), Name: "dup"}}},
		{"adding an asset without ID fails", &Add[Asset]{Item: Asset{Name: "no id"}}},
		{"removing a missing conduit fails", &Remove[Conduit]{ID: StableID("missing")}},
		{"updating a missing scenario fails", &Update[ThreatScenario]{After: ThreatScenario{ID: StableID("missing")}}},
		{"a batch whose second edit fails changes nothing", &Batch{Commands: []Command{
			&Remove[Zone]{ID: sampleZoneID(szSIS)},
			&Remove[Zone]{ID: StableID("missing")},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Sample()
			before := mustMarshal(t, p)
			if err := tt.cmd.Apply(p); err == nil {
				t.Fatal("Apply succeeded")
			}
			if got := mustMarshal(t, p); !bytes.Equal(got, before) {
				t.Error("a failed Apply changed the project")
			}
		})
	}
}

func zoneX(p *Project) float64 { return p.Zone(sampleZoneID(szSIS)).Bounds.X }

func moveSIS(p *Project, x float64, field string) Command {
	return &Update[Zone]{Field: field, After: renamed(p, sampleZoneID(szSIS), func(z *Zone) { z.Bounds.X = x })}
}

func TestHistory(t *testing.T) {
	t.Run("consecutive edits of the same field merge into one undo step", func(t *testing.T) {
		p, h := Sample(), &History{}
		x0 := zoneX(p)
		for _, x := range []float64{10, 20, 30} {
			if err := h.Do(p, moveSIS(p, x, "bounds")); err != nil {
				t.Fatal(err)
			}
		}
		if zoneX(p) != 30 {
			t.Fatalf("x = %g", zoneX(p))
		}
		if _, err := h.Undo(p); err != nil {
			t.Fatal(err)
		}
		if zoneX(p) != x0 || h.CanUndo() {
			t.Errorf("after one undo x = %g, CanUndo %v; want %g and false", zoneX(p), h.CanUndo(), x0)
		}
		if _, err := h.Redo(p); err != nil || zoneX(p) != 30 {
			t.Errorf("redo: x = %g, err %v", zoneX(p), err)
		}
	})
	t.Run("edits of different fields stay separate", func(t *testing.T) {
		p, h := Sample(), &History{}
		h.Do(p, moveSIS(p, 10, "bounds"))
		h.Do(p, &Update[Zone]{Field: "name", After: renamed(p, sampleZoneID(szSIS), func(z *Zone) { z.Name = "SIS" })})
		h.Undo(p)
		if zoneX(p) != 10 || p.Zone(sampleZoneID(szSIS)).Name != szSIS {
			t.Errorf("undo reverted more than the rename")
		}
	})
	t.Run("edits without a field name never merge", func(t *testing.T) {
		p, h := Sample(), &History{}
		h.Do(p, moveSIS(p, 10, ""))
		h.Do(p, moveSIS(p, 20, ""))
		h.Undo(p)
		if zoneX(p) != 10 {
			t.Errorf("x = %g, want 10", zoneX(p))
		}
	})
	t.Run("an undo seals the step so the next edit does not merge into it", func(t *testing.T) {
		p, h := Sample(), &History{}
		h.Do(p, moveSIS(p, 10, "bounds"))
		h.Do(p, moveSIS(p, 20, "bounds2"))
		h.Undo(p)
		h.Do(p, moveSIS(p, 30, "bounds"))
		h.Undo(p)
		if zoneX(p) != 10 {
			t.Errorf("x = %g, want 10", zoneX(p))
		}
	})
	t.Run("a new edit cuts the redo tail", func(t *testing.T) {
		p, h := Sample(), &History{}
		h.Do(p, moveSIS(p, 10, "a"))
		h.Do(p, moveSIS(p, 20, "b"))
		h.Undo(p)
		h.Do(p, moveSIS(p, 30, "c"))
		if h.CanRedo() {
			t.Error("redo still possible after a new edit")
		}
		if _, err := h.Redo(p); !errors.Is(err, ErrNothingToRedo) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("undo at the start reports nothing to undo", func(t *testing.T) {
		if _, err := (&History{}).Undo(Sample()); !errors.Is(err, ErrNothingToUndo) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("dirty follows edits, saves, undo and redo", func(t *testing.T) {
		p, h := Sample(), &History{}
		if h.Dirty() {
			t.Fatal("a fresh history is dirty")
		}
		h.Do(p, moveSIS(p, 10, "bounds"))
		if !h.Dirty() {
			t.Fatal("not dirty after an edit")
		}
		h.MarkSaved()
		if h.Dirty() {
			t.Fatal("dirty after save")
		}
		h.Do(p, moveSIS(p, 20, "bounds"))
		if !h.Dirty() {
			t.Fatal("an edit after a save merged into the saved step")
		}
		h.Undo(p)
		if h.Dirty() || zoneX(p) != 10 {
			t.Fatalf("after undo to the saved state: dirty %v, x %g", h.Dirty(), zoneX(p))
		}
		h.Undo(p)
		if !h.Dirty() {
			t.Fatal("not dirty before the saved state")
		}
		h.Redo(p)
		if h.Dirty() {
			t.Fatal("dirty after redo back to the saved state")
		}
	})
	t.Run("the saved state becomes unreachable when its redo tail is cut", func(t *testing.T) {
		p, h := Sample(), &History{}
		h.Do(p, moveSIS(p, 10, "a"))
		h.MarkSaved()
		h.Undo(p)
		h.Do(p, moveSIS(p, 20, "b"))
		h.Undo(p)
		if !h.Dirty() {
			t.Error("clean although the saved edit was discarded")
		}
	})
	t.Run("batches with the same merge key merge like a drag", func(t *testing.T) {
		p, h := Sample(), &History{}
		x0 := zoneX(p)
		for _, x := range []float64{5, 6, 7} {
			h.Do(p, &Batch{MergeKey: "drag", Commands: []Command{moveSIS(p, x, "bounds")}})
		}
		if h.UndoLabel() == "" {
			t.Error("no undo label")
		}
		h.Undo(p)
		if zoneX(p) != x0 || h.CanUndo() {
			t.Errorf("x = %g after one undo, want %g", zoneX(p), x0)
		}
	})
	t.Run("labels name the next undo and redo", func(t *testing.T) {
		p, h := Sample(), &History{}
		c := cascadeOf[Zone](t, p, sampleZoneID(szSIS))
		h.Do(p, c)
		if h.UndoLabel() != c.Label() || h.RedoLabel() != "" {
			t.Errorf("undo %q redo %q", h.UndoLabel(), h.RedoLabel())
		}
		h.Undo(p)
		if h.RedoLabel() != c.Label() || h.UndoLabel() != "" {
			t.Errorf("undo %q redo %q", h.UndoLabel(), h.RedoLabel())
		}
	})
}

func TestDocumentSaveAndChangeListeners(t *testing.T) {
	path := t.TempDir() + "/p.zonewise.json"
	d := NewDocument(Sample(), "")
	calls := 0
	d.OnChange(func() { calls++ })
	if !d.Dirty() {
		t.Error("a never-saved document is clean")
	}
	if err := d.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if d.Dirty() || d.Path != path {
		t.Errorf("after SaveAs: dirty %v, path %q", d.Dirty(), d.Path)
	}
	if err := d.Do(moveSIS(d.Project, 1, "bounds")); err != nil {
		t.Fatal(err)
	}
	d.Undo()
	d.Redo()
	if calls != 4 {
		t.Errorf("%d change notifications, want 4", calls)
	}
	e, err := OpenDocument(path)
	if err != nil {
		t.Fatal(err)
	}
	if e.Dirty() {
		t.Error("an opened document is dirty")
	}
}
