package app

import (
	"testing"

	"zonewise/i18n"
)

func TestTheInterfaceLanguage(t *testing.T) {
	tests := []struct {
		name, saved, system string
		want                i18n.Lang
	}{
		{"follows a German system", "", "de-DE", i18n.DE},
		{"follows an English system", "", "en-US", i18n.EN},
		{"is English on a system in another language", "", "fr-FR", i18n.EN},
		{"keeps the user's choice over the system", "en", "de-DE", i18n.EN},
		{"keeps German when chosen on an English system", "de", "en-GB", i18n.DE},
		{"ignores a saved value it does not know", "xx", "de-AT", i18n.DE},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := chooseLanguage(tc.saved, tc.system); got != tc.want {
				t.Errorf("chooseLanguage(%q, %q) = %q, want %q", tc.saved, tc.system, got, tc.want)
			}
		})
	}
}
