package render

import (
	"bytes"
	"context"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"zonewise/assets"
)

func TestDrawPDFEmoji(t *testing.T) {
	p, r := fixture()
	p.Zones[0].Name = "Leitwarte 🏭⚡ 👩‍🔧"
	p.Assets[0].Name = "SPS 🔥 \U0001D518"
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
	t.Run("names with characters beyond U+FFFF draw without a panic", func(t *testing.T) {
		defer func() {
			if v := recover(); v != nil {
				t.Fatalf("DrawPDF panicked: %v", v)
			}
		}()
		d.DrawPDF(f, 15, 20, 180)
		var buf bytes.Buffer
		if err := f.Output(&buf); err != nil {
			t.Fatalf("PDF: %v", err)
		}
	})
}
