package risk

import (
	"slices"

	"zonewise/model"
)

// WorstConsequence is the consequence a scenario is rated with: the highest
// level among cs, and the category that has it. When several categories
// share the highest level, the one listed first by
// model.ConsequenceCategories wins (safety before environment before
// production, and so on), so the choice does not depend on the order the
// consequences were entered in. With no consequences it returns level 0 and
// no category. The engine, the GUI and the documents all use this one rule.
func WorstConsequence(cs []model.Consequence) (level int, category model.ConsequenceCategory) {
	order := model.ConsequenceCategories()
	rank := func(c model.ConsequenceCategory) int {
		if i := slices.Index(order, c); i >= 0 {
			return i
		}
		return len(order)
	}
	for _, c := range cs {
		if c.Level > level || (c.Level == level && rank(c.Category) < rank(category)) {
			level, category = c.Level, c.Category
		}
	}
	return level, category
}
