package document

import (
	"bytes"
	"cmp"
	"fmt"
	"image/png"
	"strings"
	"sync"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/render/docx"
	"zonewise/render/pdf"
	"zonewise/templates"
)

// Format is the file format of a template document.
type Format string

// The formats of the template documents; the registers are CSV and XLSX
// whatever the format.
const (
	FormatPDF  Format = "pdf"
	FormatDOCX Format = "docx"
	// FormatBoth writes each template document as PDF and as DOCX (ExportAll).
	FormatBoth Format = "both"
)

// ParseFormat reads a --format value: pdf, docx or both.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case FormatPDF, FormatDOCX, FormatBoth:
		return f, nil
	}
	return "", fmt.Errorf("format %q: want pdf, docx or both", s)
}

// formats lists the single formats f stands for.
func (f Format) formats() []Format {
	switch f {
	case FormatDOCX:
		return []Format{FormatDOCX}
	case FormatBoth:
		return []Format{FormatPDF, FormatDOCX}
	}
	return []Format{FormatPDF}
}

// FileNameAs returns the file an export of kind in format f is written to:
// KIND.docx for a template document as DOCX, else FileName(kind).
func FileNameAs(kind string, f Format) string {
	if f == FormatDOCX && templates.Title(kind) != "" {
		return kind + ".docx"
	}
	return FileName(kind)
}

// pngCache keeps the PNGs of a diagram by size: a full export places the
// same diagram in five documents, and painting it at 300 dpi is the
// slowest step of a Word export.
type pngCache struct {
	mu sync.Mutex
	m  map[[2]int][]byte
}

// PNG draws the diagram for a printed width of widthMM at dpi, for Word.
func (f diagramFigure) PNG(widthMM float64, dpi int) ([]byte, error) {
	if f.pngs == nil {
		return f.paint(widthMM, dpi)
	}
	key := [2]int{int(widthMM * 100), dpi}
	f.pngs.mu.Lock()
	defer f.pngs.mu.Unlock()
	if b, ok := f.pngs.m[key]; ok {
		return b, nil
	}
	b, err := f.paint(widthMM, dpi)
	if err != nil {
		return nil, err
	}
	if f.pngs.m == nil {
		f.pngs.m = map[[2]int][]byte{}
	}
	f.pngs.m[key] = b
	return b, nil
}

func (f diagramFigure) paint(widthMM float64, dpi int) ([]byte, error) {
	if f.d.Width <= 0 || f.d.Height <= 0 {
		return nil, fmt.Errorf("empty drawing")
	}
	img, err := f.d.Image(widthMM / 25.4 * float64(dpi) / f.d.Width)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// figures are the figures of a template document, by name.
func figures(opts Options) map[string]pdf.Figure {
	if opts.Diagram == nil {
		return nil
	}
	m := map[string]pdf.Figure{"diagram": opts.Diagram}
	for k, v := range opts.ZoneFigures {
		m[k] = v
	}
	return m
}

// wordFigures gives each figure its raster form for Word: figures drawn by
// package render know how; any other can only fail, naming itself, when a
// template places it.
func wordFigures(figs map[string]pdf.Figure) map[string]docx.Figure {
	out := make(map[string]docx.Figure, len(figs))
	for name, f := range figs {
		if wf, ok := f.(docx.Figure); ok {
			out[name] = wf
			continue
		}
		out[name] = docx.FigureFunc(func(float64, int) ([]byte, error) {
			return nil, fmt.Errorf("figure %q has no image form for Word", name)
		})
	}
	return out
}

func exportDOCX(p *model.Project, ds *dataSet, kind string, opts Options) ([]byte, error) {
	t, err := templates.LoadLang(kind, cmp.Or(opts.Lang, i18n.EN), opts.TemplateDirs...)
	if err != nil {
		return nil, err
	}
	if t.Warning != "" {
		ds.warn(t.Warning)
	}
	md, err := t.ExecuteBytes(ds.get(t.Lang))
	if err != nil {
		return nil, err
	}
	doc := &docx.Document{Meta: MetaIn(p, kind, t.Lang), Markdown: md, Figures: wordFigures(figures(opts)), Lang: t.Lang}
	out, err := renderDOCX(doc)
	if err != nil {
		where := "embedded template"
		if t.Path != "" {
			where = "template " + t.Path
		}
		return nil, fmt.Errorf("%s (%s): %w", kind, where, err)
	}
	return out, nil
}

// renderDOCX calls the Word renderer and turns a panic inside it (or
// inside a figure) into an error, as renderPDF does.
func renderDOCX(doc *docx.Document) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			out, err = nil, fmt.Errorf("render docx: internal error: %v", v)
		}
	}()
	return docx.Render(doc)
}
