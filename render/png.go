package render

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	"github.com/srwiley/rasterx"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"zonewise/model"
	"zonewise/risk"
)

// MaxPNGPixels bounds the size of a PNG (width × height): a very large plant
// at a high dpi is drawn at a lower resolution rather than exhausting memory.
const MaxPNGPixels = 40_000_000

// pixelBudget is MaxPNGPixels, lowered by tests.
var pixelBudget float64 = MaxPNGPixels

// PNG renders the diagram of p for view v as a PNG at dpi dots per inch (200
// suits print and slides). r may be nil. It paints the Graphviz layout itself
// with the embedded DejaVu fonts, since go-graphviz's own PNG output is wrong.
// The resolution is lowered when the image would exceed MaxPNGPixels.
func PNG(ctx context.Context, p *model.Project, r *risk.Result, v View, dpi int) ([]byte, error) {
	if dpi < 10 || dpi > 1200 {
		return nil, fmt.Errorf("render PNG: dpi %d, want 10..1200", dpi)
	}
	d, err := Draw(ctx, p, r, v)
	if err != nil {
		return nil, err
	}
	img, err := d.Image(float64(dpi) / 72)
	if err != nil {
		return nil, fmt.Errorf("render PNG of %q: %w", p.Name, err)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("render PNG of %q: %w", p.Name, err)
	}
	return buf.Bytes(), nil
}

// Image paints the drawing on a white background at scale pixels per point
// (dpi/72), lowered if needed to stay within MaxPNGPixels.
func (d *Drawing) Image(scale float64) (*image.RGBA, error) {
	if area := d.Width * d.Height * scale * scale; area > pixelBudget {
		scale *= math.Sqrt(pixelBudget / area)
	}
	w, h := int(math.Ceil(d.Width*scale)), int(math.Ceil(d.Height*scale))
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	pa := &painter{img: img, scale: scale, fonts: fs, faces: map[faceKey]font.Face{}}
	for i := range d.shapes {
		pa.paint(&d.shapes[i])
	}
	for _, f := range pa.faces {
		f.Close()
	}
	return img, nil
}

type faceKey struct {
	file string
	size float64
}

type painter struct {
	img   *image.RGBA
	scale float64
	fonts map[string]*opentype.Font
	faces map[faceKey]font.Face
	// origin is the pixel offset of the current shape's own small raster:
	// rasterx's scanner always covers its whole target, so each shape gets
	// a target just its size (drawing on the full image per shape is slow).
	origin image.Point
}

func (pa *painter) fix(p pt) fixed.Point26_6 {
	return fixed.Point26_6{
		X: fixed.Int26_6((p.X*pa.scale - float64(pa.origin.X)) * 64),
		Y: fixed.Int26_6((p.Y*pa.scale - float64(pa.origin.Y)) * 64),
	}
}

// target returns the sub-image covering shape s with room for its line.
func (pa *painter) target(s *shape) (*image.RGBA, bool) {
	if len(s.pts) == 0 {
		return nil, false
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	grow := func(x, y float64) {
		x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
	}
	if s.kind == shapeEllipse {
		c, r := s.pts[0], s.pts[1]
		grow(c.X-r.X, c.Y-r.Y)
		grow(c.X+r.X, c.Y+r.Y)
	} else {
		for _, p := range s.pts {
			grow(p.X, p.Y)
		}
	}
	pad := s.width*pa.scale + 2
	rect := image.Rect(int(math.Floor(x0*pa.scale-pad)), int(math.Floor(y0*pa.scale-pad)),
		int(math.Ceil(x1*pa.scale+pad)), int(math.Ceil(y1*pa.scale+pad))).Intersect(pa.img.Bounds())
	if rect.Empty() {
		return nil, false
	}
	pa.origin = rect.Min
	return pa.img.SubImage(rect).(*image.RGBA), true
}

// path sends the outline of s to a rasterx adder.
func (pa *painter) path(s *shape, a rasterx.Adder) {
	switch s.kind {
	case shapePolygon, shapePolyline:
		if len(s.pts) == 0 {
			return
		}
		a.Start(pa.fix(s.pts[0]))
		for _, p := range s.pts[1:] {
			a.Line(pa.fix(p))
		}
		a.Stop(s.kind == shapePolygon)
	case shapeBezier:
		if len(s.pts) == 0 {
			return
		}
		a.Start(pa.fix(s.pts[0]))
		for i := 1; i+2 < len(s.pts); i += 3 {
			a.CubeBezier(pa.fix(s.pts[i]), pa.fix(s.pts[i+1]), pa.fix(s.pts[i+2]))
		}
		a.Stop(s.filled)
	case shapeEllipse:
		c, r := s.pts[0], s.pts[1]
		rasterx.AddEllipse(c.X*pa.scale-float64(pa.origin.X), c.Y*pa.scale-float64(pa.origin.Y), r.X*pa.scale, r.Y*pa.scale, 0, a)
	}
}

func (pa *painter) paint(s *shape) {
	if s.kind == shapeText {
		pa.text(s)
		return
	}
	fill := s.filled && s.fill.A > 0
	stroke := s.pen.A > 0 && s.width > 0
	if !fill && !stroke {
		return
	}
	sub, ok := pa.target(s)
	if !ok {
		return
	}
	w, h := sub.Bounds().Dx(), sub.Bounds().Dy()
	scanner := rasterx.NewScannerGV(w, h, sub, sub.Bounds())
	if fill {
		filler := rasterx.NewFiller(w, h, scanner)
		filler.SetColor(s.fill)
		pa.path(s, filler)
		filler.Draw()
	}
	if !stroke {
		return
	}
	lw := max(s.width*pa.scale, 1)
	var dashes []float64
	for _, l := range s.dash {
		dashes = append(dashes, l*pa.scale*max(s.width, 1))
	}
	dasher := rasterx.NewDasher(w, h, scanner)
	dasher.SetStroke(fixed.Int26_6(lw*64), 4*64, rasterx.ButtCap, nil, rasterx.FlatGap, rasterx.MiterClip, dashes, 0)
	dasher.SetColor(s.pen)
	pa.path(s, dasher)
	dasher.Draw()
}

// text draws s at its baseline point, shrinking the size when DejaVu would be
// wider than the space Graphviz reserved, so labels never overflow.
func (pa *painter) text(s *shape) {
	file := fontRegular
	switch {
	case s.bold:
		file = fontBold
	case s.italic:
		file = fontOblique
	}
	size := s.size
	face := pa.face(file, size)
	adv := font.MeasureString(face, s.text)
	width := float64(adv) / 64 / pa.scale
	if s.textWidth > 0 && width > s.textWidth*1.02 {
		size *= s.textWidth / width
		face = pa.face(file, size)
		adv = font.MeasureString(face, s.text)
		width = float64(adv) / 64 / pa.scale
	}
	x := s.pts[0].X
	switch s.align {
	case 'c':
		x -= width / 2
	case 'r':
		x -= width
	}
	pa.origin = image.Point{}
	dr := font.Drawer{
		Dst:  pa.img,
		Src:  image.NewUniform(color.NRGBA(s.pen)),
		Face: face,
		Dot:  pa.fix(pt{x, s.pts[0].Y}),
	}
	dr.DrawString(s.text)
}

func (pa *painter) face(file string, size float64) font.Face {
	k := faceKey{file, math.Round(size*pa.scale*16) / 16}
	if f, ok := pa.faces[k]; ok {
		return f
	}
	f, err := opentype.NewFace(pa.fonts[file], &opentype.FaceOptions{Size: k.size, DPI: 72, Hinting: font.HintingNone})
	if err != nil { // only for a size of 0 or less: fall back to a tiny face
		f, _ = opentype.NewFace(pa.fonts[file], &opentype.FaceOptions{Size: 1, DPI: 72})
	}
	f = unkerned{f}
	pa.faces[k] = f
	return f
}

// unkerned drops the font's kerning. x/image/font/opentype applies DejaVu's
// kerning pairs with a wrong sign or scale for pairs such as "T-" and "L-",
// which drew "OT-DMZ" with the hyphen inside the T; Graphviz, fpdf and the
// SVG viewers do not kern either, so widths stay consistent with the layout.
type unkerned struct{ font.Face }

// Kern implements font.Face.
func (unkerned) Kern(r0, r1 rune) fixed.Int26_6 { return 0 }
