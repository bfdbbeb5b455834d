package model

// RevisionEntry is one line of a project's revision history, as the cover
// pages of the deliverables list it: which revision, when, by whom, and what
// changed.
type RevisionEntry struct {
	Revision    string `json:"revision"`
	Date        string `json:"date"`
	Author      string `json:"author"`
	Description string `json:"description"`
}
