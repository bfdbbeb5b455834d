package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// windowKeys are the plain keys that act on the window even while a field
// has the focus: Fyne's desktop driver turns only keys with Ctrl, Alt or
// Super into shortcuts and gives every other key to the focused widget, so
// a field must hand these on (keyEntry, keySelect).
var windowKeys = map[fyne.KeyName]bool{fyne.KeyF1: true, fyne.KeyF5: true, fyne.KeyEscape: true}

// keyEntry is an entry that hands F1, F5 and Escape to the window (help,
// presentation mode, back to the Select tool) and keeps every other key.
type keyEntry struct {
	widget.Entry
	onKey func(*fyne.KeyEvent)
}

// newKeyEntry is a one-line entry that passes the window's keys to onKey.
func newKeyEntry(onKey func(*fyne.KeyEvent)) *keyEntry {
	e := &keyEntry{onKey: onKey}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if windowKeys[ev.Name] && e.onKey != nil {
		e.onKey(ev)
		return
	}
	e.Entry.TypedKey(ev)
}

// keySelect is a select that hands F1, F5 and Escape to the window.
type keySelect struct {
	widget.Select
	onKey func(*fyne.KeyEvent)
}

// newKeySelect is an empty select that passes the window's keys to onKey.
func newKeySelect(onKey func(*fyne.KeyEvent)) *keySelect {
	s := &keySelect{onKey: onKey}
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable.
func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	if windowKeys[ev.Name] && s.onKey != nil {
		s.onKey(ev)
		return
	}
	s.Select.TypedKey(ev)
}
