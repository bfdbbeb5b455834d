package model

import "testing"

func TestRegulationsValidation(t *testing.T) {
	cases := []struct {
		name  string
		list  []Regulation
		rule  string // "" for no problem
		field string
	}{
		{"a pick-list key without a name is fine", []Regulation{{Key: "eu-nis2"}}, "", ""},
		{"a free entry with a name is fine", []Regulation{{Name: "Trinkwasserverordnung", Note: "reporting"}}, "", ""},
		{"an unknown key is an error naming the entry", []Regulation{{Key: "eu-nis2"}, {Key: "nis3"}}, RuleEnum, "suc.regulations[1].key"},
		{"a free entry without a name is an error", []Regulation{{Note: "applies somehow"}}, RuleEmptyName, "suc.regulations[0].name"},
		{"the same regulation twice is a warning", []Regulation{{Key: "iso-27001"}, {Name: "ISO/IEC 27001"}}, RuleDuplicateEntry, "suc.regulations[1]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Sample()
			p.SUC.Regulations = c.list
			var got []Problem
			for _, pr := range Validate(p) {
				if pr.Rule == RuleEnum || pr.Rule == RuleEmptyName || pr.Rule == RuleDuplicateEntry {
					got = append(got, pr)
				}
			}
			if c.rule == "" {
				if len(got) > 0 {
					t.Errorf("want no problem, got:\n%s", joinProblems(got))
				}
				return
			}
			if len(got) != 1 || got[0].Rule != c.rule || got[0].Field != c.field {
				t.Errorf("want one %s problem at %s, got:\n%s", c.rule, c.field, joinProblems(got))
			}
		})
	}
	t.Run("a pick-list entry prints its short name, a given name wins", func(t *testing.T) {
		if got := (Regulation{Key: "de-b3s-water"}).Label(); got != "B3S Wasser/Abwasser" {
			t.Errorf("label %q", got)
		}
		if got := (Regulation{Key: "eu-nis2", Name: "NIS2"}).Label(); got != "NIS2" {
			t.Errorf("label %q", got)
		}
	})
}
