package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// textSinks are the calls whose string arguments a user reads: Fyne's
// widget, dialog and menu constructors and setters, and the app's own
// helpers that wrap them. A literal anywhere in their arguments (a
// fmt.Sprintf inside included) bypasses the message catalogue.
var textSinks = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true,
	"NewCheck": true, "NewMenuItem": true, "NewMenu": true, "NewTabItem": true, "NewTabItemWithIcon": true,
	"NewFormItem": true, "NewAccordionItem": true, "NewConfirm": true, "NewCustomConfirm": true,
	"NewCustom": true, "NewCustomWithoutButtons": true, "NewForm": true, "NewInformation": true,
	"ShowInformation": true, "ShowConfirm": true, "ShowCustom": true, "NewRichTextFromMarkdown": true,
	"NewHyperlink": true, "NewText": true, "SetText": true, "SetPlaceHolder": true, "SetTitle": true,
	"SetConfirmText": true, "SetDismissText": true, "NewWindow": true, "SetToolTip": true,
	// the app's own wrappers
	"item": true, "heading": true, "viewHeading": true, "smallButton": true, "toolButton": true,
	"wrapLabel": true, "check": true, "showInfo": true, "showErrorText": true,
}

// textFields are widget fields holding text a user reads.
var textFields = map[string]bool{"Label": true, "PlaceHolder": true, "Text": true, "Title": true}

// catalogueLookups are the calls whose first argument is a catalogue key,
// not text.
var catalogueLookups = map[string]bool{"tr": true, "T": true}

// fmtVerb matches a fmt verb, which is not prose ("%d %s" is layout).
var fmtVerb = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

// prose reports whether a literal reads as words (two letters or more
// outside fmt verbs).
func prose(s string) bool {
	s = fmtVerb.ReplaceAllString(s, "")
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// nonText are the calls whose string arguments no user reads: logging,
// environment and preference keys, file names, commands and string
// operations on identifiers.
var nonText = map[string]bool{
	"LogError": true, "Getenv": true, "Setenv": true, "LookupEnv": true,
	"String": true, "SetString": true, "StringWithFallback": true, "Bool": true, "SetBool": true,
	"BoolWithFallback": true, "Int": true, "SetInt": true, "IntWithFallback": true, "Float": true,
	"SetFloat": true, "FloatWithFallback": true, "StringList": true, "SetStringList": true, "RemoveValue": true,
	"Join": true, "Ext": true, "HasSuffix": true, "HasPrefix": true, "TrimSuffix": true, "TrimPrefix": true,
	"Contains": true, "ContainsAny": true, "Split": true, "SplitN": true, "Index": true, "Cut": true,
	"EqualFold": true, "Command": true, "CommandContext": true, "LookPath": true, "NewStaticResource": true,
	"CreateTemp": true, "MkdirTemp": true, "Glob": true, "NewExtensionFileFilter": true, "Count": true,
	// slog's messages and attributes, and the errors that wrap a system
	// error (whose own text is English in any case)
	"Debug": true, "Info": true, "Warn": true, "Error": true, "Errorf": true, "errors.New": true,
	// the start-up probe's line on standard output, read by the smoke test
	"Printf": true,
}

// fieldNames are the property panel's helpers with an argument (at the
// given index) that names the edited field, so that successive edits of it
// merge into one undo step.
var fieldNames = map[string]int{"str": 0, "fstr": 0, "fid": 0, "ed": 0, "efEd": 0, "rEd": 0, "oEd": 0, "editInfo": 1, "edit": 2}

// identifiers are literals that read the same in every language: proper
// names and the standards' identifiers.
var identifiers = map[string]bool{
	"Zonewise": true, "SL-T": true, "SL-C": true, "SL-A": true, "FR": true, "HTTPS": true, "tcp": true, "udp": true,
}

// identifierLike reports whether a literal outside a text sink is a key,
// a field name or a file name rather than words: no space, and not
// starting with a capital letter ("windowWidth", ".zonewise", "bounds.x").
func identifierLike(s string) bool {
	for i, r := range s {
		if unicode.IsSpace(r) || (i == 0 && unicode.IsUpper(r)) || strings.ContainsRune("…“”„‘’:!?—–()", r) {
			return false
		}
	}
	return true
}

func isFieldHelper(name string, args int) bool {
	i, ok := fieldNames[name]
	return ok && i < args
}

// finding is a literal that bypasses the catalogue, with where it is.
type finding struct {
	pos  token.Position
	text string // quoted
}

// literals lists the string literals in a file that a user reads without
// the message catalogue: every literal in the arguments of a text sink,
// and every literal elsewhere that reads as words (a fmt format, a
// concatenated fragment, a table header, a value returned as a title),
// except the catalogue's keys and placeholder names, comparisons and case
// labels, and the arguments of calls that take identifiers (nonText).
func literals(fset *token.FileSet, file *ast.File) []finding {
	var out []finding
	var walk func(n ast.Node, inSink bool)
	walk = func(n ast.Node, inSink bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec:
				return false
			case *ast.Field:
				walk(n.Type, inSink) // not the tag
				return false
			case *ast.CallExpr:
				name := callName(n)
				switch {
				case catalogueLookups[name]:
					for _, a := range n.Args[1:] { // the key is not text
						walk(a, inSink)
					}
					return false
				case textSinks[name]:
					walk(n.Fun, inSink)
					for _, a := range n.Args {
						walk(a, true)
					}
					return false
				case isFieldHelper(name, len(n.Args)):
					walk(n.Fun, inSink)
					for i, a := range n.Args {
						if i != fieldNames[name] {
							walk(a, inSink)
						}
					}
					return false
				case nonText[name] || nonText[qualName(n)]:
					return false
				}
			case *ast.FuncLit:
				walk(n.Body, false) // a callback's literals are not its sink's text
				return false
			case *ast.KeyValueExpr:
				if _, lit := n.Key.(*ast.BasicLit); !lit { // a placeholder's name is not text
					walk(n.Key, inSink)
				}
				walk(n.Value, inSink)
				return false
			case *ast.BinaryExpr:
				if n.Op == token.EQL || n.Op == token.NEQ {
					for _, x := range []ast.Expr{n.X, n.Y} {
						if _, lit := x.(*ast.BasicLit); !lit {
							walk(x, inSink)
						}
					}
					return false
				}
			case *ast.CaseClause:
				for _, s := range n.Body { // the case values are identifiers
					walk(s, inSink)
				}
				return false
			case *ast.IndexExpr:
				walk(n.X, inSink)
				if _, lit := n.Index.(*ast.BasicLit); !lit {
					walk(n.Index, inSink)
				}
				return false
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return false
				}
				s, err := strconv.Unquote(n.Value)
				if err == nil && prose(s) && !identifiers[s] && (inSink || !identifierLike(s)) {
					out = append(out, finding{fset.Position(n.Pos()), strconv.Quote(s)})
				}
			}
			return true
		})
	}
	walk(file, false)
	return out
}

// untranslated lists the literals in app/'s sources that bypass the
// message catalogue.
func untranslated(t *testing.T) []finding {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var out []finding
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, literals(fset, file)...)
	}
	return out
}

// qualName is a call's package-qualified name ("errors.New"), or "".
func qualName(c *ast.CallExpr) string {
	if f, ok := c.Fun.(*ast.SelectorExpr); ok {
		if x, ok := f.X.(*ast.Ident); ok {
			return x.Name + "." + f.Sel.Name
		}
	}
	return ""
}

func callName(c *ast.CallExpr) string {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// TestNoTextBypassesTheCatalogue: every user-visible literal in the GUI
// comes from the message catalogue (package i18n), in English and German.
func TestNoTextBypassesTheCatalogue(t *testing.T) {
	for _, f := range untranslated(t) {
		t.Errorf("%s: user-visible text %s bypasses the message catalogue: add a key to i18n/locales/en.json and de.json and look it up with tr", f.pos, f.text)
	}
}

// TestTheCatalogueCheckSeesLiterals runs the check on a fixture with the
// usual Fyne forms, so that it can fail.
func TestTheCatalogueCheckSeesLiterals(t *testing.T) {
	src := `package app
import "fyne.io/fyne/v2/widget"
type x struct{ A string ` + "`json:\"a thing\"`" + ` }
func f(p prefs, m map[string]string) string {
	widget.NewLabel("Hello there")
	widget.NewLabel(tr("menu.file"))
	widget.NewLabel(fmt.Sprintf("%d zones", 3))
	widget.NewButton("Go on", func() { ed("name", nil) })
	dialog.ShowConfirm("Delete it?", tr("x.y"), nil, w)
	fyne.NewMenuItem("light", nil)
	e.SetPlaceHolder("type here")
	b.Text = "Bold words"
	x := "notShown"
	widget.NewLabel(tr("file.unsaved", map[string]string{"Name": "kept"}))
	hint := fmt.Sprintf("x %.0f (move it)", 2.0)
	headers := []string{"Name", "Kind"}
	l.SetText("Not assessed: " + why)
	p.SetString("language", "de")
	if s == "Some value" {
		return m["Some key"]
	}
	switch s {
	case "A case":
	}
	fyne.LogError("cannot load it", nil)
	t.SetToolTip("Tip text")
	err := fmt.Errorf("open %s: %w", name, err)
	err = errors.New("not shown")
	p := model.New("Untitled project")
	str("logical boundary", get, set)
	return "Untitled"
}`
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var got []string
	for _, f := range untranslated(t) {
		got = append(got, f.text)
	}
	want := []string{`"Hello there"`, `"%d zones"`, `"Go on"`, `"Delete it?"`, `"light"`, `"type here"`, `"Bold words"`,
		`"kept"`, `"x %.0f (move it)"`, `"Name"`, `"Kind"`, `"Not assessed: "`, `"Tip text"`, `"Untitled project"`, `"Untitled"`}
	if !slices.Equal(got, want) {
		t.Errorf("found\n%v\nwant\n%v", got, want)
	}
}
