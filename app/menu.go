package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// menuItems are the menu entries whose label or state follows the document.
type menuItems struct {
	undo, redo, del, recent, presentation *fyne.MenuItem
	light, dark, system                   *fyne.MenuItem
	panels                                [panelCount]*fyne.MenuItem
	main                                  *fyne.MainMenu
}

func shortcut(k fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: mod}
}

const ctrl = fyne.KeyModifierShortcutDefault

func (u *ui) buildMenu() *fyne.MainMenu {
	m := &u.menu
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	m.recent = fyne.NewMenuItem(tr("menu.file.recent"), nil)
	m.recent.ChildMenu = fyne.NewMenu("")
	quit := item(tr("menu.file.quit"), shortcut(fyne.KeyQ, ctrl), u.onCloseRequested)
	quit.IsQuit = true
	file := fyne.NewMenu(tr("menu.file"),
		item(tr("menu.file.new"), shortcut(fyne.KeyN, ctrl), u.newProject),
		item(tr("menu.file.open"), shortcut(fyne.KeyO, ctrl), u.openDialog),
		m.recent,
		fyne.NewMenuItemSeparator(),
		item(tr("menu.file.save"), shortcut(fyne.KeyS, ctrl), func() { u.save(nil) }),
		item(tr("menu.file.saveAs"), shortcut(fyne.KeyS, ctrl|fyne.KeyModifierShift), func() { u.saveAsDialog(nil) }),
		item(tr("menu.file.exportSample"), nil, u.exportSample),
		fyne.NewMenuItemSeparator(),
		item(tr("menu.file.compare"), nil, u.compareDialog),
		item(tr("menu.file.encryption"), nil, u.encryptionDialog),
		u.importMenu(),
		u.exportMenu(),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	m.undo = item(tr("menu.edit.undo"), &fyne.ShortcutUndo{}, u.undo)
	m.redo = item(tr("menu.edit.redo"), shortcut(fyne.KeyZ, ctrl|fyne.KeyModifierShift), u.redo)
	m.del = item(tr("menu.edit.delete"), nil, u.deleteSelection)
	edit := fyne.NewMenu(tr("menu.edit"), m.undo, m.redo, fyne.NewMenuItemSeparator(), m.del,
		fyne.NewMenuItemSeparator(),
		item(tr("menu.edit.find"), shortcut(fyne.KeyF, ctrl), u.showFind),
		fyne.NewMenuItemSeparator(),
		item(tr("menu.edit.addZone"), nil, u.addZone),
		item(tr("menu.edit.addActor"), nil, u.addActor),
		item(tr("menu.edit.addScenario"), nil, u.addScenario),
		item(tr("menu.edit.addVulnerability"), nil, u.addVulnerability),
		fyne.NewMenuItemSeparator(),
		item(tr("menu.edit.logDecision"), shortcut(fyne.KeyL, ctrl), u.logDecision),
		item(tr("menu.edit.resolveConflicts"), nil, u.resolveConflictsDialog))

	m.light = item(tr("menu.view.light"), nil, func() { u.setThemeVariant("light") })
	m.dark = item(tr("menu.view.dark"), nil, func() { u.setThemeVariant("dark") })
	m.system = item(tr("menu.view.system"), nil, func() { u.setThemeVariant("") })
	m.presentation = item(tr("menu.view.presentation"), shortcut(fyne.KeyP, ctrl|fyne.KeyModifierShift), u.togglePresentation)
	for p := range panelCount {
		m.panels[p] = item(tr(panelMenuKeys[p]), shortcut(panelKeys[p], ctrl), func() { u.togglePanel(p) })
	}
	view := fyne.NewMenu(tr("menu.view"),
		m.panels[panelTree], m.panels[panelProps], m.panels[panelProblems],
		fyne.NewMenuItemSeparator(),
		item(tr("menu.view.zoomIn"), shortcut(fyne.KeyEqual, ctrl), func() { u.canvas.zoomBy(1.25, u.canvas.centre()) }),
		item(tr("menu.view.zoomOut"), shortcut(fyne.KeyMinus, ctrl), func() { u.canvas.zoomBy(1/1.25, u.canvas.centre()) }),
		item(tr("menu.view.fit"), shortcut(fyne.Key0, ctrl), u.canvas.fit),
		fyne.NewMenuItemSeparator(),
		m.light, m.dark, m.system,
		fyne.NewMenuItemSeparator(),
		m.presentation,
		fyne.NewMenuItemSeparator(),
		u.languageMenu(),
	)
	help := fyne.NewMenu(tr("menu.help"),
		item(tr("menu.help.guide"), shortcut(fyne.KeyF1, 0), u.guide.show),
		item(tr("menu.help.about"), nil, u.showAbout),
	)
	m.main = fyne.NewMainMenu(file, edit, view, help)
	return m.main
}

// addShortcuts adds the keys a menu item cannot carry: Ctrl+Y, and the
// plain keys of plainKeys.
func (u *ui) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.redo() }) // Ctrl+Y
	u.keys = u.plainKeys()
	c.SetOnTypedKey(u.onTypedKey)
}

// plainKeys are the keys without a modifier that the window handles when no
// widget with its own keys has focus (the tree and the canvas pass them on).
// A menu item's shortcut needs a modifier on the desktop driver, so F1 and F5
// are here even though Help ▸ Quick guide shows F1.
func (u *ui) plainKeys() map[fyne.KeyName]func() {
	return map[fyne.KeyName]func(){
		fyne.KeyF5:     u.togglePresentation,
		fyne.KeyF1:     u.guide.show,
		fyne.KeyDelete: u.deleteSelection,
		fyne.KeyEscape: func() { u.canvas.setTool(toolSelect) },
	}
}

// onTypedKey handles plain keys when no widget with its own keys has focus.
func (u *ui) onTypedKey(ev *fyne.KeyEvent) {
	if f := u.keys[ev.Name]; f != nil {
		f()
	}
}

// refreshMenu updates the labels and states that follow the document.
func (u *ui) refreshMenu() {
	m := &u.menu
	if m.main == nil {
		return
	}
	h := u.doc.History()
	m.undo.Label, m.undo.Disabled = tr("menu.edit.undo"), !h.CanUndo()
	if l := h.UndoLabel(); l != "" {
		m.undo.Label = tr("menu.edit.undoAction", map[string]string{"Action": commandLabel(l)})
	}
	m.redo.Label, m.redo.Disabled = tr("menu.edit.redo"), !h.CanRedo()
	if l := h.RedoLabel(); l != "" {
		m.redo.Label = tr("menu.edit.redoAction", map[string]string{"Action": commandLabel(l)})
	}
	m.del.Disabled = len(u.sel.items) == 0
	m.presentation.Checked = u.themeState.presentation
	for p, it := range m.panels {
		it.Checked = !u.folded[p]
	}
	m.light.Checked = u.themeState.variant == "light"
	m.dark.Checked = u.themeState.variant == "dark"
	m.system.Checked = u.themeState.variant == ""

	var items []*fyne.MenuItem
	for _, p := range u.prefs.recent() {
		items = append(items, fyne.NewMenuItem(filepath.Base(p)+"  —  "+filepath.Dir(p), func() {
			u.confirmDiscard(func() { u.openPath(p) })
		}))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(tr("common.none"), nil)
		none.Disabled = true
		items = append(items, none)
	}
	m.recent.ChildMenu.Items = items
	m.main.Refresh()
	u.refreshToolbar()
}

func (u *ui) undo() {
	if u.doc.History().CanUndo() {
		if err := u.doc.Undo(); err != nil {
			u.showError(err)
		}
	}
}

func (u *ui) redo() {
	if u.doc.History().CanRedo() {
		if err := u.doc.Redo(); err != nil {
			u.showError(err)
		}
	}
}

// toolbar holds the buttons above the window whose state follows the document.
type toolbar struct {
	undo, redo, del, save *widget.Button
	// row is the toolbar as placed in the window (presentation mode hides it)
	row fyne.CanvasObject
}

// buildToolbar is the row of large buttons a workshop needs most.
func (u *ui) buildToolbar() fyne.CanvasObject {
	t := &u.bar
	t.save = widget.NewButtonWithIcon(tr("toolbar.save"), theme.DocumentSaveIcon(), func() { u.save(nil) })
	t.undo = widget.NewButtonWithIcon(tr("toolbar.undo"), theme.ContentUndoIcon(), u.undo)
	t.redo = widget.NewButtonWithIcon(tr("toolbar.redo"), theme.ContentRedoIcon(), u.redo)
	t.del = widget.NewButtonWithIcon(tr("toolbar.delete"), theme.DeleteIcon(), u.deleteSelection)
	logD := widget.NewButtonWithIcon(tr("toolbar.logDecision"), theme.DocumentCreateIcon(), u.logDecision)
	logD.Importance = widget.HighImportance
	return container.NewHBox(
		widget.NewButtonWithIcon("", theme.FolderOpenIcon(), u.openDialog),
		t.save,
		widget.NewSeparator(),
		t.undo, t.redo, t.del,
		widget.NewSeparator(),
		logD,
		widget.NewSeparator(),
		widget.NewButtonWithIcon(tr("toolbar.presentation"), theme.ComputerIcon(), u.togglePresentation),
		widget.NewButtonWithIcon(tr("toolbar.guide"), theme.HelpIcon(), u.guide.show),
	)
}

func (u *ui) refreshToolbar() {
	t := &u.bar
	if t.undo == nil {
		return
	}
	h := u.doc.History()
	setEnabled(t.undo, h.CanUndo())
	setEnabled(t.redo, h.CanRedo())
	setEnabled(t.del, len(u.sel.items) > 0 && u.sel.primary().Kind != kindProject)
}

func setEnabled(b *widget.Button, on bool) {
	if on && b.Disabled() {
		b.Enable()
	} else if !on && !b.Disabled() {
		b.Disable()
	}
}
