package model

import "testing"

func TestZoneSetType(t *testing.T) {
	cases := []struct {
		name      string
		from      ZoneType
		level     float64
		to        ZoneType
		wantLevel float64
	}{
		{"a control zone at level 1 made enterprise moves to level 4", ZoneControl, 1, ZoneEnterprise, 4},
		{"a control zone made DMZ moves to level 3.5", ZoneControl, 1, ZoneDMZ, 3.5},
		{"a zone at a level chosen on purpose keeps it", ZoneControl, 2, ZoneEnterprise, 2},
		{"a wireless zone made field moves to level 0", ZoneWireless, 3, ZoneField, 0},
		{"a zone made remote access keeps its level", ZoneSupervisory, 2, ZoneRemoteAccess, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			z := Zone{Type: c.from, PurdueLevel: c.level}
			z.SetType(c.to)
			if z.Type != c.to || z.PurdueLevel != c.wantLevel {
				t.Errorf("type %q level %g, want %q level %g", z.Type, z.PurdueLevel, c.to, c.wantLevel)
			}
		})
	}
}
