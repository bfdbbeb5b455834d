package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// shown reports whether a label with the text is drawn inside o.
func shown(o fyne.CanvasObject, text string) bool {
	return walk(o, func(x fyne.CanvasObject) bool {
		l, ok := x.(*widget.Label)
		return ok && l.Text == text
	})
}

func TestSecurityLevelGridScrollsToTheSelection(t *testing.T) {
	u := newViewsTestUI(t, "levels")
	u.setDocument(newUnsavedDocument(model.Generate(50, 1000, 1)))
	needEngine(t, u)
	v := viewOf[*levelsView](t, u)
	last := u.result.Zones[len(u.result.Zones)-1]
	u.refreshViews()
	if shown(v.table, last.Name) {
		t.Fatalf("zone %q is in view before it is selected: the test proves nothing", last.Name)
	}
	u.goTo(ref{kindZone, last.ZoneID})
	if v.followedRow != len(u.result.Zones)-1 {
		t.Errorf("the grid followed row %d, want %d", v.followedRow, len(u.result.Zones)-1)
	}
	if !shown(v.table, last.Name) {
		t.Errorf("zone %q is not in view after it was selected", last.Name)
	}
}
