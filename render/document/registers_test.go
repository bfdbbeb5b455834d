package document

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zonewise/model"
	"zonewise/templates"
)

// injection holds cell texts that spreadsheet programs would run as formulas.
var injection = []string{"=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"}

// hostileProject names every object with a formula, a Markdown/HTML payload
// or Unicode text.
func hostileProject() *model.Project {
	p := model.New("=cmd|' /C calc'!A0")
	p.Date = "2026-11-26"
	p.Client = "Müller & Söhne <b>GmbH</b>"
	p.Zones = []model.Zone{{ID: "z1", Name: injection[0], Type: model.ZoneControl, PurdueLevel: 1}}
	p.Assets = []model.Asset{
		{ID: "a1", Name: injection[1], ZoneID: "z1", Class: model.ClassEmbedded, Vendor: injection[3], Model: "Größe ß", Criticality: model.CriticalityHigh},
		{ID: "a2", Name: injection[2], ZoneID: "z1", Class: model.ClassHost, Firmware: injection[4], Description: injection[5]},
	}
	p.Actors = []model.ThreatActor{{ID: "t1", Name: "@actor", Capability: 2}}
	p.Scenarios = []model.ThreatScenario{{ID: "s1", Name: "=1+1", ActorID: "t1", TargetKind: model.TargetZone, TargetID: "z1", Likelihood: 3,
		Consequences: []model.Consequence{{Category: model.ConsequenceSafety, Level: 4}}, EntryPoint: "-entry", TreatmentNote: "+note"}}
	p.Countermeasures = []model.CountermeasureInstance{{ID: "m1", MeasureID: "=CM", TargetKind: model.TargetZone, TargetID: "z1", Status: model.StatusAccepted, Owner: "@owner", Notes: "-notes"}}
	return p
}

func isDangerous(v string) bool {
	return v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0]))
}

func TestCSVDefusesFormulas(t *testing.T) {
	p := hostileProject()
	d := templates.NewData(p, nil, nil, p.Date)
	for _, reg := range Registers(d) {
		t.Run(reg.Name+" has no cell that starts a formula", func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteCSV(&buf, reg); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")) {
				t.Error("no UTF-8 byte order mark")
			}
			recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff")))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) < 2 {
				t.Fatalf("%d records, want a header and rows", len(recs))
			}
			for _, rec := range recs {
				for _, v := range rec {
					if isDangerous(v) {
						t.Errorf("cell %q starts a formula", v)
					}
				}
			}
		})
	}
	t.Run("the defused text keeps the original after the apostrophe", func(t *testing.T) {
		if got := SafeCell("=1+1"); got != "'=1+1" {
			t.Errorf("SafeCell = %q", got)
		}
		if got := SafeCell("Größe"); got != "Größe" {
			t.Errorf("SafeCell changed harmless text: %q", got)
		}
	})
}

func TestXLSXHasNoFormulas(t *testing.T) {
	p := hostileProject()
	d := templates.NewData(p, nil, nil, p.Date)
	data, err := WriteXLSX(Registers(d), WorkbookInfo{Title: "Registers", Date: p.Date})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Risk register", "Asset inventory", "Action plan"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	for _, sheet := range want {
		t.Run(sheet+" holds only defused values", func(t *testing.T) {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < 2 {
				t.Fatalf("%d rows, want a header and data", len(rows))
			}
			for r, row := range rows {
				for c, v := range row {
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
						t.Errorf("%s has formula %q", cell, formula)
					}
					if isDangerous(v) {
						t.Errorf("%s value %q starts a formula", cell, v)
					}
				}
			}
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("header row not frozen: %+v %v", panes, err)
			}
		})
	}
	t.Run("umlauts survive", func(t *testing.T) {
		v, _ := f.GetCellValue("Asset inventory", "F2")
		if v != "Größe ß" && !strings.Contains(strings.Join(mustRows(t, f, "Asset inventory"), " "), "Größe ß") {
			t.Errorf("model cell = %q", v)
		}
	})
	t.Run("the same project gives the same bytes", func(t *testing.T) {
		again, err := WriteXLSX(Registers(d), WorkbookInfo{Title: "Registers", Date: p.Date})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, again) {
			t.Error("two exports of the same project differ")
		}
	})
}

func mustRows(t *testing.T, f *excelize.File, sheet string) []string {
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}
