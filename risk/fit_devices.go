package risk

import (
	"fmt"

	"zonewise/model"
)

// fitConduitDevices: a measure that works on devices (it lists asset
// classes) fits a conduit only if the conduit is a network with devices of
// its own — a firewall, gateway, radio or diode whose firmware,
// configuration or boot it can manage. A USB conduit or a serial line has
// none: the laptops, sticks and controllers at its ends belong to zones, and
// a measure on them is proposed for those zones. Nor has a cell's own I/O
// segment (a fieldbus, or a link to a zone of field devices): the
// controllers, the field devices and the switch or bridge between them are
// the cell's assets, and their backups and configuration management are
// proposed for the cell's zones. Controller program backups are not a
// measure for a USB conduit or a PROFINET segment (docs/METHOD.md, step 7).
func fitConduitDevices(m *Measure, t *fitTarget) string {
	if t.kind != model.TargetConduit || t.conduit == nil || len(m.AssetClasses) == 0 {
		return ""
	}
	if !t.conduit.medium.network() {
		return fmt.Sprintf("%s (%s) works on devices; conduit %s is a %s with no device of its own (the devices at its ends belong to their zones)",
			m.ID, m.Name, t.name, t.conduit.medium.Label())
	}
	if t.cellIO {
		return fmt.Sprintf("%s (%s) works on devices; conduit %s is the cell's own I/O segment, whose devices belong to the cell's zones",
			m.ID, m.Name, t.name)
	}
	return ""
}
