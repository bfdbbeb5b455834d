package importer

import (
	"fmt"
	"slices"
	"strings"

	"zonewise/model"
)

// AdvisoryAction is what an advisory import does to one entry of the
// vulnerability register.
type AdvisoryAction string

// Advisory import actions.
const (
	AdvisoryNew       AdvisoryAction = "new"
	AdvisoryChanged   AdvisoryAction = "changed"
	AdvisoryUnchanged AdvisoryAction = "unchanged"
	// AdvisoryWithdrawn: an entry imported earlier from an advisory in this
	// import that no longer affects any asset (the advisory was withdrawn,
	// revised, or the asset's firmware was updated). It leaves the register
	// with its links from threat scenarios.
	AdvisoryWithdrawn AdvisoryAction = "withdrawn"
)

// AdvisoryStep is the planned outcome for one vulnerability register entry.
type AdvisoryStep struct {
	Action     AdvisoryAction `json:"action"`
	Advisory   string         `json:"advisory"`
	File       string         `json:"file,omitempty"`
	Identifier string         `json:"identifier"`
	Title      string         `json:"title"`
	VulnID     model.ID       `json:"vulnerabilityId"`
	AssetIDs   []model.ID     `json:"assetIds"`
	Assets     []string       `json:"assets"`
	// Changes names the fields a changed entry changes.
	Changes []string `json:"changes,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	// Vuln is the entry as it will be (nil when withdrawn).
	Vuln *model.Vulnerability `json:"-"`
}

// Note kinds of an advisory import: what could not be decided and why.
const (
	NoteUnparsedRange = "unparsed-range" // a version range Zonewise cannot read
	NoteNoFirmware    = "no-firmware"    // vendor and product match, the asset's firmware is unknown
	NoteNoVersion     = "no-version"     // the advisory names no version: matched by name only
	NoteUnknownID     = "unknown-product"
)

// AdvisoryNote reports a product or match the import could not decide.
type AdvisoryNote struct {
	Kind     string   `json:"kind"`
	File     string   `json:"file,omitempty"`
	Advisory string   `json:"advisory"`
	Product  string   `json:"product,omitempty"` // product ID and name
	AssetID  model.ID `json:"assetId,omitempty"`
	Message  string   `json:"message"`
}

// AdvisorySummary is one advisory read.
type AdvisorySummary struct {
	File            string `json:"file"`
	ID              string `json:"id"`
	Title           string `json:"title"`
	Version         string `json:"version,omitempty"`
	Withdrawn       bool   `json:"withdrawn,omitempty"`
	Products        int    `json:"products"`
	Vulnerabilities int    `json:"vulnerabilities"`
}

// CSAFPlan is the preview of an advisory import: the register entries it
// adds, changes and withdraws, and what it could not decide.
type CSAFPlan struct {
	Advisories []AdvisorySummary `json:"advisories"`
	Steps      []AdvisoryStep    `json:"steps"`
	Notes      []AdvisoryNote    `json:"notes"`
}

// Counts tallies the steps per action.
func (pl *CSAFPlan) Counts() map[AdvisoryAction]int {
	n := map[AdvisoryAction]int{}
	for _, s := range pl.Steps {
		n[s.Action]++
	}
	return n
}

// PlanCSAF matches the advisories' affected products against the project's
// assets by vendor, product name and firmware version, and plans the
// vulnerability register entries: one per advisory and vulnerability (CVE)
// affecting at least one asset. An entry imported before (same advisory ID
// and identifier) is updated, keeping the assessor's status, notes and
// scenario links; an entry of a re-imported advisory that no longer
// affects any asset is withdrawn. It does not change p. Advisories with the
// same tracking ID in several files count once, in their latest version.
func PlanCSAF(p *model.Project, advisories []*Advisory) CSAFPlan {
	pl := CSAFPlan{Advisories: []AdvisorySummary{}, Steps: []AdvisoryStep{}, Notes: []AdvisoryNote{}}
	latest := map[string]*Advisory{}
	var ids []string
	for _, a := range advisories {
		if prev, ok := latest[a.ID]; ok {
			if compareVersions(a.Version, prev.Version) > 0 {
				latest[a.ID] = a
			}
			continue
		}
		latest[a.ID] = a
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	existing := map[string]*model.Vulnerability{}
	typed := map[string]*model.Vulnerability{} // entered by hand, by identifier
	for i := range p.Vulnerabilities {
		v := &p.Vulnerabilities[i]
		if v.Advisory != "" {
			existing[v.Advisory+"\x00"+v.Identifier] = v
		} else if typed[v.Identifier] == nil {
			typed[v.Identifier] = v
		}
	}
	assetName := func(id model.ID) string {
		if a := p.Asset(id); a != nil {
			return a.Name
		}
		return string(id)
	}
	for _, id := range ids {
		a := latest[id]
		pl.Advisories = append(pl.Advisories, AdvisorySummary{File: a.File, ID: a.ID, Title: a.Title, Version: a.Version,
			Withdrawn: a.Withdrawn, Products: len(a.Products), Vulnerabilities: len(a.Vulns)})
		m := newProductMatcher(p, a, &pl.Notes)
		seen := map[string]bool{}
		for _, v := range a.Vulns {
			if a.Withdrawn {
				break
			}
			assets, products := m.affected(v.Affected)
			if len(assets) == 0 || seen[v.Identifier] {
				continue
			}
			seen[v.Identifier] = true
			after := model.Vulnerability{ID: model.StableID("csaf:" + a.ID + ":" + v.Identifier), Identifier: v.Identifier,
				Exploitability: model.ExploitUnknown, Status: model.VulnOpen, Source: advisorySource(a), Advisory: a.ID}
			old := existing[a.ID+"\x00"+v.Identifier]
			if old == nil && typed[v.Identifier] != nil {
				// The CVE was entered by hand: the advisory completes that
				// entry instead of adding a second one, which it then owns.
				old = typed[v.Identifier]
				delete(typed, v.Identifier)
			}
			if old != nil {
				after = model.Clone(*old)
				after.Advisory = a.ID
			}
			after.Title, after.AssetIDs, after.AdvisoryURL = v.Title, assets, a.URL
			after.CVSSScore, after.CVSSVector = v.score(products)
			after.Remediation = v.remediationFor(products)
			if v.Exploited {
				after.Exploitability = model.ExploitActive
			}
			st := AdvisoryStep{Advisory: a.ID, File: a.File, Identifier: v.Identifier, Title: v.Title, VulnID: after.ID, AssetIDs: assets}
			for _, aid := range assets {
				st.Assets = append(st.Assets, assetName(aid))
			}
			switch {
			case old == nil:
				st.Action, st.Vuln = AdvisoryNew, &after
			default:
				st.Changes = vulnChanges(old, &after)
				st.Action = AdvisoryUnchanged
				if len(st.Changes) > 0 {
					st.Action, st.Vuln = AdvisoryChanged, &after
				}
			}
			pl.Steps = append(pl.Steps, st)
		}
		for i := range p.Vulnerabilities {
			v := &p.Vulnerabilities[i]
			if v.Advisory != a.ID || seen[v.Identifier] {
				continue
			}
			reason := "the advisory no longer affects any asset of the project"
			switch {
			case a.Withdrawn:
				reason = "the advisory is withdrawn"
			case !a.names(v.Identifier):
				reason = fmt.Sprintf("version %s of the advisory no longer lists it", orDash(a.Version))
			}
			st := AdvisoryStep{Action: AdvisoryWithdrawn, Advisory: a.ID, File: a.File, Identifier: v.Identifier, Title: v.Title,
				VulnID: v.ID, AssetIDs: slices.Clone(v.AssetIDs), Reason: reason}
			for _, aid := range v.AssetIDs {
				st.Assets = append(st.Assets, assetName(aid))
			}
			pl.Steps = append(pl.Steps, st)
		}
	}
	return pl
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func (a *Advisory) names(identifier string) bool {
	return slices.ContainsFunc(a.Vulns, func(v AdvisoryVuln) bool { return v.Identifier == identifier })
}

func advisorySource(a *Advisory) string {
	if a.Publisher != "" {
		return "CSAF advisory " + a.ID + " (" + a.Publisher + ")"
	}
	return "CSAF advisory " + a.ID
}

// vulnChanges names the fields an advisory import changes.
func vulnChanges(a, b *model.Vulnerability) []string {
	var ch []string
	add := func(name string, differ bool) {
		if differ {
			ch = append(ch, name)
		}
	}
	add("advisory", a.Advisory != b.Advisory)
	add("title", a.Title != b.Title)
	add("assets", !slices.Equal(a.AssetIDs, b.AssetIDs))
	add("cvss", a.CVSSScore != b.CVSSScore || a.CVSSVector != b.CVSSVector)
	add("remediation", a.Remediation != b.Remediation)
	add("advisoryUrl", a.AdvisoryURL != b.AdvisoryURL)
	add("exploitability", a.Exploitability != b.Exploitability)
	return ch
}

// score is the highest CVSS base score given for the matched products (or
// for all products, when a score names none).
func (v *AdvisoryVuln) score(products []string) (float64, string) {
	best, vec := 0.0, ""
	for _, s := range v.scores {
		if len(s.products) > 0 && !intersects(s.products, products) {
			continue
		}
		if s.score > best || vec == "" {
			best, vec = s.score, s.vector
		}
	}
	return best, vec
}

// remediationFor joins the vendor's remediations for the matched products.
func (v *AdvisoryVuln) remediationFor(products []string) string {
	var out []string
	for _, r := range v.remediation {
		if (len(r.products) == 0 || intersects(r.products, products)) && !slices.Contains(out, r.text) {
			out = append(out, r.text)
		}
	}
	return strings.Join(out, "; ")
}

func intersects(a, b []string) bool {
	return slices.ContainsFunc(a, func(x string) bool { return slices.Contains(b, x) })
}

// productMatcher matches an advisory's products against the project's
// assets, once per product, and notes what it cannot decide.
type productMatcher struct {
	p     *model.Project
	a     *Advisory
	notes *[]AdvisoryNote
	cache map[string][]model.ID
}

func newProductMatcher(p *model.Project, a *Advisory, notes *[]AdvisoryNote) *productMatcher {
	return &productMatcher{p: p, a: a, notes: notes, cache: map[string][]model.ID{}}
}

// affected returns the assets the given product IDs match, sorted, and the
// product IDs that matched any.
func (m *productMatcher) affected(productIDs []string) ([]model.ID, []string) {
	var assets []model.ID
	var products []string
	for _, pid := range productIDs {
		ids, ok := m.cache[pid]
		if !ok {
			ids = m.match(pid)
			m.cache[pid] = ids
		}
		if len(ids) > 0 {
			products = append(products, pid)
			assets = append(assets, ids...)
		}
	}
	slices.Sort(assets)
	return slices.Compact(assets), products
}

func (m *productMatcher) note(kind string, pr *Product, asset *model.Asset, format string, args ...any) {
	n := AdvisoryNote{Kind: kind, File: m.a.File, Advisory: m.a.ID, Message: fmt.Sprintf(format, args...)}
	if pr != nil {
		n.Product = pr.ID + " " + pr.Name
	}
	if asset != nil {
		n.AssetID = asset.ID
	}
	*m.notes = append(*m.notes, n)
}

func (m *productMatcher) match(pid string) []model.ID {
	pr := m.a.Products[pid]
	if pr == nil {
		m.note(NoteUnknownID, nil, nil, "product ID %q is listed as affected but not defined in the product tree", pid)
		return nil
	}
	var rng VersionRange
	if pr.Range != "" {
		var err error
		if rng, err = ParseVersionRange(pr.Range); err != nil {
			m.note(NoteUnparsedRange, pr, nil, "product %q: cannot read the version range %q; no asset matched, check by hand", pr.Name, pr.Range)
			return nil
		}
	}
	var out []model.ID
	for i := range m.p.Assets {
		as := &m.p.Assets[i]
		if !vendorMatches(as.Vendor, pr.Vendor) || !productMatches(as, pr) {
			continue
		}
		fw := firmwareVersion(as.Firmware)
		switch {
		case pr.Version == "" && pr.Range == "":
			m.note(NoteNoVersion, pr, as, "asset %q: the advisory names no version for product %q: matched by name, check the firmware", as.Name, pr.Name)
			out = append(out, as.ID)
		case fw == "":
			m.note(NoteNoFirmware, pr, as, "asset %q matches product %q but its firmware version is not known (%q): check by hand", as.Name, pr.Name, as.Firmware)
		case pr.Version != "" && compareVersions(fw, pr.Version) == 0:
			out = append(out, as.ID)
		case pr.Range != "" && rng.Contains(fw):
			out = append(out, as.ID)
		}
	}
	return out
}

// firmwareVersion picks the version out of a firmware cell: "FortiOS 7.2.8"
// → "7.2.8", "V3.1" → "V3.1", "OS V12" → "V12"; "" when there is none.
func firmwareVersion(s string) string {
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, "()[],;")
		if hasVersionNumber(w) {
			return w
		}
	}
	return ""
}

// genericWords are left out when product names are compared word by word:
// an advisory for "SIMATIC S7-1500 CPU family" affects the CPU 1516.
var genericWords = []string{"family", "series", "all", "and", "devices", "device", "products", "product", "firmware", "software", "models", "model", "variants", "incl", "including", "the", "for"}

func vendorMatches(asset, vendor string) bool {
	if vendor == "" {
		return true
	}
	a, v := foldName(asset), foldName(vendor)
	if a == "" {
		return false
	}
	return strings.Contains(a, v) || strings.Contains(v, a) || firstWord(a) == firstWord(v)
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// productMatches compares the asset's model (and name) with the product's
// names: one contains the other, or every specific word of the product's
// name appears in the asset's model or name.
func productMatches(a *model.Asset, pr *Product) bool {
	model := foldName(a.Model)
	if model == "" {
		return false
	}
	have := strings.Fields(model + " " + foldName(a.Name))
	for _, n := range append([]string{pr.Product, pr.Name}, pr.Also...) {
		fn := foldName(n)
		if fn == "" {
			continue
		}
		if strings.Contains(fn, model) || strings.Contains(model, fn) {
			return true
		}
		var specific []string
		for _, w := range strings.Fields(fn) {
			if !slices.Contains(genericWords, w) {
				specific = append(specific, w)
			}
		}
		if len(specific) > 0 && !slices.ContainsFunc(specific, func(w string) bool { return !slices.Contains(have, w) }) {
			return true
		}
	}
	return false
}

// ApplyCSAF carries out the plan on p: new entries are added, changed ones
// replaced, withdrawn ones removed with the threat scenarios' links to them.
func ApplyCSAF(p *model.Project, pl CSAFPlan) {
	for _, st := range pl.Steps {
		switch st.Action {
		case AdvisoryNew:
			p.Vulnerabilities = append(p.Vulnerabilities, *st.Vuln)
		case AdvisoryChanged:
			for i := range p.Vulnerabilities {
				if p.Vulnerabilities[i].ID == st.VulnID {
					p.Vulnerabilities[i] = *st.Vuln
				}
			}
		case AdvisoryWithdrawn:
			p.Vulnerabilities = slices.DeleteFunc(p.Vulnerabilities, func(v model.Vulnerability) bool { return v.ID == st.VulnID })
			for i := range p.Scenarios {
				s := &p.Scenarios[i]
				s.Vulnerabilities = slices.DeleteFunc(s.Vulnerabilities, func(id model.ID) bool { return id == st.VulnID })
			}
		}
	}
}
