package cli

func runExport(e *env, args []string) int { return notYet(e) }
