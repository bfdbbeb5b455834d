package templates

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/risk"
)

// RegulationData is one regulation that applies to the SUC (IEC 62443-3-2
// ZCR 6.9).
type RegulationData struct {
	Name, Note, Jurisdiction Text
}

func regulations(list []model.Regulation) []RegulationData {
	var out []RegulationData
	for _, r := range list {
		rd := RegulationData{Name: name(r.Label()), Note: Text(r.Note)}
		if def, ok := model.KnownRegulation(r.Key); ok {
			rd.Jurisdiction = Text(def.Jurisdiction)
		}
		if rd.Name != "" {
			out = append(out, rd)
		}
	}
	return out
}

// location is the site without the project name it often starts with:
// "Wasserwerk Nordhafen, Am Wasserturm 7" for the project "Wasserwerk
// Nordhafen" gives "Am Wasserturm 7", and a site equal to the name gives "".
func location(project, site string) string {
	site, project = strings.TrimSpace(site), strings.TrimSpace(project)
	if project == "" || !strings.HasPrefix(strings.ToLower(site), strings.ToLower(project)) {
		return site
	}
	return strings.TrimLeft(site[len(project):], " ,;–-")
}

// BasisGroup is the FRs of one SL-T vector that rest on the same basis, so
// that a document says each basis once and lists the FRs it covers.
type BasisGroup struct {
	// FRs are "FR1 3" style entries: the FR and its SL-T.
	FRs []Text
	// Kind is "floor" (the in-scope minimum or a not-applicable FR),
	// "inherited" (a conduit following its zones) or "reasons".
	Kind    string
	Reasons []Text
	// Overridden marks a group of overridden cells; the override's
	// justification is printed with the overrides, not here again.
	Overridden bool
}

// Bases groups the cells of the row by their basis, in FR order of each
// group's first FR.
func (r SLRow) Bases() []BasisGroup {
	var out []BasisGroup
	idx := map[string]int{}
	for i, c := range r.Cells {
		g := BasisGroup{Overridden: c.Overridden}
		switch {
		case c.Overridden:
			g.Kind = "override"
		case c.Floor:
			g.Kind = "floor"
		case c.Inherited:
			g.Kind = "inherited"
		default:
			g.Kind, g.Reasons = "reasons", c.Reasons
		}
		masked := make([]Text, len(g.Reasons))
		for k, why := range g.Reasons {
			masked[k] = Text(frMention.ReplaceAllString(string(why), "these FRs"))
		}
		key := g.Kind + "\x00" + strings.Join(rawList(masked), "\x00")
		j, ok := idx[key]
		if !ok {
			j = len(out)
			idx[key] = j
			out = append(out, g)
		} else {
			// the engine names the FR in each reason ("affects FR2"): a
			// group of FRs reads "affects these FRs" after its FR list
			out[j].Reasons = masked
		}
		out[j].FRs = append(out[j].FRs, Text(fmt.Sprintf("FR%d %d", i+1, c.SL)))
	}
	return out
}

// frMention matches an FR named inside an engine reason.
var frMention = regexp.MustCompile(`\bFR[1-7]\b`)

// MatrixColumn is one zone or conduit column of the requirement matrix.
type MatrixColumn struct {
	Key, Name Text
	Conduit   bool
}

// RequirementRow is one requirement of the requirement matrix with its state
// in each column (see matrixCell), or "" where the column's SL-T does not
// select it. Title is empty when an earlier slice printed it.
type RequirementRow struct {
	ID, Title Text
	FR, MinSL int
	Cells     []Text
}

// RequirementMatrix is one page-wide slice of the requirement × zone and
// conduit matrix (IEC 62443-3-3 requirements with the per-requirement status
// of the assessment): the CRS prints each requirement once per slice
// instead of once per zone.
type RequirementMatrix struct {
	Columns []MatrixColumn
	Rows    []RequirementRow
}

// matrixColumns is how many zone or conduit columns fit beside the
// requirement and its title on a portrait page.
const matrixColumns = 14

// requirementMatrices builds the matrix slices: zones in scope first, then
// conduits, at most matrixColumns per slice, and never zones and conduits in
// one slice so that a reader finds each in its place.
func (b *builder) requirementMatrices() {
	var zcols, ccols []MatrixColumn
	var zreqs, creqs [][]RequirementData
	n := 0
	for _, z := range b.d.Zones {
		if z.OutOfScope {
			continue
		}
		n++
		z.Key = Text(fmt.Sprintf("Z%d", n))
		zcols = append(zcols, MatrixColumn{Key: z.Key, Name: z.Name})
		zreqs = append(zreqs, z.Requirements)
	}
	for i, c := range b.d.Conduits {
		c.Key = Text(fmt.Sprintf("C%d", i+1))
		ccols = append(ccols, MatrixColumn{Key: c.Key, Name: c.Name, Conduit: true})
		creqs = append(creqs, c.Requirements)
	}
	order := map[string]int{}
	for i, r := range b.cat.System {
		order[r.ID] = i
	}
	titled := map[Text]bool{}
	for _, part := range []struct {
		cols []MatrixColumn
		reqs [][]RequirementData
	}{{zcols, zreqs}, {ccols, creqs}} {
		// slices of even width: 13 columns are 7 and 6, not 12 and 1
		slicesN := (len(part.cols) + matrixColumns - 1) / matrixColumns
		width := 0
		if slicesN > 0 {
			width = (len(part.cols) + slicesN - 1) / slicesN
		}
		for start := 0; start < len(part.cols); start += width {
			end := min(start+width, len(part.cols))
			m := RequirementMatrix{Columns: part.cols[start:end]}
			rows := map[Text]*RequirementRow{}
			for j, reqs := range part.reqs[start:end] {
				for _, r := range reqs {
					row := rows[r.ID]
					if row == nil {
						row = &RequirementRow{ID: r.ID, Title: r.Title, FR: r.FR, MinSL: r.MinSL, Cells: make([]Text, end-start)}
						rows[r.ID] = row
					}
					row.Cells[j] = matrixCell(r)
				}
			}
			for _, row := range rows {
				m.Rows = append(m.Rows, *row)
			}
			slices.SortFunc(m.Rows, func(x, y RequirementRow) int {
				ox, okx := order[string(x.ID)]
				oy, oky := order[string(y.ID)]
				if okx && oky {
					return cmp.Compare(ox, oy)
				}
				return cmp.Or(cmp.Compare(x.FR, y.FR), strings.Compare(string(x.ID), string(y.ID)))
			})
			// a title is printed with the first row of its requirement
			// only: later slices repeat the ID, not the title
			for k := range m.Rows {
				if titled[m.Rows[k].ID] {
					m.Rows[k].Title = ""
				}
				titled[m.Rows[k].ID] = true
			}
			if len(m.Rows) > 0 {
				b.d.RequirementMatrices = append(b.d.RequirementMatrices, m)
			}
			for _, row := range m.Rows {
				if b.d.ZoneOnly == nil && slices.Contains(row.Cells, "zone-only") {
					b.d.ZoneOnly = zoneOnlyData(b.c)
				}
			}
		}
	}
}

// matrixCell is a requirement's state in a matrix cell as a key the
// template words in its language: "met", "gap", "gap-open" (no library
// measure closes it), "not-applicable", "zone-only" (a requirement on the
// zones, in a conduit column), or "required" without a status.
func matrixCell(r RequirementData) Text {
	if r.ZoneOnly {
		return "zone-only"
	}
	switch risk.RequirementState(r.StateKey) {
	case risk.StateMet:
		return "met"
	case risk.StateGap:
		if r.Closable {
			return "gap"
		}
		return "gap-open"
	case risk.StateNotApplicable:
		return "not-applicable"
	}
	return "required"
}

// ComponentGroup is the assets of one class with the same SL-C and the same
// requirement profile: the CRS lists such assets in one row.
type ComponentGroup struct {
	Class   Text
	SLC     Text
	Profile Text
	Assets  []*AssetData
	Zones   []Text
}

// ComponentRequirements is one list of IEC 62443-4-2 requirements: the
// common component requirements (Prefix "CR") or those specific to one
// class (SAR, EDR, HDR, NDR). A profile needs a requirement when its SL-T
// for the requirement's FR is at least MinSL.
type ComponentRequirements struct {
	Prefix, Class Text
	Requirements  []RequirementData
	// ByFR is the list as a table of IDs: one row per FR with a
	// requirement, the IDs in the column of the SL they apply from.
	ByFR []ComponentFRRow
}

// ComponentFRRow is one FR of a ComponentRequirements table: BySL[i] are
// the IDs that apply from SL i+1, comma-separated ("" for none).
type ComponentFRRow struct {
	FR   FRData
	BySL [4]Text
}

// ComponentTitle is the title of the component requirements of one number
// ("EDR/HDR/NDR 3.10") that the CRS cannot refer to the system
// requirement of the same number for: IEC 62443-3-3 has none, titles it
// differently, or the SL-T selects it nowhere.
type ComponentTitle struct {
	IDs, Title Text
}

// componentViews fills ComponentGroups and ComponentRequirements from the
// profiles.
func (b *builder) componentViews() {
	for _, p := range b.d.Profiles {
		if p.Capped {
			b.d.CappedProfiles = append(b.d.CappedProfiles, p)
			for _, pl := range p.Platforms {
				if !slices.Contains(b.d.CappedPlatforms, pl) {
					b.d.CappedPlatforms = append(b.d.CappedPlatforms, pl)
				}
			}
		}
		for _, a := range p.Assets {
			switch {
			case a.SLCUnknown:
				p.UnknownSLC++
			case !p.SLT.Gap(a.SLC).IsZero():
				p.WithGap++
			}
		}
	}
	idx := map[string]*ComponentGroup{}
	for _, a := range b.d.Assets {
		key := string(a.Class) + "\x00" + string(a.Profile) + "\x00" + string(a.SLCText())
		g := idx[key]
		if g == nil {
			g = &ComponentGroup{Class: a.Class, SLC: a.SLCText(), Profile: a.Profile}
			idx[key] = g
			b.d.ComponentGroups = append(b.d.ComponentGroups, g)
		}
		g.Assets = append(g.Assets, a)
		if !slices.Contains(g.Zones, a.Zone) {
			g.Zones = append(g.Zones, a.Zone)
		}
	}
	slices.SortStableFunc(b.d.ComponentGroups, func(x, y *ComponentGroup) int {
		return cmp.Or(strings.Compare(string(x.Class), string(y.Class)), strings.Compare(string(x.SLC), string(y.SLC)),
			strings.Compare(string(x.Profile), string(y.Profile)))
	})
	order := map[string]int{}
	for i, r := range b.cat.Component {
		order[r.ID] = i
	}
	lists := map[Text]*ComponentRequirements{}
	var keys []Text
	for _, p := range b.d.Profiles {
		for _, r := range p.Requirements {
			prefix, class := Text("CR"), Text("")
			if !strings.HasPrefix(string(r.ID), "CR ") {
				prefix, class = p.Prefix, p.Class
			}
			l := lists[prefix]
			if l == nil {
				l = &ComponentRequirements{Prefix: prefix, Class: class}
				lists[prefix] = l
				keys = append(keys, prefix)
			}
			if !slices.ContainsFunc(l.Requirements, func(x RequirementData) bool { return x.ID == r.ID }) {
				l.Requirements = append(l.Requirements, r)
			}
		}
	}
	slices.SortFunc(keys, func(x, y Text) int {
		// the common requirements first, then the classes by prefix
		return cmp.Or(cmp.Compare(boolInt(x != "CR"), boolInt(y != "CR")), strings.Compare(string(x), string(y)))
	})
	for _, k := range keys {
		l := lists[k]
		slices.SortStableFunc(l.Requirements, func(x, y RequirementData) int {
			return cmp.Compare(order[string(x.ID)], order[string(y.ID)])
		})
		l.ByFR = b.componentByFR(l.Requirements)
		b.d.ComponentRequirements = append(b.d.ComponentRequirements, *l)
	}
	b.componentTitles()
}

// componentByFR lays a requirement list out as FR rows × SL columns of IDs.
func (b *builder) componentByFR(reqs []RequirementData) []ComponentFRRow {
	var out []ComponentFRRow
	for _, f := range model.AllFRs {
		var row ComponentFRRow
		var ids [4][]string
		any := false
		for _, r := range reqs {
			if r.FR == int(f) && r.MinSL >= 1 && r.MinSL <= 4 {
				// a no-break space keeps "CR 1.1 RE 1" on one line
				ids[r.MinSL-1] = append(ids[r.MinSL-1], strings.ReplaceAll(string(r.ID), " ", "\u00a0"))
				any = true
			}
		}
		if !any {
			continue
		}
		row.FR = b.frData(f)
		for i := range ids {
			row.BySL[i] = Text(strings.Join(ids[i], ", "))
		}
		out = append(out, row)
	}
	return out
}

// componentTitles lists the titles a reader cannot take from the system
// requirement matrix: a component requirement "CR 1.1 RE 1" (or SAR, EDR,
// HDR, NDR) reads as the SR of the same number there, unless IEC 62443-3-3
// has no such SR, titles it differently, or no zone or conduit needs it.
// Requirements of several classes with one number and title share a row.
func (b *builder) componentTitles() {
	inMatrix := map[string]Text{}
	for _, m := range b.d.RequirementMatrices {
		for _, r := range m.Rows {
			if r.Title != "" {
				inMatrix[string(r.ID)] = r.Title
			}
		}
	}
	idx := map[string]int{}
	var prefixes [][]string
	var nums []string
	for _, l := range b.d.ComponentRequirements {
		for _, r := range l.Requirements {
			prefix, num, _ := strings.Cut(string(r.ID), " ")
			if t, ok := inMatrix["SR "+num]; ok && t == r.Title {
				continue
			}
			key := num + "\x00" + string(r.Title)
			if i, ok := idx[key]; ok {
				prefixes[i] = append(prefixes[i], prefix)
				continue
			}
			idx[key] = len(b.d.ComponentTitles)
			prefixes = append(prefixes, []string{prefix})
			nums = append(nums, num)
			b.d.ComponentTitles = append(b.d.ComponentTitles, ComponentTitle{Title: dashText(r.Title)})
		}
	}
	// "EDR/HDR/NDR 3.10 RE 1": the classes that share a number and title
	for i := range b.d.ComponentTitles {
		b.d.ComponentTitles[i].IDs = Text(strings.Join(prefixes[i], "/") + " " + nums[i])
	}
}

func dashText(t Text) Text {
	if strings.TrimSpace(string(t)) == "" {
		return "—"
	}
	return t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ResidualRiskItem is one scenario whose residual risk is above the
// tolerable line today or after the planned countermeasures: each needs an
// explicit decision of the asset owner (IEC 62443-3-2 ZCR 7).
type ResidualRiskItem struct {
	*ScenarioData
	// Accepted is set when the treatment is a recorded risk acceptance.
	Accepted bool
	// Owner is the organisation accountable for the scenario's target zone
	// or conduit: who must decide on the risk.
	Owner Text
}

// residualRisks collects the scenarios to decide on at approval.
func (b *builder) residualRisks() {
	for _, s := range b.d.Scenarios {
		if (s.ResidualKey != "" && !s.ResidualTolerable) || (!s.CurrentTolerable && s.Current != "") {
			it := &ResidualRiskItem{ScenarioData: s, Accepted: s.TreatmentKey == string(model.TreatmentAccept), Owner: b.owner(model.ID(s.ID))}
			b.d.ResidualRisks = append(b.d.ResidualRisks, it)
			if it.Accepted {
				b.d.Stats.ResidualAccepted++
			}
		}
	}
}

// distinctCounts fills the headline counts that must count things, not
// pairs: proposals name a measure at a target, so 253 proposals may be 30
// measures at 20 places.
func (b *builder) distinctCounts() {
	st := &b.d.Stats
	measures, targets := map[Text]bool{}, map[Text]bool{}
	for _, p := range b.d.Proposals {
		measures[p.MeasureID] = true
		targets[p.TargetKind+"\x00"+p.Target] = true
	}
	st.ProposalMeasures, st.ProposalTargets = len(measures), len(targets)
	targets = map[Text]bool{}
	for _, p := range b.d.Cover {
		targets[p.TargetKind+"\x00"+p.Target] = true
	}
	st.ProgrammeTargets = len(targets)
}

// owner is the accountable organisation of a scenario's target: the zone's
// or conduit's, an asset's zone's.
func (b *builder) owner(scenario model.ID) Text {
	sc := b.p.Scenario(scenario)
	if sc == nil {
		return ""
	}
	switch sc.TargetKind {
	case model.TargetZone:
		if z := b.zones[sc.TargetID]; z != nil {
			return z.Organisation
		}
	case model.TargetConduit:
		if c := b.conduits[sc.TargetID]; c != nil {
			return c.Organisation
		}
	case model.TargetAsset:
		if a := b.p.Asset(sc.TargetID); a != nil {
			if z := b.zones[a.ZoneID]; z != nil {
				return z.Organisation
			}
		}
	}
	return ""
}

// MetByData is one countermeasure that meets requirements in the matrix:
// the matrix shows ✓, this names what meets it and where.
type MetByData struct {
	Measure Text
	// Compensating marks a project-specific compensating countermeasure
	// (with evidence), not a library measure.
	Compensating bool
	Where        []Text // zone and conduit keys
	Requirements []Text
}

// metBy collects the countermeasures behind met requirements, by measure.
func (b *builder) metBy() {
	idx := map[Text]*MetByData{}
	add := func(key Text, reqs []RequirementData) {
		for _, r := range reqs {
			if r.StateKey != string(risk.StateMet) {
				continue
			}
			for _, m := range r.Measures {
				e := idx[m]
				if e == nil {
					e = &MetByData{Measure: m, Compensating: r.MetBy == string(risk.MetByCompensating)}
					idx[m] = e
					b.d.MetBy = append(b.d.MetBy, e)
				}
				if !slices.Contains(e.Where, key) {
					e.Where = append(e.Where, key)
				}
				if !slices.Contains(e.Requirements, r.ID) {
					e.Requirements = append(e.Requirements, r.ID)
				}
			}
		}
	}
	for _, z := range b.d.Zones {
		if !z.OutOfScope {
			add(z.Key, z.Requirements)
		}
	}
	for _, c := range b.d.Conduits {
		add(c.Key, c.Requirements)
	}
	slices.SortStableFunc(b.d.MetBy, func(x, y *MetByData) int { return strings.Compare(string(x.Measure), string(y.Measure)) })
}

// zoneOnlyData words the method's families of requirements on the zones
// (docs/METHOD.md step 5b) in the document's language.
func zoneOnlyData(c *i18n.Catalog) []ZoneOnlyData {
	var out []ZoneOnlyData
	for _, g := range risk.ZoneOnlyGroups() {
		out = append(out, ZoneOnlyData{Topic: Text(upperFirst(g.Topic.Text(c))), IDs: texts(g.IDs), Why: Text(upperFirst(g.Why.Text(c)))})
	}
	return out
}

// upperFirst starts a table cell with a capital: the catalogue's reasons
// are written to follow a colon.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
