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
const MaxPNGPixels = 60_000_000

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
	if area := d.Width * d.Height * scale * scale; area > MaxPNGPixels {
		scale *= math.Sqrt(MaxPNGPixels / area)
	}
	w, h := int(math.Ceil(d.Width*scale)), int(math.Ceil(d.Height*scale))
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	pa := &painter{img: img, scale: scale, fonts: fs, faces: map[faceKey]font.Face{}}
	scanner := rasterx.NewScannerGV(w, h, img, img.Bounds())
	pa.filler = rasterx.NewFiller(w, h, scanner)
	pa.dasher = rasterx.NewDasher(w, h, scanner)
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
	img    *image.RGBA
	scale  float64
	filler *rasterx.Filler
	dasher *rasterx.Dasher
	fonts  map[string]*opentype.Font
	faces  map[faceKey]font.Face
}

func (pa *painter) fix(p pt) fixed.Point26_6 {
	return fixed.Point26_6{X: fixed.Int26_6(p.X * pa.scale * 64), Y: fixed.Int26_6(p.Y * pa.scale * 64)}
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
		rasterx.AddEllipse(c.X*pa.scale, c.Y*pa.scale, r.X*pa.scale, r.Y*pa.scale, 0, a)
	}
}

func (pa *painter) paint(s *shape) {
	if s.kind == shapeText {
		pa.text(s)
		return
	}
	if s.filled && s.fill.A > 0 {
		pa.filler.Clear()
		pa.filler.SetColor(s.fill)
		pa.path(s, pa.filler)
		pa.filler.Draw()
	}
	if s.pen.A == 0 || s.width <= 0 {
		return
	}
	w := max(s.width*pa.scale, 1)
	var dashes []float64
	for _, l := range s.dash {
		dashes = append(dashes, l*pa.scale*max(s.width, 1))
	}
	pa.dasher.Clear()
	pa.dasher.SetStroke(fixed.Int26_6(w*64), 4*64, rasterx.ButtCap, nil, rasterx.FlatGap, rasterx.MiterClip, dashes, 0)
	pa.dasher.SetColor(s.pen)
	pa.path(s, pa.dasher)
	pa.dasher.Draw()
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
	pa.faces[k] = f
	return f
}
