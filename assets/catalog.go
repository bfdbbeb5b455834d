package assets

import "embed"

// Catalog holds the IEC 62443 requirement catalogues as JSON: one file per
// standard (catalog/iec62443-3-3.json, catalog/iec62443-4-2.json). Package
// risk decodes and validates them; see risk/catalog_data.go for the format.
//
//go:embed catalog/*.json
var Catalog embed.FS
