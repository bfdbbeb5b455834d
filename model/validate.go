package model

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"zonewise/i18n"
)

// Severity says whether a problem makes the project unusable (error) or is a
// finding the analyst should look at (warning).
type Severity string

// Severities, most severe first.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is one finding of Validate. It is data for a Problems panel, not an
// error: the project stays editable whatever Validate finds.
type Problem struct {
	Severity Severity `json:"severity"`
	// Rule is a stable identifier of the check, such as "dangling-reference"
	// or "zcr-3.2-mixed-functions", so that findings can be filtered and
	// tested; a finding is identified by Rule@ObjectID.
	Rule string `json:"rule"`
	// Kind is the object kind: "project", "zone", "conduit", "asset",
	// "threat actor", "threat scenario", "countermeasure" or "decision".
	Kind     string `json:"kind"`
	ObjectID ID     `json:"objectId,omitempty"`
	// Object is the object's name at the time of validation.
	Object string `json:"object"`
	// Field is the JSON path of the field inside the object, e.g.
	// "purdueLevel" or "flows[2].initiator"; empty for the object as a whole.
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
	// Msg is Message as catalogue key and parameters, for other languages
	// (see In); empty for a message that has none. Not in the JSON.
	Msg i18n.Msg `json:"-"`
}

// LocalMessage is the message in the catalogue's language.
func (p Problem) LocalMessage(c *i18n.Catalog) string {
	if p.Msg.Key == "" || c == nil || c.Lang() == i18n.EN {
		return p.Message
	}
	return p.Msg.Text(c)
}

// In formats the problem on one line in the catalogue's language; English
// is String.
func (p Problem) In(c *i18n.Catalog) string {
	if c == nil || c.Lang() == i18n.EN {
		return p.String()
	}
	obj := strconv.Quote(truncate(p.Object, 80))
	if p.ObjectID != "" {
		obj += " (" + Printable(p.ObjectID.Short()) + ")"
	}
	kind := p.Kind
	if k := "problem.kind." + strings.ReplaceAll(p.Kind, " ", "-"); c.Has(k) {
		kind = c.T(k)
	}
	data := map[string]string{"Kind": kind, "Object": obj, "Field": p.Field, "Message": p.LocalMessage(c)}
	key := "problem.line." + string(p.Severity)
	if p.Field != "" {
		key += "-field"
	}
	return c.Format(key, data)
}

// String formats the problem on one line, for example
// `error: zone "Cell 1" (3f9a1c2e): field purdueLevel: 7 is out of range, want 0..5`.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(string(p.Severity))
	b.WriteString(": ")
	b.WriteString(p.Kind)
	b.WriteString(" ")
	b.WriteString(strconv.Quote(truncate(p.Object, 80)))
	if p.ObjectID != "" {
		b.WriteString(" (")
		b.WriteString(Printable(p.ObjectID.Short()))
		b.WriteString(")")
	}
	b.WriteString(": ")
	if p.Field != "" {
		b.WriteString("field ")
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Key identifies the finding stably across runs, as "rule@objectID#field",
// for filtering and for remembering findings the user has dismissed.
func (p Problem) Key() string {
	k := p.Rule + "@" + string(p.ObjectID)
	if p.Field != "" {
		k += "#" + p.Field
	}
	return k
}

// Rules of Validate, as found in Problem.Rule.
const (
	RuleDuplicateID      = "duplicate-id"
	RuleMissingID        = "missing-id"
	RuleEmptyName        = "empty-name"
	RuleDangling         = "dangling-reference"
	RuleNoZone           = "asset-without-zone"
	RuleConduitSelf      = "conduit-self-join"
	RuleConduitZones     = "conduit-too-few-zones"
	RuleRange            = "out-of-range"
	RuleEnum             = "unknown-value"
	RuleDate             = "bad-date"
	RuleZoneCycle        = "zone-cycle"
	RuleRejectedReason   = "rejected-without-reason"
	RuleJustification    = "override-without-justification"
	RuleEvidence         = "compensating-without-evidence"
	RuleTreatmentNote    = "treatment-without-note"
	RuleTechnique        = "bad-technique-id"
	RuleMatrix           = "risk-matrix"
	RuleFlowZone         = "flow-outside-conduit"
	RuleMixedFunctions   = "zcr-3.2-mixed-functions"
	RuleSafetyZone       = "zcr-3.3-safety-zone"
	RuleTransientZone    = "zcr-3.4-transient-zone"
	RuleWirelessZone     = "zcr-3.5-wireless-zone"
	RuleExternalZone     = "zcr-3.6-external-zone"
	RulePurdueSkip       = "purdue-skip"
	RuleLeastPrivilege   = "least-privilege-any"
	RuleDuplicateEntry   = "duplicate-entry"
	RuleUnknownFocus     = "unknown-focus-point"
	RuleDanglingDecision = "decision-object-missing"
)

// PurdueLevels lists the Purdue levels a zone may have; 3.5 is the industrial DMZ.
var PurdueLevels = []float64{0, 1, 2, 3, 3.5, 4, 5}

var techniqueRE = regexp.MustCompile(`^T0[0-9]{3}(\.[0-9]{3})?$`)

// validator collects problems for one Validate call.
type validator struct {
	p        *Project
	problems []Problem
	zones    map[ID]*Zone
	conduits map[ID]*Conduit
	assets   map[ID]*Asset
	actors   map[ID]*ThreatActor
	cms      map[ID]*CountermeasureInstance
	all      map[ID]bool
	// inCycle marks zones that are their own ancestor.
	inCycle map[ID]bool
}

// Validate checks p and returns every problem found, sorted: errors first,
// then by object kind, object name, ID, field and message. A nil result means
// the project is clean. Validate never changes p and never loops forever, even
// on a zone that is its own ancestor.
func Validate(p *Project) []Problem {
	v := &validator{
		p:        p,
		zones:    make(map[ID]*Zone, len(p.Zones)),
		conduits: make(map[ID]*Conduit, len(p.Conduits)),
		assets:   make(map[ID]*Asset, len(p.Assets)),
		actors:   make(map[ID]*ThreatActor, len(p.Actors)),
		cms:      make(map[ID]*CountermeasureInstance, len(p.Countermeasures)),
		all:      make(map[ID]bool),
	}
	v.indexAndIDs()
	v.findCycles()
	v.project()
	for i := range p.Actors {
		v.actor(&p.Actors[i])
	}
	for i := range p.Zones {
		v.zone(&p.Zones[i])
	}
	for i := range p.Conduits {
		v.conduit(&p.Conduits[i])
	}
	for i := range p.Assets {
		v.asset(&p.Assets[i])
	}
	for i := range p.Scenarios {
		v.scenario(&p.Scenarios[i])
	}
	for i := range p.Countermeasures {
		v.countermeasure(&p.Countermeasures[i])
	}
	for i := range p.Decisions {
		v.decision(&p.Decisions[i])
	}
	for i := range p.Vulnerabilities {
		v.vulnerability(&p.Vulnerabilities[i])
	}
	for i := range p.Compensating {
		v.compensating(&p.Compensating[i])
	}
	for i := range p.Answers {
		v.answer(i, &p.Answers[i])
	}
	v.zoning()
	v.network()
	v.validateConflicts()
	sortProblems(v.problems)
	return v.problems
}

// HasErrors reports whether any problem is an error.
func HasErrors(problems []Problem) bool {
	return slices.ContainsFunc(problems, func(p Problem) bool { return p.Severity == SeverityError })
}

var kindOrder = []string{"project", "threat actor", "zone", "conduit", "asset", "threat scenario", "countermeasure", "decision"}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if a.Severity != b.Severity {
			if a.Severity == SeverityError {
				return -1
			}
			return 1
		}
		return cmp.Or(
			cmp.Compare(slices.Index(kindOrder, a.Kind), slices.Index(kindOrder, b.Kind)),
			strings.Compare(a.Object, b.Object),
			strings.Compare(string(a.ObjectID), string(b.ObjectID)),
			strings.Compare(a.Field, b.Field),
			strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Message, b.Message),
		)
	})
}

// subject identifies the object a problem is about.
type subject struct {
	kind string
	id   ID
	name string
}

// add records a problem whose message is the catalogue message key
// ("problem.…") with args as its placeholders V1, V2…; an empty key takes
// the single arg's text as it is (an error from a parser).
func (v *validator) add(sev Severity, rule string, s subject, field, key string, args ...any) {
	pr := Problem{Severity: sev, Rule: rule, Kind: s.kind, ObjectID: s.id, Object: s.name, Field: field}
	if key == "" {
		pr.Message = fmt.Sprint(args...)
	} else {
		kv := make([]any, 0, 2*len(args))
		for i, a := range args {
			kv = append(kv, "V"+strconv.Itoa(i+1), a)
		}
		pr.Msg = i18n.M(key, kv...)
		pr.Message = pr.Msg.EN()
	}
	v.problems = append(v.problems, pr)
}

func (v *validator) errorf(rule string, s subject, field, key string, args ...any) {
	v.add(SeverityError, rule, s, field, key, args...)
}

func (v *validator) warnf(rule string, s subject, field, key string, args ...any) {
	v.add(SeverityWarning, rule, s, field, key, args...)
}

// quote is a value in Go quotes, as %q writes it.
func quote(x any) string { return fmt.Sprintf("%q", x) }

// fmtG is a number as %g writes it.
func fmtG(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// indexAndIDs builds the lookup maps and reports missing and duplicate IDs
// across all collections (IDs are unique in the whole project).
func (v *validator) indexAndIDs() {
	p := v.p
	seen := map[ID]string{}
	check := func(s subject) bool {
		if s.id == "" {
			v.errorf(RuleMissingID, s, "id", "problem.empty-unique-id")
			return false
		}
		if prev, dup := seen[s.id]; dup {
			v.errorf(RuleDuplicateID, s, "id", "problem.also-id", quote(s.id), prev)
			return false
		}
		seen[s.id] = s.kind
		v.all[s.id] = true
		return true
	}
	for i := range p.Actors {
		if x := &p.Actors[i]; check(subject{"threat actor", x.ID, x.Name}) {
			v.actors[x.ID] = x
		}
	}
	for i := range p.Zones {
		if x := &p.Zones[i]; check(subject{"zone", x.ID, x.Name}) {
			v.zones[x.ID] = x
		}
	}
	for i := range p.Conduits {
		if x := &p.Conduits[i]; check(subject{"conduit", x.ID, x.Name}) {
			v.conduits[x.ID] = x
		}
	}
	for i := range p.Assets {
		if x := &p.Assets[i]; check(subject{"asset", x.ID, x.Name}) {
			v.assets[x.ID] = x
		}
	}
	for i := range p.Scenarios {
		x := &p.Scenarios[i]
		check(subject{"threat scenario", x.ID, x.Name})
	}
	for i := range p.Countermeasures {
		if x := &p.Countermeasures[i]; check(subject{"countermeasure", x.ID, x.MeasureID}) {
			v.cms[x.ID] = x
		}
	}
	for i := range p.Decisions {
		x := &p.Decisions[i]
		check(subject{"decision", x.ID, x.Subject})
	}
}

// findCycles marks every zone on a parent cycle, in time linear in the number
// of zones however deep the nesting.
func (v *validator) findCycles() {
	v.inCycle = map[ID]bool{}
	const onPath, done = 1, 2
	state := make(map[ID]int, len(v.zones))
	for i := range v.p.Zones {
		var path []ID
		cur := v.zones[v.p.Zones[i].ID]
		for cur != nil && state[cur.ID] == 0 {
			state[cur.ID] = onPath
			path = append(path, cur.ID)
			cur = v.zones[cur.ParentID]
		}
		if cur != nil && state[cur.ID] == onPath {
			for _, id := range path[slices.Index(path, cur.ID):] {
				v.inCycle[id] = true
			}
		}
		for _, id := range path {
			state[id] = done
		}
	}
}

func (v *validator) name(s subject, name string) {
	if strings.TrimSpace(name) == "" {
		v.errorf(RuleEmptyName, s, "name", "problem.empty-name")
	}
}

// date checks an optional "YYYY-MM-DD" date.
func (v *validator) date(s subject, field, value string) {
	if value == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, value); err != nil {
		v.errorf(RuleDate, s, field, "problem.not-date-yyyy-mm-dd", quote(truncate(value, 40)))
	}
}

func (v *validator) project() {
	p := v.p
	s := subject{"project", p.ID, p.Name}
	v.name(s, p.Name)
	v.date(s, "date", p.Date)
	for i, a := range p.Approvals {
		v.date(s, fmt.Sprintf("approvals[%d].date", i), a.Date)
	}
	if !slices.Contains(DocumentLanguages, p.Language) {
		v.errorf(RuleEnum, s, "language", "problem.unknown-en-de-none", quote(p.Language))
	}
	if !p.Method.Valid() {
		v.errorf(RuleEnum, s, "sltMethod", "problem.unknown-one", quote(p.Method), list(SLTMethods()))
	}
	for i, f := range p.NotApplicable {
		if !f.Valid() {
			v.errorf(RuleRange, s, fmt.Sprintf("notApplicableFRs[%d]", i), "problem.out-range-1-7", f)
		}
	}
	if len(p.NotApplicable) > 0 && strings.TrimSpace(p.NotApplicableJustification) == "" {
		v.errorf(RuleJustification, s, "notApplicableJustification", "problem.not-applicable-justification")
	}
	v.matrix(s, &p.Matrix)
	v.regulations(s, p.SUC.Regulations)
}

func (v *validator) matrix(s subject, m *RiskMatrix) {
	scale := func(field string, levels []ScaleLevel) {
		if len(levels) == 0 {
			v.errorf(RuleMatrix, s, "riskMatrix."+field, "problem.empty-at-least-one-level")
		}
		for i, l := range levels {
			if l.Level != i+1 {
				v.errorf(RuleMatrix, s, fmt.Sprintf("riskMatrix.%s[%d].level", field, i), "problem.levels-count-up-from-1", l.Level, i+1)
			}
		}
	}
	scale("likelihoods", m.Likelihoods)
	scale("consequences", m.Consequences)
	for i, c := range m.Categories {
		if !c.Valid() {
			v.errorf(RuleEnum, s, fmt.Sprintf("riskMatrix.categories[%d]", i), "problem.unknown-one", quote(c), list(ConsequenceCategories()))
		}
	}
	if !m.Tolerable.Valid() {
		v.errorf(RuleEnum, s, "riskMatrix.tolerable", "problem.unknown-one", quote(m.Tolerable), list(RiskLevels()))
	}
	type cell struct{ l, c int }
	defined := map[cell]bool{}
	for i, c := range m.Cells {
		f := fmt.Sprintf("riskMatrix.cells[%d]", i)
		switch {
		case c.Likelihood < 1 || c.Likelihood > len(m.Likelihoods):
			v.errorf(RuleMatrix, s, f+".likelihood", "problem.out-range-1", c.Likelihood, len(m.Likelihoods))
		case c.Consequence < 1 || c.Consequence > len(m.Consequences):
			v.errorf(RuleMatrix, s, f+".consequence", "problem.out-range-1", c.Consequence, len(m.Consequences))
		case !c.Level.Valid():
			v.errorf(RuleEnum, s, f+".level", "problem.unknown-one", quote(c.Level), list(RiskLevels()))
		case defined[cell{c.Likelihood, c.Consequence}]:
			v.errorf(RuleMatrix, s, f, "problem.likelihood-consequence-defined-twice", c.Likelihood, c.Consequence)
		}
		defined[cell{c.Likelihood, c.Consequence}] = true
	}
	for l := 1; l <= len(m.Likelihoods); l++ {
		for c := 1; c <= len(m.Consequences); c++ {
			if !defined[cell{l, c}] {
				v.errorf(RuleMatrix, s, "riskMatrix.cells", "problem.likelihood-consequence-has-no-risk", l, c)
			}
		}
	}
}

func (v *validator) actor(a *ThreatActor) {
	s := subject{"threat actor", a.ID, a.Name}
	v.name(s, a.Name)
	if a.Capability < 1 || a.Capability > MaxSL {
		v.errorf(RuleRange, s, "capability", "problem.out-range-1", a.Capability, MaxSL)
	}
}

func (v *validator) overrides(s subject, os []SLOverride) {
	seen := map[FR]bool{}
	for i, o := range os {
		f := fmt.Sprintf("sltOverrides[%d]", i)
		if !o.FR.Valid() {
			v.errorf(RuleRange, s, f+".fr", "problem.out-range-1-7", o.FR)
		} else if seen[o.FR] {
			v.errorf(RuleDuplicateEntry, s, f+".fr", "problem.overridden-twice", o.FR)
		}
		seen[o.FR] = true
		if o.SL < 0 || o.SL > MaxSL {
			v.errorf(RuleRange, s, f+".sl", "problem.out-range-0", o.SL, MaxSL)
		}
		if strings.TrimSpace(o.Justification) == "" {
			v.errorf(RuleJustification, s, f+".justification", "problem.sl-t-override-has-no", o.FR)
		}
	}
}

func (v *validator) zone(z *Zone) {
	s := subject{"zone", z.ID, z.Name}
	v.name(s, z.Name)
	if !z.Type.Valid() {
		v.errorf(RuleEnum, s, "type", "problem.unknown-one", quote(z.Type), list(ZoneTypes()))
	}
	if !slices.Contains(PurdueLevels, z.PurdueLevel) {
		v.errorf(RuleRange, s, "purdueLevel", "problem.purdue-out-of-range", strconv.FormatFloat(z.PurdueLevel, 'g', -1, 64))
	}
	if z.ParentID != "" {
		switch {
		case z.ParentID == z.ID:
			v.errorf(RuleZoneCycle, s, "parentId", "problem.zone-own-parent")
		case v.zones[z.ParentID] == nil:
			v.errorf(RuleDangling, s, "parentId", "problem.no-zone-id", quote(z.ParentID))
		case v.inCycle[z.ID]:
			v.errorf(RuleZoneCycle, s, "parentId", "problem.zone-own-ancestor-through-parent", quote(v.zones[z.ParentID].Name))
		}
	}
	for i, ef := range z.EssentialFunctions {
		f := fmt.Sprintf("essentialFunctions[%d]", i)
		if strings.TrimSpace(ef.Name) == "" {
			v.errorf(RuleEmptyName, s, f+".name", "problem.empty-name")
		}
		if !ef.Kind.Valid() {
			v.errorf(RuleEnum, s, f+".kind", "problem.unknown-one", quote(ef.Kind), list(EssentialKinds()))
		}
		for j, im := range ef.Intolerant {
			if !im.Valid() {
				v.errorf(RuleEnum, s, fmt.Sprintf("%s.intolerant[%d]", f, j), "problem.unknown-one", quote(im), list(Impacts()))
			}
		}
	}
	for i, r := range z.Roles {
		if strings.TrimSpace(r.Name) == "" {
			v.errorf(RuleEmptyName, s, fmt.Sprintf("roles[%d].name", i), "problem.empty-name")
		}
	}
	v.overrides(s, z.SLTOverrides)
	if z.Bounds.W < 0 || z.Bounds.H < 0 {
		v.errorf(RuleRange, s, "bounds", "problem.size-negative", fmtG(z.Bounds.W), fmtG(z.Bounds.H))
	}
}

func (v *validator) conduit(c *Conduit) {
	s := subject{"conduit", c.ID, c.Name}
	v.name(s, c.Name)
	if !c.Type.Valid() {
		v.errorf(RuleEnum, s, "type", "problem.unknown-one", quote(c.Type), list(ConduitTypes()))
	}
	distinct := map[ID]bool{}
	for i, id := range c.ZoneIDs {
		f := fmt.Sprintf("zoneIds[%d]", i)
		switch {
		case v.zones[id] == nil:
			v.errorf(RuleDangling, s, f, "problem.no-zone-id", quote(id))
		case distinct[id]:
			v.errorf(RuleConduitSelf, s, f, "problem.joins-zone-itself", quote(v.zones[id].Name))
		}
		distinct[id] = true
	}
	if len(distinct) < 2 {
		v.errorf(RuleConduitZones, s, "zoneIds", "problem.joins-distinct-zone-s-at", len(distinct))
	}
	for i, fl := range c.Flows {
		f := fmt.Sprintf("flows[%d]", i)
		ref := func(field string, id ID, optional bool) {
			switch {
			case id == "" && optional:
			case id == "":
				v.errorf(RuleDangling, s, f+"."+field, "problem.empty-one-conduit-s-zones")
			case v.zones[id] == nil:
				v.errorf(RuleDangling, s, f+"."+field, "problem.no-zone-id", quote(id))
			case !distinct[id]:
				v.errorf(RuleFlowZone, s, f+"."+field, "problem.zone-not-joined-conduit", quote(v.zones[id].Name))
			}
		}
		ref("from", fl.From, false)
		ref("to", fl.To, false)
		ref("initiator", fl.Initiator, true)
		if strings.TrimSpace(fl.Protocol) == "" {
			v.errorf(RuleEmptyName, s, f+".protocol", "problem.empty-protocol-name")
		}
		if fl.Kind != "" && !fl.Kind.Valid() {
			v.errorf(RuleEnum, s, f+".kind", "problem.unknown-one", quote(fl.Kind), list(FlowKinds()))
		}
		if strings.EqualFold(strings.TrimSpace(fl.Protocol), "any") {
			v.warnf(RuleLeastPrivilege, s, f+".protocol", "problem.any-protocol-list-permitted-protocols")
		}
		if strings.EqualFold(strings.TrimSpace(fl.Port), "any") {
			v.warnf(RuleLeastPrivilege, s, f+".port", "problem.any-port-list-permitted-ports", quote(truncate(fl.Protocol, 40)))
		} else if msg := checkPort(fl.Port); msg != "" {
			v.errorf(RuleRange, s, f+".port", "", msg)
		}
	}
	v.overrides(s, c.SLTOverrides)
}

// checkPort accepts "", a port 1..65535, a range "a-b", or a comma list of
// those; it returns what is wrong otherwise.
func checkPort(port string) string {
	port = strings.TrimSpace(port)
	if port == "" {
		return ""
	}
	for part := range strings.SplitSeq(port, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, errA := strconv.Atoi(strings.TrimSpace(lo))
		b := a
		var errB error
		if isRange {
			b, errB = strconv.Atoi(strings.TrimSpace(hi))
		}
		if errA != nil || errB != nil {
			return fmt.Sprintf("%q is not a port, want a number 1..65535, a range such as 34962-34964, or \"any\"", truncate(port, 40))
		}
		if a < 1 || b > 65535 || a > b {
			return fmt.Sprintf("%q is out of range, want ports 1..65535", truncate(port, 40))
		}
	}
	return ""
}

func (v *validator) asset(a *Asset) {
	s := subject{"asset", a.ID, a.Name}
	v.name(s, a.Name)
	if !a.Class.Valid() {
		v.errorf(RuleEnum, s, "class", "problem.unknown-one", quote(a.Class), list(AssetClasses()))
	}
	if a.Function != "" && !a.Function.Valid() {
		v.errorf(RuleEnum, s, "function", "problem.unknown-one", quote(a.Function), list(AssetFunctions()))
	}
	if a.Criticality != "" && !a.Criticality.Valid() {
		v.errorf(RuleEnum, s, "criticality", "problem.unknown-one", quote(a.Criticality), list(Criticalities()))
	}
	if a.SLCSource != "" && !a.SLCSource.Valid() {
		v.errorf(RuleEnum, s, "slCSource", "problem.unknown-one", quote(a.SLCSource), list(SLCSources()))
	}
	if a.SupplierSDL != "" && !a.SupplierSDL.Valid() {
		v.errorf(RuleEnum, s, "supplierSdl", "problem.unknown-one", quote(a.SupplierSDL), list(SupplierSDLs()))
	}
	switch {
	case a.ZoneID == "":
		v.errorf(RuleNoZone, s, "zoneId", "problem.asset-no-zone-exactly-one")
	case v.zones[a.ZoneID] == nil:
		v.errorf(RuleDangling, s, "zoneId", "problem.no-zone-id", quote(a.ZoneID))
	}
	for i, sl := range a.SLC {
		if sl < 0 || sl > MaxSL {
			v.errorf(RuleRange, s, "slC", "problem.slc-out-of-range", i+1, sl, MaxSL)
		}
	}
	seen := map[string]bool{}
	for i, fp := range a.FocusPoints {
		f := fmt.Sprintf("focusPoints[%d]", i)
		if a.Class.Valid() && FocusPointTitle(a.Class, fp.Key) == fp.Key {
			v.errorf(RuleUnknownFocus, s, f+".key", "problem.not-focus-point-class", quote(truncate(fp.Key, 40)), a.Class)
		} else if seen[fp.Key] {
			v.errorf(RuleDuplicateEntry, s, f+".key", "problem.focus-point-listed-twice", quote(fp.Key))
		}
		seen[fp.Key] = true
		if !fp.Status.Valid() {
			v.errorf(RuleEnum, s, f+".status", "problem.unknown-one", quote(fp.Status), list(FocusStatuses()))
		}
	}
}

// target checks a (kind, id) reference of a scenario or countermeasure.
func (v *validator) target(s subject, kind TargetKind, id ID) {
	if !kind.Valid() {
		v.errorf(RuleEnum, s, "targetKind", "problem.unknown-one", quote(kind), list(TargetKinds()))
		return
	}
	if id == "" {
		v.errorf(RuleDangling, s, "targetId", "problem.empty-id", kind)
		return
	}
	found := false
	switch kind {
	case TargetZone:
		found = v.zones[id] != nil
	case TargetConduit:
		found = v.conduits[id] != nil
	case TargetAsset:
		found = v.assets[id] != nil
	}
	if !found {
		v.errorf(RuleDangling, s, "targetId", "problem.no-id", kind, quote(id))
	}
}

func (v *validator) scenario(sc *ThreatScenario) {
	s := subject{"threat scenario", sc.ID, sc.Name}
	v.name(s, sc.Name)
	switch {
	case sc.ActorID == "":
		v.errorf(RuleDangling, s, "actorId", "problem.empty-threat-actor")
	case v.actors[sc.ActorID] == nil:
		v.errorf(RuleDangling, s, "actorId", "problem.no-threat-actor-id", quote(sc.ActorID))
	}
	v.target(s, sc.TargetKind, sc.TargetID)
	seen := map[FR]bool{}
	for i, f := range sc.FRs {
		switch {
		case !f.Valid():
			v.errorf(RuleRange, s, fmt.Sprintf("frs[%d]", i), "problem.out-range-1-7", f)
		case seen[f]:
			v.errorf(RuleDuplicateEntry, s, fmt.Sprintf("frs[%d]", i), "problem.listed-twice", f)
		}
		seen[f] = true
	}
	m := &v.p.Matrix
	for i, c := range sc.Consequences {
		f := fmt.Sprintf("consequences[%d]", i)
		if !c.Category.Valid() {
			v.errorf(RuleEnum, s, f+".category", "problem.unknown-one", quote(c.Category), list(ConsequenceCategories()))
		}
		if c.Level < 1 || c.Level > len(m.Consequences) {
			v.errorf(RuleRange, s, f+".level", "problem.out-of-range-consequence-scale", c.Level, len(m.Consequences))
		}
	}
	if sc.Likelihood < 1 || sc.Likelihood > len(m.Likelihoods) {
		v.errorf(RuleRange, s, "likelihood", "problem.out-of-range-likelihood-scale", sc.Likelihood, len(m.Likelihoods))
	}
	for i, t := range sc.Techniques {
		if !techniqueRE.MatchString(t) {
			v.errorf(RuleTechnique, s, fmt.Sprintf("techniques[%d]", i), "problem.not-attack-technique", quote(truncate(t, 40)))
		}
	}
	if sc.Treatment != "" && !sc.Treatment.Valid() {
		v.errorf(RuleEnum, s, "treatment", "problem.unknown-one", quote(sc.Treatment), list(Treatments()))
	}
	switch sc.Treatment {
	case TreatmentAccept, TreatmentTransfer, TreatmentAvoid:
		if strings.TrimSpace(sc.TreatmentNote) == "" {
			v.errorf(RuleTreatmentNote, s, "treatmentNote", "problem.treatment-needs-note-saying-why", quote(sc.Treatment))
		}
	}
	for i, id := range sc.Countermeasures {
		if v.cms[id] == nil {
			v.errorf(RuleDangling, s, fmt.Sprintf("countermeasures[%d]", i), "problem.no-countermeasure-id", quote(id))
		}
	}
	v.entry(s, sc)
	for i, id := range sc.Vulnerabilities {
		if !slices.ContainsFunc(v.p.Vulnerabilities, func(x Vulnerability) bool { return x.ID == id }) {
			v.errorf(RuleDangling, s, fmt.Sprintf("vulnerabilities[%d]", i), "problem.no-vulnerability-id", quote(id))
		}
	}
}

func (v *validator) countermeasure(c *CountermeasureInstance) {
	s := subject{"countermeasure", c.ID, c.MeasureID}
	if strings.TrimSpace(c.MeasureID) == "" {
		v.errorf(RuleEmptyName, s, "measureId", "problem.empty-measure-id")
	}
	v.target(s, c.TargetKind, c.TargetID)
	if !c.Status.Valid() {
		v.errorf(RuleEnum, s, "status", "problem.unknown-one", quote(c.Status), list(MeasureStatuses()))
	}
	if c.Status == StatusRejected && strings.TrimSpace(c.Reason) == "" {
		v.errorf(RuleRejectedReason, s, "reason", "problem.rejected-countermeasure-needs-reason")
	}
	v.date(s, "due", c.Due)
}

func (v *validator) decision(d *Decision) {
	s := subject{"decision", d.ID, d.Subject}
	if d.At != "" {
		if _, err := time.Parse(time.RFC3339, d.At); err != nil {
			if _, err := time.Parse(time.DateOnly, d.At); err != nil {
				v.errorf(RuleDate, s, "at", "problem.not-a-time", quote(truncate(d.At, 40)))
			}
		}
	}
	// The log outlives the objects it mentions, so a missing one is a warning.
	if d.ObjectID != "" && !v.all[d.ObjectID] {
		v.warnf(RuleDanglingDecision, s, "objectId", "problem.object-no-longer-exists", quote(d.ObjectID))
	}
}

// zoning applies the zoning rules of IEC 62443-3-2 ZCR 3.2–3.6 and the
// Purdue-level rule for conduits; all are warnings.
func (v *validator) zoning() {
	p := v.p
	type zoneStats struct {
		business, control, other, total, transient, wireless, external int
	}
	stats := make(map[ID]*zoneStats, len(v.zones))
	for id := range v.zones {
		stats[id] = &zoneStats{}
	}
	for i := range p.Assets {
		a := &p.Assets[i]
		st := stats[a.ZoneID]
		if st == nil {
			continue
		}
		st.total++
		switch a.Function {
		case FunctionBusiness:
			st.business++
		case FunctionControl, FunctionSafety:
			st.control++
		}
		if a.Transient {
			st.transient++
		}
		if a.Exposure.Wireless {
			st.wireless++
		}
		if a.Exposure.ExternallyReachable {
			st.external++
		}
	}
	for i := range p.Zones {
		z := &p.Zones[i]
		st := stats[z.ID]
		if st == nil {
			continue
		}
		if st.business > 0 && st.control > 0 {
			v.warnf(RuleMixedFunctions, subject{"zone", z.ID, z.Name}, "", "problem.mixed-functions", st.business, st.control)
		}
	}
	for i := range p.Assets {
		a := &p.Assets[i]
		z := v.zones[a.ZoneID]
		if z == nil {
			continue
		}
		st := stats[z.ID]
		s := subject{"asset", a.ID, a.Name}
		if a.Function == FunctionSafety && !z.IsSafety() {
			v.warnf(RuleSafetyZone, s, "zoneId", "problem.safety-asset-outside", quote(z.Name))
		}
		if z.IsSafety() && (a.Function == FunctionBusiness || a.Function == FunctionControl) {
			v.warnf(RuleSafetyZone, s, "zoneId", "problem.asset-in-safety-zone", a.Function, quote(z.Name))
		}
		if a.Transient && z.Type != ZoneTransient && st.transient != st.total {
			v.warnf(RuleTransientZone, s, "zoneId", "problem.transient-device", quote(z.Name))
		}
		if a.Exposure.Wireless && z.Type != ZoneWireless && st.wireless != st.total {
			v.warnf(RuleWirelessZone, s, "zoneId", "problem.wireless-device", quote(z.Name))
		}
		if a.Exposure.ExternallyReachable && z.Type != ZoneRemoteAccess && z.Type != ZoneDMZ && st.external != st.total {
			v.warnf(RuleExternalZone, s, "zoneId", "problem.external-device", quote(z.Name))
		}
	}
	for i := range p.Conduits {
		c := &p.Conduits[i]
		var zs []*Zone
		for _, id := range c.ZoneIDs {
			if z := v.zones[id]; z != nil && !slices.Contains(zs, z) {
				zs = append(zs, z)
			}
		}
		if len(zs) < 2 {
			continue
		}
		lo, hi, dmz := zs[0], zs[0], false
		for _, z := range zs {
			if z.PurdueLevel < lo.PurdueLevel {
				lo = z
			}
			if z.PurdueLevel > hi.PurdueLevel {
				hi = z
			}
			dmz = dmz || z.Type == ZoneDMZ || z.PurdueLevel == 3.5
		}
		if hi.PurdueLevel-lo.PurdueLevel > 1 && !dmz {
			v.warnf(RulePurdueSkip, subject{"conduit", c.ID, c.Name}, "zoneIds", "problem.purdue-skip", quote(hi.Name), fmtG(hi.PurdueLevel), quote(lo.Name), fmtG(lo.PurdueLevel))
		}
	}
}

// list formats enum values for messages: "a, b or c".
func list[T ~string](values []T) string {
	parts := make([]string, len(values))
	for i, x := range values {
		parts[i] = string(x)
	}
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
