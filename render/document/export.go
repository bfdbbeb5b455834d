package document

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/render/pdf"
	"zonewise/risk"
	"zonewise/templates"
)

// Kinds of Export besides the PDF documents of templates.Kinds.
const (
	// KindRegisters is the XLSX workbook with the three registers.
	KindRegisters = templates.KindRegisters
	// KindAll is every document, for ExportAll.
	KindAll = "all"
)

// Options adjust an export.
type Options struct {
	// TemplateDirs are searched, in order, for user templates <kind>.md
	// (see templates.Dirs); nil uses the embedded templates only.
	TemplateDirs []string
	// Diagram draws the zone/conduit diagram as the figure "diagram". When
	// nil, the PDF exports lay it out with package render (Diagram), unless
	// NoDiagram is set.
	Diagram   pdf.Figure
	NoDiagram bool
	// Format of the template documents: FormatPDF (also ""), FormatDOCX,
	// or for ExportAll FormatBoth.
	Format Format
	// Lang is the language of the fixed words of a DOCX ("" is English).
	Lang i18n.Lang
}

// diagram returns the figure to use, laying it out when needed.
func (o *Options) diagram(ctx context.Context, p *model.Project, r *risk.Result) (pdf.Figure, error) {
	if o.Diagram != nil || o.NoDiagram {
		return o.Diagram, nil
	}
	return Diagram(ctx, p, r)
}

// Kinds lists every kind Export accepts: the PDF documents, "registers"
// (XLSX) and the three registers one by one as CSV.
func Kinds() []string {
	return append(append(templates.Kinds(), KindRegisters), RegisterNames...)
}

// Export renders one deliverable of the project: a PDF for the template
// kinds (risk-report, crs, policies, procedures, self-assessment), the XLSX
// workbook for "registers", or CSV for "risk-register", "asset-inventory"
// and "action-plan". r is the assessment of p with catalogue cat. The same
// project, assessment and date give the same bytes.
func Export(ctx context.Context, p *model.Project, r *risk.Result, cat *risk.Catalog, kind string, opts Options) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if templates.Title(kind) != "" {
		fig, err := opts.diagram(ctx, p, r)
		if err != nil {
			return nil, err
		}
		opts.Diagram = fig
	}
	d := templates.NewData(p, r, cat, p.Date)
	d.HasDiagram = opts.Diagram != nil
	return export(p, d, kind, opts)
}

func export(p *model.Project, d *templates.Data, kind string, opts Options) ([]byte, error) {
	switch {
	case kind == KindRegisters:
		return WriteXLSX(Registers(d), workbookInfo(p))
	case slices.Contains(RegisterNames, kind):
		reg, _ := RegisterByName(d, kind)
		var buf bytes.Buffer
		if err := WriteCSV(&buf, reg); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	case templates.Title(kind) != "" && opts.Format == FormatDOCX:
		return exportDOCX(p, d, kind, opts)
	case templates.Title(kind) != "" && opts.Format == FormatBoth:
		return nil, fmt.Errorf("%s: one export is one format; format both is for a full export", kind)
	case templates.Title(kind) != "":
		return exportPDF(p, d, kind, opts)
	}
	return nil, fmt.Errorf("unknown document kind %q (want one of %v)", kind, Kinds())
}

// Markdown returns the Markdown of a PDF document kind before layout, for a
// preview or for users writing their own templates.
func Markdown(p *model.Project, r *risk.Result, cat *risk.Catalog, kind string, opts Options) (string, error) {
	if templates.Title(kind) == "" {
		return "", fmt.Errorf("unknown document kind %q (want one of %v)", kind, templates.Kinds())
	}
	t, err := templates.Load(kind, opts.TemplateDirs...)
	if err != nil {
		return "", err
	}
	d := templates.NewData(p, r, cat, p.Date)
	d.HasDiagram = opts.Diagram != nil
	return t.Execute(d)
}

func workbookInfo(p *model.Project) WorkbookInfo {
	return WorkbookInfo{Title: "Registers: " + p.Name, Subject: "Risk register, asset inventory and action plan", Creator: p.Author, Company: p.Client, Date: p.Date}
}

// Meta returns the PDF metadata of a document kind from the project.
func Meta(p *model.Project, kind string) pdf.Meta {
	m := pdf.Meta{
		Title: templates.Title(kind), Subtitle: templates.Subtitle(kind),
		Client: p.Client, Project: p.Name, Site: p.Site, Author: p.Author, Revision: p.Revision,
		Date: p.Date, Classification: p.Classification, Logo: p.ClientLogo,
	}
	for _, a := range p.Approvals {
		m.Approvals = append(m.Approvals, pdf.Approval{Role: a.Role, Name: a.Name, Title: a.Title, Date: a.Date})
	}
	return m
}

func exportPDF(p *model.Project, d *templates.Data, kind string, opts Options) ([]byte, error) {
	t, err := templates.Load(kind, opts.TemplateDirs...)
	if err != nil {
		return nil, err
	}
	md, err := t.Execute(d)
	if err != nil {
		return nil, err
	}
	doc := &pdf.Document{Meta: Meta(p, kind), Markdown: []byte(md), Figures: figures(opts)}
	out, err := renderPDF(doc)
	if err != nil {
		where := "embedded template"
		if t.Path != "" {
			where = "template " + t.Path
		}
		return nil, fmt.Errorf("%s (%s): %w", kind, where, err)
	}
	return out, nil
}

// renderPDF calls the PDF engine and turns a panic inside it (or inside a
// figure) into an error, so that one bad document cannot take the GUI down.
func renderPDF(doc *pdf.Document) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			out, err = nil, fmt.Errorf("render pdf: internal error: %v", v)
		}
	}()
	return pdf.Render(doc)
}

// FileName returns the file an export of kind is written to by ExportAll.
func FileName(kind string) string {
	switch {
	case kind == KindRegisters:
		return "registers.xlsx"
	case slices.Contains(RegisterNames, kind):
		return kind + ".csv"
	}
	return kind + ".pdf"
}

// ExportAll writes every deliverable into dir (created if missing):
// risk-report, crs, policies, procedures and self-assessment as PDF (and,
// with opts.Format docx or both, as DOCX), risk-register.csv,
// asset-inventory.csv, action-plan.csv and registers.xlsx. It returns the
// paths written. Every document is rendered before any file is written, so
// a broken template leaves dir untouched.
func ExportAll(ctx context.Context, p *model.Project, r *risk.Result, cat *risk.Catalog, dir string, opts Options) ([]string, error) {
	fig, err := opts.diagram(ctx, p, r)
	if err != nil {
		return nil, err
	}
	opts.Diagram = fig
	d := templates.NewData(p, r, cat, p.Date)
	d.HasDiagram = opts.Diagram != nil
	var jobs []job // templates.Deliverables, the registers also as CSV
	for _, dl := range templates.Deliverables() {
		if dl.Kind == KindRegisters {
			for _, name := range RegisterNames {
				jobs = append(jobs, job{name, FormatPDF})
			}
			jobs = append(jobs, job{dl.Kind, FormatPDF})
			continue
		}
		for _, f := range opts.Format.formats() {
			jobs = append(jobs, job{dl.Kind, f})
		}
	}
	outs, err := renderAll(ctx, p, d, jobs, opts)
	if err != nil {
		return nil, err
	}
	return writeAll(dir, jobs, outs)
}

// job is one file of a full export.
type job struct {
	kind   string
	format Format
}

// ExportRegisters writes the three registers as CSV and the workbook into
// dir: risk-register.csv, asset-inventory.csv, action-plan.csv and
// registers.xlsx.
func ExportRegisters(p *model.Project, r *risk.Result, cat *risk.Catalog, dir string) ([]string, error) {
	d := templates.NewData(p, r, cat, p.Date)
	var jobs []job
	for _, kind := range append(slices.Clone(RegisterNames), KindRegisters) {
		jobs = append(jobs, job{kind, FormatPDF})
	}
	outs := make([][]byte, len(jobs))
	for i, j := range jobs {
		out, err := export(p, d, j.kind, Options{})
		if err != nil {
			return nil, err
		}
		outs[i] = out
	}
	return writeAll(dir, jobs, outs)
}

func writeAll(dir string, jobs []job, outs [][]byte) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export folder %s: %w", dir, err)
	}
	var paths []string
	for i, j := range jobs {
		path := filepath.Join(dir, FileNameAs(j.kind, j.format))
		if err := model.WriteFileAtomic(path, outs[i], false); err != nil {
			return paths, fmt.Errorf("write %s: %w", path, err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// renderAll renders the jobs on up to GOMAXPROCS goroutines and returns
// the outputs in the order of jobs, or the first error in that order.
func renderAll(ctx context.Context, p *model.Project, d *templates.Data, jobs []job, opts Options) ([][]byte, error) {
	outs := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	sem := make(chan struct{}, max(runtime.GOMAXPROCS(0), 1))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if errs[i] = ctx.Err(); errs[i] == nil {
				o := opts
				o.Format = j.format
				outs[i], errs[i] = export(p, d, j.kind, o)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return outs, nil
}
