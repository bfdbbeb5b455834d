package importer

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"zonewise/model"
)

// flowColumns are the titles a flow list's columns go by, normalised (see
// normHeader), in English and German.
var flowColumns = map[string]string{
	"source": "source", "src": "source", "sourceip": "source", "quelle": "source", "quellip": "source", "von": "source", "from": "source", "client": "source",
	"destination": "destination", "dst": "destination", "dest": "destination", "destinationip": "destination", "ziel": "destination", "zielip": "destination", "nach": "destination", "to": "destination", "server": "destination",
	"protocol": "protocol", "protokoll": "protocol", "service": "protocol", "dienst": "protocol", "application": "protocol", "anwendung": "protocol",
	"transport": "transport", "l4": "transport",
	"port": "port", "dstport": "port", "destinationport": "port", "zielport": "port",
	"count": "count", "anzahl": "count", "packets": "count", "pakete": "count", "connections": "count", "verbindungen": "count",
	"first": "first", "firstseen": "first", "erstmals": "first", "start": "first",
	"last": "last", "lastseen": "last", "zuletzt": "last", "end": "last",
}

// ReadFlowCSV reads a plain flow list: one row per flow with source and
// destination (IP or MAC address), protocol and port, and optionally
// transport, count and first/last seen (RFC 3339). The protocol column may
// hold a transport ("tcp") or a protocol name ("Modbus/TCP"); a name alone
// implies its usual port. Separators and encodings as for inventories.
func ReadFlowCSV(name string, r io.Reader, t *Traffic) (Input, error) {
	in := Input{File: name, Format: "csv"}
	rows, err := readCSV(name, r)
	if err != nil {
		return in, err
	}
	if len(rows) == 0 {
		return in, &InputError{File: name, Err: errors.New("no header row: the file is empty")}
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		if f := flowColumns[normHeader(h)]; f != "" {
			if _, dup := col[f]; !dup {
				col[f] = i
			}
		}
	}
	for _, need := range []string{"source", "destination"} {
		if _, ok := col[need]; !ok {
			return in, &InputError{File: name, Where: "row 1", Err: fmt.Errorf("no %s column, want columns source, destination, protocol, port", need)}
		}
	}
	if _, p := col["protocol"]; !p {
		if _, q := col["port"]; !q {
			return in, &InputError{File: name, Where: "row 1", Err: errors.New("neither a protocol nor a port column")}
		}
	}
	before := t.Len()
	for i, row := range rows[1:] {
		rowNo := i + 2
		get := func(f string) string {
			if c, ok := col[f]; ok && c < len(row) {
				return cleanCell(row[c])
			}
			return ""
		}
		if strings.Join(row, "") == "" {
			continue
		}
		in.Records++
		bad := func(f string, err error) error {
			return &InputError{File: name, Where: fmt.Sprintf("row %d, column %q", rowNo, rows[0][col[f]]), Err: err}
		}
		var k Key
		var err error
		if k.Client, err = parseEndpoint(get("source")); err != nil {
			return in, bad("source", err)
		}
		if k.Server, err = parseEndpoint(get("destination")); err != nil {
			return in, bad("destination", err)
		}
		proto, named := get("protocol"), ""
		if tr := get("transport"); tr != "" {
			if k.Transport, err = ParseTransport(tr); err != nil {
				return in, bad("transport", err)
			}
		}
		if proto != "" {
			if tr, err := ParseTransport(proto); err == nil {
				k.Transport = tr
			} else if tr, port, ok := ProtocolByName(proto); ok {
				if k.Transport == "" {
					k.Transport = tr
				}
				k.Port, named = port, proto
			} else {
				named = proto
			}
		}
		if p := get("port"); p != "" {
			n, err := strconv.ParseUint(p, 10, 16)
			if err != nil {
				return in, bad("port", fmt.Errorf("%q is not a port, want 0..65535", p))
			}
			k.Port = uint16(n)
		}
		if k.Transport == "" {
			k.Transport = "tcp"
		}
		count := int64(1)
		if c := get("count"); c != "" {
			if count, err = strconv.ParseInt(c, 10, 64); err != nil || count < 0 {
				return in, bad("count", fmt.Errorf("%q is not a count", c))
			}
		}
		var first, last time.Time
		for _, f := range []struct {
			col string
			dst *time.Time
		}{{"first", &first}, {"last", &last}} {
			if v := get(f.col); v != "" {
				if *f.dst, err = time.Parse(time.RFC3339, v); err != nil {
					return in, bad(f.col, fmt.Errorf("%q is not an RFC 3339 time such as 2026-11-30T08:00:00Z", v))
				}
			}
		}
		if ProtocolName(k.Transport, k.Port) != "" {
			named = ""
		}
		t.AddNamed(k, named, count, 0, first)
		if !last.IsZero() {
			t.Add(k, 0, 0, last, 0)
		}
	}
	in.Flows = t.Len() - before
	return in, nil
}

// parseEndpoint reads an IP or MAC address.
func parseEndpoint(s string) (Endpoint, error) {
	if a, err := model.ParseIP(s); err == nil {
		return Endpoint{IP: a}, nil
	}
	m, err := model.NormalizeMAC(s)
	if err != nil {
		return Endpoint{}, fmt.Errorf("%q is neither an IP nor a MAC address", s)
	}
	var e Endpoint
	for i := 0; i < 6; i++ {
		v, _ := strconv.ParseUint(m[3*i:3*i+2], 16, 8)
		e.MAC[i] = byte(v)
	}
	return e, nil
}
