package changes

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"

	"zonewise/model"
)

// Ref names an object: its kind, ID and name (the project itself has kind
// "project" and no ID).
type Ref struct {
	Kind string   `json:"kind"`
	ID   model.ID `json:"id,omitempty"`
	Name string   `json:"name"`
}

// FieldChange is one changed field. Field is the JSON path inside the
// object ("name", "bounds.x"); Old and New are the JSON values (absent for a
// field that did not exist on that side).
type FieldChange struct {
	Field string          `json:"field"`
	Old   json.RawMessage `json:"old,omitempty"`
	New   json.RawMessage `json:"new,omitempty"`
}

// ObjectChange is an object present in both revisions whose fields differ.
type ObjectChange struct {
	Ref
	// OldName is the name before, when the object was renamed.
	OldName string        `json:"oldName,omitempty"`
	Fields  []FieldChange `json:"fields"`
}

// Report is the semantic difference between two revisions of a project.
type Report struct {
	Added   []Ref          `json:"added"`
	Removed []Ref          `json:"removed"`
	Changed []ObjectChange `json:"changed"`
	// Assessment lists what changed in the assessment results.
	Assessment []AssessmentChange `json:"assessment"`
}

// Empty reports whether the two revisions are the same.
func (r *Report) Empty() bool {
	return len(r.Added)+len(r.Removed)+len(r.Changed)+len(r.Assessment) == 0
}

// Diff compares two revisions of a project object by object. The
// assessment part is filled by DiffAssessment (it needs the catalogue).
func Diff(oldP, newP *model.Project) (*Report, error) {
	ts, err := explode(oldP, newP)
	if err != nil {
		return nil, err
	}
	o, n := ts[0], ts[1]
	r := &Report{Added: []Ref{}, Removed: []Ref{}, Changed: []ObjectChange{}, Assessment: []AssessmentChange{}}
	if fc := diffFields(o.project, n.project); len(fc) > 0 {
		c := ObjectChange{Ref: Ref{Kind: projectKind, Name: n.project.name}, Fields: fc}
		if o.project.name != n.project.name {
			c.OldName = o.project.name
		}
		r.Changed = append(r.Changed, c)
	}
	for _, key := range keys(o, n) {
		for _, id := range ids(key, o, n) {
			a, b := o.objects[key][id], n.objects[key][id]
			switch {
			case a == nil:
				r.Added = append(r.Added, refOf(b))
			case b == nil:
				r.Removed = append(r.Removed, refOf(a))
			default:
				if fc := diffFields(a, b); len(fc) > 0 {
					c := ObjectChange{Ref: refOf(b), Fields: fc}
					if a.name != b.name {
						c.OldName = a.name
					}
					r.Changed = append(r.Changed, c)
				}
			}
		}
	}
	sortRefs(r.Added)
	sortRefs(r.Removed)
	sort.SliceStable(r.Changed, func(i, j int) bool { return lessRef(r.Changed[i].Ref, r.Changed[j].Ref) })
	return r, nil
}

func refOf(o *object) Ref {
	if o.key == "" {
		return Ref{Kind: projectKind, Name: o.name}
	}
	return Ref{Kind: kindOf(o.key), ID: model.ID(o.id), Name: o.name}
}

// kindRank orders kinds as a reader walks a plant: project, zones, conduits,
// assets, then the rest alphabetically.
var kindRank = map[string]int{projectKind: 0, "zone": 1, "conduit": 2, "asset": 3, "threat actor": 4, "threat scenario": 5}

func lessRef(a, b Ref) bool {
	ra, oka := kindRank[a.Kind]
	rb, okb := kindRank[b.Kind]
	if !oka {
		ra = 10
	}
	if !okb {
		rb = 10
	}
	if ra != rb {
		return ra < rb
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.ID < b.ID
}

func sortRefs(s []Ref) { sort.SliceStable(s, func(i, j int) bool { return lessRef(s[i], s[j]) }) }

// diffFields lists the changed fields of two versions of an object, going
// into nested objects (so a moved box reports "bounds.x", not "bounds");
// arrays are compared whole.
func diffFields(a, b *object) []FieldChange {
	var out []FieldChange
	for _, f := range fieldNames(a, b) {
		if f == conflictsKey {
			continue
		}
		out = appendValueDiff(out, f, a.fields[f], b.fields[f])
	}
	return out
}

func appendValueDiff(out []FieldChange, path string, x, y json.RawMessage) []FieldChange {
	if bytes.Equal(x, y) {
		return out
	}
	mx, okx := asObject(x)
	my, oky := asObject(y)
	if okx && oky {
		names := map[string]bool{}
		for k := range mx {
			names[k] = true
		}
		for k := range my {
			names[k] = true
		}
		sorted := make([]string, 0, len(names))
		for k := range names {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			out = appendValueDiff(out, path+"."+k, mx[k], my[k])
		}
		return out
	}
	return append(out, FieldChange{Field: path, Old: x, New: y})
}

// asObject decodes raw as a JSON object with compacted values.
func asObject(raw json.RawMessage) (map[string]json.RawMessage, bool) {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || t[0] != '{' {
		return nil, false
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(t, &m) != nil {
		return nil, false
	}
	for k, v := range m {
		m[k] = compact(v)
	}
	return m, true
}

// Show renders a JSON value for a terminal line: strings unquoted when
// short, long values cut.
func Show(raw json.RawMessage) string {
	if raw == nil {
		return "(none)"
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return cut(`"`+s+`"`, 80)
	}
	return cut(string(raw), 80)
}

func cut(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
