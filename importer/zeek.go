package importer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"zonewise/model"
)

// maxLine bounds one log line; longer lines are bad input, not a reason to
// grow memory without limit.
const maxLine = 1 << 20

// ReadZeekConn reads a Zeek conn.log, in Zeek's TSV format (with its
// #separator and #fields header) or as JSON lines, line by line, and adds
// each connection to t (one count per connection, bytes from orig_bytes and
// resp_bytes). The server is the responder (id.resp_h, id.resp_p): Zeek has
// already worked out who opened the connection.
func ReadZeekConn(name string, r io.Reader, t *Traffic) (Input, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	in := Input{File: name}
	before := t.Len()
	var fields []string
	sep := "\t"
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimRight(sc.Bytes(), "\r")
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		where := fmt.Sprintf("line %d", line)
		if b[0] == '{' {
			in.Format = "zeek-json"
			in.Records++
			if err := zeekJSON(b, t); err != nil {
				return in, &InputError{File: name, Where: where, Err: err}
			}
			continue
		}
		if b[0] == '#' {
			s := string(b)
			switch {
			case strings.HasPrefix(s, "#separator"):
				v := strings.TrimSpace(strings.TrimPrefix(s, "#separator"))
				if u, err := strconv.Unquote(`"` + v + `"`); err == nil && u != "" {
					sep = u
				}
			case strings.HasPrefix(s, "#fields"):
				fields = strings.Split(s, sep)[1:]
			}
			continue
		}
		if fields == nil {
			return in, &InputError{File: name, Where: where, Err: errors.New("a data line before the #fields header: not a Zeek conn.log (TSV) nor JSON lines")}
		}
		in.Format = "zeek-tsv"
		in.Records++
		vals := strings.Split(string(b), sep)
		if len(vals) != len(fields) {
			return in, &InputError{File: name, Where: where, Err: fmt.Errorf("%d fields, the #fields header names %d", len(vals), len(fields))}
		}
		get := func(f string) string {
			if i := slices.Index(fields, f); i >= 0 && vals[i] != "-" && vals[i] != "(empty)" {
				return vals[i]
			}
			return ""
		}
		c := zeekConn{TS: get("ts"), OrigH: get("id.orig_h"), RespH: get("id.resp_h"), Proto: get("proto"), Service: get("service")}
		var err error
		for _, p := range []struct {
			f   string
			dst *float64
		}{{"id.resp_p", &c.RespP}, {"orig_bytes", &c.OrigBytes}, {"resp_bytes", &c.RespBytes}} {
			if v := get(p.f); v != "" {
				if *p.dst, err = strconv.ParseFloat(v, 64); err != nil {
					return in, &InputError{File: name, Where: where, Err: fmt.Errorf("field %s: %q is not a number", p.f, v)}
				}
			}
		}
		if err := c.add(t); err != nil {
			return in, &InputError{File: name, Where: where, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return in, &InputError{File: name, Where: fmt.Sprintf("line %d", line+1), Err: err}
	}
	in.Flows = t.Len() - before
	return in, nil
}

// zeekConn is one conn.log entry, whichever format it came in.
type zeekConn struct {
	TS                   string // epoch seconds or ISO 8601
	OrigH, RespH         string
	RespP                float64
	Proto, Service       string
	OrigBytes, RespBytes float64
}

func zeekJSON(b []byte, t *Traffic) error {
	var m struct {
		TS        json.RawMessage `json:"ts"`
		OrigH     string          `json:"id.orig_h"`
		RespH     string          `json:"id.resp_h"`
		RespP     float64         `json:"id.resp_p"`
		Proto     string          `json:"proto"`
		Service   string          `json:"service"`
		OrigBytes float64         `json:"orig_bytes"`
		RespBytes float64         `json:"resp_bytes"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("malformed JSON: %w", err)
	}
	c := zeekConn{OrigH: m.OrigH, RespH: m.RespH, RespP: m.RespP, Proto: m.Proto, Service: m.Service, OrigBytes: m.OrigBytes, RespBytes: m.RespBytes}
	c.TS = strings.Trim(string(m.TS), `"`)
	return c.add(t)
}

func (c zeekConn) add(t *Traffic) error {
	src, err := model.ParseIP(c.OrigH)
	if err != nil {
		return fmt.Errorf("field id.orig_h: %w", err)
	}
	dst, err := model.ParseIP(c.RespH)
	if err != nil {
		return fmt.Errorf("field id.resp_h: %w", err)
	}
	tr, err := ParseTransport(c.Proto)
	if err != nil {
		return fmt.Errorf("field proto: %w", err)
	}
	if c.RespP < 0 || c.RespP > 65535 || c.RespP != math.Trunc(c.RespP) {
		return fmt.Errorf("field id.resp_p: %v is not a port, want 0..65535", c.RespP)
	}
	var at time.Time
	if c.TS != "" {
		if f, err := strconv.ParseFloat(c.TS, 64); err == nil {
			sec, frac := math.Modf(f)
			at = time.Unix(int64(sec), int64(frac*1e9)).UTC()
		} else if at, err = time.Parse(time.RFC3339Nano, c.TS); err != nil {
			return fmt.Errorf("field ts: %q is neither epoch seconds nor an RFC 3339 time", c.TS)
		}
	}
	k := Key{Client: Endpoint{IP: src}, Server: Endpoint{IP: dst}, Transport: tr}
	if tr != "icmp" {
		k.Port = uint16(c.RespP)
	}
	name := ""
	if c.Service != "" {
		name = strings.ToUpper(c.Service)
	}
	t.AddNamed(k, name, 1, int64(c.OrigBytes+c.RespBytes), at)
	return nil
}
