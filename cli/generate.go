package cli

func runGenerate(e *env, args []string) int { return notYet(e) }
