package templates

import (
	"slices"
	"strings"
	"testing"
)

// The CRS requirement matrix marks a requirement on the zones "Z" in a
// conduit column (docs/METHOD.md step 5b) and explains the mark once; the
// conduit's own "not applicable" line keeps the reasons of its medium only.
// On the sample, by hand: K08 (PROFINET, SL-T 1) has SR 7.3 as a
// requirement on the zones, SR 5.1 as a gap a library measure closes, SR
// 1.6 not applicable to its medium; the zone Rohwasser & Filtration at its
// end keeps SR 7.3 as a gap.
func TestCRSMarksRequirementsOnTheZones(t *testing.T) {
	_, d := sampleData(t)
	var k08, cell Text
	for _, c := range d.Conduits {
		if strings.HasPrefix(string(c.Name), "K08 ") {
			k08 = c.Key
			for _, g := range c.NotApplicable() {
				if slices.Contains(g.IDs, "SR 7.3") {
					t.Errorf("K08's not-applicable line lists SR 7.3 (%s); the matrix explains requirements on the zones", g.Reason)
				}
			}
			groups := c.NotApplicable()
			if len(groups) == 0 || !slices.ContainsFunc(groups, func(g NotApplicableGroup) bool { return slices.Contains(g.IDs, "SR 1.6") }) {
				t.Errorf("K08's not-applicable line %v lacks SR 1.6 (not wireless)", groups)
			}
		}
	}
	for _, z := range d.Zones {
		if z.Name == "Rohwasser & Filtration" {
			cell = z.Key
		}
	}
	if k08 == "" || cell == "" {
		t.Fatalf("no K08 (%q) or zone Rohwasser & Filtration (%q) in the matrix", k08, cell)
	}
	cellOf := func(key Text, id Text) Text {
		for _, m := range d.RequirementMatrices {
			col := slices.IndexFunc(m.Columns, func(c MatrixColumn) bool { return c.Key == key })
			if col < 0 {
				continue
			}
			for _, row := range m.Rows {
				if row.ID == id {
					return row.Cells[col]
				}
			}
		}
		return "(no row)"
	}
	for _, tt := range []struct {
		key  Text
		id   Text
		want Text
	}{
		{k08, "SR 7.3", "zone-only"},
		{k08, "SR 3.3", "zone-only"},
		{k08, "SR 7.6", "zone-only"},
		{k08, "SR 5.1", "gap"},
		{k08, "SR 1.6", "not-applicable"},
		{cell, "SR 7.3", "gap"},
	} {
		if got := cellOf(tt.key, tt.id); got != tt.want {
			t.Errorf("%s %s: cell %q, want %q", tt.key, tt.id, got, tt.want)
		}
	}
	if len(d.ZoneOnly) != 4 || !strings.HasPrefix(string(d.ZoneOnly[3].Why), "Each device") {
		t.Errorf("zone-only families %+v, want 4, the last starting \"Each device\"", d.ZoneOnly)
	}
	tm, err := Load("crs")
	if err != nil {
		t.Fatal(err)
	}
	md, err := tm.Execute(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"**Z** a requirement on the zones the conduit joins", "every device, a conduit's firewall included, is an asset of a zone"} {
		if !strings.Contains(md, want) {
			t.Errorf("CRS lacks %q", want)
		}
	}
}
