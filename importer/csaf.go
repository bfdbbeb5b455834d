package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The CSAF 2.0 subset Zonewise reads (OASIS CSAF Version 2.0, sections 3.1
// document, 3.2 product tree, 3.3 vulnerabilities): enough to tell which
// products an advisory affects, in which versions, and what the vendor says
// about the vulnerability. Everything else is ignored.

type csafDocument struct {
	Document struct {
		Category    string `json:"category"`
		CSAFVersion string `json:"csaf_version"`
		Title       string `json:"title"`
		Publisher   struct {
			Name string `json:"name"`
		} `json:"publisher"`
		References []csafReference `json:"references"`
		Tracking   struct {
			ID      string `json:"id"`
			Status  string `json:"status"`
			Version string `json:"version"`
		} `json:"tracking"`
	} `json:"document"`
	ProductTree     csafProductTree `json:"product_tree"`
	Vulnerabilities []csafVuln      `json:"vulnerabilities"`
}

type csafReference struct {
	Category string `json:"category"`
	Summary  string `json:"summary"`
	URL      string `json:"url"`
}

type csafProductTree struct {
	Branches         []csafBranch      `json:"branches"`
	FullProductNames []csafProductName `json:"full_product_names"`
	Relationships    []struct {
		Category                  string          `json:"category"`
		FullProductName           csafProductName `json:"full_product_name"`
		ProductReference          string          `json:"product_reference"`
		RelatesToProductReference string          `json:"relates_to_product_reference"`
	} `json:"relationships"`
}

type csafBranch struct {
	Category string           `json:"category"`
	Name     string           `json:"name"`
	Branches []csafBranch     `json:"branches"`
	Product  *csafProductName `json:"product"`
}

type csafProductName struct {
	Name      string `json:"name"`
	ProductID string `json:"product_id"`
}

type csafVuln struct {
	CVE   string `json:"cve"`
	Title string `json:"title"`
	IDs   []struct {
		SystemName string `json:"system_name"`
		Text       string `json:"text"`
	} `json:"ids"`
	Notes []struct {
		Category string `json:"category"`
		Text     string `json:"text"`
	} `json:"notes"`
	ProductStatus struct {
		FirstAffected []string `json:"first_affected"`
		KnownAffected []string `json:"known_affected"`
		LastAffected  []string `json:"last_affected"`
	} `json:"product_status"`
	Scores []struct {
		Products []string  `json:"products"`
		CVSSv3   *csafCVSS `json:"cvss_v3"`
		CVSSv2   *csafCVSS `json:"cvss_v2"`
	} `json:"scores"`
	Remediations []struct {
		Category   string   `json:"category"`
		Details    string   `json:"details"`
		URL        string   `json:"url"`
		ProductIDs []string `json:"product_ids"`
	} `json:"remediations"`
	Threats []struct {
		Category string `json:"category"`
		Details  string `json:"details"`
	} `json:"threats"`
}

type csafCVSS struct {
	BaseScore    float64 `json:"baseScore"`
	VectorString string  `json:"vectorString"`
}

// Product is one product of an advisory's product tree, with what the
// branches above it say: vendor, product name, and the version or version
// range.
type Product struct {
	ID      string `json:"productId"`
	Name    string `json:"name"`
	Vendor  string `json:"vendor,omitempty"`
	Product string `json:"product,omitempty"`
	// Also are further product names a relationship joins (the hardware a
	// firmware is installed on): an asset matching any of them matches.
	Also []string `json:"also,omitempty"`
	// Version is an exact version; Range a version range as written. Both
	// empty: the advisory does not say which versions.
	Version string `json:"version,omitempty"`
	Range   string `json:"range,omitempty"`
}

// AdvisoryVuln is one vulnerability of an advisory with the products it
// affects.
type AdvisoryVuln struct {
	// Identifier is the CVE, else the first other ID, else the advisory ID
	// and the vulnerability's position.
	Identifier  string
	Title       string
	Affected    []string // product IDs
	CVSSScore   float64
	CVSSVector  string
	Remediation string
	Exploited   bool
	scores      []csafScore
	remediation []csafRemediation
}

type csafScore struct {
	products []string
	score    float64
	vector   string
}

type csafRemediation struct {
	text     string
	products []string
}

// Advisory is a CSAF 2.0 security advisory as far as matching it against
// assets needs.
type Advisory struct {
	File      string
	ID        string // document.tracking.id
	Title     string
	Publisher string
	Version   string
	URL       string
	// Withdrawn is set for a document of category csaf_withdrawn or a
	// title marked WITHDRAWN: every entry imported from it is withdrawn.
	Withdrawn bool
	Products  map[string]*Product
	Vulns     []AdvisoryVuln
}

// errNotCSAF marks JSON that is not a CSAF document at all.
var errNotCSAF = errors.New("not a CSAF advisory")

// ReadCSAF decodes one CSAF 2.0 advisory. An error names the file and, for
// JSON syntax errors, the line; a document without tracking ID or product
// tree is refused with the field that is missing.
func ReadCSAF(file string, r io.Reader) (*Advisory, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", file, err)
	}
	var d csafDocument
	if err := json.Unmarshal(data, &d); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("%s: line %d: not a CSAF JSON document: %w", file, lineAt(data, se.Offset), err)
		case errors.As(err, &te):
			return nil, fmt.Errorf("%s: line %d: field %q: %w", file, lineAt(data, te.Offset), te.Field, err)
		}
		return nil, fmt.Errorf("%s: not a CSAF JSON document: %w", file, err)
	}
	doc := &d.Document
	switch {
	case doc.CSAFVersion == "" && doc.Tracking.ID == "":
		return nil, fmt.Errorf("%s: %w: document.csaf_version and document.tracking.id are missing", file, errNotCSAF)
	case doc.CSAFVersion != "" && !strings.HasPrefix(doc.CSAFVersion, "2."):
		return nil, fmt.Errorf("%s: document.csaf_version is %q, want 2.0", file, doc.CSAFVersion)
	case strings.TrimSpace(doc.Tracking.ID) == "":
		return nil, fmt.Errorf("%s: document.tracking.id is empty, want the advisory's ID", file)
	}
	a := &Advisory{File: file, ID: strings.TrimSpace(doc.Tracking.ID), Title: doc.Title, Publisher: doc.Publisher.Name,
		Version: doc.Tracking.Version, Products: map[string]*Product{},
		Withdrawn: doc.Category == "csaf_withdrawn" || strings.HasPrefix(strings.ToUpper(strings.TrimSpace(doc.Title)), "WITHDRAWN")}
	for _, ref := range doc.References {
		if ref.Category == "self" && ref.URL != "" {
			a.URL = ref.URL
			break
		}
	}
	if a.URL == "" && len(doc.References) > 0 {
		a.URL = doc.References[0].URL
	}
	for _, b := range d.ProductTree.Branches {
		a.walk(b, Product{})
	}
	for _, fp := range d.ProductTree.FullProductNames {
		if _, ok := a.Products[fp.ProductID]; !ok && fp.ProductID != "" {
			a.Products[fp.ProductID] = &Product{ID: fp.ProductID, Name: fp.Name}
		}
	}
	for _, rel := range d.ProductTree.Relationships {
		id := rel.FullProductName.ProductID
		if id == "" {
			continue
		}
		p := &Product{ID: id, Name: rel.FullProductName.Name}
		ref, to := a.Products[rel.ProductReference], a.Products[rel.RelatesToProductReference]
		for _, q := range []*Product{ref, to} { // the referenced product (firmware) first
			if q == nil {
				continue
			}
			p.Vendor = firstNonEmpty(p.Vendor, q.Vendor)
			if p.Product == "" {
				p.Product = q.Product
			} else if q.Product != "" && q.Product != p.Product {
				p.Also = append(p.Also, q.Product)
			}
			if p.Version == "" && p.Range == "" {
				p.Version, p.Range = q.Version, q.Range
			}
		}
		a.Products[id] = p
	}
	for i, v := range d.Vulnerabilities {
		a.Vulns = append(a.Vulns, a.vuln(i, &v))
	}
	return a, nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// walk descends the branches, carrying vendor, product name and version to
// the products at the leaves.
func (a *Advisory) walk(b csafBranch, ctx Product) {
	switch b.Category {
	case "vendor":
		ctx.Vendor = b.Name
	case "product_name":
		ctx.Product = b.Name
	case "product_family":
		if ctx.Product == "" {
			ctx.Product = b.Name
		}
	case "product_version":
		ctx.Version = b.Name
	case "product_version_range":
		ctx.Range = b.Name
	}
	if b.Product != nil && b.Product.ProductID != "" {
		p := ctx
		p.ID, p.Name = b.Product.ProductID, b.Product.Name
		a.Products[p.ID] = &p
	}
	for _, c := range b.Branches {
		a.walk(c, ctx)
	}
}

func (a *Advisory) vuln(i int, v *csafVuln) AdvisoryVuln {
	out := AdvisoryVuln{Identifier: strings.TrimSpace(v.CVE), Title: v.Title}
	if out.Identifier == "" && len(v.IDs) > 0 {
		out.Identifier = strings.TrimSpace(v.IDs[0].Text)
	}
	if out.Identifier == "" {
		out.Identifier = fmt.Sprintf("%s #%d", a.ID, i+1)
	}
	if out.Title == "" {
		for _, n := range v.Notes {
			if n.Category == "summary" || n.Category == "description" {
				out.Title = firstLine(n.Text)
				break
			}
		}
	}
	if out.Title == "" {
		out.Title = a.Title
	}
	ps := &v.ProductStatus
	out.Affected = slices.Concat(ps.FirstAffected, ps.KnownAffected, ps.LastAffected)
	slices.Sort(out.Affected)
	out.Affected = slices.Compact(out.Affected)
	for _, s := range v.Scores {
		for _, c := range []*csafCVSS{s.CVSSv3, s.CVSSv2} {
			if c != nil && c.BaseScore >= 0 && c.BaseScore <= 10 {
				out.scores = append(out.scores, csafScore{s.Products, c.BaseScore, c.VectorString})
				break
			}
		}
	}
	for _, r := range v.Remediations {
		text := strings.TrimSpace(r.Details)
		if r.Category != "" {
			text = strings.ReplaceAll(r.Category, "_", " ") + ": " + text
		}
		if r.URL != "" {
			text += " (" + r.URL + ")"
		}
		out.remediation = append(out.remediation, csafRemediation{text, r.ProductIDs})
	}
	for _, t := range v.Threats {
		d := strings.ToLower(t.Details)
		if t.Category == "exploit_status" && strings.Contains(d, "exploit") && !strings.Contains(d, "no ") && !strings.Contains(d, "not ") {
			out.Exploited = true
		}
	}
	return out
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if len([]rune(s)) > 160 {
		s = string([]rune(s)[:157]) + "…"
	}
	return s
}

// lineAt is the 1-based line of a byte offset.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// ReadCSAFPath reads one advisory file, or every *.json advisory in a
// folder and its subfolders (as CERT and vendor feeds are laid out by
// year). In a folder, JSON files that are not advisories (a provider's
// provider-metadata.json, service.json) are skipped and named in skipped;
// a file that is not valid JSON, or a CSAF document that cannot be read,
// is an error naming the file.
func ReadCSAFPath(path string) (advisories []*Advisory, skipped []string, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open advisories: %w", err)
	}
	if !info.IsDir() {
		a, err := readCSAFFile(path)
		if err != nil {
			return nil, nil, err
		}
		return []*Advisory{a}, nil, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".json") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read advisories folder: %w", err)
	}
	slices.Sort(files)
	for _, f := range files {
		a, err := readCSAFFile(f)
		if errors.Is(err, errNotCSAF) {
			skipped = append(skipped, f)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		advisories = append(advisories, a)
	}
	if len(advisories) == 0 {
		return nil, skipped, fmt.Errorf("%s: no CSAF advisory (*.json with document.csaf_version) in the folder", path)
	}
	return advisories, skipped, nil
}

func readCSAFFile(name string) (*Advisory, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open advisory: %w", err)
	}
	defer f.Close()
	return ReadCSAF(name, f)
}
