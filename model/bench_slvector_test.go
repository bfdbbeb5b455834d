package model

import (
	"encoding/json"
	"testing"
)

var slVectorInputs = []string{
	"[1,2,3,4,0,1,2]",
	"[\n  2,\n  1,\n  3,\n  3,\n  3,\n  1,\n  2\n]",
	" [ 0 , 0 , 0 , 0 , 0 , 0 , 0 ] ",
	"[-1,2,3,4,0,1,2]",
	"[-0,2,3,4,0,1,9999]",
	"[1,2,3,4,0,1,10000]",
	"[1,2,3,4,0,1]",
	"[1,2,3,4,0,1,2,3]",
	"[1,2,3,4,0,1,2.0]",
	"[1,2,3,4,0,1,2e0]",
	"[01,2,3,4,0,1,2]",
	"[1,2,3,4,0,1,\"2\"]",
	"[1,2,3,4,0,1,null]",
	"[1,2,3,4,0,1,2]x",
	"[1,,3,4,0,1,2]",
	"[1,2,3,4,0,1,2,]",
	"null",
	"{}",
	"[]",
	"",
	"[",
	"[-]",
}

// TestScanSLVector checks that the fast path agrees with encoding/json on
// every input it accepts, and leaves the rest to it.
func TestScanSLVector(t *testing.T) {
	for _, in := range slVectorInputs {
		t.Run("the fast path agrees with encoding/json on "+in, func(t *testing.T) {
			checkScanSLVector(t, in)
		})
	}
	t.Run("the fast path takes the vectors Marshal writes", func(t *testing.T) {
		data, err := json.MarshalIndent(SLVector{2, 1, 3, 3, 3, 1, 2}, "    ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := scanSLVector(data); !ok {
			t.Errorf("fast path refused %s", data)
		}
	})
}

func checkScanSLVector(t *testing.T, in string) {
	got, ok := scanSLVector([]byte(in))
	if !ok {
		return
	}
	var ints []int
	if err := json.Unmarshal([]byte(in), &ints); err != nil {
		t.Fatalf("fast path accepted %q, encoding/json refuses it: %v", in, err)
	}
	if len(ints) != 7 {
		t.Fatalf("fast path accepted %q with %d values", in, len(ints))
	}
	if want := (SLVector)(ints); got != want {
		t.Errorf("fast path read %q as %v, encoding/json as %v", in, got, want)
	}
}

func FuzzScanSLVector(f *testing.F) {
	for _, in := range slVectorInputs {
		f.Add(in)
	}
	f.Fuzz(checkScanSLVector)
}

// BenchmarkSLVectorUnmarshal decodes one SL vector as indented in a file,
// with UnmarshalJSON and, for comparison, with the encoding/json path it
// used before scanSLVector.
func BenchmarkSLVectorUnmarshal(b *testing.B) {
	data := []byte("[\n        2,\n        1,\n        3,\n        3,\n        3,\n        1,\n        2\n      ]")
	b.Run("UnmarshalJSON", func(b *testing.B) {
		var v SLVector
		b.ReportAllocs()
		for b.Loop() {
			if err := v.UnmarshalJSON(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		var v SLVector
		b.ReportAllocs()
		for b.Loop() {
			var ints []int
			if err := json.Unmarshal(data, &ints); err != nil || len(ints) != 7 {
				b.Fatal(err)
			}
			copy(v[:], ints)
		}
	})
}
