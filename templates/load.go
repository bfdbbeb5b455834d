// Package templates holds the document templates (Markdown with Go
// text/template placeholders), embedded as defaults and overridable by the
// user, and the data model they are executed with.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"text/template"

	"zonewise/i18n"
)

// embedded holds the English templates (<kind>.md) and the translations in
// one folder per language (de/<kind>.md).
//
//go:embed *.md de
var embedded embed.FS

// source is where templates are read from; tests replace it.
var source fs.FS = embedded

// kinds are the document templates, in the order documents are exported,
// with the short label a list of deliverables shows.
var kinds = []struct{ kind, title, subtitle, label string }{
	{"risk-report", "IEC 62443-3-2 Risk Assessment Report", "Zones, conduits, target security levels and countermeasures", "Risk assessment report (PDF)"},
	{"crs", "Cyber Security Requirements Specification", "Zones and conduits according to IEC 62443-3-2 ZCR 6", "Zones & conduits CRS (PDF)"},
	{"policies", "OT Security Policies", "Rules for the operational technology of the plant", "Security policies (PDF)"},
	{"procedures", "OT Security Procedures", "Incident response, remote access, patching, backup, accounts and change", "Procedures (PDF)"},
	{"self-assessment", "IEC 62443 Self-Assessment Questionnaire", "System requirements per zone and focus points per asset class", "Self-assessment questionnaire (PDF)"},
}

// KindRegisters is the deliverable that has no template: the XLSX workbook
// (and the CSV files) of the risk register, the asset inventory and the
// action plan, written by render/document.
const KindRegisters = "registers"

// Kinds lists the document kinds that have a template.
func Kinds() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.kind
	}
	return out
}

// Deliverable is one item a full export writes.
type Deliverable struct {
	// Kind is the document kind, such as "risk-report", or KindRegisters.
	Kind string
	// Label is a short name for a list of deliverables, with the file type,
	// such as "Risk assessment report (PDF)".
	Label string
}

// Deliverables lists everything a full export writes, in export order: the
// PDF documents of Kinds, then the registers. The command line's
// "export --doc all" and the GUI's Documents view both follow this list.
func Deliverables() []Deliverable {
	out := make([]Deliverable, 0, len(kinds)+1)
	for _, k := range kinds {
		out = append(out, Deliverable{k.kind, k.label})
	}
	return append(out, Deliverable{KindRegisters, "Registers: risk register, asset inventory, action plan (XLSX + CSV)"})
}

// DeliverablesIn is Deliverables with the labels in language l.
func DeliverablesIn(l i18n.Lang) []Deliverable {
	c := i18n.For(l)
	out := Deliverables()
	for i := range out {
		out[i].Label = c.T("doc.kind." + out[i].Kind + ".label")
	}
	return out
}

// TitleIn is the document title of a kind in language l, or "" for an
// unknown kind.
func TitleIn(kind string, l i18n.Lang) string {
	if Title(kind) == "" {
		return ""
	}
	return i18n.For(l).T("doc.kind." + kind + ".title")
}

// SubtitleIn is the cover subtitle of a kind in language l, or "" for an
// unknown kind.
func SubtitleIn(kind string, l i18n.Lang) string {
	if Subtitle(kind) == "" {
		return ""
	}
	return i18n.For(l).T("doc.kind." + kind + ".subtitle")
}

// Title returns the document title of a kind, or "" for an unknown kind.
func Title(kind string) string {
	for _, k := range kinds {
		if k.kind == kind {
			return k.title
		}
	}
	return ""
}

// Subtitle returns the cover subtitle of a kind, or "" for an unknown kind.
func Subtitle(kind string) string {
	for _, k := range kinds {
		if k.kind == kind {
			return k.subtitle
		}
	}
	return ""
}

// Default returns the embedded default template source of a kind, for users
// who want to start their own from it.
func Default(kind string) ([]byte, error) {
	if Title(kind) == "" {
		return nil, fmt.Errorf("unknown document kind %q", kind)
	}
	return fs.ReadFile(source, kind+".md")
}

// langFile is the path of a kind's template in language l, relative to a
// template folder: <kind>.md for English, <lang>/<kind>.md otherwise.
func langFile(kind string, l i18n.Lang) string {
	if l == i18n.EN || l == "" {
		return kind + ".md"
	}
	return string(l) + "/" + kind + ".md"
}

// Dirs returns the folders searched for user templates, in order: a
// "templates" folder next to the project file (when projectPath is not
// empty), then zonewise/templates in the user's configuration directory.
func Dirs(projectPath string) []string {
	var dirs []string
	if projectPath != "" {
		dirs = append(dirs, filepath.Join(filepath.Dir(projectPath), "templates"))
	}
	if cfg, err := os.UserConfigDir(); err == nil {
		dirs = append(dirs, filepath.Join(cfg, "zonewise", "templates"))
	}
	return dirs
}

// Template is one parsed document template.
type Template struct {
	// Kind is the document kind, such as "risk-report".
	Kind string
	// Lang is the language the template is written in; the document's
	// data and fixed strings should follow it.
	Lang i18n.Lang
	// Path is the user file the template was read from, or "" for the
	// embedded default.
	Path string
	// Warning says why the template is not in the language asked for (no
	// translation of this kind exists), or is empty.
	Warning string
	t       *template.Template
}

// Load returns the English template of a kind: the first <kind>.md found
// in dirs, else the embedded default. See LoadLang.
func Load(kind string, dirs ...string) (*Template, error) {
	return LoadLang(kind, i18n.EN, dirs...)
}

// LoadLang returns the template of a kind in language l. For English it is
// the first <kind>.md found in dirs, else the embedded default. For another
// language it is the first <lang>/<kind>.md found in dirs (a German
// override is <dir>/de/crs.md), else the embedded translation; only when
// neither exists does it use the English template (the user's or the
// embedded one) and say so in Warning, because a document that silently
// changes language is worse than one that says why. The returned
// template's Lang is the language it is written in.
//
// A user file that exists but cannot be read or parsed is an error naming
// the file (and the line, for syntax errors); LoadLang never falls back to
// another template in that case.
func LoadLang(kind string, l i18n.Lang, dirs ...string) (*Template, error) {
	if Title(kind) == "" {
		return nil, fmt.Errorf("unknown document kind %q (want one of %v)", kind, Kinds())
	}
	if l == "" {
		l = i18n.EN
	}
	t, err := loadIn(kind, l, dirs)
	if err != nil || t != nil || l == i18n.EN {
		return t, err
	}
	t, err = loadIn(kind, i18n.EN, dirs)
	if err != nil {
		return nil, err
	}
	t.Warning = fmt.Sprintf("%s: no template in language %q (looked for %s in the template folders and among the built-in templates): the document is in English", kind, l, langFile(kind, l))
	return t, nil
}

// loadIn returns the template of kind in language l from dirs or the
// embedded files, or nil when there is none in that language.
func loadIn(kind string, l i18n.Lang, dirs []string) (*Template, error) {
	rel := langFile(kind, l)
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(rel))
		src, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read template %s: %w", path, err)
		}
		return ParseLang(kind, l, path, string(src))
	}
	src, err := fs.ReadFile(source, rel)
	if errors.Is(err, fs.ErrNotExist) && l != i18n.EN {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("embedded template %s: %w", rel, err)
	}
	return ParseLang(kind, l, "", string(src))
}

// Parse parses English template source. path names the file in error
// messages; "" marks the embedded default.
func Parse(kind, path, src string) (*Template, error) {
	return ParseLang(kind, i18n.EN, path, src)
}

// ParseLang parses template source written in language l: its functions
// (dates, numbers, yes/no, lists) write that language.
func ParseLang(kind string, l i18n.Lang, path, src string) (*Template, error) {
	name := path
	if name == "" {
		name = "embedded:" + langFile(kind, l)
	}
	t, err := template.New(name).Funcs(FuncsFor(l)).Option("missingkey=error").Parse(src)
	if err != nil {
		// text/template errors read "template: FILE:LINE: message".
		return nil, fmt.Errorf("parse %s template: %w", kind, err)
	}
	return &Template{Kind: kind, Lang: l, Path: path, t: t}, nil
}

// Execute runs the template with d and returns the Markdown. Errors name
// the file and line of the failing action.
func (t *Template) Execute(d *Data) (string, error) {
	md, err := t.ExecuteBytes(d)
	return string(md), err
}

// ExecuteBytes is Execute returning the Markdown as the bytes the template
// wrote, without a copy: for the PDF and Word engines, which read bytes
// (a CRS of 10,000 assets is megabytes of Markdown).
func (t *Template) ExecuteBytes(d *Data) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.t.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("execute %s template: %w", t.Kind, err)
	}
	return buf.Bytes(), nil
}
