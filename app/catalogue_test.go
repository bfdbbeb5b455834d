package app

import (
	"flag"
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

var updateUntranslated = flag.Bool("update-untranslated", false, "rewrite testdata/untranslated.txt from the current sources")

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
	"SetConfirmText": true, "SetDismissText": true, "NewWindow": true,
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

// untranslated lists the distinct literals in app/'s sources that reach a
// text sink without going through the message catalogue.
func untranslated(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var out []string
	add := func(lit *ast.BasicLit) {
		if lit.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err == nil && prose(s) {
			out = append(out, strconv.Quote(s))
		}
	}
	var collect func(n ast.Node)
	collect = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				collect(kv.Value) // a key names a placeholder or a field
				return false
			}
			if c, ok := n.(*ast.CallExpr); ok && catalogueLookups[callName(c)] {
				for _, a := range c.Args[1:] {
					collect(a)
				}
				return false // the key is not text
			}
			if lit, ok := n.(*ast.BasicLit); ok {
				add(lit)
			}
			return true
		})
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if textSinks[callName(n)] {
					for _, a := range n.Args {
						collect(a)
					}
					return false
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if sel, ok := l.(*ast.SelectorExpr); ok && textFields[sel.Sel.Name] && i < len(n.Rhs) {
						collect(n.Rhs[i])
					}
				}
			}
			return true
		})
	}
	slices.Sort(out)
	return slices.Compact(out)
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

// TestNoNewTextBypassesTheCatalogue is a ratchet: every user-visible
// literal in the GUI must come from the message catalogue (package i18n),
// except those listed in testdata/untranslated.txt, which were written
// before the catalogue and are moved into it over time. A new literal fails;
// a listed literal that is gone fails too, so that the list only shrinks
// (go test ./app -run TestNoNewTextBypassesTheCatalogue -update-untranslated).
func TestNoNewTextBypassesTheCatalogue(t *testing.T) {
	got := untranslated(t)
	const baseline = "testdata/untranslated.txt"
	if *updateUntranslated {
		if err := os.WriteFile(baseline, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(baseline)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, ln := range strings.Split(string(data), "\n") {
		if ln != "" {
			want = append(want, ln)
		}
	}
	for _, s := range got {
		if !slices.Contains(want, s) {
			t.Errorf("user-visible text %s bypasses the message catalogue: add a key to i18n/locales/en.json and de.json and look it up", s)
		}
	}
	for _, s := range want {
		if !slices.Contains(got, s) {
			t.Errorf("%s is no longer in the sources: shrink %s with -update-untranslated", s, baseline)
		}
	}
}

func TestTheCatalogueCheckSeesLiterals(t *testing.T) {
	src := `package app
func f() {
	widget.NewLabel("Hello there")
	widget.NewLabel(tr("menu.file"))
	widget.NewLabel(fmt.Sprintf("%d zones", 3))
	b.Text = "Bold words"
	x := "not shown"
	widget.NewLabel(tr("file.unsaved", map[string]string{"Name": "kept"}))
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
	got := untranslated(t)
	want := []string{`"%d zones"`, `"Bold words"`, `"Hello there"`, `"kept"`}
	if !slices.Equal(got, want) {
		t.Errorf("found %v, want %v", got, want)
	}
}
