package i18n_test

import (
	"testing"

	"zonewise/i18n"
	"zonewise/model"
)

// checkEnum asserts that every value of one model enumeration has a German
// label, and that the English catalogue says what the model's Label says
// (the model's table stays the one home of the English names).
func checkEnum[T i18n.Labeled](t *testing.T, values []T) {
	t.Helper()
	en, de := i18n.For(i18n.EN), i18n.For(i18n.DE)
	for _, v := range values {
		key := i18n.EnumKey(v)
		if got := en.T(key); got != v.Label() {
			t.Errorf("%s in en.json is %q, the model's label is %q", key, got, v.Label())
		}
		if !de.Has(key) {
			t.Errorf("%s has no German label", key)
		}
		if got := i18n.Label(de, v); got != de.T(key) {
			t.Errorf("Label(de, %s) = %q, want the catalogue's %q", key, got, de.T(key))
		}
	}
}

func TestEveryModelValueHasALabelInEveryLanguage(t *testing.T) {
	t.Run("zone types", func(t *testing.T) { checkEnum(t, model.ZoneTypes()) })
	t.Run("conduit types", func(t *testing.T) { checkEnum(t, model.ConduitTypes()) })
	t.Run("asset classes", func(t *testing.T) { checkEnum(t, model.AssetClasses()) })
	t.Run("asset functions", func(t *testing.T) { checkEnum(t, model.AssetFunctions()) })
	t.Run("criticalities", func(t *testing.T) { checkEnum(t, model.Criticalities()) })
	t.Run("risk levels", func(t *testing.T) { checkEnum(t, model.RiskLevels()) })
	t.Run("consequence categories", func(t *testing.T) { checkEnum(t, model.ConsequenceCategories()) })
	t.Run("target kinds", func(t *testing.T) { checkEnum(t, model.TargetKinds()) })
	t.Run("treatments", func(t *testing.T) { checkEnum(t, model.Treatments()) })
	t.Run("measure statuses", func(t *testing.T) { checkEnum(t, model.MeasureStatuses()) })
	t.Run("impacts", func(t *testing.T) { checkEnum(t, model.Impacts()) })
	t.Run("essential function kinds", func(t *testing.T) { checkEnum(t, model.EssentialKinds()) })
	t.Run("focus point statuses", func(t *testing.T) { checkEnum(t, model.FocusStatuses()) })
	t.Run("SL-T methods", func(t *testing.T) { checkEnum(t, model.SLTMethods()) })
	t.Run("SL-C sources", func(t *testing.T) { checkEnum(t, model.SLCSources()) })
	t.Run("supplier development processes", func(t *testing.T) { checkEnum(t, model.SupplierSDLs()) })
	t.Run("flow kinds", func(t *testing.T) { checkEnum(t, model.FlowKinds()) })
	t.Run("vulnerability statuses", func(t *testing.T) { checkEnum(t, model.VulnStatuses()) })
	t.Run("exploitabilities", func(t *testing.T) { checkEnum(t, model.Exploitabilities()) })
	t.Run("entry kinds", func(t *testing.T) { checkEnum(t, model.EntryKinds()) })
}

func TestAnUnknownValueKeepsItsModelLabel(t *testing.T) {
	if got := i18n.Label(i18n.For(i18n.DE), model.ZoneType("bunker")); got != "bunker" {
		t.Errorf("Label(de, bunker) = %q, want the raw value the model prints", got)
	}
	if got := i18n.Label(i18n.For(i18n.DE), model.RiskHigh); got != "Hoch" {
		t.Errorf("Label(de, high) = %q, want Hoch", got)
	}
}
