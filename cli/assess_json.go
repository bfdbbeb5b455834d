package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"zonewise/risk"
)

// writeResultJSON prints r as compact JSON (no HTML escaping) and a newline:
// byte for byte what a json.Encoder with SetEscapeHTML(false) writes, but
// faster, since a large plant's result runs to tens of MB: the top-level
// fields are encoded in parallel, and the assets (the bulk, with requirement
// lists shared between assets of the same class and SL-T) by hand.
// Pipe it through jq to read it. TestWriteResultJSON keeps the equivalence.
func writeResultJSON(w io.Writer, r *risk.Result) error {
	rv := reflect.ValueOf(r).Elem()
	rt := rv.Type()
	parts := make([][]byte, rt.NumField())
	errs := make([]error, rt.NumField())
	var wg sync.WaitGroup
	for i := range rt.NumField() {
		if !rt.Field(i).IsExported() {
			continue // not part of the JSON (the sentences' language)
		}
		wg.Go(func() {
			if assets, ok := rv.Field(i).Interface().([]risk.AssetResult); ok {
				parts[i] = appendAssets(make([]byte, 0, 64+len(assets)*640), assets)
				return
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			errs[i] = enc.Encode(rv.Field(i).Interface())
			parts[i] = bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		})
	}
	wg.Wait()
	// Written part by part: no copy of the whole document.
	head := []byte{'{'}
	first := true
	for i := range rt.NumField() {
		if !rt.Field(i).IsExported() {
			continue
		}
		if errs[i] != nil {
			return errs[i]
		}
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		if !first {
			head = append(head, ',')
		}
		first = false
		head = append(appendString(head, name), ':')
		if _, err := w.Write(head); err != nil {
			return err
		}
		if _, err := w.Write(parts[i]); err != nil {
			return err
		}
		head = head[:0]
	}
	_, err := w.Write([]byte("}\n"))
	return err
}

// appendAssets encodes asset results as encoding/json would. Requirement
// lists are shared slices (risk.Assess hands the same slice to every asset
// with the same class and SL-T), so each is encoded once.
func appendAssets(b []byte, assets []risk.AssetResult) []byte {
	if assets == nil {
		return append(b, "null"...)
	}
	type key struct {
		first *string
		n     int
	}
	done := map[key][]byte{}
	b = append(b, '[')
	for i := range assets {
		a := &assets[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"assetId":`...)
		b = appendString(b, string(a.AssetID))
		b = append(b, `,"name":`...)
		b = appendString(b, a.Name)
		b = append(b, `,"zoneId":`...)
		b = appendString(b, string(a.ZoneID))
		b = append(b, `,"slT":`...)
		b = appendVector(b, a.SLT)
		b = append(b, `,"slC":`...)
		b = appendVector(b, a.SLC)
		if a.SLCUnknown {
			b = append(b, `,"slCUnknown":true`...)
		}
		b = append(b, `,"gap":`...)
		b = appendVector(b, a.Gap)
		b = append(b, `,"requirements":`...)
		switch {
		case a.Requirements == nil:
			b = append(b, "null"...)
		case len(a.Requirements) == 0:
			b = append(b, "[]"...)
		default:
			k := key{&a.Requirements[0], len(a.Requirements)}
			enc, ok := done[k]
			if !ok {
				enc = append([]byte{'['}, nil...)
				for j, id := range a.Requirements {
					if j > 0 {
						enc = append(enc, ',')
					}
					enc = appendString(enc, id)
				}
				enc = append(enc, ']')
				done[k] = enc
			}
			b = append(b, enc...)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendVector(b []byte, v [7]int) []byte {
	b = append(b, '[')
	for i, sl := range v {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(sl), 10)
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendString quotes s as encoding/json does without HTML escaping:
// control characters escaped (\b \f \n \r \t by name), invalid UTF-8 as
// U+FFFD, and U+2028 and U+2029 escaped for JavaScript.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
