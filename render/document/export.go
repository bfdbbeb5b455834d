package document

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
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
	// KindSelfAssessmentWorkbook is the fillable self-assessment workbook
	// (XLSX) that goes beside the self-assessment PDF.
	KindSelfAssessmentWorkbook = "self-assessment-workbook"
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
	// Changes is the "changes since" annex of the risk report and the CRS
	// (export --since); nil for none.
	Changes *templates.ChangesData
	// CSVSep separates the fields of the CSV registers; 0 is a comma.
	CSVSep rune
	// ZoneFigures are the detail drawings of the zones, the figures
	// "zone/<zone ID>" (see ZoneFigures); set with the diagram when nil.
	ZoneFigures map[string]pdf.Figure
	// Format of the template documents: FormatPDF (also ""), FormatDOCX,
	// or for ExportAll FormatBoth.
	Format Format
	// Lang is the language of the documents: templates, labels, generated
	// sentences, dates and numbers. Empty is English (see ProjectLang for
	// the project's own choice).
	Lang i18n.Lang
	// Warn, when set, receives a warning for every document that could not
	// be written in Lang (no template in that language), after rendering.
	Warn func(msg string)
}

// ProjectLang is the document language of a project: want when it is set
// (a --lang flag), else the project's own language, else fallback (the
// interface language in the GUI, English on the command line).
func ProjectLang(p *model.Project, want, fallback i18n.Lang) i18n.Lang {
	if want != "" {
		return want
	}
	if l, err := i18n.Parse(p.Language); err == nil {
		return l
	}
	if fallback != "" {
		return fallback
	}
	return i18n.EN
}

// dataSet builds the template data once per language: a document whose
// template falls back to English gets English data, so that it does not
// mix two languages.
type dataSet struct {
	p          *model.Project
	r          *risk.Result
	cat        *risk.Catalog
	hasDiagram bool

	// changes is the "changes since" annex (export --since), or nil.
	changes *templates.ChangesData

	mu       sync.Mutex
	data     map[i18n.Lang]*templates.Data
	warnings []string
}

func newDataSet(p *model.Project, r *risk.Result, cat *risk.Catalog, hasDiagram bool) *dataSet {
	return &dataSet{p: p, r: r, cat: cat, hasDiagram: hasDiagram, data: map[i18n.Lang]*templates.Data{}}
}

func (s *dataSet) get(l i18n.Lang) *templates.Data {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.data[l]; ok {
		return d
	}
	d := templates.NewDataIn(l, s.p, s.r, s.cat, s.p.Date)
	d.HasDiagram = s.hasDiagram
	if s.changes != nil {
		d.SetChanges(s.p, s.changes)
	}
	s.data[l] = d
	return d
}

func (s *dataSet) warn(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.warnings = append(s.warnings, msg)
}

// report hands the warnings to opts.Warn in the order of kinds.
func (s *dataSet) report(opts Options, kinds []string) {
	if opts.Warn == nil {
		return
	}
	for _, k := range kinds {
		for _, w := range s.warnings {
			if strings.HasPrefix(w, k+":") {
				opts.Warn(w)
			}
		}
	}
}

// diagram returns the figure to use, laying it out when needed.
func (o *Options) diagram(ctx context.Context, p *model.Project, r *risk.Result) (pdf.Figure, error) {
	if o.Diagram != nil || o.NoDiagram {
		return o.Diagram, nil
	}
	return DiagramIn(ctx, p, r, cmp.Or(o.Lang, i18n.EN))
}

// zoneFigures sets ZoneFigures when there is a diagram and none are given.
func (o *Options) zoneFigures(p *model.Project, r *risk.Result) {
	if o.Diagram != nil && o.ZoneFigures == nil {
		o.ZoneFigures = ZoneFiguresIn(p, r, cmp.Or(o.Lang, i18n.EN))
	}
}

// Kinds lists every kind Export accepts: the PDF documents, "registers"
// (XLSX) and the three registers one by one as CSV.
func Kinds() []string {
	return append(append(templates.Kinds(), KindRegisters, KindSelfAssessmentWorkbook), RegisterNames...)
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
		opts.zoneFigures(p, r)
	}
	ds := newDataSet(p, r, cat, opts.Diagram != nil)
	ds.changes = opts.Changes
	out, err := export(p, ds, kind, opts)
	ds.report(opts, []string{kind})
	return out, err
}

func export(p *model.Project, ds *dataSet, kind string, opts Options) ([]byte, error) {
	d := ds.get(cmp.Or(opts.Lang, i18n.EN))
	switch {
	case kind == KindRegisters:
		return WriteXLSX(Registers(d), workbookInfo(p, d.Lang))
	case kind == KindSelfAssessmentWorkbook:
		return WriteSelfAssessmentXLSX(p, d, WorkbookInfo{Title: "Self-assessment: " + p.Name,
			Subject: "IEC 62443-3-3 self-assessment questionnaire", Creator: p.Author, Company: p.Client, Date: p.Date})
	case slices.Contains(RegisterNames, kind):
		reg, _ := RegisterByName(d, kind)
		var buf bytes.Buffer
		if err := WriteCSVSep(&buf, reg, opts.CSVSep); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	case templates.Title(kind) != "" && opts.Format == FormatDOCX:
		return exportDOCX(p, ds, kind, opts)
	case templates.Title(kind) != "" && opts.Format == FormatBoth:
		return nil, fmt.Errorf("%s: one export is one format; format both is for a full export", kind)
	case templates.Title(kind) != "":
		return exportPDF(p, ds, kind, opts)
	}
	return nil, fmt.Errorf("unknown document kind %q (want one of %v)", kind, Kinds())
}

// Markdown returns the Markdown of a PDF document kind before layout, for a
// preview or for users writing their own templates.
func Markdown(p *model.Project, r *risk.Result, cat *risk.Catalog, kind string, opts Options) (string, error) {
	if templates.Title(kind) == "" {
		return "", fmt.Errorf("unknown document kind %q (want one of %v)", kind, templates.Kinds())
	}
	t, err := templates.LoadLang(kind, cmp.Or(opts.Lang, i18n.EN), opts.TemplateDirs...)
	if err != nil {
		return "", err
	}
	if t.Warning != "" && opts.Warn != nil {
		opts.Warn(t.Warning)
	}
	d := templates.NewDataIn(t.Lang, p, r, cat, p.Date)
	if opts.Changes != nil {
		d.SetChanges(p, opts.Changes)
	}
	d.HasDiagram = opts.Diagram != nil
	return t.Execute(d)
}

func workbookInfo(p *model.Project, l i18n.Lang) WorkbookInfo {
	c := i18n.For(l)
	return WorkbookInfo{Title: c.T("register.workbook.title", map[string]string{"Project": p.Name}), Subject: c.T("register.workbook.subject"),
		Creator: p.Author, Company: p.Client, Date: p.Date, Lang: l}
}

// Meta returns the English PDF metadata of a document kind from the project.
func Meta(p *model.Project, kind string) pdf.Meta { return MetaIn(p, kind, i18n.EN) }

// MetaIn returns the PDF metadata of a document kind in language l.
func MetaIn(p *model.Project, kind string, l i18n.Lang) pdf.Meta {
	m := pdf.Meta{
		Title: templates.TitleIn(kind, l), Subtitle: templates.SubtitleIn(kind, l), Lang: l,
		Client: p.Client, Project: p.Name, Site: p.Site, Author: p.Author, Revision: p.Revision,
		Date: p.Date, Classification: p.Classification, Logo: p.ClientLogo,
	}
	if kind == "self-assessment" {
		// The people who answer sign, not the authors of the other
		// documents: the sign-off stays blank until they do.
		for _, role := range []string{"Answered by (zone owner)", "Reviewed by (OT security officer)", "Accepted by (asset owner)"} {
			m.Approvals = append(m.Approvals, pdf.Approval{Role: role})
		}
		return m
	}
	for _, a := range p.Approvals {
		m.Approvals = append(m.Approvals, pdf.Approval{Role: a.Role, Name: a.Name, Title: a.Title, Date: a.Date})
	}
	return m
}

func exportPDF(p *model.Project, ds *dataSet, kind string, opts Options) ([]byte, error) {
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
	doc := &pdf.Document{Meta: MetaIn(p, kind, t.Lang), Markdown: md}
	doc.Figures = figures(opts)
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
	case kind == KindSelfAssessmentWorkbook:
		return "self-assessment.xlsx"
	case slices.Contains(RegisterNames, kind):
		return kind + ".csv"
	}
	return kind + ".pdf"
}

// ExportAll writes every deliverable into dir (created if missing):
// risk-report, crs, policies, procedures and self-assessment as PDF (and,
// with opts.Format docx or both, as DOCX), risk-register.csv,
// asset-inventory.csv, action-plan.csv and registers.xlsx, and the fillable
// self-assessment.xlsx. It returns the paths written. Every document is
// rendered before any file is written, so a broken template leaves dir
// untouched.
func ExportAll(ctx context.Context, p *model.Project, r *risk.Result, cat *risk.Catalog, dir string, opts Options) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The diagram is laid out beside the registers (renderAll), which do
	// not show it; the documents wait for it.
	drawn := opts.Diagram != nil || !opts.NoDiagram
	if drawn && opts.ZoneFigures == nil {
		opts.ZoneFigures = ZoneFiguresIn(p, r, cmp.Or(opts.Lang, i18n.EN))
	}
	ds := newDataSet(p, r, cat, drawn)
	ds.changes = opts.Changes
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
		if dl.Kind == "self-assessment" {
			jobs = append(jobs, job{KindSelfAssessmentWorkbook, FormatPDF})
		}
	}
	outs, err := renderAll(ctx, p, ds, jobs, opts)
	if err != nil {
		return nil, err
	}
	kinds := make([]string, len(jobs))
	for i, j := range jobs {
		kinds[i] = j.kind
	}
	ds.report(opts, kinds)
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
func ExportRegisters(p *model.Project, r *risk.Result, cat *risk.Catalog, dir string, opts Options) ([]string, error) {
	ds := newDataSet(p, r, cat, false)
	var jobs []job
	for _, kind := range append(slices.Clone(RegisterNames), KindRegisters) {
		jobs = append(jobs, job{kind, FormatPDF})
	}
	outs := make([][]byte, len(jobs))
	for i, j := range jobs {
		out, err := export(p, ds, j.kind, opts)
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

// bigPlant is the number of assets from which ExportAll holds the number
// of documents (PDF or DOCX) laid out at the same time to docsAtOnce: each
// holds its Markdown, syntax tree and pages until written, some 100 MB for
// the CRS of 10,000 assets, while the registers, which need little memory,
// go on beside them.
const bigPlant = 2000

// hugePlant is the number of assets from which ExportAll lays out one
// document at a time: two documents of 30,000 assets would need more
// memory than the plant's data itself.
const hugePlant = 20000

// docsAtOnce is the number of documents laid out at the same time for a
// plant of the given assets on procs goroutines.
func docsAtOnce(assets, procs int) int {
	switch {
	case assets >= hugePlant:
		return 1
	case assets >= bigPlant:
		return min(2, procs)
	}
	return procs
}

// jobRank orders the work of renderAll: the largest documents first (the
// CRS and the risk report name every zone and asset), then the workbooks,
// then the rest in the order of the deliverables. Together with the
// diagram, laid out first, the two goroutines of a 2-core laptop stay busy
// to the end instead of one finishing the CRS alone.
func jobRank(kind string) int {
	switch kind {
	case "crs":
		return 0
	case "risk-report":
		return 1
	case KindRegisters:
		return 2
	case KindSelfAssessmentWorkbook:
		return 3
	}
	return 4
}

// renderAll lays out the diagram (when opts has none and wants one) and
// renders the jobs on up to GOMAXPROCS goroutines, the largest first; a
// document waits for the diagram, the registers do not. It returns the
// outputs in the order of jobs, or the first error: the diagram's, else
// the first in the order of jobs.
func renderAll(ctx context.Context, p *model.Project, ds *dataSet, jobs []job, opts Options) ([][]byte, error) {
	outs := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	procs := max(runtime.GOMAXPROCS(0), 1)

	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(jobRank(jobs[a].kind), jobRank(jobs[b].kind)) })
	needDiagram := opts.Diagram == nil && !opts.NoDiagram
	if needDiagram {
		order = append([]int{diagramJob}, order...)
	}
	q := newJobQueue(order, func(i int) bool { return i >= 0 && templates.Title(jobs[i].kind) != "" },
		docsAtOnce(len(p.Assets), procs), !needDiagram)
	var diagramErr error
	run := func(i int) {
		if i == diagramJob {
			fig, err := opts.diagram(ctx, p, ds.r)
			q.mu.Lock()
			opts.Diagram, diagramErr = fig, err
			q.diagramDone = true
			q.mu.Unlock()
			return
		}
		j := jobs[i]
		if errs[i] = ctx.Err(); errs[i] != nil {
			return
		}
		q.mu.Lock()
		o, derr := opts, diagramErr
		q.mu.Unlock()
		if q.isDoc(i) && derr != nil {
			errs[i] = derr
			return
		}
		o.Format = j.format
		outs[i], errs[i] = export(p, ds, j.kind, o)
	}
	var wg sync.WaitGroup
	for range min(procs, len(order)) {
		wg.Go(func() {
			for {
				i, ok := q.next()
				if !ok {
					return
				}
				run(i)
				q.done(i)
			}
		})
	}
	wg.Wait()
	if diagramErr != nil {
		return nil, diagramErr
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return outs, nil
}

// diagramJob stands for the diagram's layout in a jobQueue.
const diagramJob = -1

// jobQueue hands out the jobs of renderAll in their order, each to the
// first goroutine free, holding back a document until the diagram is laid
// out and while docCap documents are being laid out.
type jobQueue struct {
	mu          sync.Mutex
	changed     *sync.Cond
	order       []int // jobs not yet started
	isDoc       func(i int) bool
	docCap      int
	docs        int // documents being laid out
	diagramDone bool
}

func newJobQueue(order []int, isDoc func(int) bool, docCap int, diagramDone bool) *jobQueue {
	q := &jobQueue{order: order, isDoc: isDoc, docCap: max(docCap, 1), diagramDone: diagramDone}
	q.changed = sync.NewCond(&q.mu)
	return q
}

// take removes and returns the first job that may start now; wait is true
// when jobs are left but none may start yet. The caller holds q.mu.
func (q *jobQueue) take() (i int, ok, wait bool) {
	for k, i := range q.order {
		if q.isDoc(i) && (!q.diagramDone || q.docs >= q.docCap) {
			continue
		}
		q.order = slices.Delete(q.order, k, k+1)
		if q.isDoc(i) {
			q.docs++
		}
		return i, true, false
	}
	return 0, false, len(q.order) > 0
}

// next waits for a job that may start and returns it; ok is false when
// none is left.
func (q *jobQueue) next() (i int, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		i, ok, wait := q.take()
		if !wait {
			return i, ok
		}
		q.changed.Wait()
	}
}

// done ends job i (the diagram's run sets diagramDone itself, under mu).
func (q *jobQueue) done(i int) {
	q.mu.Lock()
	if q.isDoc(i) {
		q.docs--
	}
	q.changed.Broadcast()
	q.mu.Unlock()
}
