package changes

import (
	"encoding/json"
	"strings"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// edited returns a deep copy of p (through its file format) changed by f.
func edited(t *testing.T, p *model.Project, f func(q *model.Project)) *model.Project {
	t.Helper()
	data, err := model.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := model.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	f(q)
	return q
}

func errorsOf(p *model.Project) []string {
	var out []string
	for _, pr := range model.Validate(p) {
		if pr.Severity == model.SeverityError {
			out = append(out, pr.String())
		}
	}
	return out
}

func newAsset(zone model.ID, name string) model.Asset {
	s := model.Sample()
	a := s.Assets[0]
	a.ID, a.Name, a.ZoneID = model.NewID(), name, zone
	return a
}

func TestDiffNamesWhatChangedObjectByObject(t *testing.T) {
	base := edited(t, model.Sample(), func(*model.Project) {})
	var added model.ID
	next := edited(t, base, func(q *model.Project) {
		q.Zones[0].Name = "Renamed zone"
		a := newAsset(q.Zones[1].ID, "New PLC")
		added = a.ID
		q.Assets = append(q.Assets, a)
		q.Conduits = q.Conduits[1:]
		q.Zones[2].Bounds.X += 40
	})
	r, err := Diff(base, next)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Added) != 1 || r.Added[0].ID != added || r.Added[0].Kind != "asset" || r.Added[0].Name != "New PLC" {
		t.Errorf("added = %+v, want the new asset", r.Added)
	}
	if len(r.Removed) != 1 || r.Removed[0].ID != base.Conduits[0].ID || r.Removed[0].Kind != "conduit" {
		t.Errorf("removed = %+v, want conduit %s", r.Removed, base.Conduits[0].Name)
	}
	changed := map[model.ID]ObjectChange{}
	for _, c := range r.Changed {
		changed[c.ID] = c
	}
	z0 := changed[base.Zones[0].ID]
	if z0.OldName != base.Zones[0].Name || z0.Name != "Renamed zone" || len(z0.Fields) != 1 || z0.Fields[0].Field != "name" {
		t.Errorf("renamed zone = %+v", z0)
	}
	z2 := changed[base.Zones[2].ID]
	if len(z2.Fields) != 1 || z2.Fields[0].Field != "bounds.x" {
		t.Errorf("moved zone fields = %+v, want only bounds.x", z2.Fields)
	}
	if len(r.Changed) != 2 {
		t.Errorf("%d objects changed, want 2: %+v", len(r.Changed), r.Changed)
	}
}

func TestDiffOfARevisionWithItselfIsEmpty(t *testing.T) {
	p := model.Sample()
	r, err := Diff(p, p)
	if err != nil {
		t.Fatal(err)
	}
	DiffAssessment(r, p, p, builtin(t))
	if !r.Empty() {
		t.Errorf("diff of the sample with itself: %+v", r)
	}
}

func TestDiffReportsTheAssessmentChangeOfAReRatedScenario(t *testing.T) {
	base := edited(t, model.Sample(), func(*model.Project) {})
	// Find a scenario whose residual depends on its likelihood: rate it
	// as likely as the matrix allows.
	next := edited(t, base, func(q *model.Project) {
		for i := range q.Scenarios {
			q.Scenarios[i].Likelihood = len(q.Matrix.Likelihoods)
		}
	})
	r, _ := Diff(base, next)
	DiffAssessment(r, base, next, builtin(t))
	found := false
	for _, a := range r.Assessment {
		if a.Measure == "currentResidual" && a.Kind == "threat scenario" && a.Old != a.New {
			found = true
		}
	}
	if !found {
		t.Errorf("re-rating every scenario to the highest likelihood changed no residual risk: %+v", r.Assessment)
	}
}

func TestMergeTakesChangesToDifferentObjectsAndFieldsFromBothSides(t *testing.T) {
	base := edited(t, model.Sample(), func(*model.Project) {})
	var asset model.ID
	ours := edited(t, base, func(q *model.Project) {
		q.Zones[0].Name = "Leitstelle (neu)"
		q.Zones[3].Bounds.X = 11
	})
	theirs := edited(t, base, func(q *model.Project) {
		a := newAsset(q.Zones[1].ID, "PLC added by theirs")
		asset = a.ID
		q.Assets = append(q.Assets, a)
		q.Scenarios[0].Likelihood = 1
		q.Zones[3].Bounds.Y = 22
	})
	m, conflicts, err := Merge(base, ours, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if len(conflicts) != 0 || len(m.MergeConflicts) != 0 {
		t.Fatalf("conflicts %+v, want none", conflicts)
	}
	z := map[model.ID]model.Zone{}
	for _, x := range m.Zones {
		z[x.ID] = x
	}
	if z[base.Zones[0].ID].Name != "Leitstelle (neu)" {
		t.Error("our rename is lost")
	}
	if b := z[base.Zones[3].ID].Bounds; b.X != 11 || b.Y != 22 {
		t.Errorf("bounds = %+v, want x from ours (11) and y from theirs (22)", b)
	}
	got := false
	for _, a := range m.Assets {
		got = got || a.ID == asset
	}
	if !got {
		t.Error("their new asset is lost")
	}
	for _, s := range m.Scenarios {
		if s.ID == base.Scenarios[0].ID && s.Likelihood != 1 {
			t.Errorf("their re-rating is lost: likelihood %d", s.Likelihood)
		}
	}
	if e := errorsOf(m); len(e) > len(errorsOf(base)) {
		t.Errorf("merged project has new errors: %v", e)
	}
}

func TestTheSameFieldChangedBothWaysIsRecordedAndResolvable(t *testing.T) {
	base := edited(t, model.Sample(), func(*model.Project) {})
	id := base.Zones[0].ID
	ours := edited(t, base, func(q *model.Project) { q.Zones[0].Name = "Ours" })
	theirs := edited(t, base, func(q *model.Project) { q.Zones[0].Name = "Theirs" })
	m, conflicts, err := Merge(base, ours, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if len(conflicts) != 1 || len(m.MergeConflicts) != 1 {
		t.Fatalf("conflicts = %+v, want one", conflicts)
	}
	c := m.MergeConflicts[0]
	if c.Kind != "zone" || c.ObjectID != id || c.Field != "name" || c.Reason != model.ConflictBothChanged ||
		string(c.Ours) != `"Ours"` || string(c.Theirs) != `"Theirs"` || string(c.Base) != mustJSON(base.Zones[0].Name) {
		t.Errorf("conflict = %+v", c)
	}
	if m.Zones[indexOf(m, id)].Name != "Ours" {
		t.Error("the merged file does not keep ours until resolved")
	}
	var rules []string
	for _, pr := range model.Validate(m) {
		rules = append(rules, pr.Rule)
	}
	if !strings.Contains(strings.Join(rules, " "), "merge-conflict") {
		t.Error("validation does not report the unresolved conflict")
	}
	r, err := Resolve(m, 0, Theirs)
	if err != nil {
		t.Fatal(err)
	}
	if r.Zones[indexOf(r, id)].Name != "Theirs" || len(r.MergeConflicts) != 0 {
		t.Errorf("after taking theirs: name %q, %d conflicts", r.Zones[indexOf(r, id)].Name, len(r.MergeConflicts))
	}
	if m.Zones[indexOf(m, id)].Name != "Ours" {
		t.Error("Resolve changed its input")
	}
	k, err := Resolve(m, 0, Ours)
	if err != nil || k.Zones[indexOf(k, id)].Name != "Ours" || len(k.MergeConflicts) != 0 {
		t.Errorf("after keeping ours: %v", err)
	}
}

func TestAnObjectDeletedOnOneSideAndEditedOnTheOtherIsKeptAsAConflict(t *testing.T) {
	base := edited(t, model.Sample(), func(*model.Project) {})
	target := base.Assets[len(base.Assets)-1]
	ours := edited(t, base, func(q *model.Project) { q.Assets = q.Assets[:len(q.Assets)-1] })
	theirs := edited(t, base, func(q *model.Project) { q.Assets[len(q.Assets)-1].Firmware = "V9.9" })
	m, conflicts, err := Merge(base, ours, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if len(conflicts) != 1 || conflicts[0].Reason != model.ConflictDeletedByOurs || conflicts[0].ObjectID != target.ID || conflicts[0].Field != "" {
		t.Fatalf("conflicts = %+v", conflicts)
	}
	kept := false
	for _, a := range m.Assets {
		if a.ID == target.ID {
			kept = a.Firmware == "V9.9"
		}
	}
	if !kept {
		t.Fatal("the edited asset is not kept with their edit")
	}
	del, err := Resolve(m, 0, Ours)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range del.Assets {
		if a.ID == target.ID {
			t.Error("taking ours (the deletion) kept the asset")
		}
	}
}

func TestAZoneDeletedByOneSideStaysWhenTheOtherAddsAnAssetToIt(t *testing.T) {
	base := edited(t, model.Sample(), func(*model.Project) {})
	// A zone without sub-zones, assets or conduits pointing at it in base
	// would be deleted cleanly; pick the zone of the first asset and delete
	// it together with everything that refers to it on their side.
	zid := base.Assets[0].ZoneID
	theirs := edited(t, base, func(q *model.Project) {
		cmd, err := model.RemoveCascade[model.Zone](q, zid)
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Apply(q); err != nil {
			t.Fatal(err)
		}
	})
	ours := edited(t, base, func(q *model.Project) {
		q.Assets = append(q.Assets, newAsset(zid, "Added into the zone"))
	})
	m, conflicts, err := Merge(base, ours, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if indexOf(m, zid) < 0 {
		t.Fatal("the zone our new asset is in was deleted: dangling reference")
	}
	found := false
	for _, c := range conflicts {
		found = found || (c.ObjectID == zid && c.Reason == model.ConflictDeletedByTheirs)
	}
	if !found {
		t.Errorf("no deleted-by-theirs conflict for the zone: %+v", conflicts)
	}
}

func indexOf(p *model.Project, id model.ID) int {
	for i, z := range p.Zones {
		if z.ID == id {
			return i
		}
	}
	return -1
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func builtin(t *testing.T) *risk.Catalog {
	t.Helper()
	c, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}
