package docx

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	measure "zonewise/render"
	"zonewise/render/pdf"
)

// cell is one table cell ready to write.
type cell struct {
	content string // runs
	jc      string // "", "center", "right"
	fill    string // RRGGBB, or "" for the table style's
	chars   int    // length of the text, for the column widths
	word    int    // longest word
	longest string // the longest word, or the whole of a short text
	vcenter bool
	sign    bool   // a line to sign on
	plain   string // the text of a cell made by plainCell, to set smaller
	bold    bool
}

// grid is a table: a header row (repeated on every page) and body rows.
type grid struct {
	header []cell
	rows   [][]cell
	widths []float64 // fractions of the text width; nil: from the content
	minRow int       // least row height in twips
	bands  bool      // zebra rows from the table style
}

func textCell(spans []span) cell {
	var txt strings.Builder
	for _, s := range spans {
		txt.WriteString(s.text)
	}
	t := clean(txt.String())
	c := cell{chars: utf8.RuneCountInString(t)}
	longest, most := "", 0
	for _, w := range strings.Fields(t) {
		c.word = max(c.word, utf8.RuneCountInString(w))
		// Word and LibreOffice break a line after a hyphen or a slash:
		// "Engineering-Workstation" needs room for "Engineering-" only
		for _, piece := range breakPieces(w) {
			if n := utf8.RuneCountInString(piece); n > most {
				most, longest = n, piece
			}
		}
	}
	if c.chars <= 12 {
		longest = t // a short cell such as "FR 1" or "SL-T" stays whole
	}
	c.longest = longest
	return c
}

// breakPieces splits a word after each hyphen or slash that has a letter
// or digit on both sides, where Word and LibreOffice may break the line.
func breakPieces(w string) []string {
	var out []string
	rs := []rune(w)
	start := 0
	for i := 1; i < len(rs)-1; i++ {
		if (rs[i] == '-' || rs[i] == '/') && isAlnum(rs[i-1]) && isAlnum(rs[i+1]) {
			out = append(out, string(rs[start:i+1]))
			start = i + 1
		}
	}
	return append(out, string(rs[start:]))
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// table writes a GFM table. A header row whose cells are all empty is
// dropped (key-value tables leave it blank), as in the PDF.
func (r *renderer) table(t *east.Table) {
	g := grid{bands: true}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			tc, ok := c.(*east.TableCell)
			if !ok {
				continue
			}
			spans := trimSpans(r.collectSpans(tc, span{}, nil))
			cl := textCell(spans)
			cl.content = r.runs(spans)
			switch tc.Alignment {
			case east.AlignRight:
				cl.jc = "right"
			case east.AlignCenter:
				cl.jc = "center"
			}
			cells = append(cells, cl)
		}
		if _, head := row.(*east.TableHeader); head {
			g.header = cells
		} else {
			g.rows = append(g.rows, cells)
		}
	}
	empty := true
	for _, c := range g.header {
		empty = empty && c.content == ""
	}
	if empty && len(g.rows) > 0 {
		g.header = nil
	}
	r.writeGrid(g)
}

// columnWidths gives each column room for its longest word (a short cell,
// such as "FR 1" or "SL-T", whole), measured in the table's font, and
// shares the rest of the width by the length of the columns' text. When
// the longest words do not fit side by side at 9 pt, the table is set at
// 8 pt (small, the style Table Text Small); when they do not fit even
// then, the columns with the longest words give up the excess (water
// filling, as the PDF does), so that a column of short words is never
// broken inside a word for another column's long one.
func columnWidths(g grid, n int) (widths []int, small bool) {
	out, fits := columnWidthsAt(g, n, float64(szTable)/2)
	if fits {
		return out, false
	}
	out, _ = columnWidthsAt(g, n, float64(szTableSmall)/2)
	return out, true
}

// columnWidthsAt is columnWidths for text of size pt; fits reports whether
// every column has room for its longest word.
func columnWidthsAt(g grid, n int, size float64) (out []int, fits bool) {
	const pad = 214           // cell margins (2 × 102) and a little air
	perChar := 112 * size / 9 // twips per character of DejaVu Sans
	need := make([]float64, n)
	least := make([]float64, n)
	for r, row := range append([][]cell{g.header}, g.rows...) {
		k := 1.0
		if r == 0 {
			k = 1.08 // bold
		}
		for i, c := range row {
			if i >= n {
				break
			}
			need[i] = max(need[i], k*float64(min(c.chars, 80))*perChar+pad)
			word := measure.TextWidth(c.longest, size, r == 0 || c.bold) * 20 // twips
			least[i] = max(least[i], min(word, 0.3*float64(textWidth))+pad)
		}
	}
	out = make([]int, n)
	total, minSum := 0.0, 0.0
	for i := range need {
		need[i] = max(need[i], least[i], 400)
		least[i] = max(least[i], 400)
		total += need[i]
		minSum += least[i]
	}
	w := float64(textWidth)
	switch {
	case total <= w:
		for i := range out {
			out[i] = int(need[i] * w / total)
		}
	case minSum >= w:
		for i, v := range giveUp(least, w) {
			out[i] = int(v)
		}
		return out, false
	default:
		extra := w - minSum
		for i := range out {
			out[i] = int(least[i] + extra*(need[i]-least[i])/(total-minSum))
		}
	}
	return out, true
}

// giveUp shrinks the needs to sum to avail: the column with the longest
// word gives up room first (to 60 % of its need), then the next longest,
// so that one column's long words break rather than every column's; what
// is still too much is shared by water filling.
func giveUp(need []float64, avail float64) []float64 {
	out := slices.Clone(need)
	excess := -avail
	for _, v := range need {
		excess += v
	}
	order := make([]int, len(need))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(need[b], need[a]) })
	for _, i := range order {
		if excess <= 0 {
			return out
		}
		cut := min(excess, out[i]*0.4)
		out[i] -= cut
		excess -= cut
	}
	return waterFill(out, avail)
}

// waterFill caps the widest needs at one limit so that they sum to avail:
// the narrow columns keep what they need.
func waterFill(need []float64, avail float64) []float64 {
	sorted := slices.Clone(need)
	slices.Sort(sorted)
	limit, left := 0.0, avail
	for i, v := range sorted {
		rest := float64(len(sorted) - i)
		if v*rest >= left {
			limit = left / rest
			break
		}
		left -= v
		limit = v
	}
	out := make([]float64, len(need))
	for i, v := range need {
		out[i] = min(v, limit)
	}
	return out
}

// writeGrid writes a grid as a w:tbl with the Zonewise Table style.
func (r *renderer) writeGrid(g grid) {
	n := len(g.header)
	for _, row := range g.rows {
		n = max(n, len(row))
	}
	if n == 0 {
		return
	}
	var widths []int
	small := false
	if len(g.widths) == n {
		for _, f := range g.widths {
			widths = append(widths, int(f*float64(textWidth)))
		}
	} else {
		widths, small = columnWidths(g, n)
	}
	textStyle := "TableText"
	if small {
		textStyle = "TableTextSmall"
	}
	r.beforeTable()
	var b strings.Builder
	look := `w:firstRow="1"`
	if g.header == nil {
		look = `w:firstRow="0"`
	}
	band := `w:noHBand="0"`
	if !g.bands {
		band = `w:noHBand="1"`
	}
	fmt.Fprintf(&b, `<w:tbl><w:tblPr><w:tblStyle w:val="ZonewiseTable"/><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" %s w:lastRow="0" w:firstColumn="0" w:lastColumn="0" %s w:noVBand="1"/></w:tblPr><w:tblGrid>`, sumInts(widths), look, band)
	for _, w := range widths {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells []cell, head bool) {
		b.WriteString(`<w:tr>`)
		var trPr string
		if head {
			trPr = `<w:cantSplit/><w:tblHeader/>`
		} else if g.minRow > 0 {
			// no cantSplit here: LibreOffice drops such rows that
			// would go on the next page
			trPr = fmt.Sprintf(`<w:trHeight w:val="%d" w:hRule="atLeast"/>`, g.minRow)
		}
		if trPr != "" {
			b.WriteString(`<w:trPr>` + trPr + `</w:trPr>`)
		}
		for i := 0; i < n; i++ {
			var c cell
			if i < len(cells) {
				c = cells[i]
			}
			if head && c.plain != "" {
				c.content = fitted(c, widths[i])
			}
			fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, widths[i])
			if c.fill != "" {
				fmt.Fprintf(&b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, c.fill)
			}
			switch {
			case c.sign:
				b.WriteString(`<w:vAlign w:val="bottom"/>`)
			case c.vcenter:
				b.WriteString(`<w:vAlign w:val="center"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			p := pPr{style: textStyle, jc: c.jc}
			if c.sign {
				p.spacing = fmt.Sprintf(`<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="%s"/></w:pBdr><w:spacing w:before="0" w:after="80"/>`, pdf.Colors().Muted.Hex())
			}
			b.WriteString(`<w:p>` + p.xml() + c.content + `</w:p></w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	if g.header != nil {
		row(g.header, true)
	}
	for _, cells := range g.rows {
		row(cells, false)
	}
	b.WriteString(`</w:tbl>`)
	r.body.WriteString(b.String())
	// a table is followed by a paragraph in Word; a small one keeps the
	// space after the table like the PDF's
	r.para(pPr{spacing: `<w:spacing w:before="0" w:after="0" w:line="160" w:lineRule="exact"/>`}, "")
}

func sumInts(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

// extension writes a zw-* fenced block with render/pdf's rules.
func (r *renderer) extension(b *ast.FencedCodeBlock) {
	name, opts := pdf.ParseInfo(string(b.Info.Segment.Value(r.src)))
	var err error
	switch name {
	case "zw-approval":
		r.approvalBlock(false)
		return
	case "zw-heatmap", "zw-bars", "zw-matrix":
		var rows [][]string
		rows, err = pdf.ParseCSV(blockText(b, r.src))
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
		r.fail(fmt.Errorf("render docx: %s block at line %d: %w", name, lineOf(b, r.src), err))
	}
}

// lineOf is the 1-based line of a fenced block's opening fence.
func lineOf(b *ast.FencedCodeBlock, src []byte) int {
	pos := 0
	if b.Info != nil {
		pos = b.Info.Segment.Start
	} else if b.Lines().Len() > 0 {
		pos = b.Lines().At(0).Start
	}
	pos = min(max(pos, 0), len(src))
	return bytes.Count(src[:pos], []byte("\n")) + 1
}

func plainCell(s string, bold bool) cell {
	c := textCell([]span{{text: s}})
	rpr := ""
	if bold {
		rpr = `<w:b/><w:bCs/>`
	}
	c.content = textRun(s, rpr)
	c.plain, c.bold = s, bold
	return c
}

// fitted sets a header cell's text smaller (down to 70 %) when its longest
// word is wider than the column, so that "Catastrophic" is not cut, as the
// PDF's fitHeader does.
func fitted(c cell, width int) string {
	need := float64(c.word)*125 + 230 // bold DejaVu Sans at 9 pt
	if need <= float64(width) || c.word == 0 {
		return c.content
	}
	sz := max(int(float64(szTable)*float64(width)/need), szTable*7/10)
	rpr := fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%[1]d"/>`, sz)
	if c.bold {
		rpr = `<w:b/><w:bCs/>` + rpr
	}
	return textRun(c.plain, rpr)
}

// labelled gives the first column a quarter of the width and shares the
// rest evenly, as the PDF's heat maps and matrices do.
func labelled(n int) []float64 {
	if n < 2 {
		return nil
	}
	out := make([]float64, n)
	out[0] = 0.26
	for i := 1; i < n; i++ {
		out[i] = 0.74 / float64(n-1)
	}
	return out
}

// heatmap writes a zw-heatmap block as a table with coloured cells.
func (r *renderer) heatmap(rows [][]string, opts map[string]string) error {
	scale, err := pdf.NewHeatScale(opts)
	if err != nil {
		return err
	}
	var g grid
	for i, row := range rows {
		var cells []cell
		for j, txt := range row {
			switch {
			case i == 0:
				c := plainCell(txt, false)
				if j > 0 {
					c.jc = "center"
				}
				cells = append(cells, c)
			case j == 0:
				cells = append(cells, plainCell(txt, true))
			default:
				show, fill, ok := scale.Cell(txt)
				c := plainCell(show, false)
				c.jc, c.vcenter = "center", true
				if ok {
					c.fill = fill.Hex()
				}
				cells = append(cells, c)
			}
		}
		if i == 0 {
			g.header = cells
		} else {
			g.rows = append(g.rows, cells)
		}
	}
	n := len(g.header)
	for _, row := range g.rows {
		n = max(n, len(row))
	}
	g.widths = labelled(n)
	r.writeGrid(g)
	return nil
}

// matrix writes a zw-matrix block: risk levels coloured like the GUI's.
func (r *renderer) matrix(rows [][]string, opts map[string]string) error {
	if len(rows) < 2 || len(rows[0]) < 2 {
		return fmt.Errorf("want a header row of consequences and at least one likelihood row")
	}
	n := len(rows[0])
	g := grid{minRow: twips(9)}
	for i, row := range rows {
		var cells []cell
		for j := 0; j < n; j++ {
			txt := ""
			if j < len(row) {
				txt = row[j]
			}
			switch {
			case i == 0:
				c := plainCell(txt, false)
				if j > 0 {
					c.jc = "center"
				}
				cells = append(cells, c)
			case j == 0:
				c := plainCell(txt, true)
				c.vcenter = true
				cells = append(cells, c)
			default:
				c := plainCell(txt, true)
				c.jc, c.vcenter = "center", true
				if col, ok := pdf.LevelColor(txt); ok {
					c.fill = col.Hex()
				} else {
					c.fill = "FFFFFF"
				}
				cells = append(cells, c)
			}
		}
		if i == 0 {
			g.header = cells
		} else {
			g.rows = append(g.rows, cells)
		}
	}
	g.widths = labelled(n)
	if x := opts["x"]; x != "" {
		r.para(pPr{style: "ChartNote", indLeft: textWidth * 26 / 100}, textRun(x, `<w:b/><w:bCs/>`))
	}
	r.writeGrid(g)
	if y := opts["y"]; y != "" {
		r.para(pPr{style: "ChartNote", jc: "left"}, textRun(r.tr("docx.matrix.rows", map[string]string{"Axis": y}), `<w:i/><w:iCs/>`))
	}
	return nil
}

// bars writes a zw-bars block: a borderless table of label, bar and value;
// each bar is a one-row table whose filled cell is as wide as the value.
func (r *renderer) bars(rows [][]string, opts map[string]string) error {
	bs, err := pdf.ParseBars(rows, opts)
	if err != nil {
		return err
	}
	if len(bs) == 0 {
		return nil
	}
	c := pdf.Colors()
	labelW, valueW := textWidth*38/100, twips(32)
	trackW := textWidth - labelW - valueW
	barW := trackW - 200
	r.beforeTable()
	var b strings.Builder
	fmt.Fprintf(&b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`, textWidth)
	fmt.Fprintf(&b, `<w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid>`, labelW, trackW, valueW)
	for _, bar := range bs {
		ratio := min(max(bar.Val/bar.Max, 0), 1)
		filled := int(ratio * float64(barW))
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/><w:spacing w:before="40" w:after="40"/></w:pPr>%s</w:p></w:tc>`, labelW, textRun(bar.Label, ""))
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, trackW)
		fmt.Fprintf(&b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`, barW)
		var parts [][2]string // width, fill
		if filled > 0 {
			parts = append(parts, [2]string{fmt.Sprint(filled), pdf.BarColor(ratio).Hex()})
		}
		if barW-filled > 0 {
			parts = append(parts, [2]string{fmt.Sprint(barW - filled), c.CodeBg.Hex()})
		}
		for _, p := range parts {
			fmt.Fprintf(&b, `<w:gridCol w:w="%s"/>`, p[0])
		}
		b.WriteString(`</w:tblGrid><w:tr><w:trPr><w:trHeight w:val="238" w:hRule="exact"/></w:trPr>`)
		for _, p := range parts {
			fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%s" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="%s"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc>`, p[0], p[1])
		}
		b.WriteString(`</w:tr></w:tbl><w:p><w:pPr><w:pStyle w:val="TableText"/>` + tinySpacing + `</w:pPr></w:p></w:tc>`)
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="right"/></w:pPr>%s</w:p></w:tc></w:tr>`,
			valueW, textRun(pdf.BarText(bar.Val, bar.Max, opts["unit"]), fmt.Sprintf(`<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%[2]d"/>`, c.Muted.Hex(), szSmall)))
	}
	b.WriteString(`</w:tbl>`)
	r.body.WriteString(b.String())
	r.para(pPr{spacing: fmt.Sprintf(`<w:spacing w:before="0" w:after="%d"/>`, paraAfter)}, "")
	return nil
}

// approvalBlock writes the approval table (Meta.Approvals, or blank
// Prepared, Reviewed and Approved rows). At the end of a document (auto)
// it gets a title of its own.
// role names a recorded approval role ("Prepared") in the document's
// language, as the PDF does; any other role stays as written.
func (r *renderer) role(s string) string {
	key := "docx.approval." + strings.ToLower(strings.TrimSpace(s))
	switch key {
	case "docx.approval.prepared", "docx.approval.reviewed", "docx.approval.approved":
		return r.tr(key)
	}
	return s
}

func (r *renderer) approvalBlock(auto bool) {
	r.approvalPlaced = true
	apps := r.doc.Meta.Approvals
	if len(apps) == 0 {
		apps = []pdf.Approval{{Role: r.tr("docx.approval.prepared")}, {Role: r.tr("docx.approval.reviewed")}, {Role: r.tr("docx.approval.approved")}}
	}
	if auto {
		r.para(pPr{style: "BlockTitle"}, textRun(r.tr("docx.approval.title"), ""))
	}
	g := grid{
		header: []cell{
			plainCell(r.tr("docx.approval.role"), false), plainCell(r.tr("docx.approval.name"), false),
			plainCell(r.tr("docx.approval.organisation"), false), plainCell(r.tr("docx.approval.date"), false),
			plainCell(r.tr("docx.approval.signature"), false),
		},
		// the title column holds job titles such as "Leiter
		// Automatisierungstechnik" whole
		widths: []float64{0.14, 0.21, 0.30, 0.14, 0.21},
		minRow: twips(15),
	}
	for _, a := range apps {
		g.rows = append(g.rows, []cell{
			plainCell(truncate(r.role(a.Role), 500), true), plainCell(truncate(a.Name, 500), false),
			plainCell(truncate(a.Title, 500), false), plainCell(truncate(r.date(a.Date), 100), false), {sign: true},
		})
	}
	r.writeGrid(g)
}
