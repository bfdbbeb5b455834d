package app

import "testing"

func TestOneLineKeepsTreeRowsSingleLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Leitwarte SCADA", "Leitwarte SCADA"},
		{"line one\nline two", "line one line two"},
		{"a\r\n\tb\vc\fd", "a   b c d"},
	} {
		if got := oneLine(tc.in); got != tc.want {
			t.Errorf("oneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
