package risk

import (
	"cmp"
	"slices"

	"zonewise/i18n"
	"zonewise/model"
)

// Msg is a sentence the engine writes (a reason, a finding, a warning) as a
// stable catalogue key ("risk.reason.…") and its named parameters, so that
// it can be written in any language of the message catalogue. The result's
// Text and Reason fields hold it in English; Localize rewrites them.
type Msg = i18n.Msg

type (
	term    = i18n.Term
	enumArg = i18n.EnumArg
	msgList = i18n.List
)

var msg = i18n.M

func enumOf[T i18n.Labeled](v T) enumArg { return i18n.Enum(v) }

func lower(v any) i18n.Lower { return i18n.Lower{V: v} }

func argText(c *i18n.Catalog, v any) string { return i18n.ArgText(c, v) }

func (x measureNameArg) Text(c *i18n.Catalog) string {
	en := x.m.Name
	if x.m.enName != "" {
		en = x.m.enName
	}
	if t, ok := localText(c.Lang(), x.m.ID); ok && t.Name != "" {
		return t.Name
	}
	return en
}

func (k kindListArg) Text(c *i18n.Catalog) string { return k.text(c) }

func (x mediumArg) Text(c *i18n.Catalog) string {
	if c.Lang() != i18n.EN {
		if k := "risk.medium." + string(x); c.Has(k) {
			return c.T(k)
		}
	}
	return Medium(x).Label()
}

func (x pathArg) Text(c *i18n.Catalog) string { return x.p.text(c) }

func (x levelArg) Text(c *i18n.Catalog) string {
	if c.Lang() != i18n.EN {
		if k := i18n.EnumKey(model.RiskLevel(x)); c.Has(k) {
			return c.T(k)
		}
	}
	return string(x)
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
// A result in language l already (Assess writes English) is left as it is.
func Localize(r *Result, l i18n.Lang) {
	l = cmp.Or(l, i18n.EN)
	if r == nil || cmp.Or(r.lang, i18n.EN) == l {
		return
	}
	r.lang = l
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

// Localized returns r with every sentence in language l, leaving r itself
// untouched (a result may be shared, for example by the documents of two
// languages). A result in language l already is returned as it is.
func Localized(r *Result, l i18n.Lang) *Result {
	if r == nil || cmp.Or(r.lang, i18n.EN) == cmp.Or(l, i18n.EN) {
		return r
	}
	c := *r
	cloneCells := func(cs *Cells) {
		for i := range cs {
			cs[i].Reasons = slices.Clone(cs[i].Reasons)
		}
	}
	c.Zones = slices.Clone(r.Zones)
	for i := range c.Zones {
		z := &c.Zones[i]
		cloneCells(&z.SLT)
		cloneCells(&z.SLC)
		cloneCells(&z.SLA)
		z.RequirementStatus = slices.Clone(z.RequirementStatus)
		z.Findings = slices.Clone(z.Findings)
	}
	c.Conduits = slices.Clone(r.Conduits)
	for i := range c.Conduits {
		cd := &c.Conduits[i]
		cloneCells(&cd.SLT)
		cloneCells(&cd.SLA)
		cd.RequirementStatus = slices.Clone(cd.RequirementStatus)
		cd.Findings = slices.Clone(cd.Findings)
	}
	c.Scenarios = slices.Clone(r.Scenarios)
	for i := range c.Scenarios {
		s := &c.Scenarios[i]
		s.Reasons = slices.Clone(s.Reasons)
		s.Current.Reasons = slices.Clone(s.Current.Reasons)
		s.Target.Reasons = slices.Clone(s.Target.Reasons)
	}
	c.Exclusions = slices.Clone(r.Exclusions)
	c.OpenGaps = slices.Clone(r.OpenGaps)
	c.Paths = slices.Clone(r.Paths)
	c.Warnings = slices.Clone(r.Warnings)
	Localize(&c, l)
	return &c
}
