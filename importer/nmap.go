package importer

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"zonewise/model"
)

// nmapHost is the part of an Nmap -oX <host> element Zonewise uses.
type nmapHost struct {
	Status struct {
		State string `xml:"state,attr"`
	} `xml:"status"`
	Addresses []struct {
		Addr     string `xml:"addr,attr"`
		AddrType string `xml:"addrtype,attr"`
		Vendor   string `xml:"vendor,attr"`
	} `xml:"address"`
	Hostnames []struct {
		Name string `xml:"name,attr"`
	} `xml:"hostnames>hostname"`
	Ports []struct {
		Protocol string `xml:"protocol,attr"`
		PortID   int    `xml:"portid,attr"`
		State    struct {
			State string `xml:"state,attr"`
		} `xml:"state"`
		Service struct {
			Name    string `xml:"name,attr"`
			Product string `xml:"product,attr"`
			Version string `xml:"version,attr"`
		} `xml:"service"`
	} `xml:"ports>port"`
	OSMatches []struct {
		Name     string `xml:"name,attr"`
		Accuracy int    `xml:"accuracy,attr"`
		Classes  []struct {
			Type     string `xml:"type,attr"`
			Vendor   string `xml:"vendor,attr"`
			OSFamily string `xml:"osfamily,attr"`
		} `xml:"osclass"`
	} `xml:"os>osmatch"`
}

// ReadNmap reads an Nmap XML report (nmap -oX) as a stream: each <host>
// that is up becomes a record with its IP and MAC addresses, the MAC
// vendor, the host name, a class hint from the best OS guess, and its open
// ports as services ("502/tcp modbus"). Hosts that are down are skipped.
// Malformed XML is an *InputError naming the line and the host.
func ReadNmap(name string, r io.Reader) ([]Record, []Skip, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	var recs []Record
	var skips []Skip
	hosts, sawRun := 0, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, nil, &InputError{File: name, Where: fmt.Sprintf("line %d (after host %d)", line, hosts), Err: fmt.Errorf("malformed XML: %w", unwrapXML(err))}
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "nmaprun":
			sawRun = true
		case "host":
			hosts++
			line, _ := dec.InputPos()
			var h nmapHost
			if err := dec.DecodeElement(&h, &se); err != nil {
				return nil, nil, &InputError{File: name, Where: fmt.Sprintf("host %d (line %d)", hosts, line), Err: fmt.Errorf("malformed <host>: %w", unwrapXML(err))}
			}
			rec, skip, err := h.record(hosts)
			if err != nil {
				return nil, nil, &InputError{File: name, Where: fmt.Sprintf("host %d (line %d)", hosts, line), Err: err}
			}
			if skip != "" {
				skips = append(skips, Skip{Source: fmt.Sprintf("host %d", hosts), Reason: skip})
				continue
			}
			recs = append(recs, rec)
		}
	}
	if !sawRun {
		return nil, nil, &InputError{File: name, Err: errors.New("no <nmaprun> element: not an Nmap XML report (write one with nmap -oX FILE)")}
	}
	return recs, skips, nil
}

func unwrapXML(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return errors.New(se.Msg)
	}
	return err
}

// record converts a decoded host; skip says why a host is left out.
func (h *nmapHost) record(n int) (Record, string, error) {
	if h.Status.State != "" && h.Status.State != "up" {
		return Record{}, "host is " + h.Status.State, nil
	}
	var rec Record
	for i, a := range h.Addresses {
		switch a.AddrType {
		case "ipv4", "ipv6":
			ip, err := model.ParseIP(a.Addr)
			if err != nil {
				return rec, "", fmt.Errorf("address[%d]: %w", i, err)
			}
			rec.IPs = append(rec.IPs, ip.String())
		case "mac":
			m, err := model.NormalizeMAC(a.Addr)
			if err != nil {
				return rec, "", fmt.Errorf("address[%d]: %w", i, err)
			}
			rec.MAC = m
			rec.Vendor = a.Vendor
		}
	}
	rec.IPs = sortedIPs(rec.IPs)
	if len(h.Hostnames) > 0 {
		rec.Hostname = h.Hostnames[0].Name
	}
	rec.Name = rec.Hostname
	if rec.Name == "" && len(rec.IPs) > 0 {
		rec.Name = rec.IPs[0]
	}
	if rec.Name == "" && rec.MAC != "" {
		rec.Name = rec.MAC
	}
	if rec.Name == "" {
		return rec, "no address", nil
	}
	rec.Source = fmt.Sprintf("host %d (%s)", n, rec.Name)
	for _, p := range h.Ports {
		if p.State.State != "open" {
			continue
		}
		s := fmt.Sprintf("%d/%s", p.PortID, p.Protocol)
		if p.Service.Name != "" {
			s += " " + p.Service.Name
		}
		if prod := strings.TrimSpace(p.Service.Product + " " + p.Service.Version); prod != "" {
			s += " (" + prod + ")"
		}
		rec.Services = append(rec.Services, s)
	}
	slices.Sort(rec.Services)
	if len(h.OSMatches) > 0 {
		best := h.OSMatches[0]
		for _, m := range h.OSMatches[1:] {
			if m.Accuracy > best.Accuracy {
				best = m
			}
		}
		rec.Notes = append(rec.Notes, fmt.Sprintf("OS guess %s (%d %%)", best.Name, best.Accuracy))
		for _, c := range best.Classes {
			if cls, ok := nmapClass(c.Type); ok {
				rec.ClassHint = cls
				break
			}
		}
	}
	return rec, "", nil
}

// nmapClass maps Nmap's device types (nmap-os-db "Class" lines) to asset
// classes. "specialized" covers PLCs and other controllers in Nmap's data.
func nmapClass(t string) (model.AssetClass, bool) {
	switch strings.ToLower(t) {
	case "general purpose", "terminal", "terminal server", "printer", "print server", "storage-misc":
		return model.ClassHost, true
	case "router", "switch", "firewall", "wap", "broadband router", "load balancer", "proxy server", "bridge", "hub", "security-misc", "vpn":
		return model.ClassNetwork, true
	case "specialized", "plc", "power-device", "power-misc", "remote management", "media device", "phone", "webcam":
		return model.ClassEmbedded, true
	}
	return "", false
}
