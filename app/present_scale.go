package app

// presentScale is how much larger presentation mode sets the canvas's
// zone names, SL-T badges, conduit labels and summaries (1 otherwise): the
// theme sets canvasTextScale when the mode changes.
func presentScale() float32 { return canvasTextScale }
