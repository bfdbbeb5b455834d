package cli

import (
	"errors"
	"fmt"

	"zonewise/model"
)

// recordObservation stores a traffic or firewall comparison in the project
// (reconcile --record, review-firewall --record), so that the risk report
// and the GUI's problems list show it. The project is saved once,
// atomically, under its lock; a project open in Zonewise is not written.
func recordObservation(project string, firewall bool, rec *model.ObservationRecord) error {
	lock, err := model.AcquireLock(project)
	if err != nil {
		var le *model.LockedError
		if errors.As(err, &le) {
			return fmt.Errorf("%s is open in Zonewise (%s): close it there first, so that the record is not overwritten when it saves", project, le.Holder)
		}
		return err
	}
	defer lock.Release()
	p, err := model.Load(project)
	if err != nil {
		return err
	}
	if err := (&model.SetObservation{Firewall: firewall, Record: rec}).Apply(p); err != nil {
		return err
	}
	if err := model.Save(project, p); err != nil {
		return fmt.Errorf("%s: save: %w", project, err)
	}
	return nil
}
