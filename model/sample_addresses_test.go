package model

import "testing"

func TestSampleAddressesNameRealObjects(t *testing.T) {
	p := Sample()
	t.Run("every addressed asset is a sample asset and got its address", func(t *testing.T) {
		got := 0
		for i := range p.Assets {
			if len(p.Assets[i].IPs) > 0 {
				got++
			}
		}
		if got != len(sampleAssetIPs) {
			t.Errorf("%d assets have addresses, want %d (a name in sampleAssetIPs is misspelt)", got, len(sampleAssetIPs))
		}
	})
	t.Run("every addressed zone is a sample zone and got its subnets", func(t *testing.T) {
		got := 0
		for i := range p.Zones {
			if len(p.Zones[i].Subnets) > 0 {
				got++
			}
		}
		if got != len(sampleZoneNets) {
			t.Errorf("%d zones have subnets, want %d", got, len(sampleZoneNets))
		}
	})
	t.Run("the addressed sample still validates without errors or network warnings", func(t *testing.T) {
		for _, pr := range Validate(p) {
			if pr.Severity == SeverityError || pr.Rule == RuleNetworkAddress || pr.Rule == RuleDuplicateAddress {
				t.Errorf("%+v", pr)
			}
		}
	})
}
