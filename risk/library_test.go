package risk

import (
	"slices"
	"strings"
	"testing"

	"zonewise/assets"
	"zonewise/model"
)

func builtinCatalog(t testing.TB) *Catalog {
	t.Helper()
	cat, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	return cat
}

func TestLibrarySizes(t *testing.T) {
	cat := builtinCatalog(t)
	// A library a consultant can work from without typing: at least 45
	// measures and 45 threat templates.
	if n := len(cat.Measures); n < 45 {
		t.Errorf("the countermeasure library has %d measures, want at least 45", n)
	}
	if n := len(cat.Threats); n < 45 {
		t.Errorf("the threat library has %d templates, want at least 45", n)
	}
}

func TestRequiredMeasuresArePresent(t *testing.T) {
	cat := builtinCatalog(t)
	// The sample plant and the engine's tests refer to these IDs.
	for _, id := range []string{
		"CM-FW-DENY", "CM-DIODE", "CM-JUMPHOST", "CM-MFA", "CM-ALLOWLIST", "CM-USB",
		"CM-IDS", "CM-SIEM", "CM-BACKUP", "CM-PATCH", "CM-HARDEN", "CM-RBAC", "CM-PKI",
		"CM-SIGNED-FW", "CM-DPI-FW", "CM-NAC", "CM-PHYS", "CM-NTP", "CM-AV",
	} {
		t.Run(id+" is in the library", func(t *testing.T) {
			if _, ok := cat.Measure(id); !ok {
				t.Errorf("measure %s is missing", id)
			}
		})
	}
}

func TestEveryMeasureIsConsistent(t *testing.T) {
	cat := builtinCatalog(t)
	for _, m := range cat.Measures {
		t.Run(m.ID, func(t *testing.T) {
			if m.Max.IsZero() {
				t.Errorf("max %v supports no FR", m.Max)
			}
			for i, sl := range m.Max {
				if sl < 0 || sl > 4 {
					t.Errorf("max for FR%d is %d, want 0..4", i+1, sl)
				}
			}
			backed := map[model.FR]bool{}
			for _, id := range m.Requirements {
				fr, ok := SystemRequirementFR(id)
				if !ok {
					t.Errorf("requirement %q is not written like \"SR 5.1\" or \"SR 1.1 RE 2\"", id)
					continue
				}
				// An SR's FR is its first number: SR 5.x supports FR5.
				if m.Max.Get(fr) == 0 {
					t.Errorf("requirement %s is of %s, but max for %s is 0", id, fr, fr)
				}
				backed[fr] = true
			}
			for _, fr := range model.AllFRs {
				if m.Max.Get(fr) > 0 && !backed[fr] {
					t.Errorf("max for %s is %d, but no %s requirement is listed", fr, m.Max.Get(fr), fr)
				}
			}
			if !m.Kind.Valid() {
				t.Errorf("kind %q is unknown", m.Kind)
			}
			if len(m.Targets) == 0 {
				t.Error("targets is empty")
			}
			for _, k := range m.Targets {
				if !k.Valid() {
					t.Errorf("target kind %q is unknown", k)
				}
			}
			for _, z := range m.ZoneTypes {
				if !z.Valid() {
					t.Errorf("zone type %q is unknown", z)
				}
			}
			for _, c := range m.ConduitTypes {
				if !c.Valid() {
					t.Errorf("conduit type %q is unknown", c)
				}
			}
			for _, c := range m.AssetClasses {
				if !c.Valid() {
					t.Errorf("asset class %q is unknown", c)
				}
			}
			for _, i := range m.Impacts {
				if !i.Valid() {
					t.Errorf("impact %q is unknown", i)
				}
			}
			if m.Effort < 1 || m.Effort > 3 {
				t.Errorf("effort is %d, want 1..3", m.Effort)
			}
		})
	}
}

// Impacts matter to the essential-function guard (docs/METHOD.md step 7): the
// measures known to disturb essential functions must say so.
func TestMeasuresDeclareTheirImpacts(t *testing.T) {
	cat := builtinCatalog(t)
	for _, c := range []struct {
		id     string
		impact model.Impact
	}{
		{"CM-MFA", model.ImpactAuthWait},
		{"CM-PATCH", model.ImpactReboot},
		{"CM-VULN-SCAN", model.ImpactScanning},
		{"CM-DPI-FW", model.ImpactLatency},
		{"CM-DPI-FW", model.ImpactBlocking},
		{"CM-LOCKOUT", model.ImpactLockout},
		{"CM-AV", model.ImpactCPU},
	} {
		t.Run(c.id+" may cause "+string(c.impact), func(t *testing.T) {
			m, ok := cat.Measure(c.id)
			if !ok {
				t.Fatalf("measure %s is missing", c.id)
			}
			for _, i := range m.Impacts {
				if i == c.impact {
					return
				}
			}
			t.Errorf("impacts are %v, want %s among them", m.Impacts, c.impact)
		})
	}
	t.Run("passive monitoring has no impact", func(t *testing.T) {
		if m, _ := cat.Measure("CM-IDS"); len(m.Impacts) != 0 {
			t.Errorf("CM-IDS impacts are %v, want none", m.Impacts)
		}
	})
}

// Every gap a zone can have (FR1..FR7 at SL 1..4) has at least one library
// measure that could close it, and in OT zones and on routed or firewalled
// conduits at least two, so that a rejected proposal always has an
// alternative. The exception is FR5 at SL 4 on a conduit, which in practice
// only a unidirectional gateway reaches.
func TestEveryGapHasMeasures(t *testing.T) {
	cat := builtinCatalog(t)
	count := func(kind model.TargetKind, zt model.ZoneType, ct model.ConduitType, fr model.FR, sl int) int {
		n := 0
		for _, m := range cat.Measures {
			if m.Max.Get(fr) < sl || !slices.Contains(m.Targets, kind) {
				continue
			}
			if kind == model.TargetZone && len(m.ZoneTypes) > 0 && !slices.Contains(m.ZoneTypes, zt) {
				continue
			}
			if kind == model.TargetConduit && len(m.ConduitTypes) > 0 && !slices.Contains(m.ConduitTypes, ct) {
				continue
			}
			n++
		}
		return n
	}
	ot := []model.ZoneType{model.ZoneSupervisory, model.ZoneControl, model.ZoneSafety, model.ZoneField}
	for _, fr := range model.AllFRs {
		for sl := 1; sl <= 4; sl++ {
			for _, zt := range model.ZoneTypes() {
				want := 1
				if slices.Contains(ot, zt) {
					want = 2
				}
				if n := count(model.TargetZone, zt, "", fr, sl); n < want {
					t.Errorf("%s zone: %d measures reach %s SL %d, want at least %d", zt, n, fr, sl, want)
				}
			}
			for _, ct := range []model.ConduitType{model.ConduitRouted, model.ConduitFirewall} {
				want := 2
				if fr == model.FR5 && sl == 4 {
					want = 1
				}
				if n := count(model.TargetConduit, "", ct, fr, sl); n < want {
					t.Errorf("%s conduit: %d measures reach %s SL %d, want at least %d", ct, n, fr, sl, want)
				}
			}
		}
	}
}

// The requirement IDs must exist in the IEC 62443-3-3 catalogue, belong to
// the FR the measure credits and be selected at or below the measure's max
// for that FR (a measure cannot support an RE that only applies above the
// level it can reach).
func TestMeasureRequirementsExistInTheCatalogue(t *testing.T) {
	cat := builtinCatalog(t)
	if len(cat.System) == 0 {
		t.Skip("the IEC 62443-3-3 catalogue is not loaded in this build")
	}
	for _, m := range cat.Measures {
		t.Run(m.ID, func(t *testing.T) {
			for _, id := range m.Requirements {
				r, ok := cat.Requirement(id)
				switch {
				case !ok || r.Standard != "" && !strings.Contains(r.Standard, "3-3"):
					t.Errorf("%s is not an IEC 62443-3-3 requirement", id)
				case m.Max.Get(r.FR) == 0:
					t.Errorf("%s is of %s, but max for %s is 0", id, r.FR, r.FR)
				case r.MinSL > m.Max.Get(r.FR):
					t.Errorf("%s applies from SL %d, above max %d for %s", id, r.MinSL, m.Max.Get(r.FR), r.FR)
				}
			}
		})
	}
}

func TestEveryThreatTemplateIsConsistent(t *testing.T) {
	cat := builtinCatalog(t)
	for _, th := range cat.Threats {
		t.Run(th.ID, func(t *testing.T) {
			if len(th.Techniques) == 0 {
				t.Error("cites no ATT&CK technique")
			}
			for _, id := range th.Techniques {
				if _, ok := TechniqueByID(id); !ok {
					t.Errorf("technique %q is not in the ATT&CK for ICS table", id)
				}
			}
			if th.Capability < 1 || th.Capability > 4 {
				t.Errorf("capability is %d, want 1..4", th.Capability)
			}
			if len(th.FRs) == 0 {
				t.Error("affects no FR")
			}
			for _, fr := range th.FRs {
				if !fr.Valid() {
					t.Errorf("FR %d is unknown", fr)
				}
			}
			if len(th.EntryPoints) == 0 {
				t.Error("has no entry point")
			}
			if len(th.Targets) == 0 {
				t.Error("targets is empty")
			}
			for _, k := range th.Targets {
				if !k.Valid() {
					t.Errorf("target kind %q is unknown", k)
				}
			}
			for _, c := range th.AssetClasses {
				if !c.Valid() {
					t.Errorf("asset class %q is unknown", c)
				}
			}
			for _, z := range th.ZoneTypes {
				if !z.Valid() {
					t.Errorf("zone type %q is unknown", z)
				}
			}
			for _, c := range th.ConduitTypes {
				if !c.Valid() {
					t.Errorf("conduit type %q is unknown", c)
				}
			}
			for _, e := range th.Requires {
				if !validExposure(e) {
					t.Errorf("exposure %q is unknown", e)
				}
			}
			if th.Likelihood < 1 || th.Likelihood > 5 {
				t.Errorf("likelihood is %d, want 1..5", th.Likelihood)
			}
			if len(th.Consequences) == 0 {
				t.Error("has no consequence")
			}
			for _, c := range th.Consequences {
				if !c.Category.Valid() || c.Level < 1 || c.Level > 5 {
					t.Errorf("consequence %s level %d is invalid", c.Category, c.Level)
				}
			}
		})
	}
}

func TestThreatLibraryCoversTheCommonOTTechniques(t *testing.T) {
	cat := builtinCatalog(t)
	cited := map[string]bool{}
	for _, th := range cat.Threats {
		for _, id := range th.Techniques {
			cited[id] = true
		}
	}
	// The techniques every OT risk workshop meets: remote access, valid
	// accounts, removable media, program download, unauthorised commands,
	// loss of safety and denial of service.
	for _, id := range []string{"T0822", "T0859", "T0847", "T0843", "T0855", "T0880", "T0814", "T0866", "T0886"} {
		if !cited[id] {
			t.Errorf("no threat template cites %s", id)
		}
	}
}

func TestTechniqueTable(t *testing.T) {
	// Source: MITRE ATT&CK for ICS v18.1, https://attack.mitre.org/matrices/ics/
	// (83 techniques), and the v18→v19 crosswalk
	// https://attack.mitre.org/docs/subtechniques/ics-sub-techniques-crosswalk.json
	if v := AttackVersion(); v != "18.1" {
		t.Errorf("ATT&CK version is %q, want 18.1", v)
	}
	if !slices.IsSortedFunc(Techniques(), func(a, b Technique) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("the table is not in ID order")
	}
	if n := len(Techniques()); n != 83 {
		t.Errorf("table has %d techniques, want the 83 of ATT&CK for ICS v18.1", n)
	}
	for _, c := range []struct{ id, name, v19 string }{
		{"T0866", "Exploitation of Remote Services", ""},
		{"T0886", "Remote Services", ""},
		{"T0822", "External Remote Services", ""},
		{"T0830", "Adversary-in-the-Middle", ""},
		{"T0880", "Loss of Safety", ""},
		{"T0855", "Unauthorized Command Message", "T1692.001"},
		{"T0812", "Default Credentials", "T1694.001"},
		{"T0839", "Module Firmware", "T1693.002"},
	} {
		t.Run(c.id+" is "+c.name, func(t *testing.T) {
			got, ok := TechniqueByID(c.id)
			if !ok {
				t.Fatalf("%s is missing", c.id)
			}
			if got.Name != c.name || got.V19 != c.v19 {
				t.Errorf("got %q (v19 %q), want %q (v19 %q)", got.Name, got.V19, c.name, c.v19)
			}
		})
	}
	for _, id := range []string{"T0841", "T0875", "T0876", "T0818"} { // deprecated or never assigned
		if _, ok := TechniqueByID(id); ok {
			t.Errorf("%s is in the table but is not an ATT&CK for ICS v18.1 technique", id)
		}
	}
}

func TestSystemRequirementFR(t *testing.T) {
	for _, c := range []struct {
		id string
		fr model.FR
		ok bool
	}{
		{"SR 5.1", model.FR5, true},
		{"SR 1.1 RE 2", model.FR1, true},
		{"SR 7.8", model.FR7, true},
		{"SR 2.11 RE 1", model.FR2, true},
		{"SR 8.1", 0, false},
		{"SR 0.1", 0, false},
		{"SR 5.1 RE", 0, false},
		{"CR 5.1", 0, false},
		{"SR5.1", 0, false},
		{"sr 5.1", 0, false},
	} {
		t.Run(c.id, func(t *testing.T) {
			fr, ok := SystemRequirementFR(c.id)
			if fr != c.fr || ok != c.ok {
				t.Errorf("got %v %v, want %v %v", fr, ok, c.fr, c.ok)
			}
		})
	}
}

// one wraps a single entry in an array.
func one(entry string) string { return "[" + entry + "]" }

const goodMeasure = `{"id":"CM-X","name":"X","kind":"technical","summary":"s","requirements":["SR 5.1"],"max":[0,0,0,0,2,0,0],"targets":["conduit"],"effort":1}`

func TestParseMeasuresRejectsBadEntries(t *testing.T) {
	for _, c := range []struct {
		name, json string
		want       []string // substrings of the error
	}{
		{"not an array", `{"id":"CM-X"}`, []string{"array"}},
		{"an unknown field", `[{"id":"CM-X","colour":"red"}]`, []string{"measure 1 (CM-X)", `unknown field "colour"`}},
		{"a wrong type", `[{"id":"CM-X","effort":"low"}]`, []string{"measure 1 (CM-X)", `"effort"`}},
		{"a short max vector", one(strings.Replace(goodMeasure, "[0,0,0,0,2,0,0]", "[0,0,2]", 1)), []string{"measure 1 (CM-X)", `"max"`}},
		{"a duplicate id", "[" + goodMeasure + "," + goodMeasure + "]", []string{"measure 2 (CM-X)", "already used by measure 1"}},
		{"a bad id", one(strings.Replace(goodMeasure, `"CM-X"`, `"fw"`, 1)), []string{`field "id" is "fw"`}},
		{"a max above 4", one(strings.Replace(goodMeasure, "[0,0,0,0,2,0,0]", "[0,0,0,0,5,0,0]", 1)), []string{`"max"`, "FR5 is 5"}},
		{"an all-zero max", one(strings.Replace(goodMeasure, "[0,0,0,0,2,0,0]", "[0,0,0,0,0,0,0]", 1)), []string{"all zero"}},
		{"an SR of an FR it does not support", one(strings.Replace(goodMeasure, `"SR 5.1"`, `"SR 5.1","SR 3.2"`, 1)), []string{`"SR 3.2" belongs to FR3`}},
		{"an FR without an SR", one(strings.Replace(goodMeasure, "[0,0,0,0,2,0,0]", "[1,0,0,0,2,0,0]", 1)), []string{"FR1 is 1 but no requirement of FR1"}},
		{"a malformed SR", one(strings.Replace(goodMeasure, `"SR 5.1"`, `"SR5.1"`, 1)), []string{`"SR5.1" is not an IEC 62443-3-3 identifier`}},
		{"an unknown impact", one(strings.Replace(goodMeasure, `"effort":1`, `"impacts":["noise"],"effort":1`, 1)), []string{`"impacts": "noise" is unknown`}},
		{"an unknown medium", one(strings.Replace(goodMeasure, `"effort":1`, `"media":["carrier-pigeon"],"effort":1`, 1)), []string{`"media": "carrier-pigeon" is unknown`, `"serial"`}},
		{"an unknown flow kind", one(strings.Replace(goodMeasure, `"effort":1`, `"flowKinds":["gossip"],"effort":1`, 1)), []string{`"flowKinds": "gossip" is unknown`, `"control-write"`}},
		{"an unknown flow effect", one(strings.Replace(goodMeasure, `"effort":1`, `"flowEffect":"sideways","effort":1`, 1)), []string{`"flowEffect" is "sideways"`}},
		{"flow kinds on a measure that never goes on a conduit", one(strings.Replace(strings.Replace(goodMeasure, `["conduit"]`, `["zone"]`, 1), `"effort":1`, `"flowKinds":["interactive"],"effort":1`, 1)), []string{`"targets" has no conduit`}},
		{"an unknown zone type", one(strings.Replace(goodMeasure, `"effort":1`, `"zoneTypes":["office"],"effort":1`, 1)), []string{`"zoneTypes": "office" is unknown`}},
		{"an unknown kind", one(strings.Replace(goodMeasure, `"technical"`, `"magic"`, 1)), []string{`"kind" is "magic"`}},
		{"no targets", one(strings.Replace(goodMeasure, `["conduit"]`, `[]`, 1)), []string{`"targets" is empty`}},
		{"effort 4", one(strings.Replace(goodMeasure, `"effort":1`, `"effort":4`, 1)), []string{`"effort" is 4`}},
		{"trailing data", "[" + goodMeasure + "] []", []string{"after the array"}},
	} {
		t.Run("it rejects "+c.name, func(t *testing.T) {
			_, err := parseMeasures([]byte(c.json))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
	t.Run("it accepts a good entry", func(t *testing.T) {
		if _, err := parseMeasures([]byte(one(goodMeasure))); err != nil {
			t.Fatal(err)
		}
	})
}

const goodThreat = `{"id":"TH-X","name":"X","description":"d","techniques":["T0866"],"capability":2,"frs":[1],"entryPoints":["e"],"targets":["asset"],"likelihood":3,"consequences":[{"category":"production","level":3}]}`

func TestParseThreatsRejectsBadEntries(t *testing.T) {
	known := map[string]bool{"T0866": true, "T0886": true}
	for _, c := range []struct {
		name, from, to string
		want           []string
	}{
		{"an unknown technique", `"T0866"`, `"T0999"`, []string{"threat 1 (TH-X)", `"T0999" is not in the ATT&CK`}},
		{"a malformed technique", `"T0866"`, `"T866"`, []string{`"T866" is not written like`}},
		{"a repeated technique", `"T0866"`, `"T0866","T0866"`, []string{`"T0866" is listed twice`}},
		{"capability 5", `"capability":2`, `"capability":5`, []string{`"capability" is 5`}},
		{"FR 8", `"frs":[1]`, `"frs":[8]`, []string{`"frs": 8 is not an FR`}},
		{"no entry points", `["e"]`, `[]`, []string{`"entryPoints" is empty`}},
		{"an unknown exposure", `"likelihood":3`, `"requires":["telepathy"],"likelihood":3`, []string{`"requires": "telepathy" is unknown`}},
		{"likelihood 0", `"likelihood":3`, `"likelihood":0`, []string{`"likelihood" is 0`}},
		{"an unknown consequence category", `"production"`, `"morale"`, []string{`category "morale" is unknown`}},
		{"a consequence level of 6", `"level":3`, `"level":6`, []string{"level is 6"}},
		{"an unknown field", `"likelihood":3`, `"likelyhood":3`, []string{`unknown field "likelyhood"`}},
	} {
		t.Run("it rejects "+c.name, func(t *testing.T) {
			data := "[" + strings.Replace(goodThreat, c.from, c.to, 1) + "]"
			_, err := parseThreats([]byte(data), known)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
	t.Run("it accepts a good entry", func(t *testing.T) {
		if _, err := parseThreats([]byte("["+goodThreat+"]"), known); err != nil {
			t.Fatal(err)
		}
	})
}

func embedded(t testing.TB, name string) []byte {
	t.Helper()
	data, err := assets.Library.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func knownTechniques() map[string]bool {
	m := map[string]bool{}
	for _, t := range Techniques() {
		m[t.ID] = true
	}
	return m
}

// The loaders never panic, and whatever they accept passes validation.
func FuzzParseMeasures(f *testing.F) {
	f.Add(embedded(f, measuresFile))
	f.Add([]byte("[" + goodMeasure + "]"))
	f.Add([]byte(`[{"id":"CM-X","max":[9,9,9,9,9,9,9]}]`))
	f.Add([]byte(`[null]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, err := parseMeasures(data)
		if err != nil {
			return
		}
		for i := range ms {
			if p := validateMeasure(&ms[i]); len(p) > 0 {
				t.Fatalf("accepted an invalid measure: %v", p)
			}
		}
	})
}

func FuzzParseThreats(f *testing.F) {
	f.Add(embedded(f, threatsFile))
	f.Add([]byte("[" + goodThreat + "]"))
	f.Add([]byte(`[{"id":"TH-X","frs":[0]}]`))
	known := knownTechniques()
	f.Fuzz(func(t *testing.T, data []byte) {
		ts, err := parseThreats(data, known)
		if err != nil {
			return
		}
		for i := range ts {
			if p := validateThreat(&ts[i], known); len(p) > 0 {
				t.Fatalf("accepted an invalid template: %v", p)
			}
		}
	})
}
