package risk

import (
	"strings"

	"zonewise/model"
)

// Medium is the physical or logical means a conduit's flows travel over.
// Countermeasures and requirements are fitted to it (docs/METHOD.md, steps 5
// and 7): a serial link has no network to segment, removable media have no
// session to time out.
type Medium string

// Conduit media.
const (
	MediumEthernet       Medium = "routed-ethernet"
	MediumFieldbus       Medium = "fieldbus"
	MediumSerial         Medium = "serial"
	MediumWireless       Medium = "wireless"
	MediumVPNPublic      Medium = "vpn-public"
	MediumRemovable      Medium = "removable-media"
	MediumUnidirectional Medium = "unidirectional"
)

var mediumLabels = []struct {
	m     Medium
	label string
}{
	{MediumEthernet, "routed Ethernet"},
	{MediumFieldbus, "fieldbus"},
	{MediumSerial, "serial link"},
	{MediumWireless, "wireless link"},
	{MediumVPNPublic, "VPN over a public network"},
	{MediumRemovable, "removable media"},
	{MediumUnidirectional, "unidirectional gateway"},
}

// Media lists every conduit medium.
func Media() []Medium {
	out := make([]Medium, len(mediumLabels))
	for i, e := range mediumLabels {
		out[i] = e.m
	}
	return out
}

// Valid reports whether m is a known medium.
func (m Medium) Valid() bool {
	for _, e := range mediumLabels {
		if e.m == m {
			return true
		}
	}
	return false
}

// Label is the medium in words, for generated reasons.
func (m Medium) Label() string {
	for _, e := range mediumLabels {
		if e.m == m {
			return e.label
		}
	}
	return string(m)
}

// fieldbusWords mark flows that run on an industrial fieldbus or a
// real-time Ethernet layer rather than on routed IP.
var fieldbusWords = []string{"profinet rt", "profinet irt", "ethercat", "profibus", "0x8892", "goose", "sercos", "powerlink"}

// ConduitMedium derives a conduit's medium from its type and, for routed
// and firewalled conduits, from its flows: a conduit whose flows all run
// on a fieldbus or real-time Ethernet layer is a fieldbus.
func ConduitMedium(c *model.Conduit) Medium {
	switch c.Type {
	case model.ConduitSerial:
		return MediumSerial
	case model.ConduitWireless:
		return MediumWireless
	case model.ConduitVPN:
		return MediumVPNPublic
	case model.ConduitRemovableMedia:
		return MediumRemovable
	case model.ConduitUnidirectional:
		return MediumUnidirectional
	}
	if len(c.Flows) > 0 && allFlows(c.Flows, isFieldbusFlow) {
		return MediumFieldbus
	}
	return MediumEthernet
}

// isFieldbusFlow reports whether a flow runs on a fieldbus layer. PROFINET
// connection setup over UDP counts with it: it exists only for the cyclic
// traffic beside it.
func isFieldbusFlow(f *model.DataFlow) bool {
	s := strings.ToLower(f.Protocol + " " + f.Transport)
	if strings.Contains(s, "profinet") {
		return true
	}
	for _, w := range fieldbusWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func allFlows(fs []model.DataFlow, pred func(*model.DataFlow) bool) bool {
	for i := range fs {
		if !pred(&fs[i]) {
			return false
		}
	}
	return true
}

// conduitProfile is what fitting needs to know about a conduit: its medium,
// the kinds of its flows and whether they all run one way.
type conduitProfile struct {
	medium Medium
	kinds  flowKindSet
	// twoWay names the first flow that needs a return path (an interactive
	// session, a control write, a bidirectional flow, or flows leaving from
	// different zones); "" when every flow runs one way.
	twoWay string
	// flows is the number of flows; a conduit with none has no required flow.
	flows int
}

// profile returns the conduit's profile, computed once per assessment: the
// medium rules ask for it once per selected requirement.
func (a *assessor) profile(c *model.Conduit) *conduitProfile {
	if p := a.profiles[c.ID]; p != nil {
		return p
	}
	if a.profiles == nil {
		a.profiles = make(map[model.ID]*conduitProfile, len(a.ix.conduits))
	}
	p := profileOf(c)
	a.profiles[c.ID] = &p
	return &p
}

func profileOf(c *model.Conduit) conduitProfile {
	p := conduitProfile{medium: ConduitMedium(c), flows: len(c.Flows)}
	var from model.ID
	for i := range c.Flows {
		f := &c.Flows[i]
		k := f.EffectiveKind()
		p.kinds.add(k)
		if p.twoWay != "" {
			continue
		}
		switch {
		case k == model.FlowInteractive || k == model.FlowControlWrite:
			p.twoWay = f.Protocol + " (" + strings.ToLower(k.Label()) + ")"
		case f.Bidirectional:
			p.twoWay = f.Protocol + " (bidirectional)"
		case from != "" && f.From != from:
			p.twoWay = f.Protocol + " (runs the other way)"
		}
		if from == "" {
			from = f.From
		}
	}
	return p
}

// humanSessions reports whether a person logs on across the conduit.
func (p *conduitProfile) humanSessions() bool { return p.kinds.has(model.FlowInteractive) }

// flowKindSet is a set of flow kinds without allocation: profiles are
// built once per requirement of every conduit.
type flowKindSet uint8

func flowKindBit(k model.FlowKind) flowKindSet {
	switch k {
	case model.FlowInteractive:
		return 1
	case model.FlowPolling:
		return 2
	case model.FlowControlWrite:
		return 4
	case model.FlowFileTransfer:
		return 8
	}
	return 0
}

func (s *flowKindSet) add(k model.FlowKind)     { *s |= flowKindBit(k) }
func (s flowKindSet) has(k model.FlowKind) bool { return s&flowKindBit(k) != 0 }

// network reports whether the medium is a network with addresses, sessions
// and traffic to filter, as opposed to a serial line or media carried by hand.
func (m Medium) network() bool {
	switch m {
	case MediumSerial, MediumRemovable:
		return false
	}
	return true
}
