package assets

import "embed"

// Fonts holds the DejaVu TrueType fonts used for documents and diagrams:
// DejaVuSans.ttf, DejaVuSans-Bold.ttf, DejaVuSans-Oblique.ttf,
// DejaVuSans-BoldOblique.ttf and DejaVuSansMono.ttf (Bitstream Vera derived
// licence, free to embed). They cover Latin, Greek and Cyrillic text and
// the common symbols (≥, →, €) a report needs.
//
//go:embed fonts/*.ttf
var Fonts embed.FS
