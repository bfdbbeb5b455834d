package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"image/color"
	"strconv"

	"zonewise/model"
	"zonewise/risk"
)

// SVG renders the diagram of p for view v as SVG. r may be nil. Zones and
// conduits carry ids as described at DOT (a zone's card is the group
// "zone-<ID>", a conduit's label "conduit-<ID>" and its lines
// "conduit-<ID>-<n>"), each with its tooltip; the result is checked to hold
// every zone and conduit of the view. It is written from the same Drawing
// as the PNG and PDF, so all three show the same.
func SVG(ctx context.Context, p *model.Project, r *risk.Result, v View) ([]byte, error) {
	d, err := Draw(ctx, p, r, v)
	if err != nil {
		return nil, err
	}
	title := clean(p.Name, 80)
	return d.SVG(title), nil
}

// SVG writes the drawing as an SVG document titled title.
func (d *Drawing) SVG(title string) []byte {
	var b bytes.Buffer
	b.Grow(len(d.shapes) * 120)
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }
	esc := func(s string) string {
		var e bytes.Buffer
		xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%spt\" height=\"%spt\" viewBox=\"0 0 %s %s\">\n",
		num(d.Width), num(d.Height), num(d.Width), num(d.Height))
	fmt.Fprintf(&b, "<title>%s</title>\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n", esc(title))
	open := int32(0)
	for i := range d.shapes {
		s := &d.shapes[i]
		if s.grp != open {
			if open != 0 {
				b.WriteString("</a></g>\n")
			}
			open = s.grp
			if open != 0 {
				g := d.groups[open]
				fmt.Fprintf(&b, "<g id=\"%s\" class=\"%s\"><title>%s</title><a xlink:title=\"%s\">\n", esc(g.id), esc(g.class), esc(g.tip), esc(g.tip))
			}
		}
		svgShape(&b, s, num, esc)
	}
	if open != 0 {
		b.WriteString("</a></g>\n")
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func svgColor(c color.NRGBA) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// svgPaint writes the fill and stroke attributes of s.
func svgPaint(b *bytes.Buffer, s *shape, num func(float64) string) {
	if s.filled && s.fill.A > 0 {
		fmt.Fprintf(b, ` fill="%s"`, svgColor(s.fill))
		if s.fill.A < 255 {
			fmt.Fprintf(b, ` fill-opacity="%s"`, num(float64(s.fill.A)/255))
		}
	} else {
		b.WriteString(` fill="none"`)
	}
	if s.pen.A > 0 && s.width > 0 {
		fmt.Fprintf(b, ` stroke="%s" stroke-width="%s"`, svgColor(s.pen), num(s.width))
		if len(s.dash) > 0 {
			b.WriteString(` stroke-dasharray="`)
			for i, l := range s.dash {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(num(l * max(s.width, 1)))
			}
			b.WriteByte('"')
		}
	}
}

func svgShape(b *bytes.Buffer, s *shape, num func(float64) string, esc func(string) string) {
	points := func() {
		for i, p := range s.pts {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(num(p.X))
			b.WriteByte(',')
			b.WriteString(num(p.Y))
		}
	}
	switch s.kind {
	case shapePolygon:
		b.WriteString(`<polygon points="`)
		points()
		b.WriteByte('"')
		svgPaint(b, s, num)
		b.WriteString("/>\n")
	case shapePolyline:
		b.WriteString(`<polyline points="`)
		points()
		b.WriteByte('"')
		s2 := *s
		s2.filled = false
		svgPaint(b, &s2, num)
		b.WriteString("/>\n")
	case shapeBezier:
		if len(s.pts) == 0 {
			return
		}
		fmt.Fprintf(b, `<path d="M%s,%s`, num(s.pts[0].X), num(s.pts[0].Y))
		for j := 1; j+2 < len(s.pts); j += 3 {
			fmt.Fprintf(b, " C%s,%s %s,%s %s,%s", num(s.pts[j].X), num(s.pts[j].Y), num(s.pts[j+1].X), num(s.pts[j+1].Y), num(s.pts[j+2].X), num(s.pts[j+2].Y))
		}
		if s.filled {
			b.WriteString("Z")
		}
		b.WriteByte('"')
		svgPaint(b, s, num)
		b.WriteString("/>\n")
	case shapeEllipse:
		fmt.Fprintf(b, `<ellipse cx="%s" cy="%s" rx="%s" ry="%s"`, num(s.pts[0].X), num(s.pts[0].Y), num(s.pts[1].X), num(s.pts[1].Y))
		svgPaint(b, s, num)
		b.WriteString("/>\n")
	case shapeText:
		anchor := "start"
		switch s.align {
		case 'c':
			anchor = "middle"
		case 'r':
			anchor = "end"
		}
		fmt.Fprintf(b, `<text x="%s" y="%s" font-family="DejaVu Sans, sans-serif" font-size="%s" text-anchor="%s" fill="%s"`,
			num(s.pts[0].X), num(s.pts[0].Y), num(s.size), anchor, svgColor(s.pen))
		if s.bold {
			b.WriteString(` font-weight="bold"`)
		}
		if s.italic {
			b.WriteString(` font-style="italic"`)
		}
		if s.textWidth > 0 && textWidth(s.text, s.size, s.bold) > s.textWidth*1.02 {
			fmt.Fprintf(b, ` textLength="%s" lengthAdjust="spacingAndGlyphs"`, num(s.textWidth))
		}
		fmt.Fprintf(b, ">%s</text>\n", esc(s.text))
	}
}
