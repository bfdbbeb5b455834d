package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// FR identifies one of the seven foundational requirements of IEC 62443-1-1/3-3.
type FR int

// The seven foundational requirements, in their fixed order.
const (
	FR1 FR = iota + 1 // identification and authentication control (IAC)
	FR2               // use control (UC)
	FR3               // system integrity (SI)
	FR4               // data confidentiality (DC)
	FR5               // restricted data flow (RDF)
	FR6               // timely response to events (TRE)
	FR7               // resource availability (RA)
)

// AllFRs lists FR1..FR7 in order.
var AllFRs = [7]FR{FR1, FR2, FR3, FR4, FR5, FR6, FR7}

var frAbbrev = [7]string{"IAC", "UC", "SI", "DC", "RDF", "TRE", "RA"}
var frTitle = [7]string{
	"Identification and authentication control",
	"Use control",
	"System integrity",
	"Data confidentiality",
	"Restricted data flow",
	"Timely response to events",
	"Resource availability",
}

// Valid reports whether f is FR1..FR7.
func (f FR) Valid() bool { return f >= FR1 && f <= FR7 }

// Abbrev is the usual three-letter short form, such as "IAC".
func (f FR) Abbrev() string {
	if !f.Valid() {
		return "?"
	}
	return frAbbrev[f-1]
}

// Title is the full English name of the foundational requirement.
func (f FR) Title() string {
	if !f.Valid() {
		return "unknown FR"
	}
	return frTitle[f-1]
}

// String returns "FR1".."FR7".
func (f FR) String() string { return "FR" + strconv.Itoa(int(f)) }

// MaxSL is the highest security level defined by IEC 62443.
const MaxSL = 4

// SLVector holds one security level 0..4 per foundational requirement,
// always in FR1..FR7 order. It is persisted as a JSON array of seven integers.
type SLVector [7]int

// Get returns the level for f.
func (v SLVector) Get(f FR) int { return v[f-1] }

// Set stores the level for f.
func (v *SLVector) Set(f FR, sl int) { v[f-1] = sl }

// Check returns an error naming the first FR whose level is outside 0..4.
func (v SLVector) Check() error {
	for i, sl := range v {
		if sl < 0 || sl > MaxSL {
			return fmt.Errorf("FR%d is %d, want 0..%d", i+1, sl, MaxSL)
		}
	}
	return nil
}

// Max returns the element-wise maximum of v and w.
func (v SLVector) Max(w SLVector) SLVector {
	for i := range v {
		if w[i] > v[i] {
			v[i] = w[i]
		}
	}
	return v
}

// Min returns the element-wise minimum of v and w.
func (v SLVector) Min(w SLVector) SLVector {
	for i := range v {
		if w[i] < v[i] {
			v[i] = w[i]
		}
	}
	return v
}

// Gap returns, per FR, how far v (a target) exceeds achieved, never below zero.
func (v SLVector) Gap(achieved SLVector) SLVector {
	var g SLVector
	for i := range v {
		if d := v[i] - achieved[i]; d > 0 {
			g[i] = d
		}
	}
	return g
}

// IsZero reports whether every level is 0.
func (v SLVector) IsZero() bool { return v == SLVector{} }

// String formats the vector as "SL-T(2,2,2,1,3,2,2)"-style content: "2,2,2,1,3,2,2".
func (v SLVector) String() string {
	parts := make([]string, len(v))
	for i, sl := range v {
		parts[i] = strconv.Itoa(sl)
	}
	return strings.Join(parts, ",")
}

// ParseSLVector reads seven comma-separated levels such as "2,2,2,1,3,2,2".
func ParseSLVector(s string) (SLVector, error) {
	var v SLVector
	parts := strings.Split(strings.TrimSpace(s), ",")
	if len(parts) != 7 {
		return v, fmt.Errorf("SL vector %q has %d values, want 7 (FR1..FR7)", s, len(parts))
	}
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return v, fmt.Errorf("SL vector %q: FR%d is %q, want a number 0..4", s, i+1, p)
		}
		v[i] = n
	}
	if err := v.Check(); err != nil {
		return v, fmt.Errorf("SL vector %q: %w", s, err)
	}
	return v, nil
}

var slVectorType = reflect.TypeFor[SLVector]()

// UnmarshalJSON requires exactly seven whole numbers; encoding/json would
// otherwise silently drop extra values or fill missing ones with 0. Errors are
// UnmarshalTypeErrors so that the decoder adds the field's name.
func (v *SLVector) UnmarshalJSON(data []byte) error {
	// Fast path for the usual, valid case; the slow path explains errors.
	var ints []int
	if json.Unmarshal(data, &ints) == nil && len(ints) == 7 {
		copy(v[:], ints)
		return nil
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return &json.UnmarshalTypeError{Value: truncate(string(data), 40), Type: slVectorType}
	}
	if len(raw) != 7 {
		return &json.UnmarshalTypeError{Value: fmt.Sprintf("an array of %d values", len(raw)), Type: slVectorType}
	}
	for i, r := range raw {
		if err := json.Unmarshal(r, &v[i]); err != nil {
			return &json.UnmarshalTypeError{Value: fmt.Sprintf("%s for FR%d", truncate(string(r), 20), i+1), Type: slVectorType}
		}
	}
	return nil
}
