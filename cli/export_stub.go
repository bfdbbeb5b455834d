//go:build !pdfengine

package cli

// runExport waits for package render/pdf (build tag pdfengine until it lands).
func runExport(e *env, args []string) int { return notYet(e) }
