package model

// Observations is what the project last learnt from the plant as built: the
// comparison of the model with observed traffic (reconcile) and with a
// firewall's rule set (firewall review). They are kept in the project so
// that the problems list and the risk report can show them without the
// capture or the dump, which stay on the analyst's laptop or at the plant.
// A new comparison of the same kind replaces the previous one.
type Observations struct {
	Traffic  *ObservationRecord `json:"traffic,omitempty"`
	Firewall *ObservationRecord `json:"firewall,omitempty"`
}

// ObservationRecord is one comparison of the model with a source from the
// plant.
type ObservationRecord struct {
	// Sources are the base names of the files read (a capture, a Zeek log,
	// a firewall dump), without folders: the project travels to the client.
	Sources []string `json:"sources"`
	// Format is the format read: pcap, pcapng, zeek-tsv, nftables,
	// iptables… (several joined by ", ").
	Format string `json:"format,omitempty"`
	// Date is when the comparison was made, RFC 3339.
	Date string `json:"date"`
	// Flows is the number of aggregated observed flows (traffic); Rules the
	// number of rules read (firewall).
	Flows    int               `json:"flows,omitempty"`
	Rules    int               `json:"rules,omitempty"`
	Findings []ObservedFinding `json:"findings"`
}

// ObservedFinding is one finding of a comparison, in the words of the
// check that made it.
type ObservedFinding struct {
	// Rule is the check ("unmodelled-path", "any-any"); Rule@Subject is
	// stable between runs on the same inputs.
	Rule string `json:"rule"`
	// Severity is error, warning or info.
	Severity string `json:"severity"`
	Subject  string `json:"subject"`
	Message  string `json:"message"`
	// ObjectID is the conduit, zone or asset the finding is about, when it
	// is about one, so that a click on it selects the object.
	ObjectID ID `json:"objectId,omitempty"`
}

// Counts returns the number of findings per severity.
func (r *ObservationRecord) Counts() (errors, warnings, infos int) {
	if r == nil {
		return 0, 0, 0
	}
	for _, f := range r.Findings {
		switch f.Severity {
		case "error":
			errors++
		case "warning":
			warnings++
		default:
			infos++
		}
	}
	return errors, warnings, infos
}

// SetObservation replaces the traffic or firewall record of the project
// (Firewall false: traffic) in one undoable step; a nil Record removes it.
type SetObservation struct {
	Firewall bool
	Record   *ObservationRecord
	before   *ObservationRecord
	had      bool
}

func (c *SetObservation) slot(p *Project) **ObservationRecord {
	if p.Observations == nil {
		p.Observations = &Observations{}
	}
	if c.Firewall {
		return &p.Observations.Firewall
	}
	return &p.Observations.Traffic
}

// Apply implements Command.
func (c *SetObservation) Apply(p *Project) error {
	s := c.slot(p)
	if !c.had {
		c.before, c.had = cloneRecord(*s), true
	}
	*s = cloneRecord(c.Record)
	tidyObservations(p)
	return nil
}

// Revert implements Command.
func (c *SetObservation) Revert(p *Project) {
	if c.had {
		*c.slot(p) = cloneRecord(c.before)
		tidyObservations(p)
	}
}

// Label implements Command.
func (c *SetObservation) Label() string {
	if c.Firewall {
		return "Record firewall review"
	}
	return "Record observed traffic"
}

// tidyObservations drops an empty Observations, so that removing the last
// record saves to the same bytes as a project that never had one.
func tidyObservations(p *Project) {
	if o := p.Observations; o != nil && o.Traffic == nil && o.Firewall == nil {
		p.Observations = nil
	}
}

func cloneRecord(r *ObservationRecord) *ObservationRecord {
	if r == nil {
		return nil
	}
	c := Clone(*r)
	return &c
}
