package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/report"
)

// safeWriter passes print() output through report.SafeText: rules print
// inventory values, and a bid's strings must not drive the terminal. OPA's
// print hook writes one whole line per call, so each write is cleaned on
// its own.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(s.w, report.SafeText(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// debugPrint is where check --debug (and tender check --debug) send
// print() output: stderr, made safe; nil without --debug, when the rules
// are compiled without their print calls.
func debugPrint(cmd *cobra.Command) io.Writer {
	if !debugFlag(cmd) {
		return nil
	}
	return safeWriter{cmd.ErrOrStderr()}
}
