package rules

import (
	"fmt"
	"strings"
)

// ParseIPTablesSave reads an iptables-save dump. Only the filter table is
// kept; its FORWARD chain is the forward hook. Errors name the file and line.
func ParseIPTablesSave(name string, data []byte) (*Ruleset, error) {
	rs := &Ruleset{File: name, Format: "iptables"}
	table := ""
	for i, raw := range strings.Split(string(data), "\n") {
		n := i + 1
		line := strings.TrimSpace(raw)
		errf := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
		}
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "*"):
			table = strings.TrimSpace(line[1:])
			if table == "" {
				return nil, errf("table line without a name")
			}
		case line == "COMMIT":
			if table == "" {
				return nil, errf("COMMIT outside a table")
			}
			table = ""
		case strings.HasPrefix(line, ":"):
			if table == "" {
				return nil, errf("chain %q outside a table (no *filter line before it)", line)
			}
			f := strings.Fields(line[1:])
			if len(f) < 2 {
				return nil, errf("chain line %q: want :NAME POLICY [packets:bytes]", line)
			}
			if table != "filter" {
				continue
			}
			c := &FirewallChain{Table: table, Name: f[0], Line: n}
			if p := strings.ToLower(f[1]); p != "-" {
				c.Policy = p
				c.Hook = strings.ToLower(f[0])
			}
			rs.Chains = append(rs.Chains, c)
		case strings.HasPrefix(line, "-A ") || strings.HasPrefix(line, "--append "):
			if table == "" {
				return nil, errf("rule outside a table (no *filter line before it)")
			}
			if table != "filter" {
				continue
			}
			toks, err := shellFields(line)
			if err != nil {
				return nil, errf("%v", err)
			}
			if len(toks) < 2 {
				return nil, errf("rule without a chain")
			}
			c := rs.chain(table, toks[1])
			if c == nil {
				c = &FirewallChain{Table: table, Name: toks[1], Line: n}
				rs.Chains = append(rs.Chains, c)
			}
			r, err := iptRule(toks[2:])
			if err != nil {
				return nil, errf("chain %s: %v", c.Name, err)
			}
			r.File, r.Line, r.Chain, r.Text = name, n, c.Name, line
			c.Rules = append(c.Rules, r)
		default:
			return nil, errf("unexpected line %q: want *TABLE, :CHAIN, -A CHAIN ... or COMMIT", clip(line))
		}
	}
	if table != "" {
		return nil, fmt.Errorf("%s: table %s has no COMMIT line (truncated dump?)", name, table)
	}
	return rs, nil
}

// iptRule reads the options of one -A line.
func iptRule(toks []string) (FirewallRule, error) {
	var r FirewallRule
	neg := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		val := func() (string, error) {
			if i+1 >= len(toks) {
				return "", fmt.Errorf("option %s without a value", t)
			}
			i++
			return toks[i], nil
		}
		if t == "!" {
			neg = true
			continue
		}
		negated := neg
		neg = false
		switch t {
		case "-s", "--source", "--src", "-d", "--destination", "--dst":
			v, err := val()
			if err != nil {
				return r, err
			}
			if negated {
				r.Unknown = append(r.Unknown, "! "+t+" "+v)
				continue
			}
			ps, err := parsePrefixes(v)
			if err != nil {
				return r, fmt.Errorf("%s: %v", t, err)
			}
			if t[1] == 's' || t == "--source" || t == "--src" {
				r.Source = ps
			} else {
				r.Destination = ps
			}
		case "-p", "--protocol":
			v, err := val()
			if err != nil {
				return r, err
			}
			tr, ok := transportName(v)
			if !ok || negated {
				r.Unknown = append(r.Unknown, "-p "+v)
				continue
			}
			r.Transport = tr
		case "--dport", "--destination-port", "--dports", "--destination-ports":
			v, err := val()
			if err != nil {
				return r, err
			}
			if negated {
				r.Unknown = append(r.Unknown, "! "+t+" "+v)
				continue
			}
			ps, err := parsePortList(v)
			if err != nil {
				return r, fmt.Errorf("%s: %v", t, err)
			}
			r.Ports = ps
		case "--ctstate", "--state":
			v, err := val()
			if err != nil {
				return r, err
			}
			if negated {
				r.Unknown = append(r.Unknown, "! "+t+" "+v)
				continue
			}
			r.States = strings.Split(strings.ToLower(v), ",")
		case "--comment":
			v, err := val()
			if err != nil {
				return r, err
			}
			r.Comment = v
		case "-j", "--jump", "-g", "--goto":
			v, err := val()
			if err != nil {
				return r, err
			}
			switch strings.ToUpper(v) {
			case "ACCEPT":
				r.Verdict = "accept"
			case "DROP", "REJECT":
				r.Verdict = "drop"
			case "RETURN":
				r.Verdict = "return"
			case "LOG", "NFLOG", "ULOG", "MARK", "CONNMARK", "CT", "NOTRACK", "TRACE":
				r.Verdict = "" // non-terminating targets
				for i+1 < len(toks) && strings.HasPrefix(toks[i+1], "--") {
					i++
					if i+1 < len(toks) && !strings.HasPrefix(toks[i+1], "-") {
						i++
					}
				}
			default:
				r.Verdict, r.Target = "jump", v
				if t == "-g" || t == "--goto" {
					r.Verdict = "goto"
				}
			}
		case "-m", "--match":
			if _, err := val(); err != nil {
				return r, err
			}
		default:
			if !strings.HasPrefix(t, "-") {
				return r, fmt.Errorf("unexpected word %q", clip(t))
			}
			u := t
			if i+1 < len(toks) && !strings.HasPrefix(toks[i+1], "-") && toks[i+1] != "!" {
				i++
				u += " " + toks[i]
			}
			if negated {
				u = "! " + u
			}
			r.Unknown = append(r.Unknown, u)
		}
	}
	return r, nil
}

// shellFields splits a line at spaces, keeping double-quoted words (with
// backslash escapes) together, as iptables-save quotes comments.
func shellFields(line string) ([]string, error) {
	var out []string
	var b strings.Builder
	in, quoted := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quoted && c == '\\' && i+1 < len(line):
			i++
			b.WriteByte(line[i])
		case c == '"':
			quoted = !quoted
			in = true
		case !quoted && (c == ' ' || c == '\t'):
			if in {
				out = append(out, b.String())
				b.Reset()
				in = false
			}
		default:
			b.WriteByte(c)
			in = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unterminated quoted string")
	}
	if in {
		out = append(out, b.String())
	}
	return out, nil
}

// clip shortens text quoted in an error message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
