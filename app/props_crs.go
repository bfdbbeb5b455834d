package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"zonewise/model"
)

// crsProjectFields edits what the cyber security requirements specification
// needs of the project beyond the SUC (IEC 62443-3-2 ZCR 6.6, 6.7, 6.9):
// the threat environment, the organisation's policies and the regulations
// that apply, picked from a list of common ones or entered freely.
func (pp *propertiesPanel) crsProjectFields() fyne.CanvasObject {
	sess, f := pp.sess, pp.f
	in := func() *model.Info { return &sess.doc.Project.Info }
	box := container.NewVBox(form(
		item(tr("crs.threatEnvironment"), f.multiline(func() string { return in().SUC.ThreatEnvironment }, func(s string) {
			editInfo(sess, tr("crs.threatEnvironment"), func(i *model.Info) { i.SUC.ThreatEnvironment = s })
		})),
		item(tr("crs.policies"), f.lines(func() []string { return in().SUC.Policies }, func(v []string) {
			editInfo(sess, tr("crs.policies"), func(i *model.Info) { i.SUC.Policies = v })
		})),
	))
	box.Add(heading(tr("crs.regulations")))
	free := tr("crs.regulationFree")
	known := model.KnownRegulations()
	options := func() []string {
		out := []string{free}
		for _, r := range known {
			out = append(out, r.Name)
		}
		return out
	}
	for i := range in().SUC.Regulations {
		reg := func() *model.Regulation {
			if rs := in().SUC.Regulations; i < len(rs) {
				return &rs[i]
			}
			return &model.Regulation{}
		}
		regEd := func(field string, mut func(*model.Regulation)) {
			editInfo(sess, fmt.Sprintf("regulation %d %s", i+1, field), func(in *model.Info) { mut(&in.SUC.Regulations[i]) })
		}
		pick := f.choice(options, func() string {
			if def, ok := model.KnownRegulation(reg().Key); ok {
				return def.Name
			}
			return free
		}, func(s string) {
			key := ""
			for _, r := range known {
				if r.Name == s {
					key = r.Key
				}
			}
			regEd("key", func(r *model.Regulation) { r.Key = key })
		})
		name := f.entry(func() string { return reg().Name }, func(s string) { regEd("name", func(r *model.Regulation) { r.Name = s }) })
		name.SetPlaceHolder(tr("crs.regulationNameHint"))
		note := f.entry(func() string { return reg().Note }, func(s string) { regEd("note", func(r *model.Regulation) { r.Note = s }) })
		note.SetPlaceHolder(tr("crs.regulationNoteHint"))
		box.Add(form(
			item(tr("crs.regulation"), pick),
			item(tr("crs.regulationName"), name),
			item(tr("crs.regulationNote"), note),
			item("", smallButton(tr("crs.regulationRemove"), theme.DeleteIcon(), func() {
				editInfo(sess, tr("crs.regulations"), func(in *model.Info) { in.SUC.Regulations = slices.Delete(in.SUC.Regulations, i, i+1) })
			})),
		))
	}
	box.Add(smallButton(tr("crs.regulationAdd"), theme.ContentAddIcon(), func() {
		editInfo(sess, tr("crs.regulations"), func(in *model.Info) { in.SUC.Regulations = append(in.SUC.Regulations, model.Regulation{}) })
	}))
	return box
}
