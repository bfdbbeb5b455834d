package cli

func runRequirements(e *env, args []string) int { return notYet(e) }
