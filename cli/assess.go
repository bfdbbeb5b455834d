package cli

func runAssess(e *env, args []string) int { return notYet(e) }
