package document

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zonewise/model"
	"zonewise/risk"
	"zonewise/templates"
)

// The sample's registers as the workbook stores them: numbers as numbers,
// due dates as dates, an unknown SL-C as "unknown", printed landscape one
// page wide with the header row on every page.
func TestRegistersWorkbookIsTyped(t *testing.T) {
	p := model.Sample()
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	d := templates.NewData(p, risk.Assess(p, cat), cat, p.Date)
	data, err := WriteXLSX(Registers(d), WorkbookInfo{Date: p.Date})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("the rank of the action plan is a number", func(t *testing.T) {
		if typ, _ := f.GetCellType("Action plan", "A2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("A2 is %v, want a number", typ)
		}
	})
	t.Run("a due date is a date cell", func(t *testing.T) {
		rows, _ := f.GetRows("Action plan", excelize.Options{RawCellValue: true})
		found := false
		for r, row := range rows[1:] {
			if len(row) <= 10 || row[10] == "" {
				continue
			}
			found = true
			cell, _ := excelize.CoordinatesToCellName(11, r+2)
			shown, _ := f.GetCellValue("Action plan", cell)
			if strings.Contains(row[10], "-") || len(shown) != len("2026-12-31") {
				t.Errorf("%s raw %q shown %q, want a date serial shown as YYYY-MM-DD", cell, row[10], shown)
			}
		}
		if !found {
			t.Skip("the sample has no due date")
		}
	})
	t.Run("an unknown SL-C reads unknown", func(t *testing.T) {
		rows, _ := f.GetRows("Asset inventory")
		var unknown int
		for _, row := range rows[1:] {
			if len(row) > 10 && row[10] == "unknown" {
				unknown++
			}
			if len(row) > 10 && row[10] == "0,0,0,0,0,0,0" {
				t.Errorf("%s: SL-C printed as zeros", row[0])
			}
		}
		if unknown == 0 {
			t.Error("no asset of unknown SL-C in the sample's inventory")
		}
	})
	for _, sheet := range f.GetSheetList() {
		t.Run(sheet+" prints landscape, one page wide, header repeated", func(t *testing.T) {
			lo, err := f.GetPageLayout(sheet)
			if err != nil || lo.Orientation == nil || *lo.Orientation != "landscape" || lo.FitToWidth == nil || *lo.FitToWidth != 1 {
				t.Errorf("page layout %+v %v", lo, err)
			}
			var titles bool
			for _, n := range f.GetDefinedName() {
				titles = titles || (n.Name == "_xlnm.Print_Titles" && n.Scope == sheet && strings.HasSuffix(n.RefersTo, "!$1:$1"))
			}
			if !titles {
				t.Error("no repeated header row")
			}
		})
	}
}

// A semicolon-separated register (German Excel) is still formula-safe and
// splits at semicolons only.
func TestCSVWithSemicolons(t *testing.T) {
	p := hostileProject()
	d := templates.NewData(p, nil, nil, p.Date)
	reg, _ := RegisterByName(d, "asset-inventory")
	var buf bytes.Buffer
	if err := WriteCSVSep(&buf, reg, ';'); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, rec := range recs {
		if len(rec) != len(reg.Header) {
			t.Errorf("record %d has %d fields, want %d", i, len(rec), len(reg.Header))
		}
		for _, v := range rec {
			if isDangerous(v) {
				t.Errorf("record %d: %q starts a formula", i, v)
			}
		}
	}
}
