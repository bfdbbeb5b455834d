package rules

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// MatrixHeader is the header row of the rule matrix.
var MatrixHeader = []string{
	"Rule", "Conduit", "Flow", "Source zone", "Source assets", "Source addresses",
	"Destination zone", "Destination assets", "Destination addresses",
	"Protocol", "Port(s)", "Direction", "Initiator", "Action", "Justification", "Owner", "Review date",
}

// MatrixRows returns the rule matrix as text cells: one row per rule, and
// one per flow that gave no rule (action "no rule", the reason in the
// justification), so the network team sees every declared flow.
func MatrixRows(s *Set) [][]string {
	out := [][]string{MatrixHeader}
	for _, row := range s.Rows {
		if w := row.Warning; w != nil {
			out = append(out, []string{"", w.ConduitName, w.FlowName, "", "", "", "", "", "", "", "", "", "",
				"no rule", "warning: " + w.Message, "", ""})
			continue
		}
		r := row.Rule
		ports := make([]string, len(r.Ports))
		for i, p := range r.Ports {
			ports[i] = p.String()
		}
		out = append(out, []string{
			fmt.Sprintf("R%d", r.Number), r.ConduitName, r.FlowName,
			r.Source.ZoneName, r.Source.AssetName, addresses(r.Source),
			r.Destination.ZoneName, r.Destination.AssetName, addresses(r.Destination),
			strings.ToUpper(r.Transport), strings.Join(ports, ", "), r.Direction, r.Initiator,
			r.Action, r.Justification, r.Owner, r.ReviewDate,
		})
	}
	return out
}

func addresses(e Endpoint) string {
	parts := make([]string, len(e.Addresses))
	for i, p := range e.Addresses {
		parts[i] = prefixString(p)
	}
	return strings.Join(parts, ", ") + " (" + e.Basis + ")"
}

// formulaSafe keeps a spreadsheet from reading a cell as a formula: a cell
// that starts with = + - @ gets a leading apostrophe (CSV injection).
func formulaSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// MatrixCSV writes the rule matrix as CSV (UTF-8, comma separated).
func MatrixCSV(s *Set) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, row := range MatrixRows(s) {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = formulaSafe(c)
		}
		if err := w.Write(cells); err != nil {
			return nil, fmt.Errorf("rule matrix: %w", err)
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// MatrixXLSX writes the rule matrix as an XLSX workbook with one sheet,
// a frozen, filterable header row.
func MatrixXLSX(s *Set) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Rules"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, fmt.Errorf("rule matrix: %w", err)
	}
	rows := MatrixRows(s)
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(row))
		for j, c := range row {
			vals[j] = c // strings are written as text, never as formulas
		}
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return nil, fmt.Errorf("rule matrix row %d: %w", i+1, err)
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(MatrixHeader), len(rows))
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return nil, fmt.Errorf("rule matrix: %w", err)
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, fmt.Errorf("rule matrix: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err == nil {
		end, _ := excelize.CoordinatesToCellName(len(MatrixHeader), 1)
		_ = f.SetCellStyle(sheet, "A1", end, bold)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, fmt.Errorf("rule matrix: %w", err)
	}
	return b.Bytes(), nil
}
