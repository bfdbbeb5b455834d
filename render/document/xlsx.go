package document

import (
	"bytes"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"zonewise/i18n"
)

// WorkbookInfo is the document metadata of a registers workbook.
type WorkbookInfo struct {
	Title, Subject, Creator, Company string
	// Date ("YYYY-MM-DD") is written as the created and modified date, so
	// that the same project gives the same bytes.
	Date string
	// Lang is the workbook's language (English when empty).
	Lang i18n.Lang
}

// WriteXLSX writes the registers as one workbook with a sheet each: bold
// header row on a dark fill, frozen, with an auto filter and column widths.
// Every text cell is written as a string value, never as a formula, and is
// defused with SafeCell as well for users who re-save it as CSV.
func WriteXLSX(regs []Register, info WorkbookInfo) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	date := "2000-01-01T00:00:00Z"
	if t, err := time.Parse("2006-01-02", info.Date); err == nil {
		date = t.UTC().Format(time.RFC3339)
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: info.Title, Subject: info.Subject, Creator: info.Creator, LastModifiedBy: info.Creator,
		Created: date, Modified: date, Language: workbookLanguage(info.Lang),
	}); err != nil {
		return nil, fmt.Errorf("registers workbook: properties: %w", err)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "Zonewise", Company: info.Company}); err != nil {
		return nil, fmt.Errorf("registers workbook: properties: %w", err)
	}
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3A5F"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "0F1F33", Style: 2}},
	})
	if err != nil {
		return nil, fmt.Errorf("registers workbook: header style: %w", err)
	}
	body, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, fmt.Errorf("registers workbook: body style: %w", err)
	}
	for i, reg := range regs {
		sheet := reg.Title
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return nil, fmt.Errorf("registers workbook: sheet %q: %w", sheet, err)
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return nil, fmt.Errorf("registers workbook: sheet %q: %w", sheet, err)
		}
		if err := writeSheet(f, sheet, reg, header, body); err != nil {
			return nil, fmt.Errorf("registers workbook: sheet %q: %w", sheet, err)
		}
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("registers workbook: write: %w", err)
	}
	return buf.Bytes(), nil
}

func writeSheet(f *excelize.File, sheet string, reg Register, header, body int) error {
	for c, h := range reg.Header {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellStr(sheet, cell, h); err != nil {
			return err
		}
	}
	for r, row := range reg.Rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			var err error
			switch x := v.(type) {
			case int:
				err = f.SetCellInt(sheet, cell, int64(x))
			case string:
				err = f.SetCellStr(sheet, cell, SafeCell(x))
			case nil:
			default:
				err = f.SetCellStr(sheet, cell, SafeCell(fmt.Sprint(x)))
			}
			if err != nil {
				return err
			}
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(reg.Header), max(len(reg.Rows)+1, 1))
	lastCol, _ := excelize.ColumnNumberToName(len(reg.Header))
	if err := f.SetCellStyle(sheet, "A1", lastCol+"1", header); err != nil {
		return err
	}
	if len(reg.Rows) > 0 {
		if err := f.SetCellStyle(sheet, "A2", last, body); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sheet, 1, 30); err != nil {
		return err
	}
	for c, w := range reg.Widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.AutoFilter(sheet, "A1:"+last, nil)
}

// workbookLanguage is the language tag of the workbook properties.
func workbookLanguage(l i18n.Lang) string {
	if l == i18n.DE {
		return "de-DE"
	}
	return "en-GB"
}
