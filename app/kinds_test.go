package app

import (
	"strings"
	"testing"

	"zonewise/model"
)

// TestEveryKindHasOneCompleteDescriptor guards the promise of kindTable:
// a kind of object is one entry, and the window finds, names, lists,
// edits and deletes every object of the sample through it.
func TestEveryKindHasOneCompleteDescriptor(t *testing.T) {
	seen := map[kind]bool{}
	for _, d := range kindTable {
		if seen[d.kind] {
			t.Errorf("kind %d is described twice", d.kind)
		}
		seen[d.kind] = true
	}
	for k := kindProject; k <= kindVulnerability; k++ {
		t.Run("kind "+strings.ToLower(kindOf(k).title)+" is described", func(t *testing.T) {
			d := kindOf(k)
			if d.noun == "" || d.title == "" || d.find == nil || d.build == nil {
				t.Fatalf("descriptor of %q lacks a noun, title, find or build: %+v", d.title, d)
			}
			if k != kindProject && (d.ids == nil || d.remove == nil || d.prefix == "") {
				t.Errorf("object kind %q lacks ids, remove or a tree prefix", d.title)
			}
			if d.rows != nil && (d.branch == "" || d.icon == nil) {
				t.Errorf("kind %q has tree rows but no branch or icon", d.title)
			}
		})
	}
	if len(kindTable) != int(kindVulnerability) {
		t.Errorf("%d descriptors for %d kinds", len(kindTable), kindVulnerability)
	}

	u := newTestUI(t)
	u.setDocument(newUnsavedDocument(model.Sample()))
	p := u.doc.Project
	for _, d := range kindTable[1:] {
		t.Run("every "+d.noun+" of the sample is found, named and listed", func(t *testing.T) {
			ids := d.ids(p)
			if len(ids) == 0 && d.kind != kindDecision {
				t.Fatalf("the sample has no %s", d.noun)
			}
			for _, id := range ids {
				r := ref{d.kind, id}
				if got := refByID(p, id); got != r {
					t.Errorf("refByID(%s) = %+v, want %+v", id, got, r)
				}
				if refOfNode(nodeOf(r)) != r {
					t.Errorf("tree node %q does not lead back to %+v", nodeOf(r), r)
				}
				if d.rows != nil {
					if _, ok := u.tree.labels[nodeOf(r)]; !ok {
						t.Errorf("%s %s has no tree row", d.noun, id)
					}
				}
			}
		})
	}
}
