package risk

// proceduralRequirements are the IEC 62443-3-3 requirements that an
// organisational measure (a procedure, a policy, a review) can meet as a
// compensating countermeasure. Every other SR and RE asks for a technical
// capability of the system, which training or a policy does not provide:
// awareness training does not authenticate anyone (docs/METHOD.md, step 7).
var proceduralRequirements = map[string]string{
	"SR 1.3":       "accounts are managed by a joiner-mover-leaver process",
	"SR 1.4":       "identifiers are managed by the same process",
	"SR 1.13 RE 1": "each access request is approved explicitly",
	"SR 2.1 RE 4":  "a documented two-person rule gives the dual approval",
	"SR 2.3":       "portable devices are admitted by a managed procedure",
	"SR 3.3":       "security functions are verified by a test procedure",
	"SR 5.3":       "person-to-person messaging is forbidden by policy",
	"SR 7.3":       "backups are made by a procedure",
	"SR 7.4":       "recovery follows a rehearsed plan",
	"SR 7.6":       "configuration settings are kept by change management",
	"SR 7.8":       "the component inventory is kept by a process",
}

// closes reports whether a measure can close a requirement it lists: a
// technical or physical measure closes every requirement it lists, an
// organisational one only the procedural requirements above.
func (m *Measure) closes(req string) bool {
	if m.Kind != KindOrganisational {
		return true
	}
	_, ok := proceduralRequirements[req]
	return ok
}
