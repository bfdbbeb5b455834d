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
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"zonewise/i18n"
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
		return nil, fileErr("projectfile.empty")
	}
	if bytes.HasPrefix(data, []byte(EncryptedMagic)) {
		return nil, ErrEncrypted
	}
	if len(data) > MaxFileSize {
		return nil, fileErr("projectfile.too-large", "Size", len(data), "Limit", MaxFileSize>>20)
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
			return nil, describeJSONError(data, err)
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
		return nil, fileErr("projectfile.schema-newer", "V", version, "Max", SchemaVersion)
	case version < 1:
		return nil, fileErr("projectfile.schema-range", "V", version, "Max", SchemaVersion)
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
		return nil, fileErr("projectfile.schema-twice", "A", version, "B", p.SchemaVersion)
	}
	// encoding/json silently turns invalid UTF-8 inside strings into U+FFFD,
	// and the next save would change the user's text without a word.
	// (Checked once the syntax is known to be good, so that garbage is
	// reported as malformed JSON; on the bytes as read, before migration.)
	if !utf8.Valid(orig) {
		line, col := lineCol(orig, int64(firstInvalidUTF8(orig)))
		return nil, fileErr("projectfile.utf8", "Line", line, "Col", col)
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
// fastDecodeOptions); any error leaves p in an undefined state. The long
// lists are decoded on all cores: the assets beside the rest of the file
// (see splitAssets), the threat scenarios in chunks (decodeParallel).
func decodeFast(data []byte, p *Project) error {
	if rest, raw, bounds, ok := splitAssets(data); ok {
		var assets []Asset
		var aerr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			assets, aerr = decodeElements[Asset](raw, bounds)
		}()
		err := jsonv2.Unmarshal(rest, p, fastDecodeTopOptions)
		<-done
		switch {
		case err != nil:
			return err
		case aerr != nil:
			return aerr
		case p.Assets != nil:
			return errDecodeAgain
		}
		p.Assets = assets
		return nil
	}
	return jsonv2.Unmarshal(data, p, fastDecodeTopOptions)
}

// splitAssetsMin is the size of an assets list below which splitAssets
// leaves the file whole (a variable, so that tests can split small ones).
var splitAssetsMin = 1 << 20

// splitAssets cuts the assets list out of a project file: rest is the file
// with null in its place, raw the list and bounds its elements (see
// arrayElements). It declines (false) a short list, a file whose top level
// it cannot read as an object, and any file where encoding/json could
// match another member to the assets field (a name in another case,
// with an escape, or given twice): such files are decoded whole.
func splitAssets(data []byte) (rest, raw []byte, bounds []int, ok bool) {
	const name = "assets"
	start, end := -1, -1
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, nil, nil, false
	}
	i = skipSpace(data, i+1)
	for i < len(data) && data[i] != '}' {
		if data[i] != '"' {
			return nil, nil, nil, false
		}
		k := stringEnd(data, i)
		if k < 0 {
			return nil, nil, nil, false
		}
		key := data[i+1 : k-1]
		i = skipSpace(data, k)
		if i >= len(data) || data[i] != ':' {
			return nil, nil, nil, false
		}
		i = skipSpace(data, i+1)
		switch {
		case string(key) == name:
			if start >= 0 || i >= len(data) || data[i] != '[' {
				return nil, nil, nil, false
			}
			b, e, ok := arrayElements(data[i:])
			if !ok {
				return nil, nil, nil, false
			}
			start, end, bounds = i, i+e, b
			i = end
		case bytes.IndexByte(key, '\\') >= 0 || strings.EqualFold(strings.NewReplacer("_", "", "-", "").Replace(string(key)), name):
			return nil, nil, nil, false
		default:
			if i = valueEnd(data, i); i < 0 {
				return nil, nil, nil, false
			}
		}
		i = skipSpace(data, i)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	if start < 0 || end-start < splitAssetsMin {
		return nil, nil, nil, false
	}
	rest = make([]byte, 0, len(data)-(end-start)+4)
	rest = append(append(append(rest, data[:start]...), "null"...), data[end:]...)
	return rest, data[start:end], bounds, true
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	return i
}

// stringEnd returns the offset just past the string that starts with the
// quote at data[i], or -1.
func stringEnd(data []byte, i int) int {
	for {
		k := bytes.IndexByte(data[i+1:], '"')
		if k < 0 {
			return -1
		}
		i += k + 1
		bs := 0
		for b := i - 1; data[b] == '\\'; b-- {
			bs++
		}
		if bs%2 == 0 {
			return i + 1
		}
	}
}

// valueEnd returns the offset just past the JSON value that starts at
// data[i] (strings and nesting followed, nothing else checked), or -1.
func valueEnd(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '"':
			if i = stringEnd(data, i); i < 0 {
				return -1
			}
			i--
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of a scalar just before
			}
			if depth--; depth == 0 {
				return i + 1
			}
		case ',', ' ', '\t', '\r', '\n':
			if depth == 0 {
				return i
			}
		}
	}
	if depth == 0 {
		return i
	}
	return -1
}

// fastDecodeTopOptions are fastDecodeOptions with the threat scenarios
// (and the assets, where splitAssets declines the file) decoded in
// parallel.
var fastDecodeTopOptions = jsonv2.JoinOptions(fastDecodeOptions, jsonv2.WithUnmarshalers(jsonv2.JoinUnmarshalers(
	jsonv2.UnmarshalFunc(decodeParallel[Asset]),
	jsonv2.UnmarshalFunc(decodeParallel[ThreatScenario]),
)))

// parallelChunk is how many elements of a list one goroutine of
// decodeElements decodes at a time (a variable, so that tests can cut
// short lists into many chunks).
var parallelChunk = 256

// errDecodeAgain sends a file to the strict decode of encoding/json.
var errDecodeAgain = errors.New("decode again with encoding/json")

// decodeParallel decodes a JSON array (raw, already checked to be one
// well-formed JSON value by the decoder that hands it over) into *out with
// decodeElements. A list that is given twice (the same field under names
// in another case) would be merged by encoding/json's rules; such a file
// goes to the strict decode instead, as does anything that is not an
// array or null.
func decodeParallel[T any](raw []byte, out *[]T) error {
	if *out != nil {
		return errDecodeAgain
	}
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if bytes.Equal(raw, []byte("null")) {
		return nil
	}
	bounds, end, ok := arrayElements(raw)
	if !ok || end != len(raw) {
		return errDecodeAgain
	}
	list, err := decodeElements[T](raw, bounds)
	if err != nil {
		return err
	}
	*out = list
	return nil
}

// decodeElements decodes the JSON array raw, whose elements arrayElements
// found at bounds: the list is allocated once at its size, and chunks of
// elements are decoded with fastDecodeOptions on all cores, each into its
// own part of the list. The result is what the one-pass decoder makes of
// the array: each element is read by the same decoder with the same
// options, which also checks its syntax (arrayElements checked the commas
// between elements).
func decodeElements[T any](raw []byte, bounds []int) ([]T, error) {
	n := len(bounds) / 2
	list := make([]T, n)
	if n <= parallelChunk {
		if err := jsonv2.Unmarshal(raw, &list, fastDecodeOptions); err != nil {
			return nil, err
		}
		if len(list) != n {
			return nil, errDecodeAgain
		}
		return list, nil
	}
	var (
		wg   sync.WaitGroup
		next atomic.Int64
		bad  atomic.Bool
	)
	chunks := (n + parallelChunk - 1) / parallelChunk
	for range min(runtime.GOMAXPROCS(0), chunks) {
		wg.Go(func() {
			var buf []byte
			for !bad.Load() {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				i, j := c*parallelChunk, min((c+1)*parallelChunk, n)
				buf = append(append(append(buf[:0], '['), raw[bounds[2*i]:bounds[2*j-1]]...), ']')
				part := list[i:i:j]
				if jsonv2.Unmarshal(buf, &part, fastDecodeOptions) != nil || len(part) != j-i || &part[0] != &list[i] {
					bad.Store(true)
				}
			}
		})
	}
	wg.Wait()
	if bad.Load() {
		return nil, errDecodeAgain
	}
	return list, nil
}

// arrayElements finds the elements of a JSON array of objects or arrays
// that starts at raw[0]: start and end offsets of each, in pairs, and the
// offset just past its closing bracket. Between the elements it checks
// the commas; inside them it follows only strings and nesting (their
// decoder checks the rest). False when raw does not start such an array.
func arrayElements(raw []byte) (bounds []int, end int, ok bool) {
	if len(raw) == 0 || raw[0] != '[' {
		return nil, 0, false
	}
	const (
		first = iota // an element or the closing bracket
		next         // a comma or the closing bracket
		elem         // an element, after a comma
	)
	depth, start, want := 0, -1, first
	for i := 1; i < len(raw); i++ {
		switch c := raw[i]; c {
		case ' ', '\t', '\r', '\n':
		case '"':
			if depth == 0 {
				return nil, 0, false // a string element: not a list of objects
			}
			if i = stringEnd(raw, i); i < 0 {
				return nil, 0, false
			}
			i--
		case '{', '[':
			if depth == 0 {
				if want == next {
					return nil, 0, false
				}
				start = i
			}
			depth++
		case '}', ']':
			if depth == 0 {
				if c != ']' || want == elem {
					return nil, 0, false
				}
				return bounds, i + 1, true
			}
			if depth--; depth == 0 {
				bounds = append(bounds, start, i+1)
				want = next
			}
		case ',':
			if depth == 0 {
				if want != next {
					return nil, 0, false
				}
				want = elem
			}
		default:
			if depth == 0 {
				return nil, 0, false // a scalar element: not a list of objects
			}
		}
	}
	return nil, 0, false
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
		return fileErr("projectfile.trailing")
	}
	return nil
}

// syntaxError reports malformed JSON with its line and column, or nil.
func syntaxError(data []byte) error {
	var v struct{}
	if err := json.Unmarshal(data, &v); err != nil {
		return describeJSONError(data, err)
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
		return 0, fileErr("projectfile.schema-missing")
	}
	var v int
	if err := json.Unmarshal(raw, &v); err != nil {
		return 0, fileErr("projectfile.schema-not-number", "Value", truncate(string(raw), 40))
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
				return fileErr("projectfile.in-field", "Field", c.key,
					"Problem", describeValueError(e, i18n.M("projectfile.want.array-of", "Kind", kindArg(c.kind))))
			}
			for i, item := range items {
				if e := c.decode(item); e != nil {
					return fileErr("projectfile.in-object", "Object", objectLabel(c.kind, i, item),
						"Problem", describeValueError(e, i18n.Term("projectfile.want.object")))
				}
			}
		}
	}
	return fileErr("projectfile.in-project", "Problem", describeValueError(err, i18n.Term("projectfile.want.object")))
}

// objectLabel names element i of a collection: kind, position, name and short ID.
func objectLabel(kind string, i int, item []byte) objectArg {
	var head struct {
		ID   any `json:"id"`
		Name any `json:"name"`
	}
	_ = json.Unmarshal(item, &head)
	o := objectArg{kind: kind, n: i + 1}
	if name, ok := head.Name.(string); ok && name != "" {
		o.name = truncate(name, 60)
	}
	if id, ok := head.ID.(string); ok && id != "" {
		o.id = ID(id).Short()
	}
	return o
}

// describeValueError turns encoding/json errors into "field X: ..." text;
// want is what a value without a field should have been.
func describeValueError(err error, want any) i18n.Msg {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	msg := err.Error()
	switch {
	case errors.As(err, &te):
		if te.Field == "" {
			return i18n.M("projectfile.value.type", "Value", jsonValue(te.Value), "Want", want)
		}
		return i18n.M("projectfile.value.type-field", "Field", fieldPath(te.Field), "Value", jsonValue(te.Value), "Want", goTypeName(te.Type))
	case errors.As(err, &se):
		return i18n.M("projectfile.malformed", "Detail", se.Error())
	case strings.HasPrefix(msg, "json: unknown field "):
		field := strings.TrimPrefix(msg, "json: unknown field ")
		if u, err := strconv.Unquote(field); err == nil {
			field = u
		}
		return i18n.M("projectfile.value.unknown-field", "Field", field)
	}
	return i18n.M("projectfile.value.other", "Detail", strings.TrimPrefix(msg, "json: "))
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

// goTypeName is what a field of Go type t holds, as a catalogue term (the
// Go type itself for a type no term describes).
func goTypeName(t reflect.Type) any {
	if t == slVectorType {
		return i18n.Term("projectfile.want.sl-vector")
	}
	switch t.Kind() {
	case reflect.String:
		return i18n.Term("projectfile.want.text")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return i18n.Term("projectfile.want.whole-number")
	case reflect.Float32, reflect.Float64:
		return i18n.Term("projectfile.want.number")
	case reflect.Bool:
		return i18n.Term("projectfile.want.bool")
	case reflect.Slice, reflect.Array:
		return i18n.Term("projectfile.want.array")
	case reflect.Struct, reflect.Map:
		return i18n.Term("projectfile.want.object")
	}
	return t.String()
}

// describeJSONError reports a syntax error with line and column.
func describeJSONError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(data, se.Offset)
		return fileErr("projectfile.malformed-at", "Line", line, "Col", col, "Detail", strings.TrimPrefix(se.Error(), "json: "))
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fileErr("projectfile.not-object", "Value", jsonValue(te.Value))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fileErr("projectfile.truncated")
	}
	return fileErr("projectfile.malformed", "Detail", strings.TrimPrefix(err.Error(), "json: "))
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
		return nil, fmt.Errorf("%s: %w", path, fileErr("projectfile.too-large", "Size", st.Size(), "Limit", MaxFileSize>>20))
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
