package cli

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// dotTokens splits DOT source into tokens the way Graphviz's scanner does:
// quoted strings (with \" escapes), HTML strings (balanced <…>), comments
// dropped, punctuation, edge operators and bare IDs. It fails on an
// unterminated string or comment.
func dotTokens(src string) (toks []string, err error) {
	i := 0
	lineStart := true
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			lineStart = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '#' && lineStart:
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case strings.HasPrefix(src[i:], "//"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return nil, fmt.Errorf("unterminated comment at byte %d", i)
			}
			i += end + 4
			continue
		}
		lineStart = false
		start := i
		switch {
		case c == '"':
			i++
			for ; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			if i >= len(src) {
				return nil, fmt.Errorf("unterminated quoted string at byte %d", start)
			}
			i++
		case c == '<':
			depth := 0
			for ; i < len(src); i++ {
				if src[i] == '<' {
					depth++
				} else if src[i] == '>' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if i >= len(src) {
				return nil, fmt.Errorf("unterminated HTML string at byte %d", start)
			}
			i++
		case strings.HasPrefix(src[i:], "->") || strings.HasPrefix(src[i:], "--"):
			i += 2
		case strings.ContainsRune("{}[];=,:", rune(c)):
			i++
		default:
			for i < len(src) {
				r := rune(src[i])
				if !(r >= 0x80 || r == '_' || r == '.' || r == '-' && i == start || unicode.IsLetter(r) || unicode.IsDigit(r)) {
					break
				}
				i++
			}
			if i == start {
				return nil, fmt.Errorf("unexpected character %q at byte %d", c, i)
			}
		}
		toks = append(toks, src[start:i])
	}
	return toks, nil
}

// checkDOT fails when a name broke out of its string: the DOT must scan,
// braces and brackets must balance, no bare ID may come from a name, and
// every HTML label must be well-formed XML.
func checkDOT(t *testing.T, data []byte) {
	t.Helper()
	toks, err := dotTokens(string(data))
	if err != nil {
		t.Fatalf("the DOT does not scan: %v", err)
	}
	if len(toks) < 3 || toks[len(toks)-1] != "}" {
		t.Fatalf("the DOT does not end with the graph's closing brace")
	}
	depth, brackets := 0, 0
	for i, tok := range toks {
		switch tok {
		case "{":
			depth++
		case "}":
			depth--
			if depth == 0 && i != len(toks)-1 {
				t.Fatalf("the graph closes at token %d of %d: a name closed it", i, len(toks))
			}
		case "[":
			brackets++
		case "]":
			brackets--
		case "evil", "x", "HYPERLINK", "script", "digraph":
			if i > 0 {
				t.Errorf("bare ID %q from a name at token %d: …%s…", tok, i, strings.Join(toks[max(0, i-5):min(len(toks), i+5)], " "))
			}
		}
		if depth < 0 || brackets < 0 || brackets > 1 {
			t.Fatalf("unbalanced braces or brackets at token %d: …%s…", i, strings.Join(toks[max(0, i-5):min(len(toks), i+5)], " "))
		}
		if strings.HasPrefix(tok, "<") {
			dec := xml.NewDecoder(strings.NewReader("<root>" + tok[1:len(tok)-1] + "</root>"))
			dec.Strict = true
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Errorf("an HTML label is not well-formed: %v: %.200s", err, tok)
					break
				}
			}
		}
	}
	if depth != 0 || brackets != 0 {
		t.Errorf("braces (%d) or brackets (%d) do not balance", depth, brackets)
	}
}

// checkXLSX fails when any worksheet cell of the workbook holds a formula.
func checkXLSX(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the workbook was not written: %v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s is not a zip: %v", filepath.Base(path), err)
	}
	sheets := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		sheets++
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "f" {
				t.Errorf("%s %s holds a formula", filepath.Base(path), f.Name)
			}
		}
		rc.Close()
	}
	if sheets == 0 {
		t.Errorf("%s has no worksheet", filepath.Base(path))
	}
	checkXLSXFormulas(t, path)
}

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
				// A text cell that starts with "=" is shown as written and
				// never evaluated: only a formula cell is (checked above).
				if typ, _ := f.GetCellType(sheet, name); formulaStart(v) && typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					t.Errorf("sheet %q cell %s starts like a formula and is not a text cell: %.60q", sheet, name, v)
				}
			}
		}
	}
	if cells < 20 {
		t.Errorf("the workbook has only %d cells", cells)
	}
}
