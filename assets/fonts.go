package assets

import "embed"

// Fonts holds the DejaVu fonts for diagrams and documents (from Debian's
// fonts-dejavu-core; DejaVu fonts are free, see fonts/LICENSE):
// fonts/DejaVuSans.ttf, fonts/DejaVuSans-Bold.ttf, fonts/DejaVuSans-Oblique.ttf
// and fonts/DejaVuSansMono.ttf.
//
//go:embed fonts/*.ttf
var Fonts embed.FS
