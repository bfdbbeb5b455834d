package importer

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"zonewise/model"
)

// Decision is what to do with a record that matches an existing asset.
type Decision string

// Decisions for a matched record. The command line updates matched assets
// and adds new ones; the GUI asks per match.
const (
	DecideUpdate Decision = "update" // copy the record's non-empty fields onto the asset
	DecideKeep   Decision = "keep"   // leave the asset as it is
	DecideAdd    Decision = "add"    // add the record as a further asset despite the match
)

// Action is the outcome for one record.
type Action string

// Actions of a plan.
const (
	ActionAdd    Action = "added"
	ActionUpdate Action = "updated"
	ActionKeep   Action = "kept"
	ActionSkip   Action = "skipped"
)

// Step is the planned outcome of one record: the preview line of an import.
type Step struct {
	Source string `json:"source"`
	Action Action `json:"action"`
	Name   string `json:"asset"`
	// AssetID is the matched asset, or the ID the new asset will get.
	AssetID model.ID `json:"assetId,omitempty"`
	// MatchedBy says how the record matched: "mac", "ip" or "name".
	MatchedBy string `json:"matchedBy,omitempty"`
	// Changes names the fields an update changes, e.g. "firmware".
	Changes []string `json:"changes,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	Notes   []string `json:"notes,omitempty"`
	// Asset is the asset as it will be after the step (added or updated).
	Asset *model.Asset `json:"-"`
}

// Plan matches records against the project's assets by MAC address, IP
// address or name (in that order: the most specific key first) and decides
// per match with decide (nil: update every match). It does not change p.
// A record matching two different assets by different keys, or the same
// asset as an earlier record, is skipped with the reason.
func Plan(p *model.Project, recs []Record, decide func(Record, *model.Asset) Decision) []Step {
	if decide == nil {
		decide = func(Record, *model.Asset) Decision { return DecideUpdate }
	}
	byMAC := map[string]*model.Asset{}
	byIP := map[netip.Addr]*model.Asset{}
	byName := map[string]*model.Asset{}
	for i := range p.Assets {
		a := &p.Assets[i]
		if m, err := model.NormalizeMAC(a.MAC); err == nil && a.MAC != "" {
			byMAC[m] = a
		}
		for _, s := range a.IPs {
			if ip, err := model.ParseIP(s); err == nil {
				byIP[ip] = a
			}
		}
		byName[foldName(a.Name)] = a
	}
	zoneByName := map[string]*model.Zone{}
	for i := range p.Zones {
		zoneByName[foldName(p.Zones[i].Name)] = &p.Zones[i]
	}
	claimed := map[model.ID]string{} // asset → source of the record that took it
	newNames := map[string]string{}
	var steps []Step
	for _, rec := range recs {
		st := Step{Source: rec.Source, Name: rec.Name, Notes: slices.Clone(rec.Notes)}
		matches := map[model.ID]string{}
		var match *model.Asset
		note := func(a *model.Asset, by string) {
			if a == nil {
				return
			}
			if _, ok := matches[a.ID]; !ok {
				matches[a.ID] = by
				if match == nil {
					match, st.MatchedBy = a, by
				}
			}
		}
		note(byMAC[rec.MAC], "mac")
		for _, s := range rec.IPs {
			if ip, err := model.ParseIP(s); err == nil {
				note(byIP[ip], "ip")
			}
		}
		note(byName[foldName(rec.Name)], "name")
		zoneID, zoneNote := resolveZone(rec.Zone, zoneByName)
		if zoneNote != "" {
			st.Notes = append(st.Notes, zoneNote)
		}
		switch {
		case len(matches) > 1:
			st.Action = ActionSkip
			var names []string
			for i := range p.Assets {
				if by, ok := matches[p.Assets[i].ID]; ok {
					names = append(names, fmt.Sprintf("%q by %s", p.Assets[i].Name, by))
				}
			}
			slices.Sort(names)
			st.Reason = "ambiguous: matches " + strings.Join(names, " and ")
		case match != nil && claimed[match.ID] != "":
			st.Action, st.AssetID = ActionSkip, match.ID
			st.Reason = fmt.Sprintf("matches asset %q by %s, already matched by %s", match.Name, st.MatchedBy, claimed[match.ID])
		case match != nil && decide(rec, match) != DecideAdd:
			claimed[match.ID] = rec.Source
			st.AssetID, st.Name = match.ID, match.Name
			if decide(rec, match) == DecideKeep {
				st.Action, st.Reason = ActionKeep, "kept as it is by choice"
				break
			}
			a := model.Clone(*match)
			st.Changes = mergeInto(&a, rec, zoneID)
			if len(st.Changes) == 0 {
				st.Action, st.Reason = ActionKeep, "nothing new"
				break
			}
			st.Action, st.Asset = ActionUpdate, &a
		default:
			if prev, dup := newNames[foldName(rec.Name)]; dup {
				st.Action, st.Reason = ActionSkip, fmt.Sprintf("same name as %s, which is added", prev)
				break
			}
			newNames[foldName(rec.Name)] = rec.Source
			a := model.Asset{ID: model.NewID(), Name: rec.Name, Class: rec.Class, ZoneID: zoneID}
			mergeInto(&a, rec, zoneID)
			if a.Class == "" && rec.ClassHint != "" {
				a.Class = rec.ClassHint
			} else if a.Class == "" {
				a.Class = guessClass(rec)
				st.Notes = append(st.Notes, fmt.Sprintf("class not given: %s assumed, check it", a.Class))
			}
			if a.ZoneID == "" {
				st.Notes = append(st.Notes, "in no zone yet: see the zone suggestions of reconcile")
			}
			st.Action, st.AssetID, st.Asset = ActionAdd, a.ID, &a
			if match != nil {
				st.Notes = append(st.Notes, fmt.Sprintf("added beside asset %q (matched by %s) by choice", match.Name, st.MatchedBy))
			}
		}
		steps = append(steps, st)
	}
	return steps
}

// Apply carries out the steps on p: added assets are appended, updated ones
// replaced. Plan and Apply are split so that a preview can be shown and the
// GUI can make one undoable batch of the same steps.
func Apply(p *model.Project, steps []Step) {
	index := make(map[model.ID]int, len(p.Assets))
	for i := range p.Assets {
		index[p.Assets[i].ID] = i
	}
	for _, st := range steps {
		if i, ok := index[st.AssetID]; ok && st.Action == ActionUpdate {
			p.Assets[i] = *st.Asset
		}
	}
	for _, st := range steps {
		if st.Action == ActionAdd {
			p.Assets = append(p.Assets, *st.Asset)
		}
	}
}

// Counts tallies steps per action.
func Counts(steps []Step) map[Action]int {
	n := map[Action]int{}
	for _, s := range steps {
		n[s.Action]++
	}
	return n
}

// mergeInto copies the record's non-empty fields onto a and returns the names
// of the fields that changed. IP addresses and services are merged.
func mergeInto(a *model.Asset, rec Record, zoneID model.ID) []string {
	var changed []string
	set := func(field string, dst *string, v string) {
		if v != "" && *dst != v {
			*dst = v
			changed = append(changed, field)
		}
	}
	set("vendor", &a.Vendor, rec.Vendor)
	set("model", &a.Model, rec.Model)
	set("firmware", &a.Firmware, rec.Firmware)
	set("location", &a.Location, rec.Location)
	set("hostname", &a.Hostname, rec.Hostname)
	set("serial", &a.Serial, rec.Serial)
	set("mac", &a.MAC, rec.MAC)
	set("description", &a.Description, rec.Description)
	if rec.Class != "" && a.Class != rec.Class {
		a.Class = rec.Class
		changed = append(changed, "class")
	}
	if zoneID != "" && a.ZoneID != zoneID {
		a.ZoneID = zoneID
		changed = append(changed, "zone")
	}
	if rec.Transient != nil && a.Transient != *rec.Transient {
		a.Transient = *rec.Transient
		changed = append(changed, "transient")
	}
	if ips := sortedIPs(append(slices.Clone(a.IPs), rec.IPs...)); !slices.Equal(ips, a.IPs) {
		a.IPs = ips
		changed = append(changed, "ips")
	}
	if len(rec.Services) > 0 {
		svc := slices.Clone(a.Services)
		for _, s := range rec.Services {
			if !slices.Contains(svc, s) {
				svc = append(svc, s)
			}
		}
		if len(svc) != len(a.Services) {
			slices.Sort(svc)
			a.Services = svc
			changed = append(changed, "services")
		}
	}
	return changed
}

// resolveZone finds the zone a record names; an unknown name is noted and
// left out rather than creating a zone behind the user's back.
func resolveZone(name string, zones map[string]*model.Zone) (model.ID, string) {
	if name == "" {
		return "", ""
	}
	if z := zones[foldName(name)]; z != nil {
		return z.ID, ""
	}
	return "", fmt.Sprintf("zone %q is not in the project: zone left unchanged", name)
}

// guessClass places a record without a class by its model, name or
// description; host-device when nothing fits, as the most common class of
// inventories without a class column.
func guessClass(rec Record) model.AssetClass {
	if rec.ClassHint != "" {
		return rec.ClassHint
	}
	for _, s := range []string{rec.Model, rec.Name, rec.Description} {
		if c, ok := ParseClass(s); ok {
			return c
		}
	}
	return model.ClassHost
}

func foldName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// sortedIPs returns the addresses canonical, sorted and without duplicates;
// text that does not parse is kept at the end (Validate reports it).
func sortedIPs(ips []string) []string {
	if len(ips) == 0 {
		return nil
	}
	var addrs []netip.Addr
	var bad []string
	for _, s := range ips {
		if a, err := model.ParseIP(s); err == nil {
			addrs = append(addrs, a)
		} else {
			bad = append(bad, s)
		}
	}
	slices.SortFunc(addrs, func(a, b netip.Addr) int { return a.Compare(b) })
	addrs = slices.Compact(addrs)
	out := make([]string, 0, len(addrs)+len(bad))
	for _, a := range addrs {
		out = append(out, a.String())
	}
	return append(out, bad...)
}
