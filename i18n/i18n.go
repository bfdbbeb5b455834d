// Package i18n is Zonewise's message catalogue: every sentence a user reads
// (GUI, problems, assessment explanations, documents) is looked up here by a
// stable key, in English or German. It is Fyne-free so that the domain
// packages and the documents use the same catalogue as the GUI; the GUI also
// hands the same files to Fyne's lang package (see FS).
//
// Messages are whole sentences with named placeholders in Go template syntax
// ("Zone {{.Name}} has no assets"), never fragments glued together: German
// word order differs from English, so a translator must see the sentence.
// The files use the flat JSON form that Fyne's lang (go-i18n) reads.
package i18n

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	"github.com/go-json-experiment/json/jsontext"
)

// Lang is a supported interface and document language.
type Lang string

// The supported languages. English is the fallback for a missing message.
const (
	EN Lang = "en"
	DE Lang = "de"
)

// Langs lists the supported languages in menu order.
var Langs = []Lang{EN, DE}

// Name is the language's own name, for a language menu.
func (l Lang) Name() string {
	switch l {
	case DE:
		return "Deutsch"
	default:
		return "English"
	}
}

// Parse reads a --lang value ("en", "de", case-insensitive, or a locale such
// as "de_DE.UTF-8" or "de-AT").
func Parse(s string) (Lang, error) {
	if l, ok := fromLocale(s); ok {
		return l, nil
	}
	return "", fmt.Errorf("language %q: want en or de", s)
}

// FromLocale picks the language for a POSIX or BCP 47 locale string such as
// the value of LANG ("de_DE.UTF-8", "de-CH", "C"); anything not German is
// English.
func FromLocale(s string) Lang {
	if l, ok := fromLocale(s); ok {
		return l
	}
	return EN
}

func fromLocale(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	for _, l := range Langs {
		if s == string(l) {
			return l, true
		}
	}
	return "", false
}

//go:embed locales/*.json
var files embed.FS

// FS returns the embedded catalogue files (locales/en.json, locales/de.json)
// for Fyne's lang.AddTranslationsFS(FS(), "locales").
func FS() embed.FS { return files }

// Catalog is the message set of one language.
type Catalog struct {
	lang     Lang
	msgs     map[string]string // the messages as written
	fallback *Catalog          // English, for a message German lacks (nil for English)
	// parsed holds the messages used so far (key to *parsedMsg): each is
	// parsed on first use, since parsing all of them cost every process,
	// the command line included, about 15 ms at start (Check parses them
	// all).
	parsed sync.Map
}

// parsedMsg is a parsed message; segs, for messages made only of text and
// {{.Name}} placeholders (nearly all), holds the parts to join: Format
// fills them in without running the template engine.
type parsedMsg struct {
	t      *template.Template // nil when the message does not parse
	segs   []segment
	simple bool
	// text is the whole message when it has no placeholder at all (a
	// term such as "risk.term.tolerable"): T returns it without running
	// the template.
	text  string
	plain bool
}

// message returns the parsed message of key and whether the catalogue
// itself (not its fallback) has it.
func (c *Catalog) message(key string) (*parsedMsg, bool) {
	if p, ok := c.parsed.Load(key); ok {
		return p.(*parsedMsg), true
	}
	msg, ok := c.msgs[key]
	if !ok {
		return nil, false
	}
	p := &parsedMsg{}
	if t, err := template.New(key).Option("missingkey=error").Parse(msg); err == nil {
		p.t = t
		p.segs, p.simple = segments(t)
		if p.simple {
			p.plain = true
			var b strings.Builder
			for _, sg := range p.segs {
				p.plain = p.plain && sg.field == ""
				b.WriteString(sg.text)
			}
			p.text = b.String()
		}
	}
	actual, _ := c.parsed.LoadOrStore(key, p)
	return actual.(*parsedMsg), true
}

// catalogs holds each language's catalogue, read from its file on first
// use: a command that writes English never reads the German file, and the
// English one costs about a millisecond (every process pays it, the command
// line included).
var catalogs = func() map[Lang]*lazyCatalog {
	m := make(map[Lang]*lazyCatalog, len(Langs))
	for _, l := range Langs {
		m[l] = &lazyCatalog{lang: l}
	}
	return m
}()

// lazyCatalog is one language's catalogue, loaded once.
type lazyCatalog struct {
	lang Lang
	once sync.Once
	c    *Catalog
	err  error
}

func (lc *lazyCatalog) get() (*Catalog, error) {
	lc.once.Do(func() {
		raw, err := readFile(lc.lang)
		if err != nil {
			lc.err = err
			return
		}
		c := &Catalog{lang: lc.lang, msgs: raw}
		if lc.lang != EN {
			en, err := catalogs[EN].get()
			if err != nil {
				lc.err = err
				return
			}
			c.fallback = en
		}
		lc.c = c
	})
	return lc.c, lc.err
}

// For returns the catalogue of l (English for an unknown language). The
// embedded files are checked by Check in the package tests; should they
// still fail to load, every message shows as its key in brackets.
func For(l Lang) *Catalog {
	if lc, ok := catalogs[l]; ok {
		if c, err := lc.get(); err == nil {
			return c
		}
	}
	if c, err := catalogs[EN].get(); err == nil {
		return c
	}
	return &Catalog{lang: l}
}

// Check loads the embedded catalogue files and reports the first defect:
// a file that is not one JSON object of strings, a duplicate key or a
// message that is not a valid template.
func Check() error {
	for _, l := range Langs {
		c, err := catalogs[l].get()
		if err != nil {
			return err
		}
		for _, k := range c.Keys() {
			if _, err := template.New(k).Option("missingkey=error").Parse(c.msgs[k]); err != nil {
				return fmt.Errorf("locales/%s.json: message %q: %w", l, k, err)
			}
		}
	}
	return nil
}

// readFile reads one language file, refusing duplicate keys (which JSON
// decoding into a map would silently merge) and anything but strings.
func readFile(l Lang) (map[string]string, error) {
	name := "locales/" + string(l) + ".json"
	data, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return parseFile(name, data)
}

// parseFile reads a catalogue file's bytes; name is for error messages.
// It reads tokens with jsontext (the token layer of encoding/json/v2), a
// tenth of the cost of encoding/json's Decoder.Token.
func parseFile(name string, data []byte) (map[string]string, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return nil, fmt.Errorf("%s: want one JSON object of key to message", name)
	}
	out := make(map[string]string, bytes.Count(data, []byte{'\n'}))
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		key := tok.String()
		tok, err = dec.ReadToken()
		if err != nil {
			return nil, fmt.Errorf("%s: message %q: %w", name, key, err)
		}
		if tok.Kind() != '"' {
			return nil, fmt.Errorf("%s: message %q: got JSON %s, want a string", name, key, tok.Kind())
		}
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("%s: message %q appears twice", name, key)
		}
		out[key] = tok.String()
	}
	if _, err := dec.ReadToken(); err != nil { // the closing brace
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return nil, fmt.Errorf("%s: text after the JSON object", name)
	}
	return out, nil
}

// Lang is the catalogue's language.
func (c *Catalog) Lang() Lang { return c.lang }

// Has reports whether the catalogue (or its English fallback) has key.
func (c *Catalog) Has(key string) bool {
	for x := c; x != nil; x = x.fallback {
		if _, ok := x.msgs[key]; ok {
			return true
		}
	}
	return false
}

// T is the message key in the catalogue's language with data (a struct or
// map with the placeholders' names) filled in. A key missing from the
// language falls back to English; a key missing from both, or data that
// lacks a placeholder, gives the key itself in brackets so that the defect
// is visible instead of an empty label (the tests keep both from happening).
func (c *Catalog) T(key string, data ...any) string {
	for x := c; x != nil; x = x.fallback {
		p, ok := x.message(key)
		if !ok {
			continue
		}
		if p.t == nil {
			return "[" + key + "]"
		}
		if p.plain {
			return p.text
		}
		t := p.t
		var d any
		if len(data) > 0 {
			d = data[0]
		}
		var b strings.Builder
		if err := t.Execute(&b, d); err != nil {
			return "[" + key + "]"
		}
		return b.String()
	}
	return "[" + key + "]"
}

// Keys lists the catalogue's own keys, sorted (for tests and tools).
func (c *Catalog) Keys() []string {
	out := make([]string, 0, len(c.msgs))
	for k := range c.msgs {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// segment is literal text, or the placeholder field when field is set.
type segment struct{ text, field string }

// segments splits a parsed message into text and {{.Name}} placeholders;
// false when it uses anything else (conditions, functions, pipelines).
func segments(t *template.Template) ([]segment, bool) {
	if t.Tree == nil || t.Tree.Root == nil {
		return nil, false
	}
	var out []segment
	for _, n := range t.Tree.Root.Nodes {
		switch x := n.(type) {
		case *parse.TextNode:
			out = append(out, segment{text: string(x.Text)})
		case *parse.ActionNode:
			p := x.Pipe
			if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
				return nil, false
			}
			f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
			if !ok || len(f.Ident) != 1 {
				return nil, false
			}
			out = append(out, segment{field: f.Ident[0]})
		default:
			return nil, false
		}
	}
	return out, true
}

// Format is T for a message whose placeholders are all strings, as the
// engine's generated sentences are: the same result, without the template
// engine's reflection for the common simple messages (an assessment of a
// large plant writes hundreds of thousands of them).
func (c *Catalog) Format(key string, vals map[string]string) string {
	return c.format(key, func(name string) (string, bool) {
		v, ok := vals[name]
		return v, ok
	}, func() map[string]string { return vals })
}

// format fills in a message: a simple one from lookup, part by part; any
// other through the template engine with the map all builds.
func (c *Catalog) format(key string, lookup func(string) (string, bool), all func() map[string]string) string {
	for x := c; x != nil; x = x.fallback {
		p, has := x.message(key)
		if !has {
			continue
		}
		if p.simple {
			var b strings.Builder
			for _, s := range p.segs {
				if s.field == "" {
					b.WriteString(s.text)
					continue
				}
				v, ok := lookup(s.field)
				if !ok {
					return "[" + key + "]"
				}
				b.WriteString(v)
			}
			return b.String()
		}
		vals := all()
		if vals == nil {
			return x.T(key)
		}
		return x.T(key, vals)
	}
	return "[" + key + "]"
}
