package policy

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// forbidden names builtins that reach outside the evaluation or make it
// depend on something other than the inventory, params and as-of date.
// Builtins OPA marks nondeterministic (time.now_ns, rand.intn, uuid.*,
// http.send, net.lookup_ip_addr, opa.runtime, ...) are removed as well.
// trace() stays: it is deterministic and does nothing unless a tracer
// listens (citygate eval --explain notes shows its notes).
var forbidden = map[string]bool{
	"opa.runtime": true,
	"http.send":   true,
}

// Capabilities is OPA's capability set for this version minus every
// forbidden or nondeterministic builtin, with no network access. A policy
// calling a removed builtin fails to compile with "undefined function".
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if b.Nondeterministic || forbidden[b.Name] || strings.HasPrefix(b.Name, "net.") {
			continue
		}
		kept = append(kept, b)
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}
