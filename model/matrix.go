package model

// ScaleLevel is one step of the likelihood or consequence scale.
type ScaleLevel struct {
	Level       int    `json:"level"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// RiskCell assigns a risk level to one likelihood × consequence pair.
type RiskCell struct {
	Likelihood  int       `json:"likelihood"`
	Consequence int       `json:"consequence"`
	Level       RiskLevel `json:"level"`
}

// RiskMatrix is the project's configurable risk matrix (docs/METHOD.md step 1).
type RiskMatrix struct {
	Likelihoods  []ScaleLevel `json:"likelihoods"`
	Consequences []ScaleLevel `json:"consequences"`
	// Categories are the consequence categories assessed; a scenario's
	// consequence is its worst category.
	Categories []ConsequenceCategory `json:"categories"`
	Cells      []RiskCell            `json:"cells"`
	// Tolerable is the highest risk level that is tolerable without further
	// treatment: the tolerable-risk line.
	Tolerable RiskLevel `json:"tolerable"`
}

// Level returns the risk level of a cell, or "" when the cell is not defined.
func (m *RiskMatrix) Level(likelihood, consequence int) RiskLevel {
	for _, c := range m.Cells {
		if c.Likelihood == likelihood && c.Consequence == consequence {
			return c.Level
		}
	}
	return ""
}

// IsTolerable reports whether level is at or below the tolerable line.
func (m *RiskMatrix) IsTolerable(level RiskLevel) bool {
	return level.Rank() <= m.Tolerable.Rank()
}

// DefaultRiskMatrix returns the 5 × 5 matrix new projects start with.
func DefaultRiskMatrix() RiskMatrix {
	m := RiskMatrix{
		Likelihoods: []ScaleLevel{
			{1, "Rare", "Not expected within the plant's lifetime"},
			{2, "Unlikely", "Could happen once in 10 years"},
			{3, "Possible", "Could happen once in 3 years"},
			{4, "Likely", "Expected about once a year"},
			{5, "Almost certain", "Expected several times a year"},
		},
		Consequences: []ScaleLevel{
			{1, "Negligible", "No injury; minor disturbance; < 10 k€"},
			{2, "Minor", "First aid; local release; hours of lost production; < 100 k€"},
			{3, "Moderate", "Lost-time injury; reportable release; days of lost production; < 1 M€"},
			{4, "Major", "Permanent injury; off-site release; weeks of outage; < 10 M€"},
			{5, "Catastrophic", "Fatality; major environmental damage; loss of licence; ≥ 10 M€"},
		},
		Categories: ConsequenceCategories(),
		Tolerable:  RiskMedium,
	}
	// Level by likelihood × consequence score, the common 5 × 5 banding.
	for l := 1; l <= 5; l++ {
		for c := 1; c <= 5; c++ {
			var lv RiskLevel
			switch s := l * c; {
			case s >= 15:
				lv = RiskCritical
			case s >= 8:
				lv = RiskHigh
			case s >= 4:
				lv = RiskMedium
			default:
				lv = RiskLow
			}
			m.Cells = append(m.Cells, RiskCell{Likelihood: l, Consequence: c, Level: lv})
		}
	}
	return m
}
