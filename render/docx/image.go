package docx

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // decode JPEG sizes of images and logos
	_ "image/png"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Text area heights in millimetres, less room for a caption: a figure
// taller than this is scaled down to fit its page.
const (
	portraitFigH  = 297 - 27 - 24 - 22
	landscapeFigH = 210 - 20 - 19 - 14
)

// Parter may be implemented by a Figure that is printed as several
// pictures, such as a plant overview split into parts: each part is placed
// as a figure of its own, its caption numbered "(n of N)", as in the PDF.
type Parter interface {
	Parts() []Figure
}

// image places a Markdown image: a Figure, a raster image, or for any
// other URL its caption in brackets.
func (r *renderer) image(img *ast.Image) {
	dest := string(img.Destination)
	caption := strings.TrimSpace(clean(plainText(img, r.src)))
	switch {
	case strings.HasPrefix(dest, "figure:"):
		name := strings.TrimPrefix(dest, "figure:")
		fig, ok := r.doc.Figures[name]
		if !ok || fig == nil {
			r.fail(fmt.Errorf("render docx: figure %q: not in Document.Figures", name))
			return
		}
		land := strings.EqualFold(strings.TrimSpace(string(img.Title)), "landscape")
		wmm := float64(textWidth) / mm
		if land {
			wmm = float64(landWidth) / mm
		}
		parts := []Figure{fig}
		if pf, ok := fig.(Parter); ok && len(pf.Parts()) > 0 {
			parts = pf.Parts()
		}
		for i, part := range parts {
			data, err := part.PNG(wmm, DPI)
			if err != nil {
				r.fail(fmt.Errorf("render docx: figure %q: %w", name, err))
				return
			}
			c := caption
			if len(parts) > 1 {
				c = r.tr("doc.figurePart", map[string]string{"Caption": caption, "N": strconv.Itoa(i + 1), "Total": strconv.Itoa(len(parts))})
			}
			r.picture(name, data, c, land)
		}
	case strings.HasPrefix(dest, "image:"):
		name := strings.TrimPrefix(dest, "image:")
		data, ok := r.doc.Images[name]
		if !ok {
			r.fail(fmt.Errorf("render docx: image %q: not in Document.Images", name))
			return
		}
		r.picture(name, data, caption, false)
	default:
		if caption != "" {
			r.para(pPr{}, textRun("["+caption+"]", `<w:i/><w:iCs/>`))
		}
	}
}

// picture places a PNG or JPEG at the text width (a smaller raster image
// keeps its size at 150 dpi) with a numbered caption. A landscape figure
// gets a landscape section of its own.
func (r *renderer) picture(name string, data []byte, caption string, landscape bool) {
	areaW, areaH := float64(textWidth)/mm, float64(portraitFigH)
	if landscape {
		areaW, areaH = float64(landWidth)/mm, float64(landscapeFigH)
	}
	drawing, err := r.drawing(name, data, caption, areaW, areaH)
	if err != nil {
		r.fail(fmt.Errorf("render docx: image %q: %w", name, err))
		return
	}
	r.figN++
	capXML := r.captionRuns(caption)
	if !landscape {
		r.para(pPr{style: "Figure"}, drawing)
		r.para(pPr{style: "Caption"}, capXML)
		return
	}
	// end the portrait section here; the figure's section ends with its
	// caption, and the text goes on in a new portrait section
	// (unless a landscape section has just ended: no empty portrait page
	// between two landscape figures)
	r.pendingBreak = false
	if r.body.Len() > 0 && !r.landscapeEnd {
		r.para(pPr{spacing: tinySpacing, sectPr: r.sectPr(false)}, "")
	}
	r.para(pPr{style: "Figure"}, drawing)
	r.para(pPr{style: "Caption", sectPr: r.sectPr(true)}, capXML)
	r.pageTop, r.landscapeEnd = true, true
}

// captionRuns is "Figure n: caption" with n as a SEQ field, so that Word
// renumbers the figures and lists them in a table of figures.
func (r *renderer) captionRuns(caption string) string {
	const mark = "\x00N\x00"
	label := r.tr("docx.figure", map[string]string{"N": mark})
	before, after, _ := strings.Cut(label, mark)
	n := strconv.Itoa(r.figN)
	out := textRun(before, `<w:b/><w:bCs/>`) +
		`<w:fldSimple w:instr=" SEQ Figure \* ARABIC "><w:r><w:rPr><w:b/><w:bCs/><w:noProof/></w:rPr><w:t>` + n + `</w:t></w:r></w:fldSimple>` +
		textRun(after, `<w:b/><w:bCs/>`)
	if caption != "" {
		out += textRun(" "+caption, "")
	}
	return out
}

// drawing embeds data as an image part and returns the inline drawing run,
// sized to fit maxW × maxH millimetres.
func (r *renderer) drawing(name string, data []byte, descr string, maxW, maxH float64) (string, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("want PNG or JPEG: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return "", fmt.Errorf("empty image")
	}
	ext := "png"
	if format == "jpeg" {
		ext = "jpeg"
	} else if format != "png" {
		return "", fmt.Errorf("want PNG or JPEG, got %s", format)
	}
	w, h := fitBox(cfg.Width, cfg.Height, maxW, maxH)
	r.drawID++
	id := r.drawID
	part := fmt.Sprintf("media/image%d.%s", len(r.media)+1, ext)
	r.media = append(r.media, media{part, data})
	rid := r.addRel("image", part, false)
	cx, cy := int64(w*emuPerMM), int64(h*emuPerMM)
	descr = esc(truncate(descr, 1000))
	return fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%[1]d" cy="%[2]d"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`+
		`<wp:docPr id="%[3]d" name="Picture %[3]d" descr="%[4]s"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="`+nsPic+`"><pic:pic><pic:nvPicPr><pic:cNvPr id="%[3]d" name="image%[3]d.%[6]s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%[5]s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%[1]d" cy="%[2]d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
		cx, cy, id, descr, rid, ext), nil
}

// fitBox scales px × py pixels to fit maxW × maxH millimetres, at most
// as large as 150 dpi would print a small image; a figure drawn for the
// width (at DPI) fills it.
func fitBox(px, py int, maxW, maxH float64) (float64, float64) {
	w := min(float64(px)/150*25.4, maxW)
	if float64(px) >= maxW/25.4*DPI*0.99 {
		w = maxW
	}
	h := w * float64(py) / float64(px)
	if h > maxH {
		w, h = w*maxH/h, maxH
	}
	return max(w, 1), max(h, 1)
}
