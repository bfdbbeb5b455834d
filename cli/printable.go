package cli

import (
	"unicode/utf8"

	"zonewise/model"
)

// Longest name and longest finding line the terminal summary prints.
const (
	maxNameRunes = 60
	maxLineRunes = 300
)

// printable makes text from a project file safe for a terminal line with
// model.Printable (the one rule for what a single line may carry, shared with
// the validation findings) and cuts text longer than n runes with "…".
func printable(s string, n int) string {
	clean := model.Printable(s)
	if utf8.RuneCountInString(clean) <= n {
		return clean
	}
	return string([]rune(clean)[:n]) + "…"
}
