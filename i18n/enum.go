package i18n

import "reflect"

// Labeled is a model enumeration: a string type whose Label is its English
// display name (model.ZoneType, model.RiskLevel…).
type Labeled interface {
	~string
	Label() string
}

// Label is the display name of an enumeration value in the catalogue's
// language: the message "enum.<Type>.<value>" (for example
// "enum.ZoneType.dmz"), else the model's English label. The English
// catalogue holds the same labels as the model; a test keeps them equal.
func Label[T Labeled](c *Catalog, v T) string {
	key := EnumKey(v)
	if c != nil && c.lang != EN {
		if c.Has(key) {
			return c.T(key)
		}
	}
	return v.Label()
}

// EnumKey is the catalogue key of an enumeration value.
func EnumKey[T Labeled](v T) string {
	return "enum." + reflect.TypeFor[T]().Name() + "." + string(v)
}
