package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// presentationScale enlarges text and spacing for projectors.
const presentationScale = 1.6

// themeState is the user's theme choice: a forced light or dark variant
// ("" follows the system) and the presentation mode.
type themeState struct {
	variant      string
	presentation bool
}

// zwTheme wraps Fyne's default theme with a fixed variant and, in
// presentation mode, text and padding scaled by presentationScale.
type zwTheme struct {
	base    fyne.Theme
	variant string
	scale   float32
}

// Color implements fyne.Theme, forcing the chosen variant.
func (t *zwTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case "light":
		v = theme.VariantLight
	case "dark":
		v = theme.VariantDark
	}
	return t.base.Color(n, v)
}

// Font implements fyne.Theme.
func (t *zwTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon implements fyne.Theme.
func (t *zwTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size implements fyne.Theme, scaling text and padding in presentation mode.
func (t *zwTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNamePadding, theme.SizeNameInnerPadding,
		theme.SizeNameInlineIcon, theme.SizeNameLineSpacing, theme.SizeNameScrollBar:
		return s * t.scale
	}
	return s
}

// apply installs the theme for the state on the app.
func (s *themeState) apply(a fyne.App) {
	scale := float32(1)
	if s.presentation {
		scale = presentationScale
	}
	canvasTextScale = scale
	canvasMinText = 8 * scale
	a.Settings().SetTheme(&zwTheme{base: theme.DefaultTheme(), variant: s.variant, scale: scale})
}

func (u *ui) setThemeVariant(v string) {
	u.themeState.variant = v
	u.prefs.p.SetString(prefTheme, v)
	u.themeState.apply(u.app)
	u.refreshAll()
}

// togglePresentation switches the large-text mode for projectors (F5,
// Ctrl+Shift+P).
func (u *ui) togglePresentation() { u.setPresentation(!u.themeState.presentation) }
