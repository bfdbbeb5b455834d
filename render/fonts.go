package render

import (
	"fmt"
	"sync"

	"golang.org/x/image/font/opentype"

	"zonewise/assets"
)

// Font file names in assets.Fonts, shared with the PDF documents.
const (
	fontRegular = "fonts/DejaVuSans.ttf"
	fontBold    = "fonts/DejaVuSans-Bold.ttf"
	fontOblique = "fonts/DejaVuSans-Oblique.ttf"
)

var (
	fontsOnce sync.Once
	fontsErr  error
	fonts     map[string]*opentype.Font
)

// loadFonts parses the embedded DejaVu fonts once.
func loadFonts() (map[string]*opentype.Font, error) {
	fontsOnce.Do(func() {
		fonts = map[string]*opentype.Font{}
		for _, name := range []string{fontRegular, fontBold, fontOblique} {
			data, err := assets.Fonts.ReadFile(name)
			if err != nil {
				fontsErr = fmt.Errorf("embedded font %s: %w", name, err)
				return
			}
			f, err := opentype.Parse(data)
			if err != nil {
				fontsErr = fmt.Errorf("embedded font %s: %w", name, err)
				return
			}
			fonts[name] = f
		}
	})
	return fonts, fontsErr
}
