package templates

import (
	"regexp"

	"zonewise/model"
)

// A host device on a general-purpose operating system (Windows, Linux) is a
// commodity product: without an IEC 62443-4-2 certification of the product
// no supplier can deliver it at the capability SL 3 or 4 asks for (hardware
// roots of trust, verified boot, tamper resistance and the like), whatever
// zone it stands in. Hardening brings it to SL-C 2. Its component profile
// therefore asks for what the host can reach, and the zone makes up the
// difference with its own system requirements at the zone's SL-T (its
// conduits, allow-listing, physical access control), as IEC 62443-3-3
// allows by compensating countermeasures (docs/METHOD.md, step 5). A host
// whose SL-C is assessed or declared higher keeps that higher level; a
// certified product is never capped.

// DetailDrawingAssets is the most assets the detail drawing of a zone
// names one by one (it counts them per class beyond; package render, card.go,
// maxDetailAssets): up to it, the CRS names a zone's assets only in its
// drawing.
const DetailDrawingAssets = 80

// CommodityHostSL is the SL-C per FR a hardened host on a general-purpose
// operating system is taken to reach without a product certification.
const CommodityHostSL = 2

var commodityOS = regexp.MustCompile(`(?i)\b(windows|linux|ubuntu|debian|red ?hat|rhel|centos|suse|macos)\b`)

// CommodityPlatform returns the general-purpose operating system an
// uncertified host device runs, as recorded in its firmware or model field
// ("Windows 10 IoT Enterprise LTSC 2021"), or "" for any other asset.
func CommodityPlatform(a *model.Asset) string {
	if a.Class != model.ClassHost || a.SLCSource == model.SLCCertified {
		return ""
	}
	for _, s := range []string{a.Firmware, a.Model} {
		if commodityOS.MatchString(s) {
			return s
		}
	}
	return ""
}

// HostProfileSL returns the SL vector the component profile of a asks for
// at its zone's SL-T slt: slt itself, or for a commodity host (see
// CommodityPlatform) slt capped per FR at CommodityHostSL, or at the
// host's assessed or declared SL-C where that is higher. capped reports
// whether any FR was lowered.
func HostProfileSL(a *model.Asset, slt model.SLVector) (v model.SLVector, capped bool) {
	if CommodityPlatform(a) == "" {
		return slt, false
	}
	known := a.SLCSource == model.SLCAssessed || a.SLCSource == model.SLCVendor
	v = slt
	for _, f := range model.AllFRs {
		reach := CommodityHostSL
		if known {
			reach = max(reach, a.SLC.Get(f))
		}
		if t := slt.Get(f); t > reach {
			v[f-1] = reach
			capped = true
		}
	}
	return v, capped
}
