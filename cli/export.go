package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"zonewise/changes"
	"zonewise/i18n"
	"zonewise/model"
	"zonewise/render/document"
	"zonewise/risk"
	"zonewise/templates"
)

// runExport writes one deliverable, or all of them into a folder:
//
//	export FILE --doc KIND -o OUT
//
// KIND is a PDF document (risk-report, crs, policies, procedures,
// self-assessment; OUT is the PDF, or a folder to write KIND.pdf into),
// "registers" (OUT ending in .xlsx is the workbook; any other OUT is a
// folder that receives the three CSV files and registers.xlsx), one register
// as CSV (risk-register, asset-inventory, action-plan), or "all" (OUT is a
// folder). A template document is a PDF, or a Word file when OUT ends in
// .docx or --format docx is given; --format both (with --doc all) writes
// each as PDF and DOCX. User templates are looked up in --templates DIR, then in a
// "templates" folder next to FILE, then in the user's configuration folder.
func runExport(e *env, args []string) int {
	fs := e.newFlags()
	kind := fs.String("doc", "", "document `KIND`: "+strings.Join(append(document.Kinds(), document.KindAll), ", "))
	out := fs.String("o", "", "output file, or folder for --doc all and registers")
	tdir := fs.String("templates", "", "search `DIR` first for user templates (KIND.md, and LANG/KIND.md for other languages)")
	langFlag := fs.String("lang", "", "document language `en|de` (default: the project's language, else en)")
	since := fs.String("since", "", "add a \"changes since\" chapter to the risk report and the CRS: the earlier revision's `FILE`, or git:REV for FILE at a git revision")
	asJSON := fs.Bool("json", false, "print the files written and the document check as JSON")
	csvSep := fs.String("csv-sep", ",", "field `SEP`arator of the CSV registers: \",\", \";\" (German Excel) or \"tab\"")
	formatFlag := fs.String("format", "", "`FORMAT` of the documents: pdf (default), docx, or both with --doc all; a single document also takes it from the extension of OUT")
	pos, code, ok := e.parse(fs, args)
	if !ok {
		return code
	}
	format, msg := exportFormat(*formatFlag, *kind, *out)
	if msg != "" {
		return e.usagef("%s", msg)
	}
	switch {
	case len(pos) != 1:
		return e.usagef("want exactly one FILE, got %d arguments", len(pos))
	case *kind == "":
		return e.usagef("missing --doc KIND")
	case *out == "":
		return e.usagef("missing -o OUT")
	case *kind != document.KindAll && !slices.Contains(document.Kinds(), *kind):
		return e.usagef("unknown document kind %q (want %s)", *kind, strings.Join(append(document.Kinds(), document.KindAll), ", "))
	}
	sep, ok := parseSep(*csvSep)
	if !ok {
		return e.usagef("--csv-sep %q: want \",\", \";\" or \"tab\"", *csvSep)
	}
	want, err := langOption(*langFlag)
	if err != nil {
		return e.usagef("%v", err)
	}
	path := pos[0]
	p, err := loadProject(path)
	if err != nil {
		return e.errorf("%s", loadError(err, want))
	}
	if problems := model.Validate(p); model.HasErrors(problems) {
		for _, pr := range problems {
			if pr.Severity == model.SeverityError {
				fmt.Fprintf(e.stderr, "%s: %s\n", path, pr)
			}
		}
		return e.errorf("%s: the project has errors; run zonewise validate and fix them before exporting", path)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(exportMemoryLimit(len(p.Assets)))
	}
	cat, err := risk.Builtin()
	if err != nil {
		return e.errorf("%v", err)
	}
	r := risk.Assess(p, cat)
	checks := documentCheck(e, path, p, r, *kind)
	dirs := templates.Dirs(path)
	if *tdir != "" {
		dirs = append([]string{*tdir}, dirs...)
	}
	opts := document.Options{TemplateDirs: dirs, Lang: document.ProjectLang(p, want, i18n.EN),
		Warn: func(msg string) { fmt.Fprintf(e.stderr, "zonewise export: warning: %s\n", msg) }, CSVSep: sep, Format: format}
	if *since != "" {
		old, err := loadRevision(*since, path)
		if err != nil {
			return e.errorf("--since: %v", err)
		}
		rep, err := changes.Diff(old, p)
		if err != nil {
			return e.errorf("--since: %v", err)
		}
		changes.DiffAssessment(rep, old, p, cat)
		opts.Changes = templates.NewChanges(old, *since, rep)
	}
	ctx := context.Background()

	if *kind == document.KindAll || (*kind == document.KindRegisters && !strings.EqualFold(filepath.Ext(*out), ".xlsx")) {
		var paths []string
		if *kind == document.KindAll {
			paths, err = document.ExportAll(ctx, p, r, cat, *out, opts)
		} else {
			paths, err = document.ExportRegisters(p, r, cat, *out, opts)
		}
		if err != nil {
			return e.errorf("%v", err)
		}
		return e.exported(paths, checks, *asJSON)
	}
	target := *out
	if isDir(target) {
		target = filepath.Join(target, document.FileNameAs(*kind, format))
	}
	data, err := document.Export(ctx, p, r, cat, *kind, opts)
	if err != nil {
		return e.errorf("%v", err)
	}
	if err := model.WriteFileAtomic(target, data, false); err != nil {
		return e.errorf("%v", err)
	}
	paths := []string{target}
	if *kind == "self-assessment" {
		// The fillable workbook goes beside the PDF, under the same name.
		book, err := document.Export(ctx, p, r, cat, document.KindSelfAssessmentWorkbook, opts)
		if err != nil {
			return e.errorf("%v", err)
		}
		bookPath := strings.TrimSuffix(target, filepath.Ext(target)) + ".xlsx"
		if err := model.WriteFileAtomic(bookPath, book, false); err != nil {
			return e.errorf("%v", err)
		}
		paths = append(paths, bookPath)
	}
	return e.exported(paths, checks, *asJSON)
}

// exportFormat decides the format of the template documents from --format
// and the extension of OUT, or returns why the two disagree.
func exportFormat(flag, kind, out string) (document.Format, string) {
	ext := strings.ToLower(filepath.Ext(out))
	var format document.Format
	if flag != "" {
		f, err := document.ParseFormat(flag)
		if err != nil {
			return "", "--format: " + err.Error()
		}
		format = f
	}
	if kind == document.KindAll {
		if format == "" {
			format = document.FormatPDF
		}
		return format, ""
	}
	if templates.Title(kind) == "" {
		if format == document.FormatDOCX || format == document.FormatBoth {
			return "", fmt.Sprintf("--format %s: %s is a register (CSV or XLSX), not a Word document", format, kind)
		}
		return document.FormatPDF, ""
	}
	switch {
	case format == document.FormatBoth:
		return "", "--format both writes two files: use it with --doc all"
	case format == "" && ext == ".docx":
		return document.FormatDOCX, ""
	case format == "":
		return document.FormatPDF, ""
	case format == document.FormatDOCX && ext == ".pdf", format == document.FormatPDF && ext == ".docx":
		return "", fmt.Sprintf("--format %s does not match the output file %s", format, out)
	}
	return format, ""
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false
	}
	return err == nil && fi.IsDir()
}

// langOption reads a --lang value: "" (not given) or a supported language.
func langOption(s string) (i18n.Lang, error) {
	if s == "" {
		return "", nil
	}
	l, err := i18n.Parse(s)
	if err != nil {
		return "", fmt.Errorf("--lang: %w", err)
	}
	return l, nil
}

// exportMemoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit)
// of an export of a plant of n assets. The command line lets the heap grow
// to five times what is live before collecting (main: less CPU for short
// commands); for the documents of a 10,000-asset plant that was 2 GB. Near
// the limit the collector runs more often instead, so that the export
// stays within a few hundred megabytes more than it needs.
// The GOMEMLIMIT environment variable, when set, is used instead.
func exportMemoryLimit(assets int) int64 {
	const least, base, perThousand = 256 << 20, 120 << 20, 36 << 20
	return max(least, base+int64(assets)*perThousand/1000)
}
