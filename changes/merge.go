package changes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"zonewise/model"
)

// Merge merges two revisions (ours, theirs) of a project that both descend
// from base, object by object and field by field:
//   - a field changed on one side only takes that side's value;
//   - a field changed the same way on both sides takes it;
//   - a field changed differently on both sides keeps ours and is recorded
//     as a conflict holding base, ours and theirs;
//   - an object added on one side is added; deleted on one side and left
//     alone on the other, it is deleted; deleted on one side and edited on
//     the other, it is kept (edited) and recorded as a conflict.
//
// Nested objects (a zone's bounds, the SUC) merge field by field too;
// arrays (a conduit's flows, a zone's overrides) merge as whole values.
// The result is a valid project (strictly decoded). Conflicts already
// recorded on either side are carried over; the new ones follow them.
func Merge(base, ours, theirs *model.Project) (*model.Project, []model.MergeConflict, error) {
	ts, err := explode(base, ours, theirs)
	if err != nil {
		return nil, nil, err
	}
	b, o, t := ts[0], ts[1], ts[2]
	out := &tree{project: &object{fields: map[string]json.RawMessage{}}, objects: map[string]map[string]*object{}}
	var conflicts []model.MergeConflict
	pf, pc := mergeFields(projectKind, "", o.project.name, b.project, o.project, t.project)
	out.project.fields = pf
	conflicts = append(conflicts, pc...)
	out.order = keys(b, o, t)
	type gone struct {
		key       string
		base      *object
		deletedBy string
	}
	var deleted []gone
	for _, key := range out.order {
		m := map[string]*object{}
		for _, id := range ids(key, b, o, t) {
			bo, oo, to := b.objects[key][id], o.objects[key][id], t.objects[key][id]
			merged, cs := mergeObject(key, bo, oo, to)
			if merged != nil {
				m[id] = merged
			} else if bo != nil && (oo != nil || to != nil) {
				by := model.ConflictDeletedByOurs
				if oo != nil {
					by = model.ConflictDeletedByTheirs
				}
				deleted = append(deleted, gone{key, bo, by})
			}
			conflicts = append(conflicts, cs...)
		}
		out.objects[key] = m
	}
	// An object one side deleted may be what the other side's new or
	// changed objects refer to (an asset added to a zone the other engineer
	// removed). Deleting it would leave a dangling reference; it is kept and
	// the deletion recorded as a conflict to decide. IDs are UUIDs, so a
	// quoted ID in the merged JSON is a reference to it.
	if len(deleted) > 0 {
		var all bytes.Buffer
		for _, f := range out.project.fields {
			all.Write(f)
		}
		for _, key := range out.order {
			for _, ob := range out.objects[key] {
				for _, f := range ob.fields {
					all.Write(f)
				}
			}
		}
		for _, d := range deleted {
			if !bytes.Contains(all.Bytes(), []byte(`"`+d.base.id+`"`)) {
				continue
			}
			out.objects[d.key][d.base.id] = d.base
			c := model.MergeConflict{Kind: kindOf(d.key), ObjectID: model.ID(d.base.id), Object: d.base.name,
				Reason: d.deletedBy, Base: whole(d.base)}
			if d.deletedBy == model.ConflictDeletedByOurs {
				c.Theirs = whole(d.base)
			} else {
				c.Ours = whole(d.base)
			}
			conflicts = append(conflicts, c)
		}
	}
	carried := carriedConflicts(ours, theirs)
	all := append(carried, conflicts...)
	raw, err := json.Marshal(all)
	if err != nil {
		return nil, nil, err
	}
	if len(all) > 0 {
		out.project.fields[conflictsKey] = raw
	} else {
		delete(out.project.fields, conflictsKey)
	}
	p, err := implode(out)
	if err != nil {
		return nil, nil, fmt.Errorf("merged project: %w", err)
	}
	return p, conflicts, nil
}

// mergeObject merges one object of a collection; nil means it is gone.
func mergeObject(key string, b, o, t *object) (*object, []model.MergeConflict) {
	kind := kindOf(key)
	switch {
	case o == nil && t == nil:
		return nil, nil // deleted on both sides (or never there)
	case b == nil && o != nil && t == nil:
		return o, nil // added by ours
	case b == nil && o == nil && t != nil:
		return t, nil // added by theirs
	case b != nil && o == nil:
		if equalObjects(b, t) {
			return nil, nil // deleted by ours, untouched by theirs
		}
		return t, []model.MergeConflict{{Kind: kind, ObjectID: model.ID(t.id), Object: t.name,
			Reason: model.ConflictDeletedByOurs, Base: whole(b), Theirs: whole(t)}}
	case b != nil && t == nil:
		if equalObjects(b, o) {
			return nil, nil
		}
		return o, []model.MergeConflict{{Kind: kind, ObjectID: model.ID(o.id), Object: o.name,
			Reason: model.ConflictDeletedByTheirs, Base: whole(b), Ours: whole(o)}}
	}
	// Present on both sides (and in base, or added on both with one ID).
	if b == nil {
		b = &object{fields: map[string]json.RawMessage{}}
	}
	fields, cs := mergeFields(kind, o.id, o.name, b, o, t)
	return &object{key: key, id: o.id, name: o.name, fields: fields}, cs
}

// mergeFields merges the fields of one object three ways.
func mergeFields(kind, id, name string, b, o, t *object) (map[string]json.RawMessage, []model.MergeConflict) {
	out := map[string]json.RawMessage{}
	var cs []model.MergeConflict
	for _, f := range fieldNames(b, o, t) {
		if f == conflictsKey {
			continue
		}
		v, c := mergeValue(f, b.fields[f], o.fields[f], t.fields[f])
		if v != nil {
			out[f] = v
		}
		for i := range c {
			c[i].Kind, c[i].ObjectID, c[i].Object = kind, model.ID(id), name
		}
		cs = append(cs, c...)
	}
	return out, cs
}

// mergeValue merges one JSON value three ways; nil means absent.
func mergeValue(path string, b, o, t json.RawMessage) (json.RawMessage, []model.MergeConflict) {
	switch {
	case bytes.Equal(o, t):
		return o, nil
	case bytes.Equal(b, o):
		return t, nil
	case bytes.Equal(b, t):
		return o, nil
	}
	mb, okb := asObject(b)
	mo, oko := asObject(o)
	mt, okt := asObject(t)
	if oko && okt {
		if !okb {
			mb = map[string]json.RawMessage{}
		}
		names := map[string]bool{}
		for _, m := range []map[string]json.RawMessage{mb, mo, mt} {
			for k := range m {
				names[k] = true
			}
		}
		sorted := make([]string, 0, len(names))
		for k := range names {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		merged := map[string]json.RawMessage{}
		var cs []model.MergeConflict
		for _, k := range sorted {
			v, c := mergeValue(path+"."+k, mb[k], mo[k], mt[k])
			if v != nil {
				merged[k] = v
			}
			cs = append(cs, c...)
		}
		raw, err := json.Marshal(merged)
		if err == nil {
			return raw, cs
		}
	}
	return o, []model.MergeConflict{{Field: path, Reason: model.ConflictBothChanged, Base: b, Ours: o, Theirs: t}}
}

func equalObjects(a, b *object) bool {
	if len(a.fields) != len(b.fields) {
		return false
	}
	for k, v := range a.fields {
		if !bytes.Equal(v, b.fields[k]) {
			return false
		}
	}
	return true
}

// whole is an object as one JSON value.
func whole(o *object) json.RawMessage {
	raw, err := json.Marshal(o.fields)
	if err != nil {
		return nil
	}
	return raw
}

// carriedConflicts keeps the conflicts already recorded on either side
// (a second merge before the first was resolved), without duplicates.
func carriedConflicts(ours, theirs *model.Project) []model.MergeConflict {
	var out []model.MergeConflict
	seen := map[string]bool{}
	for _, p := range []*model.Project{ours, theirs} {
		for _, c := range p.MergeConflicts {
			k := c.Kind + "\x00" + string(c.ObjectID) + "\x00" + c.Field + "\x00" + string(c.Ours) + "\x00" + string(c.Theirs)
			if !seen[k] {
				seen[k] = true
				out = append(out, c)
			}
		}
	}
	return out
}
