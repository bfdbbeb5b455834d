package model

import "testing"

func TestPrintable(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain German text is unchanged", "Pumpenstation Süd – Größe", "Pumpenstation Süd – Größe"},
		{"an emoji ZWJ sequence keeps its joiner", "Techniker 👩\u200d🔧", "Techniker 👩\u200d🔧"},
		{"a non-joiner that stops a German ligature is kept", "Auf\u200clage", "Auf\u200clage"},
		{"a soft hyphen is dropped", "Zonen\u00adübergang", "Zonenübergang"},
		{"a newline cannot break the line", "a\nb", "a?b"},
		{"an escape sequence cannot recolour the terminal", "\x1b[31mred", "?[31mred"},
		{"a right-to-left override cannot reorder the text", "abc\u202edef", "abc?def"},
		{"a zero-width space cannot hide in a name", "Cell\u200b1", "Cell?1"},
		{"a line separator cannot break the line", "a\u2028b\u2029c", "a?b?c"},
		{"tag characters cannot smuggle invisible text", "x\U000E0041", "x?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Printable(tt.in); got != tt.want {
				t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
