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

// styles are the cell styles the workbooks share.
type styles struct {
	header, body, input, date, title int
	// plainDate is a date cell of a register (no input fill).
	plainDate int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	border := []excelize.Border{{Type: "bottom", Color: "D0D7DE", Style: 1}}
	for _, x := range []struct {
		dst *int
		s   *excelize.Style
	}{
		{&st.header, &excelize.Style{
			Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3A5F"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
			Border:    []excelize.Border{{Type: "bottom", Color: "0F1F33", Style: 2}},
		}},
		{&st.body, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: border}},
		{&st.input, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF8E1"}}}},
		{&st.date, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, Border: border, CustomNumFmt: ptr("yyyy-mm-dd"),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF8E1"}}}},
		{&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.plainDate, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, Border: border, CustomNumFmt: ptr("yyyy-mm-dd")}},
	} {
		if *x.dst, err = f.NewStyle(x.s); err != nil {
			return st, err
		}
	}
	return st, nil
}

func ptr[T any](v T) *T { return &v }

func setProps(f *excelize.File, info WorkbookInfo) error {
	date := "2000-01-01T00:00:00Z"
	if t, err := time.Parse("2006-01-02", info.Date); err == nil {
		date = t.UTC().Format(time.RFC3339)
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: info.Title, Subject: info.Subject, Creator: info.Creator, LastModifiedBy: info.Creator,
		Created: date, Modified: date, Language: workbookLanguage(info.Lang),
	}); err != nil {
		return fmt.Errorf("properties: %w", err)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "Zonewise", Company: info.Company}); err != nil {
		return fmt.Errorf("properties: %w", err)
	}
	return nil
}

// printSetup prints a sheet on A4 landscape, one page wide, with the header
// row repeated on every page.
func printSetup(f *excelize.File, sheet string) error {
	orientation, size, fitW, fitH := "landscape", 9, 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &fitW, FitToHeight: &fitH,
	}); err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("page layout: %w", err)
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", sheet), Scope: sheet,
	})
}

// WriteXLSX writes the registers as one workbook with a sheet each: bold
// header row on a dark fill, frozen, with an auto filter and column widths,
// printed landscape one page wide with the header row on every page. Cells
// are typed: numbers as numbers, dates (time.Time) as dates, text as text
// cells — never a formula, so no apostrophe is needed to defuse one.
func WriteXLSX(regs []Register, info WorkbookInfo) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := setProps(f, info); err != nil {
		return nil, fmt.Errorf("registers workbook: %w", err)
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, fmt.Errorf("registers workbook: styles: %w", err)
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
		if err := writeSheet(f, sheet, reg, st); err != nil {
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

func writeSheet(f *excelize.File, sheet string, reg Register, st styles) error {
	for c, h := range reg.Header {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellStr(sheet, cell, h); err != nil {
			return err
		}
	}
	var dates []string
	for r, row := range reg.Rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			var err error
			switch x := v.(type) {
			case int:
				err = f.SetCellInt(sheet, cell, int64(x))
			case float64:
				err = f.SetCellFloat(sheet, cell, x, -1, 64)
			case time.Time:
				err = f.SetCellValue(sheet, cell, x)
				dates = append(dates, cell)
			case string:
				err = f.SetCellStr(sheet, cell, x)
			case nil:
			default:
				err = f.SetCellStr(sheet, cell, fmt.Sprint(x))
			}
			if err != nil {
				return err
			}
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(reg.Header), max(len(reg.Rows)+1, 1))
	lastCol, _ := excelize.ColumnNumberToName(len(reg.Header))
	if err := f.SetCellStyle(sheet, "A1", lastCol+"1", st.header); err != nil {
		return err
	}
	if len(reg.Rows) > 0 {
		if err := f.SetCellStyle(sheet, "A2", last, st.body); err != nil {
			return err
		}
	}
	for _, cell := range dates {
		if err := f.SetCellStyle(sheet, cell, cell, st.plainDate); err != nil {
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
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	return printSetup(f, sheet)
}

// workbookLanguage is the language tag of the workbook properties.
func workbookLanguage(l i18n.Lang) string {
	if l == i18n.DE {
		return "de-DE"
	}
	return "en-GB"
}
