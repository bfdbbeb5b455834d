package cli

import "testing"

// checkXLSXFormulas asks excelize for each cell's formula once the export
// issue has brought excelize into the module.
func checkXLSXFormulas(t *testing.T, path string) {}
