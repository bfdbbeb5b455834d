package document

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"zonewise/model"
)

// SelfAssessmentImport is what a filled-in workbook holds: the answers
// given, and how many question rows were left unanswered.
type SelfAssessmentImport struct {
	Answers    []model.RequirementAnswer
	Unanswered int
}

// ReadSelfAssessment reads the answers of a filled-in self-assessment
// workbook for project p. name is the file name, for errors. Columns are
// found by their header on the sheet Questionnaire. A row without a status is
// unanswered and skipped; any other bad row is an error naming the file,
// sheet, row and column — nothing is imported then.
func ReadSelfAssessment(r io.Reader, name string, p *model.Project) (*SelfAssessmentImport, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable XLSX workbook: %w", name, err)
	}
	defer f.Close()
	rows, err := f.GetRows(SelfAssessmentSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%s: no sheet %q: is this the self-assessment workbook Zonewise wrote?", name, SelfAssessmentSheet)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: sheet %q is empty", name, SelfAssessmentSheet)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{colKind, colReq, colStatus, colEvidence, colTargetID} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: sheet %q: no column %q in row 1", name, SelfAssessmentSheet, need)
		}
	}
	out := &SelfAssessmentImport{}
	for i, row := range rows[1:] {
		n := i + 2
		get := func(c string) string {
			if k, ok := col[c]; ok && k < len(row) {
				return strings.TrimSpace(row[k])
			}
			return ""
		}
		where := func(c string) string {
			letter, _ := excelize.ColumnNumberToName(col[c] + 1)
			return fmt.Sprintf("%s: sheet %q, row %d, column %s (%s)", name, SelfAssessmentSheet, n, letter, c)
		}
		statusText := get(colStatus)
		if statusText == "" {
			if get(colReq) != "" {
				out.Unanswered++
			}
			continue
		}
		st, ok := parseAnswerStatus(statusText)
		if !ok {
			return nil, fmt.Errorf("%s: %q is not a status, want Met, Partly met, Not met or Not applicable", where(colStatus), statusText)
		}
		a := model.RequirementAnswer{Status: st, Requirement: get(colReq), AnsweredBy: get(colBy)}
		if a.Requirement == "" {
			return nil, fmt.Errorf("%s: is empty, want the requirement ID of the answered row", where(colReq))
		}
		a.TargetKind = model.TargetKind(get(colKind))
		a.TargetID = model.ID(get(colTargetID))
		switch {
		case a.TargetKind == model.TargetZone && p.Zone(a.TargetID) != nil:
		case a.TargetKind == model.TargetConduit && p.Conduit(a.TargetID) != nil:
		case a.TargetKind != model.TargetZone && a.TargetKind != model.TargetConduit:
			return nil, fmt.Errorf("%s: %q is not zone or conduit", where(colKind), a.TargetKind)
		default:
			return nil, fmt.Errorf("%s: the project has no %s with ID %q: was the workbook written for another project?", where(colTargetID), a.TargetKind, a.TargetID)
		}
		a.Evidence = get(colEvidence)
		if kind := get(colEvKind); kind != "" && a.Evidence != "" {
			a.Evidence = kind + ": " + a.Evidence
		}
		if len(a.Evidence) > maxAnswerLen {
			return nil, fmt.Errorf("%s: %d characters, want at most %d", where(colEvidence), len(a.Evidence), maxAnswerLen)
		}
		if (st == model.AnswerMet || st == model.AnswerNotApplicable) && a.Evidence == "" {
			want := "the evidence (where the proof is)"
			if st == model.AnswerNotApplicable {
				want = "the reason"
			}
			return nil, fmt.Errorf("%s: is empty, but a %q answer counts only with %s", where(colEvidence), st.Label(), want)
		}
		if d := get(colDate); d != "" {
			t, ok := parseDate(d)
			if !ok {
				return nil, fmt.Errorf("%s: %q is not a date, want e.g. 2026-12-04", where(colDate), d)
			}
			a.Date = t.Format("2006-01-02")
		}
		out.Answers = append(out.Answers, a)
	}
	return out, nil
}

func parseAnswerStatus(s string) (model.AnswerStatus, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, st := range model.AnswerStatuses() {
		if l == strings.ToLower(st.Label()) || l == string(st) {
			return st, true
		}
	}
	switch l {
	case "n/a", "na":
		return model.AnswerNotApplicable, true
	case "partly", "partial":
		return model.AnswerPartly, true
	}
	return "", false
}

// parseDate reads a date cell: an Excel serial number (a date typed into
// the date column), or text as ISO or German date.
func parseDate(s string) (time.Time, bool) {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		t, err := excelize.ExcelDateToTime(f, false)
		return t, err == nil && t.Year() >= 1990 && t.Year() <= 2200
	}
	for _, layout := range []string{"2006-01-02", "02.01.2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// MergeAnswers puts answers into p: an answer for a requirement of a zone or
// conduit replaces the one recorded before, others are kept. It returns how
// many were added and how many replaced.
func MergeAnswers(p *model.Project, answers []model.RequirementAnswer) (added, replaced int) {
	at := map[string]int{}
	for i, a := range p.Answers {
		at[string(a.TargetID)+"\x00"+a.Requirement] = i
	}
	for _, a := range answers {
		k := string(a.TargetID) + "\x00" + a.Requirement
		if i, ok := at[k]; ok {
			if p.Answers[i] != a {
				replaced++
			}
			p.Answers[i] = a
			continue
		}
		at[k] = len(p.Answers)
		p.Answers = append(p.Answers, a)
		added++
	}
	return added, replaced
}
