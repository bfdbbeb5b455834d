package model

import "github.com/google/uuid"

// ID identifies an object in a project. It is a UUID in text form.
type ID string

// NewID returns a fresh random ID.
func NewID() ID { return ID(uuid.NewString()) }

// idNamespace seeds StableID so that generated and sample projects get the
// same IDs on every run (deterministic files, golden tests).
var idNamespace = uuid.MustParse("6f1c2a4e-2b7d-4d0e-9a51-3c3f5e8b9d10")

// StableID derives a name-based (SHA-1, version 5) ID from a key, for the
// sample plant and generated plants.
func StableID(key string) ID { return ID(uuid.NewSHA1(idNamespace, []byte(key)).String()) }

// Short is the first eight characters of the ID, for messages.
func (id ID) Short() string {
	if len(id) > 8 {
		return string(id[:8])
	}
	return string(id)
}
