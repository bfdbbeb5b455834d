package risk

import "strings"

// zoneOnlyRule is a family of IEC 62443-3-3 requirements that apply to
// zones only, never to a conduit (docs/METHOD.md step 5): they govern the
// components — their accounts and credentials, their audit storage, their
// software and behaviour, their upkeep — and every component, a conduit's
// firewall, switch or gateway included, is an asset of a zone. A conduit is
// held to the requirements on the communication channel and its boundary:
// who may use it, what may cross it, how the data is protected on the way,
// how its traffic is watched and kept flowing.
type zoneOnlyRule struct {
	ids   []string // "SR 7.3" covers SR 7.3 and its REs; "SR 1.9 RE 1" only itself
	topic term     // what the requirements govern, in the reason
	why   string   // catalogue key of the rationale
}

var zoneOnlyRules = []zoneOnlyRule{
	{
		ids:   []string{"SR 1.3", "SR 1.4", "SR 1.5", "SR 1.9 RE 1"},
		topic: "risk.topic.accounts",
		why:   "risk.reason.zone-only.accounts",
	},
	{
		ids:   []string{"SR 2.9", "SR 2.10", "SR 2.11", "SR 3.9", "SR 6.1"},
		topic: "risk.topic.audit-storage",
		why:   "risk.reason.zone-only.audit-storage",
	},
	{
		ids:   []string{"SR 2.4", "SR 3.4", "SR 3.6", "SR 3.7", "SR 4.2", "SR 5.4", "SR 7.2", "SR 7.7"},
		topic: "risk.topic.component-software",
		why:   "risk.reason.zone-only.component-software",
	},
	{
		ids:   []string{"SR 3.3", "SR 7.3", "SR 7.4", "SR 7.5", "SR 7.6", "SR 7.8"},
		topic: "risk.topic.component-upkeep",
		why:   "risk.reason.zone-only.component-upkeep",
	},
}

// coversID reports whether a rule's ID list covers id: a base SR covers
// itself and its REs, an RE only itself.
func coversID(ids []string, id string) bool {
	for _, x := range ids {
		if id == x || (!strings.Contains(x, " RE ") && strings.HasPrefix(id, x+" RE ")) {
			return true
		}
	}
	return false
}

// zoneOnlyRuleOf returns the index of the zone-only rule covering id, or -1
// when the requirement applies to conduits.
func zoneOnlyRuleOf(id string) int {
	for i := range zoneOnlyRules {
		if coversID(zoneOnlyRules[i].ids, id) {
			return i
		}
	}
	return -1
}

// ZoneOnlyRequirement reports whether an IEC 62443-3-3 SR or RE applies to
// zones only (docs/METHOD.md step 5): on a conduit it is not applicable,
// met or not by the devices of the zones the conduit joins.
func ZoneOnlyRequirement(id string) bool { return zoneOnlyRuleOf(id) >= 0 }

// zoneOnlyReason is the not-applicable reason of zone-only rule i for
// requirement id on the named conduit.
func zoneOnlyReason(i int, id, conduit string) Msg {
	r := &zoneOnlyRules[i]
	return msg("risk.reason.na.zone-only", "ID", id, "Topic", r.topic, "Conduit", conduit, "Why", msg(r.why))
}

// ZoneOnlyGroup is one family of zone-only requirements with its rationale,
// for documents that explain why a conduit is not assessed against them.
type ZoneOnlyGroup struct {
	// IDs are the SRs and REs of the family as the method names them ("SR
	// 7.3" stands for SR 7.3 and its REs).
	IDs []string
	// Topic and Why are catalogue messages: what the family governs, and
	// why it is met in the zones.
	Topic, Why Msg
}

// ZoneOnlyGroups lists the zone-only families in the method's order.
func ZoneOnlyGroups() []ZoneOnlyGroup {
	out := make([]ZoneOnlyGroup, len(zoneOnlyRules))
	for i, r := range zoneOnlyRules {
		out[i] = ZoneOnlyGroup{IDs: append([]string(nil), r.ids...), Topic: msg(string(r.topic)), Why: msg(r.why)}
	}
	return out
}
