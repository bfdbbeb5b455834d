package document

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"zonewise/model"
	"zonewise/risk"
	"zonewise/templates"
)

// The self-assessment workbook has one row per requirement of each zone in
// scope and each conduit (those the method has not already found not
// applicable), with the question in plain words, the evidence that answers
// it, drop-downs for the status and the kind of evidence, and a date
// column. ReadSelfAssessment reads the answers back by the column headers,
// so that a user who moves columns does not break the import.

// Sheet and column names of the self-assessment workbook.
const (
	SelfAssessmentSheet = "Questionnaire"
	instructionsSheet   = "Instructions"
	signOffSheet        = "Sign-off"
	listsSheet          = "Lists"

	colTarget    = "Zone or conduit"
	colKind      = "Kind"
	colReq       = "Requirement"
	colFR        = "FR"
	colSL        = "SL"
	colTitle     = "Title"
	colQuestion  = "Question"
	colHint      = "Evidence that answers it"
	colToday     = "State in the model today"
	colStatus    = "Status"
	colEvKind    = "Evidence type"
	colEvidence  = "Evidence (where to find it)"
	colBy        = "Answered by"
	colDate      = "Date"
	colTargetID  = "Target ID"
	maxAnswerLen = 2000
)

var saColumns = []struct {
	name  string
	width float64
	input bool // filled in by the zone owner
}{
	{colTarget, 24, false}, {colKind, 8, false}, {colReq, 13, false}, {colFR, 5, false}, {colSL, 4, false},
	{colTitle, 26, false}, {colQuestion, 44, false}, {colHint, 34, false}, {colToday, 26, false},
	{colStatus, 14, true}, {colEvKind, 16, true}, {colEvidence, 36, true}, {colBy, 16, true}, {colDate, 11, true},
	{colTargetID, 12, false},
}

// EvidenceTypes are the choices of the evidence-type drop-down.
var EvidenceTypes = []string{"Document", "Configuration export", "Screenshot", "Test record", "Log extract", "Demonstration", "Interview"}

// SelfAssessmentRow is one question of the workbook.
type SelfAssessmentRow struct {
	TargetKind model.TargetKind
	TargetID   model.ID
	Target     string
	Req        templates.RequirementData
}

// SelfAssessmentRows lists the questions of the workbook: every requirement
// of each zone in scope and each conduit that the method has not found not
// applicable, zones first (in document order), then conduits.
func SelfAssessmentRows(d *templates.Data) []SelfAssessmentRow {
	var out []SelfAssessmentRow
	add := func(kind model.TargetKind, id, name string, reqs []templates.RequirementData) {
		for _, r := range reqs {
			if r.StateKey == string(risk.StateNotApplicable) && !strings.HasPrefix(string(r.StatusReason), "self-assessment") {
				continue
			}
			out = append(out, SelfAssessmentRow{TargetKind: kind, TargetID: model.ID(id), Target: string(r.ID), Req: r})
			out[len(out)-1].Target = name
		}
	}
	for _, z := range d.Zones {
		if !z.OutOfScope {
			add(model.TargetZone, z.ID, string(z.Name), z.Requirements)
		}
	}
	for _, c := range d.Conduits {
		add(model.TargetConduit, c.ID, string(c.Name), c.Requirements)
	}
	return out
}

// WriteSelfAssessmentXLSX writes the questionnaire workbook: instructions,
// the questionnaire with drop-downs and a date column, and a sign-off sheet
// left blank for the people who answer. Answers already recorded in p are
// filled in, so that a workbook exported again keeps them.
func WriteSelfAssessmentXLSX(p *model.Project, d *templates.Data, info WorkbookInfo) ([]byte, error) {
	f := newWorkbook()
	defer f.Close()
	wrap := func(err error) error { return fmt.Errorf("self-assessment workbook: %w", err) }
	if err := setProps(f, info); err != nil {
		return nil, wrap(err)
	}
	if err := f.SetSheetName("Sheet1", instructionsSheet); err != nil {
		return nil, wrap(err)
	}
	for _, s := range []string{SelfAssessmentSheet, signOffSheet, listsSheet} {
		if _, err := f.NewSheet(s); err != nil {
			return nil, wrap(err)
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, wrap(err)
	}
	if err := writeInstructions(f, p, st); err != nil {
		return nil, wrap(err)
	}
	if err := writeLists(f); err != nil {
		return nil, wrap(err)
	}
	// The questionnaire is the active sheet; set before it is streamed,
	// which writes its sheet view first.
	idx, _ := f.GetSheetIndex(SelfAssessmentSheet)
	f.SetActiveSheet(idx)
	if err := writeQuestionnaire(f, p, SelfAssessmentRows(d), st); err != nil {
		return nil, wrap(err)
	}
	if err := writeSignOff(f, st); err != nil {
		return nil, wrap(err)
	}
	out, err := workbookBytes(f)
	if err != nil {
		return nil, wrap(err)
	}
	return out, nil
}

func writeInstructions(f *excelize.File, p *model.Project, st styles) error {
	lines := []string{
		"Self-assessment: " + p.Name,
		"",
		"Answer one row per requirement on the sheet " + SelfAssessmentSheet + ". Each row asks one question of one zone or conduit.",
		"Status: choose Met, Partly met, Not met or Not applicable from the list. Leave it empty where you have no answer yet.",
		"Met counts only with evidence: name where the proof is (document, configuration export, test record, or the person who showed it).",
		"Not applicable needs the reason in the evidence column.",
		"Partly met and Not met are gaps: they go into the action plan with an owner and a due date.",
		"Date: the day of the answer. Answered by: the person who gave it.",
		"Do not change the columns Kind, Requirement and Target ID: they tie each answer to the project.",
		"",
		"Read the answers back into the project with:",
		"zonewise import self-assessment THIS-FILE.xlsx PROJECT.zonewise.json",
		"The assessment then takes each answer as the requirement's status (docs/METHOD.md, step 6).",
	}
	for i, l := range lines {
		if err := f.SetCellStr(instructionsSheet, fmt.Sprintf("A%d", i+1), l); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(instructionsSheet, "A1", "A1", st.title); err != nil {
		return err
	}
	return f.SetColWidth(instructionsSheet, "A", "A", 120)
}

// writeLists holds the drop-down choices on a hidden sheet: a list longer
// than 255 characters cannot sit in the validation itself.
func writeLists(f *excelize.File) error {
	for i, s := range model.AnswerStatuses() {
		if err := f.SetCellStr(listsSheet, fmt.Sprintf("A%d", i+1), s.Label()); err != nil {
			return err
		}
	}
	for i, s := range EvidenceTypes {
		if err := f.SetCellStr(listsSheet, fmt.Sprintf("B%d", i+1), s); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(listsSheet, false)
}

// writeQuestionnaire writes the questions through excelize's StreamWriter:
// one row at a time to the sheet's XML, instead of a cell object for every
// cell of a plant's tens of thousands of rows. Sheet properties, panes and
// column widths go first, the rows in order, the filter, validations and
// print setup before Flush (the stream writer's rules).
func writeQuestionnaire(f *excelize.File, p *model.Project, rows []SelfAssessmentRow, st styles) error {
	sh := SelfAssessmentSheet
	last := len(rows) + 1
	lastCol, _ := excelize.ColumnNumberToName(len(saColumns))
	// The sheet's properties and filter are written when the stream starts.
	if err := f.AutoFilter(sh, fmt.Sprintf("A1:%s%d", lastCol, max(last, 1)), nil); err != nil {
		return err
	}
	if err := printSetup(f, sh); err != nil { // after the filter, which replaces the sheet properties
		return err
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 3, YSplit: 1, TopLeftCell: "D2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := sw.SetColVisible(len(saColumns), len(saColumns), false); err != nil {
		return err
	}
	if err := streamColWidths(sw, len(saColumns), func(c int) float64 { return saColumns[c].width }); err != nil {
		return err
	}
	styleOf := make([]int, len(saColumns)) // the body style of each column
	header := make([]any, len(saColumns))
	for c, col := range saColumns {
		header[c] = excelize.Cell{StyleID: st.header, Value: col.name}
		styleOf[c] = st.body
		if col.input {
			styleOf[c] = st.input
			if col.name == colDate {
				styleOf[c] = st.date
			}
		}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	answers := map[string]*model.RequirementAnswer{}
	for i := range p.Answers {
		a := &p.Answers[i]
		answers[string(a.TargetID)+"\x00"+a.Requirement] = a
	}
	vals := make([]any, len(saColumns))
	for i, r := range rows {
		q, _ := templates.QuestionFor(string(r.Req.ID))
		v := []any{r.Target, string(r.TargetKind), string(r.Req.ID), r.Req.FR, r.Req.MinSL, string(r.Req.Title), q.Ask, q.Evidence,
			string(r.Req.Status), "", "", "", "", nil, string(r.TargetID)}
		if a := answers[string(r.TargetID)+"\x00"+string(r.Req.ID)]; a != nil {
			v[9], v[11], v[12] = a.Status.Label(), a.Evidence, a.AnsweredBy
			if t, err := time.Parse("2006-01-02", a.Date); err == nil {
				v[13] = t
			}
		}
		for c := range vals {
			vals[c] = excelize.Cell{StyleID: styleOf[c], Value: v[c]}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if len(rows) > 0 {
		if err := validations(f, last); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func validations(f *excelize.File, last int) error {
	col := func(name string) string {
		i := slices.IndexFunc(saColumns, func(c struct {
			name  string
			width float64
			input bool
		}) bool {
			return c.name == name
		})
		s, _ := excelize.ColumnNumberToName(i + 1)
		return s
	}
	rng := func(name string) string { c := col(name); return fmt.Sprintf("%s2:%s%d", c, c, last) }

	status := excelize.NewDataValidation(true)
	status.Sqref = rng(colStatus)
	status.SetSqrefDropList(fmt.Sprintf("%s!$A$1:$A$%d", listsSheet, len(model.AnswerStatuses())))
	status.SetError(excelize.DataValidationErrorStyleStop, "Status", "Choose Met, Partly met, Not met or Not applicable.")
	evKind := excelize.NewDataValidation(true)
	evKind.Sqref = rng(colEvKind)
	evKind.SetSqrefDropList(fmt.Sprintf("%s!$B$1:$B$%d", listsSheet, len(EvidenceTypes)))
	evKind.SetError(excelize.DataValidationErrorStyleWarning, "Evidence type", "Choose a type from the list, or keep your own.")
	evidence := excelize.NewDataValidation(true)
	evidence.Sqref = rng(colEvidence)
	if err := evidence.SetRange(0, maxAnswerLen, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	evidence.SetInput("Evidence", "Where is the proof? A document, record or configuration export, or the person who showed it. For Not applicable: the reason.")
	date := excelize.NewDataValidation(true)
	date.Sqref = rng(colDate)
	if err := date.SetRange("36526", "73050", excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	date.SetError(excelize.DataValidationErrorStyleStop, "Date", "Enter a date, for example 2026-12-04.")
	for _, dv := range []*excelize.DataValidation{status, evKind, evidence, date} {
		if err := f.AddDataValidation(SelfAssessmentSheet, dv); err != nil {
			return err
		}
	}
	return nil
}

func writeSignOff(f *excelize.File, st styles) error {
	rows := [][]any{
		{"Role", "Name", "Organisation", "Date", "Signature"},
		{"Answered by (zone owner)"},
		{"Reviewed by (OT security officer)"},
		{"Accepted by (asset owner)"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(signOffSheet, cell, &r); err != nil {
			return err
		}
		if err := f.SetRowHeight(signOffSheet, i+1, 30); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(signOffSheet, "A1", "E1", st.header); err != nil {
		return err
	}
	if err := f.SetCellStyle(signOffSheet, "B2", "E4", st.input); err != nil {
		return err
	}
	if err := f.SetCellStyle(signOffSheet, "D2", "D4", st.date); err != nil {
		return err
	}
	if err := f.SetColWidth(signOffSheet, "A", "A", 34); err != nil {
		return err
	}
	if err := f.SetColWidth(signOffSheet, "B", "E", 24); err != nil {
		return err
	}
	return printSetup(f, signOffSheet)
}
