package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Fyne titles its file dialogs by joining two translated words, the
// button's and "File" or "Folder": right in English ("Open File"), wrong
// in German ("Öffnen Datei"). The dialogs are made here with a
// whole-phrase title from the catalogue instead.

// newFileOpen is dialog.NewFileOpen titled "Open file" in the interface
// language.
func newFileOpen(callback func(fyne.URIReadCloser, error), parent fyne.Window) *dialog.FileDialog {
	d := dialog.NewFileOpen(callback, parent)
	d.SetTitleText(tr("file.dialog.open"))
	return d
}

// newFileSave is dialog.NewFileSave titled "Save file".
func newFileSave(callback func(fyne.URIWriteCloser, error), parent fyne.Window) *dialog.FileDialog {
	d := dialog.NewFileSave(callback, parent)
	d.SetTitleText(tr("file.dialog.save"))
	return d
}

// newFolderOpen is dialog.NewFolderOpen titled "Open folder".
func newFolderOpen(callback func(fyne.ListableURI, error), parent fyne.Window) *dialog.FileDialog {
	d := dialog.NewFolderOpen(callback, parent)
	d.SetTitleText(tr("file.dialog.folder"))
	return d
}
