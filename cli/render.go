package cli

func runRender(e *env, args []string) int { return notYet(e) }
