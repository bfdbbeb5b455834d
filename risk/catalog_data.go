package risk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"

	"zonewise/assets"
	"zonewise/model"
)

// Editions encoded in the embedded catalogues. The 3-3 catalogue follows
// IEC 62443-3-3:2013 with corrigendum 1 (2014), which moved SR 3.4 from
// SL 1 to SL 2; the 4-2 catalogue follows IEC 62443-4-2:2019 (technically
// identical to ANSI/ISA-62443-4-2-2018). Where 4-2 replaces a CR by
// component-specific requirements (CR 1.6, 1.13, 2.4, 2.13, 3.2, 3.10-3.14,
// 5.2, 5.3) only the SAR/EDR/HDR/NDR items exist, as in the standard; CR 2.3,
// CR 5.4 and CR 7.5 have no component requirement at all.
const (
	StandardSystem    = "IEC 62443-3-3:2013"
	StandardComponent = "IEC 62443-4-2:2019"
)

// Catalogue files inside assets.Catalog.
const (
	systemFile    = "catalog/iec62443-3-3.json"
	componentFile = "catalog/iec62443-4-2.json"
)

// catalogFile is the on-disk form of one standard's catalogue.
type catalogFile struct {
	Standard string `json:"standard"`
	// Edition says in words which edition and corrigenda are encoded.
	Edition      string        `json:"edition"`
	Requirements []catalogItem `json:"requirements"`
}

// catalogItem is one requirement as stored; Standard comes from the file.
type catalogItem struct {
	ID      string           `json:"id"`
	FR      model.FR         `json:"fr"`
	MinSL   int              `json:"minSL"`
	Base    string           `json:"base,omitempty"`
	Class   model.AssetClass `json:"class,omitempty"`
	Title   string           `json:"title"`
	Summary string           `json:"summary"`
}

var (
	systemID    = regexp.MustCompile(`^SR ([1-7])\.([1-9][0-9]?)( RE ([1-9]))?$`)
	componentID = regexp.MustCompile(`^(CR|SAR|EDR|HDR|NDR) ([1-7])\.([1-9][0-9]?)( RE ([1-9]))?$`)
)

// loadStandards decodes the embedded IEC 62443-3-3 and 4-2 catalogues.
func loadStandards() (system, component []Requirement, err error) {
	return loadStandardsFrom(assets.Catalog)
}

func loadStandardsFrom(fsys fs.FS) (system, component []Requirement, err error) {
	system, err = loadCatalogFile(fsys, systemFile, StandardSystem, systemID)
	if err != nil {
		return nil, nil, err
	}
	component, err = loadCatalogFile(fsys, componentFile, StandardComponent, componentID)
	if err != nil {
		return nil, nil, err
	}
	return system, component, nil
}

func loadCatalogFile(fsys fs.FS, name, standard string, idPattern *regexp.Regexp) ([]Requirement, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	reqs, err := decodeCatalog(data, standard, idPattern)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return reqs, nil
}

// decodeCatalog strictly decodes one catalogue file and validates every item:
// unique IDs of the standard's form, FR matching the ID, MinSL 1..4, an RE's
// base present earlier with the same FR and class and a MinSL not above the
// RE's, and the class set exactly for SAR/EDR/HDR/NDR items.
func decodeCatalog(data []byte, standard string, idPattern *regexp.Regexp) ([]Requirement, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f catalogFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("decode: data after the catalogue object")
	}
	if f.Standard != standard {
		return nil, fmt.Errorf("standard is %q, want %q", f.Standard, standard)
	}
	if f.Edition == "" {
		return nil, errors.New("edition is empty")
	}
	if len(f.Requirements) == 0 {
		return nil, errors.New("no requirements")
	}
	out := make([]Requirement, 0, len(f.Requirements))
	index := make(map[string]int, len(f.Requirements))
	for i, it := range f.Requirements {
		if err := checkItem(it, idPattern, out, index); err != nil {
			return nil, fmt.Errorf("requirement %d (%q): %w", i+1, it.ID, err)
		}
		index[it.ID] = len(out)
		out = append(out, Requirement{
			ID: it.ID, Standard: standard, FR: it.FR, Title: it.Title, Summary: it.Summary,
			MinSL: it.MinSL, Base: it.Base, Class: it.Class,
		})
	}
	return out, nil
}

func checkItem(it catalogItem, idPattern *regexp.Regexp, prev []Requirement, index map[string]int) error {
	m := idPattern.FindStringSubmatch(it.ID)
	if m == nil {
		return fmt.Errorf("id does not match %s", idPattern)
	}
	if _, dup := index[it.ID]; dup {
		return errors.New("id is a duplicate")
	}
	// Submatches: SR form [all, fr, n, " RE k", k]; component form [all, prefix, fr, n, " RE k", k].
	prefix, frDigit, re := "SR", m[1], m[3]
	if len(m) == 6 {
		prefix, frDigit, re = m[1], m[2], m[4]
	}
	if !it.FR.Valid() {
		return fmt.Errorf("fr is %d, want 1..7", it.FR)
	}
	if strconv.Itoa(int(it.FR)) != frDigit {
		return fmt.Errorf("fr is %d but the id belongs to FR %s", it.FR, frDigit)
	}
	if it.MinSL < 1 || it.MinSL > model.MaxSL {
		return fmt.Errorf("minSL is %d, want 1..%d", it.MinSL, model.MaxSL)
	}
	if it.Title == "" {
		return errors.New("title is empty")
	}
	if it.Summary == "" {
		return errors.New("summary is empty")
	}
	switch prefix {
	case "SR", "CR":
		if it.Class != "" {
			return fmt.Errorf("class is %q, want none for %s items", it.Class, prefix)
		}
	default:
		if !it.Class.Valid() || it.Class.Prefix() != prefix {
			return fmt.Errorf("class is %q, want the class whose prefix is %s", it.Class, prefix)
		}
	}
	if re == "" {
		if it.Base != "" {
			return fmt.Errorf("base is %q, want none for a base requirement", it.Base)
		}
		return nil
	}
	wantBase := it.ID[:len(it.ID)-len(re)]
	if it.Base != wantBase {
		return fmt.Errorf("base is %q, want %q", it.Base, wantBase)
	}
	bi, ok := index[it.Base]
	if !ok {
		return fmt.Errorf("base %q is not listed before it", it.Base)
	}
	b := prev[bi]
	if b.FR != it.FR || b.Class != it.Class {
		return fmt.Errorf("fr/class (%d, %q) differ from base %q (%d, %q)", it.FR, it.Class, b.ID, b.FR, b.Class)
	}
	if it.MinSL < b.MinSL {
		return fmt.Errorf("minSL %d is below base %q's minSL %d", it.MinSL, b.ID, b.MinSL)
	}
	return nil
}
