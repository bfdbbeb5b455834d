package rules

import (
	"fmt"
	"strings"
)

// ParseNFT reads the output of `nft list ruleset` (and scripts in the same
// syntax, such as NFTables writes). Named sets, maps and other objects are
// skipped; a rule that refers to them keeps the reference as an unknown
// match. Errors name the file and line.
func ParseNFT(name string, data []byte) (*Ruleset, error) {
	rs := &Ruleset{File: name, Format: "nftables"}
	type block struct{ kind, name string }
	var stack []block
	table := ""
	var chain *FirewallChain
	skip := 0 // depth inside a skipped block (set, map, ...)
	for i, raw := range strings.Split(string(data), "\n") {
		n := i + 1
		errf := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
		}
		toks, err := nftTokens(raw)
		if err != nil {
			return nil, errf("%v", err)
		}
		if len(toks) == 0 {
			continue
		}
		if skip > 0 {
			for _, t := range toks {
				switch t {
				case "{":
					skip++
				case "}":
					skip--
				}
			}
			continue
		}
		opens := len(toks) > 0 && toks[len(toks)-1] == "{"
		switch {
		case toks[0] == "}":
			if len(stack) == 0 {
				return nil, errf("closing brace without an open table or chain")
			}
			if stack[len(stack)-1].kind == "chain" {
				chain = nil
			} else {
				table = ""
			}
			stack = stack[:len(stack)-1]
		case toks[0] == "table" && opens:
			if len(stack) != 0 {
				return nil, errf("table inside another block")
			}
			if len(toks) < 3 {
				return nil, errf("table without a name")
			}
			table = strings.Join(toks[1:len(toks)-1], " ")
			stack = append(stack, block{"table", table})
		case toks[0] == "chain" && opens:
			if len(stack) != 1 || table == "" {
				return nil, errf("chain outside a table")
			}
			if len(toks) != 3 {
				return nil, errf("chain line: want chain NAME {")
			}
			chain = &FirewallChain{Table: table, Name: toks[1], Line: n}
			rs.Chains = append(rs.Chains, chain)
			stack = append(stack, block{"chain", toks[1]})
		case opens && len(stack) == 1:
			skip = 1 // set, map, flowtable, counter, quota, ct helper ... objects
		case len(stack) == 0:
			switch toks[0] {
			case "add", "delete", "flush", "destroy", "define", "include", "create":
				continue // script commands around the ruleset
			}
			return nil, errf("unexpected %q outside a table", clip(strings.Join(toks, " ")))
		case len(stack) == 1:
			continue // table flags and comments
		case chain == nil:
			return nil, errf("rule outside a chain")
		case toks[0] == "type" || toks[0] == "policy":
			if err := nftChainHeader(chain, toks); err != nil {
				return nil, errf("chain %s: %v", chain.Name, err)
			}
		case toks[0] == "comment" || toks[0] == "devices" || toks[0] == "flags":
			continue
		default:
			r, err := nftRule(toks)
			if err != nil {
				return nil, errf("chain %s: %v", chain.Name, err)
			}
			r.File, r.Line, r.Chain, r.Text = name, n, chain.Name, strings.TrimSpace(raw)
			chain.Rules = append(chain.Rules, r)
		}
	}
	if skip > 0 || len(stack) > 0 {
		return nil, fmt.Errorf("%s: unexpected end of file inside a block (missing closing brace)", name)
	}
	return rs, nil
}

// nftChainHeader reads "type filter hook forward priority filter; policy drop;".
func nftChainHeader(c *FirewallChain, toks []string) error {
	for i := 0; i < len(toks); i++ {
		switch toks[i] {
		case "hook":
			if i+1 >= len(toks) {
				return fmt.Errorf("hook without a name")
			}
			i++
			c.Hook = toks[i]
			if c.Policy == "" {
				c.Policy = "accept" // the kernel's default policy
			}
		case "policy":
			if i+1 >= len(toks) {
				return fmt.Errorf("policy without a verdict")
			}
			i++
			p := strings.TrimSuffix(toks[i], ";")
			if p != "accept" && p != "drop" {
				return fmt.Errorf("policy %q: want accept or drop", p)
			}
			c.Policy = p
		}
	}
	return nil
}

// nftTokens splits a line into words, braces, commas and semicolons,
// keeping quoted strings whole and stopping at a comment.
func nftTokens(line string) ([]string, error) {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(line) && line[j] != '"' {
				if line[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(line) {
				return nil, fmt.Errorf("unterminated quoted string")
			}
			flush()
			out = append(out, "\""+line[i+1:j]+"\"")
			i = j
		case c == '#':
			flush()
			return out, nil
		case c == ' ' || c == '\t' || c == '\r':
			flush()
		case c == '{' || c == '}' || c == ',' || c == ';':
			flush()
			out = append(out, string(c))
		default:
			b.WriteByte(c)
		}
	}
	flush()
	return out, nil
}

// nftValue reads one value at toks[i] (a word or a { ... } set) and
// returns it comma-joined with the index after it.
func nftValue(toks []string, i int) (string, int, error) {
	if i >= len(toks) {
		return "", i, fmt.Errorf("missing value")
	}
	if toks[i] != "{" {
		v, j := toks[i], i+1
		for j+1 < len(toks) && toks[j] == "," { // established,related
			v += "," + toks[j+1]
			j += 2
		}
		return v, j, nil
	}
	var parts []string
	for j := i + 1; j < len(toks); j++ {
		switch toks[j] {
		case "}":
			return strings.Join(parts, ","), j + 1, nil
		case ",":
		default:
			parts = append(parts, toks[j])
		}
	}
	return "", len(toks), fmt.Errorf("set without a closing brace")
}

// nftRule reads the matches and statements of one rule line.
func nftRule(toks []string) (FirewallRule, error) {
	var r FirewallRule
	for i := 0; i < len(toks); {
		t := toks[i]
		next := func() (string, bool, error) {
			j := i + 2
			neg := false
			if j < len(toks) && (toks[j] == "!=" || toks[j] == "==") {
				neg = toks[j] == "!="
				j++
			}
			v, k, err := nftValue(toks, j)
			i = k
			return v, neg, err
		}
		switch t {
		case "ip", "ip6":
			if i+1 >= len(toks) {
				return r, fmt.Errorf("%s without a field", t)
			}
			field := toks[i+1]
			v, neg, err := next()
			if err != nil {
				return r, fmt.Errorf("%s %s: %v", t, field, err)
			}
			switch {
			case neg || strings.HasPrefix(v, "@") || strings.HasPrefix(v, "$"):
				r.Unknown = append(r.Unknown, t+" "+field+" "+v)
			case field == "saddr" || field == "daddr":
				ps, err := parsePrefixes(v)
				if err != nil {
					return r, fmt.Errorf("%s %s: %v", t, field, err)
				}
				if field == "saddr" {
					r.Source = ps
				} else {
					r.Destination = ps
				}
			case field == "protocol" || field == "nexthdr":
				if tr, ok := transportName(v); ok && !strings.Contains(v, ",") {
					r.Transport = tr
				} else {
					r.Unknown = append(r.Unknown, t+" "+field+" "+v)
				}
			default:
				r.Unknown = append(r.Unknown, t+" "+field+" "+v)
			}
		case "tcp", "udp", "th", "sctp":
			if i+1 >= len(toks) {
				return r, fmt.Errorf("%s without a field", t)
			}
			field := toks[i+1]
			v, neg, err := next()
			if err != nil {
				return r, fmt.Errorf("%s %s: %v", t, field, err)
			}
			if t == "tcp" || t == "udp" {
				r.Transport = t
			}
			if field != "dport" || neg || strings.HasPrefix(v, "@") {
				r.Unknown = append(r.Unknown, t+" "+field+" "+v)
				continue
			}
			ps, err := parsePortList(v)
			if err != nil {
				return r, fmt.Errorf("%s dport: %v", t, err)
			}
			r.Ports = ps
		case "meta":
			if i+1 >= len(toks) {
				return r, fmt.Errorf("meta without a key")
			}
			key := toks[i+1]
			v, neg, err := next()
			if err != nil {
				return r, fmt.Errorf("meta %s: %v", key, err)
			}
			if key == "l4proto" && !neg && !strings.Contains(v, ",") {
				if tr, ok := transportName(v); ok {
					r.Transport = tr
					continue
				}
			}
			if key != "nfproto" {
				r.Unknown = append(r.Unknown, "meta "+key+" "+v)
			}
		case "ct":
			if i+1 >= len(toks) {
				return r, fmt.Errorf("ct without a key")
			}
			key := toks[i+1]
			v, neg, err := next()
			if err != nil {
				return r, fmt.Errorf("ct %s: %v", key, err)
			}
			if key == "state" && !neg {
				r.States = strings.Split(v, ",")
			} else {
				r.Unknown = append(r.Unknown, "ct "+key+" "+v)
			}
		case "accept", "drop", "reject", "return", "continue", "queue":
			switch t {
			case "reject":
				r.Verdict = "drop"
			case "continue":
			default:
				r.Verdict = t
			}
			i++
			if t == "reject" && i+1 < len(toks) && toks[i] == "with" {
				i += 3 // reject with icmp type host-unreachable / tcp reset
				if i > len(toks) {
					i = len(toks)
				}
			}
		case "jump", "goto":
			if i+1 >= len(toks) {
				return r, fmt.Errorf("%s without a chain", t)
			}
			r.Verdict, r.Target = t, toks[i+1]
			i += 2
		case "comment":
			if i+1 >= len(toks) {
				return r, fmt.Errorf("comment without text")
			}
			r.Comment = strings.Trim(toks[i+1], "\"")
			i += 2
		case "counter":
			i++
			for i+1 < len(toks) && (toks[i] == "packets" || toks[i] == "bytes") {
				i += 2
			}
		case "log", "limit", "quota", "notrack", "flow", "mark", "nftrace", "prefix", "level", "group", "rate", "burst", "over", "name", "with":
			i++ // statements that do not filter; their arguments are skipped below as words
		default:
			if iface := strings.HasSuffix(t, "ifname") || t == "iif" || t == "oif"; iface {
				_, _, err := next()
				if err != nil {
					return r, fmt.Errorf("%s: %v", t, err)
				}
				r.Unknown = append(r.Unknown, t)
				continue
			}
			i++ // argument words of skipped statements, handles, numbers
		}
	}
	return r, nil
}
