package cli

func runSample(e *env, args []string) int { return notYet(e) }
