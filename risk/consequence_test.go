package risk

import (
	"testing"

	"zonewise/model"
)

func TestWorstConsequence(t *testing.T) {
	type c = model.Consequence
	tests := []struct {
		name  string
		cs    []model.Consequence
		level int
		cat   model.ConsequenceCategory
	}{
		{"no consequence gives level 0 and no category", nil, 0, ""},
		{"the highest level wins whatever its place", []c{{Category: model.ConsequenceProduction, Level: 2}, {Category: model.ConsequenceFinancial, Level: 4}}, 4, model.ConsequenceFinancial},
		{"a tie goes to the category listed first, not to the one entered first",
			[]c{{Category: model.ConsequenceProduction, Level: 3}, {Category: model.ConsequenceSafety, Level: 3}}, 3, model.ConsequenceSafety},
		{"a tie between later categories also follows the list",
			[]c{{Category: model.ConsequenceRegulatory, Level: 2}, {Category: model.ConsequenceFinancial, Level: 2}}, 2, model.ConsequenceFinancial},
		{"an unknown category loses a tie to a known one",
			[]c{{Category: "weather", Level: 3}, {Category: model.ConsequenceReputation, Level: 3}}, 3, model.ConsequenceReputation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			level, cat := WorstConsequence(tt.cs)
			if level != tt.level || cat != tt.cat {
				t.Errorf("WorstConsequence = %d, %q; want %d, %q", level, cat, tt.level, tt.cat)
			}
		})
	}
}

func TestEffortLabel(t *testing.T) {
	for e, want := range map[Effort]string{0: "Unknown", 1: "Low", 2: "Medium", 3: "High", 4: "Unknown"} {
		if got := e.Label(); got != want {
			t.Errorf("Effort(%d).Label() = %q, want %q", e, got, want)
		}
	}
}
