package risk

import (
	"strconv"
	"strings"

	"zonewise/i18n"
	"zonewise/model"
)

// Msg is a sentence the engine writes (a reason, a finding, a warning) as a
// stable catalogue key ("risk.reason.…") and its named parameters, so that
// it can be written in any language of the message catalogue. The result's
// Text and Reason fields hold it in English; Localize rewrites them.
//
// A parameter is a string or number written as it is (names, IDs, levels),
// a Msg (a nested sentence), a term (a catalogue word such as "tolerable")
// or an enumeration value (written with its label in the language).
type Msg struct {
	Key  string
	Args map[string]any
}

// term is a parameter that is itself a catalogue message without placeholders.
type term string

// enumArg is a model enumeration value as a parameter: its catalogue key and
// its English label.
type enumArg struct{ key, en string }

func enumOf[T i18n.Labeled](v T) enumArg { return enumArg{i18n.EnumKey(v), v.Label()} }

// msgList is a list of sentences joined by "; " (in every language).
type msgList []Msg

// msg builds a Msg from alternating placeholder names and values.
func msg(key string, kv ...any) Msg {
	m := Msg{Key: key}
	if len(kv) > 0 {
		m.Args = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m.Args[kv[i].(string)] = kv[i+1]
		}
	}
	return m
}

// EN is the sentence in English, as the result's text fields hold it.
func (m Msg) EN() string { return m.Text(i18n.For(i18n.EN)) }

// Text is the sentence in the catalogue's language; "" for an empty Msg.
func (m Msg) Text(c *i18n.Catalog) string {
	if m.Key == "" {
		return ""
	}
	if len(m.Args) == 0 {
		return c.Format(m.Key, nil)
	}
	vals := make(map[string]string, len(m.Args))
	for k, v := range m.Args {
		vals[k] = argText(c, v)
	}
	return c.Format(m.Key, vals)
}

func argText(c *i18n.Catalog, v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case Msg:
		return x.Text(c)
	case msgList:
		parts := make([]string, len(x))
		for i, m := range x {
			parts[i] = m.Text(c)
		}
		return strings.Join(parts, "; ")
	case term:
		return c.T(string(x))
	case enumArg:
		if c.Lang() != i18n.EN && c.Has(x.key) {
			return c.T(x.key)
		}
		return x.en
	case lowerArg:
		t := argText(c, x.v)
		if c.Lang() == i18n.EN {
			return strings.ToLower(t)
		}
		return t
	case measureNameArg:
		return x.m.LocalName(c.Lang())
	case kindListArg:
		return x.text(c)
	case mediumArg:
		if c.Lang() != i18n.EN {
			if k := "risk.medium." + string(x); c.Has(k) {
				return c.T(k)
			}
		}
		return Medium(x).Label()
	case numArg:
		return c.Number(x.f, x.decimals)
	case pathArg:
		return x.p.text(c)
	case levelArg:
		if c.Lang() != i18n.EN {
			if k := i18n.EnumKey(model.RiskLevel(x)); c.Has(k) {
				return c.T(k)
			}
		}
		return string(x)
	case model.FR:
		return x.String()
	case model.ID:
		return string(x)
	}
	return "?"
}

// verdictTerm is "tolerable" or "intolerable".
func verdictTerm(tolerable bool) term {
	if tolerable {
		return "risk.term.tolerable"
	}
	return "risk.term.intolerable"
}

// Localize rewrites every sentence of r in language l: the reasons'
// texts, findings, requirement reasons, initial-risk reasons, exclusions,
// open gaps, paths and warnings. Rules, IDs and numbers stay as they are.
// English leaves r unchanged (its texts are English already).
func Localize(r *Result, l i18n.Lang) {
	if r == nil || l == i18n.EN || l == "" {
		return
	}
	c := i18n.For(l)
	cells := func(cs *Cells) {
		for i := range cs {
			reasons(c, cs[i].Reasons)
		}
	}
	statuses := func(ss []RequirementStatus) {
		for i := range ss {
			if ss[i].ReasonMsg.Key != "" {
				ss[i].Reason = ss[i].ReasonMsg.Text(c)
			}
		}
	}
	findings := func(fs []string, ms []Msg) {
		for i := range fs {
			if i < len(ms) && ms[i].Key != "" {
				fs[i] = ms[i].Text(c)
			}
		}
	}
	for i := range r.Zones {
		z := &r.Zones[i]
		cells(&z.SLT)
		cells(&z.SLC)
		cells(&z.SLA)
		statuses(z.RequirementStatus)
		if z.Initial.ReasonMsg.Key != "" {
			z.Initial.Reason = z.Initial.ReasonMsg.Text(c)
		}
		findings(z.Findings, z.FindingMsgs)
	}
	for i := range r.Conduits {
		cd := &r.Conduits[i]
		cells(&cd.SLT)
		cells(&cd.SLA)
		statuses(cd.RequirementStatus)
		findings(cd.Findings, cd.FindingMsgs)
	}
	for i := range r.Scenarios {
		s := &r.Scenarios[i]
		reasons(c, s.Reasons)
		reasons(c, s.Current.Reasons)
		reasons(c, s.Target.Reasons)
	}
	for i := range r.Paths {
		r.Paths[i].Text = r.Paths[i].text(c)
	}
	for i := range r.Exclusions {
		if e := &r.Exclusions[i]; e.ReasonMsg.Key != "" {
			e.Reason = e.ReasonMsg.Text(c)
		}
	}
	for i := range r.OpenGaps {
		if g := &r.OpenGaps[i]; g.ReasonMsg.Key != "" {
			g.Reason = g.ReasonMsg.Text(c)
		}
	}
	for i := range r.Warnings {
		if w := &r.Warnings[i]; w.Msg.Key != "" {
			w.Text = w.Msg.Text(c)
		}
	}
}

func reasons(c *i18n.Catalog, rs []Reason) {
	for i := range rs {
		if rs[i].Msg.Key != "" {
			rs[i].Text = rs[i].Msg.Text(c)
		}
	}
}

// reason is a Reason of rule with its sentence m, in English.
func reason(rule string, m Msg) Reason { return Reason{Rule: rule, Msg: m, Text: m.EN()} }

// levelArg is a risk level as a parameter: the raw value ("high") in
// English, as the sentences have always shown it, the label in German.
type levelArg model.RiskLevel

// frTitle is the FR's full name as a parameter ("fr.title.FR1").
func frTitle(f model.FR) any {
	if !f.Valid() {
		return f.Title()
	}
	return term("fr.title." + f.String())
}

// lowerArg is a parameter written in lower case in English, where the
// label sits inside a sentence ("the self-assessment answers not met"); other
// languages keep the label's own case (German nouns keep their capital).
type lowerArg struct{ v any }

// measureName is a library measure's name as a parameter: the German name
// where the library has one (library_de), else the English.
func measureName(m *Measure) any { return measureNameArg{m} }

type measureNameArg struct{ m *Measure }

// mediumArg is a conduit medium as a parameter ("risk.medium.<value>").
type mediumArg Medium

func (m Medium) arg() mediumArg { return mediumArg(m) }

// msgsEN writes messages in English; an empty list gives an empty, non-nil
// slice (the JSON shows []).
func msgsEN(ms []Msg) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.EN()
	}
	return out
}

// numArg is a decimal number written with the language's decimal mark.
type numArg struct {
	f        float64
	decimals int
}
