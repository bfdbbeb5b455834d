package render

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

// TestWritePictures writes SVG and PNG files of the test plants into the
// folder named by ZONEWISE_PICTURES, for people to look at. It is skipped
// otherwise.
func TestWritePictures(t *testing.T) {
	dir := os.Getenv("ZONEWISE_PICTURES")
	if dir == "" {
		t.Skip("set ZONEWISE_PICTURES=DIR to write pictures")
	}
	ctx := context.Background()
	fp, fr := fixture()
	bp, br := bigPlant(100, 1000)
	hp, hr := hostilePlant()
	sp := model.Sample()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	sr := risk.Assess(sp, cat)
	plants := []struct {
		name string
		p    *model.Project
		r    *risk.Result
		v    View
		dpi  int
	}{
		{"fixture", fp, fr, View{}, 200},
		{"fixture-unassessed", fp, nil, View{}, 100},
		{"fixture-focus", fp, fr, View{Focus: model.StableID("fixture/scada")}, 150},
		{"large", bp, br, View{}, 72},
		{"sample", sp, sr, View{}, 200},
		{"sample-focus", sp, sr, View{Focus: model.StableID("zone:Leitwarte SCADA")}, 150},
		{"generated", model.Generate(100, 1000, 1), nil, View{}, 72},
		{"hostile", hp, hr, View{}, 100},
	}
	for _, pl := range plants {
		t.Run("write "+pl.name, func(t *testing.T) {
			svg, err := SVG(ctx, pl.p, pl.r, pl.v)
			if err != nil {
				t.Fatal(err)
			}
			png, err := PNG(ctx, pl.p, pl.r, pl.v, pl.dpi)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, pl.name+".svg"), svg, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, pl.name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}
