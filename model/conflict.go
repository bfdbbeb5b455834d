package model

import (
	"encoding/json"
	"fmt"
)

// MergeConflict is a change a three-way merge of project revisions could not
// decide: the same field of the same object changed differently on both
// sides, or an object deleted on one side and edited on the other. The
// merged file keeps one value (ours) so that it stays a valid project, and
// records both here until someone picks (docs/USER-GUIDE.md, "Working in a
// team").
type MergeConflict struct {
	// Kind is the object kind ("zone", "asset", "project"…).
	Kind     string `json:"kind"`
	ObjectID ID     `json:"objectId,omitempty"`
	// Object is the object's name when the merge ran.
	Object string `json:"object"`
	// Field is the JSON path inside the object ("name", "bounds.x"); empty
	// when the whole object is in conflict (deleted on one side).
	Field string `json:"field,omitempty"`
	// Reason is "both-changed", "deleted-by-ours" or "deleted-by-theirs".
	Reason string `json:"reason"`
	// Base, Ours and Theirs are the JSON values of the field (or object) in
	// the common ancestor and on the two sides; absent where the field (or
	// object) does not exist on that side.
	Base   json.RawMessage `json:"base,omitempty"`
	Ours   json.RawMessage `json:"ours,omitempty"`
	Theirs json.RawMessage `json:"theirs,omitempty"`
}

// Merge conflict reasons.
const (
	ConflictBothChanged     = "both-changed"
	ConflictDeletedByOurs   = "deleted-by-ours"
	ConflictDeletedByTheirs = "deleted-by-theirs"
)

// validateConflicts reports every unresolved merge conflict: the file is a
// valid project, but one of two engineers' edits is not in it yet.
func (v *validator) validateConflicts() {
	for i := range v.p.MergeConflicts {
		c := &v.p.MergeConflicts[i]
		what := "field " + c.Field
		if c.Field == "" {
			what = "the object"
		}
		msg := fmt.Sprintf("merge conflict: %s was changed differently in the two merged revisions; keep ours or take theirs", what)
		switch c.Reason {
		case ConflictDeletedByOurs:
			msg = "merge conflict: our revision deleted this object, theirs edited it; it is kept until you decide"
		case ConflictDeletedByTheirs:
			msg = "merge conflict: their revision deleted this object, ours edited it; it is kept until you decide"
		}
		v.problems = append(v.problems, Problem{
			Severity: SeverityError, Rule: "merge-conflict", Kind: c.Kind,
			ObjectID: c.ObjectID, Object: c.Object, Field: c.Field, Message: msg,
		})
	}
}
