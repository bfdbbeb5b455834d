// Package assets holds Zonewise's embedded files: the application icon,
// fonts for documents, and the IEC 62443 catalogues and libraries as data.
// Each group has its own file with its //go:embed directive.
package assets
