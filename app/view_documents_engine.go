package app

import (
	"context"
	"log/slog"

	"zonewise/model"
	"zonewise/render/document"
	"zonewise/risk"
	"zonewise/templates"
)

// renderDocument renders one kind of the Documents view: for a template
// kind a PDF, a Word file or both (format); for "registers" the XLSX
// workbook and the three CSV files.
func renderDocument(ctx context.Context, p *model.Project, r *risk.Result, cat *risk.Catalog, kind, projectPath string, format document.Format) ([]docFile, error) {
	type job struct {
		kind string
		f    document.Format
	}
	var jobs []job
	switch {
	case kind == document.KindRegisters:
		for _, k := range append([]string{kind}, document.RegisterNames...) {
			jobs = append(jobs, job{k, document.FormatPDF})
		}
	case format == document.FormatBoth:
		jobs = []job{{kind, document.FormatPDF}, {kind, document.FormatDOCX}}
	default:
		jobs = []job{{kind, format}}
	}
	var out []docFile
	for _, j := range jobs {
		opts := documentOptions(p, projectPath)
		opts.Format = j.f
		b, err := document.Export(ctx, p, r, cat, j.kind, opts)
		if err != nil {
			return out, err
		}
		out = append(out, docFile{name: document.FileNameAs(j.kind, j.f), data: b})
	}
	return out, nil
}

// documentMarkdown is the text of a template kind for the preview.
func documentMarkdown(p *model.Project, r *risk.Result, cat *risk.Catalog, kind, projectPath string) (string, error) {
	return document.Markdown(p, r, cat, kind, documentOptions(p, projectPath))
}

// documentOptions are the export options of the Documents view: the user's
// templates next to the project and in the configuration folder, and the
// project's document language, or the interface language when the project
// sets none. A document without a template in that language is written in
// English; the log says so.
func documentOptions(p *model.Project, projectPath string) document.Options {
	return document.Options{
		TemplateDirs: templates.Dirs(projectPath),
		Lang:         document.ProjectLang(p, "", msgs.Lang()),
		Warn:         func(msg string) { slog.Warn("document language", "warning", msg) },
	}
}
