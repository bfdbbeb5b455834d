package app

import (
	"errors"
	"log/slog"

	"fyne.io/fyne/v2/dialog"

	"zonewise/model"
)

// lockDocument holds the lock file of the open document's project file and
// releases the lock of the file open before, so that a second Zonewise on
// the same file is warned. A project held by another running Zonewise opens
// all the same, with a warning that names the holder and offers to take the
// lock over (after a crash on another host the lock cannot be checked).
func (u *ui) lockDocument() {
	path := u.doc.Path
	if u.lock != nil && u.lock.Path() == path+model.LockExt {
		return
	}
	u.unlockDocument()
	if path == "" {
		return
	}
	l, err := model.AcquireLock(path)
	var held *model.LockedError
	switch {
	case errors.As(err, &held):
		msg := tr("lock.takeOver", map[string]string{"Error": err.Error()})
		dialog.ShowConfirm(tr("lock.title"), msg, func(take bool) {
			if !take || u.doc.Path != path {
				return
			}
			if err := model.BreakLock(path); err != nil {
				u.showError(err)
				return
			}
			u.lockDocument()
		}, u.win)
	case err != nil:
		// A read-only folder or the like: the project still opens; saving
		// will report the real problem.
		slog.Warn("project lock not taken", "file", path, "err", err)
	default:
		u.lock = l
	}
}

// lockForSave makes sure this window holds the lock of path before writing
// it (Save as… onto another file, or Save of a project opened while another
// Zonewise held it). When another running Zonewise holds the lock, it asks
// first and returns false; retry runs if the user saves anyway, after the
// other's lock is broken.
func (u *ui) lockForSave(path string, retry func()) bool {
	if u.lock != nil && u.lock.Path() == path+model.LockExt {
		return true
	}
	l, err := model.AcquireLock(path)
	var held *model.LockedError
	switch {
	case errors.As(err, &held):
		msg := tr("lock.saveAnyway", map[string]string{"Error": err.Error()})
		d := dialog.NewConfirm(tr("lock.title"), msg, func(ok bool) {
			if !ok {
				return
			}
			if err := model.BreakLock(path); err != nil {
				u.showError(err)
				return
			}
			retry()
		}, u.win)
		d.SetConfirmText(tr("lock.saveAnywayButton"))
		d.SetDismissText(tr("common.cancel"))
		d.Show()
		return false
	case err != nil:
		// As in lockDocument: saving will report the real problem.
		slog.Warn("project lock not taken", "file", path, "err", err)
	default:
		u.unlockDocument()
		u.lock = l
	}
	return true
}

// unlockDocument releases the lock held for the open document, if any.
func (u *ui) unlockDocument() {
	if u.lock == nil {
		return
	}
	if err := u.lock.Release(); err != nil {
		slog.Warn("project lock not released", "lock", u.lock.Path(), "err", err)
	}
	u.lock = nil
}
