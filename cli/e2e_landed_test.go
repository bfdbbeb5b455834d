package cli

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// checkXLSXFormulas asks excelize, as a spreadsheet would, for the formula
// of every cell of every sheet: none may have one.
func checkXLSXFormulas(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	defer f.Close()
	cells := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("sheet %q: %v", sheet, err)
		}
		for r, row := range rows {
			for c, v := range row {
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				cells++
				if formula, _ := f.GetCellFormula(sheet, name); formula != "" {
					t.Errorf("sheet %q cell %s holds the formula %.60q", sheet, name, formula)
				}
				if formulaStart(v) {
					t.Errorf("sheet %q cell %s starts like a formula: %.60q", sheet, name, v)
				}
			}
		}
	}
	if cells < 20 {
		t.Errorf("the workbook has only %d cells", cells)
	}
}
