package risk

// Label names the effort class for people: "Low", "Medium" or "High", and
// "Unknown" for a value outside 1..3 (a library entry the loader would have
// refused, or a zero value). The GUI, the terminal summary and the documents
// all print it, so a proposal's effort reads the same everywhere.
func (e Effort) Label() string {
	switch e {
	case 1:
		return "Low"
	case 2:
		return "Medium"
	case 3:
		return "High"
	}
	return "Unknown"
}
