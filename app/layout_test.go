package app

import (
	"bytes"
	"testing"

	"zonewise/model"
)

func TestAutoLayoutIsOneUndoableStep(t *testing.T) {
	wait := pumpUI(t)
	u := newTestUI(t)
	u.setDocument(newUnsavedDocument(model.Sample()))
	before := saved(t, u.doc.Project)
	done := false
	u.afterLayout = func() { done = true }
	u.autoLayout()
	wait("the layout", func() bool { return done })
	if l := u.doc.History().UndoLabel(); l != "Auto-layout" {
		t.Fatalf("undo label %q, want Auto-layout", l)
	}
	if bytes.Equal(saved(t, u.doc.Project), before) {
		t.Fatal("auto-layout changed nothing")
	}
	t.Run("undo restores the hand-made layout", func(t *testing.T) {
		u.undo()
		if !bytes.Equal(saved(t, u.doc.Project), before) {
			t.Error("project after undo differs from before the layout")
		}
	})
	t.Run("every asset stays inside its zone", func(t *testing.T) {
		u.redo()
		p := u.doc.Project
		for _, a := range p.Assets {
			z := p.Zone(a.ZoneID)
			if a.Position.X < 0 || a.Position.Y < 0 || a.Position.X > z.Bounds.W || a.Position.Y > z.Bounds.H {
				t.Errorf("asset %q at %+v outside zone %q %+v", a.Name, a.Position, z.Name, z.Bounds)
			}
		}
	})
}
