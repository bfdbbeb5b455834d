package model

import (
	"errors"
	"fmt"
	"slices"
)

// Command is one undoable edit of a project. Apply then Revert leaves the
// project as it was (it saves to the same bytes).
type Command interface {
	Apply(p *Project) error
	Revert(p *Project)
	// Label names the edit for the Undo menu, e.g. "Move zone".
	Label() string
}

// Merger is implemented by commands that can absorb the next command, such as
// successive keystrokes in one field or the steps of one drag.
type Merger interface {
	Merge(next Command) bool
}

// Add inserts a new object.
type Add[T Object] struct {
	Item T
}

// Apply appends the item; its ID must be new.
func (c *Add[T]) Apply(p *Project) error {
	id := ObjectID(&c.Item)
	if id == "" {
		return fmt.Errorf("add %s: empty ID", KindName[T]())
	}
	if x, _ := Find[T](p, id); x != nil {
		return fmt.Errorf("add %s: ID %s already exists", KindName[T](), id)
	}
	s := Collection[T](p)
	*s = append(*s, Clone(c.Item))
	return nil
}

// Revert removes the item again.
func (c *Add[T]) Revert(p *Project) {
	if _, i := Find[T](p, ObjectID(&c.Item)); i >= 0 {
		s := Collection[T](p)
		*s = slices.Delete(*s, i, i+1)
	}
}

// Label implements Command.
func (c *Add[T]) Label() string { return "Add " + KindName[T]() }

// Remove deletes an object by ID. Dependent objects are not touched: use
// RemoveCascade for zones, conduits, assets, actors and countermeasures.
type Remove[T Object] struct {
	ID    ID
	item  T
	index int
}

// Apply removes the object, remembering it and its position.
func (c *Remove[T]) Apply(p *Project) error {
	x, i := Find[T](p, c.ID)
	if x == nil {
		return fmt.Errorf("remove %s: no %s with ID %s", KindName[T](), KindName[T](), c.ID)
	}
	c.item, c.index = *x, i
	s := Collection[T](p)
	*s = slices.Delete(*s, i, i+1)
	return nil
}

// Revert puts the object back where it was.
func (c *Remove[T]) Revert(p *Project) {
	s := Collection[T](p)
	i := min(c.index, len(*s))
	*s = slices.Insert(*s, i, c.item)
}

// Label implements Command.
func (c *Remove[T]) Label() string { return "Delete " + KindName[T]() }

// Update replaces an object with a new value. Field, when set, names what the
// edit changes ("name", "bounds"): consecutive updates of the same field of
// the same object merge into one undo step.
type Update[T Object] struct {
	After  T
	Field  string
	before T
	had    bool
}

// Apply stores After in place of the object with the same ID.
func (c *Update[T]) Apply(p *Project) error {
	id := ObjectID(&c.After)
	x, _ := Find[T](p, id)
	if x == nil {
		return fmt.Errorf("update %s: no %s with ID %s", KindName[T](), KindName[T](), id)
	}
	if !c.had {
		c.before, c.had = Clone(*x), true
	}
	*x = Clone(c.After)
	return nil
}

// Revert restores the value the object had before the first Apply.
func (c *Update[T]) Revert(p *Project) {
	if x, _ := Find[T](p, ObjectID(&c.After)); x != nil && c.had {
		*x = Clone(c.before)
	}
}

// Label implements Command.
func (c *Update[T]) Label() string {
	if c.Field != "" {
		return "Edit " + KindName[T]() + " " + c.Field
	}
	return "Edit " + KindName[T]()
}

// Merge absorbs a following update of the same field of the same object.
func (c *Update[T]) Merge(next Command) bool {
	if !c.mergeable(next) {
		return false
	}
	c.After = next.(*Update[T]).After
	return true
}

// UpdateInfo replaces the project metadata and method settings.
type UpdateInfo struct {
	After  Info
	Field  string
	before Info
	had    bool
}

// Apply implements Command.
func (c *UpdateInfo) Apply(p *Project) error {
	if !c.had {
		c.before, c.had = Clone(p.Info), true
	}
	p.Info = Clone(c.After)
	return nil
}

// Revert implements Command.
func (c *UpdateInfo) Revert(p *Project) {
	if c.had {
		p.Info = Clone(c.before)
	}
}

// Label implements Command.
func (c *UpdateInfo) Label() string {
	if c.Field != "" {
		return "Edit project " + c.Field
	}
	return "Edit project"
}

// Merge absorbs a following edit of the same project field.
func (c *UpdateInfo) Merge(next Command) bool {
	n, ok := next.(*UpdateInfo)
	if !ok || c.Field == "" || n.Field != c.Field {
		return false
	}
	c.After = n.After
	return true
}

// Batch applies several commands as one undo step.
type Batch struct {
	Name     string
	Commands []Command
	// MergeKey, when set, lets consecutive batches with the same key merge
	// (the steps of one drag that moves a zone and its children).
	MergeKey string
}

// Apply applies every command in order; if one fails, those already applied
// are reverted and the error is returned.
func (b *Batch) Apply(p *Project) error {
	for i, c := range b.Commands {
		if err := c.Apply(p); err != nil {
			for j := i - 1; j >= 0; j-- {
				b.Commands[j].Revert(p)
			}
			return fmt.Errorf("%s: %w", b.Label(), err)
		}
	}
	return nil
}

// Revert reverts the commands in reverse order.
func (b *Batch) Revert(p *Project) {
	for i := len(b.Commands) - 1; i >= 0; i-- {
		b.Commands[i].Revert(p)
	}
}

// Label implements Command.
func (b *Batch) Label() string {
	if b.Name != "" {
		return b.Name
	}
	if len(b.Commands) == 1 {
		return b.Commands[0].Label()
	}
	return fmt.Sprintf("%d edits", len(b.Commands))
}

// Merge absorbs a following batch with the same MergeKey whose commands
// merge one by one into this batch's commands.
func (b *Batch) Merge(next Command) bool {
	n, ok := next.(*Batch)
	if !ok || b.MergeKey == "" || n.MergeKey != b.MergeKey || len(n.Commands) != len(b.Commands) {
		return false
	}
	for i := range b.Commands {
		m, ok := b.Commands[i].(Merger)
		if !ok {
			return false
		}
		// Check all before merging any, so a partial merge cannot happen.
		if !canMerge(m, n.Commands[i]) {
			return false
		}
	}
	for i := range b.Commands {
		b.Commands[i].(Merger).Merge(n.Commands[i])
	}
	return true
}

// canMerge reports whether m would merge next, without changing m.
func canMerge(m Merger, next Command) bool {
	switch c := m.(type) {
	case interface{ mergeable(Command) bool }:
		return c.mergeable(next)
	}
	return false
}

func (c *Update[T]) mergeable(next Command) bool {
	n, ok := next.(*Update[T])
	return ok && c.Field != "" && n.Field == c.Field && ObjectID(&n.After) == ObjectID(&c.After)
}

// ErrNothingToUndo and ErrNothingToRedo are returned by History at its ends.
var (
	ErrNothingToUndo = errors.New("nothing to undo")
	ErrNothingToRedo = errors.New("nothing to redo")
)
