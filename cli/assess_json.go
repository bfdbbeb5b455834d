package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"zonewise/risk"
)

// writeResultJSON prints r as compact JSON (no HTML escaping) and a newline:
// byte for byte what a json.Encoder with SetEscapeHTML(false) writes, but
// faster and in little memory, since a large plant's result runs to tens of
// MB (34 MB for 10,000 assets). Every list is cut into chunks of elements,
// encoded on all cores (the assets, with requirement lists shared between
// assets of the same class and SL-T, by hand) and written in order as soon
// as each is ready: no buffer ever holds the whole document, or a whole
// list. Pipe it through jq to read it. TestWriteResultJSON keeps the
// equivalence.
func writeResultJSON(w io.Writer, r *risk.Result) error {
	rv := reflect.ValueOf(r).Elem()
	rt := rv.Type()
	bw := bufio.NewWriterSize(w, 256<<10)

	// The chunks, in output order, each encoded by its own goroutine; at
	// most inFlight are encoded or waiting to be written at a time.
	type chunk struct {
		head  string // written before the encoded elements
		field reflect.Value
		i, j  int // elements [i, j) of field, a slice; j < 0: field whole
		buf   []byte
		err   error
		done  chan struct{}
	}
	inFlight := 2 * runtime.GOMAXPROCS(0)
	queue := make(chan *chunk, inFlight)
	slots := make(chan struct{}, inFlight)
	go func() {
		defer close(queue)
		first := true
		for f := range rt.NumField() {
			if !rt.Field(f).IsExported() {
				continue // not part of the JSON (the sentences' language)
			}
			name, _, _ := strings.Cut(rt.Field(f).Tag.Get("json"), ",")
			sep := byte(',')
			if first {
				sep = '{'
				first = false
			}
			head := string(appendString([]byte{sep}, name)) + ":"
			fv := rv.Field(f)
			if fv.Kind() != reflect.Slice || fv.IsNil() || fv.Len() == 0 {
				queue <- &chunk{head: head, field: fv, j: -1, done: closed}
				continue
			}
			n, per := fv.Len(), elementsPerChunk(fv.Interface())
			for i := 0; i < n; i += per {
				c := &chunk{head: ",", field: fv, i: i, j: min(i+per, n), done: make(chan struct{})}
				if i == 0 {
					c.head = head + "["
				}
				slots <- struct{}{}
				go func() {
					defer close(c.done)
					c.buf, c.err = appendElements((*bufPool.Get().(*[]byte))[:0], c.field, c.i, c.j)
				}()
				queue <- c
			}
		}
	}()
	var err error
	for c := range queue {
		<-c.done
		if err == nil {
			switch {
			case c.j < 0: // written whole (a scalar, null, [] or a short value)
				_, err = bw.WriteString(c.head)
				if err == nil {
					err = encodeValue(bw, c.field)
				}
			default:
				if c.err != nil {
					err = c.err
					break
				}
				if _, err = bw.WriteString(c.head); err == nil {
					_, err = bw.Write(c.buf)
				}
				if err == nil && c.j == c.field.Len() {
					err = bw.WriteByte(']')
				}
			}
		}
		if c.j >= 0 {
			bufPool.Put(&c.buf)
			<-slots
		}
	}
	if err != nil {
		return err
	}
	if _, err := bw.WriteString("}\n"); err != nil {
		return err
	}
	return bw.Flush()
}

// chunkElements is how many list elements one chunk of writeResultJSON
// holds (a variable, so that tests can cut lists into many chunks).
var chunkElements = 64

// elementsPerChunk is how many elements of the list v one chunk holds:
// chunkElements scaled by the size of an element, so that each chunk
// writes about 100 KB and fits the pooled buffers (a zone's result is
// about 15 KB, a proposal's 300 bytes).
func elementsPerChunk(v any) int {
	switch v.(type) {
	case []risk.ZoneResult, []risk.ConduitResult:
		return max(1, chunkElements/8)
	case []risk.AssetResult:
		return 2 * chunkElements
	case []risk.Proposal, []risk.Exclusion, []risk.OpenGap:
		return 4 * chunkElements
	}
	return chunkElements
}

// closed is a channel that is already closed.
var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// bufPool holds the chunks' buffers (*[]byte) for reuse.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 256<<10); return &b }}

// encodeValue writes v as json.Encoder does, without the newline.
func encodeValue(w *bufio.Writer, v reflect.Value) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if v.CanAddr() { // as a field of the encoded struct: pointer methods apply
		v = v.Addr()
	}
	if err := enc.Encode(v.Interface()); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return err
}

// appendElements appends elements [i, j) of the slice v, separated by
// commas, as encoding/json encodes them inside the slice (through a pointer,
// so that methods on pointer receivers apply as they do to the addressable
// elements of a slice).
func appendElements(b []byte, v reflect.Value, i, j int) ([]byte, error) {
	if assets, ok := v.Interface().([]risk.AssetResult); ok {
		done := map[reqKey][]byte{}
		for k := i; k < j; k++ {
			if k > i {
				b = append(b, ',')
			}
			b = appendAsset(b, &assets[k], done)
		}
		return b, nil
	}
	if out, ok := appendByHand(b, v.Interface(), i, j); ok {
		return out, nil
	}
	buf := bytes.NewBuffer(b)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	for k := i; k < j; k++ {
		if k > i {
			buf.WriteByte(',')
		}
		if err := enc.Encode(v.Index(k).Addr().Interface()); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // the newline
	}
	return buf.Bytes(), nil
}

// reqKey identifies a requirement list by its backing array: risk.Assess
// hands the same slice to every asset with the same class and SL-T, so each
// is encoded once.
type reqKey struct {
	first *string
	n     int
}

// appendAsset encodes one asset result as encoding/json would.
func appendAsset(b []byte, a *risk.AssetResult, done map[reqKey][]byte) []byte {
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
		k := reqKey{&a.Requirements[0], len(a.Requirements)}
		if enc, ok := done[k]; ok {
			b = append(b, enc...)
			break
		}
		// Written in place; the map keeps the bytes (which a later growth
		// of b copies but never changes) for the next asset of the chunk.
		start := len(b)
		b = append(b, '[')
		for j, id := range a.Requirements {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendString(b, id)
		}
		b = append(b, ']')
		done[k] = b[start:len(b):len(b)]
	}
	return append(b, '}')
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
		// Eight bytes at a time while none needs a second look (a control
		// character, a quote, a backslash or a byte of a multi-byte rune):
		// most text is plain ASCII.
		for i+8 <= len(s) && plain8(uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
			uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56) {
			i += 8
		}
		if i >= len(s) {
			break
		}
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

// plain8 reports whether none of the eight bytes packed in x is below
// 0x20, a quote, a backslash or 0x80 and above (the classic "has a byte
// less than n" and "has a zero byte" bit tricks, exact for bytes below 0x80).
func plain8(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below := (x - ones*0x20) &^ x
	quote := x ^ (ones * '"')
	quote = (quote - ones) &^ quote
	slash := x ^ (ones * '\\')
	slash = (slash - ones) &^ slash
	return (below|quote|slash|x)&highs == 0
}
