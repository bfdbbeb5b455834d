package risk

import (
	"strings"

	"zonewise/model"
)

// OpenGap is an FR gap of a zone or conduit that the countermeasure library
// cannot close: at least one of its unmet requirements is listed by no
// measure that fits the target, may close it and leaves its essential
// functions intact. It needs a project-specific compensating countermeasure
// (docs/METHOD.md, step 7).
type OpenGap struct {
	TargetKind model.TargetKind `json:"targetKind"`
	TargetID   model.ID         `json:"targetId"`
	Name       string           `json:"name"`
	FR         model.FR         `json:"fr"`
	// Gap is SL-T − SL-A for the FR.
	Gap int `json:"gap"`
	// Requirements are the unmet requirements of the FR no library measure
	// closes, in catalogue order.
	Requirements []string `json:"requirements"`
	Reason       string   `json:"reason"`
	ReasonMsg    Msg      `json:"-"`
}

// openGaps lists, per gapped FR of a target, the unmet requirements outside
// closable.
func (a *assessor) openGaps(t *gapTarget, reqs []unmetReq, closable reqSet) []OpenGap {
	var out []OpenGap
	name := a.ix.targetName(t.kind, t.id)
	for fr := range t.gap {
		var ids []string
		for i, r := range reqs {
			if r.fr == fr && !closable.has(i) {
				ids = append(ids, r.id)
			}
		}
		if len(ids) == 0 {
			continue
		}
		out = append(out, OpenGap{TargetKind: t.kind, TargetID: t.id, Name: name, FR: model.AllFRs[fr], Gap: t.gap[fr],
			Requirements: ids,
			ReasonMsg:    msg("risk.reason.open-gap."+string(t.kind), "Name", name, "IDs", strings.Join(ids, ", "), "FR", model.AllFRs[fr])})
		out[len(out)-1].Reason = out[len(out)-1].ReasonMsg.EN()
	}
	return out
}

// targetName is the name of a zone or conduit, "" when unknown.
func (ix *index) targetName(kind model.TargetKind, id model.ID) string {
	switch kind {
	case model.TargetZone:
		if z := ix.zones[id]; z != nil {
			return z.Name
		}
	case model.TargetConduit:
		if c := ix.conduits[id]; c != nil {
			return c.Name
		}
	}
	return ""
}
