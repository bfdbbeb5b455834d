package model

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// migrations[v] upgrades a decoded file of schema version v to v+1. Each works
// on the generic JSON tree, before strict decoding into today's types.
var migrations = map[int]func(doc map[string]any) error{
	1: migrateV1,
	2: migrateV2,
}

// migrate upgrades data from schema version `from` to SchemaVersion.
func migrate(data []byte, from int) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // keep numbers exactly as written
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		// the file is not JSON: say so as for a file of today's schema
		return nil, describeJSONError(data, err)
	}
	if doc == nil {
		return nil, fmt.Errorf("migrate from schema %d: got JSON null, want an object", from)
	}
	for v := from; v < SchemaVersion; v++ {
		step, ok := migrations[v]
		if !ok {
			return nil, fmt.Errorf("no migration from schema %d to %d", v, v+1)
		}
		if err := step(doc); err != nil {
			return nil, fmt.Errorf("migrate from schema %d to %d: %w", v, v+1, err)
		}
		doc["schemaVersion"] = v + 1
	}
	return json.Marshal(doc)
}

// migrateV1 upgrades schema 1 (Zonewise 0.1) to 2:
//   - a conduit joined exactly two zones, "from" and "to"; it now lists any
//     number of zones in "zoneIds";
//   - asset classes were short words ("software", "embedded", "host",
//     "network"); they are now the IEC 62443-4-2 class names;
//   - the decision log did not exist.
func migrateV1(doc map[string]any) error {
	conduits, _ := doc["conduits"].([]any)
	for i, c := range conduits {
		obj, ok := c.(map[string]any)
		if !ok {
			return fmt.Errorf("conduit #%d: got %T, want an object", i+1, c)
		}
		var ids []any
		for _, key := range []string{"from", "to"} {
			if v, ok := obj[key]; ok {
				ids = append(ids, v)
				delete(obj, key)
			}
		}
		if _, has := obj["zoneIds"]; !has {
			obj["zoneIds"] = ids
		}
	}
	assets, _ := doc["assets"].([]any)
	renamed := map[string]AssetClass{
		"software": ClassApplication,
		"embedded": ClassEmbedded,
		"host":     ClassHost,
		"network":  ClassNetwork,
	}
	for i, a := range assets {
		obj, ok := a.(map[string]any)
		if !ok {
			return fmt.Errorf("asset #%d: got %T, want an object", i+1, a)
		}
		if cls, ok := obj["class"].(string); ok {
			if to, ok := renamed[cls]; ok {
				obj["class"] = string(to)
			}
		}
	}
	if _, ok := doc["decisions"]; !ok {
		doc["decisions"] = []any{}
	}
	return nil
}

// migrateV2 upgrades schema 2 to 3: the vulnerability register and the
// compensating-countermeasure records are new (empty); zones gain an
// optional worst-case consequence and scenarios links to vulnerabilities,
// both empty by default. Nothing is dropped or reinterpreted.
func migrateV2(doc map[string]any) error {
	for _, key := range []string{"vulnerabilities", "compensatingCountermeasures"} {
		if _, ok := doc[key]; !ok {
			doc[key] = []any{}
		}
	}
	return nil
}
