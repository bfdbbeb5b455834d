package risk

import "zonewise/model"

// Requirement is one IEC 62443-3-3 system requirement (SR) or requirement
// enhancement (RE), or one IEC 62443-4-2 component requirement (CR, SAR, EDR,
// HDR, NDR) or RE. Only identifiers, short titles and Zonewise's own one-line
// summaries are shipped; the standards' text is not reproduced.
type Requirement struct {
	// ID is written as in the standard: "SR 1.1", "SR 1.1 RE 1", "CR 3.4 RE 2",
	// "EDR 3.10 RE 1".
	ID string `json:"id"`
	// Standard is "IEC 62443-3-3:2013" or "IEC 62443-4-2:2019".
	Standard string   `json:"standard"`
	FR       model.FR `json:"fr"`
	Title    string   `json:"title"`
	Summary  string   `json:"summary"`
	// MinSL is the lowest security level (1..4) at which the requirement is
	// selected; a requirement selected at SL n is selected at every SL above n.
	MinSL int `json:"minSL"`
	// Base is the ID of the requirement an RE enhances; "" for a base requirement.
	Base string `json:"base,omitempty"`
	// Class is set for component-specific requirements (SAR/EDR/HDR/NDR).
	Class model.AssetClass `json:"class,omitempty"`
}
