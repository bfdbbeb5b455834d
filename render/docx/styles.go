package docx

import (
	"fmt"
	"strings"

	"zonewise/render/pdf"
)

// The look of the PDF as Word styles: fonts, sizes (in half-points) and
// spacing (in twips, 1/20 pt) follow render/pdf, colours come from its
// palette. Everything a reader might want to change is a style, not direct
// formatting, so that a consultant restyles the whole document in one place.
const (
	fontSans = "DejaVu Sans"
	fontMono = "DejaVu Sans Mono"

	szBody  = 20 // 10 pt
	szTable = 18 // 9 pt
	// szTableSmall is the text of a table too wide at szTable (8 pt).
	szTableSmall = 16
	szSmall      = 17 // 8.5 pt
	szCode       = 17
	szHeader     = 16 // 8 pt
	paraAfter    = 150
)

// headingLook gives size (half-points), space above and below (twips) per
// heading level, as the PDF's headingStyle.
var headingLook = [...]struct{ sz, before, after int }{
	{34, 454, 227}, {27, 340, 142}, {23, 255, 113}, {21, 198, 85}, {20, 170, 85}, {20, 170, 85},
}

// headingIndent is the hanging indent (twips) that holds the number of a
// numbered heading of level 1..3.
var headingIndent = [...]int{680, 680, 850}

func stylesXML(lang string) string {
	c := pdf.Colors()
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles xmlns:w="` + nsW + `">`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:eastAsia="%[1]s" w:cs="%[1]s"/><w:color w:val="%[2]s"/><w:sz w:val="%[3]d"/><w:szCs w:val="%[3]d"/><w:lang w:val="%[5]s" w:eastAsia="%[5]s" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:after="%[4]d" w:line="283" w:lineRule="atLeast"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		fontSans, c.Text.Hex(), szBody, paraAfter, lang)

	// paragraph styles
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	for i, h := range headingLook {
		lvl := i + 1
		color := c.Heading.Hex()
		if lvl >= 4 {
			color = c.Text.Hex()
		}
		var ppr strings.Builder
		ppr.WriteString(`<w:keepNext/><w:keepLines/>`)
		if lvl <= tocDepth {
			fmt.Fprintf(&ppr, `<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, i, numHeadings)
		}
		if lvl == 1 {
			fmt.Fprintf(&ppr, `<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="2" w:color="%s"/></w:pBdr>`, c.Accent.Hex())
		}
		fmt.Fprintf(&ppr, `<w:spacing w:before="%d" w:after="%d" w:line="240" w:lineRule="auto"/>`, h.before, h.after)
		if lvl <= tocDepth {
			fmt.Fprintf(&ppr, `<w:ind w:left="%[1]d" w:hanging="%[1]d"/>`, headingIndent[i])
		}
		fmt.Fprintf(&ppr, `<w:outlineLvl w:val="%d"/>`, i)
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Heading%[1]d"><w:name w:val="heading %[1]d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr>%[2]s</w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="%[3]s"/><w:sz w:val="%[4]d"/><w:szCs w:val="%[4]d"/></w:rPr></w:style>`,
			lvl, ppr.String(), color, h.sz)
	}
	para := func(id, name, ppr, rpr string) {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>`, id, name, ppr, rpr)
	}
	builtin := func(id, name, ppr, rpr string) {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>`, id, name, ppr, rpr)
	}
	builtin("Title", "Title", fmt.Sprintf(`<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="8" w:color="%s"/></w:pBdr><w:spacing w:before="2600" w:after="300" w:line="240" w:lineRule="auto"/>`, c.Accent.Hex()),
		fmt.Sprintf(`<w:b/><w:bCs/><w:color w:val="%s"/><w:sz w:val="52"/><w:szCs w:val="52"/>`, c.Heading.Hex()))
	builtin("Subtitle", "Subtitle", `<w:spacing w:after="600"/>`, fmt.Sprintf(`<w:color w:val="%s"/><w:sz w:val="28"/><w:szCs w:val="28"/>`, c.Muted.Hex()))
	builtin("TOCHeading", "TOC Heading", fmt.Sprintf(`<w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="2" w:color="%s"/></w:pBdr><w:spacing w:before="0" w:after="300"/>`, c.Accent.Hex()),
		fmt.Sprintf(`<w:b/><w:bCs/><w:color w:val="%s"/><w:sz w:val="34"/><w:szCs w:val="34"/>`, c.Heading.Hex()))
	for i, ind := range []int{0, 454, 907} {
		rpr, before := "", 0
		if i == 0 {
			rpr, before = `<w:b/><w:bCs/>`, 100
		}
		builtin(fmt.Sprintf("TOC%d", i+1), fmt.Sprintf("toc %d", i+1),
			fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="%d"/></w:tabs><w:spacing w:before="%d" w:after="40"/><w:ind w:left="%d"/>`, textWidth, before, ind), rpr)
	}
	builtin("Caption", "caption", `<w:spacing w:before="60" w:after="240"/><w:jc w:val="center"/>`, fmt.Sprintf(`<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%[2]d"/>`, c.Muted.Hex(), szSmall))
	builtin("Header", "header", fmt.Sprintf(`<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="3" w:color="%s"/></w:pBdr><w:spacing w:after="0"/>`, c.Rule.Hex()),
		fmt.Sprintf(`<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%[2]d"/>`, c.Muted.Hex(), szHeader))
	builtin("Footer", "footer", fmt.Sprintf(`<w:pBdr><w:top w:val="single" w:sz="4" w:space="3" w:color="%s"/></w:pBdr><w:spacing w:after="0"/>`, c.Rule.Hex()),
		fmt.Sprintf(`<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%[2]d"/>`, c.Muted.Hex(), szHeader))
	para("Note", "Note", fmt.Sprintf(`<w:pBdr><w:left w:val="single" w:sz="24" w:space="6" w:color="%s"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="%s"/><w:spacing w:before="60" w:after="60"/><w:ind w:left="200" w:right="120"/>`, c.NoteBar.Hex(), c.NoteBg.Hex()), "")
	para("Code", "Code", fmt.Sprintf(`<w:shd w:val="clear" w:color="auto" w:fill="%s"/><w:spacing w:after="0" w:line="238" w:lineRule="atLeast"/><w:ind w:left="120" w:right="120"/>`, c.CodeBg.Hex()),
		fmt.Sprintf(`<w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s"/><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/>`, fontMono, szCode))
	para("TableText", "Table Text", `<w:spacing w:before="0" w:after="0" w:line="244" w:lineRule="atLeast"/>`, fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%[1]d"/>`, szTable))
	// a table whose longest words do not fit side by side at 9 pt
	para("TableTextSmall", "Table Text Small", `<w:spacing w:before="0" w:after="0" w:line="220" w:lineRule="atLeast"/>`, fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%[1]d"/>`, szTableSmall))
	para("BlockTitle", "Block Title", `<w:keepNext/><w:spacing w:before="300" w:after="120"/>`, fmt.Sprintf(`<w:b/><w:bCs/><w:color w:val="%s"/><w:sz w:val="23"/><w:szCs w:val="23"/>`, c.Heading.Hex()))
	para("ChartNote", "Chart Note", `<w:keepNext/><w:spacing w:before="60" w:after="60"/><w:jc w:val="center"/>`, fmt.Sprintf(`<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%[2]d"/>`, c.Muted.Hex(), szSmall))
	para("Figure", "Figure", `<w:keepNext/><w:spacing w:before="120" w:after="0"/><w:jc w:val="center"/>`, "")
	para("CoverClient", "Cover Client", `<w:spacing w:after="0"/>`, fmt.Sprintf(`<w:b/><w:bCs/><w:caps/><w:color w:val="%s"/>`, c.Muted.Hex()))
	para("CoverLabel", "Cover Label", `<w:spacing w:before="60" w:after="60"/>`, fmt.Sprintf(`<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%[2]d"/>`, c.Muted.Hex(), szSmall))
	para("CoverValue", "Cover Value", `<w:spacing w:before="60" w:after="60"/>`, `<w:sz w:val="21"/><w:szCs w:val="21"/>`)
	para("Rule", "Rule", fmt.Sprintf(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="%s"/></w:pBdr><w:spacing w:after="200"/>`, c.Rule.Hex()), "")

	// character styles
	fmt.Fprintf(&b, `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	fmt.Fprintf(&b, `<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="%s"/><w:u w:val="single"/></w:rPr></w:style>`, c.Link.Hex())
	fmt.Fprintf(&b, `<w:style w:type="character" w:customStyle="1" w:styleId="CodeChar"><w:name w:val="Inline Code"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr><w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s"/><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/><w:shd w:val="clear" w:color="auto" w:fill="%[3]s"/></w:rPr></w:style>`, fontMono, szCode, c.CodeBg.Hex())

	// table styles
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	border := func(side string) string {
		return fmt.Sprintf(`<w:%s w:val="single" w:sz="4" w:space="0" w:color="%s"/>`, side, c.Rule.Hex())
	}
	fmt.Fprintf(&b, `<w:style w:type="table" w:customStyle="1" w:styleId="ZonewiseTable"><w:name w:val="Zonewise Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>`+
		`<w:pPr><w:spacing w:before="0" w:after="0" w:line="244" w:lineRule="atLeast"/></w:pPr><w:rPr><w:sz w:val="%[1]d"/><w:szCs w:val="%[1]d"/></w:rPr>`+
		`<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>%[2]s%[3]s%[4]s%[5]s%[6]s%[7]s</w:tblBorders><w:tblCellMar><w:top w:w="85" w:type="dxa"/><w:left w:w="102" w:type="dxa"/><w:bottom w:w="85" w:type="dxa"/><w:right w:w="102" w:type="dxa"/></w:tblCellMar></w:tblPr>`+
		`<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="%[8]s"/></w:tcPr></w:tblStylePr>`+
		`<w:tblStylePr w:type="band2Horz"><w:tblPr/><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="%[9]s"/></w:tcPr></w:tblStylePr></w:style>`,
		szTable, border("top"), border("left"), border("bottom"), border("right"), border("insideH"), border("insideV"), c.TableHead.Hex(), c.Zebra.Hex())
	b.WriteString(`</w:styles>`)
	return b.String()
}

// numbering ids: 1 numbers the headings, 2 is every bullet list, ordered
// lists get 3 and up (one each, so that each starts at its own number).
const (
	absHeadings = 0
	absBullets  = 1
	absOrdered  = 2
	numHeadings = 1
	numBullets  = 2
)

// listIndent is the indentation (twips) per list level.
const listIndent = 340

func numberingXML(ordered []int) string {
	c := pdf.Colors()
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:numbering xmlns:w="` + nsW + `">`)
	// headings: 1, 1.1, 1.1.1 in the accent colour
	fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="multilevel"/>`, absHeadings)
	for i := 0; i < 9; i++ {
		text := ""
		for j := 0; j <= i; j++ {
			if j > 0 {
				text += "."
			}
			text += fmt.Sprintf("%%%d", j+1)
		}
		if i < tocDepth {
			fmt.Fprintf(&b, `<w:lvl w:ilvl="%[1]d"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading%[2]d"/><w:lvlText w:val="%[3]s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%[4]d" w:hanging="%[4]d"/></w:pPr><w:rPr><w:color w:val="%[5]s"/></w:rPr></w:lvl>`,
				i, i+1, text, headingIndent[i], c.Accent.Hex())
		} else {
			fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="none"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/></w:lvl>`, i)
		}
	}
	b.WriteString(`</w:abstractNum>`)
	bullets := []string{"•", "–", "◦"}
	fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, absBullets)
	for i := 0; i < 9; i++ {
		fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="240"/></w:pPr><w:rPr><w:rFonts w:ascii="%[4]s" w:hAnsi="%[4]s"/></w:rPr></w:lvl>`,
			i, bullets[i%len(bullets)], listIndent*(i+1), fontSans)
	}
	b.WriteString(`</w:abstractNum>`)
	fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, absOrdered)
	for i := 0; i < 9; i++ {
		fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%%d."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="340"/></w:pPr></w:lvl>`,
			i, i+1, listIndent*(i+1)+100)
	}
	b.WriteString(`</w:abstractNum>`)
	fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>`, numHeadings, absHeadings)
	fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>`, numBullets, absBullets)
	for i, o := range ordered {
		lvl, start := o>>16, o&0xffff
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/><w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>`, numBullets+1+i, absOrdered, lvl, start)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}

func settingsXML(lang string) string {
	return xmlHeader + `<w:settings xmlns:w="` + nsW + `"><w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>` +
		// Word refreshes the table of contents and the page fields on opening
		`<w:updateFields w:val="true"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="` + lang + `"/><w:decimalSymbol w:val="` + decimalSymbol(lang) + `"/><w:listSeparator w:val=";"/></w:settings>`
}

func decimalSymbol(lang string) string {
	if strings.HasPrefix(lang, "de") {
		return ","
	}
	return "."
}

func fontTableXML() string {
	// DejaVu Sans is Bitstream Vera's successor, whose metrics Verdana
	// shares: a machine without DejaVu shows the document in Verdana.
	return xmlHeader + `<w:fonts xmlns:w="` + nsW + `">` +
		`<w:font w:name="` + fontSans + `"><w:altName w:val="Verdana"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
		`<w:font w:name="` + fontMono + `"><w:altName w:val="Consolas"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
		`</w:fonts>`
}
