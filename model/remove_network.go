package model

// unlinkFlowAssets clears the fromAsset and toAsset of flows that name a
// removed asset, on the conduits that survive: the flow itself stays (it
// is still permitted between the zones), only its narrowing to the asset
// goes. A conduit already updated for a removed zone gets the change in
// that same update.
func (c *cascade) unlinkFlowAssets() {
	if len(c.assets) == 0 {
		return
	}
	for i := range c.p.Conduits {
		k := &c.p.Conduits[i]
		if c.conduits[k.ID] {
			continue
		}
		var u *Conduit
		for j := range c.conduitUpdates {
			if c.conduitUpdates[j].ID == k.ID {
				u = &c.conduitUpdates[j]
			}
		}
		flows := k.Flows
		if u != nil {
			flows = u.Flows
		}
		touched := false
		for _, f := range flows {
			if c.assets[f.FromAsset] || c.assets[f.ToAsset] {
				touched = true
			}
		}
		if !touched {
			continue
		}
		if u == nil {
			c.conduitUpdates = append(c.conduitUpdates, Clone(*k))
			u = &c.conduitUpdates[len(c.conduitUpdates)-1]
		}
		for j := range u.Flows {
			if c.assets[u.Flows[j].FromAsset] {
				u.Flows[j].FromAsset = ""
			}
			if c.assets[u.Flows[j].ToAsset] {
				u.Flows[j].ToAsset = ""
			}
		}
	}
}
