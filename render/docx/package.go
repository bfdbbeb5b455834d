package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// XML namespaces of the parts written.
const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA       = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic     = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsRel     = "http://schemas.openxmlformats.org/package/2006/relationships"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctBase    = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// Page geometry in twips (1/20 pt): A4 with the PDF's margins.
const (
	mm          = 56.6929 // twips per millimetre
	pageWTw     = 11906
	pageHTw     = 16838
	marginL     = 1417 // 25 mm
	marginR     = 1134 // 20 mm
	marginT     = 1531 // 27 mm
	marginB     = 1361 // 24 mm
	landMarginX = 850  // 15 mm
	landMarginT = 1134 // 20 mm
	landMarginB = 1077 // 19 mm
	hdrDist     = 510  // 9 mm from the edge
	textWidth   = pageWTw - marginL - marginR
	landWidth   = pageHTw - 2*landMarginX
)

// Fixed relationship ids of the main document part; images and links get
// rIdN from relFirstFree on.
const (
	ridStyles       = "rId1"
	ridNumbering    = "rId2"
	ridSettings     = "rId3"
	ridFonts        = "rId4"
	ridHeader       = "rId5"
	ridFooter       = "rId6"
	ridHeaderLand   = "rId7"
	ridFooterLand   = "rId8"
	ridHeaderFirst  = "rId9"
	ridFooterFirst  = "rId10"
	relFirstFree    = 11
	emuPerMM        = 36000
	emuPerTwip      = 635
	maxImageEdgeEMU = 20_000_000_000 // a sanity bound, far beyond a page
)

// rel is a relationship of the main document part.
type rel struct {
	id, typ, target string
	external        bool
}

// media is an image part.
type media struct {
	name string // "media/image1.png"
	data []byte
}

// assemble writes the package: every part with a fixed time stamp so that
// the same document gives the same bytes.
func (r *renderer) assemble() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp := docTime(r.doc.Meta.Date)
	// add writes a part from its pieces, without joining or copying them.
	add := func(name string, data ...string) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		for _, d := range data {
			if _, err := io.WriteString(w, d); err != nil {
				return err
			}
		}
		return nil
	}
	lang := r.langTag()
	parts := []struct {
		name string
		data []string
	}{
		{"[Content_Types].xml", []string{r.contentTypes()}},
		{"_rels/.rels", []string{rootRels}},
		{"docProps/core.xml", []string{r.coreXML()}},
		{"docProps/app.xml", []string{appXML}},
		{"word/document.xml", r.documentXML()},
		{"word/_rels/document.xml.rels", []string{r.documentRels()}},
		{"word/styles.xml", []string{stylesXML(lang)}},
		{"word/numbering.xml", []string{numberingXML(r.ordered)}},
		{"word/settings.xml", []string{settingsXML(lang)}},
		{"word/fontTable.xml", []string{fontTableXML()}},
		{"word/header1.xml", []string{r.headerXML(textWidth)}},
		{"word/footer1.xml", []string{r.footerXML(textWidth)}},
		{"word/header2.xml", []string{r.headerXML(landWidth)}},
		{"word/footer2.xml", []string{r.footerXML(landWidth)}},
		{"word/header3.xml", []string{emptyPart("hdr")}},
		{"word/footer3.xml", []string{emptyPart("ftr")}},
	}
	for _, p := range parts {
		if err := add(p.name, p.data...); err != nil {
			return nil, fmt.Errorf("render docx: write %s: %w", p.name, err)
		}
	}
	for _, m := range r.media {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/" + m.name, Method: zip.Deflate, Modified: stamp})
		if err == nil {
			_, err = w.Write(m.data)
		}
		if err != nil {
			return nil, fmt.Errorf("render docx: write %s: %w", m.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("render docx: %w", err)
	}
	return buf.Bytes(), nil
}

const rootRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Zonewise</Application></Properties>`

func (r *renderer) contentTypes() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>`)
	over := func(part, ct string) {
		fmt.Fprintf(&b, `<Override PartName="/%s" ContentType="%s"/>`, part, ct)
	}
	over("word/document.xml", ctBase+"document.main+xml")
	over("word/styles.xml", ctBase+"styles+xml")
	over("word/numbering.xml", ctBase+"numbering+xml")
	over("word/settings.xml", ctBase+"settings+xml")
	over("word/fontTable.xml", ctBase+"fontTable+xml")
	for i := 1; i <= 3; i++ {
		over("word/header"+strconv.Itoa(i)+".xml", ctBase+"header+xml")
		over("word/footer"+strconv.Itoa(i)+".xml", ctBase+"footer+xml")
	}
	over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	b.WriteString(`</Types>`)
	return b.String()
}

func (r *renderer) documentRels() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsRel + `">`)
	fixed := []rel{
		{ridStyles, "styles", "styles.xml", false},
		{ridNumbering, "numbering", "numbering.xml", false},
		{ridSettings, "settings", "settings.xml", false},
		{ridFonts, "fontTable", "fontTable.xml", false},
		{ridHeader, "header", "header1.xml", false},
		{ridFooter, "footer", "footer1.xml", false},
		{ridHeaderLand, "header", "header2.xml", false},
		{ridFooterLand, "footer", "footer2.xml", false},
		{ridHeaderFirst, "header", "header3.xml", false},
		{ridFooterFirst, "footer", "footer3.xml", false},
	}
	for _, rl := range append(fixed, r.rels...) {
		mode := ""
		if rl.external {
			mode = ` TargetMode="External"`
		}
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s%s" Target="%s"%s/>`, rl.id, relBase, rl.typ, esc(rl.target), mode)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// addRel registers a relationship and returns its id.
func (r *renderer) addRel(typ, target string, external bool) string {
	id := "rId" + strconv.Itoa(relFirstFree+len(r.rels))
	r.rels = append(r.rels, rel{id, typ, target, external})
	return id
}

func (r *renderer) coreXML() string {
	m := r.doc.Meta
	subject := m.Subtitle
	if subject == "" {
		subject = m.Project
	}
	t := docTime(m.Date).Format("2006-01-02T15:04:05Z")
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(truncate(m.Title, 500)) + `</dc:title><dc:subject>` + esc(truncate(subject, 500)) + `</dc:subject>` +
		`<dc:creator>` + esc(truncate(m.Author, 500)) + `</dc:creator><cp:keywords>` + esc(truncate(joinNonEmpty(", ", m.Client, m.Project, m.Site), 500)) + `</cp:keywords>` +
		`<dc:language>` + r.langTag() + `</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

func emptyPart(kind string) string {
	return xmlHeader + `<w:` + kind + ` xmlns:w="` + nsW + `"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p></w:` + kind + `>`
}

// docTime turns Meta.Date into the fixed time stamp of the parts; an
// unparsable or empty date gives a fixed epoch so output stays reproducible.
func docTime(s string) time.Time {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04", "02.01.2006", "2 January 2006"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1980 && t.Year() < 2108 {
			return t.UTC()
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
