package risk

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"zonewise/assets"
	"zonewise/i18n"
)

// The German texts of the catalogues and libraries live beside them, one
// overlay per language keyed by ID: assets/catalog/de.json (short titles
// and Zonewise's own summaries of the IEC 62443-3-3 and -4-2 requirements,
// never the standard's text) and assets/library/de.json (names and
// summaries of the countermeasures, names and descriptions of the threat
// templates). Identifiers, SL applicability and every other field stay in
// the English files; an ID the overlay lacks is shown in English.
const (
	catalogDEFile = "catalog/de.json"
	libraryDEFile = "library/de.json"
)

// LocalText is one entry of a language overlay.
type LocalText struct {
	Title       string `json:"title,omitempty"`
	Summary     string `json:"summary,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
}

var germanText = sync.OnceValues(func() (map[string]LocalText, error) {
	out := map[string]LocalText{}
	for _, f := range []struct {
		name string
		read func(string) ([]byte, error)
	}{{catalogDEFile, assets.Catalog.ReadFile}, {libraryDEFile, assets.Library.ReadFile}} {
		data, err := f.read(f.name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		var m map[string]LocalText
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		for k, v := range m {
			if _, dup := out[k]; dup {
				return nil, fmt.Errorf("%s: %q is in both overlays", f.name, k)
			}
			out[k] = v
		}
	}
	return out, nil
})

// localText is the overlay entry for id in language l, if any.
func localText(l i18n.Lang, id string) (LocalText, bool) {
	if l != i18n.DE {
		return LocalText{}, false
	}
	m, err := germanText()
	if err != nil {
		return LocalText{}, false
	}
	t, ok := m[id]
	return t, ok
}

// GermanTextErr reports a defect of the built-in German overlays (the
// package tests keep it nil).
func GermanTextErr() error {
	_, err := germanText()
	return err
}

func pick(local, en string) string {
	if local != "" {
		return local
	}
	return en
}

// LocalName is the measure's name in language l (English where the
// overlay has none).
func (m *Measure) LocalName(l i18n.Lang) string {
	t, _ := localText(l, m.ID)
	return pick(t.Name, m.Name)
}

// LocalSummary is the measure's summary in language l.
func (m *Measure) LocalSummary(l i18n.Lang) string {
	t, _ := localText(l, m.ID)
	return pick(t.Summary, m.Summary)
}

// LocalName is the threat template's name in language l.
func (t *ThreatTemplate) LocalName(l i18n.Lang) string {
	x, _ := localText(l, t.ID)
	return pick(x.Name, t.Name)
}

// LocalDescription is the threat template's description in language l.
func (t *ThreatTemplate) LocalDescription(l i18n.Lang) string {
	x, _ := localText(l, t.ID)
	return pick(x.Description, t.Description)
}

// LocalTitle is the requirement's short title in language l.
func (r *Requirement) LocalTitle(l i18n.Lang) string {
	t, _ := localText(l, r.ID)
	return pick(t.Title, r.Title)
}

// LocalSummary is Zonewise's one-line summary of the requirement in
// language l.
func (r *Requirement) LocalSummary(l i18n.Lang) string {
	t, _ := localText(l, r.ID)
	return pick(t.Summary, r.Summary)
}

// Localized returns the catalogue with the requirements' titles and
// summaries, the measures' names and summaries and the threat templates'
// names and descriptions in language l, for documents and views in that
// language; identifiers and every other field are the same. English returns
// c. Assess with the catalogue itself: the engine's English sentences name
// measures in English.
func (c *Catalog) Localized(l i18n.Lang) *Catalog {
	if c == nil {
		return c
	}
	if c.base != nil {
		return c.base.Localized(l)
	}
	if l == i18n.EN || l == "" {
		return c
	}
	c.localMu.Lock()
	defer c.localMu.Unlock()
	if x := c.local[l]; x != nil {
		return x
	}
	x := &Catalog{System: slices.Clone(c.System), Component: slices.Clone(c.Component),
		Measures: slices.Clone(c.Measures), Threats: slices.Clone(c.Threats), base: c}
	for _, list := range [][]Requirement{x.System, x.Component} {
		for i := range list {
			r := &list[i]
			r.Title, r.Summary = r.LocalTitle(l), r.LocalSummary(l)
		}
	}
	for i := range x.Measures {
		m := &x.Measures[i]
		m.enName = m.Name
		m.Name, m.Summary = m.LocalName(l), m.LocalSummary(l)
	}
	for i := range x.Threats {
		t := &x.Threats[i]
		t.Name, t.Description = t.LocalName(l), t.LocalDescription(l)
	}
	if c.local == nil {
		c.local = map[i18n.Lang]*Catalog{}
	}
	c.local[l] = x
	return x
}
