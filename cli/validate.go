package cli

func runValidate(e *env, args []string) int { return notYet(e) }
