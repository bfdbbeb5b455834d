// Package risk is the IEC 62443-3-2 assessment engine and the IEC 62443
// catalogues (3-3 system requirements, 4-2 component requirements), the
// countermeasure library and the threat library. Everything here is a pure,
// deterministic function of model values: no files, no clock, no logging.
package risk
