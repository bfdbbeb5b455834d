package render

import (
	"image/png"
	"os"
	"testing"

	"zonewise/model"
	"zonewise/risk"
)

func TestZZDetail(t *testing.T) {
	cat, _ := risk.Builtin()
	p := model.Sample()
	r := risk.Assess(p, cat)
	for i, z := range p.Zones {
		d, err := DetailDrawing(p, r, z.ID)
		if err != nil {
			t.Fatal(err)
		}
		img, _ := d.Image(100.0 / 72)
		_ = img
		t.Logf("%s: %.0f x %.0f", z.Name, d.Width, d.Height)
		if i == 3 || i == 5 || z.Name == "Leitwarte SCADA" {
			os.WriteFile("/tmp/zw-drawings/detail-"+z.Name[:4]+".svg", d.SVG(z.Name), 0o644)
			f, _ := os.Create("/tmp/zw-drawings/detail-" + z.Name[:4] + ".png")
			png.Encode(f, img)
			f.Close()
		}
	}
}
