package model

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxFileSize is the largest project file Zonewise reads. A 10,000-asset plant
// is about 8 MB; anything far larger is not a project.
const MaxFileSize = 32 << 20

// FileExt is the conventional project file extension.
const FileExt = ".zonewise.json"

// EncryptedMagic starts every passphrase-encrypted project file (package
// vault writes and reads them). It is here so that every reader of project
// files recognises one and says so instead of reporting malformed JSON.
const EncryptedMagic = "ZONEWISE ENCRYPTED PROJECT v1"

// ErrEncrypted is returned for an encrypted project file read without its
// passphrase.
var ErrEncrypted = errors.New("the file is an encrypted Zonewise project: give its passphrase (ZONEWISE_PASSPHRASE on the command line)")

// Marshal encodes p as deterministic, indented JSON: collections sorted by
// ID, nil collections written as [], no HTML escaping, trailing newline.
// p itself is not changed.
func Marshal(p *Project) ([]byte, error) {
	q := normalized(p)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(q); err != nil {
		return nil, fmt.Errorf("encode project %q: %w", p.Name, err)
	}
	return buf.Bytes(), nil
}

// normalized returns a shallow copy of p whose slices are sorted copies.
func normalized(p *Project) *Project {
	q := *p
	q.SchemaVersion = SchemaVersion
	q.NotApplicable = sortedCopy(p.NotApplicable, func(a, b FR) int { return int(a - b) })
	q.Approvals = nonNil(p.Approvals)
	q.Actors = sortedByID(p.Actors, func(x *ThreatActor) ID { return x.ID })
	q.Zones = sortedByID(p.Zones, func(x *Zone) ID { return x.ID })
	q.Conduits = sortedByID(p.Conduits, func(x *Conduit) ID { return x.ID })
	q.Assets = sortedByID(p.Assets, func(x *Asset) ID { return x.ID })
	q.Scenarios = sortedByID(p.Scenarios, func(x *ThreatScenario) ID { return x.ID })
	q.Countermeasures = sortedByID(p.Countermeasures, func(x *CountermeasureInstance) ID { return x.ID })
	q.Decisions = sortedByID(p.Decisions, func(x *Decision) ID { return x.ID })
	q.Vulnerabilities = sortedByID(p.Vulnerabilities, func(x *Vulnerability) ID { return x.ID })
	q.Compensating = sortedByID(p.Compensating, func(x *CompensatingCountermeasure) ID { return x.ID })
	if len(p.Answers) > 0 {
		q.Answers = sortedCopy(p.Answers, func(a, b RequirementAnswer) int {
			return cmp.Or(strings.Compare(string(a.TargetID), string(b.TargetID)), strings.Compare(a.Requirement, b.Requirement))
		})
	}
	for i := range q.Vulnerabilities {
		q.Vulnerabilities[i].AssetIDs = nonNil(q.Vulnerabilities[i].AssetIDs)
	}
	for i := range q.Compensating {
		q.Compensating[i].Requirements = nonNil(q.Compensating[i].Requirements)
	}
	q.SUC.Assumptions = nonNil(p.SUC.Assumptions)
	q.SUC.ExternalInterfaces = nonNil(p.SUC.ExternalInterfaces)
	q.Matrix.Likelihoods = nonNil(p.Matrix.Likelihoods)
	q.Matrix.Consequences = nonNil(p.Matrix.Consequences)
	q.Matrix.Categories = nonNil(p.Matrix.Categories)
	q.Matrix.Cells = sortedCopy(p.Matrix.Cells, func(a, b RiskCell) int {
		if a.Likelihood != b.Likelihood {
			return a.Likelihood - b.Likelihood
		}
		return a.Consequence - b.Consequence
	})
	for i := range q.Zones {
		z := &q.Zones[i]
		z.EssentialFunctions = nonNil(z.EssentialFunctions)
		z.AccessPoints = nonNil(z.AccessPoints)
		z.Roles = nonNil(z.Roles)
		z.Assumptions = nonNil(z.Assumptions)
		z.SLTOverrides = sortedCopy(z.SLTOverrides, func(a, b SLOverride) int { return int(a.FR - b.FR) })
		for j := range z.EssentialFunctions {
			z.EssentialFunctions[j].Intolerant = nonNil(z.EssentialFunctions[j].Intolerant)
		}
	}
	for i := range q.Conduits {
		c := &q.Conduits[i]
		c.ZoneIDs = nonNil(c.ZoneIDs)
		c.Flows = nonNil(c.Flows)
		c.AccessPoints = nonNil(c.AccessPoints)
		c.Route = nonNil(c.Route)
		c.SLTOverrides = sortedCopy(c.SLTOverrides, func(a, b SLOverride) int { return int(a.FR - b.FR) })
	}
	for i := range q.Assets {
		q.Assets[i].FocusPoints = nonNil(q.Assets[i].FocusPoints)
	}
	for i := range q.Scenarios {
		s := &q.Scenarios[i]
		s.FRs = sortedCopy(s.FRs, func(a, b FR) int { return int(a - b) })
		s.Consequences = nonNil(s.Consequences)
		s.Techniques = nonNil(s.Techniques)
		s.Countermeasures = nonNil(s.Countermeasures)
		s.Vulnerabilities = nonNil(s.Vulnerabilities)
	}
	return &q
}

// sortedByID copies s (deeply enough that normalising nested slices of the
// copy does not touch the original's headers) and sorts it by ID. It sorts
// keys rather than elements: comparing elements by value would copy each
// large struct to the heap on every comparison.
func sortedByID[T any](s []T, id func(*T) ID) []T {
	type key struct {
		id ID
		i  int
	}
	keys := make([]key, len(s))
	for i := range s {
		keys[i] = key{id(&s[i]), i}
	}
	slices.SortStableFunc(keys, func(a, b key) int { return strings.Compare(string(a.id), string(b.id)) })
	out := make([]T, len(s))
	for j, k := range keys {
		out[j] = s[k.i]
	}
	return out
}

func sortedCopy[T any](s []T, cmp func(a, b T) int) []T {
	out := make([]T, len(s))
	copy(out, s)
	slices.SortStableFunc(out, cmp)
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Unmarshal decodes a project file's bytes strictly: unknown fields, wrong
// types and wrong SL vector lengths are errors naming the object and field.
// Older schema versions are migrated; newer ones are refused.
func Unmarshal(data []byte) (*Project, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("file is empty, want a Zonewise project (JSON)")
	}
	if bytes.HasPrefix(data, []byte(EncryptedMagic)) {
		return nil, ErrEncrypted
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file is %d bytes, larger than the %d MiB limit", len(data), MaxFileSize>>20)
	}
	orig := data
	version, ok := sniffSchemaVersion(data)
	if !ok {
		// Only the version is needed here; a struct (unlike a map of raw
		// messages) does not copy the whole file.
		var head struct {
			SchemaVersion json.RawMessage `json:"schemaVersion"`
		}
		if err := json.Unmarshal(data, &head); err != nil {
			return nil, describeJSONError(data, err, "project")
		}
		v, err := schemaVersionOf(head.SchemaVersion)
		if err != nil {
			return nil, err
		}
		version = v
	}
	var err error
	switch {
	case version > SchemaVersion:
		return nil, fmt.Errorf("schemaVersion is %d: the file was written by a newer Zonewise (this build reads up to %d); update Zonewise to open it", version, SchemaVersion)
	case version < 1:
		return nil, fmt.Errorf("schemaVersion is %d, want 1..%d", version, SchemaVersion)
	case version < SchemaVersion:
		data, err = migrate(data, version)
		if err != nil {
			return nil, err
		}
	}
	var p Project
	if decodeFast(data, &p) != nil {
		// The strict decode of encoding/json decides, with its messages.
		p = Project{}
		if err := decodeStrict(data, &p); err != nil {
			return nil, err
		}
	}
	if p.SchemaVersion != SchemaVersion {
		return nil, fmt.Errorf(`field "schemaVersion" is given more than once (%d and %d)`, version, p.SchemaVersion)
	}
	// encoding/json silently turns invalid UTF-8 inside strings into U+FFFD,
	// and the next save would change the user's text without a word.
	// (Checked once the syntax is known to be good, so that garbage is
	// reported as malformed JSON; on the bytes as read, before migration.)
	if !utf8.Valid(orig) {
		line, col := lineCol(orig, int64(firstInvalidUTF8(orig)))
		return nil, fmt.Errorf("invalid UTF-8 at line %d, column %d: a project file must be UTF-8 text", line, col)
	}
	return &p, nil
}

// fastDecodeOptions make the JSON v2 decoder (github.com/go-json-experiment/json,
// which becomes encoding/json/v2) decode a project as encoding/json does
// (jsonv1.DefaultOptionsV1: names matched without regard to case, the
// types' UnmarshalJSON methods, ...) with unknown fields refused, about
// twice as fast. It is stricter than encoding/json about duplicate
// names and invalid UTF-8: such a file fails here and goes through the
// strict decode of encoding/json, which then accepts or refuses it with
// its own, located messages. Any error does the same, so every message
// stays encoding/json's; TestFastDecodeMatchesEncodingJSON and
// FuzzFastDecode hold the two decoders to the same projects.
var fastDecodeOptions = jsonv2.JoinOptions(
	jsonv1.DefaultOptionsV1(),
	jsonv2.RejectUnknownMembers(true),
	jsontext.AllowDuplicateNames(false),
	jsontext.AllowInvalidUTF8(false),
)

// decodeFast decodes a project file with the JSON v2 decoder (see
// fastDecodeOptions); any error leaves p in an undefined state.
func decodeFast(data []byte, p *Project) error {
	return jsonv2.Unmarshal(data, p, fastDecodeOptions)
}

// decodeStrict decodes a project file with encoding/json, unknown fields
// refused, its errors located for the user.
func decodeStrict(data []byte, p *Project) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(p); err != nil {
		if e := syntaxError(data); e != nil {
			return e
		}
		return locateDecodeError(data, err)
	}
	if dec.More() {
		if e := syntaxError(data); e != nil {
			return e
		}
		return errors.New("unexpected data after the project object")
	}
	return nil
}

// syntaxError reports malformed JSON with its line and column, or nil.
func syntaxError(data []byte) error {
	var v struct{}
	if err := json.Unmarshal(data, &v); err != nil {
		return describeJSONError(data, err, "project")
	}
	return nil
}

// sniffSchemaVersion reads the version where Marshal writes it, at the very
// start ({"schemaVersion": 2, ...), so that loading a large file does not
// scan it an extra time. Anything else is left to the full parse.
func sniffSchemaVersion(data []byte) (int, bool) {
	const space = " \t\r\n"
	rest := bytes.TrimLeft(data, space)
	for _, tok := range []string{"{", `"schemaVersion"`, ":"} {
		var ok bool
		if rest, ok = bytes.CutPrefix(rest, []byte(tok)); !ok {
			return 0, false
		}
		rest = bytes.TrimLeft(rest, space)
	}
	n, i := 0, 0
	for ; i < len(rest) && i < 4 && '0' <= rest[i] && rest[i] <= '9'; i++ {
		n = n*10 + int(rest[i]-'0')
	}
	if i == 0 || i == 4 || (i > 1 && rest[0] == '0') {
		return 0, false
	}
	rest = bytes.TrimLeft(rest[i:], space)
	if len(rest) == 0 || (rest[0] != ',' && rest[0] != '}') {
		return 0, false
	}
	return n, true
}

func schemaVersionOf(raw json.RawMessage) (int, error) {
	if raw == nil {
		return 0, errors.New(`field "schemaVersion" is missing: not a Zonewise project file`)
	}
	var v int
	if err := json.Unmarshal(raw, &v); err != nil {
		return 0, fmt.Errorf(`field "schemaVersion" is %s, want a whole number`, truncate(string(raw), 40))
	}
	return v, nil
}

// collections maps each top-level array to its object kind and a strict
// element decoder, so a decode error can name the object it is in.
var collections = []struct {
	key, kind string
	decode    func([]byte) error
}{
	{"threatActors", "threat actor", strictInto[ThreatActor]},
	{"zones", "zone", strictInto[Zone]},
	{"conduits", "conduit", strictInto[Conduit]},
	{"assets", "asset", strictInto[Asset]},
	{"threatScenarios", "threat scenario", strictInto[ThreatScenario]},
	{"countermeasures", "countermeasure", strictInto[CountermeasureInstance]},
	{"decisions", "decision", strictInto[Decision]},
}

func strictInto[T any](data []byte) error {
	var v T
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(&v)
}

// locateDecodeError re-decodes collection by collection, element by element,
// to name the object in which err occurred. It runs only on failure.
func locateDecodeError(data []byte, err error) error {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) == nil {
		for _, c := range collections {
			raw, ok := top[c.key]
			if !ok {
				continue
			}
			var items []json.RawMessage
			if e := json.Unmarshal(raw, &items); e != nil {
				return fmt.Errorf("field %q: %s", c.key, describeValueError(e, "an array of "+c.kind+"s"))
			}
			for i, item := range items {
				if e := c.decode(item); e != nil {
					return fmt.Errorf("%s: %s", objectLabel(c.kind, i, item), describeValueError(e, "an object"))
				}
			}
		}
	}
	return fmt.Errorf("project: %s", describeValueError(err, "an object"))
}

// objectLabel names element i of a collection: kind, position, name and short ID.
func objectLabel(kind string, i int, item []byte) string {
	var head struct {
		ID   any `json:"id"`
		Name any `json:"name"`
	}
	_ = json.Unmarshal(item, &head)
	label := fmt.Sprintf("%s #%d", kind, i+1)
	if name, ok := head.Name.(string); ok && name != "" {
		label += fmt.Sprintf(" %q", truncate(name, 60))
	}
	if id, ok := head.ID.(string); ok && id != "" {
		label += fmt.Sprintf(" (%s)", ID(id).Short())
	}
	return label
}

// describeValueError turns encoding/json errors into "field X: ..." text.
func describeValueError(err error, want string) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	msg := err.Error()
	switch {
	case errors.As(err, &te):
		if te.Field == "" {
			return fmt.Sprintf("got JSON %s, want %s", te.Value, want)
		}
		return fmt.Sprintf("field %q: got JSON %s, want %s", fieldPath(te.Field), te.Value, goTypeName(te.Type))
	case errors.As(err, &se):
		return "malformed JSON: " + se.Error()
	case strings.HasPrefix(msg, "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(msg, "json: unknown field ") + " (not part of the Zonewise format)"
	}
	return strings.TrimPrefix(msg, "json: ")
}

// fieldPath drops the collection prefix that encoding/json puts in front of
// nested field names ("zones.bounds.x" inside a zone is "bounds.x").
func fieldPath(f string) string {
	for _, c := range collections {
		if rest, ok := strings.CutPrefix(f, c.key+"."); ok {
			return rest
		}
	}
	return f
}

func goTypeName(t reflect.Type) string {
	if t == slVectorType {
		return "an array of 7 whole numbers 0..4 (FR1..FR7)"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return t.String()
}

// describeJSONError reports a syntax error with line and column.
func describeJSONError(data []byte, err error, what string) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(data, se.Offset)
		return fmt.Errorf("malformed JSON at line %d, column %d: %s", line, col, strings.TrimPrefix(se.Error(), "json: "))
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("%s: got JSON %s, want a JSON object", what, te.Value)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("malformed JSON: the file ends early (truncated?)")
	}
	return fmt.Errorf("malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// firstInvalidUTF8 returns the offset of the first byte of data that does not
// begin a valid UTF-8 sequence, or len(data).
func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

func lineCol(data []byte, offset int64) (int, int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Load reads and decodes a project file. Errors name the file.
func Load(path string) (*Project, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open project: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: file is %d bytes, larger than the %d MiB limit", path, st.Size(), MaxFileSize>>20)
	}
	data, err := readWhole(f)
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", path, err)
	}
	p, err := Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// readWhole reads f (up to one byte over MaxFileSize) into one buffer of
// the file's size, not a growing one: a large plant's file would be copied
// over and over.
func readWhole(f *os.File) ([]byte, error) {
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil {
		buf.Grow(int(min(st.Size(), MaxFileSize)) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	return buf.Bytes(), err
}

// Save writes p to path atomically: the new content goes to a temporary file
// in the same folder, is synced, and renamed over path. A previous file is
// first kept as path + ".bak". If anything fails, path is untouched.
func Save(path string, p *Project) error {
	data, err := Marshal(p)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data, true)
}

// WriteFileAtomic replaces path with data so that a crash at any moment
// leaves either the old or the new content. With backup, the old content is
// first copied (atomically too) to path + ".bak".
func WriteFileAtomic(path string, data []byte, backup bool) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
		if backup {
			old, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("save %s: read previous version for backup: %w", path, err)
			}
			if err := writeReplace(path+".bak", old, mode); err != nil {
				return fmt.Errorf("save %s: keep backup: %w", path, err)
			}
		}
	}
	if err := writeReplace(path, data, mode); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	removeStaleTemps(path)
	removeStaleTemps(path + ".bak")
	return nil
}

// staleTempAge is how old a leftover temporary file must be before a save
// removes it; younger ones may belong to a save in progress elsewhere.
const staleTempAge = time.Hour

// removeStaleTemps deletes temporary files that saves of path killed midway
// left behind (best effort).
func removeStaleTemps(path string) {
	dir, prefix := filepath.Dir(path), "."+filepath.Base(path)+".tmp-"
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || e.IsDir() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleTempAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// tempFile is what writeReplace needs of its temporary file.
type tempFile interface {
	Write(b []byte) (int, error)
	Chmod(mode os.FileMode) error
	Sync() error
	Close() error
	Name() string
}

// createTemp creates writeReplace's temporary file. Tests replace it to
// simulate a full disk or a failing device.
var createTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

func writeReplace(path string, data []byte, mode os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, e := os.Open(dir); e == nil {
		d.Sync() // best effort: persist the rename itself
		d.Close()
	}
	return nil
}
