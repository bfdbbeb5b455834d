package app

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// box builds a grid cell the way the table does and returns its colour box.
func (v *levelsView) box(t *testing.T, kind model.TargetKind, id model.ID, fr model.FR) *colourBox {
	t.Helper()
	for row, r := range v.rows {
		if r.kind == kind && r.id == id {
			o := v.table.CreateCell()
			v.table.UpdateCell(widget.TableCellID{Row: row, Col: int(fr)}, o)
			return o.(*fyne.Container).Objects[1].(*colourBox)
		}
	}
	t.Fatalf("%s %s is not in the grid", kind, id)
	return nil
}

// explanation is the side panel's text.
func (v *levelsView) explanation() string {
	var b strings.Builder
	for _, o := range v.explain.Objects {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// zoneWithoutOverride returns a zone of the sample without overrides.
func zoneWithoutOverride(t *testing.T, p *model.Project) *model.Zone {
	t.Helper()
	for i := range p.Zones {
		if len(p.Zones[i].SLTOverrides) == 0 && !p.Zones[i].OutOfScope {
			return &p.Zones[i]
		}
	}
	t.Fatal("every sample zone has overrides")
	return nil
}

func TestLevelsViewCellExplainsItself(t *testing.T) {
	u := newViewsTestUI(t, "levels")
	v := viewOf[*levelsView](t, u)
	needEngine(t, u)
	z := zoneWithoutOverride(t, u.doc.Project)
	b := v.box(t, model.TargetZone, z.ID, model.FR1)
	zr := u.zoneResult(z.ID)
	if want := "SL-T " + strconv.Itoa(zr.SLT[0].SL); b.lines[0].Text != want {
		t.Errorf("cell reads %q, want %q", b.lines[0].Text, want)
	}
	test.Tap(b)
	if u.sel.primary() != (ref{kindZone, z.ID}) {
		t.Error("tapping the cell does not select its zone")
	}
	text := v.explanation()
	for _, want := range []string{z.Name, "FR1 Identification and authentication control", "SL-T", "SL-A", "Gap"} {
		if !strings.Contains(text, want) {
			t.Errorf("explanation lacks %q:\n%s", want, text)
		}
	}
	for _, r := range zr.SLT[0].Reasons {
		if !strings.Contains(text, strings.TrimSpace(r.Text)) {
			t.Errorf("explanation lacks the reason %q", r.Text)
		}
	}
}

func TestLevelsViewOverrideNeedsAJustificationAndShowsAsOverridden(t *testing.T) {
	u := newViewsTestUI(t, "levels")
	v := viewOf[*levelsView](t, u)
	z := zoneWithoutOverride(t, u.doc.Project)
	v.onCellTapped(levelPick{model.TargetZone, z.ID, model.FR4})
	v.onOverride()
	ok := dialogButton(t, u, "Override")
	sels, entries := dialogSelects(t, u), dialogEntries(t, u)
	if len(sels) != 1 || len(entries) != 1 {
		t.Fatalf("dialog has %d selects and %d entries, want 1 and 1", len(sels), len(entries))
	}
	sels[0].SetSelected("4")
	entries[0].SetText("")
	if !ok.Disabled() {
		t.Error("an override without a justification is possible")
	}
	test.Type(entries[0], "Chlorine dosing: a confidentiality breach reveals the dosing recipe")
	if ok.Disabled() {
		t.Fatal("override stays disabled with a justification")
	}
	test.Tap(ok)

	got := u.doc.Project.Zone(z.ID).SLTOverrides
	if len(got) != 1 || got[0].FR != model.FR4 || got[0].SL != 4 || !strings.HasPrefix(got[0].Justification, "Chlorine") {
		t.Fatalf("overrides %+v", got)
	}
	if v.removeB.Disabled() {
		t.Error("remove override is disabled on an overridden cell")
	}
	t.Run("the cell is marked overridden", func(t *testing.T) {
		needEngine(t, u)
		b := v.box(t, model.TargetZone, z.ID, model.FR4)
		if b.lines[0].Text != "SL-T 4*" {
			t.Errorf("cell reads %q, want %q", b.lines[0].Text, "SL-T 4*")
		}
		// The derived value stays visible beside the override.
		want := fmt.Sprintf("SL-T 4 (overridden; derived %d)", u.zoneResult(z.ID).SLT[3].Derived)
		if !strings.Contains(v.explanation(), want) {
			t.Errorf("explanation does not say %q:\n%s", want, v.explanation())
		}
	})
	t.Run("remove override takes it away", func(t *testing.T) {
		test.Tap(v.removeB)
		if n := len(u.doc.Project.Zone(z.ID).SLTOverrides); n != 0 {
			t.Errorf("%d overrides left", n)
		}
	})
}

func TestLevelsViewNameSelectsTheZone(t *testing.T) {
	u := newViewsTestUI(t, "levels")
	v := viewOf[*levelsView](t, u)
	for row, r := range v.rows {
		if r.kind == model.TargetZone {
			v.table.Select(widget.TableCellID{Row: row, Col: 0})
			if u.sel.primary() != (ref{kindZone, r.id}) || v.pick.fr != model.FR1 {
				t.Errorf("selection %+v pick %+v, want zone %s FR1", u.sel.primary(), v.pick, r.id)
			}
			return
		}
	}
	t.Fatal("no zone row")
}

func TestViewsShowAnEmptyProject(t *testing.T) {
	u := newViewsTestUI(t, "threats")
	empty := model.New("Empty")
	empty.Matrix = model.RiskMatrix{} // not even a risk matrix
	u.setDocument(newUnsavedDocument(empty))
	for _, v := range u.views[1:] {
		t.Run(v.title()+" refreshes without objects", func(t *testing.T) {
			u.selectView(v.key())
			v.refresh()
			test.NewTempWindow(t, v.object()).Resize(fyne.NewSize(900, 600))
		})
	}
	t.Run("adding a scenario to a project without zones works", func(t *testing.T) {
		u.selectView("threats")
		viewOf[*threatsView](t, u).onAdd()
		if len(u.doc.Project.Scenarios) != 1 {
			t.Errorf("%d scenarios", len(u.doc.Project.Scenarios))
		}
	})
}
