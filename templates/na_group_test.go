package templates

import (
	"strings"
	"testing"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/risk"
)

// In every document language, a conduit's not-applicable requirements are
// grouped by the medium rule's reason and the reason is printed once per
// group, not the engine's whole sentence once per requirement ("SR 1.1
// (…) ist auf Conduit K03 … nicht anwendbar: …" twelve times over).
func TestNotApplicableGroupedInEveryLanguage(t *testing.T) {
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p := model.Sample()
	r := risk.Assess(p, cat)
	sentence := map[i18n.Lang]string{i18n.EN: " does not apply to conduit ", i18n.DE: " ist auf Conduit "}
	for _, l := range i18n.Langs {
		d := NewDataIn(l, p, r, cat, p.Date)
		groups, ids := 0, 0
		for i := range d.Conduits {
			c := d.Conduits[i]
			seen := map[Text]bool{}
			for _, g := range c.NotApplicable() {
				groups++
				ids += len(g.IDs)
				if strings.Contains(string(g.Reason), sentence[l]) {
					t.Errorf("%s, conduit %s: the reason is the engine's whole sentence: %q", l, c.Name, g.Reason)
				}
				if seen[g.Reason] {
					t.Errorf("%s, conduit %s: reason printed twice: %q", l, c.Name, g.Reason)
				}
				seen[g.Reason] = true
			}
		}
		// the sample's machine-to-machine conduits leave out many
		// person-related requirements under one reason each
		if groups == 0 || ids < 3*groups {
			t.Errorf("%s: %d not-applicable requirements in %d groups: not grouped", l, ids, groups)
		}
	}
}
