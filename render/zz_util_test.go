package render

import "os"

func writeFile(name string, b []byte) { os.WriteFile(name, b, 0o644) }
