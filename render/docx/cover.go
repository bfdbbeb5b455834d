package docx

import (
	"fmt"
	"strings"
	"time"

	"zonewise/render/pdf"
)

// cover writes the title page: logo, client, title, subtitle and the
// document's particulars. Its section has no header or footer on its
// first page.
func (r *renderer) cover() {
	m := r.doc.Meta
	if len(m.Logo) > 0 {
		if d, err := r.drawing("logo", m.Logo, m.Client, 55, 28); err == nil {
			r.para(pPr{jc: "right", spacing: `<w:spacing w:after="120"/>`}, d)
		} else {
			r.fail(fmt.Errorf("render docx: client logo: %w", err))
			return
		}
	}
	if m.Client != "" {
		r.para(pPr{style: "CoverClient"}, textRun(truncate(m.Client, 300), ""))
	}
	title := m.Title
	if title == "" {
		title = r.tr("docx.untitled")
	}
	r.para(pPr{style: "Title"}, textRun(truncate(title, 1000), ""))
	if m.Subtitle != "" {
		r.para(pPr{style: "Subtitle"}, textRun(truncate(m.Subtitle, 1000), ""))
	}
	rows := [][2]string{
		{"docx.cover.client", m.Client}, {"docx.cover.project", m.Project}, {"docx.cover.site", m.Site},
		{"docx.cover.author", m.Author}, {"docx.cover.revision", m.Revision}, {"docx.cover.date", r.date(m.Date)},
		{"docx.cover.classification", m.Classification},
	}
	var b strings.Builder
	labelW := twips(38)
	c := pdf.Colors()
	line := fmt.Sprintf(`w:val="single" w:sz="4" w:space="0" w:color="%s"`, c.Rule.Hex())
	fmt.Fprintf(&b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders><w:top %s/><w:bottom %[2]s/><w:insideH %[2]s/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`, textWidth, line)
	fmt.Fprintf(&b, `<w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid>`, labelW, textWidth-labelW)
	n := 0
	for _, row := range rows {
		if row[1] == "" {
			continue
		}
		n++
		fmt.Fprintf(&b, `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="CoverLabel"/></w:pPr>%s</w:p></w:tc>`, labelW, textRun(r.tr(row[0]), ""))
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="CoverValue"/></w:pPr>%s</w:p></w:tc></w:tr>`, textWidth-labelW, textRun(truncate(row[1], 2000), ""))
	}
	b.WriteString(`</w:tbl>`)
	if n > 0 {
		r.body.WriteString(b.String())
		r.para(pPr{spacing: tinySpacing}, "")
	}
	r.pageBreak()
}

// toc writes the table of contents: a TOC field over headings 1..3 whose
// result already lists them (numbers, text, a link to each), so that the
// contents read right before Word refreshes the page numbers.
func (r *renderer) toc() {
	listed := false
	for _, h := range r.heads {
		listed = listed || h.level <= tocDepth
	}
	if !listed {
		return
	}
	r.pageBreak()
	r.body.WriteString(`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>`)
	r.para(pPr{style: "TOCHeading"}, textRun(r.tr("docx.contents"), ""))
	first := true
	for i, h := range r.heads {
		if h.level > tocDepth {
			continue
		}
		var b strings.Builder
		if first {
			b.WriteString(`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
			first = false
		}
		label := truncate(h.text, 2000)
		if h.number != "" {
			label = h.number + "  " + label
		}
		fmt.Fprintf(&b, `<w:hyperlink w:anchor="%s" w:history="1">%s<w:r><w:tab/></w:r>`+
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF %[1]s \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t></w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>`,
			bookmark(i), textRun(label, ""))
		r.para(pPr{style: fmt.Sprintf("TOC%d", h.level)}, b.String())
	}
	r.para(pPr{spacing: tinySpacing}, `<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
	r.body.WriteString(`</w:sdtContent></w:sdt>`)
	r.pageBreak()
}

// headerXML is the running header for a text width in twips: the title on
// the left, the classification on the right.
func (r *renderer) headerXML(width int) string {
	m := r.doc.Meta
	c := pdf.Colors()
	content := textRun(truncate(m.Title, 300), "")
	if m.Classification != "" {
		content += `<w:r><w:tab/></w:r>` + textRun(strings.ToUpper(truncate(m.Classification, 100)), fmt.Sprintf(`<w:b/><w:bCs/><w:color w:val="%s"/>`, c.Accent.Hex()))
	}
	return xmlHeader + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Header"/>` +
		fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs>`, width) + `</w:pPr>` + content + `</w:p></w:hdr>`
}

// footerXML is the running footer: client on the left, revision and date
// in the centre, "Page X of Y" with PAGE and NUMPAGES fields on the right.
func (r *renderer) footerXML(width int) string {
	m := r.doc.Meta
	const pageMark, totalMark = "\x00P\x00", "\x00T\x00"
	var mid string
	if m.Revision != "" {
		mid = r.tr("docx.footer.revision", map[string]string{"Revision": truncate(m.Revision, 40)})
	}
	if m.Date != "" {
		if mid != "" {
			mid += "  ·  "
		}
		mid += truncate(r.date(m.Date), 40)
	}
	page := r.tr("docx.footer.page", map[string]string{"Page": pageMark, "Total": totalMark})
	var pg strings.Builder
	for page != "" {
		i := strings.Index(page, "\x00")
		if i < 0 {
			pg.WriteString(textRun(page, ""))
			break
		}
		pg.WriteString(textRun(page[:i], ""))
		rest := page[i:]
		switch {
		case strings.HasPrefix(rest, pageMark):
			pg.WriteString(`<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>`)
			page = rest[len(pageMark):]
		case strings.HasPrefix(rest, totalMark):
			pg.WriteString(`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>`)
			page = rest[len(totalMark):]
		default:
			page = rest[1:]
		}
	}
	content := textRun(truncate(m.Client, 120), "") + `<w:r><w:tab/></w:r>` + textRun(mid, "") + `<w:r><w:tab/></w:r>` + pg.String()
	return xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/>` +
		fmt.Sprintf(`<w:tabs><w:tab w:val="center" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/></w:tabs>`, width/2, width) + `</w:pPr>` + content + `</w:p></w:ftr>`
}

// date writes an ISO date ("2026-12-04", or the date part of RFC 3339) the
// document language's way (04.12.2026 in German), as the PDF does; other
// text stays as it is.
func (r *renderer) date(s string) string {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		t, err = time.Parse(time.RFC3339, strings.TrimSpace(s))
	}
	if err != nil {
		return s
	}
	return r.cat.Date(t)
}
