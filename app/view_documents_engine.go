package app

import (
	"context"
	"log/slog"

	"zonewise/model"
	"zonewise/render/document"
	"zonewise/risk"
	"zonewise/templates"
)

// renderDocument renders one kind of the Documents view: a PDF for a
// template kind; for "registers" the XLSX workbook and the three CSV files.
func renderDocument(ctx context.Context, p *model.Project, r *risk.Result, cat *risk.Catalog, kind, projectPath string) ([]docFile, error) {
	opts := documentOptions(p, projectPath)
	kinds := []string{kind}
	if kind == document.KindRegisters {
		kinds = append(kinds, document.RegisterNames...)
	}
	var out []docFile
	for _, k := range kinds {
		b, err := document.Export(ctx, p, r, cat, k, opts)
		if err != nil {
			return out, err
		}
		out = append(out, docFile{name: document.FileName(k), data: b})
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
