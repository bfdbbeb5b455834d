package model

// History is the undo/redo stack, after fyne's entry undo stack: commands
// before next are done (undoable), those from next on are undone (redoable);
// a new command cuts the redo tail.
type History struct {
	cmds []Command
	next int
	// saved is the value of next when the project was last saved; -1 when
	// that state is no longer reachable.
	saved int
	// sealed stops the top command from merging with the next one, for
	// example after a save or an undo, so an undo step never spans them.
	sealed bool
}

// Do applies c to p and records it, merging it into the previous command
// when both agree (same field of the same object).
func (h *History) Do(p *Project, c Command) error {
	if err := c.Apply(p); err != nil {
		return err
	}
	if h.next < len(h.cmds) {
		if h.saved > h.next {
			h.saved = -1
		}
		h.cmds = h.cmds[:h.next]
	}
	if !h.sealed && h.next > 0 && h.next != h.saved {
		if m, ok := h.cmds[h.next-1].(Merger); ok && m.Merge(c) {
			return nil
		}
	}
	h.cmds = append(h.cmds, c)
	h.next++
	h.sealed = false
	return nil
}

// Undo reverts the last done command.
func (h *History) Undo(p *Project) (Command, error) {
	if h.next == 0 {
		return nil, ErrNothingToUndo
	}
	h.next--
	c := h.cmds[h.next]
	c.Revert(p)
	h.sealed = true
	return c, nil
}

// Redo applies the first undone command again.
func (h *History) Redo(p *Project) (Command, error) {
	if h.next >= len(h.cmds) {
		return nil, ErrNothingToRedo
	}
	c := h.cmds[h.next]
	if err := c.Apply(p); err != nil {
		return nil, err
	}
	h.next++
	h.sealed = true
	return c, nil
}

// CanUndo reports whether there is a command to undo.
func (h *History) CanUndo() bool { return h.next > 0 }

// CanRedo reports whether there is a command to redo.
func (h *History) CanRedo() bool { return h.next < len(h.cmds) }

// UndoLabel names the command Undo would revert, or "".
func (h *History) UndoLabel() string {
	if !h.CanUndo() {
		return ""
	}
	return h.cmds[h.next-1].Label()
}

// RedoLabel names the command Redo would apply, or "".
func (h *History) RedoLabel() string {
	if !h.CanRedo() {
		return ""
	}
	return h.cmds[h.next].Label()
}

// MarkSaved records the current state as the saved one.
func (h *History) MarkSaved() {
	h.saved = h.next
	h.sealed = true
}

// Dirty reports whether the project differs from the last saved state.
func (h *History) Dirty() bool { return h.saved != h.next }

// Seal ends merging: the next command starts a new undo step.
func (h *History) Seal() { h.sealed = true }
