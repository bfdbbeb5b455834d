package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark/ast"
)

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// image lays out a Markdown image: a Figure, a raster image, or for any
// other URL its caption as text.
func (r *renderer) image(img *ast.Image) {
	dest := string(img.Destination)
	caption := strings.TrimSpace(plainText(img, r.src))
	switch {
	case strings.HasPrefix(dest, "figure:"):
		name := strings.TrimPrefix(dest, "figure:")
		fig, ok := r.doc.Figures[name]
		if !ok || fig == nil {
			r.fail(fmt.Errorf("render pdf: figure %q: not in Document.Figures", name))
			return
		}
		if isLandscape(img.Title) || wantsLandscape(fig, r.w) {
			r.landscapeFigure(fig, caption)
			return
		}
		r.figure(fig, caption)
	case strings.HasPrefix(dest, "image:"):
		name := strings.TrimPrefix(dest, "image:")
		data, ok := r.doc.Images[name]
		if !ok {
			r.fail(fmt.Errorf("render pdf: image %q: not in Document.Images", name))
			return
		}
		r.rasterFigure(name, data, caption)
	default:
		if caption != "" {
			r.drawLines(r.layout(r.textFrags("["+caption+"]", stItalic, sizeBody, colMuted), r.w), lineBody)
		}
	}
}

// figure draws a vector Figure at full text width with a numbered caption.
func (r *renderer) figure(fig Figure, caption string) {
	w := r.w
	capLines := r.captionLines(caption)
	capH := float64(len(capLines))*lineSmall + 2
	maxH := r.bottom() - marginTop - capH - 4
	r.space(2)
	h := measureFigure(fig, w)
	if h > maxH && h > 0 {
		w = w * maxH / h
		h = maxH
	}
	if rest := r.bottom() - r.y - capH - 2; h > rest && !r.atTop() {
		w, h = shrinkInto(fig, w, h, rest)
	}
	r.ensure(h + capH + 2)
	x := r.x + (r.w-w)/2
	r.resetStyle()
	h = fig.Draw(r.f, x, r.y, w)
	r.resetStyle()
	if h < 0 || h != h || h > pageH {
		h = 0
	}
	r.y += h + 2
	r.caption(capLines, capH)
}

// shrinkInto returns the largest width, down to the figure's MinWidth, at
// which a Shrinker fig is at most rest millimetres high, so that it ends
// the current page instead of leaving it half empty; else w and h as they
// are (the figure goes on the next page).
func shrinkInto(fig Figure, w, h, rest float64) (float64, float64) {
	s, ok := fig.(Shrinker)
	if !ok || rest <= 0 {
		return w, h
	}
	lo := s.MinWidth()
	if lo <= 0 || lo >= w {
		return w, h
	}
	hl := measureFigure(fig, lo)
	if hl > rest {
		return w, h
	}
	hi := w
	for range 20 {
		mid := (lo + hi) / 2
		if hm := measureFigure(fig, mid); hm <= rest {
			lo, hl = mid, hm
		} else {
			hi = mid
		}
	}
	return lo, hl
}

// measureFigure returns the height of fig at width w: from its Height
// method, or else by drawing it once on a scratch document.
func measureFigure(fig Figure, w float64) (h float64) {
	if s, ok := fig.(Sizer); ok {
		h = s.Height(w)
	} else {
		f := fpdf.New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes(FontSans, "", fontBytes[faceRegular])
		f.AddUTF8FontFromBytes(FontSans, "B", fontBytes[faceBold])
		f.SetFont(FontSans, "", sizeBody)
		f.AddPage()
		h = fig.Draw(f, marginLeft, marginTop, w)
	}
	if h < 0 || h != h || h > 1e6 {
		return 0
	}
	return h
}

// captionLines numbers the next figure and lays out its caption.
func (r *renderer) captionLines(caption string) []line {
	r.figN++
	spans := []span{{text: r.c.T("doc.figure", map[string]string{"N": strconv.Itoa(r.figN)}), st: stBold}}
	if caption != "" {
		spans = append(spans, span{text: " " + caption})
	}
	return r.layout(r.frags(spans, sizeSmall, colMuted, 0), r.w)
}

// caption draws caption lines centred under a figure.
func (r *renderer) caption(lines []line, h float64) {
	r.ensure(h)
	for _, l := range lines {
		r.drawLine(l, r.x+(r.w-l.w)/2, r.y, lineSmall)
		r.y += lineSmall
	}
	r.space(paraSpacing + 2)
}

// rasterFigure places a PNG or JPEG scaled to the text width (never
// enlarged beyond 150 dpi) with a numbered caption.
func (r *renderer) rasterFigure(name string, data []byte, caption string) {
	capLines := r.captionLines(caption)
	capH := float64(len(capLines))*lineSmall + 2
	maxH := r.bottom() - marginTop - capH - 4
	size, err := r.register("img:"+name, data)
	if err != nil {
		r.fail(fmt.Errorf("render pdf: image %q: %w", name, err))
		return
	}
	w, h := fitBox(size.X, size.Y, r.w, maxH)
	r.space(2)
	r.ensure(h + capH + 2)
	r.f.ImageOptions("img:"+name, r.x+(r.w-w)/2, r.y, w, h, false, fpdf.ImageOptions{}, 0, "")
	r.y += h + 2
	r.caption(capLines, capH)
}

// placeImage draws an image inside a box of maxW × maxH whose top edge is
// y; x is the box's left, centre or right edge as a says. A bad image is
// skipped: on the cover a missing logo is better than no document.
func (r *renderer) placeImage(name string, data []byte, x, y, maxW, maxH float64, a align) {
	size, err := r.register(name, data)
	if err != nil {
		return
	}
	w, h := fitBox(size.X, size.Y, maxW, maxH)
	switch a {
	case alignCenter:
		x -= w / 2
	case alignRight:
		x -= w
	}
	r.f.ImageOptions(name, x, y, w, h, false, fpdf.ImageOptions{}, 0, "")
}

// fitBox scales an image of px × py pixels to fit maxW × maxH, at most
// to its size at 150 dpi.
func fitBox(px, py int, maxW, maxH float64) (float64, float64) {
	if px <= 0 || py <= 0 {
		return maxW, maxH
	}
	w, h := float64(px)*25.4/150, float64(py)*25.4/150
	if w > maxW {
		w, h = maxW, h*maxW/w
	}
	if h > maxH {
		w, h = w*maxH/h, maxH
	}
	return w, h
}

// maxPixels bounds the size of an image we decode (memory).
const maxPixels = 30_000_000

// register decodes an image and hands fpdf a clean 8-bit PNG or a baseline
// JPEG, so that unusual files (interlaced, 16-bit, paletted with alpha)
// cannot make fpdf fail the whole document. It returns the pixel size.
func (r *renderer) register(name string, data []byte) (image.Point, error) {
	if size, ok := r.imgSize[name]; ok {
		return size, nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return image.Point{}, fmt.Errorf("decode: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return image.Point{}, fmt.Errorf("%d×%d pixels: want at most %d pixels", cfg.Width, cfg.Height, maxPixels)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return image.Point{}, fmt.Errorf("decode %s: %w", format, err)
	}
	b := img.Bounds()
	var buf bytes.Buffer
	tp := "PNG"
	switch {
	case format == "jpeg" && (cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.GrayModel):
		tp = "JPG"
		buf.Write(data)
	case format == "jpeg":
		tp = "JPG"
		rgba := image.NewRGBA(b)
		draw.Draw(rgba, b, img, b.Min, draw.Src)
		err = jpeg.Encode(&buf, rgba, &jpeg.Options{Quality: 92})
	default:
		nrgba := image.NewNRGBA(b)
		draw.Draw(nrgba, b, img, b.Min, draw.Src)
		err = png.Encode(&buf, nrgba)
	}
	if err != nil {
		return image.Point{}, fmt.Errorf("encode: %w", err)
	}
	r.f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: tp}, &buf)
	if err := r.f.Error(); err != nil {
		r.f.ClearError()
		return image.Point{}, err
	}
	size := image.Pt(b.Dx(), b.Dy())
	if r.imgSize == nil {
		r.imgSize = make(map[string]image.Point)
	}
	r.imgSize[name] = size
	return size, nil
}
