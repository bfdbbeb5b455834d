package model

// typicalPurdue is the Purdue level a zone of each type usually sits at in
// the reference model (IEC 62443-1-1 and docs/METHOD.md use the same
// levels): enterprise 4, industrial DMZ 3.5, supervisory 2, control and
// safety 1, field 0. Remote access, wireless and transient zones sit
// wherever they connect, so they have none.
var typicalPurdue = map[ZoneType]float64{
	ZoneEnterprise:  4,
	ZoneDMZ:         3.5,
	ZoneSupervisory: 2,
	ZoneControl:     1,
	ZoneSafety:      1,
	ZoneField:       0,
}

// TypicalPurdueLevel is the Purdue level a zone of type t usually has;
// false when the type has no typical level.
func TypicalPurdueLevel(t ZoneType) (float64, bool) {
	l, ok := typicalPurdue[t]
	return l, ok
}

// SetType changes the zone's type and, when its Purdue level is still the
// one its old type suggested (or the old type suggests none), moves the
// level to the new type's typical one: choosing "Enterprise" for a new zone
// puts it at level 4, while a level the user chose on purpose is kept.
func (z *Zone) SetType(t ZoneType) {
	old, oldOK := TypicalPurdueLevel(z.Type)
	z.Type = t
	if l, ok := TypicalPurdueLevel(t); ok && (!oldOK || z.PurdueLevel == old) {
		z.PurdueLevel = l
	}
}
