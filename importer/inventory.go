package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"zonewise/model"
)

// MaxInventoryRows bounds an inventory: far beyond any plant, it keeps a
// corrupt or hostile file from exhausting memory.
const MaxInventoryRows = 1_000_000

// Inventory is an asset list read from a spreadsheet.
type Inventory struct {
	File    string   `json:"file"`
	Sheet   string   `json:"sheet,omitempty"` // XLSX only
	Columns []Column `json:"columns"`
	Records []Record `json:"-"`
	// Skipped lists rows that were read but hold no device, with the reason.
	Skipped []Skip `json:"-"`
}

// Skip is a row or element that was not imported, and why.
type Skip struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
}

// InputError is bad input: it names the file and the row, column, element or
// packet. Import commands exit 1 on it.
type InputError struct {
	File  string
	Where string // "row 7, column \"IP\"", "line 12", "packet 3120"
	Err   error
}

func (e *InputError) Error() string {
	if e.Where == "" {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.File, e.Where, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// ReadInventory reads an asset list from CSV (comma, semicolon or tab
// separated, UTF-8 with or without BOM, or Windows-1252 as German Excel
// writes it) or XLSX (the first sheet, or sheet if given), by the file
// name's extension. overrides maps column titles to fields and wins over
// automatic detection. Every row is checked before anything is returned:
// the first bad cell is an *InputError naming file, row and column.
func ReadInventory(name string, r io.Reader, sheet string, overrides map[string]Field) (*Inventory, error) {
	var rows [][]string
	var err error
	inv := &Inventory{File: name}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		rows, inv.Sheet, err = readXLSX(name, r, sheet)
	default:
		rows, err = readCSV(name, r)
	}
	if err != nil {
		return nil, err
	}
	return inv, inv.fromRows(rows, overrides)
}

// readCSV reads every row, sniffing the separator from the first line.
func readCSV(name string, r io.Reader) ([][]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, 256<<20))
	if err != nil {
		return nil, &InputError{File: name, Err: err}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		// German Excel's "CSV (Trennzeichen-getrennt)" is Windows-1252.
		data, err = charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, &InputError{File: name, Err: fmt.Errorf("neither UTF-8 nor Windows-1252 text: %w", err)}
		}
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sniffComma(string(first))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &InputError{File: name, Where: fmt.Sprintf("row %d", pe.StartLine), Err: pe.Err}
			}
			return nil, &InputError{File: name, Err: err}
		}
		if len(rows) >= MaxInventoryRows {
			return nil, &InputError{File: name, Err: fmt.Errorf("more than %d rows", MaxInventoryRows)}
		}
		rows = append(rows, slices.Clone(rec))
	}
}

// sniffComma picks the separator that occurs most often in the header line,
// outside quotes: semicolon for German Excel, comma elsewhere, tab for
// copies from a spreadsheet.
func sniffComma(line string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// readXLSX reads the rows of one sheet as displayed (formatted) text.
func readXLSX(name string, r io.Reader, sheet string) ([][]string, string, error) {
	f, err := excelize.OpenReader(bufio.NewReader(r))
	if err != nil {
		return nil, "", &InputError{File: name, Err: fmt.Errorf("not a readable XLSX workbook: %w", err)}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if sheet == "" {
		if len(sheets) == 0 {
			return nil, "", &InputError{File: name, Err: errors.New("the workbook has no sheet")}
		}
		sheet = sheets[0]
	} else if !slices.Contains(sheets, sheet) {
		return nil, "", &InputError{File: name, Err: fmt.Errorf("no sheet %q, the workbook has %q", sheet, sheets)}
	}
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, "", &InputError{File: name, Where: "sheet " + sheet, Err: err}
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		cols, err := it.Columns()
		if err != nil {
			return nil, "", &InputError{File: name, Where: fmt.Sprintf("sheet %s, row %d", sheet, len(rows)+1), Err: err}
		}
		if len(rows) >= MaxInventoryRows {
			return nil, "", &InputError{File: name, Err: fmt.Errorf("more than %d rows", MaxInventoryRows)}
		}
		rows = append(rows, cols)
	}
	if err := it.Error(); err != nil {
		return nil, "", &InputError{File: name, Where: "sheet " + sheet, Err: err}
	}
	return rows, sheet, nil
}

// fromRows finds the header (the first non-empty row), maps the columns and
// turns every further row into a record.
func (inv *Inventory) fromRows(rows [][]string, overrides map[string]Field) error {
	head := -1
	for i, row := range rows {
		if slices.ContainsFunc(row, func(c string) bool { return cleanCell(c) != "" }) {
			head = i
			break
		}
	}
	if head < 0 {
		return &InputError{File: inv.File, Err: errors.New("no header row: the file is empty")}
	}
	used := map[string]bool{}
	for i, h := range rows[head] {
		col := Column{Index: i, Header: cleanCell(h), Field: DetectField(h)}
		if f, ok := lookupOverride(overrides, col.Header); ok {
			col.Field, col.Mapped = f, true
			used[normHeader(col.Header)] = true
		}
		if col.Field == FieldIgnore {
			col.Field = ""
		}
		inv.Columns = append(inv.Columns, col)
	}
	for k := range overrides {
		if !used[normHeader(k)] {
			return &InputError{File: inv.File, Where: fmt.Sprintf("row %d", head+1), Err: fmt.Errorf("--map names column %q, which is not in the header", k)}
		}
	}
	seen := map[Field]string{}
	for _, c := range inv.Columns {
		if c.Field == "" {
			continue
		}
		if prev, dup := seen[c.Field]; dup && c.Field != FieldDescription {
			return &InputError{File: inv.File, Where: fmt.Sprintf("row %d", head+1),
				Err: fmt.Errorf("columns %q and %q both map to field %s; use --map %q=ignore for one of them", prev, c.Header, c.Field, c.Header)}
		}
		seen[c.Field] = c.Header
	}
	if seen[FieldName] == "" && seen[FieldHostname] == "" && seen[FieldIP] == "" {
		return &InputError{File: inv.File, Where: fmt.Sprintf("row %d", head+1),
			Err: fmt.Errorf("no column is a name, host name or IP address (columns %q); use --map COLUMN=name", headers(inv.Columns))}
	}
	for i := head + 1; i < len(rows); i++ {
		rec, err := inv.record(i+1, rows[i])
		if err != nil {
			return err
		}
		if rec == nil {
			continue
		}
		if rec.Name == "" {
			inv.Skipped = append(inv.Skipped, Skip{Source: rec.Source, Reason: "no name, host name or IP address"})
			continue
		}
		inv.Records = append(inv.Records, *rec)
	}
	return nil
}

func lookupOverride(overrides map[string]Field, header string) (Field, bool) {
	n := normHeader(header)
	for k, f := range overrides {
		if normHeader(k) == n && (n != "" || strings.TrimSpace(k) == strings.TrimSpace(header)) {
			return f, true
		}
	}
	return "", false
}

func headers(cols []Column) []string {
	var hs []string
	for _, c := range cols {
		hs = append(hs, c.Header)
	}
	return hs
}

// record converts one data row; nil for a blank row.
func (inv *Inventory) record(rowNo int, row []string) (*Record, error) {
	if !slices.ContainsFunc(row, func(c string) bool { return cleanCell(c) != "" }) {
		return nil, nil
	}
	rec := &Record{Source: fmt.Sprintf("row %d", rowNo)}
	bad := func(c Column, err error) error {
		return &InputError{File: inv.File, Where: fmt.Sprintf("row %d, column %q", rowNo, c.Header), Err: err}
	}
	var descs []string
	for _, c := range inv.Columns {
		if c.Field == "" || c.Index >= len(row) {
			continue
		}
		v := cleanCell(row[c.Index])
		if v == "" {
			continue
		}
		switch c.Field {
		case FieldName:
			rec.Name = v
		case FieldIP:
			for _, s := range splitList(v) {
				a, err := model.ParseIP(s)
				if err != nil {
					return nil, bad(c, err)
				}
				rec.IPs = append(rec.IPs, a.String())
			}
		case FieldMAC:
			m, err := model.NormalizeMAC(v)
			if err != nil {
				return nil, bad(c, err)
			}
			rec.MAC = m
		case FieldVendor:
			rec.Vendor = v
		case FieldModel:
			rec.Model = v
		case FieldFirmware:
			rec.Firmware = v
		case FieldZone:
			rec.Zone = v
		case FieldClass:
			cls, ok := ParseClass(v)
			if !ok {
				return nil, bad(c, fmt.Errorf("%q is not an asset class, want one of %s or a device word such as PLC, SPS, HMI, Server, Switch, Firewall; or --map %q=ignore", v, joinClasses(), c.Header))
			}
			rec.Class = cls
		case FieldLocation:
			rec.Location = v
		case FieldHostname:
			rec.Hostname = v
		case FieldSerial:
			rec.Serial = v
		case FieldDescription:
			descs = append(descs, v)
		case FieldTransient:
			b, err := parseBool(v)
			if err != nil {
				return nil, bad(c, err)
			}
			rec.Transient = &b
		}
	}
	rec.Description = strings.Join(descs, "\n")
	rec.IPs = sortedIPs(rec.IPs)
	if rec.Name == "" {
		rec.Name = rec.Hostname
	}
	if rec.Name == "" && len(rec.IPs) > 0 {
		rec.Name = rec.IPs[0]
	}
	return rec, nil
}

func joinClasses() string {
	var s []string
	for _, c := range model.AssetClasses() {
		s = append(s, string(c))
	}
	return strings.Join(s, ", ")
}
