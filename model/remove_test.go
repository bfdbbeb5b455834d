package model

import (
	"bytes"
	"slices"
	"testing"
)

// TestRemoveCascadeOfEveryObject removes each object of the sample in turn:
// the project must stay free of validation errors, and undo must restore the
// same bytes.
func TestRemoveCascadeOfEveryObject(t *testing.T) {
	base := Sample()
	before := mustMarshal(t, base)
	check := func(t *testing.T, build func(p *Project) (Command, error)) {
		p := Sample()
		c, err := build(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Apply(p); err != nil {
			t.Fatal(err)
		}
		for _, pr := range Validate(p) {
			if pr.Severity == SeverityError {
				t.Errorf("after %s: %s", c.Label(), pr)
			}
		}
		c.Revert(p)
		if !bytes.Equal(mustMarshal(t, p), before) {
			t.Errorf("undo of %s does not restore the project", c.Label())
		}
	}
	for _, z := range base.Zones {
		t.Run("deleting zone "+z.Name+" leaves a valid project", func(t *testing.T) {
			check(t, func(p *Project) (Command, error) { return RemoveCascade[Zone](p, z.ID) })
		})
	}
	for _, c := range base.Conduits {
		t.Run("deleting conduit "+c.Name+" leaves a valid project", func(t *testing.T) {
			check(t, func(p *Project) (Command, error) { return RemoveCascade[Conduit](p, c.ID) })
		})
	}
	for _, a := range base.Assets {
		t.Run("deleting asset "+a.Name+" leaves a valid project", func(t *testing.T) {
			check(t, func(p *Project) (Command, error) { return RemoveCascade[Asset](p, a.ID) })
		})
	}
	for _, a := range base.Actors {
		t.Run("deleting actor "+a.Name+" leaves a valid project", func(t *testing.T) {
			check(t, func(p *Project) (Command, error) { return RemoveCascade[ThreatActor](p, a.ID) })
		})
	}
	for _, c := range base.Countermeasures {
		t.Run("deleting countermeasure "+c.MeasureID+" leaves a valid project", func(t *testing.T) {
			check(t, func(p *Project) (Command, error) { return RemoveCascade[CountermeasureInstance](p, c.ID) })
		})
	}
	for _, s := range base.Scenarios {
		t.Run("deleting scenario "+s.Name+" leaves a valid project", func(t *testing.T) {
			check(t, func(p *Project) (Command, error) { return RemoveCascade[ThreatScenario](p, s.ID) })
		})
	}
}

func TestRemoveCascadeDetails(t *testing.T) {
	t.Run("a zone takes its assets, its two-zone conduits and what targets them", func(t *testing.T) {
		p := Sample()
		c, _ := RemoveCascade[Zone](p, sampleZoneID(szSCADA))
		if err := c.Apply(p); err != nil {
			t.Fatal(err)
		}
		for _, a := range p.Assets {
			if a.ZoneID == sampleZoneID(szSCADA) {
				t.Errorf("asset %q survived", a.Name)
			}
		}
		for _, name := range []string{scK05, "K06 SCADA ↔ Filtration", scK10, scK11} {
			if p.Conduit(sampleConduitID(name)) != nil {
				t.Errorf("conduit %q survived", name)
			}
		}
		if cmNamed(p, "CM-PATCH", szSCADA) != nil || cmNamed(p, "CM-NTP", scK05) != nil {
			t.Error("countermeasures on removed objects survived")
		}
		if p.Scenario(StableID("scenario:Ausnutzung ungepatchter SCADA-Server")) != nil {
			t.Error("a scenario against a removed asset survived")
		}
		if p.Zone(sampleZoneID(szFiltration)) == nil || cmNamed(p, "CM-MFA", szRemote) == nil {
			t.Error("unrelated objects were removed")
		}
	})
	t.Run("a zone of a three-zone conduit updates the conduit and drops its flows", func(t *testing.T) {
		p := Sample()
		c, _ := RemoveCascade[Zone](p, sampleZoneID(szFiltration))
		c.Apply(p)
		k := conduitNamed(p, scK13)
		if k == nil {
			t.Fatal("the conduit was removed although two zones remain")
		}
		if len(k.ZoneIDs) != 2 || slices.Contains(k.ZoneIDs, sampleZoneID(szFiltration)) {
			t.Errorf("zones %v", k.ZoneIDs)
		}
		for _, f := range k.Flows {
			if f.To == sampleZoneID(szFiltration) || f.From == sampleZoneID(szFiltration) {
				t.Error("a flow into the removed zone survived")
			}
		}
		if len(k.Flows) != 1 {
			t.Errorf("%d flows, want 1", len(k.Flows))
		}
	})
	t.Run("a zone takes its child zones and their assets", func(t *testing.T) {
		p := Sample()
		p.Zone(sampleZoneID(szField)).ParentID = sampleZoneID(szFiltration)
		c, _ := RemoveCascade[Zone](p, sampleZoneID(szFiltration))
		c.Apply(p)
		if p.Zone(sampleZoneID(szField)) != nil {
			t.Error("the child zone survived")
		}
		if assetNamed(p, "Dezentrale Peripherie ET 200SP (IM155-6PN HF)") != nil {
			t.Error("an asset of the child zone survived")
		}
	})
	t.Run("zones in a parent cycle are removed without hanging", func(t *testing.T) {
		p := Sample()
		a, b := p.Zone(sampleZoneID(szField)), p.Zone(sampleZoneID(szFiltration))
		a.ParentID, b.ParentID = b.ID, a.ID
		aID, bID := a.ID, b.ID // the pointers move when the slice changes
		c, _ := RemoveCascade[Zone](p, aID)
		if err := c.Apply(p); err != nil {
			t.Fatal(err)
		}
		if p.Zone(aID) != nil || p.Zone(bID) != nil {
			t.Error("a zone of the cycle survived")
		}
	})
	t.Run("an actor takes its scenarios", func(t *testing.T) {
		p := Sample()
		id := sampleActorID(saAPT)
		c, _ := RemoveCascade[ThreatActor](p, id)
		c.Apply(p)
		for _, s := range p.Scenarios {
			if s.ActorID == id {
				t.Errorf("scenario %q survived", s.Name)
			}
		}
		if len(p.Scenarios) == 0 {
			t.Error("all scenarios were removed")
		}
	})
	t.Run("a countermeasure is unlinked from its scenarios", func(t *testing.T) {
		p := Sample()
		id := sampleCM{measure: "CM-MFA", target: szRemote}.id()
		c, _ := RemoveCascade[CountermeasureInstance](p, id)
		c.Apply(p)
		for _, s := range p.Scenarios {
			if slices.Contains(s.Countermeasures, id) {
				t.Errorf("scenario %q still cites it", s.Name)
			}
		}
		if p.Scenario(StableID("scenario:Brute-Force auf den Jump-Host")) == nil {
			t.Error("the citing scenario was removed instead of updated")
		}
	})
	t.Run("a missing object is an error naming it", func(t *testing.T) {
		if _, err := RemoveCascade[Asset](Sample(), StableID("nope")); err == nil {
			t.Error("no error")
		}
	})
	t.Run("the label counts the dependent edits", func(t *testing.T) {
		c, _ := RemoveCascade[Zone](Sample(), sampleZoneID(szSIS))
		if got := c.Label(); got == "" || !bytes.Contains([]byte(got), []byte("dependent")) {
			t.Errorf("label %q", got)
		}
	})
}

func BenchmarkRemoveCascadeZone10k(b *testing.B) {
	p := Generate(500, 10000, 1)
	id := p.Zones[len(p.Zones)/2].ID
	for b.Loop() {
		c, err := RemoveCascade[Zone](p, id)
		if err != nil {
			b.Fatal(err)
		}
		c.Apply(p)
		c.Revert(p)
	}
}
