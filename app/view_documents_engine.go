package app

import (
	"context"

	"zonewise/model"
	"zonewise/render/document"
	"zonewise/risk"
	"zonewise/templates"
)

// renderDocument renders one kind of the Documents view: a PDF for a
// template kind; for "registers" the XLSX workbook and the three CSV files.
func renderDocument(ctx context.Context, p *model.Project, r *risk.Result, cat *risk.Catalog, kind, projectPath string) ([]docFile, error) {
	opts := document.Options{TemplateDirs: templates.Dirs(projectPath)}
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
	return document.Markdown(p, r, cat, kind, document.Options{TemplateDirs: templates.Dirs(projectPath)})
}
