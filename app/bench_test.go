package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zonewise/model"
)

// bigPlant is a plant of zones × perZone assets with a conduit between
// neighbouring zones, laid out in a grid.
func bigPlant(zones, perZone int) *model.Project {
	p := model.New("Big plant")
	for i := range zones {
		z := model.Zone{
			ID: model.StableID(fmt.Sprintf("z%d", i)), Name: fmt.Sprintf("Zone %d", i), Type: model.ZoneControl, PurdueLevel: 1,
			Bounds: model.Rect{X: float64(i%10) * 420, Y: float64(i/10) * 520, W: 400, H: 500},
		}
		p.Zones = append(p.Zones, z)
		for j := range perZone {
			p.Assets = append(p.Assets, model.Asset{
				ID: model.StableID(fmt.Sprintf("a%d-%d", i, j)), Name: fmt.Sprintf("Asset %d-%d", i, j),
				Class: model.AssetClasses()[j%4], Function: model.FunctionControl, ZoneID: z.ID,
			})
		}
		if i > 0 {
			p.Conduits = append(p.Conduits, model.Conduit{
				ID: model.StableID(fmt.Sprintf("c%d", i)), Name: fmt.Sprintf("C%d", i), Type: model.ConduitFirewall,
				ZoneIDs: []model.ID{p.Zones[i-1].ID, z.ID},
			})
		}
	}
	return p
}

// BenchmarkEditOn1000AssetPlant measures one property edit on a 50-zone,
// 1,000-asset plant: the command, re-assessment, validation and the
// refresh of tree, canvas, properties and problems (DESIGN.md §7: < 30 ms).
func BenchmarkEditOn1000AssetPlant(b *testing.B) {
	b.Setenv("ZONEWISE_RECOVERY_DIR", b.TempDir())
	a := test.NewTempApp(b)
	u := newUI(a)
	defer u.recovery.stop()
	u.setDocument(newUnsavedDocument(bigPlant(50, 20)))
	u.win.Resize(fyne.NewSize(1500, 920))
	id := model.StableID("a7-3")
	u.selectOnly(ref{kindAsset, id})
	i := 0
	for b.Loop() {
		i++
		edit(u, id, "name", func(x *model.Asset) { x.Name = fmt.Sprintf("Asset renamed %d", i) })
	}
}

// BenchmarkCanvasRefresh1000Assets measures the canvas refresh alone.
func BenchmarkCanvasRefresh1000Assets(b *testing.B) {
	b.Setenv("ZONEWISE_RECOVERY_DIR", b.TempDir())
	a := test.NewTempApp(b)
	u := newUI(a)
	defer u.recovery.stop()
	u.setDocument(newUnsavedDocument(bigPlant(50, 20)))
	u.canvas.Resize(fyne.NewSize(900, 600))
	for b.Loop() {
		u.canvas.refresh()
	}
}
