package document

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"zonewise/model"
	"zonewise/risk"
	"zonewise/templates"
)

// cellPlant is one control zone with one PLC of SL-C 1 on every FR and an
// FR1 SL-T of 2 set by override. By hand (docs/METHOD.md step 6) with the
// built-in catalogue: every FR1 requirement selected at SL 1 is met by
// capability, those selected at SL 2 are gaps, so FR1 SL-A is 1.
func cellPlant() *model.Project {
	p := model.New("Cell plant")
	p.Date = "2026-12-04"
	p.Zones = []model.Zone{{ID: "zone-cell", Name: "Cell", Type: model.ZoneControl, PurdueLevel: 1,
		SLTOverrides: []model.SLOverride{{FR: model.FR1, SL: 2, Justification: "remote engineering access"}}}}
	p.Assets = []model.Asset{{ID: "asset-plc", Name: "PLC", ZoneID: "zone-cell", Class: model.ClassEmbedded,
		SLC: model.SLVector{1, 1, 1, 1, 1, 1, 1}, SLCSource: model.SLCAssessed}}
	return p
}

// workbook exports the questionnaire of p and opens it.
func workbook(t *testing.T, p *model.Project, cat *risk.Catalog) *excelize.File {
	t.Helper()
	d := templates.NewData(p, risk.Assess(p, cat), cat, p.Date)
	b, err := WriteSelfAssessmentXLSX(p, d, WorkbookInfo{Date: p.Date})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// fill answers the rows whose requirement passes pick, as a zone owner
// would in Excel: status from the list, evidence, a date typed as a date.
func fill(t *testing.T, f *excelize.File, pick func(req string, sl int) (status, evidence string, ok bool)) int {
	t.Helper()
	rows, err := f.GetRows(SelfAssessmentSheet)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, row := range rows[1:] {
		sl := 0
		fmt.Sscan(row[4], &sl)
		st, ev, ok := pick(row[2], sl)
		if !ok {
			continue
		}
		r := i + 2
		for _, c := range []struct {
			col string
			v   any
		}{{"J", st}, {"K", "Test record"}, {"L", ev}, {"M", "M. Öztürk"}, {"N", time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}} {
			if err := f.SetCellValue(SelfAssessmentSheet, fmt.Sprintf("%s%d", c.col, r), c.v); err != nil {
				t.Fatal(err)
			}
		}
		n++
	}
	return n
}

func readBack(t *testing.T, f *excelize.File, p *model.Project) (*SelfAssessmentImport, error) {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return ReadSelfAssessment(&buf, "answers.xlsx", p)
}

func TestSelfAssessmentRoundTrip(t *testing.T) {
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fr1 := func(p *model.Project) int {
		return risk.Assess(p, cat).Zones[0].SLA.Vector().Get(model.FR1)
	}
	if got := fr1(cellPlant()); got != 1 {
		t.Fatalf("FR1 SL-A before the self-assessment %d, want 1 (hand-computed)", got)
	}
	tests := []struct {
		name string
		pick func(req string, sl int) (string, string, bool)
		want int
	}{
		{"every FR1 requirement of SL 2 answered met with evidence lifts FR1 SL-A to 2",
			func(req string, sl int) (string, string, bool) {
				return "Met", "test record TR-" + req, strings.HasPrefix(req, "SR 1.") && sl == 2
			}, 2},
		{"one of them answered partly keeps FR1 SL-A at 1",
			func(req string, sl int) (string, string, bool) {
				if req == "SR 1.2" {
					return "Partly met", "two devices without certificates", true
				}
				return "Met", "test record TR-" + req, strings.HasPrefix(req, "SR 1.") && sl == 2
			}, 1},
		{"SR 1.1 answered not met drops FR1 SL-A to 0 although the PLC's SL-C meets it",
			func(req string, sl int) (string, string, bool) {
				return "Not met", "HMI log-on disabled", req == "SR 1.1"
			}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := cellPlant()
			f := workbook(t, p, cat)
			if n := fill(t, f, tt.pick); n == 0 {
				t.Fatal("no row answered")
			}
			imp, err := readBack(t, f, p)
			if err != nil {
				t.Fatal(err)
			}
			MergeAnswers(p, imp.Answers)
			if got := fr1(p); got != tt.want {
				t.Errorf("FR1 SL-A %d, want %d", got, tt.want)
			}
			for _, a := range imp.Answers {
				if a.Date != "2026-12-03" || a.AnsweredBy != "M. Öztürk" || !strings.HasPrefix(a.Evidence, "Test record: ") {
					t.Errorf("answer %+v lost its date, person or evidence type", a)
				}
			}
			if imp.Unanswered == 0 {
				t.Error("no unanswered rows counted")
			}
		})
	}
	t.Run("answers recorded in the project are in the workbook exported again", func(t *testing.T) {
		p := cellPlant()
		p.Answers = []model.RequirementAnswer{{TargetKind: model.TargetZone, TargetID: "zone-cell", Requirement: "SR 1.1",
			Status: model.AnswerMet, Evidence: "log-on test LT-1", Date: "2026-11-30"}}
		imp, err := readBack(t, workbook(t, p, cat), p)
		if err != nil {
			t.Fatal(err)
		}
		if len(imp.Answers) != 1 || imp.Answers[0] != p.Answers[0] {
			t.Errorf("answers read back %+v, want %+v", imp.Answers, p.Answers)
		}
	})
}

func TestSelfAssessmentBadRows(t *testing.T) {
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		col  string
		v    any
		also map[string]any
		want string
	}{
		{"a status not in the list names its row and column", "J", "maybe", nil, `sheet "Questionnaire", row 2, column J (Status): "maybe" is not a status`},
		{"met without evidence is refused", "J", "Met", nil, `row 2, column L (Evidence (where to find it)): is empty, but a "Met" answer counts only with the evidence`},
		{"not applicable without a reason is refused", "J", "Not applicable", nil, "counts only with the reason"},
		{"a date that is no date is refused", "J", "Not met", map[string]any{"N": "next week"}, `column N (Date): "next week" is not a date`},
		{"a target of another project is refused", "J", "Not met", map[string]any{"O": "zone-elsewhere"}, `column O (Target ID): the project has no zone with ID "zone-elsewhere"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := cellPlant()
			f := workbook(t, p, cat)
			if err := f.SetCellValue(SelfAssessmentSheet, tt.col+"2", tt.v); err != nil {
				t.Fatal(err)
			}
			for c, v := range tt.also {
				if err := f.SetCellValue(SelfAssessmentSheet, c+"2", v); err != nil {
					t.Fatal(err)
				}
			}
			_, err := readBack(t, f, p)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "answers.xlsx: ") {
				t.Errorf("error %v, want one naming the file and containing %q", err, tt.want)
			}
		})
	}
	t.Run("a workbook without the questionnaire sheet is refused", func(t *testing.T) {
		f := excelize.NewFile()
		_, err := readBack(t, f, cellPlant())
		if err == nil || !strings.Contains(err.Error(), `no sheet "Questionnaire"`) {
			t.Errorf("error %v", err)
		}
	})
}

// The workbook is set up for printing and filling in: drop-downs on the
// status and evidence type, a date check, the ID column hidden, landscape
// pages one wide with the header on each.
func TestSelfAssessmentWorkbookSetup(t *testing.T) {
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f := workbook(t, model.Sample(), cat)
	dvs, err := f.GetDataValidations(SelfAssessmentSheet)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, dv := range dvs {
		types[strings.SplitN(dv.Sqref, ":", 2)[0]] = dv.Type
	}
	for cell, want := range map[string]string{"J2": "list", "K2": "list", "L2": "textLength", "N2": "date"} {
		if types[cell] != want {
			t.Errorf("validation at %s: %q, want %q", cell, types[cell], want)
		}
	}
	if vis, _ := f.GetColVisible(SelfAssessmentSheet, "O"); vis {
		t.Error("the target ID column is visible")
	}
	lo, err := f.GetPageLayout(SelfAssessmentSheet)
	if err != nil {
		t.Fatal(err)
	}
	if lo.Orientation == nil || *lo.Orientation != "landscape" || lo.FitToWidth == nil || *lo.FitToWidth != 1 {
		t.Errorf("page layout %+v, want landscape one page wide", lo)
	}
	names := f.GetDefinedName()
	var titles bool
	for _, n := range names {
		titles = titles || (n.Name == "_xlnm.Print_Titles" && n.Scope == SelfAssessmentSheet)
	}
	if !titles {
		t.Error("the header row is not repeated on printed pages")
	}
	signOff, err := f.GetRows("Sign-off")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range signOff[1:] {
		if len(row) > 1 {
			t.Errorf("sign-off row %v is pre-filled", row)
		}
	}
}
