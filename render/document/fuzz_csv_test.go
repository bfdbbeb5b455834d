package document

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// FuzzWriteCSV: any cell text survives the CSV round trip exactly (after
// SafeCell), a row stays one row, and no cell starts like a formula.
func FuzzWriteCSV(f *testing.F) {
	for _, s := range []string{
		"", "a", "=1+1", "+1", "-1", "@SUM(A1)", "\t=x", "\r=x", `=HYPERLINK("http://e","x")`, "a,b", `"q"`, "line\nbreak",
		"\r\n", "\ufeff=x", " =x", "'=x", "\x00", "\u202e=x", "é=", "\"=x",
	} {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		reg := Register{Name: "fuzz", Title: "Fuzz", Header: []string{"A", "B", "N"}, Rows: [][]any{{a, b, -3}, {b, a, nil}}}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, reg); err != nil {
			t.Fatal(err)
		}
		data := bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff"))
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("cells %q, %q: the CSV does not parse: %v\n%q", a, b, err, data)
		}
		if len(rows) != 3 {
			t.Fatalf("cells %q, %q: %d rows, want 3", a, b, len(rows))
		}
		// encoding/csv with CRLF line ends drops carriage returns inside
		// cells (a line break reads back as \n).
		norm := func(s string) string { return strings.ReplaceAll(SafeCell(s), "\r", "") }
		want := [][]string{{norm(a), norm(b), "-3"}, {norm(b), norm(a), ""}}
		for i, row := range rows[1:] {
			if len(row) != 3 || row[0] != want[i][0] || row[1] != want[i][1] || row[2] != want[i][2] {
				t.Fatalf("cells %q, %q: row %d reads back as %q, want %q", a, b, i+1, row, want[i])
			}
			for _, cell := range row[:2] {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Fatalf("cell %q starts like a formula", cell)
				}
			}
		}
	})
}
