package render

import (
	"bytes"
	"context"
	"image/color"
	"image/png"
	"math"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"zonewise/assets"
	"zonewise/model"
)

func TestPNG(t *testing.T) {
	p, r := fixture()
	ctx := context.Background()
	d, err := Draw(ctx, p, r, View{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := PNG(ctx, p, r, View{}, 144)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	t.Run("the size follows the dpi", func(t *testing.T) {
		b := img.Bounds()
		if w := int(math.Ceil(d.Width * 2)); b.Dx() != w {
			t.Errorf("width %d px, want %d at 144 dpi", b.Dx(), w)
		}
	})
	t.Run("zones are painted in their gap colour", func(t *testing.T) {
		want := map[color.RGBA]string{}
		for _, g := range gapStyles {
			c := parseColor(g.fill)
			want[color.RGBA{c.R, c.G, c.B, 255}] = g.label
		}
		seen := map[string]int{}
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y += 2 {
			for x := b.Min.X; x < b.Max.X; x += 2 {
				if l, ok := want[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]; ok {
					seen[l]++
				}
			}
		}
		for _, g := range gapStyles {
			if seen[g.label] < 50 {
				t.Errorf("hardly any pixels of %q (%s): %d", g.label, g.fill, seen[g.label])
			}
		}
	})
	t.Run("text is drawn in dark pixels", func(t *testing.T) {
		dark := 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y += 3 {
			for x := b.Min.X; x < b.Max.X; x += 3 {
				if c := color.GrayModel.Convert(img.At(x, y)).(color.Gray); c.Y < 60 {
					dark++
				}
			}
		}
		if dark < 1000 {
			t.Errorf("only %d dark pixels: no text?", dark)
		}
	})
	t.Run("an absurd dpi is refused", func(t *testing.T) {
		if _, err := PNG(ctx, p, r, View{}, 0); err == nil {
			t.Error("dpi 0 accepted")
		}
	})
	t.Run("a huge image is scaled down to the pixel budget", func(t *testing.T) {
		defer func(old float64) { pixelBudget = old }(pixelBudget)
		pixelBudget = 200_000
		img, err := d.Image(100)
		if err != nil {
			t.Fatal(err)
		}
		if px := img.Bounds().Dx() * img.Bounds().Dy(); px > 202_000 {
			t.Errorf("%d pixels, budget 200000", px)
		}
	})
}

func TestDrawPDF(t *testing.T) {
	p, r := fixture()
	d, err := Draw(context.Background(), p, r, View{})
	if err != nil {
		t.Fatal(err)
	}
	f := fpdf.New("P", "mm", "A4", "")
	for _, st := range []struct{ style, file string }{{"", fontRegular}, {"B", fontBold}} {
		data, err := assets.Fonts.ReadFile(st.file)
		if err != nil {
			t.Fatal(err)
		}
		f.AddUTF8FontFromBytes(PDFFontFamily, st.style, data)
	}
	f.AddPage()
	f.SetFont(PDFFontFamily, "", 12)
	f.SetDrawColor(1, 2, 3)
	h := d.DrawPDF(f, 15, 20, 180)
	t.Run("the height keeps the aspect ratio", func(t *testing.T) {
		if want := 180 * d.Height / d.Width; math.Abs(h-want) > 0.01 {
			t.Errorf("height %g, want %g", h, want)
		}
	})
	t.Run("the caller's drawing state is restored", func(t *testing.T) {
		if r, g, b := f.GetDrawColor(); r != 1 || g != 2 || b != 3 {
			t.Errorf("draw colour %d,%d,%d, want 1,2,3", r, g, b)
		}
		if size, _ := f.GetFontSize(); size != 12 {
			t.Errorf("font size %g, want 12", size)
		}
	})
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatalf("PDF: %v", err)
	}
	t.Run("the PDF embeds the diagram's text", func(t *testing.T) {
		if buf.Len() < 10_000 {
			t.Errorf("PDF of %d bytes is too small for a diagram", buf.Len())
		}
	})
	t.Run("a drawing of nothing has no height", func(t *testing.T) {
		if h := (&Drawing{}).DrawPDF(f, 0, 0, 100); h != 0 {
			t.Errorf("height %g", h)
		}
	})
}

func TestEmptyProject(t *testing.T) {
	p := model.New("")
	ctx := context.Background()
	t.Run("an empty project still renders a titled diagram with a legend", func(t *testing.T) {
		svg, err := SVG(ctx, p, nil, View{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(svg, []byte("Untitled project")) || !bytes.Contains(svg, []byte(`id="legend"`)) {
			t.Error("title or legend missing")
		}
		if _, err := PNG(ctx, p, nil, View{}, 72); err != nil {
			t.Fatal(err)
		}
		if _, err := AutoLayout(ctx, p); err != nil {
			t.Fatal(err)
		}
	})
}
