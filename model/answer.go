package model

import (
	"fmt"
	"strings"
)

// AnswerStatus is a zone owner's answer to one self-assessment question.
type AnswerStatus string

// Answer statuses.
const (
	AnswerMet           AnswerStatus = "met"
	AnswerPartly        AnswerStatus = "partly"
	AnswerNotMet        AnswerStatus = "not-met"
	AnswerNotApplicable AnswerStatus = "not-applicable"
)

var answerStatusTable = []enumEntry[AnswerStatus]{
	{AnswerMet, "Met"},
	{AnswerPartly, "Partly met"},
	{AnswerNotMet, "Not met"},
	{AnswerNotApplicable, "Not applicable"},
}

// AnswerStatuses lists every answer status.
func AnswerStatuses() []AnswerStatus { return enumValues(answerStatusTable) }

// Valid reports whether s is a known answer status.
func (s AnswerStatus) Valid() bool { return enumValid(answerStatusTable, s) }

// Label is the display name.
func (s AnswerStatus) Label() string { return enumLabel(answerStatusTable, s) }

// RequirementAnswer is the self-assessment answer for one IEC 62443-3-3
// requirement of one zone or conduit, read back from the questionnaire
// workbook. The method uses it as the requirement's status (docs/METHOD.md
// step 6): "met" with evidence meets it, "partly" and "not met" make it a
// gap whatever the capability says, "not applicable" with a reason takes it
// out. A "met" answer without evidence does not count.
type RequirementAnswer struct {
	TargetKind TargetKind `json:"targetKind"`
	TargetID   ID         `json:"targetId"`
	// Requirement is the SR/RE ID, e.g. "SR 1.1 RE 1".
	Requirement string       `json:"requirement"`
	Status      AnswerStatus `json:"status"`
	// Evidence says where the proof is (document, record, person); for
	// "not applicable" it is the reason.
	Evidence   string `json:"evidence,omitempty"`
	AnsweredBy string `json:"answeredBy,omitempty"`
	// Date is the answer's date, "YYYY-MM-DD".
	Date string `json:"date,omitempty"`
}

// Counts reports whether the answer decides the requirement: a "met" or
// "not applicable" answer only with evidence, the others always.
func (a *RequirementAnswer) Counts() bool {
	switch a.Status {
	case AnswerMet, AnswerNotApplicable:
		return strings.TrimSpace(a.Evidence) != ""
	}
	return a.Status.Valid()
}

func (v *validator) answer(i int, a *RequirementAnswer) {
	s := subject{"self-assessment answer", a.TargetID, fmt.Sprintf("%s #%d", a.Requirement, i+1)}
	if a.TargetKind == TargetAsset {
		v.errorf(RuleEnum, s, "targetKind", "problem.asset-cannot-hold-system-requirement")
	} else if a.TargetKind.Valid() && a.TargetID != "" && v.zones[a.TargetID] == nil && v.conduits[a.TargetID] == nil {
		// The zone or conduit was deleted after the answer was given: the
		// method ignores the answer, the author may remove it.
		v.warnf(RuleDangling, s, "targetId", "problem.no-zone-conduit-id-answer", quote(a.TargetID))
	} else {
		v.target(s, a.TargetKind, a.TargetID)
	}
	if strings.TrimSpace(a.Requirement) == "" {
		v.errorf(RuleEmptyName, s, "requirement", "problem.empty-requirement-id")
	}
	if !a.Status.Valid() {
		v.errorf(RuleEnum, s, "status", "problem.unknown-one", quote(a.Status), list(AnswerStatuses()))
	} else if !a.Counts() {
		v.warnf(RuleEvidence, s, "evidence", "problem.answer-counts-only-evidence", quote(a.Status.Label()))
	}
}
