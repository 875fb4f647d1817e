package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// progress draws a one-line counter on a terminal's stderr once a run has
// taken more than a second: inventories done of the total, and findings so
// far, redrawn at most ten times a second and cleared at the end. On a
// pipe or a file (CI logs), or with --quiet, it writes nothing.
type progress struct {
	w       io.Writer
	enabled bool
	start   time.Time
	last    time.Time
	drawn   bool
}

func newProgress(w io.Writer, quiet bool) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, enabled: !quiet && ok && term.IsTerminal(int(f.Fd())), start: time.Now()}
}

func (p *progress) update(done, total, findings int) {
	if !p.enabled {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < time.Second || (now.Sub(p.last) < 100*time.Millisecond && done < total) {
		return
	}
	p.last = now
	p.drawn = true
	fmt.Fprintf(p.w, "\r\x1b[Kchecked %d/%d inventories (%d%%), %d findings", done, total, 100*done/max(total, 1), findings)
}

func (p *progress) finish() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
