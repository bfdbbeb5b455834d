// Package cli is the zonewise command line, documented in README.md, apart
// from the GUI commands, which main hands to package app. It never imports Fyne, so every
// command runs and is tested headless, without cgo.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"zonewise/render/document"
)

// Exit codes of the command-line contract.
const (
	ExitOK    = 0
	ExitInput = 1 // bad input, with a message naming what is wrong
	ExitUsage = 2
)

// Version and Commit are set by the linker (-X) in release builds.
var (
	Version = "0.1.0"
	Commit  = "dev"
)

type command struct {
	name  string
	usage string // after "zonewise NAME "
	help  string
	run   func(env *env, args []string) int
}

// env carries the output streams of one invocation.
type env struct {
	stdout, stderr io.Writer
	name           string // command name for messages
}

// errorf prints "zonewise NAME: msg" to stderr and returns ExitInput.
func (e *env) errorf(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "zonewise %s: %s\n", e.name, fmt.Sprintf(format, args...))
	return ExitInput
}

// usagef prints a usage error and the command's usage line; returns ExitUsage.
func (e *env) usagef(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "zonewise %s: %s\n", e.name, fmt.Sprintf(format, args...))
	if c, ok := commandByName(e.name); ok {
		fmt.Fprintf(e.stderr, "usage: zonewise %s %s\n", c.name, c.usage)
	}
	return ExitUsage
}

// commands is filled in init: the run functions reach commandByName through
// env.usagef, so a package-level initializer would be an initialization cycle.
var commands []command

func init() {
	commands = []command{
		{"open", "FILE", "open FILE in the GUI", nil},
		{"sample", "[--lang en|de] [-o FILE]", "write the built-in sample plant project (stdout without -o)", runSample},
		{"validate", "[--lang en|de] FILE", "exit 0 when valid; else exit 1, one line per problem", runValidate},
		{"assess", "[--json] [--lang en|de] FILE", "SL-T/SL-C/SL-A/gap per zone and conduit, risks, proposals", runAssess},
		{"requirements", "--sl V [--component CLASS] [--json] [--lang en|de]", "requirements selected by SL vector V (\"2,2,2,1,3,2,2\"); CLASS: application|embedded|host|network", runRequirements},
		{"render", "FILE -o OUT [--zone NAME|ID] [--dpi N] [--lang en|de]", "zone/conduit diagram; format from extension: .svg .png .dot .drawio", runRender},
		{"export", "FILE --doc KIND -o OUT [--format pdf|docx|both] [--lang en|de] [--since FILE|git:REV] [--templates DIR] [--csv-sep SEP] [--json]", "KIND: " + strings.Join(document.Kinds(), " | ") + " | all (then OUT is a folder); OUT ending in .docx is a Word file", runExport},
		{"generate", "--zones N --assets M [--seed S] -o FILE", "synthetic plant for scale tests", runGenerate},
		{"import", "assets|nmap|csaf|drawio|self-assessment FILE --into PROJECT [--map COLUMN=FIELD]... [--sheet NAME] [--dry-run] [--json]", "match an asset inventory (CSV, XLSX) or Nmap XML against the project's assets: update matched, add new; csaf: security advisories (a file or folder) into the vulnerability register; drawio: zones, assets and conduits from a diagrams.net drawing (a new PROJECT is created)", runImport},
		{"reconcile", "PROJECT --traffic FILE... [--record] [--json]", "model vs observed traffic (pcap, pcapng, Zeek conn.log, CSV flow list); zone suggestions", runReconcile},
		{"rules", "PROJECT [--conduit NAME|ID] --format matrix|nftables|iptables [-o FILE]", "firewall rules of the declared flows: rule matrix (CSV, or XLSX for -o *.xlsx), nftables or iptables-restore", runRules},
		{"diff", "OLD NEW [--json]", "semantic difference of two project revisions by object ID, with the assessment changes; OLD may be git:REV (NEW's file at a git revision)", runDiff},
		{"merge-driver", "BASE OURS THEIRS", "git merge driver (%O %A %B): three-way merge by object and field; conflicts recorded in the project, exit 1", runMergeDriver},
		{"review-firewall", "PROJECT --config FILE [--record] [--json]", "check an nft list ruleset or iptables-save dump against the declared flows; exit 1 on errors", runReviewFirewall},
	}
}

func commandByName(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// IsGUI reports whether args ask for the GUI, and which file to open ("" for
// the last project or the sample plant).
func IsGUI(args []string) (gui bool, path string) {
	switch {
	case len(args) == 0:
		return true, ""
	case len(args) == 2 && args[0] == "open":
		return true, args[1]
	}
	return false, ""
}

// Run executes a non-GUI command and returns its exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		printUsage(stdout)
		return ExitOK
	case "-v", "--version", "version":
		fmt.Fprintf(stdout, "zonewise %s (%s)\n", Version, Commit)
		return ExitOK
	}
	c, ok := commandByName(args[0])
	if !ok || c.run == nil {
		if ok { // "open" with a wrong number of arguments
			fmt.Fprintf(stderr, "usage: zonewise open FILE\n")
			return ExitUsage
		}
		fmt.Fprintf(stderr, "zonewise: unknown command %q\n", args[0])
		printUsage(stderr)
		return ExitUsage
	}
	return c.run(&env{stdout: stdout, stderr: stderr, name: c.name}, args[1:])
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage:")
	fmt.Fprintln(w, "  zonewise")
	fmt.Fprintln(w, "      GUI; opens the last project, else the built-in sample plant")
	for _, c := range commands {
		fmt.Fprintf(w, "  zonewise %s %s\n", c.name, c.usage)
		for _, line := range wrapWords(c.help, 72) {
			fmt.Fprintf(w, "      %s\n", line)
		}
	}
	fmt.Fprintln(w, "  zonewise --version")
	fmt.Fprintln(w, "exit codes: 0 success, 1 bad input, 2 usage")
	fmt.Fprintln(w, "zonewise COMMAND -h lists the command's options")
}

// wrapWords breaks text into lines of at most width characters at spaces
// (a longer word stands on a line of its own).
func wrapWords(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// newFlags returns a FlagSet that reports errors through env and allows
// flags after positional arguments ("assess FILE --json").
func (e *env) newFlags() *flag.FlagSet {
	fs := flag.NewFlagSet(e.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses flags anywhere among args and returns the positional ones.
// On error it prints usage and returns ok false.
func (e *env) parse(fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c, _ := commandByName(e.name)
				fmt.Fprintf(e.stdout, "usage: zonewise %s %s\n  %s\n", c.name, c.usage, c.help)
				fs.SetOutput(e.stdout)
				fs.PrintDefaults()
				return nil, ExitOK, false
			}
			return nil, e.usagef("%v", err), false
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		rest = rest[1:]
		if len(rest) == 0 {
			break
		}
	}
	return pos, ExitOK, true
}
