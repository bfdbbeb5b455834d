//go:build !windows

package main

// attachConsole is needed on Windows only, where zonewise.exe is a
// GUI-subsystem program.
func attachConsole() {}
