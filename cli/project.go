package cli

import (
	"errors"
	"fmt"

	"zonewise/model"
)

// saveProjectFile writes a project file (sample -o, generate -o) while holding
// the project's lock, as the GUI's Save does. A project another Zonewise has
// open is refused, naming the file and the holder: overwriting it would be
// silently undone, or worse mixed up, by that window's next save. A stale
// lock (its process is gone) is taken over, as the GUI does.
func saveProjectFile(path string, data []byte) error {
	lock, err := model.AcquireLock(path)
	if err != nil {
		var locked *model.LockedError
		if errors.As(err, &locked) {
			return fmt.Errorf("%s is open in another Zonewise (%s), not overwritten: close it there, or write to another file", path, locked.Holder)
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer lock.Release()
	return model.WriteFileAtomic(path, data, false)
}
