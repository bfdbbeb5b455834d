package risk

import "zonewise/model"

// FlowProfile is what a conduit's flows say about the rules that can apply
// to it: the same view the fit and applicability rules use (docs/METHOD.md,
// steps 5 and 7), for documents that write rules from the model. A policy
// may demand a one-way transfer only where every flow runs one way, and
// multi-factor authentication only where a person logs on.
type FlowProfile struct {
	// Medium is what the flows travel over.
	Medium Medium
	// Kinds are the flow kinds present, in model.FlowKinds order.
	Kinds []model.FlowKind
	// HumanSessions is set when a flow is an interactive session.
	HumanSessions bool
	// OneWay is set when the conduit has flows and every one runs one way
	// without a return path; TwoWay then is "".
	OneWay bool
	// TwoWay names the first flow that needs a return path, e.g.
	// "DNP3 (control write)"; "" when every flow runs one way.
	TwoWay string
	// Flows is the number of flows recorded.
	Flows int
}

// ConduitFlowProfile returns the flow profile of a conduit.
func ConduitFlowProfile(c *model.Conduit) FlowProfile {
	p := profileOf(c)
	fp := FlowProfile{Medium: p.medium, HumanSessions: p.humanSessions(), TwoWay: p.twoWay, Flows: p.flows}
	fp.OneWay = p.flows > 0 && p.twoWay == ""
	for _, k := range model.FlowKinds() {
		if p.kinds.has(k) {
			fp.Kinds = append(fp.Kinds, k)
		}
	}
	return fp
}

// Has reports whether a flow of kind k crosses the conduit.
func (p FlowProfile) Has(k model.FlowKind) bool {
	for _, x := range p.Kinds {
		if x == k {
			return true
		}
	}
	return false
}
