package document

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zonewise/model"
	"zonewise/risk"
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
		t.Run(sheet+" holds text cells, never formulas, with no apostrophe shown", func(t *testing.T) {
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
					if !isDangerous(v) {
						continue
					}
					// A text cell that starts with "=" is text in a
					// spreadsheet: only a formula cell is evaluated.
					if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
						t.Errorf("%s value %q is stored as %v, want a text cell", cell, v, typ)
					}
					if strings.HasPrefix(v, "'") {
						t.Errorf("%s value %q shows an apostrophe", cell, v)
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

// unknownSLCProject has one zone with SL-T 2,2,2,1,2,1,1 and three assets:
// one whose SL-C nobody knows, one declared at 1 on every FR and one
// declared at 0 on every FR (a known capability of 0).
func unknownSLCProject() (*model.Project, *risk.Result) {
	p := model.New("Unknown SL-C")
	p.Date = "2026-12-04"
	p.Zones = []model.Zone{{ID: "z1", Name: "Control", Type: model.ZoneControl, PurdueLevel: 1}}
	p.Assets = []model.Asset{
		{ID: "a1", Name: "A unknown PLC", ZoneID: "z1", Class: model.ClassEmbedded, SLCSource: model.SLCUnknown},
		{ID: "a2", Name: "B declared HMI", ZoneID: "z1", Class: model.ClassHost, SLCSource: model.SLCVendor, SLC: model.SLVector{1, 1, 1, 1, 1, 1, 1}},
		{ID: "a3", Name: "C declared zero", ZoneID: "z1", Class: model.ClassNetwork, SLCSource: model.SLCAssessed},
	}
	slt := model.SLVector{2, 2, 2, 1, 2, 1, 1}
	r := &risk.Result{}
	var zr risk.ZoneResult
	zr.ZoneID, zr.Name = "z1", "Control"
	for i := range zr.SLT {
		zr.SLT[i].SL = slt[i]
		zr.SLC[i].Unknown = true
	}
	r.Zones = []risk.ZoneResult{zr}
	for _, a := range p.Assets {
		r.Assets = append(r.Assets, risk.AssetResult{AssetID: a.ID, Name: a.Name, ZoneID: "z1", SLT: slt, SLC: a.SLC,
			SLCUnknown: a.SLCSource == model.SLCUnknown, Gap: slt.Gap(a.SLC)})
	}
	return p, r
}

// wantSLC is, per asset name, the SL-C and capability gap the asset
// inventory must show for unknownSLCProject, computed by hand.
var wantSLC = map[string][2]string{
	"A unknown PLC":   {"unknown", "unknown"},
	"B declared HMI":  {"1,1,1,1,1,1,1", "1,1,1,0,1,0,0"},
	"C declared zero": {"0,0,0,0,0,0,0", "2,2,2,1,2,1,1"},
}

func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}

func TestUnknownSLCReadsUnknownInTheAssetInventory(t *testing.T) {
	p, res := unknownSLCProject()
	for _, tc := range []struct {
		name string
		res  *risk.Result
	}{{"with an assessment", res}, {"before the first assessment", nil}} {
		d := templates.NewData(p, tc.res, nil, p.Date)
		reg, _ := RegisterByName(d, "asset-inventory")
		var buf bytes.Buffer
		if err := WriteCSV(&buf, reg); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		slc, gap := column(t, recs[0], "SL-C"), column(t, recs[0], "Capability gap")
		for _, rec := range recs[1:] {
			want := wantSLC[rec[0]]
			if tc.res == nil && rec[0] != "A unknown PLC" {
				continue // without an assessment the zone has no SL-T, so no gap to check
			}
			t.Run(rec[0]+" shows SL-C "+want[0]+" in the CSV "+tc.name, func(t *testing.T) {
				if rec[slc] != want[0] || rec[gap] != want[1] {
					t.Errorf("SL-C %q, gap %q; want %q, %q", rec[slc], rec[gap], want[0], want[1])
				}
			})
		}
	}
	t.Run("the XLSX cells say the same as the CSV", func(t *testing.T) {
		d := templates.NewData(p, res, nil, p.Date)
		data, err := WriteXLSX(Registers(d), WorkbookInfo{Title: "Registers", Date: p.Date})
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows("Asset inventory")
		if err != nil {
			t.Fatal(err)
		}
		slc, gap := column(t, rows[0], "SL-C"), column(t, rows[0], "Capability gap")
		if len(rows) != 4 {
			t.Fatalf("%d rows, want a header and 3 assets", len(rows))
		}
		for _, row := range rows[1:] {
			if want := wantSLC[row[0]]; row[slc] != want[0] || row[gap] != want[1] {
				t.Errorf("%s: SL-C %q, gap %q; want %q, %q", row[0], row[slc], row[gap], want[0], want[1])
			}
		}
	})
}
