package assets

import _ "embed"

// Icon is the 512 × 512 application icon (also named in FyneApp.toml).
//
//go:embed icon.png
var Icon []byte
