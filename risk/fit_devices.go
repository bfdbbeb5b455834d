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
// a measure on them is proposed for those zones. Controller program backups
// are not a measure for a USB conduit (docs/METHOD.md, step 7).
func fitConduitDevices(m *Measure, t *fitTarget) string {
	if t.kind != model.TargetConduit || t.conduit == nil || len(m.AssetClasses) == 0 || t.conduit.medium.network() {
		return ""
	}
	return fmt.Sprintf("%s (%s) works on devices; conduit %s is a %s with no device of its own (the devices at its ends belong to their zones)",
		m.ID, m.Name, t.name, t.conduit.medium.Label())
}
