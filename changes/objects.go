// Package changes compares and merges project revisions by object ID: the
// semantic diff of two revisions (objects added, removed, renamed, each
// changed field, and what changed in the assessment) and the three-way merge
// a git merge driver runs. It works on the project file's own JSON, so every
// field of every object kind takes part without a list to keep up to date.
package changes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"zonewise/model"
)

// kindNames names the project file's collections as the GUI and the
// validation messages do. A collection not listed (added later) is named by
// its JSON key.
var kindNames = map[string]string{
	"threatActors":                "threat actor",
	"zones":                       "zone",
	"conduits":                    "conduit",
	"assets":                      "asset",
	"threatScenarios":             "threat scenario",
	"countermeasures":             "countermeasure",
	"decisions":                   "decision",
	"vulnerabilities":             "vulnerability",
	"compensatingCountermeasures": "compensating countermeasure",
}

// kindOf returns the display name of the collection under key.
func kindOf(key string) string {
	if k, ok := kindNames[key]; ok {
		return k
	}
	return key
}

// projectKind is the kind of the project's own fields (name, SUC, matrix…).
const projectKind = "project"

// conflictsKey is the project field merge conflicts are recorded in; it is
// never itself diffed or merged field by field.
const conflictsKey = "mergeConflicts"

// object is one object of a project as JSON: its collection, ID, name and
// top-level fields (values compacted, so equal values have equal bytes).
type object struct {
	key    string // collection key, "" for the project itself
	id     string
	name   string
	fields map[string]json.RawMessage
}

// tree is a project split into objects: the project's own fields and every
// object of every collection, by collection key and ID.
type tree struct {
	project *object
	objects map[string]map[string]*object // key → id → object
	order   []string                      // collection keys, sorted
}

// explode splits projects into trees of objects through their canonical
// JSON. A top-level field is a collection if it is one of the known
// collections or if, in any of the projects, it is a non-empty array of
// objects that all carry an ID; deciding over all projects at once keeps a
// collection that is empty on one side a collection there too.
func explode(ps ...*model.Project) ([]*tree, error) {
	tops := make([]map[string]json.RawMessage, len(ps))
	for i, p := range ps {
		data, err := model.Marshal(p)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(data, &tops[i]); err != nil {
			return nil, fmt.Errorf("project: %w", err)
		}
	}
	isColl := map[string]bool{}
	for k := range kindNames {
		isColl[k] = true
	}
	for _, top := range tops {
		for k, raw := range top {
			if items, ok := collection(raw); ok && len(items) > 0 && k != conflictsKey {
				isColl[k] = true
			}
		}
	}
	out := make([]*tree, len(ps))
	for i, top := range tops {
		t := &tree{project: &object{fields: map[string]json.RawMessage{}}, objects: map[string]map[string]*object{}}
		for key, raw := range top {
			if !isColl[key] {
				t.project.fields[key] = compact(raw)
				continue
			}
			items, ok := collection(raw)
			if !ok {
				return nil, fmt.Errorf("project field %q: not an array of objects with IDs", key)
			}
			m := make(map[string]*object, len(items))
			for _, it := range items {
				it.key = key
				m[it.id] = it
			}
			t.objects[key] = m
			t.order = append(t.order, key)
		}
		if n, ok := t.project.fields["name"]; ok {
			_ = json.Unmarshal(n, &t.project.name)
		}
		sort.Strings(t.order)
		out[i] = t
	}
	return out, nil
}

// collection decodes raw as an array of objects that all carry a non-empty
// string "id". An empty array qualifies.
func collection(raw json.RawMessage) ([]*object, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return nil, false
	}
	var items []map[string]json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil, false
	}
	out := make([]*object, 0, len(items))
	for _, it := range items {
		var id string
		if json.Unmarshal(it["id"], &id) != nil || id == "" {
			return nil, false
		}
		o := &object{id: id, fields: make(map[string]json.RawMessage, len(it))}
		for k, v := range it {
			o.fields[k] = compact(v)
		}
		_ = json.Unmarshal(it["name"], &o.name)
		out = append(out, o)
	}
	return out, true
}

func compact(raw json.RawMessage) json.RawMessage {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return raw
	}
	return b.Bytes()
}

// implode turns a tree back into a project, strictly decoded and so valid
// as a file.
func implode(t *tree) (*model.Project, error) {
	top := make(map[string]json.RawMessage, len(t.project.fields)+len(t.objects))
	for k, v := range t.project.fields {
		top[k] = v
	}
	for _, key := range t.order {
		ids := make([]string, 0, len(t.objects[key]))
		for id := range t.objects[key] {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		items := make([]map[string]json.RawMessage, 0, len(ids))
		for _, id := range ids {
			items = append(items, t.objects[key][id].fields)
		}
		raw, err := json.Marshal(items)
		if err != nil {
			return nil, err
		}
		top[key] = raw
	}
	data, err := json.Marshal(top)
	if err != nil {
		return nil, err
	}
	return model.Unmarshal(data)
}

// fieldNames returns the union of the field names of the given objects
// (nil objects are skipped), sorted.
func fieldNames(objs ...*object) []string {
	seen := map[string]bool{}
	var out []string
	for _, o := range objs {
		if o == nil {
			continue
		}
		for k := range o.fields {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// ids returns the union of the IDs of a collection in the given trees.
func ids(key string, trees ...*tree) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range trees {
		for id := range t.objects[key] {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	sort.Strings(out)
	return out
}

// keys returns the union of the collection keys of the given trees.
func keys(trees ...*tree) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range trees {
		for _, k := range t.order {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}
