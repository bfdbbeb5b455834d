package risk

import (
	"slices"
	"strings"
	"testing"

	"zonewise/assets"
	"zonewise/model"
)

// Public sources used to verify the catalogues (the standards themselves are
// not public). Each spot-check row below names the sources that agree.
//
//	[X33]  "IEC 62443-3-3 — CCLI Engineering Extract" (CCLI-SEC-62443-003), a
//	       public GitHub markdown file transcribing, per SR, the SL-C(FR,
//	       control system) 1..4 lists of IEC 62443-3-3:2013 and Table B.1.
//	[X42]  "IEC 62443-4-2 — CCLI Engineering Extract" (CCLI-SEC-62443-007),
//	       the same for IEC 62443-4-2 incl. SAR/EDR/NDR clauses and the
//	       SL-C 2 rows and SL 2 exclusions of Annex B Table B.1.
//	[DSL]  github.com/Nemo10982/IEC62443DSL, XtextProject/.../transformation/
//	       SecurityRequirements.java: hand-written SR and CR → lowest-SL tables.
//	[TUW]  TU Wien research data record sy9e8-1ma52, "IEC 62443 3-3.json" and
//	       "IEC 62443 4-2.json" (SL-C lines of SR 1.1 and CR 1.1).
//	[FLA]  J.-M. Flaus, Cybersecurity of Industrial Systems (ISTE/Wiley 2019),
//	       Table A5.1 (Table B.1 of 3-3, FR 1 rows), oreilly.com preview.
//	[COR]  tnlab.org summary of IEC 62443-3-3:2013/COR1:2014: SR 3.4 is
//	       "Not selected" at SL-C(SI) 1.
//	[SEW]  SEW-EURODRIVE 62443-4-2 fulfilment tables (EDR product): which FR 3
//	       items are CR vs EDR, and which are not required at SL 1.
//	[OSC]  github.com/mraml/62443-4-2-Automation-Pilot, 62443-4-2 OSCAL
//	       catalogue: CR list without CR 2.3.
//	[ISA]  ISA Global Cybersecurity Alliance and ISASecure, "IIoT Component
//	       Certification Based on the 62443 Standard", v1, 2021-10-07: SL-C of
//	       SR 2.3 RE 1, SR 4.1 RE 2, SR 5.1 and its REs, SR 5.2, SR 5.4
//	       (Tables 2, 3); SLs of many 4-2 items incl. EDR|HDR|NDR rows
//	       (Tables 5, 6, 16, 18); EDR and HDR differ only in the text of 3.2,
//	       3.11, 3.14 and by HDR 3.2 RE 1 (§4.8.2).
//	[IDX]  public hadolint→IEC 62443 mapping study: "iec62443_clean.json:
//	       requirements: 100" extracted from 3-3 (51 SRs + 49 REs).

func builtinOrFail(t testing.TB) *Catalog {
	t.Helper()
	c, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	return c
}

func ids(rs []Requirement) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

func TestCatalogueCounts(t *testing.T) {
	c := builtinOrFail(t)
	count := func(rs []Requirement, prefix string, re bool) int {
		n := 0
		for _, r := range rs {
			if strings.HasPrefix(r.ID, prefix+" ") && (r.Base != "") == re {
				n++
			}
		}
		return n
	}
	tests := []struct {
		name   string
		list   []Requirement
		prefix string
		re     bool
		want   int
	}{
		// 3-3: 51 SRs and 49 REs, 100 in all [IDX]; SRs per FR 13/12/9/3/4/2/8 [X33].
		{"3-3 has 51 system requirements", c.System, "SR", false, 51},
		{"3-3 has 49 requirement enhancements", c.System, "SR", true, 49},
		// 4-2 counts from the clause list of [X42] (CR 1.1..7.8 without the
		// CRs that defer to clauses 12-15 and without CR 2.3, 5.4, 7.5).
		{"4-2 has 43 common component requirements", c.Component, "CR", false, 43},
		{"4-2 has 27 REs of common component requirements", c.Component, "CR", true, 27},
		{"4-2 has 2 software application requirements", c.Component, "SAR", false, 2},
		{"4-2 has 1 software application RE", c.Component, "SAR", true, 1},
		{"4-2 has 8 embedded device requirements", c.Component, "EDR", false, 8},
		{"4-2 has 5 embedded device REs", c.Component, "EDR", true, 5},
		{"4-2 has 8 host device requirements", c.Component, "HDR", false, 8},
		{"4-2 has 6 host device REs", c.Component, "HDR", true, 6},
		{"4-2 has 12 network device requirements", c.Component, "NDR", false, 12},
		{"4-2 has 10 network device REs", c.Component, "NDR", true, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := count(tt.list, tt.prefix, tt.re); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
	if got, want := len(c.System), 100; got != want {
		t.Errorf("3-3 total is %d, want %d", got, want)
	}
	if got, want := len(c.Component), 122; got != want {
		t.Errorf("4-2 total is %d, want %d", got, want)
	}
	perFR := [7]int{}
	for _, r := range c.System {
		if r.Base == "" {
			perFR[r.FR-1]++
		}
	}
	if want := [7]int{13, 12, 9, 3, 4, 2, 8}; perFR != want {
		t.Errorf("3-3 SRs per FR are %v, want %v", perFR, want)
	}
}

func TestCatalogueSpotChecks(t *testing.T) {
	c := builtinOrFail(t)
	tests := []struct {
		id    string
		fr    model.FR
		minSL int
		class model.AssetClass
	}{
		// FR 1, 3-3: [X33] §5.x SL lists; [DSL]; [TUW] for SR 1.1; [FLA] for SR 1.2/1.8/1.9 and RE minima ≥ 3.
		{"SR 1.1", 1, 1, ""},
		{"SR 1.1 RE 1", 1, 2, ""},
		{"SR 1.1 RE 2", 1, 3, ""},
		{"SR 1.1 RE 3", 1, 4, ""},
		{"SR 1.2", 1, 2, ""},
		{"SR 1.2 RE 1", 1, 3, ""},
		{"SR 1.3 RE 1", 1, 3, ""},
		{"SR 1.5 RE 1", 1, 3, ""},
		{"SR 1.6 RE 1", 1, 2, ""},
		{"SR 1.7 RE 1", 1, 3, ""},
		{"SR 1.7 RE 2", 1, 4, ""},
		{"SR 1.8", 1, 2, ""},
		{"SR 1.9", 1, 2, ""},
		{"SR 1.9 RE 1", 1, 3, ""}, // [X33] [DSL] [FLA] agree on SL 3
		{"SR 1.13", 1, 1, ""},
		{"SR 1.13 RE 1", 1, 2, ""}, // §5.15.4 per [X33] and [DSL]; [X33] notes Table B.1 may differ
		// FR 2, 3-3: [X33] §6.x; [DSL].
		{"SR 2.1 RE 1", 2, 2, ""},
		{"SR 2.1 RE 2", 2, 2, ""},
		{"SR 2.1 RE 3", 2, 3, ""},
		{"SR 2.1 RE 4", 2, 4, ""},
		{"SR 2.2 RE 1", 2, 3, ""},
		{"SR 2.3 RE 1", 2, 3, ""}, // also [ISA] Table 2
		{"SR 2.4 RE 1", 2, 3, ""},
		{"SR 2.6", 2, 2, ""},
		{"SR 2.7", 2, 3, ""},
		{"SR 2.11", 2, 2, ""},
		{"SR 2.11 RE 1", 2, 3, ""},
		{"SR 2.11 RE 2", 2, 4, ""},
		{"SR 2.12", 2, 3, ""},
		{"SR 2.12 RE 1", 2, 4, ""},
		// FR 3, 3-3: [X33] §7.x; [DSL]; SR 3.4 at SL 2 per [COR] and [DSL].
		{"SR 3.1 RE 1", 3, 3, ""},
		{"SR 3.2 RE 1", 3, 2, ""},
		{"SR 3.2 RE 2", 3, 3, ""},
		{"SR 3.3 RE 2", 3, 4, ""},
		{"SR 3.4", 3, 2, ""},
		{"SR 3.4 RE 1", 3, 3, ""},
		{"SR 3.7", 3, 2, ""},
		{"SR 3.8", 3, 2, ""},
		{"SR 3.8 RE 3", 3, 4, ""},
		{"SR 3.9 RE 1", 3, 4, ""},
		// FR 4, 3-3: [X33] §8.x; [DSL]. SR 4.1 RE 2 at SL 4 per [ISA] Table 2 and [DSL]; [X33] says SL 3.
		{"SR 4.1 RE 1", 4, 2, ""},
		{"SR 4.1 RE 2", 4, 4, ""},
		{"SR 4.2", 4, 2, ""},
		{"SR 4.2 RE 1", 4, 3, ""},
		// FR 5, 3-3: [X33] §9.x; [DSL]; [ISA] Tables 2 and 3.
		{"SR 5.1 RE 1", 5, 2, ""},
		{"SR 5.1 RE 2", 5, 3, ""},
		{"SR 5.1 RE 3", 5, 4, ""},
		{"SR 5.2 RE 1", 5, 2, ""},
		{"SR 5.2 RE 3", 5, 3, ""},
		{"SR 5.3 RE 1", 5, 3, ""},
		{"SR 5.4", 5, 1, ""},
		// FR 6, 3-3: [X33] §10.x and its Table B.1 SL-2 list; [DSL].
		{"SR 6.1 RE 1", 6, 3, ""},
		{"SR 6.2", 6, 2, ""},
		// FR 7, 3-3: [X33] §11.x; [DSL].
		{"SR 7.1 RE 1", 7, 2, ""},
		{"SR 7.1 RE 2", 7, 3, ""},
		{"SR 7.3 RE 2", 7, 3, ""},
		{"SR 7.5", 7, 1, ""},
		{"SR 7.6 RE 1", 7, 3, ""},
		{"SR 7.8", 7, 2, ""},

		// FR 1, 4-2: [X42] CR SL lists; [TUW] for CR 1.1; [DSL] (NDR 1.13 RE 1 at SL 3 in both); [ISA] Tables 6, 16 and §4.5.4 for the REs.
		{"CR 1.1 RE 1", 1, 2, ""},
		{"CR 1.1 RE 2", 1, 3, ""},
		{"CR 1.2", 1, 2, ""},
		{"CR 1.5 RE 1", 1, 3, ""},
		{"CR 1.9 RE 1", 1, 3, ""},
		{"CR 1.14", 1, 2, ""},
		{"CR 1.14 RE 1", 1, 3, ""},
		{"NDR 1.6", 1, 1, model.ClassNetwork},
		{"NDR 1.6 RE 1", 1, 2, model.ClassNetwork},
		{"NDR 1.13", 1, 1, model.ClassNetwork},
		{"NDR 1.13 RE 1", 1, 3, model.ClassNetwork},
		// FR 2, 4-2: [X42]; [DSL]; [ISA] Tables 5, 6. CR 2.12 at SL 1 and CR 2.11 RE 1 at SL 2 differ from 3-3.
		{"CR 2.1 RE 2", 2, 2, ""},
		{"CR 2.6", 2, 2, ""},
		{"CR 2.7", 2, 3, ""},
		{"CR 2.11 RE 1", 2, 2, ""},
		{"CR 2.11 RE 2", 2, 4, ""},
		{"CR 2.12", 2, 1, ""},
		{"CR 2.12 RE 1", 2, 4, ""},
		{"SAR 2.4 RE 1", 2, 2, model.ClassApplication},
		{"EDR 2.4 RE 1", 2, 2, model.ClassEmbedded},
		{"NDR 2.4 RE 1", 2, 2, model.ClassNetwork},
		{"EDR 2.13", 2, 2, model.ClassEmbedded},
		{"EDR 2.13 RE 1", 2, 3, model.ClassEmbedded},
		{"HDR 2.13", 2, 2, model.ClassHost},
		{"HDR 2.13 RE 1", 2, 3, model.ClassHost}, // [ISA] Table 6
		// FR 3, 4-2: [X42]; [SEW] (not required at SL 1: CR 3.8, 3.9, EDR 3.11-3.13); [DSL]; [ISA] Table 16 for CR 3.1, 3.4 and the EDR|HDR|NDR 3.10-3.14 rows.
		{"CR 3.1 RE 1", 3, 2, ""},
		{"CR 3.3 RE 1", 3, 4, ""},
		{"CR 3.4", 3, 1, ""},
		{"CR 3.4 RE 1", 3, 2, ""},
		{"CR 3.4 RE 2", 3, 3, ""},
		{"CR 3.7", 3, 1, ""},
		{"CR 3.8", 3, 2, ""},
		{"CR 3.9 RE 1", 3, 4, ""},
		{"SAR 3.2", 3, 1, model.ClassApplication},
		{"EDR 3.2", 3, 1, model.ClassEmbedded},
		{"HDR 3.2 RE 1", 3, 2, model.ClassHost}, // [DSL] only
		{"NDR 3.2", 3, 1, model.ClassNetwork},
		{"EDR 3.10", 3, 1, model.ClassEmbedded},
		{"EDR 3.10 RE 1", 3, 2, model.ClassEmbedded},
		{"EDR 3.11", 3, 2, model.ClassEmbedded},
		{"EDR 3.11 RE 1", 3, 3, model.ClassEmbedded},
		{"EDR 3.12", 3, 2, model.ClassEmbedded},
		{"EDR 3.13", 3, 2, model.ClassEmbedded},
		{"EDR 3.14", 3, 1, model.ClassEmbedded},
		{"EDR 3.14 RE 1", 3, 2, model.ClassEmbedded},
		{"HDR 3.14 RE 1", 3, 2, model.ClassHost},
		{"HDR 3.10 RE 1", 3, 2, model.ClassHost},
		{"HDR 3.11", 3, 2, model.ClassHost},
		{"HDR 3.11 RE 1", 3, 3, model.ClassHost},
		{"HDR 3.12", 3, 2, model.ClassHost},
		{"NDR 3.11 RE 1", 3, 3, model.ClassNetwork},
		// FR 4, 4-2: [X42]; [DSL]; [ISA] Table 16.
		{"CR 4.1", 4, 1, ""},
		{"CR 4.2", 4, 2, ""},
		{"CR 4.2 RE 1", 4, 3, ""},
		{"CR 4.2 RE 2", 4, 3, ""},
		// FR 5, 4-2: [X42]; [DSL].
		{"CR 5.1", 5, 1, ""},
		{"NDR 5.2", 5, 1, model.ClassNetwork},
		{"NDR 5.2 RE 1", 5, 2, model.ClassNetwork},
		{"NDR 5.2 RE 2", 5, 3, model.ClassNetwork},
		{"NDR 5.2 RE 3", 5, 3, model.ClassNetwork},
		{"NDR 5.3", 5, 1, model.ClassNetwork},
		// FR 6, 4-2: [X42] (CR 6.1 RE 1 among the SL 2 exclusions of Table B.1); [ISA] Tables 6, 16, 18. CR 6.1 at SL 1: [DSL] only.
		{"CR 6.1", 6, 1, ""},
		{"CR 6.1 RE 1", 6, 3, ""},
		{"CR 6.2", 6, 2, ""},
		// FR 7, 4-2: [X42] incl. its Table B.1 FR 7 example; [ISA] §4.4.4, Table 6.
		{"CR 7.1 RE 1", 7, 2, ""},
		{"CR 7.3 RE 1", 7, 2, ""},
		{"CR 7.6 RE 1", 7, 3, ""},
		{"CR 7.8", 7, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.id+" has its FR, lowest SL and class", func(t *testing.T) {
			r, ok := c.Requirement(tt.id)
			if !ok {
				t.Fatalf("%s is missing", tt.id)
			}
			if r.FR != tt.fr || r.MinSL != tt.minSL || r.Class != tt.class {
				t.Errorf("got FR%d SL%d class %q, want FR%d SL%d class %q", r.FR, r.MinSL, r.Class, tt.fr, tt.minSL, tt.class)
			}
			wantStd := StandardSystem
			if !strings.HasPrefix(tt.id, "SR ") {
				wantStd = StandardComponent
			}
			if r.Standard != wantStd {
				t.Errorf("standard is %q, want %q", r.Standard, wantStd)
			}
		})
	}
}

// TestCatalogueAbsentItems checks what the standards do not have: 4-2 replaces
// some CRs by component-specific requirements and has none for CR 2.3, 5.4 and
// 7.5 [X42] [OSC]; device-only clauses have no SAR form [X42].
func TestCatalogueAbsentItems(t *testing.T) {
	c := builtinOrFail(t)
	for _, id := range []string{
		"CR 1.6", "CR 1.13", "CR 2.3", "CR 2.4", "CR 2.13", "CR 3.2", "CR 3.10", "CR 3.11",
		"CR 3.12", "CR 3.13", "CR 3.14", "CR 5.2", "CR 5.3", "CR 5.4", "CR 7.5",
		"SAR 2.13", "SAR 3.10", "SAR 3.14", "EDR 1.6", "HDR 5.2", "EDR 3.2 RE 1", "NDR 3.2 RE 1",
		"SR 6.2 RE 1", "SR 1.4 RE 1", "CR 4.1 RE 1", "CR 3.8 RE 1",
	} {
		t.Run(id+" does not exist", func(t *testing.T) {
			if _, ok := c.Requirement(id); ok {
				t.Errorf("%s is in the catalogue", id)
			}
		})
	}
}

func TestCatalogueStructure(t *testing.T) {
	c := builtinOrFail(t)
	for _, list := range [][]Requirement{c.System, c.Component} {
		byID := map[string]Requirement{}
		for _, r := range list {
			byID[r.ID] = r
		}
		for _, r := range list {
			if r.Base == "" {
				continue
			}
			t.Run(r.ID+" enhances an existing base with no higher SL", func(t *testing.T) {
				b, ok := byID[r.Base]
				if !ok {
					t.Fatalf("base %q missing", r.Base)
				}
				if b.MinSL > r.MinSL || b.FR != r.FR || b.Class != r.Class {
					t.Errorf("base %+v does not fit RE %+v", b, r)
				}
			})
		}
	}
}

// TestSelectionIsCumulative is the property of docs/METHOD.md step 5: per FR, the
// requirements selected at SL n are a subset of those at SL n+1.
func TestSelectionIsCumulative(t *testing.T) {
	c := builtinOrFail(t)
	classes := append([]model.AssetClass{""}, model.AssetClasses()...)
	for _, f := range model.AllFRs {
		for sl := 0; sl < model.MaxSL; sl++ {
			var lo, hi model.SLVector
			lo.Set(f, sl)
			hi.Set(f, sl+1)
			t.Run(f.String()+" SL "+string(rune('0'+sl))+" is within the next SL for systems", func(t *testing.T) {
				assertSubset(t, ids(c.SelectSystem(lo)), ids(c.SelectSystem(hi)))
			})
			for _, cl := range classes[1:] {
				t.Run(f.String()+" SL "+string(rune('0'+sl))+" is within the next SL for "+string(cl), func(t *testing.T) {
					assertSubset(t, ids(c.SelectComponent(lo, cl)), ids(c.SelectComponent(hi, cl)))
				})
			}
		}
	}
}

func assertSubset(t *testing.T, small, big []string) {
	t.Helper()
	for _, id := range small {
		if !slices.Contains(big, id) {
			t.Errorf("%s is selected at the lower SL but not at the higher one", id)
		}
	}
	if len(small) > len(big) {
		t.Errorf("lower SL selects %d, higher SL only %d", len(small), len(big))
	}
}

func TestSelectSystem(t *testing.T) {
	c := builtinOrFail(t)
	tests := []struct {
		name string
		v    model.SLVector
		want []string
	}{
		{"SL 0 everywhere selects nothing", model.SLVector{}, nil},
		{
			// Base SRs whose SL-C lists start at SL 1 [X33] [DSL].
			"SL 1 everywhere selects only the base SRs required at SL 1",
			model.SLVector{1, 1, 1, 1, 1, 1, 1},
			[]string{
				"SR 1.1", "SR 1.3", "SR 1.4", "SR 1.5", "SR 1.6", "SR 1.7", "SR 1.10", "SR 1.11", "SR 1.12", "SR 1.13",
				"SR 2.1", "SR 2.2", "SR 2.3", "SR 2.4", "SR 2.5", "SR 2.8", "SR 2.9", "SR 2.10",
				"SR 3.1", "SR 3.2", "SR 3.3", "SR 3.5", "SR 3.6",
				"SR 4.1", "SR 4.3",
				"SR 5.1", "SR 5.2", "SR 5.3", "SR 5.4",
				"SR 6.1",
				"SR 7.1", "SR 7.2", "SR 7.3", "SR 7.4", "SR 7.5", "SR 7.6", "SR 7.7",
			},
		},
		{
			// FR 1 at SL 2 ([X33] FR 1 SL-C 2 checklist) and FR 5 at SL 3 ([X33] §9.x).
			"IAC 2 and RDF 3 select FR 1 to SL 2 and FR 5 to SL 3 only",
			model.SLVector{2, 0, 0, 0, 3, 0, 0},
			[]string{
				"SR 1.1", "SR 1.1 RE 1", "SR 1.2", "SR 1.3", "SR 1.4", "SR 1.5", "SR 1.6", "SR 1.6 RE 1",
				"SR 1.7", "SR 1.8", "SR 1.9", "SR 1.10", "SR 1.11", "SR 1.12", "SR 1.13", "SR 1.13 RE 1",
				"SR 5.1", "SR 5.1 RE 1", "SR 5.1 RE 2", "SR 5.2", "SR 5.2 RE 1", "SR 5.2 RE 2", "SR 5.2 RE 3",
				"SR 5.3", "SR 5.3 RE 1", "SR 5.4",
			},
		},
		{
			// FR 2 at SL 2 ([X33] FR 2 SL-C 2 checklist) and FR 6 at SL 3.
			"UC 2 and TRE 3 select the SL 2 use-control set and all of FR 6",
			model.SLVector{0, 2, 0, 0, 0, 3, 0},
			[]string{
				"SR 2.1", "SR 2.1 RE 1", "SR 2.1 RE 2", "SR 2.2", "SR 2.3", "SR 2.4", "SR 2.5", "SR 2.6",
				"SR 2.8", "SR 2.9", "SR 2.10", "SR 2.11",
				"SR 6.1", "SR 6.1 RE 1", "SR 6.2",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(c.SelectSystem(tt.v)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
	t.Run("SL 4 everywhere selects every SR and RE", func(t *testing.T) {
		if got := len(c.SelectSystem(model.SLVector{4, 4, 4, 4, 4, 4, 4})); got != len(c.System) {
			t.Errorf("got %d, want %d", got, len(c.System))
		}
	})
}

func TestSelectComponent(t *testing.T) {
	c := builtinOrFail(t)
	sl2 := model.SLVector{2, 2, 2, 2, 2, 2, 2}
	for _, cl := range model.AssetClasses() {
		t.Run("a "+string(cl)+" gets its own class items and no other class's", func(t *testing.T) {
			got := c.SelectComponent(model.SLVector{4, 4, 4, 4, 4, 4, 4}, cl)
			own := 0
			for _, r := range got {
				switch {
				case r.Class == cl:
					own++
				case r.Class != "":
					t.Errorf("%s of class %s selected for %s", r.ID, r.Class, cl)
				}
				if r.Class == "" && !strings.HasPrefix(r.ID, "CR ") {
					t.Errorf("%s has no class but is not a CR", r.ID)
				}
			}
			if own == 0 {
				t.Errorf("no %s items selected", cl.Prefix())
			}
		})
	}
	tests := []struct {
		name  string
		v     model.SLVector
		class model.AssetClass
		want  []string
	}{
		{
			// [X42] EDR SL-C 2 checklist and Table B.1 FR 3 SL 2 rows.
			"an embedded device at SI 2 needs the EDR boot, update, tamper and root-of-trust items",
			model.SLVector{0, 0, 2, 0, 0, 0, 0}, model.ClassEmbedded,
			[]string{
				"CR 3.1", "CR 3.1 RE 1", "CR 3.3", "CR 3.4", "CR 3.4 RE 1", "CR 3.5", "CR 3.6", "CR 3.7", "CR 3.8", "CR 3.9",
				"EDR 3.2", "EDR 3.10", "EDR 3.10 RE 1", "EDR 3.11", "EDR 3.12", "EDR 3.13", "EDR 3.14", "EDR 3.14 RE 1",
			},
		},
		{
			// [X42] Table B.1 FR 5 SL 2 rows.
			"a network device at RDF 2 needs CR 5.1 and the NDR boundary items",
			model.SLVector{0, 0, 0, 0, 2, 0, 0}, model.ClassNetwork,
			[]string{"CR 5.1", "NDR 5.2", "NDR 5.2 RE 1", "NDR 5.3"},
		},
		{
			"a host device at RDF 4 needs only CR 5.1",
			model.SLVector{0, 0, 0, 0, 4, 0, 0}, model.ClassHost,
			[]string{"CR 5.1"},
		},
		{
			// [X42] Table B.1 FR 7 example: SL 2 = CR 7.1-7.7 plus CR 7.1 RE 1, CR 7.3 RE 1, CR 7.8.
			"an application at RA 2 needs the SL 2 availability set",
			model.SLVector{0, 0, 0, 0, 0, 0, 2}, model.ClassApplication,
			[]string{"CR 7.1", "CR 7.1 RE 1", "CR 7.2", "CR 7.3", "CR 7.3 RE 1", "CR 7.4", "CR 7.6", "CR 7.7", "CR 7.8"},
		},
		{
			// [X42] FR 1 SL-C 2 checklist (network device view).
			"a network device at IAC 2 needs the SL 2 identification set",
			model.SLVector{2, 0, 0, 0, 0, 0, 0}, model.ClassNetwork,
			[]string{
				"CR 1.1", "CR 1.1 RE 1", "CR 1.2", "CR 1.3", "CR 1.4", "CR 1.5", "CR 1.7", "CR 1.8", "CR 1.9",
				"CR 1.10", "CR 1.11", "CR 1.12", "CR 1.14", "NDR 1.6", "NDR 1.6 RE 1", "NDR 1.13",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(c.SelectComponent(tt.v, tt.class)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
	t.Run("SL 2 everywhere gives an application no device items", func(t *testing.T) {
		for _, r := range c.SelectComponent(sl2, model.ClassApplication) {
			if r.Class != "" && r.Class != model.ClassApplication {
				t.Errorf("%s selected", r.ID)
			}
		}
	})
}

func TestDecodeCatalogRejectsBadData(t *testing.T) {
	const head = `{"standard":"IEC 62443-4-2:2019","edition":"e","requirements":[`
	item := func(s string) string { return head + s + `]}` }
	ok := `{"id":"CR 1.1","fr":1,"minSL":1,"title":"t","summary":"s"}`
	tests := []struct {
		name, data, want string
	}{
		{"an unknown field is refused", item(`{"id":"CR 1.1","fr":1,"minSL":1,"title":"t","summary":"s","x":1}`), "unknown field"},
		{"trailing data is refused", item(ok) + `{}`, "data after"},
		{"a wrong standard is refused", `{"standard":"IEC 62443-3-3:2013","edition":"e","requirements":[` + ok + `]}`, "standard is"},
		{"an empty list is refused", head + `]}`, "no requirements"},
		{"a duplicate id is refused", item(ok + `,` + ok), "duplicate"},
		{"a malformed id is refused", item(`{"id":"CR1.1","fr":1,"minSL":1,"title":"t","summary":"s"}`), "does not match"},
		{"an SR id in 4-2 is refused", item(`{"id":"SR 1.1","fr":1,"minSL":1,"title":"t","summary":"s"}`), "does not match"},
		{"FR 8 is refused", item(`{"id":"CR 1.1","fr":8,"minSL":1,"title":"t","summary":"s"}`), "want 1..7"},
		{"an FR not matching the id is refused", item(`{"id":"CR 1.1","fr":2,"minSL":1,"title":"t","summary":"s"}`), "belongs to FR 1"},
		{"minSL 0 is refused", item(`{"id":"CR 1.1","fr":1,"minSL":0,"title":"t","summary":"s"}`), "minSL is 0"},
		{"minSL 5 is refused", item(`{"id":"CR 1.1","fr":1,"minSL":5,"title":"t","summary":"s"}`), "minSL is 5"},
		{"an empty title is refused", item(`{"id":"CR 1.1","fr":1,"minSL":1,"summary":"s"}`), "title is empty"},
		{"an RE without its base is refused", item(`{"id":"CR 1.1 RE 1","fr":1,"minSL":2,"base":"CR 1.1","title":"t","summary":"s"}`), "not listed before"},
		{"an RE naming the wrong base is refused", item(ok + `,{"id":"CR 1.1 RE 1","fr":1,"minSL":2,"base":"CR 1.2","title":"t","summary":"s"}`), `want "CR 1.1"`},
		{"an RE below its base's SL is refused", item(`{"id":"CR 1.1","fr":1,"minSL":2,"title":"t","summary":"s"},{"id":"CR 1.1 RE 1","fr":1,"minSL":1,"base":"CR 1.1","title":"t","summary":"s"}`), "below base"},
		{"a base requirement with a base is refused", item(`{"id":"CR 1.2","fr":1,"minSL":1,"base":"CR 1.1","title":"t","summary":"s"}`), "want none"},
		{"an EDR item without class is refused", item(`{"id":"EDR 3.14","fr":3,"minSL":1,"title":"t","summary":"s"}`), "prefix is EDR"},
		{"an EDR item with the host class is refused", item(`{"id":"EDR 3.14","fr":3,"minSL":1,"class":"host-device","title":"t","summary":"s"}`), "prefix is EDR"},
		{"a CR with a class is refused", item(`{"id":"CR 1.1","fr":1,"minSL":1,"class":"host-device","title":"t","summary":"s"}`), "want none for CR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeCatalog([]byte(tt.data), StandardComponent, componentID)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	t.Run("a minimal valid catalogue is accepted", func(t *testing.T) {
		rs, err := decodeCatalog([]byte(item(ok)), StandardComponent, componentID)
		if err != nil || len(rs) != 1 || rs[0].Standard != StandardComponent {
			t.Errorf("got %v, %v", rs, err)
		}
	})
}

func FuzzDecodeCatalog(f *testing.F) {
	for _, name := range []string{systemFile, componentFile} {
		data, err := assets.Catalog.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"standard":"IEC 62443-4-2:2019","edition":"e","requirements":[{"id":"EDR 3.14 RE 1","fr":3,"minSL":2}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, std := range []struct {
			name string
			re   bool
		}{{StandardSystem, false}, {StandardComponent, true}} {
			pat := systemID
			if std.re {
				pat = componentID
			}
			rs, err := decodeCatalog(data, std.name, pat)
			if err != nil {
				continue
			}
			for _, r := range rs {
				if !r.FR.Valid() || r.MinSL < 1 || r.MinSL > model.MaxSL || !pat.MatchString(r.ID) {
					t.Fatalf("accepted invalid requirement %+v", r)
				}
			}
		}
	})
}
