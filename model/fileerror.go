package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"zonewise/i18n"
)

// FileError is why a project file cannot be read, as a catalogue message
// (keys "projectfile.…") naming the object and the field, so that it can be
// written in the user's language (see ErrorIn). Error is the English
// sentence.
type FileError struct {
	Msg i18n.Msg
	// err is a cause callers test with errors.Is, if any.
	err error
}

func (e *FileError) Error() string { return e.Msg.EN() }

// Unwrap returns the cause, if any.
func (e *FileError) Unwrap() error { return e.err }

// In is the sentence in the catalogue's language.
func (e *FileError) In(c *i18n.Catalog) string {
	if c == nil {
		return e.Error()
	}
	return e.Msg.Text(c)
}

func fileErr(key string, kv ...any) *FileError { return &FileError{Msg: i18n.M(key, kv...)} }

// ErrorIn writes err in the language of c: the FileError inside it, however
// wrapped, in that language, with the text wrapped around it ("FILE: ") kept;
// any other error as it is.
func ErrorIn(err error, c *i18n.Catalog) string {
	if err == nil {
		return ""
	}
	var fe *FileError
	if c == nil || c.Lang() == i18n.EN || !errors.As(err, &fe) {
		return err.Error()
	}
	full, inner := err.Error(), fe.Error()
	if prefix, ok := strings.CutSuffix(full, inner); ok {
		return prefix + fe.In(c)
	}
	return fe.In(c)
}

// objectArg names element N of a collection in a file error: its kind,
// position, name and short ID ("zone #2 "Control" (1a2b3c4d)").
type objectArg struct {
	kind     string // "zone", "threat actor"
	n        int
	name, id string
}

// Text implements i18n.Arg.
func (o objectArg) Text(c *i18n.Catalog) string {
	kind := o.kind
	if c.Lang() != i18n.EN {
		if k := "problem.kind." + strings.ReplaceAll(o.kind, " ", "-"); c.Has(k) {
			kind = c.T(k)
		}
	}
	label := fmt.Sprintf("%s #%d", kind, o.n)
	if o.name != "" {
		if c.Lang() == i18n.EN {
			label += " " + strconv.Quote(o.name)
		} else {
			label += " „" + o.name + "“"
		}
	}
	if o.id != "" {
		label += " (" + o.id + ")"
	}
	return label
}

// jsonValue is the JSON value found where another was expected: its kind
// ("number", "string", "array"...) or the value itself ("\"high\""). English
// writes it after "got JSON"; other languages name it whole ("JSON-Zahl",
// "JSON-Wert "high"").
type jsonValue string

// Text implements i18n.Arg.
func (v jsonValue) Text(c *i18n.Catalog) string {
	if c.Lang() == i18n.EN {
		return string(v)
	}
	kind, rest, _ := strings.Cut(string(v), " ")
	if k := "projectfile.json." + kind; c.Has(k) {
		if rest != "" {
			return c.T(k) + " " + rest
		}
		return c.T(k)
	}
	return c.T("projectfile.json.value", map[string]string{"Value": string(v)})
}

// kindArg is an object kind ("zone") as a parameter: the kind as the file
// format names it in English, its catalogue label in other languages.
type kindArg string

// Text implements i18n.Arg.
func (k kindArg) Text(c *i18n.Catalog) string {
	if c.Lang() != i18n.EN {
		if key := "problem.kind." + strings.ReplaceAll(string(k), " ", "-"); c.Has(key) {
			return c.T(key)
		}
	}
	return string(k)
}
