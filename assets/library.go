package assets

import "embed"

// Library holds the countermeasure library (library/countermeasures.json),
// the threat library (library/threats.json) and the table of MITRE ATT&CK for
// ICS techniques the threat library may cite (library/attack-ics.json).
// Package risk decodes and validates them.
//
//go:embed library/*.json
var Library embed.FS
