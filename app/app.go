// Package app is the Zonewise desktop GUI (Fyne). It is the only package that
// imports Fyne, main.go aside.
package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Run opens the main window on the project at path ("" for the last project
// or the sample plant) and blocks until the window closes.
func Run(a fyne.App, path string) {
	w := a.NewWindow("Zonewise")
	w.SetContent(widget.NewLabel("Zonewise"))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
