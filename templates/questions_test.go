package templates

import (
	"strings"
	"testing"

	"zonewise/risk"
)

// Every system requirement of the built-in catalogue has its own question
// and evidence; none is left to a generic sentence, and no question repeats
// the catalogue's summary (own words for the questionnaire).
func TestEveryRequirementHasAQuestion(t *testing.T) {
	cat, err := risk.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, r := range cat.System {
		q, ok := QuestionFor(r.ID)
		switch {
		case !ok:
			t.Errorf("%s has no question", r.ID)
			continue
		case !strings.HasSuffix(q.Ask, "?"):
			t.Errorf("%s: %q is not a question", r.ID, q.Ask)
		case q.Evidence == "":
			t.Errorf("%s has no evidence", r.ID)
		case q.Ask == r.Summary:
			t.Errorf("%s: the question repeats the summary", r.ID)
		}
		if other, dup := seen[q.Ask]; dup {
			t.Errorf("%s asks the same as %s", r.ID, other)
		}
		seen[q.Ask] = r.ID
	}
	for _, r := range cat.System {
		de, ok := questionsDE[r.ID]
		switch {
		case !ok:
			t.Errorf("%s has no German question", r.ID)
		case !strings.HasSuffix(de.Ask, "?") || de.Evidence == "":
			t.Errorf("%s: German question %q or evidence %q incomplete", r.ID, de.Ask, de.Evidence)
		}
	}
	if len(questionsDE) != len(cat.System) {
		t.Errorf("%d German questions for %d requirements", len(questionsDE), len(cat.System))
	}
	if len(questions) != len(cat.System) {
		t.Errorf("%d questions for %d requirements: one is for no requirement", len(questions), len(cat.System))
	}
}
