package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// compareVersions orders two version strings as vendors write them:
// "V2.9.4", "3.1", "35.011", "4.10", "7.2.8 build 1234". A leading "v" is
// dropped; runs of digits compare as numbers and other runs as text, so
// "4.10" is above "4.9" and "2.9.10" above "2.9.4". Missing trailing parts
// count as zero, so "3.1" equals "3.1.0".
func compareVersions(a, b string) int {
	pa, pb := versionParts(a), versionParts(b)
	for i := range max(len(pa), len(pb)) {
		x, y := partAt(pa, i), partAt(pb, i)
		xn, xerr := strconv.ParseUint(x, 10, 64)
		yn, yerr := strconv.ParseUint(y, 10, 64)
		switch {
		case xerr == nil && yerr == nil:
			if xn != yn {
				if xn < yn {
					return -1
				}
				return 1
			}
		case xerr == nil: // a number sorts after text: "3.1" > "3.rc1"
			return 1
		case yerr == nil:
			return -1
		default:
			if c := strings.Compare(x, y); c != 0 {
				return c
			}
		}
	}
	return 0
}

func partAt(p []string, i int) string {
	if i < len(p) {
		return p[i]
	}
	return "0"
}

// versionParts splits a version into runs of digits and runs of letters.
func versionParts(v string) []string {
	v = strings.ToLower(strings.TrimSpace(v))
	if len(v) > 1 && v[0] == 'v' && unicode.IsDigit(rune(v[1])) {
		v = v[1:]
	}
	var parts []string
	cur, digits := "", false
	flush := func() {
		if cur != "" {
			parts = append(parts, cur)
		}
		cur = ""
	}
	for _, r := range v {
		switch {
		case unicode.IsDigit(r):
			if !digits {
				flush()
			}
			digits = true
			cur += string(r)
		case unicode.IsLetter(r):
			if digits {
				flush()
			}
			digits = false
			cur += string(r)
		default:
			flush()
		}
	}
	flush()
	return parts
}

// hasVersionNumber reports whether s holds a digit: firmware text such as
// "unknown" or "siehe Typenschild" cannot be compared.
func hasVersionNumber(s string) bool { return strings.ContainsFunc(s, unicode.IsDigit) }

// constraint is one comparator and version of a range: "<" "2.9.4".
type constraint struct {
	op, version string
}

// VersionRange is the set of versions an advisory names as affected,
// parsed from a vers expression ("vers:generic/>=1.0|<2.1") or from the
// usual free-text forms ("<= V2.9.3", "before 3.0", "All versions < V3.1.2",
// "2.0 - 2.9", "3.0 and later").
type VersionRange struct {
	// Text is the range as the advisory writes it.
	Text string
	all  bool
	cons []constraint // sorted by version, "=" and "!=" included
}

// ParseVersionRange parses a vers expression or a free-text range. It
// returns an error naming what it cannot read; such a range is reported,
// never guessed.
func ParseVersionRange(text string) (VersionRange, error) {
	r := VersionRange{Text: text}
	t := strings.TrimSpace(text)
	if t == "" {
		return r, fmt.Errorf("version range is empty")
	}
	if strings.HasPrefix(strings.ToLower(t), "vers:") {
		return r, r.parseVers(t)
	}
	return r, r.parseText(t)
}

// parseVers reads "vers:SCHEME/CONSTRAINTS": constraints separated by "|",
// each a comparator (= != < <= > >=, "=" when absent) and a version, or "*".
func (r *VersionRange) parseVers(t string) error {
	_, rest, _ := strings.Cut(t[len("vers:"):], "/")
	if strings.TrimSpace(rest) == "" {
		return fmt.Errorf("vers range %q has no constraints after the scheme", t)
	}
	if strings.TrimSpace(rest) == "*" {
		r.all = true
		return nil
	}
	for c := range strings.SplitSeq(rest, "|") {
		c = strings.TrimSpace(c)
		op := ""
		for _, o := range []string{">=", "<=", "!=", "<", ">", "="} {
			if strings.HasPrefix(c, o) {
				op, c = o, strings.TrimSpace(c[len(o):])
				break
			}
		}
		if op == "" {
			op = "="
		}
		if c == "" || !hasVersionNumber(c) {
			return fmt.Errorf("vers range %q: constraint %q has no version", t, op+c)
		}
		r.cons = append(r.cons, constraint{op, c})
	}
	r.sortConstraints()
	return nil
}

// textOps are the free-text comparators, longest first so that "prior to
// and including" wins over "prior to".
var textOps = []struct{ words, op string }{
	{"up to and including", "<="}, {"prior to and including", "<="}, {"before and including", "<="},
	{"earlier than", "<"}, {"prior to", "<"}, {"before", "<"}, {"below", "<"}, {"lower than", "<"}, {"older than", "<"},
	{"up to", "<="}, {"through", "<="}, {"until", "<="},
	{"from", ">="}, {"since", ">="}, {"starting with", ">="}, {"after", ">"}, {"newer than", ">"},
	{"or later", "+>="}, {"or above", "+>="}, {"or higher", "+>="}, {"or newer", "+>="},
	{">=", ">="}, {"<=", "<="}, {"=<", "<="}, {"=>", ">="}, {"≤", "<="}, {"≥", ">="}, {"<", "<"}, {">", ">"}, {"=", "="},
}

// parseText reads the free-text forms. Words such as "all versions",
// "firmware" and "version" are dropped; "and", "," and "&" join
// constraints; "A - B" is A to B inclusive; "+>=" marks a comparator that
// follows its version ("3.0 and later").
func (r *VersionRange) parseText(t string) error {
	s := " " + strings.ToLower(t) + " "
	for _, w := range []string{"all versions", "all", "versions", "version", "firmware", "fw", "software"} {
		s = strings.ReplaceAll(s, " "+w+" ", " ")
	}
	for _, w := range []string{"later", "above", "newer", "higher"} {
		s = strings.ReplaceAll(s, " and "+w, " or "+w) // not a joint of two constraints
	}
	s = strings.NewReplacer(",", " and ", "&", " and ", ";", " and ").Replace(s)
	s = strings.TrimSpace(s)
	if s == "" || s == "*" {
		r.all = true
		return nil
	}
	if a, b, ok := strings.Cut(s, " - "); ok && hasVersionNumber(a) && hasVersionNumber(b) && isVersionWord(a) && isVersionWord(b) {
		r.cons = []constraint{{">=", strings.TrimSpace(a)}, {"<=", strings.TrimSpace(b)}}
		r.sortConstraints()
		return nil
	}
	for part := range strings.SplitSeq(s, " and ") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		c, err := textConstraint(part)
		if err != nil {
			return fmt.Errorf("version range %q: %w", t, err)
		}
		r.cons = append(r.cons, c)
	}
	if len(r.cons) == 0 {
		return fmt.Errorf("version range %q names no version", t)
	}
	r.sortConstraints()
	return nil
}

// textConstraint reads "< 3.0", "before V3.0", "3.0 and later" or a bare
// version.
func textConstraint(part string) (constraint, error) {
	for _, o := range textOps {
		if strings.HasPrefix(o.op, "+") {
			if v, ok := strings.CutSuffix(part, o.words); ok && isVersionWord(v) {
				return constraint{o.op[1:], strings.TrimSpace(v)}, nil
			}
			continue
		}
		if v, ok := strings.CutPrefix(part, o.words); ok && isVersionWord(v) {
			return constraint{o.op, strings.TrimSpace(v)}, nil
		}
	}
	if isVersionWord(part) {
		return constraint{"=", part}, nil
	}
	return constraint{}, fmt.Errorf("cannot read %q as a comparator and a version", part)
}

// isVersionWord reports whether s is one version: a single word holding a
// digit ("v2.9.4", "35.011", "7.2.8-b1234").
func isVersionWord(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && hasVersionNumber(s) && !strings.ContainsAny(s, " \t")
}

func (r *VersionRange) sortConstraints() {
	slices.SortStableFunc(r.cons, func(a, b constraint) int { return compareVersions(a.version, b.version) })
}

// Contains reports whether version v lies in the range, with the vers
// specification's rules: "=" and "!=" decide first; otherwise v is in when
// it lies below a leading "<"/"<=", above a trailing ">"/">=", or between
// a ">"/">=" and the "<"/"<=" that follows it.
func (r VersionRange) Contains(v string) bool {
	if r.all {
		return true
	}
	var bounds []constraint
	for _, c := range r.cons {
		switch c.op {
		case "=":
			if compareVersions(v, c.version) == 0 {
				return true
			}
		case "!=":
			if compareVersions(v, c.version) == 0 {
				return false
			}
		default:
			bounds = append(bounds, c)
		}
	}
	below := func(c constraint) bool {
		d := compareVersions(v, c.version)
		return d < 0 || (d == 0 && c.op == "<=")
	}
	above := func(c constraint) bool {
		d := compareVersions(v, c.version)
		return d > 0 || (d == 0 && c.op == ">=")
	}
	lower := func(c constraint) bool { return c.op == ">" || c.op == ">=" }
	for i, c := range bounds {
		switch {
		case i == 0 && !lower(c) && below(c):
			return true
		case lower(c) && i == len(bounds)-1 && above(c):
			return true
		case lower(c) && i+1 < len(bounds) && !lower(bounds[i+1]) && above(c) && below(bounds[i+1]):
			return true
		}
	}
	return false
}
