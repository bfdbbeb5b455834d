package app

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

// press types a key the way Fyne's desktop driver does (glfw window
// triggersShortcut, which the headless test driver lacks): with Ctrl it
// becomes a shortcut (Ctrl+Z undo, Ctrl+Y redo, any other a
// desktop.CustomShortcut) that runs the main-menu item carrying a shortcut
// of that name, else goes to the focused widget or the canvas's shortcuts;
// without a modifier the key goes to the focused widget or the canvas's
// typed-key handler.
func press(t *testing.T, u *ui, key fyne.KeyName, mod fyne.KeyModifier) {
	t.Helper()
	c := u.win.Canvas()
	var sc fyne.Shortcut
	switch {
	case mod == fyne.KeyModifierControl && key == fyne.KeyZ:
		sc = &fyne.ShortcutUndo{}
	case mod == fyne.KeyModifierControl && key == fyne.KeyY:
		sc = &fyne.ShortcutRedo{}
	case mod != 0 && mod != fyne.KeyModifierShift:
		sc = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
	}
	if sc == nil {
		ev := &fyne.KeyEvent{Name: key}
		if f := c.Focused(); f != nil {
			f.TypedKey(ev)
		} else if h := c.OnTypedKey(); h != nil {
			h(ev)
		}
		return
	}
	var inMenu func(m *fyne.Menu) bool
	inMenu = func(m *fyne.Menu) bool {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && inMenu(it.ChildMenu) {
				return true
			}
		}
		return false
	}
	for _, m := range u.win.MainMenu().Items {
		if inMenu(m) {
			return
		}
	}
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	shortcutsOf(t, c).TypedShortcut(sc)
}

// shortcutsOf is the handler of the shortcuts added to the canvas with
// AddShortcut. The desktop canvas is one; the test canvas wraps a software
// canvas that is, in a field of an unexported type.
func shortcutsOf(t *testing.T, c fyne.Canvas) fyne.Shortcutable {
	t.Helper()
	if s, ok := c.(fyne.Shortcutable); ok {
		return s
	}
	v := reflect.ValueOf(c)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if f := v.FieldByName("WindowlessCanvas"); f.IsValid() {
		if s, ok := f.Interface().(fyne.Shortcutable); ok {
			return s
		}
	}
	t.Fatalf("canvas %T handles no shortcuts", c)
	return nil
}

// keyOf is the key and modifiers that type a menu item's shortcut.
func keyOf(t *testing.T, sc fyne.Shortcut) (fyne.KeyName, fyne.KeyModifier) {
	t.Helper()
	switch s := sc.(type) {
	case *desktop.CustomShortcut:
		return s.KeyName, s.Modifier
	case *fyne.ShortcutUndo:
		return fyne.KeyZ, fyne.KeyModifierControl
	case *fyne.ShortcutRedo:
		return fyne.KeyY, fyne.KeyModifierControl
	}
	t.Fatalf("no key types shortcut %T", sc)
	return "", 0
}

// menuEffect is what one menu item or key must do: prepare the window,
// then, after the item or key, check its effect.
type menuEffect struct {
	prep  func(t *testing.T, u *ui)
	check func(t *testing.T, u *ui)
}

// dialogWithButton checks that a dialog is open on top with the button.
// languageSaved checks that the language choice was saved, ticked in the
// menu and explained in a dialog (it applies at the next start).
func languageSaved(l string) menuEffect {
	return menuEffect{
		prep: func(t *testing.T, u *ui) { u.prefs.p.SetString(prefLanguage, map[string]string{"": "de"}[l]) },
		check: func(t *testing.T, u *ui) {
			t.Helper()
			if got := u.prefs.p.String(prefLanguage); got != l {
				t.Errorf("saved language %q, want %q", got, l)
			}
			dialogWithButton("OK")(t, u)
		},
	}
}

func dialogWithButton(button string) func(t *testing.T, u *ui) {
	return func(t *testing.T, u *ui) {
		t.Helper()
		top := u.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("no dialog is shown, want one with %q", button)
		}
		if findButton(top, button) == nil {
			t.Fatalf("the dialog on top has no %q button", button)
		}
	}
}

// savedPath saves the test window's document whose document is saved in a temporary file.
func savedPath(t *testing.T, u *ui) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plant"+model.FileExt)
	u.saveTo(path, nil)
	if u.doc.Path != path || u.doc.Dirty() {
		t.Fatalf("the test plant was not saved to %s", path)
	}
	return path
}

var cell = model.StableID("z-cell")

// renameCell renames zone Cell 1, one undo step.
func renameCell(u *ui, name string) {
	edit(u.session, cell, "name", func(z *model.Zone) { z.Name = name })
}

func cellName(u *ui) string { return u.doc.Project.Zone(cell).Name }

// menuEffects lists the effect of every menu item, by menu and label (a
// label the document changes, such as "Undo Rename", matches by its start;
// "…" stands for every item of a submenu), and of every plain key.
func menuEffects() map[string]menuEffect {
	themeIs := func(v string) func(t *testing.T, u *ui) {
		return func(t *testing.T, u *ui) {
			m := &u.menu
			if u.themeState.variant != v || m.light.Checked != (v == "light") || m.dark.Checked != (v == "dark") || m.system.Checked != (v == "") {
				t.Errorf("theme %q with checks light %v dark %v system %v, want %q", u.themeState.variant, m.light.Checked, m.dark.Checked, m.system.Checked, v)
			}
		}
	}
	zoomed := func(factor float32) menuEffect {
		var before float32
		return menuEffect{
			prep: func(t *testing.T, u *ui) { before = u.canvas.zoom },
			check: func(t *testing.T, u *ui) {
				if want := min(max(before*factor, minZoom), maxZoom); u.canvas.zoom != want {
					t.Errorf("zoom %v, want %v", u.canvas.zoom, want)
				}
			},
		}
	}
	presentation := menuEffect{check: func(t *testing.T, u *ui) {
		if !u.themeState.presentation || u.splits.main.Leading.Visible() || !u.menu.presentation.Checked {
			t.Error("presentation mode is not on (or the tree still shows, or the menu is not checked)")
		}
	}}
	guide := menuEffect{
		prep: func(t *testing.T, u *ui) { u.guide.dismiss() },
		check: func(t *testing.T, u *ui) {
			if !u.guide.box.Visible() {
				t.Error("the quick guide is not shown")
			}
		},
	}
	deleteSel := menuEffect{
		prep: func(t *testing.T, u *ui) { u.addActor() }, // selected, used by no scenario: no question
		check: func(t *testing.T, u *ui) {
			if n := len(u.doc.Project.Actors); n != len(testPlant().Actors) {
				t.Errorf("%d actors after deleting the new one, want %d", n, len(testPlant().Actors))
			}
		},
	}
	redo := menuEffect{
		prep: func(t *testing.T, u *ui) { renameCell(u, "Renamed"); u.undo() },
		check: func(t *testing.T, u *ui) {
			if cellName(u) != "Renamed" {
				t.Errorf("zone name %q after redo, want Renamed", cellName(u))
			}
		},
	}
	folded := func(p panel) menuEffect {
		return menuEffect{check: func(t *testing.T, u *ui) {
			t.Helper()
			if u.panelObject(p).Visible() || !u.folded[p] || u.menu.panels[p].Checked {
				t.Errorf("panel %d still shows (or its menu item is still ticked) after its toggle", p)
			}
		}}
	}
	var recent string
	return map[string]menuEffect{
		"View ▸ Project tree": folded(panelTree),
		"View ▸ Properties":   folded(panelProps),
		"View ▸ Problems":     folded(panelProblems),
		"File ▸ New": {check: func(t *testing.T, u *ui) {
			if p := u.doc.Project; p.Name != "New project" || len(p.Zones) != 0 || u.doc.Path != "" {
				t.Errorf("after New: project %q with %d zones at %q", p.Name, len(p.Zones), u.doc.Path)
			}
		}},
		"File ▸ Open…": {check: dialogWithButton("Open")},
		"File ▸ Open recent ▸ …": {
			prep: func(t *testing.T, u *ui) {
				recent = filepath.Join(t.TempDir(), "recent"+model.FileExt)
				p := testPlant()
				p.Name = "Recent plant"
				if err := model.Save(recent, p); err != nil {
					t.Fatal(err)
				}
				u.prefs.addRecent(recent)
				u.refreshMenu()
			},
			check: func(t *testing.T, u *ui) {
				if u.doc.Path != recent || u.doc.Project.Name != "Recent plant" {
					t.Errorf("open recent opened %q (%q), want %s", u.doc.Path, u.doc.Project.Name, recent)
				}
			},
		},
		"File ▸ Save": {
			prep: func(t *testing.T, u *ui) { savedPath(t, u); renameCell(u, "Saved name") },
			check: func(t *testing.T, u *ui) {
				p, err := model.Load(u.doc.Path)
				if err != nil {
					t.Fatal(err)
				}
				if u.doc.Dirty() || p.Zone(cell).Name != "Saved name" {
					t.Errorf("after Save: dirty %v, name on disk %q", u.doc.Dirty(), p.Zone(cell).Name)
				}
			},
		},
		"File ▸ Save as…":       {check: dialogWithButton("Save")},
		"File ▸ Export sample…": {check: dialogWithButton("Save")},
		// The imports' file dialogs; the previews are tested in import_wizard_test.go.
		"File ▸ Import ▸ Asset inventory…":                     {check: dialogWithButton("Open")},
		"File ▸ Import ▸ Nmap scan…":                           {check: dialogWithButton("Open")},
		"File ▸ Import ▸ Traffic capture…":                     {check: dialogWithButton("Open")},
		"File ▸ Import ▸ CSAF advisories…":                     {check: dialogWithButton("Open")},
		"File ▸ Import ▸ CSAF advisories (folder)…":            {check: dialogWithButton("Open")},
		"File ▸ Import ▸ draw.io diagram…":                     {check: dialogWithButton("Open")},
		"File ▸ Import ▸ Firewall configuration for review…":   {check: dialogWithButton("Open")},
		"File ▸ Export ▸ Firewall rules ▸ Rule matrix (CSV)…":  {check: dialogWithButton("Save")},
		"File ▸ Export ▸ Firewall rules ▸ Rule matrix (XLSX)…": {check: dialogWithButton("Save")},
		"File ▸ Export ▸ Firewall rules ▸ nftables…":           {check: dialogWithButton("Save")},
		"File ▸ Export ▸ Firewall rules ▸ iptables-restore…":   {check: dialogWithButton("Save")},
		"File ▸ Export ▸ draw.io diagram…":                     {check: dialogWithButton("Save")},
		"File ▸ Quit": {
			prep: func(t *testing.T, u *ui) {
				savedPath(t, u)
				u.win.SetOnClosed(func() { u.win = nil })
			},
			check: func(t *testing.T, u *ui) {
				if u.win != nil {
					t.Error("the window did not close")
				}
			},
		},
		"Edit ▸ Undo": {
			prep: func(t *testing.T, u *ui) { renameCell(u, "Renamed") },
			check: func(t *testing.T, u *ui) {
				if cellName(u) != "Cell 1" {
					t.Errorf("zone name %q after undo, want Cell 1", cellName(u))
				}
			},
		},
		"Edit ▸ Redo": redo,
		"Edit ▸ Find…": {check: func(t *testing.T, u *ui) {
			top := u.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no Find box is shown")
			}
			if _, ok := u.win.Canvas().Focused().(*widget.Entry); !ok {
				t.Errorf("the focus is on %T, want the Find box's query field", u.win.Canvas().Focused())
			}
		}},
		"Edit ▸ Delete selection (Del)": deleteSel,
		"Edit ▸ Add zone": {check: func(t *testing.T, u *ui) {
			if n := len(u.doc.Project.Zones); n != len(testPlant().Zones)+1 {
				t.Errorf("%d zones, want one more than %d", n, len(testPlant().Zones))
			}
		}},
		"Edit ▸ Add threat actor": {check: func(t *testing.T, u *ui) {
			if n := len(u.doc.Project.Actors); n != len(testPlant().Actors)+1 {
				t.Errorf("%d actors, want one more than %d", n, len(testPlant().Actors))
			}
		}},
		"Edit ▸ Add threat scenario for the selection": {
			prep: func(t *testing.T, u *ui) { u.selectOnly(ref{kindZone, cell}) },
			check: func(t *testing.T, u *ui) {
				ss := u.doc.Project.Scenarios
				if len(ss) != len(testPlant().Scenarios)+1 || ss[len(ss)-1].TargetID != cell {
					t.Errorf("no new scenario aimed at the selected zone: %d scenarios", len(ss))
				}
			},
		},
		"Edit ▸ Add vulnerability": {
			prep: func(t *testing.T, u *ui) { u.selectOnly(ref{kindAsset, model.StableID("a-plc")}) },
			check: func(t *testing.T, u *ui) {
				vs := u.doc.Project.Vulnerabilities
				if len(vs) != len(testPlant().Vulnerabilities)+1 || len(vs[len(vs)-1].AssetIDs) != 1 || vs[len(vs)-1].AssetIDs[0] != model.StableID("a-plc") {
					t.Errorf("no new vulnerability affecting the selected asset: %+v", vs)
				}
				if r := u.sel.primary(); r.Kind != kindVulnerability {
					t.Errorf("the new vulnerability is not selected: %+v", r)
				}
			},
		},
		"Edit ▸ Log decision…": {check: func(t *testing.T, u *ui) {
			dialogWithButton("Add")(t, u)
			test.Tap(findButton(u.win.Canvas().Overlays().Top(), "Add"))
			if len(u.doc.Project.Decisions) != len(testPlant().Decisions)+1 {
				t.Error("adding from the decision form logged no decision")
			}
		}},
		"Edit ▸ Resolve merge conflicts…": {check: func(t *testing.T, u *ui) {
			// The test plant has no conflicts: the menu says so.
			dialogWithButton("OK")(t, u)
		}},
		"File ▸ Compare with…": {check: func(t *testing.T, u *ui) {
			dialogWithButton("Choose a file…")(t, u)
			test.Tap(findButton(u.win.Canvas().Overlays().Top(), "Choose a file…"))
			dialogWithButton("Open")(t, u)
		}},
		"File ▸ Encryption…": {check: func(t *testing.T, u *ui) {
			dialogWithButton("Set passphrase…")(t, u)
		}},
		"View ▸ Zoom in":  zoomed(1.25),
		"View ▸ Zoom out": zoomed(1 / 1.25),
		"View ▸ Fit to window": {
			prep: func(t *testing.T, u *ui) { u.canvas.zoomBy(3, fyne.Position{}) },
			check: func(t *testing.T, u *ui) {
				s := u.canvas.Size()
				for _, z := range u.doc.Project.Zones {
					tl, size := u.canvas.screenRect(z.Bounds)
					if tl.X < 0 || tl.Y < 0 || tl.X+size.Width > s.Width+0.5 || tl.Y+size.Height > s.Height+0.5 {
						t.Errorf("zone %q at %v size %v is outside the %v canvas", z.Name, tl, size, s)
					}
				}
			},
		},
		"View ▸ Light theme":                {check: themeIs("light")},
		"View ▸ Dark theme":                 {check: themeIs("dark")},
		"View ▸ System theme":               {prep: func(t *testing.T, u *ui) { u.setThemeVariant("dark") }, check: themeIs("")},
		"View ▸ Presentation mode (F5)":     presentation,
		"View ▸ Language ▸ System language": languageSaved(""),
		"View ▸ Language ▸ English":         languageSaved("en"),
		"View ▸ Language ▸ Deutsch":         languageSaved("de"),
		"Help ▸ Quick guide":                guide,
		"Help ▸ About Zonewise":             {check: dialogWithButton("Close")},

		"key F5":     presentation,
		"key F1":     guide,
		"key Delete": deleteSel,
		"key Escape": {
			prep: func(t *testing.T, u *ui) { u.canvas.setTool(toolConnect) },
			check: func(t *testing.T, u *ui) {
				if u.canvas.tool != toolSelect {
					t.Errorf("tool %v after Escape, want select", u.canvas.tool)
				}
			},
		},
		"key Ctrl+Y": redo,
	}
}

// resetUI puts a test window back to how newTestUI opens it: no dialog,
// default theme, no presentation mode, select tool, no recent files, a fresh
// copy of the test plant with the canvas at 100 %.
func resetUI(u *ui) {
	ov := u.win.Canvas().Overlays()
	for top := ov.Top(); top != nil; top = ov.Top() {
		ov.Remove(top)
	}
	if u.themeState.presentation {
		u.togglePresentation()
	}
	if u.themeState.variant != "" {
		u.setThemeVariant("")
	}
	u.canvas.setTool(toolSelect)
	u.folded = [panelCount]bool{}
	u.layoutPanels()
	u.prefs.p.SetStringList(prefRecent, nil)
	u.setDocument(newUnsavedDocument(testPlant()))
	u.canvas.Resize(fyne.NewSize(900, 600))
	u.canvas.zoom, u.canvas.offset = 1, fyne.Position{}
	u.canvas.refresh()
}

// menuItem is one item of the main menu with its path ("Edit ▸ Undo").
type menuItem struct {
	path string
	item *fyne.MenuItem
}

func listMenuItems(m *fyne.MainMenu) []menuItem {
	var out []menuItem
	var walk func(prefix string, items []*fyne.MenuItem)
	walk = func(prefix string, items []*fyne.MenuItem) {
		for _, it := range items {
			if it.IsSeparator {
				continue
			}
			path := prefix + " ▸ " + it.Label
			if it.ChildMenu != nil {
				walk(path, it.ChildMenu.Items)
				continue
			}
			out = append(out, menuItem{path, it})
		}
	}
	for _, m := range m.Items {
		walk(m.Label, m.Items)
	}
	return out
}

// effectOf finds the effect of a menu item: by its path, by the start of
// its label, or as any item of its submenu.
func effectOf(effects map[string]menuEffect, path string) (string, bool) {
	if _, ok := effects[path]; ok {
		return path, true
	}
	for k := range effects {
		if strings.HasPrefix(path, k+" ") {
			return k, true
		}
		if parent, ok := strings.CutSuffix(k, " ▸ …"); ok && strings.HasPrefix(path, parent+" ▸ ") {
			return k, true
		}
	}
	return "", false
}

// TestEveryMenuItemAndKeyDoesWhatItSays triggers every item of the main
// menu, every menu shortcut and every key the window handles, each on a
// fresh window, and checks its effect. The list comes from the menu as the
// window has it: an item or key added without an effect here fails.
func TestEveryMenuItemAndKeyDoesWhatItSays(t *testing.T) {
	effects := menuEffects()
	used := map[string]bool{}
	probe := newTestUI(t)
	// One window serves every case, put back to its start between them (a
	// window per case is too slow under -race); Quit gets its own.
	fresh := func(t *testing.T, key string) *ui {
		if key == "File ▸ Quit" {
			return newTestUI(t)
		}
		resetUI(probe)
		return probe
	}
	recent := filepath.Join(t.TempDir(), "r"+model.FileExt)
	os.WriteFile(recent, nil, 0o644)
	probe.prefs.addRecent(recent) // so that Open recent lists a file
	probe.refreshMenu()
	items := listMenuItems(probe.win.MainMenu())

	for _, mi := range items {
		key, ok := effectOf(effects, mi.path)
		if !ok {
			t.Errorf("menu item %q has no test of its effect", mi.path)
			continue
		}
		used[key] = true
		e := effects[key]
		t.Run(key+" from the menu", func(t *testing.T) {
			u := fresh(t, key)
			if e.prep != nil {
				e.prep(t, u)
			}
			var it *fyne.MenuItem
			for _, x := range listMenuItems(u.win.MainMenu()) {
				if k, _ := effectOf(effects, x.path); k == key {
					it = x.item
					break
				}
			}
			if it == nil || it.Action == nil || it.Disabled {
				t.Fatalf("menu item %q is missing, has no action or is disabled", mi.path)
			}
			it.Action()
			e.check(t, u)
		})
		if mi.item.Shortcut == nil {
			continue
		}
		k, mod := keyOf(t, mi.item.Shortcut)
		t.Run(key+" by its shortcut "+mi.item.Shortcut.ShortcutName(), func(t *testing.T) {
			u := fresh(t, key)
			if e.prep != nil {
				e.prep(t, u)
			}
			press(t, u, k, mod)
			e.check(t, u)
		})
	}

	keys := map[string]struct {
		key fyne.KeyName
		mod fyne.KeyModifier
	}{"key Ctrl+Y": {fyne.KeyY, fyne.KeyModifierControl}}
	for k := range probe.keys {
		keys["key "+string(k)] = struct {
			key fyne.KeyName
			mod fyne.KeyModifier
		}{k, 0}
	}
	for name, k := range keys {
		e, ok := effects[name]
		if !ok {
			t.Errorf("%s has no test of its effect", name)
			continue
		}
		used[name] = true
		t.Run(name+" does what it says", func(t *testing.T) {
			u := fresh(t, name)
			if e.prep != nil {
				e.prep(t, u)
			}
			press(t, u, k.key, k.mod)
			e.check(t, u)
		})
	}
	for k := range effects {
		if !used[k] {
			t.Errorf("%q is tested but the window has no such menu item or key", k)
		}
	}
}
