package risk

import (
	"fmt"
	"strings"

	"zonewise/model"
)

// fitAssetClasses: a measure restricted to asset classes fits a zone only if
// the zone holds an asset of one of them. Encryption at rest needs a host
// or an application that can encrypt, not a field device; multi-factor
// authentication needs a computer a person logs on to. A zone with no
// assets recorded is not held against the measure.
func fitAssetClasses(m *Measure, t *fitTarget) string {
	if t.kind != model.TargetZone || len(m.AssetClasses) == 0 || len(t.assets) == 0 {
		return ""
	}
	for _, a := range t.assets {
		for _, c := range m.AssetClasses {
			if a.Class == c {
				return ""
			}
		}
	}
	want := make([]string, len(m.AssetClasses))
	for i, c := range m.AssetClasses {
		want[i] = strings.ToLower(c.Label())
	}
	return fmt.Sprintf("%s (%s) works on a %s; zone %s holds none", m.ID, m.Name, strings.Join(want, " or "), t.name)
}
