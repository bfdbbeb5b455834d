package templates

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"

	"zonewise/i18n"
	"zonewise/model"
)

// raw returns the unescaped string of a template argument: a Text, a string,
// a number, or anything else formatted with %v.
func raw(v any) string {
	switch x := v.(type) {
	case Text:
		return string(x)
	case string:
		return x
	case nil:
		return ""
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// rawList returns the unescaped strings of a slice argument ([]Text,
// []string or any slice).
func rawList(v any) []string {
	switch x := v.(type) {
	case []Text:
		out := make([]string, len(x))
		for i, t := range x {
			out[i] = string(t)
		}
		return out
	case []string:
		return x
	case nil:
		return nil
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return []string{raw(v)}
	}
	out := make([]string, rv.Len())
	for i := range out {
		out[i] = raw(rv.Index(i).Interface())
	}
	return out
}

// Funcs returns the template functions of English document templates.
func Funcs() template.FuncMap { return FuncsFor(i18n.EN) }

// FuncsFor returns the template functions available to document templates
// written in language l: the words they produce (yes/no, "and", capability
// names) and the dates and numbers they format follow l.
// Text-valued results stay Text, so that printing them still escapes them;
// para and fence return finished Markdown.
func FuncsFor(l i18n.Lang) template.FuncMap {
	c := i18n.For(l)
	return template.FuncMap{
		// t is a catalogue message of the document language, for fixed
		// words a template shares with the program: {{t "doc.contents"}}.
		"t": func(key string, data ...any) Text { return Text(c.T(key, data...)) },
		// date writes a "YYYY-MM-DD" date (or "YYYY-MM-DD hh:mm") the
		// language's way (04.12.2026 in German); anything else is printed
		// as it is.
		"date": func(v any) Text { return Text(localDate(c, raw(v))) },
		// num writes a number with the given decimals and the language's
		// separators: {{num 1234.5 1}} is 1.234,5 in German.
		"num": func(v any, decimals int) Text { return Text(c.Number(toFloat(v), decimals)) },
		// int writes a whole number with the language's thousands separator.
		"int": func(v any) Text { return Text(c.Number(toFloat(v), 0)) },
		// md escapes any value for inline Markdown (the default for Text).
		"md": func(v any) string { return EscapeMarkdown(raw(v)) },
		// para formats multi-line text as escaped Markdown paragraphs.
		"para": func(v any) string { return paragraphs(raw(v)) },
		// fence quotes a value as one CSV field of a zw-* fenced block.
		"fence": func(v any) string { return fenceText(raw(v)) },
		// join joins a list with a separator: {{join .Zones ", "}}.
		"join": func(list any, sep string) Text { return Text(strings.Join(rawList(list), sep)) },
		// sentence joins a list as prose: "a, b and c".
		"sentence": func(list any) Text { return Text(sentenceIn(c, rawList(list))) },
		// cat concatenates values (unescaped) into one Text.
		"cat": func(v ...any) Text {
			var b strings.Builder
			for _, x := range v {
				b.WriteString(raw(x))
			}
			return Text(b.String())
		},
		// countmark formats a count as " (n)", or "" for zero.
		"countmark": func(n int) string {
			if n <= 0 {
				return ""
			}
			return " (" + strconv.Itoa(n) + ")"
		},
		"upper": func(v any) Text { return Text(strings.ToUpper(raw(v))) },
		"lower": func(v any) Text { return Text(strings.ToLower(raw(v))) },
		// dash returns the value, or an em dash when it is empty.
		"dash": func(v any) Text {
			if s := strings.TrimSpace(raw(v)); s != "" {
				return Text(s)
			}
			return "—"
		},
		// detailDrawingAssets is the most assets a zone's detail drawing
		// names one by one (DetailDrawingAssets).
		"detailDrawingAssets": func() int { return DetailDrawingAssets },
		// commodityHostSL is the SL-C a hardened host on a general-purpose
		// operating system is taken to reach (HostProfileSL).
		"commodityHostSL": func() int { return CommodityHostSL },
		// slvec formats an SL vector as "2,2,2,1,3,2,2".
		"slvec": func(v model.SLVector) string { return v.String() },
		// sl returns the level of FR n (1..7) in a vector.
		"sl": func(v model.SLVector, n int) int {
			if n < 1 || n > 7 {
				return 0
			}
			return v[n-1]
		},
		// gapmark formats a gap: "—" for none, else "+n".
		"gapmark": func(g int) string {
			if g <= 0 {
				return "—"
			}
			return "+" + strconv.Itoa(g)
		},
		"yesno": func(b bool) string {
			if b {
				return c.T("doc.yes")
			}
			return c.T("doc.no")
		},
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
		// seq returns the integers from..to inclusive.
		"seq": func(from, to int) []int {
			var out []int
			for i := from; i <= to; i++ {
				out = append(out, i)
			}
			return out
		},
		// plural chooses the singular or plural noun for n: {{plural 3 "zone" "zones"}}.
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
		// first returns at most the first n elements of a slice.
		"first": func(n int, list any) any {
			rv := reflect.ValueOf(list)
			if rv.Kind() != reflect.Slice || rv.Len() <= n {
				return list
			}
			return rv.Slice(0, max(n, 0)).Interface()
		},
		// flow names a data flow: "OPC UA/TCP 4840".
		"flow": flowText,
		// direction describes a data flow's direction: "A → B (opened by B)".
		"direction": func(f *FlowData) Text { return directionIn(c, f) },
		// pick returns the requirement groups of the given FRs (1..7).
		"pick": func(groups []RequirementGroup, frs ...int) []RequirementGroup {
			var out []RequirementGroup
			for _, g := range groups {
				if slices.Contains(frs, g.FR.N) {
					out = append(out, g)
				}
			}
			return out
		},
		// capability describes a threat actor capability SL.
		"capability": func(sl int) Text { return Text(capabilityIn(c, sl)) },
		// names lists the Name of each zone, conduit or asset: {{sentence (names .LogonZones)}}.
		"names": names,
	}
}

// names returns the Name field of every element of a slice of structs or
// pointers to structs; elements without one are skipped.
func names(list any) []Text {
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice {
		return nil
	}
	out := make([]Text, 0, rv.Len())
	for i := range rv.Len() {
		e := reflect.Indirect(rv.Index(i))
		if e.Kind() != reflect.Struct {
			continue
		}
		if f := e.FieldByName("Name"); f.IsValid() {
			out = append(out, Text(raw(f.Interface())))
		}
	}
	return out
}

// sentenceIn joins s as prose in the catalogue's language ("a, b and c",
// "a, b und c").
func sentenceIn(c *i18n.Catalog, s []string) string {
	var keep []string
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			keep = append(keep, x)
		}
	}
	switch len(keep) {
	case 0:
		return ""
	case 1:
		return keep[0]
	}
	return c.T("doc.list", map[string]string{"Head": strings.Join(keep[:len(keep)-1], ", "), "Last": keep[len(keep)-1]})
}

func flowText(f *FlowData) Text {
	s := string(f.Protocol)
	if f.Transport != "" && !namesTransport(s, string(f.Transport)) {
		s += "/" + string(f.Transport)
	}
	if f.Port != "" {
		s += " " + string(f.Port)
	}
	return Text(s)
}

// directionIn describes a flow's direction in the catalogue's language.
func directionIn(c *i18n.Catalog, f *FlowData) Text {
	s := string(f.From) + " " + string(f.Direction) + " " + string(f.To)
	if f.Initiator != "" && f.Initiator != f.From {
		return Text(c.T("doc.flowOpenedBy", map[string]string{"Flow": s, "By": string(f.Initiator)}))
	}
	return Text(s)
}

// namesTransport reports whether a protocol name already ends in its
// transport ("Modbus/TCP" over "TCP"), so that it is not printed twice.
func namesTransport(protocol, transport string) bool {
	p, t := strings.ToLower(protocol), "/"+strings.ToLower(strings.TrimSpace(transport))
	i := strings.Index(p, t)
	if i < 0 {
		return false
	}
	rest := p[i+len(t):]
	return rest == "" || !unicode.IsLetter(rune(rest[0])) && !unicode.IsDigit(rune(rest[0]))
}

// localDate writes an ISO date ("2026-12-04") the catalogue's way; text that
// is not such a date is returned unchanged.
func localDate(c *i18n.Catalog, s string) string {
	ts := strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", ts); err == nil {
		return c.Date(t)
	}
	// a decision's time as the documents show it: "2026-11-20 14:30"
	if t, err := time.Parse("2006-01-02 15:04", ts); err == nil {
		return c.Date(t) + " " + t.Format("15:04")
	}
	return s
}

// toFloat reads a template number argument (any Go number, or text such as
// "9.8"); anything else is 0.
func toFloat(v any) float64 {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(rv.Uint())
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	}
	f, _ := strconv.ParseFloat(strings.TrimSpace(raw(v)), 64)
	return f
}
