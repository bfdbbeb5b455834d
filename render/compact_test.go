package render

import (
	"strings"
	"testing"
)

func TestCompactView(t *testing.T) {
	p, r := fixture()
	full := string(DOT(p, r, View{}))
	compact := string(DOT(p, r, View{Compact: true}))
	a := p.Assets[0]
	t.Run("compact cards count the assets instead of naming them", func(t *testing.T) {
		if !strings.Contains(full, ">"+a.Name+"<") && !strings.Contains(full, " "+a.Name+"</TD>") {
			t.Fatalf("full card does not name asset %q", a.Name)
		}
		if strings.Contains(compact, " "+a.Name+"</TD>") {
			t.Errorf("compact card names asset %q", a.Name)
		}
		if !strings.Contains(compact, " assets</FONT>") && !strings.Contains(compact, "1 asset</FONT>") {
			t.Error("compact card does not count its assets")
		}
	})
	t.Run("compact cards still name the assets in the tooltip", func(t *testing.T) {
		if !strings.Contains(compact, ": "+a.Name) {
			t.Errorf("compact tooltip lacks asset %q", a.Name)
		}
	})
}
