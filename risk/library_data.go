package risk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"zonewise/assets"
	"zonewise/model"
)

// Embedded library files in package assets.
const (
	measuresFile   = "library/countermeasures.json"
	threatsFile    = "library/threats.json"
	techniquesFile = "library/attack-ics.json"
)

// Technique is one MITRE ATT&CK for ICS technique that the threat library may
// cite. The table is pinned to one ATT&CK release (see AttackVersion).
type Technique struct {
	ID   string `json:"id"` // "T0866"
	Name string `json:"name"`
	// V19 is the sub-technique that replaced this technique in ATT&CK for ICS
	// v19, for the nine techniques v19 revoked (e.g. T0855 → T1692.001).
	V19 string `json:"v19,omitempty"`
}

type techniqueTable struct {
	Matrix     string      `json:"matrix"`
	Version    string      `json:"version"`
	Source     string      `json:"source"`
	Techniques []Technique `json:"techniques"`
}

var attackTable = sync.OnceValues(func() (*techniqueTable, error) {
	data, err := assets.Library.ReadFile(techniquesFile)
	if err != nil {
		return nil, fmt.Errorf("ATT&CK for ICS table: %w", err)
	}
	t, err := parseTechniques(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", techniquesFile, err)
	}
	return t, nil
})

// AttackVersion is the MITRE ATT&CK for ICS release the technique table and
// the threat library are written against, e.g. "18.1".
func AttackVersion() string {
	t, err := attackTable()
	if err != nil {
		return ""
	}
	return t.Version
}

// Techniques returns the ATT&CK for ICS techniques the threat library may
// cite, in ID order. Callers must not modify it.
func Techniques() []Technique {
	t, err := attackTable()
	if err != nil {
		return nil
	}
	return t.Techniques
}

// TechniqueByID returns the ATT&CK for ICS technique with the given ID.
func TechniqueByID(id string) (Technique, bool) {
	for _, t := range Techniques() {
		if t.ID == id {
			return t, true
		}
	}
	return Technique{}, false
}

// loadLibraries decodes and validates the embedded countermeasure and threat
// libraries.
func loadLibraries() (measures []Measure, threats []ThreatTemplate, err error) {
	table, err := attackTable()
	if err != nil {
		return nil, nil, err
	}
	known := make(map[string]bool, len(table.Techniques))
	for _, t := range table.Techniques {
		known[t.ID] = true
	}
	data, err := assets.Library.ReadFile(measuresFile)
	if err != nil {
		return nil, nil, fmt.Errorf("countermeasure library: %w", err)
	}
	if measures, err = parseMeasures(data); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", measuresFile, err)
	}
	if data, err = assets.Library.ReadFile(threatsFile); err != nil {
		return nil, nil, fmt.Errorf("threat library: %w", err)
	}
	if threats, err = parseThreats(data, known); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", threatsFile, err)
	}
	return measures, threats, nil
}

var (
	measureIDPattern   = regexp.MustCompile(`^CM-[A-Z0-9]+(-[A-Z0-9]+)*$`)
	threatIDPattern    = regexp.MustCompile(`^TH-[A-Z0-9]+(-[A-Z0-9]+)*$`)
	techniquePattern   = regexp.MustCompile(`^T[0-9]{4}(\.[0-9]{3})?$`)
	systemReqIDPattern = regexp.MustCompile(`^SR ([1-7])\.([1-9][0-9]?)( RE ([1-9][0-9]?))?$`)
)

// SystemRequirementFR returns the foundational requirement of an IEC
// 62443-3-3 identifier such as "SR 5.2 RE 1" (its first number), and false
// when id is not written like an SR or RE.
func SystemRequirementFR(id string) (model.FR, bool) {
	m := systemReqIDPattern.FindStringSubmatch(id)
	if m == nil {
		return 0, false
	}
	return model.FR(m[1][0] - '0'), true
}

// parseMeasures strictly decodes and validates the countermeasure library.
func parseMeasures(data []byte) ([]Measure, error) {
	measures, err := decodeEntries[Measure](data, "measure")
	if err != nil {
		return nil, err
	}
	var problems []error
	seen := map[string]int{}
	for i := range measures {
		m := &measures[i]
		name := entryName("measure", i, m.ID)
		if j, dup := seen[m.ID]; dup && m.ID != "" {
			problems = append(problems, fmt.Errorf("%s: id %q is already used by measure %d", name, m.ID, j+1))
		}
		seen[m.ID] = i
		for _, p := range validateMeasure(m) {
			problems = append(problems, fmt.Errorf("%s: %s", name, p))
		}
	}
	if err := errors.Join(problems...); err != nil {
		return nil, err
	}
	return measures, nil
}

func validateMeasure(m *Measure) []string {
	var p []string
	if !measureIDPattern.MatchString(m.ID) {
		p = append(p, fmt.Sprintf(`field "id" is %q, want CM- and upper-case words joined by hyphens`, m.ID))
	}
	p = append(p, checkText("name", m.Name)...)
	p = append(p, checkText("summary", m.Summary)...)
	if !m.Kind.Valid() {
		p = append(p, fmt.Sprintf(`field "kind" is %q, want one of %s`, m.Kind, quoteAll(MeasureKinds())))
	}
	if err := m.Max.Check(); err != nil {
		p = append(p, fmt.Sprintf(`field "max": %v`, err))
	}
	if m.Max.IsZero() {
		p = append(p, `field "max" is all zero, want at least one FR above 0`)
	}
	supported := map[model.FR]bool{}
	seen := map[string]bool{}
	for _, id := range m.Requirements {
		fr, ok := SystemRequirementFR(id)
		switch {
		case !ok:
			p = append(p, fmt.Sprintf(`field "requirements": %q is not an IEC 62443-3-3 identifier like "SR 5.2" or "SR 1.1 RE 2"`, id))
			continue
		case seen[id]:
			p = append(p, fmt.Sprintf(`field "requirements": %q is listed twice`, id))
		case m.Max.Get(fr) == 0:
			p = append(p, fmt.Sprintf(`field "requirements": %q belongs to %s but "max" for %s is 0`, id, fr, fr))
		}
		seen[id] = true
		supported[fr] = true
	}
	for _, fr := range model.AllFRs {
		if m.Max.Get(fr) > 0 && !supported[fr] {
			p = append(p, fmt.Sprintf(`field "max": %s is %d but no requirement of %s is listed`, fr, m.Max.Get(fr), fr))
		}
	}
	if len(m.Targets) == 0 {
		p = append(p, `field "targets" is empty, want zone, conduit and/or asset`)
	}
	p = append(p, checkEnums("targets", m.Targets, model.TargetKind.Valid, model.TargetKinds())...)
	p = append(p, checkEnums("zoneTypes", m.ZoneTypes, model.ZoneType.Valid, model.ZoneTypes())...)
	p = append(p, checkEnums("conduitTypes", m.ConduitTypes, model.ConduitType.Valid, model.ConduitTypes())...)
	p = append(p, checkEnums("assetClasses", m.AssetClasses, model.AssetClass.Valid, model.AssetClasses())...)
	p = append(p, checkEnums("media", m.Media, Medium.Valid, Media())...)
	p = append(p, checkEnums("flowKinds", m.FlowKinds, model.FlowKind.Valid, model.FlowKinds())...)
	if !m.FlowEffect.Valid() {
		p = append(p, fmt.Sprintf(`field "flowEffect" is %q, want "one-way", "cut", "island" or none`, m.FlowEffect))
	}
	if len(m.FlowKinds) > 0 && !slices.Contains(m.Targets, model.TargetConduit) {
		p = append(p, `field "flowKinds" restricts conduit targets, but "targets" has no conduit`)
	}
	p = append(p, checkEnums("impacts", m.Impacts, model.Impact.Valid, model.Impacts())...)
	if m.Effort < 1 || m.Effort > 3 {
		p = append(p, fmt.Sprintf(`field "effort" is %d, want 1 (low), 2 (medium) or 3 (high)`, m.Effort))
	}
	return p
}

// parseThreats strictly decodes and validates the threat library; known
// holds the ATT&CK technique IDs that may be cited.
func parseThreats(data []byte, known map[string]bool) ([]ThreatTemplate, error) {
	threats, err := decodeEntries[ThreatTemplate](data, "threat")
	if err != nil {
		return nil, err
	}
	var problems []error
	seen := map[string]int{}
	for i := range threats {
		t := &threats[i]
		name := entryName("threat", i, t.ID)
		if j, dup := seen[t.ID]; dup && t.ID != "" {
			problems = append(problems, fmt.Errorf("%s: id %q is already used by threat %d", name, t.ID, j+1))
		}
		seen[t.ID] = i
		for _, p := range validateThreat(t, known) {
			problems = append(problems, fmt.Errorf("%s: %s", name, p))
		}
	}
	if err := errors.Join(problems...); err != nil {
		return nil, err
	}
	return threats, nil
}

func validateThreat(t *ThreatTemplate, known map[string]bool) []string {
	var p []string
	if !threatIDPattern.MatchString(t.ID) {
		p = append(p, fmt.Sprintf(`field "id" is %q, want TH- and upper-case words joined by hyphens`, t.ID))
	}
	p = append(p, checkText("name", t.Name)...)
	p = append(p, checkText("description", t.Description)...)
	if len(t.Techniques) == 0 {
		p = append(p, `field "techniques" is empty, want at least one ATT&CK for ICS technique ID`)
	}
	seen := map[string]bool{}
	for _, id := range t.Techniques {
		switch {
		case !techniquePattern.MatchString(id):
			p = append(p, fmt.Sprintf(`field "techniques": %q is not written like an ATT&CK technique ID ("T0866")`, id))
		case !known[id]:
			p = append(p, fmt.Sprintf(`field "techniques": %q is not in the ATT&CK for ICS table (%s)`, id, techniquesFile))
		case seen[id]:
			p = append(p, fmt.Sprintf(`field "techniques": %q is listed twice`, id))
		}
		seen[id] = true
	}
	if t.Capability < 1 || t.Capability > model.MaxSL {
		p = append(p, fmt.Sprintf(`field "capability" is %d, want 1..4`, t.Capability))
	}
	if len(t.FRs) == 0 {
		p = append(p, `field "frs" is empty, want at least one FR 1..7`)
	}
	seenFR := map[model.FR]bool{}
	for _, fr := range t.FRs {
		switch {
		case !fr.Valid():
			p = append(p, fmt.Sprintf(`field "frs": %d is not an FR, want 1..7`, fr))
		case seenFR[fr]:
			p = append(p, fmt.Sprintf(`field "frs": %s is listed twice`, fr))
		}
		seenFR[fr] = true
	}
	if len(t.EntryPoints) == 0 {
		p = append(p, `field "entryPoints" is empty, want at least one`)
	}
	for i, e := range t.EntryPoints {
		if strings.TrimSpace(e) == "" {
			p = append(p, fmt.Sprintf(`field "entryPoints": entry %d is blank`, i+1))
		}
	}
	if len(t.Targets) == 0 {
		p = append(p, `field "targets" is empty, want zone, conduit and/or asset`)
	}
	p = append(p, checkEnums("targets", t.Targets, model.TargetKind.Valid, model.TargetKinds())...)
	p = append(p, checkEnums("assetClasses", t.AssetClasses, model.AssetClass.Valid, model.AssetClasses())...)
	p = append(p, checkEnums("zoneTypes", t.ZoneTypes, model.ZoneType.Valid, model.ZoneTypes())...)
	p = append(p, checkEnums("conduitTypes", t.ConduitTypes, model.ConduitType.Valid, model.ConduitTypes())...)
	p = append(p, checkEnums("requires", t.Requires, validExposure, Exposures())...)
	if t.Likelihood < 1 || t.Likelihood > 5 {
		p = append(p, fmt.Sprintf(`field "likelihood" is %d, want 1..5`, t.Likelihood))
	}
	if len(t.Consequences) == 0 {
		p = append(p, `field "consequences" is empty, want at least one category and level`)
	}
	seenCat := map[model.ConsequenceCategory]bool{}
	for _, c := range t.Consequences {
		switch {
		case !c.Category.Valid():
			p = append(p, fmt.Sprintf(`field "consequences": category %q is unknown, want one of %s`, c.Category, quoteAll(model.ConsequenceCategories())))
		case seenCat[c.Category]:
			p = append(p, fmt.Sprintf(`field "consequences": category %q is listed twice`, c.Category))
		}
		seenCat[c.Category] = true
		if c.Level < 1 || c.Level > 5 {
			p = append(p, fmt.Sprintf(`field "consequences": %s level is %d, want 1..5`, c.Category, c.Level))
		}
	}
	return p
}

// parseTechniques strictly decodes and validates the ATT&CK for ICS table.
func parseTechniques(data []byte) (*techniqueTable, error) {
	var t techniqueTable
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return nil, describeDecodeError(err)
	}
	if dec.More() {
		return nil, errors.New("unexpected data after the table")
	}
	var problems []error
	if strings.TrimSpace(t.Version) == "" {
		problems = append(problems, errors.New(`field "version" is empty`))
	}
	if len(t.Techniques) == 0 {
		problems = append(problems, errors.New(`field "techniques" is empty`))
	}
	seen := map[string]bool{}
	for i, tech := range t.Techniques {
		name := entryName("technique", i, tech.ID)
		switch {
		case !techniquePattern.MatchString(tech.ID):
			problems = append(problems, fmt.Errorf(`%s: field "id" is %q, want an ID like "T0866"`, name, tech.ID))
		case seen[tech.ID]:
			problems = append(problems, fmt.Errorf(`%s: id %q is listed twice`, name, tech.ID))
		}
		seen[tech.ID] = true
		if strings.TrimSpace(tech.Name) == "" {
			problems = append(problems, fmt.Errorf(`%s: field "name" is empty`, name))
		}
		if tech.V19 != "" && !techniquePattern.MatchString(tech.V19) {
			problems = append(problems, fmt.Errorf(`%s: field "v19" is %q, want an ID like "T1692.001"`, name, tech.V19))
		}
	}
	if err := errors.Join(problems...); err != nil {
		return nil, err
	}
	return &t, nil
}

// decodeEntries decodes a JSON array of T strictly (unknown fields and wrong
// types are errors), naming the entry (number and id) an error occurs in.
func decodeEntries[T any](data []byte, what string) ([]T, error) {
	var raws []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&raws); err != nil {
		return nil, fmt.Errorf("want a JSON array of %s entries: %w", what, describeDecodeError(err))
	}
	if dec.More() {
		return nil, errors.New("unexpected data after the array")
	}
	out := make([]T, len(raws))
	for i, raw := range raws {
		d := json.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields()
		if err := d.Decode(&out[i]); err != nil {
			var probe struct {
				ID string `json:"id"`
			}
			_ = json.Unmarshal(raw, &probe) // best effort, only to name the entry
			return nil, fmt.Errorf("%s: %w", entryName(what, i, probe.ID), describeDecodeError(err))
		}
	}
	return out, nil
}

// describeDecodeError rewords encoding/json errors to name the field and
// what was expected.
func describeDecodeError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		if typeErr.Field != "" {
			return fmt.Errorf("field %q is %s, want %s", typeErr.Field, typeErr.Value, typeErr.Type)
		}
		return fmt.Errorf("found %s, want %s", typeErr.Value, typeErr.Type)
	}
	if msg, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Errorf("unknown field %s", msg)
	}
	return err
}

func entryName(what string, i int, id string) string {
	if id == "" {
		return fmt.Sprintf("%s %d", what, i+1)
	}
	return fmt.Sprintf("%s %d (%s)", what, i+1, id)
}

func checkText(field, s string) []string {
	if strings.TrimSpace(s) == "" {
		return []string{fmt.Sprintf("field %q is empty", field)}
	}
	return nil
}

// checkEnums reports unknown and repeated values of an enum list field.
func checkEnums[T ~string](field string, vals []T, valid func(T) bool, all []T) []string {
	var p []string
	seen := map[T]bool{}
	for _, v := range vals {
		switch {
		case !valid(v):
			p = append(p, fmt.Sprintf("field %q: %q is unknown, want one of %s", field, v, quoteAll(all)))
		case seen[v]:
			p = append(p, fmt.Sprintf("field %q: %q is listed twice", field, v))
		}
		seen[v] = true
	}
	return p
}

func quoteAll[T ~string](vals []T) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}
