package app

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zonewise/model"
)

func newBareUI(t *testing.T) *ui {
	t.Helper()
	t.Setenv("ZONEWISE_RECOVERY_DIR", t.TempDir())
	u := newUI(test.NewTempApp(t))
	t.Cleanup(u.recovery.stop)
	return u
}

func TestStartup(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good"+model.FileExt)
	if err := model.Save(good, testPlant()); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad"+model.FileExt)
	os.WriteFile(bad, []byte(`{"schemaVersion": 2, "zones": [`), 0o644)

	for _, tc := range []struct {
		name     string
		path     string
		recent   []string
		wantName string
		wantErr  bool
	}{
		{"with no file and no history it opens the sample plant", "", nil, model.Sample().Name, false},
		{"with no file it opens the last project", "", []string{good}, "Sample water works", false},
		{"with a missing last project it opens the sample quietly", "", []string{filepath.Join(dir, "gone.json")}, model.Sample().Name, false},
		{"open FILE opens the file", good, nil, "Sample water works", false},
		{"open FILE with a broken file reports it and shows the sample", bad, nil, model.Sample().Name, true},
		{"open FILE with a missing file reports it and shows the sample", filepath.Join(dir, "nope.json"), nil, model.Sample().Name, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newBareUI(t)
			u.prefs.p.SetStringList(prefRecent, tc.recent)
			// as Run does it: the file is read while the window is built
			u.prefetched = prefetchDocument(tc.path, u.prefs)
			if want := tc.path != "" || len(tc.recent) > 0; (u.prefetched != nil) != want {
				t.Errorf("prefetched %v, want a prefetch %v", u.prefetched != nil, want)
			}
			err := u.openStartup(tc.path)
			if (err != nil) != tc.wantErr {
				t.Errorf("error %v, want error %v", err, tc.wantErr)
			}
			if u.prefetched != nil {
				t.Error("the prefetched document was not taken")
			}
			if got := u.doc.Project.Name; got != tc.wantName {
				t.Errorf("opened %q, want %q", got, tc.wantName)
			}
			if u.doc.Dirty() {
				t.Error("a freshly opened project is dirty")
			}
			u.afterShow(err)
			if tc.wantErr && len(u.win.Canvas().Overlays().List()) == 0 {
				t.Error("the error is not shown in a dialog")
			}
		})
	}
}

func TestRecentFiles(t *testing.T) {
	u := newBareUI(t)
	dir := t.TempDir()
	for i := range maxRecent + 2 {
		u.prefs.addRecent(filepath.Join(dir, string(rune('a'+i))+".json"))
	}
	r := u.prefs.recent()
	if len(r) != maxRecent || !strings.HasSuffix(r[0], "j.json") {
		t.Errorf("recent %v: want %d entries, newest first", r, maxRecent)
	}
	u.prefs.addRecent(filepath.Join(dir, "c.json"))
	if r := u.prefs.recent(); !strings.HasSuffix(r[0], "c.json") || len(r) != maxRecent {
		t.Errorf("reopening moves to the front without duplicates: %v", r)
	}
}

func TestFirstRunGuide(t *testing.T) {
	u := newBareUI(t)
	u.openStartup("")
	u.afterShow(nil)
	if !u.guide.box.Visible() {
		t.Fatal("the guide is not shown on the first start")
	}
	u.guide.dismiss()
	if u.guide.box.Visible() {
		t.Error("Got it does not hide the guide")
	}
	v := newUI(u.app)
	t.Cleanup(v.recovery.stop)
	v.openStartup("")
	v.afterShow(nil)
	if v.guide.box.Visible() {
		t.Error("the guide shows again on the second start")
	}
	v.guide.show()
	if !v.guide.box.Visible() {
		t.Error("Help ▸ Quick guide does not reopen it")
	}
}

func TestTheGuideMarksItsFirstStepWhenItFirstShows(t *testing.T) {
	u := newBareUI(t)
	u.openStartup("")
	u.afterShow(nil)
	// what the buttons draw, not only their fields: the guide's parts are
	// made while the window opens and drawn only when it shows
	fills := func(b *widget.Button) []color.Color {
		var out []color.Color
		for _, o := range test.WidgetRenderer(b).Objects() {
			if r, ok := o.(*canvas.Rectangle); ok {
				out = append(out, r.FillColor)
			}
		}
		return out
	}
	first, second := fills(u.guide.steps[0]), fills(u.guide.steps[1])
	same := len(first) == len(second)
	for i := 0; same && i < len(first); i++ {
		same = sameColor(first[i], second[i])
	}
	if same {
		t.Errorf("step 1 is drawn like step 2 (%v): the current step is not marked", first)
	}
}

func TestUndoMenuNamesTheCommand(t *testing.T) {
	u := newTestUI(t)
	edit(u.session, model.StableID("a-plc"), "name", func(a *model.Asset) { a.Name = "PLC A" })
	if got := u.menu.undo.Label; got != "Undo Edit asset name" {
		t.Errorf("undo menu %q", got)
	}
	u.undo()
	if got := u.menu.redo.Label; got != "Redo Edit asset name" {
		t.Errorf("redo menu %q", got)
	}
	if u.menu.undo.Disabled != true {
		t.Error("undo stays enabled with nothing to undo")
	}
}

func TestViewsHaveUniqueKeys(t *testing.T) {
	u := newBareUI(t)
	seen := map[string]bool{}
	for _, v := range u.views {
		if seen[v.key()] {
			t.Errorf("two views with key %q", v.key())
		}
		seen[v.key()] = true
	}
	if !u.selectView("canvas") {
		t.Error("the canvas view cannot be selected by key")
	}
}
