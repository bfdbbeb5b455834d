package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"zonewise/model"
)

// nodeVulnerabilities is the tree branch of the vulnerability register: an
// internal node ID, never shown, that cannot start with a kind's prefix.
const nodeVulnerabilities = "v"

// vulnerabilityKind describes the entries of the vulnerability register
// (IEC 62443-3-2 ZCR 5.2; docs/METHOD.md). The register is a project-level
// list edited as a whole by model.UpdateRegisters, so the kind is not a
// model.Object: find, ids and remove are written out here.
func vulnerabilityKind() *kindInfo {
	return &kindInfo{
		kind: kindVulnerability,
		noun: tr("vuln.noun"), title: tr("vuln.title"), heading: tr("vuln.heading"),
		find: func(p *model.Project, id model.ID) (string, bool) {
			if x := findVuln(p, id); x != nil {
				return vulnName(x), true
			}
			return "", false
		},
		ids: func(p *model.Project) []model.ID {
			out := make([]model.ID, len(p.Vulnerabilities))
			for i := range p.Vulnerabilities {
				out[i] = p.Vulnerabilities[i].ID
			}
			return out
		},
		remove: removeVulnerability,
		build:  (*propertiesPanel).buildVulnerability,
		shape: func(p *model.Project, id model.ID) string {
			return fmt.Sprint(len(p.Assets), len(p.Scenarios))
		},
		prefix: "v:", icon: theme.ErrorIcon,
		branch: nodeVulnerabilities, headIcon: theme.ErrorIcon,
		rows: func(p *model.Project) []treeRow {
			var out []treeRow
			for _, x := range sortedByName(p.Vulnerabilities, vulnName) {
				out = append(out, treeRow{id: x.ID, label: orUntitled(vulnName(x))})
			}
			return out
		},
	}
}

// localiseKinds sets the texts of the kinds that are looked up in the
// message catalogue, once the interface language is known.
func localiseKinds() {
	if d := kindOf(kindVulnerability); d != nil {
		d.noun, d.title, d.heading = tr("vuln.noun"), tr("vuln.title"), tr("vuln.heading")
	}
	for _, d := range kindTable {
		k := kindKeys[d.kind]
		if k == "" || d.kind == kindVulnerability {
			continue
		}
		d.noun, d.title = tr("kind."+k+".noun"), tr("kind."+k+".title")
		if d.heading != "" {
			d.heading = tr("kind." + k + ".heading")
		}
	}
	localiseTexts()
}

// kindKeys name the kinds in the catalogue ("kind.zone.title").
var kindKeys = map[kind]string{
	kindProject: "project", kindZone: "zone", kindAsset: "asset", kindConduit: "conduit", kindScenario: "scenario",
	kindActor: "actor", kindDecision: "decision", kindCountermeasure: "countermeasure", kindVulnerability: "vulnerability",
}

// vulnName is how a register entry is listed: identifier and title.
func vulnName(x *model.Vulnerability) string {
	if x.Title == "" {
		return x.Identifier
	}
	return x.Identifier + " " + x.Title
}

func findVuln(p *model.Project, id model.ID) *model.Vulnerability {
	for i := range p.Vulnerabilities {
		if p.Vulnerabilities[i].ID == id {
			return &p.Vulnerabilities[i]
		}
	}
	return nil
}

// registers replaces the vulnerability register in one undoable command,
// keeping the compensating-countermeasure records as they are.
func registers(p *model.Project, vs []model.Vulnerability) *model.UpdateRegisters {
	return &model.UpdateRegisters{Vulnerabilities: vs, Compensating: model.Clone(p.Compensating)}
}

// removeVulnerability deletes a register entry and its links from the
// scenarios, which would dangle without it, as one step.
func removeVulnerability(p *model.Project, id model.ID) (model.Command, error) {
	if findVuln(p, id) == nil {
		return nil, fmt.Errorf("delete vulnerability: no vulnerability with ID %s", id)
	}
	vs := slices.DeleteFunc(model.Clone(p.Vulnerabilities), func(x model.Vulnerability) bool { return x.ID == id })
	cmds := []model.Command{registers(p, vs)}
	for _, s := range p.Scenarios {
		if slices.Contains(s.Vulnerabilities, id) {
			after := model.Clone(s)
			after.Vulnerabilities = slices.DeleteFunc(after.Vulnerabilities, func(x model.ID) bool { return x == id })
			cmds = append(cmds, &model.Update[model.ThreatScenario]{After: after, Field: "vulnerabilities"})
		}
	}
	return &model.Batch{Commands: cmds}, nil
}

// addVulnerability adds an open register entry, affecting the selected
// asset if one is selected, and selects it.
func (s *session) addVulnerability() {
	p := s.doc.Project
	x := model.Vulnerability{ID: model.NewID(), Identifier: tr("vuln.newIdentifier", map[string]string{"N": strconv.Itoa(len(p.Vulnerabilities) + 1)}),
		AssetIDs: []model.ID{}, Exploitability: model.ExploitUnknown, Status: model.VulnOpen}
	if r := s.sel.primary(); r.Kind == kindAsset {
		x.AssetIDs = append(x.AssetIDs, r.ID)
	}
	vs := append(model.Clone(p.Vulnerabilities), x)
	if s.do(registers(p, vs)) {
		s.selectOnly(ref{kindVulnerability, x.ID})
	}
}

// editVulnerability applies mut to a copy of the register with the entry
// changed.
func editVulnerability(sess *session, id model.ID, mut func(*model.Vulnerability)) {
	p := sess.doc.Project
	vs := model.Clone(p.Vulnerabilities)
	for i := range vs {
		if vs[i].ID == id {
			mut(&vs[i])
			sess.do(registers(p, vs))
			return
		}
	}
}

func (pp *propertiesPanel) buildVulnerability(id model.ID) fyne.CanvasObject {
	sess, f := pp.sess, pp.f
	x := func() *model.Vulnerability {
		if x := findVuln(sess.doc.Project, id); x != nil {
			return x
		}
		return &model.Vulnerability{}
	}
	ed := func(mut func(*model.Vulnerability)) { editVulnerability(sess, id, mut) }
	str := func(get func(*model.Vulnerability) *string) fyne.CanvasObject {
		return f.entry(func() string { return *get(x()) }, func(s string) { ed(func(v *model.Vulnerability) { *get(v) = s }) })
	}
	score := f.entry(func() string {
		if x().CVSSScore == 0 && x().CVSSVector == "" {
			return ""
		}
		return strconv.FormatFloat(x().CVSSScore, 'f', 1, 64)
	}, func(s string) {
		s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
		n, err := strconv.ParseFloat(s, 64)
		if s == "" {
			n, err = 0, nil
		}
		if err == nil && n >= 0 && n <= 10 {
			ed(func(v *model.Vulnerability) { v.CVSSScore = n })
		}
	})
	score.Validator = func(s string) error {
		s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
		if s == "" {
			return nil
		}
		if n, err := strconv.ParseFloat(s, 64); err != nil || n < 0 || n > 10 {
			return fmt.Errorf("%s", tr("vuln.scoreRange"))
		}
		return nil
	}

	assets := container.NewVBox()
	for _, a := range sortedByName(sess.doc.Project.Assets, func(a *model.Asset) string { return a.Name }) {
		aid := a.ID
		assets.Add(f.check(orUntitled(a.Name), func() bool { return slices.Contains(x().AssetIDs, aid) }, func(on bool) {
			ed(func(v *model.Vulnerability) {
				v.AssetIDs = slices.DeleteFunc(v.AssetIDs, func(y model.ID) bool { return y == aid })
				if on {
					v.AssetIDs = append(v.AssetIDs, aid)
				}
			})
		}))
	}
	scenarios := container.NewVBox()
	for _, s := range sortedByName(sess.doc.Project.Scenarios, func(s *model.ThreatScenario) string { return s.Name }) {
		sid := s.ID
		scenarios.Add(f.check(orUntitled(s.Name), func() bool {
			sc := sess.doc.Project.Scenario(sid)
			return sc != nil && slices.Contains(sc.Vulnerabilities, id)
		}, func(on bool) { linkVulnerability(sess, sid, id, on) }))
	}
	return container.NewVBox(form(
		item(tr("vuln.identifier"), str(func(v *model.Vulnerability) *string { return &v.Identifier })),
		item(tr("vuln.titleField"), str(func(v *model.Vulnerability) *string { return &v.Title })),
		item(tr("vuln.cvssScore"), score),
		item(tr("vuln.cvssVector"), str(func(v *model.Vulnerability) *string { return &v.CVSSVector })),
		item(tr("vuln.exploitability"), enumChoice(f, model.Exploitabilities(), exploitLabel,
			func() model.Exploitability { return x().Exploitability },
			func(e model.Exploitability) { ed(func(v *model.Vulnerability) { v.Exploitability = e }) })),
		item(tr("vuln.status"), enumChoice(f, model.VulnStatuses(), vulnStatusLabel,
			func() model.VulnStatus { return x().Status },
			func(st model.VulnStatus) { ed(func(v *model.Vulnerability) { v.Status = st }) })),
		item(tr("vuln.source"), str(func(v *model.Vulnerability) *string { return &v.Source })),
		item(tr("vuln.notes"), f.multiline(func() string { return x().Notes }, func(s string) { ed(func(v *model.Vulnerability) { v.Notes = s }) })),
		item(tr("vuln.assets"), assets),
		item(tr("vuln.scenarios"), scenarios),
	))
}

// linkVulnerability links a scenario to a register entry, or unlinks it,
// as one edit of the scenario.
func linkVulnerability(sess *session, scenario, id model.ID, on bool) {
	edit(sess, scenario, "vulnerabilities", func(sc *model.ThreatScenario) {
		sc.Vulnerabilities = slices.DeleteFunc(sc.Vulnerabilities, func(y model.ID) bool { return y == id })
		if on {
			sc.Vulnerabilities = append(sc.Vulnerabilities, id)
		}
	})
}

// exploitLabel and vulnStatusLabel name the enumerations in the interface
// language.
func exploitLabel(e model.Exploitability) string { return tr("vuln.exploit." + string(e)) }

func vulnStatusLabel(s model.VulnStatus) string { return tr("vuln.status." + string(s)) }
