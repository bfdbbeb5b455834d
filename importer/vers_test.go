package importer

import "testing"

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"a leading v is ignored", "V3.1", "3.1", 0},
		{"missing parts count as zero", "3.1", "3.1.0", 0},
		{"parts compare as numbers, not text", "4.10", "4.9", 1},
		{"a longer patch number is higher", "2.9.10", "2.9.4", 1},
		{"leading zeros do not matter", "35.011", "35.11", 0},
		{"a lower minor is lower", "2.9.7", "3.0", -1},
		{"a release is above its release candidate", "3.1", "3.1rc1", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compareVersions(tt.a, tt.b); got != tt.want {
				t.Errorf("compareVersions(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestVersionRangeContains(t *testing.T) {
	tests := []struct {
		name, rng, version string
		want               bool
	}{
		{"a vers range holds a version between its bounds", "vers:generic/>=1.0|<2.1", "2.0.9", true},
		{"a vers range excludes its upper bound", "vers:generic/>=1.0|<2.1", "2.1", false},
		{"a vers range includes its lower bound", "vers:generic/>=1.0|<2.1", "1.0", true},
		{"a vers range excludes a version below it", "vers:generic/>=1.0|<2.1", "0.9", false},
		{"a vers star holds every version", "vers:all/*", "17", true},
		{"a vers exact version holds only that version", "vers:generic/3.1.2", "3.1.2", true},
		{"a vers != removes one version from a range", "vers:generic/>=1.0|!=1.5|<2.0", "1.5", false},
		{"a vers range of two intervals holds the second", "vers:generic/>=1.0|<1.2|>=2.0|<2.3", "2.2", true},
		{"a vers range of two intervals skips the gap", "vers:generic/>=1.0|<1.2|>=2.0|<2.3", "1.5", false},
		{"a vers lower bound alone holds everything above", "vers:generic/>=4.0", "4.10", true},
		{"'All versions < V2.9.4' excludes V2.9.7", "All versions < V2.9.4", "V2.9.7", false},
		{"'All versions < V2.9.4' holds V2.9.3", "All versions < V2.9.4", "V2.9.3", true},
		{"'<= 2.9.3' holds 2.9.3", "<= 2.9.3", "2.9.3", true},
		{"'before 3.0' holds 2.99", "before 3.0", "2.99", true},
		{"'prior to V3.0' excludes 3.0", "prior to V3.0", "3.0", false},
		{"'3.0 and later' holds 3.4", "3.0 and later", "3.4", true},
		{"'3.0 and later' excludes 2.9", "3.0 and later", "2.9", false},
		{"'2.0 - 2.9' holds 2.9 inclusive", "2.0 - 2.9", "2.9", true},
		{"'>= 1.0, < 2.1' reads as a vers range", ">= 1.0, < 2.1", "2.1", false},
		{"'all versions' holds every version", "All versions", "0.1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseVersionRange(tt.rng)
			if err != nil {
				t.Fatalf("ParseVersionRange(%q): %v", tt.rng, err)
			}
			if got := r.Contains(tt.version); got != tt.want {
				t.Errorf("%q contains %q = %v, want %v", tt.rng, tt.version, got, tt.want)
			}
		})
	}
}

func TestVersionRangeUnparseable(t *testing.T) {
	for _, rng := range []string{"", "images named in the vendor portal", "vers:generic/", "vers:generic/>=", "newer ones maybe"} {
		t.Run("the range "+quoteOrEmpty(rng)+" is refused", func(t *testing.T) {
			if _, err := ParseVersionRange(rng); err == nil {
				t.Errorf("ParseVersionRange(%q) = nil error, want one", rng)
			}
		})
	}
}

func quoteOrEmpty(s string) string {
	if s == "" {
		return "(empty)"
	}
	return "'" + s + "'"
}
