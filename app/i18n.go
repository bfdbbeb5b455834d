package app

import (
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"zonewise/i18n"
	"zonewise/model"
	"zonewise/risk"
)

// prefLanguage keeps the interface language the user chose ("" follows the
// system locale).
const prefLanguage = "language"

// msgs is the message catalogue of the interface language, set once at
// start-up by setupLanguage before any widget is built.
var msgs = i18n.For(i18n.EN)

// tr is the interface text for a catalogue key (see package i18n).
func tr(key string, data ...any) string { return msgs.T(key, data...) }

// startSample is the sample plant a new user sees: in a German interface
// the German sample (its texts and document language German), else the
// sample as the command line writes it without --lang.
func startSample() *model.Project {
	if msgs.Lang() == i18n.DE {
		if p, err := model.SampleIn(string(i18n.DE)); err == nil {
			return p
		}
	}
	return model.Sample()
}

// chooseLanguage is the interface language: the saved choice, else the
// system locale's.
func chooseLanguage(saved, systemLocale string) i18n.Lang {
	if l, err := i18n.Parse(saved); err == nil {
		return l
	}
	return i18n.FromLocale(systemLocale)
}

// languageMenu is View ▸ Language: the system language (the locale's, the
// default) and one item per language, the saved choice ticked. The choice
// applies at the next start, when every widget is built in it (rebuilding
// the open window would lose its state).
func (u *ui) languageMenu() *fyne.MenuItem {
	m := fyne.NewMenuItem(tr("lang.title"), nil)
	saved := u.prefs.p.String(prefLanguage)
	var items []*fyne.MenuItem
	choose := func(code, label, msg string) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() {
			u.prefs.p.SetString(prefLanguage, code)
			for _, x := range items {
				x.Checked = x.Label == label
			}
			u.showInfo(tr("lang.title"), msg)
		})
		it.Checked = code == saved
		items = append(items, it)
		return it
	}
	system := i18n.FromLocale(lang.SystemLocale().String())
	choose("", tr("lang.system"), tr("lang.restartSystem", map[string]string{"Lang": system.Name()}))
	for _, l := range i18n.Langs {
		choose(string(l), l.Name(), tr("lang.restart", map[string]string{"Lang": l.Name()}))
	}
	m.ChildMenu = fyne.NewMenu("", items...)
	return m
}

// setupLanguage sets the interface language from the preferences and the
// system locale, for Zonewise's own text and for Fyne's (dialog buttons, the
// file dialog). Fyne picks its language from the locale environment when
// translations are added, so the choice is put there first.
func setupLanguage(p fyne.Preferences) {
	l := chooseLanguage(p.String(prefLanguage), lang.SystemLocale().String())
	msgs = i18n.For(l)
	localiseKinds()
	os.Setenv("LANGUAGE", string(l))
	if err := lang.AddTranslationsFS(i18n.FS(), "locales"); err != nil {
		fyne.LogError("interface translations", err)
	}
}

// uiLabel is the display name of a model value in the interface language
// (package i18n's enum.* messages, the model's English label otherwise).
func uiLabel[T i18n.Labeled](v T) string { return i18n.Label(msgs, v) }

// effortLabel names a proposal's effort class in the interface language.
func effortLabel(e risk.Effort) string {
	if e < 1 || e > 3 {
		return tr("doc.effort.0")
	}
	return tr("doc.effort." + strconv.Itoa(int(e)))
}

// documentLanguages are the choices of a project's document language: none
// (the interface language), English, German.
var documentLanguages = model.DocumentLanguages

// documentLanguageLabel names a project document language choice.
func documentLanguageLabel(code string) string {
	if l, err := i18n.Parse(code); err == nil && code != "" {
		return l.Name()
	}
	return tr("project.language.interface")
}

// localiseTexts sets the package-level texts, which Go initialises before
// setupLanguage has chosen the language, again in the interface language.
func localiseTexts() {
	proposalHeaders = []string{tr("measures.col.rank"), tr("measures.col.measure"), tr("prop.target"), tr("measures.col.closes"), tr("measures.col.effort"), tr("measure.status")}
	instanceHeaders = []string{tr("measures.col.measure"), tr("prop.target"), tr("measure.status"), tr("measures.col.reason")}
	showCover, showAllTargets, showSelectedTarget = tr("measures.show.cover"), tr("measures.show.all"), tr("measures.show.selection")
	scenarioHeaders = [scenarioColumns]string{tr("threats.col.scenario"), tr("room.lib.by"), tr("prop.target"), tr("threats.col.likelihood"), tr("project.matrix.consequence"), tr("threats.col.unmitigated"), "", "", tr("prop.treatment"), tr("threats.col.frs")}
	zoneItself = tr("requirements.zoneItself")
}

// commandLabel is an undo step's name in the interface language. The
// model names its own commands in English ("Edit zone name", "Delete
// asset"); in another language such a name becomes the catalogue's
// sentence for its verb and kind, without the field.
func commandLabel(l string) string {
	en := i18n.For(i18n.EN)
	if msgs.Lang() == i18n.EN {
		return l
	}
	if l == en.T("undo.registers") {
		return tr("undo.registers")
	}
	for _, verb := range []string{"undo.add", "undo.delete", "undo.edit"} {
		for _, k := range slices.Sorted(maps.Values(kindKeys)) {
			noun := en.T("kind." + k + ".noun")
			if k == "vulnerability" {
				noun = en.T("vuln.noun")
			}
			if name := en.T(verb, map[string]string{"Kind": noun}); l == name || strings.HasPrefix(l, name+" ") {
				return tr(verb, map[string]string{"Kind": kindTitle(k)})
			}
		}
	}
	return l
}

// kindTitle is a kind's name in the interface language.
func kindTitle(k string) string {
	if k == "vulnerability" {
		return tr("vuln.title")
	}
	return tr("kind." + k + ".title")
}
