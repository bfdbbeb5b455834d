package i18n

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Msg is a generated sentence (an assessment reason, a validation problem)
// as a stable catalogue key and its named parameters, so that it can be
// written in any language: the producer keeps the Msg, and each reader
// calls Text with its own catalogue.
//
// A parameter is written as it is when it is a string or a number (names,
// IDs, levels), or by its Text method when it is an Arg: a nested Msg, a
// Term (a catalogue word), an enumeration label (Enum), a list (List).
type Msg struct {
	Key string
	// Args alternates placeholder names (strings) and values; a slice, not
	// a map, because an assessment of a large plant makes hundreds of
	// thousands of messages with two or three parameters each.
	Args []any
}

// Arg returns the value of the placeholder name, if the message has it.
func (m Msg) Arg(name string) (any, bool) {
	for i := 0; i+1 < len(m.Args); i += 2 {
		if m.Args[i] == name {
			return m.Args[i+1], true
		}
	}
	return nil, false
}

// Arg is a parameter written differently per language.
type Arg interface {
	Text(c *Catalog) string
}

// M builds a Msg from alternating placeholder names and values:
// M("risk.reason.slt.parent", "SL", 2, "FR", f, "Zone", name).
func M(key string, kv ...any) Msg { return Msg{Key: key, Args: kv} }

// EN is the sentence in English.
func (m Msg) EN() string { return m.Text(For(EN)) }

// Text is the sentence in the catalogue's language; "" for an empty Msg.
func (m Msg) Text(c *Catalog) string {
	if m.Key == "" {
		return ""
	}
	return c.formatMsg(m)
}

// ArgText writes one parameter in the catalogue's language.
func ArgText(c *Catalog, v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case Arg:
		return x.Text(c)
	case fmt.Stringer:
		return x.String()
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return rv.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10)
	}
	return fmt.Sprint(v)
}

// Term is a parameter that is itself a catalogue message without
// placeholders, such as "risk.term.tolerable".
type Term string

// Text implements Arg.
func (t Term) Text(c *Catalog) string { return c.T(string(t)) }

// EnumArg is a model enumeration value as a parameter: its label in the
// catalogue's language (see Label).
type EnumArg struct{ key, en string }

// Enum makes an enumeration value a parameter.
func Enum[T Labeled](v T) EnumArg { return EnumArg{EnumKey(v), v.Label()} }

// Text implements Arg.
func (e EnumArg) Text(c *Catalog) string {
	if c.Lang() != EN && c.Has(e.key) {
		return c.T(e.key)
	}
	return e.en
}

// List is a list of sentences joined by "; " (in every language).
type List []Msg

// Text implements Arg.
func (l List) Text(c *Catalog) string {
	parts := make([]string, len(l))
	for i, m := range l {
		parts[i] = m.Text(c)
	}
	return strings.Join(parts, "; ")
}

// Lower is a parameter written in lower case in English, where a label
// sits inside a sentence ("the self-assessment answers not met"); other
// languages keep the label's own case (German nouns keep their capital).
type Lower struct{ V any }

// Text implements Arg.
func (l Lower) Text(c *Catalog) string {
	t := ArgText(c, l.V)
	if c.Lang() == EN {
		return strings.ToLower(t)
	}
	return t
}

// Num is a decimal number written with the language's decimal mark.
type Num struct {
	F        float64
	Decimals int
}

// Text implements Arg.
func (n Num) Text(c *Catalog) string { return c.Number(n.F, n.Decimals) }

// formatMsg is Text without closures or maps for the simple messages (text
// and {{.Name}} only): the parameters are written once each, into an array
// on the stack, and the result is built in one allocation.
func (c *Catalog) formatMsg(m Msg) string {
	for x := c; x != nil; x = x.fallback {
		p, has := x.message(m.Key)
		if !has {
			continue
		}
		segs := p.segs
		if !p.simple {
			vals := make(map[string]string, len(m.Args)/2)
			for i := 0; i+1 < len(m.Args); i += 2 {
				if k, ok := m.Args[i].(string); ok {
					vals[k] = ArgText(c, m.Args[i+1])
				}
			}
			return x.T(m.Key, vals)
		}
		var buf [16]string
		parts := buf[:0]
		n := 0
		for _, sg := range segs {
			if sg.field == "" {
				n += len(sg.text)
				continue
			}
			v, ok := m.Arg(sg.field)
			if !ok {
				return "[" + m.Key + "]"
			}
			t := ArgText(c, v)
			parts = append(parts, t)
			n += len(t)
		}
		var b strings.Builder
		b.Grow(n)
		k := 0
		for _, sg := range segs {
			if sg.field == "" {
				b.WriteString(sg.text)
			} else {
				b.WriteString(parts[k])
				k++
			}
		}
		return b.String()
	}
	return "[" + m.Key + "]"
}
