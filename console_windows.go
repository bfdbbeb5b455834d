//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachConsole gives the GUI-subsystem zonewise.exe the console of the cmd
// or PowerShell window it was started from, so that command-line use prints
// its output there. Standard handles that are already valid (pipes,
// redirections) are kept.
func attachConsole() {
	valid := func(std int) bool {
		h, err := syscall.GetStdHandle(std)
		return err == nil && h != 0 && h != syscall.InvalidHandle
	}
	outOK, errOK := valid(syscall.STD_OUTPUT_HANDLE), valid(syscall.STD_ERROR_HANDLE)
	if outOK && errOK {
		return
	}
	const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	r, _, _ := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole").Call(uintptr(attachParentProcess))
	if r == 0 {
		return // started from Explorer: no console to attach to
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !outOK {
		os.Stdout = con
	}
	if !errOK {
		os.Stderr = con
	}
}
