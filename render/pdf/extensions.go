package pdf

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// extension lays out a zw-* fenced code block.
func (r *renderer) extension(b *ast.FencedCodeBlock) {
	name, opts := parseInfo(string(b.Info.Segment.Value(r.src)))
	var err error
	switch name {
	case "zw-approval":
		r.approvalBlock(false)
		return
	case "zw-heatmap", "zw-bars", "zw-matrix":
		var rows [][]string
		rows, err = parseCSV(blockText(b, r.src))
		if err != nil {
			break
		}
		switch name {
		case "zw-heatmap":
			err = r.heatmap(rows, opts)
		case "zw-bars":
			err = r.bars(rows, opts)
		default:
			err = r.matrix(rows, opts)
		}
	default:
		err = fmt.Errorf("unknown extension (want zw-heatmap, zw-bars, zw-matrix or zw-approval)")
	}
	if err != nil {
		r.fail(fmt.Errorf("render pdf: %s block at line %d: %w", name, lineOf(b, r.src), err))
	}
}

// lineOf is the 1-based line of a fenced block's opening fence.
func lineOf(b *ast.FencedCodeBlock, src []byte) int {
	pos := b.Info.Segment.Start
	if b.Info == nil && b.Lines().Len() > 0 {
		pos = b.Lines().At(0).Start
	}
	pos = min(max(pos, 0), len(src))
	return bytes.Count(src[:pos], []byte("\n")) + 1
}

// parseInfo splits an info string into the extension name and its
// key=value options; a bare word is an option with value "true".
func parseInfo(info string) (string, map[string]string) {
	opts := make(map[string]string)
	var words []string
	var cur strings.Builder
	inQuote, any := false, false
	for _, c := range info {
		switch {
		case c == '"':
			inQuote = !inQuote
			any = true
		case (c == ' ' || c == '\t') && !inQuote:
			if any {
				words = append(words, cur.String())
				cur.Reset()
				any = false
			}
		default:
			cur.WriteRune(c)
			any = true
		}
	}
	if any {
		words = append(words, cur.String())
	}
	if len(words) == 0 {
		return "", opts
	}
	for _, w := range words[1:] {
		k, v, ok := strings.Cut(w, "=")
		if !ok {
			v = "true"
		}
		opts[strings.ToLower(k)] = v
	}
	return words[0], opts
}

// parseCSV reads the block body; rows may have different lengths.
func parseCSV(body string) ([][]string, error) {
	cr := csv.NewReader(strings.NewReader(body))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.TrimLeadingSpace = true
	var rows [][]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("csv: %w", err)
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, rec)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no rows")
	}
	return rows, nil
}

// approvalRowH is the height of a row of the approval block, with room to sign.
const approvalRowH = 15.0

// approvalHeight is the height the approval block keeps together (up to
// eight rows).
func (r *renderer) approvalHeight() float64 {
	n := len(r.doc.Meta.Approvals)
	if n == 0 {
		n = 3
	}
	return 12 + 9 + approvalRowH*float64(min(n, 8))
}

// approvalBlock lays out the approval table. At the end of a document
// (auto) it keeps the whole block on one page.
func (r *renderer) approvalBlock(auto bool) {
	r.approvalPlaced = true
	apps := r.doc.Meta.Approvals
	if len(apps) == 0 {
		apps = []Approval{{Role: "prepared"}, {Role: "reviewed"}, {Role: "approved"}}
	}
	if auto {
		r.space(8)
	}
	r.ensure(r.approvalHeight())
	if auto {
		// a template's zw-approval block sits under its own heading; the
		// block added at the end of a document gets a title of its own
		r.drawLines(r.layout(r.textFrags(r.c.T("doc.approval.title"), stBold, 11.5, colHeading), r.w), 6)
		r.y += 1.5
	}
	hdr := func(s string) cell { return cell{frags: r.textFrags(s, stBold, sizeTable, colWhite)} }
	g := grid{
		header:  []cell{hdr(r.c.T("doc.approval.role")), hdr(r.c.T("doc.approval.name")), hdr(r.c.T("doc.approval.organisation")), hdr(r.c.T("doc.approval.date")), hdr(r.c.T("doc.approval.signature"))},
		widths:  []float64{0.15, 0.22, 0.25, 0.14, 0.24},
		minRowH: approvalRowH,
	}
	for _, a := range apps {
		txt := func(s string, st style) cell { return cell{frags: r.textFrags(s, st, sizeTable, colText)} }
		g.rows = append(g.rows, []cell{
			txt(r.role(a.Role), stBold), txt(a.Name, 0), txt(a.Title, 0), txt(r.date(a.Date), 0), {signature: true},
		})
	}
	g.widths = r.approvalWidths(g)
	r.drawGrid(g)
}

// approvalWidths widens the role, name, title and date columns of the
// approval block to their longest word, taking the room from the signature
// column (down to minSignature of the width) and then from columns wider
// than their own longest word, so that a job title such as "Leiter
// Automatisierungstechnik" is never broken inside a word. A word longer
// than all that leaves is still broken, as anywhere.
func (r *renderer) approvalWidths(g grid) []float64 {
	const minSignature = 0.16
	widths := append([]float64(nil), g.widths...)
	sig := len(widths) - 1
	needs := make([]float64, sig)
	for col := range needs {
		longest := 0.0
		for _, row := range append([][]cell{g.header}, g.rows...) {
			if col >= len(row) {
				continue
			}
			w := 0.0
			for _, f := range row[col].frags {
				if !f.glue {
					w = 0
				}
				w += f.w
				longest = max(longest, w)
			}
		}
		needs[col] = (longest + 2*cellPadX + 0.5) / r.w
	}
	for col, need := range needs {
		deficit := need - widths[col]
		if deficit <= 0 {
			continue
		}
		take := func(from int, floor float64) {
			if give := min(deficit, widths[from]-floor); give > 0 {
				widths[from] -= give
				widths[col] += give
				deficit -= give
			}
		}
		take(sig, minSignature)
		for other := range needs {
			if other != col && deficit > 0 {
				take(other, needs[other])
			}
		}
	}
	return widths
}

// role names an approval role in the document language when it is one of
// the three the model knows (prepared, reviewed, approved, in any case);
// any other role is the project's own word and stays as written.
func (r *renderer) role(s string) string {
	key := "doc.approval.role." + strings.ToLower(strings.TrimSpace(s))
	if r.c.Has(key) {
		return r.c.T(key)
	}
	return s
}
