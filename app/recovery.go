package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2/dialog"

	"zonewise/model"
	"zonewise/vault"
)

// autosaveEvery is how often a dirty document is written to its recovery
// file. ZONEWISE_AUTOSAVE (a Go duration such as "1s") overrides it so that
// the real-window smoke test (.ci/smoke.sh) need not wait half a minute.
const autosaveEvery = 30 * time.Second

// recovery autosaves the open document to a recovery file in the user's
// cache folder, so that a crash loses at most autosaveEvery of work. The
// file is removed on a clean save or close.
type recovery struct {
	dir    string // "" when the cache folder is unknown: autosave is off
	every  time.Duration
	ticker *time.Ticker
	done   chan struct{}
}

func newRecovery() *recovery {
	r := &recovery{every: autosaveEvery}
	if v := os.Getenv("ZONEWISE_AUTOSAVE"); v != "" {
		if d, err := time.ParseDuration(v); err == nil && d > 0 {
			r.every = d
		} else {
			slog.Warn("ZONEWISE_AUTOSAVE ignored: not a positive duration", "value", v)
		}
	}
	if d := os.Getenv("ZONEWISE_RECOVERY_DIR"); d != "" {
		r.dir = d
	} else if c, err := os.UserCacheDir(); err == nil {
		r.dir = filepath.Join(c, "zonewise", "recovery")
	}
	return r
}

// pathFor is the recovery file of a project file ("" for one never saved)
// when the copy is plain JSON; fileFor names either kind.
func (r *recovery) pathFor(project string) string { return r.fileFor(project, false) }

// fileFor is the recovery file of a project file ("" for one never saved),
// named for what it holds: "….zonewise.json" for a plain copy,
// "….zonewise.age" for a copy encrypted like its project (package vault).
func (r *recovery) fileFor(project string, encrypted bool) string {
	if r.dir == "" {
		return ""
	}
	key := "untitled"
	if project != "" {
		if abs, err := filepath.Abs(project); err == nil {
			project = abs
		}
		sum := sha256.Sum256([]byte(project))
		key = hex.EncodeToString(sum[:8])
	}
	ext := model.FileExt
	if encrypted {
		ext = vault.FileExt
	}
	return filepath.Join(r.dir, key+ext)
}

// files are both names a recovery copy of project may have: the plain one
// (also that of an encrypted copy an older Zonewise wrote), the encrypted.
func (r *recovery) files(project string) []string {
	if r.dir == "" {
		return nil
	}
	return []string{r.fileFor(project, false), r.fileFor(project, true)}
}

// start autosaves u's document every r.every (autosaveEvery, or
// ZONEWISE_AUTOSAVE; tests set it directly) while it is dirty. The ticker
// goroutine does no work itself: it hands each tick to the UI goroutine
// (uiDo, fyne.Do), where the document lives.
func (r *recovery) start(u *ui) {
	r.stop()
	r.ticker = time.NewTicker(r.every)
	r.done = make(chan struct{})
	t, done := r.ticker, r.done
	do := uiDo // read here: a test may swap it while the ticker runs
	go func() {
		for {
			select {
			case <-t.C:
				do(u.autosave)
			case <-done:
				return
			}
		}
	}()
}

func (r *recovery) stop() {
	if r.ticker != nil {
		r.ticker.Stop()
		close(r.done)
		r.ticker = nil
	}
}

// write stores doc's project as the recovery file of its project file,
// encrypted when the project is (model.Document.Bytes).
// The copy is named for its content (fileFor), and a copy under the other
// name (the project was encrypted, or decrypted, since) is removed, so
// that one recovery copy of a project exists at a time.
func (r *recovery) write(doc *model.Document) error {
	if r.dir == "" {
		return nil
	}
	data, err := doc.Bytes()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(r.dir, 0o700); err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	encrypted := vault.IsEncrypted(data)
	if err := model.WriteFileAtomic(r.fileFor(doc.Path, encrypted), data, false); err != nil {
		return err
	}
	os.Remove(r.fileFor(doc.Path, !encrypted))
	return nil
}

// remove deletes the recovery file of path, under either name, if any.
func (r *recovery) remove(path string) {
	for _, f := range r.files(path) {
		os.Remove(f)
	}
}

// pending returns the recovery file for path when it exists and is newer
// than the project file (or the project was never saved); of two copies
// (plain and encrypted), the newer. vault.Load reads either by its
// content, so an encrypted copy under the plain name, as older Zonewise
// versions wrote it, is found and opened too.
func (r *recovery) pending(path string) (string, time.Time, bool) {
	var f string
	var when time.Time
	for _, c := range r.files(path) {
		if st, err := os.Stat(c); err == nil && (f == "" || st.ModTime().After(when)) {
			f, when = c, st.ModTime()
		}
	}
	if f == "" {
		return "", time.Time{}, false
	}
	if path != "" {
		if pst, err := os.Stat(path); err == nil && !when.After(pst.ModTime()) {
			return "", time.Time{}, false
		}
	}
	return f, when, true
}

// autosave writes the recovery file when the document is dirty.
func (u *ui) autosave() {
	if !u.doc.Dirty() {
		return
	}
	if err := u.recovery.write(u.doc); err != nil {
		slog.Warn("autosave failed", "err", err)
		u.status.SetText(tr("recovery.autosaveFailed", map[string]string{"Error": err.Error()}))
	}
}

// offerRecovery asks whether to restore unsaved changes found in a
// recovery file left by a crash.
func (u *ui) offerRecovery() {
	f, when, ok := u.recovery.pending(u.doc.Path)
	if !ok {
		return
	}
	p, _, err := vault.Load(f, u.keyOf(), nil, u.crypt.unlocked...)
	if err != nil {
		// Left in place: a newer Zonewise may read it, or a person can.
		slog.Warn("unreadable recovery file", "file", f, "err", err)
		u.status.SetText(tr("recovery.unreadable", map[string]string{"Error": err.Error()}))
		return
	}
	msg := tr("recovery.message", map[string]string{"Name": orUntitled(p.Name), "When": when.Format(tr("format.dateTime"))})
	d := dialog.NewConfirm(tr("recovery.title"), msg, func(yes bool) {
		if yes {
			u.restore(p)
		} else {
			u.recovery.remove(u.doc.Path)
		}
	}, u.win)
	d.SetConfirmText(tr("recovery.restore"))
	d.SetDismissText(tr("recovery.discard"))
	d.Show()
}

// restore replaces the project by a recovered one as one undoable edit.
func (u *ui) restore(p *model.Project) {
	u.do(&replaceProject{after: p})
	u.sel.clear()
	u.refreshAll()
	u.canvas.fit()
}

// replaceProject is the command that swaps in a whole project (restore,
// a resolved merge conflict).
type replaceProject struct {
	after, before *model.Project
	// label is the undo label; "" is "Restore unsaved changes".
	label string
}

// Apply implements model.Command: it remembers the project it replaces.
func (c *replaceProject) Apply(p *model.Project) error {
	if c.before == nil {
		c.before = model.CloneProject(p)
	}
	*p = *model.CloneProject(c.after)
	return nil
}

// Revert implements model.Command.
func (c *replaceProject) Revert(p *model.Project) { *p = *model.CloneProject(c.before) }

// Label implements model.Command.
func (c *replaceProject) Label() string {
	if c.label != "" {
		return c.label
	}
	return tr("recovery.undo")
}
