package changes

import (
	"encoding/json"
	"fmt"
	"strings"

	"zonewise/model"
)

// Side is a choice when resolving a merge conflict.
type Side string

// The two sides of a merge.
const (
	Ours   Side = "ours"
	Theirs Side = "theirs"
)

// Resolve settles conflict i of p by taking side, and returns the resolved
// project (p itself is not changed). For a field conflict the field gets
// that side's value (absent on that side: the field is removed). For an
// object one side deleted, taking the deleting side deletes the object and
// taking the other keeps it as that side left it.
func Resolve(p *model.Project, i int, side Side) (*model.Project, error) {
	if i < 0 || i >= len(p.MergeConflicts) {
		return nil, fmt.Errorf("merge conflict %d: no such conflict (the project has %d)", i+1, len(p.MergeConflicts))
	}
	if side != Ours && side != Theirs {
		return nil, fmt.Errorf("merge conflict %d: side %q, want ours or theirs", i+1, side)
	}
	c := p.MergeConflicts[i]
	q := *p
	q.MergeConflicts = append(append([]model.MergeConflict{}, p.MergeConflicts[:i]...), p.MergeConflicts[i+1:]...)
	ts, err := explode(&q)
	if err != nil {
		return nil, err
	}
	t := ts[0]
	var obj *object
	var key string
	if c.Kind == projectKind {
		obj = t.project
	} else {
		for _, k := range t.order {
			if o := t.objects[k][string(c.ObjectID)]; o != nil && kindOf(k) == c.Kind {
				obj, key = o, k
			}
		}
		if obj == nil {
			return nil, fmt.Errorf("merge conflict %d: %s %q (%s) is no longer in the project", i+1, c.Kind, c.Object, c.ObjectID.Short())
		}
	}
	value := c.Ours
	if side == Theirs {
		value = c.Theirs
	}
	switch c.Reason {
	case model.ConflictDeletedByOurs, model.ConflictDeletedByTheirs:
		deleting := Ours
		if c.Reason == model.ConflictDeletedByTheirs {
			deleting = Theirs
		}
		if side == deleting {
			delete(t.objects[key], string(c.ObjectID))
		}
	default:
		if err := setPath(obj.fields, strings.Split(c.Field, "."), value); err != nil {
			return nil, fmt.Errorf("merge conflict %d: %s %q field %s: %w", i+1, c.Kind, c.Object, c.Field, err)
		}
	}
	r, err := implode(t)
	if err != nil {
		return nil, fmt.Errorf("merge conflict %d: taking %s gives an invalid project: %w", i+1, side, err)
	}
	return r, nil
}

// setPath sets (or with a nil value removes) a nested field.
func setPath(fields map[string]json.RawMessage, path []string, value json.RawMessage) error {
	if len(path) == 1 {
		if value == nil {
			delete(fields, path[0])
		} else {
			fields[path[0]] = value
		}
		return nil
	}
	inner, ok := asObject(fields[path[0]])
	if !ok {
		inner = map[string]json.RawMessage{}
	}
	if err := setPath(inner, path[1:], value); err != nil {
		return err
	}
	raw, err := json.Marshal(inner)
	if err != nil {
		return err
	}
	fields[path[0]] = raw
	return nil
}
