package risk

import (
	"strings"

	"zonewise/i18n"
	"zonewise/model"
)

// mediumRule is one reason an IEC 62443-3-3 requirement cannot apply to a
// conduit (docs/METHOD.md, step 5). A rule covers a base SR and all its REs,
// or one RE alone.
type mediumRule struct {
	ids   []string // "SR 1.6" covers SR 1.6 and its REs; "SR 1.1 RE 3" only itself
	topic term     // what the requirement governs, in the reason
	// fails returns a non-empty explanation when the requirement cannot
	// apply to a conduit with this profile.
	fails func(p *conduitProfile) Msg
}

var mediumRules = []mediumRule{
	{
		ids:   []string{"SR 1.6", "SR 2.2"},
		topic: "risk.topic.wireless",
		fails: func(p *conduitProfile) Msg {
			if p.medium == MediumWireless {
				return Msg{}
			}
			return msg("risk.reason.na.not-wireless", "Medium", p.medium.arg())
		},
	},
	{
		// Requirements on people logging on: identification of human users,
		// their passwords, logon feedback and banners, sessions a person
		// holds, and approvals a person gives.
		ids: []string{"SR 1.1", "SR 1.7 RE 1", "SR 1.10", "SR 1.11", "SR 1.12",
			"SR 2.1 RE 3", "SR 2.1 RE 4", "SR 2.5", "SR 2.6", "SR 2.7"},
		topic: "risk.topic.human-users",
		fails: func(p *conduitProfile) Msg {
			switch {
			case p.medium == MediumRemovable:
				return msg("risk.reason.na.removable-no-session")
			case p.flows > 0 && !p.humanSessions():
				return msg("risk.reason.na.machine-flows", "Kinds", kindListArg{p})
			}
			return Msg{}
		},
	},
	{
		ids:   []string{"SR 1.13"},
		topic: "risk.topic.untrusted-networks",
		fails: func(p *conduitProfile) Msg {
			if p.medium.network() {
				return Msg{}
			}
			return msg("risk.reason.na.not-network", "Medium", p.medium.arg())
		},
	},
	{
		ids:   []string{"SR 3.8"},
		topic: "risk.topic.session-integrity",
		fails: func(p *conduitProfile) Msg {
			if p.medium.network() {
				return Msg{}
			}
			return msg("risk.reason.na.no-sessions", "Medium", p.medium.arg())
		},
	},
	{
		ids:   []string{"SR 5.2 RE 2", "SR 7.1"},
		topic: "risk.topic.network-traffic",
		fails: func(p *conduitProfile) Msg {
			if p.medium != MediumRemovable {
				return Msg{}
			}
			return msg("risk.reason.na.removable-no-traffic")
		},
	},
}

// ConduitRequirementApplies reports whether an IEC 62443-3-3 SR or RE can
// apply to a conduit: it is not one for zones only, and the conduit's medium
// and the kinds of its flows do not rule it out. When it cannot, reason says
// why in a sentence naming the conduit, for the not-applicable status of the
// requirement (shown, never dropped). Requirements no rule covers always
// apply.
func ConduitRequirementApplies(id string, c *model.Conduit) (applies bool, reason string) {
	if g := zoneOnlyRuleOf(id); g >= 0 {
		return false, zoneOnlyReason(g, id, c.Name).EN()
	}
	p := profileOf(c)
	ok, m := p.requirementApplies(id, c.Name)
	return ok, m.EN()
}

func (p *conduitProfile) requirementApplies(id, name string) (bool, Msg) {
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

func (p *conduitProfile) applies(id, name string, rules []int) (bool, Msg) {
	for _, i := range rules {
		r := &mediumRules[i]
		if why := r.fails(p); why.Key != "" {
			return false, msg("risk.reason.na.conduit", "ID", id, "Topic", r.topic, "Conduit", name, "Why", why)
		}
	}
	return true, Msg{}
}

func (r *mediumRule) covers(id string) bool { return coversID(r.ids, id) }

// kindList names the flow kinds of a profile in a fixed order.
func kindList(p *conduitProfile) string { return kindListArg{p}.text(i18n.For(i18n.EN)) }

// kindListArg is the conduit's flow kinds as a parameter, in words.
type kindListArg struct{ p *conduitProfile }

func (k kindListArg) text(c *i18n.Catalog) string {
	var out []string
	for _, fk := range model.FlowKinds() {
		if k.p.kinds.has(fk) {
			out = append(out, argText(c, lower(enumOf(fk))))
		}
	}
	return strings.Join(out, ", ")
}
