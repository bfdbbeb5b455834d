package risk

import (
	"fmt"
	"strings"

	"zonewise/model"
)

// mediumRule is one reason an IEC 62443-3-3 requirement cannot apply to a
// conduit (docs/METHOD.md, step 5). A rule covers a base SR and all its REs,
// or one RE alone.
type mediumRule struct {
	ids   []string // "SR 1.6" covers SR 1.6 and its REs; "SR 1.1 RE 3" only itself
	topic string   // what the requirement governs, in the reason
	// fails returns a non-empty explanation when the requirement cannot
	// apply to a conduit with this profile.
	fails func(p *conduitProfile) string
}

var mediumRules = []mediumRule{
	{
		ids:   []string{"SR 1.6", "SR 2.2"},
		topic: "wireless access and use",
		fails: func(p *conduitProfile) string {
			if p.medium == MediumWireless {
				return ""
			}
			return "it is a " + p.medium.Label() + ", with no wireless part"
		},
	},
	{
		// Requirements on people logging on: identification of human users,
		// their passwords, logon feedback and banners, sessions a person
		// holds, and approvals a person gives.
		ids: []string{"SR 1.1", "SR 1.7 RE 1", "SR 1.10", "SR 1.11", "SR 1.12",
			"SR 2.1 RE 3", "SR 2.1 RE 4", "SR 2.5", "SR 2.6", "SR 2.7"},
		topic: "human users and their sessions",
		fails: func(p *conduitProfile) string {
			switch {
			case p.medium == MediumRemovable:
				return "media carried by hand open no session"
			case p.flows > 0 && !p.humanSessions():
				return "its flows are machine to machine (" + kindList(p) + "); no person logs on across it"
			}
			return ""
		},
	},
	{
		ids:   []string{"SR 1.13"},
		topic: "access via untrusted networks",
		fails: func(p *conduitProfile) string {
			if p.medium.network() {
				return ""
			}
			return "a " + p.medium.Label() + " is not a network anyone can reach it through"
		},
	},
	{
		ids:   []string{"SR 3.8"},
		topic: "communication session integrity",
		fails: func(p *conduitProfile) string {
			if p.medium.network() {
				return ""
			}
			return "a " + p.medium.Label() + " carries no communication sessions"
		},
	},
	{
		ids:   []string{"SR 5.2 RE 2", "SR 7.1"},
		topic: "network traffic and isolation",
		fails: func(p *conduitProfile) string {
			if p.medium != MediumRemovable {
				return ""
			}
			return "removable media carry no network traffic to limit or cut"
		},
	},
}

// ConduitRequirementApplies reports whether an IEC 62443-3-3 SR or RE can
// apply to a conduit, given its medium and the kinds of its flows. When it
// cannot, reason says why in a sentence naming the conduit, for the
// not-applicable status of the requirement (shown, never dropped).
// Requirements no rule covers always apply.
func ConduitRequirementApplies(id string, c *model.Conduit) (applies bool, reason string) {
	p := profileOf(c)
	return p.requirementApplies(id, c.Name)
}

func (p *conduitProfile) requirementApplies(id, name string) (bool, string) {
	return p.applies(id, name, rulesCovering(id))
}

// rulesCovering lists the indices of the medium rules that cover id.
func rulesCovering(id string) []int {
	var out []int
	for i := range mediumRules {
		if mediumRules[i].covers(id) {
			out = append(out, i)
		}
	}
	return out
}

func (p *conduitProfile) applies(id, name string, rules []int) (bool, string) {
	for _, i := range rules {
		r := &mediumRules[i]
		if why := r.fails(p); why != "" {
			return false, fmt.Sprintf("%s (%s) does not apply to conduit %s: %s", id, r.topic, name, why)
		}
	}
	return true, ""
}

func (r *mediumRule) covers(id string) bool {
	for _, x := range r.ids {
		if id == x || (!strings.Contains(x, " RE ") && strings.HasPrefix(id, x+" RE ")) {
			return true
		}
	}
	return false
}

// kindList names the flow kinds of a profile in a fixed order.
func kindList(p *conduitProfile) string {
	var out []string
	for _, k := range model.FlowKinds() {
		if p.kinds.has(k) {
			out = append(out, strings.ToLower(k.Label()))
		}
	}
	return strings.Join(out, ", ")
}
