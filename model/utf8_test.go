package model

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnmarshalRefusesInvalidUTF8: encoding/json would replace the bad bytes
// with U+FFFD and the next save would silently change the user's text.
func TestUnmarshalRefusesInvalidUTF8(t *testing.T) {
	good, err := Marshal(Sample())
	if err != nil {
		t.Fatal(err)
	}
	nameAt := bytes.Index(good, []byte(`"name": "`)) + len(`"name": "`)
	line := bytes.Count(good[:nameAt], []byte("\n")) + 1
	tests := []struct {
		name string
		bad  []byte // inserted at the start of the project name
	}{
		{"a lone continuation byte is refused", []byte{0x80}},
		{"a Latin-1 umlaut is refused", []byte{0xe4}},
		{"a truncated three-byte sequence is refused", []byte{0xe2, 0x82}},
		{"an encoded surrogate half is refused", []byte{0xed, 0xa0, 0x80}},
		{"an overlong encoding is refused", []byte{0xc0, 0xaf}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := append(append(append([]byte{}, good[:nameAt]...), tt.bad...), good[nameAt:]...)
			p, err := Unmarshal(data)
			if err == nil || p != nil {
				t.Fatalf("got project %v, error %v; want an error", p != nil, err)
			}
			want := fmt.Sprintf("invalid UTF-8 at line %d", line)
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q lacks %q", err, want)
			}
		})
	}
	t.Run("a schema 1 file is refused before migration hides the bytes", func(t *testing.T) {
		old, err := os.ReadFile(filepath.Join("testdata", "schema1.json"))
		if err != nil {
			t.Fatal(err)
		}
		data := bytes.Replace(old, []byte(`"name": "`), []byte("\"name\": \"\xff"), 1)
		if _, err := Unmarshal(data); err == nil || !strings.Contains(err.Error(), "invalid UTF-8") {
			t.Errorf("error %v, want invalid UTF-8", err)
		}
	})
	t.Run("valid multi-byte text still loads", func(t *testing.T) {
		p := Sample()
		p.Name = "Wasserwerk Nordhafen ÄÖÜß עברית 🏭 \u202e"
		data, err := Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		q, err := Unmarshal(data)
		if err != nil {
			t.Fatal(err)
		}
		if q.Name != p.Name {
			t.Errorf("name %q, want %q", q.Name, p.Name)
		}
	})
}
