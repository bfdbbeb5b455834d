package i18n

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

func TestCatalogueFilesLoad(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
}

func TestEveryKeyIsInEveryLanguage(t *testing.T) {
	en := For(EN).Keys()
	for _, l := range Langs {
		keys := For(l).Keys()
		for _, k := range en {
			if !slices.Contains(keys, k) {
				t.Errorf("locales/%s.json lacks %q", l, k)
			}
		}
		for _, k := range keys {
			if !slices.Contains(en, k) {
				t.Errorf("locales/%s.json has %q, which English lacks", l, k)
			}
		}
	}
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestTranslationsUseTheSamePlaceholders(t *testing.T) {
	for _, l := range Langs {
		raw, err := readFile(l)
		if err != nil {
			t.Fatal(err)
		}
		enRaw, _ := readFile(EN)
		for k, msg := range raw {
			if got, want := placeholders(msg), placeholders(enRaw[k]); !slices.Equal(got, want) {
				t.Errorf("%s %q: placeholders %v, English has %v", l, k, got, want)
			}
			if strings.TrimSpace(msg) == "" {
				t.Errorf("%s %q is empty", l, k)
			}
		}
	}
}

// wordless reports whether a message is only placeholders, digits and
// punctuation ("{{.Key}}  {{.Class}}"): there is nothing to translate.
func wordless(s string) bool {
	rest := placeholder.ReplaceAllString(s, "")
	return !strings.ContainsFunc(rest, unicode.IsLetter)
}

func TestGermanIsTranslated(t *testing.T) {
	// A German message equal to the English one is allowed only for words
	// that are the same in both languages; the list keeps that deliberate.
	same := map[string]bool{"app.name": true, "canvas.mark.added.short": true, "canvas.mark.changed.short": true, "canvas.mark.assets.short": true, "docx.approval.name": true, "find.kind.asset": true, "find.kind.conduit": true, "find.kind.zone": true, "find.result": true, "room.guide.step5.title": true, "doc.scenarioVuln": true, "doc.cover.revision": true, "doc.footer.revision": true, "doc.approval.name": true,
		"register.risk-register.col10": true, "register.asset-inventory.col01": true, "register.asset-inventory.col02": true,
		"register.asset-inventory.col07": true, "register.asset-inventory.col11": true, "register.action-plan.col09": true, "diagram.legend.assets": true,
		"project.name": true, "project.revision": true, "measure.status": true, "common.ok": true, "compare.revision.placeholder": true, "compare.revision.label": true, "crypt.field.passphrase": true, "documents.text": true,
		"enum.ConsequenceCategory.reputation": true, "enum.EntryKind.internet": true, "enum.EntryKind.zone": true,
		"enum.TargetKind.asset": true, "enum.TargetKind.conduit": true, "enum.TargetKind.zone": true, "enum.ZoneType.dmz": true,
		// the same words, units and identifiers in the GUI
		"app.windowTitle": true, "canvas.badge": true, "canvas.class.embedded": true, "canvas.class.host": true,
		"canvas.conduit.firewall": true, "canvas.conduit.vpn": true, "canvas.newAsset.network": true, "common.targetLabel": true,
		"kind.asset.describeSLC": true, "kind.asset.title": true, "kind.conduit.heading": true, "kind.conduit.title": true,
		"kind.zone.title": true, "levels.cell.slt": true, "prop.attack": true, "prop.firmware": true, "prop.fr": true,
		"prop.initiator": true, "prop.motivation": true, "prop.name": true, "prop.organisation": true, "prop.port": true,
		"prop.slt": true, "prop.transport": true, "prop.zone": true, "requirements.option.conduit": true, "cli.assess.conduits": true,
		// a file error around an object, and a parser detail passed through
		"projectfile.in-object": true, "projectfile.value.other": true,
		"requirements.option.zone": true, "threats.col.frs": true}
	en, de := For(EN), For(DE)
	enRaw, err := readFile(EN)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range en.Keys() {
		data := map[string]string{}
		for _, name := range placeholders(enRaw[k]) {
			data[name] = "x"
		}
		got, want := de.T(k, data), en.T(k, data)
		if strings.HasPrefix(got, "[") {
			t.Errorf("%q does not fill in German: %s", k, got)
		}
		if !same[k] && !wordless(enRaw[k]) && got == want {
			t.Errorf("%q reads the same in German as in English", k)
		}
	}
}

func TestT(t *testing.T) {
	de := For(DE)
	tests := []struct {
		name string
		cat  *Catalog
		key  string
		data any
		want string
	}{
		{"a plain message is looked up", de, "menu.file", nil, "Datei"},
		{"placeholders are filled from a map", de, "file.unsaved", map[string]string{"Name": "Wasserwerk"}, "„Wasserwerk“ hat ungespeicherte Änderungen."},
		{"placeholders are filled from a struct", For(EN), "file.unsaved", struct{ Name string }{"Plant"}, "“Plant” has unsaved changes."},
		{"a missing placeholder shows the key, not half a sentence", de, "file.unsaved", map[string]string{}, "[file.unsaved]"},
		{"an unknown key shows the key in brackets", de, "no.such.key", nil, "[no.such.key]"},
		{"an unknown language is English", For("fr"), "menu.file", nil, "File"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			if tc.data == nil {
				got = tc.cat.T(tc.key)
			} else {
				got = tc.cat.T(tc.key, tc.data)
			}
			if got != tc.want {
				t.Errorf("T(%q) = %q, want %q", tc.key, got, tc.want)
			}
		})
	}
}

func TestGermanFallsBackToEnglishForAMissingMessage(t *testing.T) {
	c := &Catalog{lang: DE, msgs: nil, fallback: For(EN)}
	if got := c.T("menu.file"); got != "File" {
		t.Errorf("got %q, want the English fallback", got)
	}
	if !c.Has("menu.file") || c.Has("no.such.key") {
		t.Error("Has does not follow the fallback")
	}
}

func TestParseFileRefusesBadFiles(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"a duplicate key", `{"a": "x", "a": "y"}`, `message "a" appears twice`},
		{"a message that is not a string", `{"a": 1}`, `message "a"`},
		{"an array instead of an object", `["a"]`, "want one JSON object"},
		{"broken JSON", `{"a": "x"`, "t.json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseFile("t.json", []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "t.json") {
				t.Errorf("err = %v, want one naming t.json and containing %q", err, tc.want)
			}
		})
	}
}

func TestLanguageFromLocale(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"de", DE, true}, {"DE", DE, true}, {"de_DE.UTF-8", DE, true}, {"de-AT", DE, true}, {"de_CH@euro", DE, true},
		{"en", EN, true}, {"en_GB.UTF-8", EN, true}, {"C", EN, false}, {"", EN, false}, {"fr_FR", EN, false}, {"deu", EN, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := FromLocale(tc.in); got != tc.want {
				t.Errorf("FromLocale(%q) = %q, want %q", tc.in, got, tc.want)
			}
			_, err := Parse(tc.in)
			if (err == nil) != tc.ok {
				t.Errorf("Parse(%q) err = %v, want ok=%v", tc.in, err, tc.ok)
			}
		})
	}
}

func TestDatesAndNumbersFollowTheLanguage(t *testing.T) {
	day := time.Date(2026, 12, 4, 15, 0, 0, 0, time.UTC)
	en, de := For(EN), For(DE)
	tests := []struct{ name, got, want string }{
		{"German date", de.Date(day), "04.12.2026"},
		{"English date", en.Date(day), "2026-12-04"},
		{"German decimal", de.Number(1234.5, 1), "1.234,5"},
		{"English decimal", en.Number(1234.5, 1), "1,234.5"},
		{"German millions", de.Int(1234567), "1.234.567"},
		{"a negative number", de.Number(-1234.25, 2), "-1.234,25"},
		{"no separator below a thousand", en.Int(999), "999"},
		{"zero", de.Number(0, 1), "0,0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

// TestTermWithoutTemplate: a message without placeholders comes back as
// written, with or without data, as the template engine writes it (an
// empty one too).
func TestTermWithoutTemplate(t *testing.T) {
	c := &Catalog{lang: EN, msgs: map[string]string{"plain": "the zone's SL-T & <more>", "empty": "", "filled": "zone {{.Name}}"}}
	for _, data := range [][]any{nil, {map[string]string{"Name": "x"}}} {
		if got := c.T("plain", data...); got != "the zone's SL-T & <more>" {
			t.Errorf("T(plain, %v) = %q", data, got)
		}
	}
	if got := c.T("empty"); got != "" {
		t.Errorf("T(empty) = %q, want nothing", got)
	}
	if got := c.T("filled", map[string]string{"Name": "Z1"}); got != "zone Z1" {
		t.Errorf("T(filled) = %q, want zone Z1", got)
	}
}

func TestWordlessMessagesNeedNoTranslation(t *testing.T) {
	for s, want := range map[string]bool{"{{.Key}}  {{.Class}}": true, "{{.Scale}} {{.N}}": true, "· {{.N}}/7": true, "Zone {{.N}}": false, "{{.N}} Zonen": false} {
		if got := wordless(s); got != want {
			t.Errorf("wordless(%q) = %v, want %v", s, got, want)
		}
	}
}
